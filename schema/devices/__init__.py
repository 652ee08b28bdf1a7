"""GraphQL schema of the devices domain: pairing, devices, commands, health, releases, screens."""
