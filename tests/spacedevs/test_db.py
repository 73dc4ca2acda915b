"""The database settings: libpq's timeouts, and the watchdog that cuts a call a frozen server never
answers (its real test, on a cluster of its own, is `test_outage.py`)."""

import socket
import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection, connections

from spacedevs.db.postgresql.base import GRACE_SECONDS, Watchdog, _deadline_of
from spacedevs.settings import database


def test_postgresql_gets_short_timeouts_by_default(monkeypatch):
    monkeypatch.delenv("DATABASE_STATEMENT_TIMEOUT", raising=False)
    monkeypatch.delenv("DATABASE_CONNECT_TIMEOUT", raising=False)

    settings = database("postgres://app@db.example:5432/spacedevs")

    assert settings["ENGINE"] == "spacedevs.db.postgresql"
    assert settings["OPTIONS"]["connect_timeout"] == 3
    assert settings["OPTIONS"]["options"] == "-c statement_timeout=5000 -c jit=off"
    assert settings["CONN_HEALTH_CHECKS"] is True


def test_the_timeouts_are_settings(monkeypatch):
    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT", "30")
    monkeypatch.setenv("DATABASE_CONNECT_TIMEOUT", "10")

    settings = database("postgres://app@db.example:5432/spacedevs")

    assert settings["OPTIONS"]["connect_timeout"] == 10
    assert settings["OPTIONS"]["options"] == "-c statement_timeout=30000 -c jit=off"


@pytest.mark.django_db
def test_the_api_s_connections_run_without_jit():
    # PostgreSQL's JIT compiled the statement of a page of 100 detailed flights for 5 s (it writes it in
    # 30 ms): the service's connections switch it off.
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_statements_are_prepared_unless_switched_off(monkeypatch):
    prepared = database("postgres://app@db.example:5432/spacedevs")["OPTIONS"]
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "false")
    unprepared = database("postgres://app@db.example:5432/spacedevs")["OPTIONS"]

    assert (prepared["server_side_binding"], prepared["prepare_threshold"]) == (True, 1)
    assert "server_side_binding" not in unprepared
    assert "prepare_threshold" not in unprepared


@pytest.mark.parametrize("value", ["5s", "-1", "1.5", "soon"])
def test_a_timeout_that_is_not_whole_seconds_stops_startup(monkeypatch, value):
    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT", value)

    with pytest.raises(ImproperlyConfigured, match="DATABASE_STATEMENT_TIMEOUT must be a whole number"):
        database("postgres://app@db.example:5432/spacedevs")


def test_sqlite_has_no_network_timeouts():
    settings = database("sqlite:///db.sqlite3")

    assert settings["ENGINE"] == "django.db.backends.sqlite3"
    assert "options" not in settings.get("OPTIONS", {})


def test_a_call_may_outlive_the_statement_timeout_by_the_grace_only():
    assert _deadline_of({"OPTIONS": {"options": "-c statement_timeout=5000"}}) == 5 + GRACE_SECONDS
    assert _deadline_of({"OPTIONS": {"options": "-c statement_timeout=0"}}) is None
    assert _deadline_of({"OPTIONS": {}}) is None


def test_the_watchdog_cuts_a_call_past_its_deadline():
    server, client = socket.socketpair()
    with server, client:
        started = time.monotonic()
        with Watchdog().deadline(client.fileno(), 0.5):
            # What a call to a frozen server does: wait for an answer that never comes.
            assert client.recv(1) == b""
        assert 0.5 <= time.monotonic() - started < 2


def test_the_watchdog_leaves_a_call_that_returned_in_time():
    server, client = socket.socketpair()
    with server, client:
        with Watchdog().deadline(client.fileno(), 0.3):
            server.sendall(b"x")
            assert client.recv(1) == b"x"
        time.sleep(0.8)
        server.sendall(b"y")
        assert client.recv(1) == b"y"


@pytest.mark.django_db
def test_a_closed_connection_is_found_unusable_not_an_error():
    if connection.vendor != "postgresql":
        pytest.skip("the deadline backend is PostgreSQL's")
    # A connection of the test's own: the suite's must stay open.
    other = connections.create_connection("default")
    other.ensure_connection()
    other.connection.close()

    assert other.is_usable() is False
    other.close()


@pytest.fixture
def other_connection():
    """A connection of the test's own (the suite's must stay open), open, closed after the test."""
    if connection.vendor != "postgresql":
        pytest.skip("the deadline backend is PostgreSQL's")
    other = connections.create_connection("default")
    other.ensure_connection()
    yield other
    other.close()


@pytest.mark.django_db
def test_a_live_connection_is_found_usable_without_a_call_to_the_server(other_connection, monkeypatch):
    def sent(*args, **kwargs):
        raise AssertionError("the health check called the server")

    for method in ("execute", "cursor"):
        monkeypatch.setattr(other_connection.connection, method, sent)

    assert other_connection.is_usable() is True


@pytest.mark.django_db
def test_a_connection_in_a_transaction_an_error_aborted_is_found_unusable(other_connection):
    other_connection.set_autocommit(False)
    with pytest.raises(DatabaseError), other_connection.cursor() as cursor:
        cursor.execute("SELECT 1/0")

    assert other_connection.is_usable() is False  # as SELECT 1 would fail


@pytest.mark.django_db
def test_a_connection_whose_session_the_server_ended_is_found_unusable(other_connection):
    backend = other_connection.connection.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [backend])
    # The server's FATAL message and the end of the stream reach the socket soon after.
    deadline = time.monotonic() + 10
    while other_connection.is_usable() and time.monotonic() < deadline:
        time.sleep(0.05)

    assert other_connection.is_usable() is False


@pytest.mark.django_db
def test_the_payload_statements_are_converted_once_per_process(other_connection):
    """psycopg keeps its conversion of the long statements `sqljson` writes (see the backend's module):
    running one twice converts it once."""
    from psycopg import _queries

    statement = "SELECT %s::text || " + " || ".join(["'x'"] * 2000)  # 14 KB, as a payload's
    assert len(statement) > 4096
    _queries._query2pg.cache_clear()
    with other_connection.cursor() as cursor:
        for _ in range(2):
            cursor.execute(statement, ["a"])

    assert _queries._query2pg.cache_info().misses == 1
    assert _queries._query2pg.cache_info().hits == 1


TIMESTAMPS = [
    "2026-11-28 21:44:59.123456+00",
    "1961-04-12 06:07:00+00",
    "0099-01-02 03:04:05+00",
    "2024-02-29 23:59:59.5-05:30",
    "9999-12-30 23:59:59+00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("session_zone", [None, "Asia/Kolkata"])
def test_timestamps_load_as_django_s_own_loader_loads_them(session_zone):
    if connection.vendor != "postgresql":
        pytest.skip("a loader of psycopg 3's")
    from django.db.backends.postgresql.psycopg_any import BaseTzLoader

    from spacedevs.db.postgresql.base import timestamptz_loader

    class DjangosLoader(BaseTzLoader):
        timezone = connection.timezone

    select = "SELECT " + ", ".join(f"'{value}'::timestamptz" for value in TIMESTAMPS)
    with connection.cursor() as cursor:
        if session_zone:
            cursor.execute(f"SET TIME ZONE '{session_zone}'")
        cursor.execute(select)
        ours = cursor.fetchone()
        assert connection.connection.adapters.get_loader(1184, 0) is timestamptz_loader(connection.timezone)
        cursor.cursor.adapters.register_loader("timestamptz", DjangosLoader)
        cursor.execute(select)
        djangos = cursor.fetchone()
        if session_zone:
            cursor.execute("SET TIME ZONE 'UTC'")
    assert ours == djangos
    zones = [connection.timezone] * len(TIMESTAMPS)
    assert [value.tzinfo for value in ours] == [value.tzinfo for value in djangos] == zones
    assert [value.isoformat() for value in ours] == [value.isoformat() for value in djangos]
