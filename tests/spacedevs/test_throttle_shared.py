"""The throttle in a real gunicorn of several workers, counting in Redis: exactly the rate passes, for an
address and for an API key, however the calls race across the workers, then 429 with `Retry-After`;
and a restart forgets nothing."""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.servers import REPO, call, make_serve

pytestmark = pytest.mark.slow

FLIGHTS = "/2.2.0/spacecraft/flight/"


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("throttle")


@pytest.fixture
def environment(tmp, redis_url):
    return {"REDIS_URL": redis_url, "API_THROTTLE_RATE": "5/minute", "WEB_CONCURRENCY": "3"}


def racing(base, count, headers=None):
    """The statuses (and Retry-After headers) of `count` calls made at once."""
    with ThreadPoolExecutor(count) as pool:
        answers = list(pool.map(lambda _: call(f"{base}{FLIGHTS}", headers=headers), range(count)))
    return sorted(status for status, _, _ in answers), [
        headers.get("Retry-After") for status, headers, _ in answers if status == 429
    ]


def create_api_key(tmp, name, rate):
    return subprocess.run(
        [sys.executable, "manage.py", "create_api_key", name, "--rate", rate],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def test_exactly_the_rate_passes_across_workers_and_restarts(tmp, environment):
    with make_serve(tmp, **environment) as base:
        statuses, retry_after = racing(base, 20)
        assert statuses == [200] * 5 + [429] * 15
        assert all(0 < int(seconds) <= 60 for seconds in retry_after)

    # A restart of every worker (a deploy) keeps the counts.
    with make_serve(tmp, **environment) as base:
        assert racing(base, 3)[0] == [429] * 3
        budget = json.loads(call(f"{base}/2.2.0/api-throttle/")[2])
        assert (budget["your_request_limit"], budget["current_use"]) == (5, 5)


def test_an_api_key_gets_exactly_its_own_rate_across_workers(tmp, environment):
    key = create_api_key(tmp, "a mirror", "8/minute")
    with_key = {"Authorization": f"Token {key}"}

    with make_serve(tmp, **environment) as base:
        statuses, retry_after = racing(base, 20, with_key)
        assert statuses == [200] * 8 + [429] * 12
        assert all(0 < int(seconds) <= 60 for seconds in retry_after)
        budget = json.loads(call(f"{base}/2.2.0/api-throttle/", headers=with_key)[2])
        assert budget == {
            "your_request_limit": 8,
            "limit_frequency_secs": 60,
            "current_use": 8,
            "next_use_secs": budget["next_use_secs"],
            "ident": "a mirror",
        }
