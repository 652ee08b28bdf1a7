"""Signing in as people do: a browser with its own cookie jar (where the refresh cookie lives), sign-in
shortcuts, and access tokens made by hand with chosen claims (for the tests of what the app refuses)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import jwt

from config import Settings
from tests.support.actors import DEFAULT_PASSWORD, unique
from tests.support.documents import client_document
from tests.support.graphql import GQL


class Browser:
    """One browser: its own cookie jar (the refresh cookie lives there), talking to the app over ASGI."""

    def __init__(self, app: Any, settings: Settings, user_agent: str = "pytest-browser",
                 address: str = "127.0.0.1") -> None:
        transport = httpx.ASGITransport(app=app, client=(address, 50001))
        self.client = httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers={"user-agent": user_agent}
        )
        self.settings = settings
        self.gql = GQL(self.client)

    async def __aenter__(self) -> Browser:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    @property
    def last_response(self) -> httpx.Response | None:
        return self.gql.last_response

    async def post(self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
                   headers: dict[str, str] | None = None, operation_name: str | None = None) -> dict[str, Any]:
        """GraphQL as this browser sends it, signed in with `token` when given."""
        all_headers = {"Authorization": f"Bearer {token}"} if token else {}
        all_headers.update(headers or {})
        return await self.gql(query, variables, headers=all_headers, operation_name=operation_name)

    async def op(self, name: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        return await self.post(client_document(name), variables, operation_name=name, **kwargs)

    @property
    def refresh_token(self) -> str | None:
        return self.client.cookies.get(self.settings.refresh_cookie_name)

    def set_refresh_token(self, value: str) -> None:
        self.client.cookies.clear()
        self.client.cookies.set(self.settings.refresh_cookie_name, value, domain="testserver.local", path="/graphql")

    def set_cookie_headers(self) -> list[str]:
        assert self.last_response is not None
        return self.last_response.headers.get_list("set-cookie")

    async def login(self, email: str, password: str = DEFAULT_PASSWORD) -> str:
        result = await self.op("Login", {"input": {"email": email, "password": password}})
        payload = result["data"]["login"]
        assert payload["userErrors"] == [], result
        token: str = payload["accessToken"]
        return token

    async def refresh(self) -> dict[str, Any]:
        return await self.op("RefreshSession")


def login_input(email: str, password: str = DEFAULT_PASSWORD) -> dict[str, Any]:
    return {"input": {"email": email, "password": password}}


def new_email() -> str:
    return f"{unique('person')}@example.org"


def signed_token(settings: Settings, user_id: int, *, key: str | None = None, algorithm: str = "HS256",
                 headers: dict[str, Any] | None = None, **overrides: Any) -> str:
    """An access-token-shaped JWT with chosen claims (a claim set to None is left out)."""
    now = int(datetime.now(UTC).timestamp())
    claims: dict[str, Any] = {
        "sub": str(user_id), "typ": "access", "iss": settings.jwt_issuer, "aud": settings.jwt_audience,
        "iat": now, "nbf": now, "exp": now + 600, "jti": unique("jti"),
    }
    claims.update(overrides)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, key or settings.jwt_key(), algorithm=algorithm,
                      headers={"typ": "at+jwt", **(headers or {})})
