"""The platform: audit logs of privileged and impersonated actions."""
