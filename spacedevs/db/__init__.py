"""The database backend of the service: PostgreSQL whose calls cannot hang a worker (see `postgresql`)."""
