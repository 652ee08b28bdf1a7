"""Platform: the synagogue audit log (ADMIN and above) and the platform audit log (platform administrators)."""
