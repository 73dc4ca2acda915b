"""Fixtures every test module may use: an API client, the demo data, LL2's contract and schema, ours."""

import json
import os
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
import yaml
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from rest_framework.test import APIClient

from spacedevs.api.schema import LL2SchemaGenerator
from tests.helpers import LL2, SchemaCheck, corrected


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage of production needs `collectstatic`; tests render templates without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _statements_checked(settings):
    # Every statement assembled from a kept shape (spacedevs.statements) is compared with Django's own
    # compilation of it: a shape that misses a difference between two queries fails the test.
    settings.STATEMENT_CACHE_CHECK = True


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    # Without Redis, the throttle counts in the process's cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_cached_counts(settings, tmp_path_factory):
    # A count cached by an earlier request (or test) would hide the COUNT query from the query-count
    # tests and outlive the test's data (tests write in a transaction that never commits, so the data
    # version never changes). The cache tests (tests/spacedevs/test_cache.py) switch it on. The data
    # version of a test is a file of its own.
    settings.COUNT_CACHE = False
    settings.DATA_VERSION_FILE = str(tmp_path_factory.mktemp("data-version") / "version")


@pytest.fixture
def python_payloads(settings):
    """Every payload written by the compiled serializers in Python, on PostgreSQL too (where the database
    writes most of them, `spacedevs.api.sqljson`): for the tests that pin the selectors' queries."""
    settings.SQL_PAYLOADS = False


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def keep_the_test_connection():
    """For a test that calls the WSGI application itself (`tests.helpers.call_wsgi`): as Django's test
    client does, the handler's signals are kept from closing the connection the test's transaction is
    open on."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def demo(db):
    """The demo data as `make run` loads it: fixtures/demo.json and the synthetic upcoming rows."""
    call_command("load_demo", verbosity=0)


@pytest.fixture(scope="module")
def _demo_of_the_module(django_db_setup, django_db_blocker):
    """The demo loaded once for a whole module, in a transaction rolled back after its last test."""
    with django_db_blocker.unblock():
        module = transaction.atomic()
        module.__enter__()
        call_command("load_demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module.__exit__(None, None, None)


@pytest.fixture
def read_only_demo(_demo_of_the_module, db):
    """The demo for a module whose every database test reads it (a few seconds a load, hundreds of tests):
    loaded once for the module, each test in a savepoint of its own within it (as `db` makes it), so what
    a test adds is gone for the next. Such a module overrides `demo` with it."""


@pytest.fixture(scope="session")
def contract():
    """LL2's payload of flight 567, the contract, with its key order."""
    return json.loads((LL2 / "spacecraft-flight-567.json").read_text())


@pytest.fixture(scope="session")
def ll2_schema():
    return yaml.safe_load((LL2 / "ll2-2.2.0-openapi.yaml").read_text())


def redis_database_of_this_process(url):
    """`url` (redis://host:port/N) with the database this test process uses: N in a run of one process,
    N + 1 + K in pytest-xdist's worker gwK (`make test` runs two), so that no two processes clear each
    other's keys."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) + 1 + int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{number}"))


@pytest.fixture
def redis_url():
    """Redis (TEST_REDIS_URL, database 2 of the local server by default; another database in each
    pytest-xdist worker), without the throttle's counts of an earlier test; skips the test where no Redis
    answers."""
    url = redis_database_of_this_process(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2"))
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis at {url} (set TEST_REDIS_URL): {error}")

    def forget():
        for key in client.scan_iter("spacedevs:throttle:*"):
            client.delete(key)

    forget()
    yield url
    forget()


@pytest.fixture(scope="session")
def ll2_schema_corrected(ll2_schema):
    """LL2's schema with its wrong types corrected (`tests.helpers.TYPED_IN_PRACTICE`)."""
    return corrected(ll2_schema)


@pytest.fixture(scope="session")
def our_document():
    """Our OpenAPI schema, as `/2.2.0/schema/` serves it."""
    return LL2SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture(scope="session")
def our_schema(our_document):
    """Our OpenAPI schema read strictly: `our_schema.errors(response)` lists what a response breaks."""
    return SchemaCheck(our_document)
