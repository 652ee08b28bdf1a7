"""Users, passwords, sessions and tokens; who is calling and which synagogue a request acts in."""
