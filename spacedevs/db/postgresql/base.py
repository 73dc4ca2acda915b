"""Django's PostgreSQL backend (psycopg 3 or psycopg2), counted for `/metrics` (django-prometheus), with a
client-side deadline on every call.

The server's `statement_timeout` (`DATABASE_STATEMENT_TIMEOUT`, set through libpq's `options`) cancels a
slow query, and libpq's `connect_timeout` bounds a new connection; but a server that is frozen (stopped
with SIGSTOP, a hung host, a network path that swallows packets) enforces nothing, and its kernel still
acknowledges what is sent, so no TCP timeout fires either: the call would wait for ever, until gunicorn
kills the worker and the client gets no answer at all.

So every query, commit, rollback and health check (`is_usable`) runs under a deadline: the statement
timeout plus `GRACE_SECONDS`, by which a live server has answered or cancelled. A watchdog thread, one per
process, shuts down the socket of a call that passes its deadline; the call then fails at once as a
lost connection (`OperationalError`, answered 503 by `spacedevs.errors`), Django drops that connection,
and the next request connects again. Without a statement timeout (`0`), nothing is watched.

With psycopg 3, `timestamptz` values are parsed by psycopg's own loader (in C, with psycopg's binary
package) instead of the pure-Python one Django's loader subclasses, then given the connection's timezone
as Django's loader gives it: the same values, several times faster (a page of 100 launches reads a
thousand of them).
"""

import functools
import os
import select
import socket
import threading
import time
from contextlib import contextmanager

from django.db.backends.postgresql import base
from django_prometheus.db.backends.postgresql import base as counted

if base.is_psycopg3:
    from psycopg import _queries

    # psycopg keeps its conversion of a query (`%s` placeholders to `$1`, the bytes it sends, which also
    # key the connection's prepared statements) only for queries up to 4,096 characters, so as not to hold
    # an ORM's many long one-off INSERTs. The statements `spacedevs.api.sqljson` writes are few and
    # up to 40 KB long, and each execution split and hashed one again: 26 us of the 440 us a flight detail
    # costs in Python. Queries with more than 50 parameters (bulk INSERTs, long IN lists) stay uncached.
    _queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, 1 << 16)

# How long after the statement timeout a call that has not come back is cut: a live server has
# cancelled it by then.
GRACE_SECONDS = 2.0
# How often the watchdog looks at the calls in flight: the deadline's precision.
TICK_SECONDS = 0.25


class Watchdog:
    """Calls in flight with their deadlines, and a thread that cuts the socket of any call past its own.

    Arming and disarming a call is a dictionary operation under a lock; the thread starts with the first
    call of a process (again after a fork) and wakes every `TICK_SECONDS`. A socket is cut while the
    lock is held and its call is still armed, so it is never a socket that its call has since closed and
    whose number the process reused.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._calls = {}
        self._pid = None

    @contextmanager
    def deadline(self, fileno, seconds):
        self._start()
        token = object()
        with self._lock:
            self._calls[token] = (time.monotonic() + seconds, fileno)
        try:
            yield
        finally:
            with self._lock:
                self._calls.pop(token, None)

    def _start(self):
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid != os.getpid():
                self._calls.clear()
                threading.Thread(target=self._watch, name="database-deadlines", daemon=True).start()
                self._pid = os.getpid()

    def _watch(self):
        while True:
            time.sleep(TICK_SECONDS)
            now = time.monotonic()
            with self._lock:
                for token, (deadline, fileno) in list(self._calls.items()):
                    if now >= deadline:
                        del self._calls[token]
                        _cut(fileno)


def _cut(fileno):
    """Shut the socket down for both directions: the blocked call sees the connection end."""
    try:
        with socket.socket(fileno=os.dup(fileno)) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


WATCHDOG = Watchdog()


class DatabaseWrapper(counted.DatabaseWrapper):
    """django-prometheus's counting wrapper of Django's backend (`/metrics`), with the deadlines."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_deadline = _deadline_of(self.settings_dict)
        if self.call_deadline:
            self.execute_wrappers.append(self._watched_query)

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if base.is_psycopg3:
            connection.adapters.register_loader("timestamptz", timestamptz_loader(self.timezone))
        return connection

    @contextmanager
    def _watched(self):
        fileno = self._fileno() if self.call_deadline else None
        if fileno is None:
            yield
            return
        with WATCHDOG.deadline(fileno, self.call_deadline):
            yield

    def _fileno(self):
        """The socket of the connection, or None without one (never opened, or closed)."""
        try:
            return None if self.connection is None else self.connection.fileno()
        except base.Database.Error:
            return None

    def _watched_query(self, execute, sql, params, many, context):
        with self._watched():
            return execute(sql, params, many, context)

    def is_usable(self):
        """Whether the connection can serve the next request, known without a call to the server with
        psycopg 3 (Django's check sends `SELECT 1`: a second round trip on every request, about a third of
        what a flight detail's own statement costs the worker).

        Between requests the server sends an idle connection nothing unasked, so anything to read on
        its socket means the session is over: the FATAL error of a restart or of
        `pg_terminate_backend`, the end of the stream, or a socket the watchdog shut down. A server that
        vanished without a word (a frozen or unreachable host) is found by the request's first query
        instead, under the same deadline `SELECT 1` would have waited for, and answered 503
        (`spacedevs.errors`); the connection is then dropped and the next request connects again."""
        if self.connection is None or self.connection.closed:
            return False
        if not base.is_psycopg3:
            with self._watched():
                return super().is_usable()
        # As `SELECT 1` would fail, so does a transaction that an error aborted (INERROR), or a command
        # still in progress (ACTIVE).
        ready = (base.Database.pq.TransactionStatus.IDLE, base.Database.pq.TransactionStatus.INTRANS)
        try:
            if self.connection.broken or self.connection.info.transaction_status not in ready:
                return False
            poll = select.poll()
            poll.register(self.connection.fileno(), select.POLLIN | select.POLLPRI)
            return not poll.poll(0)
        except (OSError, ValueError, base.Database.Error):
            return False

    def _commit(self):
        with self._watched():
            return super()._commit()

    def _rollback(self):
        with self._watched():
            return super()._rollback()


@functools.cache
def timestamptz_loader(timezone):
    """A loader of `timestamptz` giving what Django's (`psycopg_any.BaseTzLoader` on `timezone`) gives:
    psycopg's own parse, in the session's time zone that Django sets to the connection's, with the
    connection's `timezone` (None: naive) as its `tzinfo`."""
    import psycopg
    from psycopg.pq import Format

    oid = psycopg.adapters.types["timestamptz"].oid
    parse = psycopg.adapters.get_loader(oid, Format.TEXT)

    class TimestamptzLoader(psycopg.adapt.Loader):
        def __init__(self, oid, context=None):
            super().__init__(oid, context)
            self._parse = parse(oid, context).load

        def load(self, data):
            return self._parse(data).replace(tzinfo=timezone)

    # What Django's `create_cursor` compares with the connection's before registering a loader of its own.
    TimestamptzLoader.timezone = timezone
    return TimestamptzLoader


def _deadline_of(settings_dict):
    """Seconds a call may take: the statement timeout that `options` sets, plus the grace; None when
    there is no statement timeout."""
    for option in settings_dict.get("OPTIONS", {}).get("options", "").split():
        name, _, value = option.removeprefix("-c").partition("=")
        if name.strip() == "statement_timeout" and value.isdigit() and int(value) > 0:
            return int(value) / 1000 + GRACE_SECONDS
    return None
