"""Synagogue's root fields: the synagogue a request acts in, opening one, its profile and its members."""
