"""TV devices: pairing, credentials and presence, commands, groups, releases, upkeep and live screens."""
