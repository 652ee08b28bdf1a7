"""Errors that services raise and the GraphQL layer turns into `extensions.code`."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    TENANT_REQUIRED = "TENANT_REQUIRED"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNAVAILABLE = "UNAVAILABLE"
    THROTTLED = "THROTTLED"
    OPERATION_NOT_ALLOWED = "OPERATION_NOT_ALLOWED"


class ServiceError(Exception):
    """An expected failure with a machine-readable code; never masked."""

    code: ErrorCode = ErrorCode.BAD_USER_INPUT

    def __init__(self, message: str, code: ErrorCode | None = None, **extensions: object) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.extensions = extensions


class Unauthenticated(ServiceError):
    code = ErrorCode.UNAUTHENTICATED


class Forbidden(ServiceError):
    code = ErrorCode.FORBIDDEN


class NotFound(ServiceError):
    code = ErrorCode.NOT_FOUND


class Unavailable(ServiceError):
    code = ErrorCode.UNAVAILABLE
