"""The root fields of the devices domain (queries, one module per mutation, subscriptions), its `node(id:)`
roads, and `access.py`, the one road from an id to a device, a command or a release."""
