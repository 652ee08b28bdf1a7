"""Where a webhook may go, how its secret is kept, and how a delivery is signed.

Secrets follow the Standard Webhooks format (`whsec_` + base64 of 24 random bytes) and are stored
sealed with AES-GCM under a key derived from `SECRETS_KEY` (or the JWT secret), bound to the tenant.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import ipaddress
import os
import secrets
import socket
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from config import get_settings

SECRET_PREFIX = "whsec_"
MAX_URL_LENGTH = 2000
_SEAL_VERSION = "v1"


class RefusedTarget(ValueError):
    """The URL is malformed or points at an address webhooks may not reach."""


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def _key() -> bytes:
    settings = get_settings()
    material = settings.secrets_key or settings.jwt_key()
    return hashlib.sha256(b"shulgraph webhook secrets\x00" + material.encode()).digest()


def seal_secret(secret: str, tenant_id: int) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_key()).encrypt(nonce, secret.encode(), f"tenant:{tenant_id}".encode())
    return f"{_SEAL_VERSION}:" + base64.b64encode(nonce + sealed).decode()


def open_secret(sealed: str, tenant_id: int) -> str:
    version, _, data = sealed.partition(":")
    if version != _SEAL_VERSION:
        raise ValueError("unknown sealed secret format")
    raw = base64.b64decode(data)
    return AESGCM(_key()).decrypt(raw[:12], raw[12:], f"tenant:{tenant_id}".encode()).decode()


def sign(secret: str, delivery_id: str, timestamp: int, body: bytes, *more: str) -> dict[str, str]:
    """The Standard Webhooks headers for one attempt: one `v1,` signature per secret (`secret`, then `more`: the
    previous secret during a rotation's overlap), separated by spaces as the spec allows."""
    signed = f"{delivery_id}.{timestamp}.".encode() + body
    signatures = []
    for each in (secret, *more):
        key = base64.b64decode(each.removeprefix(SECRET_PREFIX))
        signatures.append("v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode())
    return {"webhook-id": delivery_id, "webhook-timestamp": str(timestamp), "webhook-signature": " ".join(signatures)}


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an acceptable webhook URL, or `RefusedTarget`."""
    if len(url) > MAX_URL_LENGTH:
        raise RefusedTarget(f"at most {MAX_URL_LENGTH} characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise RefusedTarget("not a URL") from error
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise RefusedTarget("an http:// or https:// URL is needed")
    if parts.username is not None or parts.password is not None:
        raise RefusedTarget("credentials in the URL are not accepted")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")
"""RFC 6052: the last 32 bits are the IPv4 address a NAT64 gateway reaches."""
IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
"""RFC 4291's deprecated IPv4-compatible addresses (`::a.b.c.d`); `::` and `::1` are not IPv4."""
INWARD_ONLY = (
    ipaddress.IPv6Network("64:ff9b:1::/48"),  # RFC 8215 local-use NAT64: an operator's own translators
    ipaddress.IPv6Network("fec0::/10"),  # site-local (deprecated, still routed inside some sites)
)
"""IPv6 prefixes that lead only inward, whatever they embed."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, in each encoding that carries one."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in NAT64_WELL_KNOWN or (ip in IPV4_COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _refused_address(address: str) -> bool:
    """Whether a delivery must not reach `address`: not global, multicast, or an IPv6 spelling of such an IPv4
    address (Python's `is_global` takes NAT64, 6to4 and IPv4-compatible addresses for global ones)."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in prefix for prefix in INWARD_ONLY):
            return True
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            ip = embedded
    return not ip.is_global or ip.is_multicast


async def resolve(host: str, port: int, allow_private: bool) -> list[str]:
    """The addresses of `host`, every one of them allowed, or `RefusedTarget`."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        raise RefusedTarget(f"cannot resolve {host}") from error
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private and any(_refused_address(a) for a in addresses):
        raise RefusedTarget(f"{host} resolves to a loopback, private or link-local address")
    return addresses


async def check_target(url: str, allow_private: bool) -> None:
    """Refuse a URL now if it is malformed or its host resolves to a refused address.

    A host that does not resolve yet is accepted; every delivery resolves and checks it again.
    """
    _, host, port = check_url(url)
    try:
        await resolve(host, port, allow_private)
    except RefusedTarget as error:
        if error.__cause__ is None:
            raise


async def pinned_request(url: str, allow_private: bool) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The URL rewritten to a checked address, with the Host header and TLS server name of the original."""
    scheme, host, port = check_url(url)
    address = (await resolve(host, port, allow_private))[0]
    parts = urlsplit(url)
    literal = f"[{address}]" if ":" in address else address
    pinned = urlunsplit(parts._replace(netloc=f"{literal}:{port}"))
    default_port = 443 if scheme == "https" else 80
    host_header = host if port == default_port else f"{host}:{port}"
    if ":" in host and not host.startswith("["):
        host_header = f"[{host}]" if port == default_port else f"[{host}]:{port}"
    extensions: dict[str, Any] = {"sni_hostname": host} if scheme == "https" else {}
    return pinned, {"host": host_header}, extensions
