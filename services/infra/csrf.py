"""CSRF prevention as Apollo Server does it.

A browser sends a cross-site request without a CORS preflight only when it is "simple": GET/POST with no
content type or one of `text/plain`, `application/x-www-form-urlencoded`, `multipart/form-data`, and no
custom header. Such a request carrying a cookie is refused before anything runs, unless it carries a header
that forces a preflight (`Apollo-Require-Preflight`, `X-Apollo-Operation-Name`, `X-Tenant-ID`,
`Authorization`): a page on another origin cannot add those without passing the CORS allowlist.
"""

from __future__ import annotations

from collections.abc import Mapping

SIMPLE_CONTENT_TYPES = frozenset({"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"})
PREFLIGHT_HEADERS = ("apollo-require-preflight", "x-apollo-operation-name", "x-tenant-id", "authorization")
MESSAGE = (
    "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify "
    "a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, "
    "multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: "
    "Apollo-Require-Preflight, X-Apollo-Operation-Name, X-Tenant-ID\n"
)


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_simple_request(headers: Mapping[str, str]) -> bool:
    """True when a browser would send this request cross-site without a preflight."""
    content_type = headers.get("content-type")
    if content_type is not None and media_type(content_type) not in SIMPLE_CONTENT_TYPES:
        return False
    return not any(headers.get(name, "").strip() for name in PREFLIGHT_HEADERS)


def csrf_blocked(method: str, headers: Mapping[str, str]) -> bool:
    """A cookie-bearing simple request: refused, since a foreign page may have sent it."""
    if method not in ("GET", "POST") or not headers.get("cookie"):
        return False
    return is_simple_request(headers)
