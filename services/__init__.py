"""The work behind resolvers: auth, tenancy, screen composition, notifications, jobs."""
