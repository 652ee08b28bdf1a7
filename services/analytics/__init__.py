"""Fleet analytics from device heartbeats."""
