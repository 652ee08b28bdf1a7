"""What the release mutations share: the shape of a version, a URL and a checksum."""

from __future__ import annotations

import re

from schema.devices.inputs import PublishSoftwareReleaseInput
from schema.errors import UserError, UserErrorCode, user_error

VERSION = re.compile(r"^\d+(\.\d+){0,3}(-[0-9A-Za-z.]+)?$")


CHECKSUM = re.compile(r"^(sha256:)?[0-9a-f]{64}$")


def release_errors(data: PublishSoftwareReleaseInput) -> list[UserError]:
    errors: list[UserError] = []
    if not VERSION.match(data.version):
        errors.append(user_error("version", UserErrorCode.INVALID, "a version like 1.4.2"))
    if not data.url.startswith("https://") or len(data.url) > 500:
        errors.append(user_error("url", UserErrorCode.INVALID, "an https URL of at most 500 characters"))
    if not CHECKSUM.match(data.checksum.lower()):
        errors.append(user_error("checksum", UserErrorCode.INVALID, "a SHA-256 hex digest"))
    return errors
