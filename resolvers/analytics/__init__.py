"""The root fields of fleet analytics; they reach devices through `resolvers.devices.access`."""
