"""Identity's root fields: who I am, the synagogue's members, my sessions, and the sign-in mutations."""
