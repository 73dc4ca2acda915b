"""The database stopped, then frozen, under a real gunicorn: 503 JSON with `Retry-After` while it is out
of reach, never a 500 nor a dropped connection, and 200 again once it is back, with no restart.

A PostgreSQL cluster of the test's own (`tests.servers.Cluster`) serves `make serve`; the test stops it
(`pg_ctl stop`) and freezes it (SIGSTOP on every process of the cluster, which then enforces no timeout
of its own).
"""

import itertools
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from spacedevs.errors import RETRY_AFTER_SECONDS
from tests.servers import Cluster, call, make_serve

pytestmark = pytest.mark.slow

PATHS = [
    "/2.2.0/spacecraft/flight/",
    "/2.2.0/spacecraft/flight/567/",
    "/2.2.0/launch/upcoming/?mode=detailed",
    "/2.2.0/astronaut/?mode=list",
]
# The timeouts the server runs with: a frozen database costs a request at most the statement timeout
# plus the watchdog's grace (2 s) for the call in flight, then the connect timeout for a new connection.
TIMEOUTS = {"DATABASE_STATEMENT_TIMEOUT": "2", "DATABASE_CONNECT_TIMEOUT": "2"}
WORST_CASE_SECONDS = 2 + 2 + 2 + 1
CALLS = itertools.count()


@pytest.fixture(scope="module")
def cluster():
    cluster = Cluster()
    yield cluster
    cluster.remove()


@pytest.fixture(scope="module")
def served(cluster, tmp_path_factory):
    with make_serve(
        tmp_path_factory.mktemp("outage"), DATABASE_URL=cluster.url, WEB_CONCURRENCY="2", **TIMEOUTS
    ) as base:
        yield base


def timed_calls(base, paths):
    """Each path called at once, from as many clients: (status, headers, body, seconds) each.

    Each call is one the response cache has not stored (a parameter of its own, which the API ignores),
    so it reaches the database: a stored response is served without it (tests/spacedevs/test_cache.py).
    """

    def timed(path):
        started = time.monotonic()
        unique = f"{'&' if '?' in path else '?'}call={next(CALLS)}"
        status, headers, body = call(f"{base}{path}{unique}", timeout=60)
        return status, headers, body, time.monotonic() - started

    with ThreadPoolExecutor(len(paths)) as pool:
        return list(pool.map(timed, paths))


def assert_unavailable(answers):
    for status, headers, body, _seconds in answers:
        assert status == 503, body
        assert headers["Content-Type"] == "application/json"
        assert headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
        assert json.loads(body) == {"detail": "The database is unavailable; try again shortly."}


def test_the_service_answers_before_the_outage(served):
    assert [answer[0] for answer in timed_calls(served, [*PATHS, "/health/ready"])] == [200] * 5


def test_a_database_restarted_between_requests_is_connected_to_again_without_an_error(served, cluster):
    # Both workers hold a connection to the database, which the restart ends while no request runs:
    # each finds it ended before its next query (`spacedevs.db.postgresql`), and connects again.
    assert [answer[0] for answer in timed_calls(served, PATHS * 2)] == [200] * 8
    cluster.stop()
    cluster.start()

    assert [answer[0] for answer in timed_calls(served, PATHS * 2)] == [200] * 8


def test_a_stopped_database_is_a_503_and_the_service_recovers_when_it_is_back(served, cluster):
    cluster.stop()
    try:
        assert_unavailable(timed_calls(served, PATHS * 4))
        assert_unavailable(timed_calls(served, ["/health/ready"]))
        assert call(f"{served}/health/live")[0] == 200
    finally:
        cluster.start()

    assert [answer[0] for answer in timed_calls(served, [*PATHS, "/health/ready"] * 2)] == [200] * 10


def test_a_frozen_database_is_a_503_within_the_timeouts_and_the_service_recovers(served, cluster):
    timed_calls(served, PATHS)  # every worker holds a connection to the database when it freezes
    cluster.freeze()
    try:
        answers = timed_calls(served, PATHS[:2])
        assert_unavailable(answers)
        # Two workers, two calls: each waited for the timeouts once, never for gunicorn's 30 s.
        assert max(seconds for *_, seconds in answers) < 2 * WORST_CASE_SECONDS
    finally:
        cluster.thaw()

    assert [answer[0] for answer in timed_calls(served, [*PATHS, "/health/ready"] * 2)] == [200] * 10
