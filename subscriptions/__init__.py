"""Real time: broadcaster wiring, channel names, screen and device-command streams."""
