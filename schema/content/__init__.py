"""Content: messages, memorials and yahrzeits, prayer times, classes, aliyot, the computed day, zmanim."""
