"""The data version: a value every committed write changes, read by every worker on every host.

Cached responses and counts are stored under it (`spacedevs.api.cache`), so a write makes them
unreachable at once, everywhere, without anything to delete. Where it lives:

- with `REDIS_URL`, in Redis (the `responses` cache), which every worker of every host reads;
- without it, as a file beside an SQLite database (or in the temporary folder for another database)
  that every worker of the host reads with one `stat`: one host only, which is what a deployment
  without Redis is. `DATA_VERSION_FILE` names another file.

What changes it: every save, delete and many-to-many change of a model of the domain apps (signals,
so models added later are covered too), bumped once per transaction when it commits; and the writes
that bypass signals (`bulk_create`, set-based SQL: `recount`, `populate`) call `bump_on_commit()`
themselves. `loaddata` saves through the signals (`raw=True`).
"""

import functools
import os
import tempfile
import time
import uuid
from hashlib import sha256
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.dispatch import receiver

DOMAIN_APPS = frozenset({"agencies", "launches", "astronauts", "stations", "spacecraft", "events"})
REDIS_KEY = "data-version"


def current() -> str:
    """The data version now: equal on every worker until the next committed write."""
    if settings.REDIS_URL:
        cache = caches["responses"]
        version = cache.get(REDIS_KEY)
        if version is None:
            # Never set, or evicted: start from the clock, never from a number used before.
            cache.add(REDIS_KEY, time.time_ns())
            version = cache.get(REDIS_KEY)
        return str(version)
    try:
        stat = os.stat(_version_file_name())
    except FileNotFoundError:
        return "0"
    return f"{stat.st_ino}.{stat.st_mtime_ns}"


def bump() -> None:
    """Change the data version now (see `bump_on_commit` for a write in a transaction)."""
    if settings.REDIS_URL:
        cache = caches["responses"]
        try:
            cache.incr(REDIS_KEY)
        except ValueError:  # never set, or evicted
            cache.add(REDIS_KEY, time.time_ns())
        return
    path = version_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # A new file replaces the old one: a new inode, read by `current()` along with its time.
    fresh = path.with_name(f"{path.name}.{uuid.uuid4().hex}")
    fresh.write_text(uuid.uuid4().hex)
    os.replace(fresh, path)


def bump_on_commit(using: str = DEFAULT_DB_ALIAS) -> None:
    """Change the data version when the current transaction commits (at once outside one); once per
    transaction however many writes call it."""
    connection = connections[using]
    if connection.in_atomic_block and any(func is bump for _sids, func, _robust in connection.run_on_commit):
        return
    transaction.on_commit(bump, using=using)


@functools.cache
def _version_file_name() -> str:
    """`version_file()`, named once: `current()` runs on every cached response."""
    return str(version_file())


@receiver(setting_changed)
def _settings_changed(setting, **kwargs) -> None:
    if setting in ("DATA_VERSION_FILE", "DATABASES"):
        _version_file_name.cache_clear()


def version_file() -> Path:
    if settings.DATA_VERSION_FILE:
        return Path(settings.DATA_VERSION_FILE)
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return Path(f"{database['NAME']}.data-version")
    where = f"{database.get('HOST')}:{database.get('PORT')}/{database['NAME']}"
    return Path(tempfile.gettempdir()) / f"spacedevs-data-version-{sha256(where.encode()).hexdigest()[:16]}"


def changed(sender, *, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """The receiver of `post_save`, `post_delete` and `m2m_changed`: a write to a domain model."""
    if sender._meta.app_label in DOMAIN_APPS:
        bump_on_commit(using)
