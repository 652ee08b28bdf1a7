"""The shape of the devices domain as the API shows it (devices, settings, commands, heartbeats, releases,
screens, live events): enums, types, inputs, payloads and the loaders the types fetch through. Its root fields
are in `resolvers/devices/`, the work behind both in `services/devices/`."""
