"""Django's PostgreSQL backend, with a deadline on every call to the server (`base.DatabaseWrapper`)."""
