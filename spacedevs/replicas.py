"""Reads of the API on PostgreSQL read replicas, everything else on the primary.

`DATABASE_REPLICA_URLS` (comma-separated) adds one database alias per replica (`replica1`...). The
router sends a query to a replica only while the API serves a request (`LL2ViewSet` reads inside
`reading_replicas()`) outside a transaction; each request picks one replica, so its queries see one
database. Everything
else goes to the primary, `default`: the admin (a curator reads what they just wrote), the mirror's
commands (`import_ll2`, `sync_ll2`, `recount`, `populate`, `export_ll2`), migrations, and every write.
"""

import contextlib
import contextvars
import random
from collections.abc import Iterator

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_PREFIX = "replica"

_replica: contextvars.ContextVar[str | None] = contextvars.ContextVar("replica", default=None)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith(REPLICA_PREFIX)]


@contextlib.contextmanager
def reading_replicas() -> Iterator[None]:
    """Within the block, reads go to one replica, chosen at random; to the primary when none is configured
    or a transaction is open on it (`export_ll2`'s snapshot: its reads must see that transaction)."""
    aliases = replica_aliases()
    if not aliases or connections[DEFAULT_DB_ALIAS].in_atomic_block:
        token = _replica.set(None)
    else:
        token = _replica.set(random.choice(aliases))
    try:
        yield
    finally:
        _replica.reset(token)


class ReplicaRouter:
    """Django's database router for `DATABASE_REPLICA_URLS` (see the module docstring)."""

    def db_for_read(self, model, **hints):
        return _replica.get() or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Every alias holds the same data.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A replica replays the primary's schema.
        return db == DEFAULT_DB_ALIAS
