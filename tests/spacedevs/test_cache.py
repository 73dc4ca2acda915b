"""The response cache (`spacedevs.api.cache`) and the data version (`spacedevs.dataversion`).

The response cache wraps the WSGI application, so these tests call `spacedevs.wsgi.application` as
gunicorn does; the test client goes around it. Writes in tests that do not commit never change the data
version, so the tests of stale reads commit (`transaction=True`).
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.management import call_command
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, override_settings

from events.models import EventType
from launches.models import LaunchStatus, Pad
from spacecraft.models import SpacecraftFlight
from spacedevs import dataversion
from spacedevs.api.urls import router
from spacedevs.wsgi import application
from tests.factories import complete_flight
from tests.helpers import LL2, call_wsgi

FLIGHT = "/2.2.0/spacecraft/flight/567/"
REPO = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("keep_the_test_connection")


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.RESPONSE_CACHE = True
    settings.COUNT_CACHE = True
    caches["responses"].clear()
    yield
    caches["responses"].clear()


def call(path, *, host="testserver", **headers):
    """`path` through the WSGI application, as gunicorn calls it."""
    return call_wsgi(application, path, host=host, **headers)


# --- what is cached, under which key -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_repeated_call_is_answered_from_the_cache_without_a_query(demo, django_assert_num_queries):
    first = call(FLIGHT)

    with django_assert_num_queries(0):
        again = call(FLIGHT)

    assert again.status_code == 200
    assert again.content == first.content
    assert again.headers["Content-Type"] == "application/json"


@pytest.mark.django_db
def test_a_cached_response_is_served_while_the_database_is_down(demo, monkeypatch):
    # No write can happen without the database, so what is stored is still current; what is not stored
    # is a 503 (tests/spacedevs/test_outage.py).
    first = call(FLIGHT)

    def refuse(self, sql, params=None):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    assert call(FLIGHT).content == first.content
    assert call(f"{FLIGHT}?not-cached=1").status_code == 503


@pytest.mark.django_db
def test_the_cached_bytes_are_what_django_serves(demo, api):
    call(FLIGHT)

    assert call(FLIGHT).content == api.get(FLIGHT, HTTP_ACCEPT="application/json").content


@pytest.mark.django_db
def test_format_is_in_the_key(demo):
    plain = call(FLIGHT)
    formatted = call(f"{FLIGHT}?format=json")

    assert plain.json()["url"] == "http://testserver/2.2.0/spacecraft/flight/567/"
    assert formatted.json()["url"] == "http://testserver/2.2.0/spacecraft/flight/567/?format=json"
    assert call(FLIGHT).content == plain.content


@pytest.mark.django_db
def test_host_is_in_the_key(demo):
    call(FLIGHT, host="testserver")

    other = call(FLIGHT, host="localhost")

    assert other.json()["url"] == "http://localhost/2.2.0/spacecraft/flight/567/"


@pytest.mark.django_db
def test_errors_and_the_throttle_report_are_not_cached(demo, django_assert_num_queries):
    assert call("/2.2.0/spacecraft/flight/999999/").status_code == 404
    assert call("/2.2.0/spacecraft/flight/?spacecraft=abc").status_code == 400
    call("/2.2.0/api-throttle/")

    with django_assert_num_queries(1):
        assert call("/2.2.0/spacecraft/flight/999999/").status_code == 404
    assert "ETag" not in call("/2.2.0/api-throttle/").headers


@pytest.mark.django_db
def test_switched_off_every_call_is_served_by_django(
    demo, settings, python_payloads, django_assert_num_queries
):
    settings.RESPONSE_CACHE = False
    call(FLIGHT)

    # Flight 567's detail: the flight, its spacecraft, docking events, three (empty) crews, programmes.
    with django_assert_num_queries(7):
        answer = call(FLIGHT)

    assert "ETag" not in answer.headers


@pytest.mark.django_db
def test_a_throttled_api_counts_every_call(demo, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/hour"}}
    caches["default"].clear()

    statuses = [call(FLIGHT).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


@pytest.mark.django_db
def test_a_key_with_a_rate_of_its_own_counts_every_call(demo):
    # No rate for everyone (API_THROTTLE_RATE unset), one for this key: a cached answer would not count.
    key = io.StringIO()
    call_command("create_api_key", "a bot", "--rate", "1/hour", stdout=key)
    authorization = f"Token {key.getvalue().strip()}"
    caches["default"].clear()

    statuses = [call(FLIGHT, HTTP_AUTHORIZATION=authorization).status_code for _ in range(2)]

    assert statuses == [200, 429]
    assert call(FLIGHT).status_code == 200


# --- HTTP caching ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_etag_and_cache_control(demo, settings):
    settings.RESPONSE_MAX_AGE = 30
    answer = call(FLIGHT)

    assert answer.headers["ETag"].startswith('"')
    assert answer.headers["Cache-Control"] == "public, max-age=30"
    assert call(FLIGHT).headers["ETag"] == answer.headers["ETag"]
    assert call(f"{FLIGHT}?format=json").headers["ETag"] != answer.headers["ETag"]


@pytest.mark.django_db
def test_if_none_match_is_answered_304_without_a_query(demo, django_assert_num_queries):
    etag = call(FLIGHT).headers["ETag"]
    caches["responses"].clear()  # not even the stored response is needed

    with django_assert_num_queries(0):
        answer = call(FLIGHT, HTTP_IF_NONE_MATCH=f'W/"other", {etag}')

    assert answer.status_code == 304
    assert answer.content == b""
    assert answer.headers["ETag"] == etag


@pytest.mark.django_db
def test_an_old_etag_gets_the_new_payload(demo):
    etag = call(FLIGHT).headers["ETag"]
    dataversion.bump()

    answer = call(FLIGHT, HTTP_IF_NONE_MATCH=etag)

    assert answer.status_code == 200
    assert answer.headers["ETag"] != etag


# --- the data version ----------------------------------------------------------------------------------


def test_a_bump_changes_the_version():
    before = dataversion.current()

    dataversion.bump()

    assert dataversion.current() != before


def test_the_version_is_read_from_where_every_process_reads_it(settings):
    dataversion.bump()
    env = {**os.environ, "DATA_VERSION_FILE": settings.DATA_VERSION_FILE, "DJANGO_SETTINGS_MODULE": ""}
    script = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'spacedevs.settings'; django.setup(); "
        "from spacedevs import dataversion; print(dataversion.current())"
    )

    other_process = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )

    assert other_process.stdout.strip() == dataversion.current()


@pytest.mark.django_db
def test_a_write_bumps_the_version_when_it_commits(django_capture_on_commit_callbacks):
    before = dataversion.current()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        complete_flight()

    assert len(callbacks) == 1  # once per transaction, however many rows it wrote
    assert dataversion.current() != before


def test_every_model_the_api_serves_bumps_the_version():
    served = {
        mode.serializer.Meta.model._meta.app_label
        for _prefix, viewset, _basename in router.registry
        for mode in viewset.modes.values()
    }

    assert served <= dataversion.DOMAIN_APPS


@pytest.mark.django_db
def test_an_event_saved_bumps_the_version(django_capture_on_commit_callbacks):
    before = dataversion.current()

    with django_capture_on_commit_callbacks(execute=True):
        EventType.objects.create(name="Spacewalk")

    assert dataversion.current() != before


@pytest.mark.django_db
def test_a_rolled_back_write_does_not_bump(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        LaunchStatus.objects.create(name="Rolled back")

    assert len(callbacks) == 1
    # pytest-django rolls the test's transaction back: the callback never runs.


@pytest.mark.django_db(transaction=True)
def test_recount_bumps_the_version():
    # Set-based SQL sends no signal; recount bumps the version itself.
    pad = complete_flight().launch.pad
    Pad.objects.filter(pk=pad.pk).update(total_launch_count=999)
    before = dataversion.current()

    call_command("recount", stdout=io.StringIO())

    assert dataversion.current() != before


@pytest.mark.django_db
def test_loaddata_bumps_the_version(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        call_command("loaddata", "demo", verbosity=0)

    assert callbacks == [dataversion.bump]


# --- no stale read after a committed write --------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_no_stale_read_after_an_import(tmp_path):
    call_command("loaddata", "demo", verbosity=0)
    assert call(FLIGHT).json()["destination"] == "Salyut 6"
    payload = json.loads((LL2 / "spacecraft-flight-567.json").read_text())
    payload["destination"] = "Mir"
    document = tmp_path / "flight-567.json"
    document.write_text(json.dumps(payload))

    call_command("import_ll2", str(document), stdout=io.StringIO(), stderr=io.StringIO())

    assert call(FLIGHT).json()["destination"] == "Mir"


@pytest.mark.django_db(transaction=True)
def test_no_stale_read_after_an_admin_save():
    call_command("loaddata", "demo", verbosity=0)
    status = SpacecraftFlight.objects.get(pk=567).launch.status
    assert call(FLIGHT).json()["launch"]["status"]["name"] == status.name
    curator = User.objects.create_superuser("curator", "curator@example.org", "a-long-password")
    browser = Client()
    browser.force_login(curator)

    saved = browser.post(
        f"/admin/launches/launchstatus/{status.pk}/change/",
        {"name": "Renamed by a curator", "abbrev": status.abbrev, "description": status.description},
    )

    assert saved.status_code == 302
    assert call(FLIGHT).json()["launch"]["status"]["name"] == "Renamed by a curator"


# --- counts ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_list_is_counted_once_per_filter_and_data_version(api, python_payloads, django_assert_num_queries):
    flights = [complete_flight() for _ in range(3)]
    api.get("/2.2.0/spacecraft/flight/", {"limit": 1})

    # The next page of the same list: no COUNT (the normal list's 6 queries, less the count).
    with django_assert_num_queries(5):
        page = api.get("/2.2.0/spacecraft/flight/", {"limit": 1, "offset": 1}).json()
    # Another filter is counted.
    with django_assert_num_queries(6):
        one = api.get("/2.2.0/spacecraft/flight/", {"spacecraft": flights[0].spacecraft_id}).json()

    assert page["count"] == 3
    assert one["count"] == 1


@pytest.mark.django_db
def test_a_new_data_version_counts_again(api):
    complete_flight()
    assert api.get("/2.2.0/spacecraft/flight/").json()["count"] == 1
    complete_flight()

    dataversion.bump()

    assert api.get("/2.2.0/spacecraft/flight/").json()["count"] == 2


# --- Redis: the version and the responses shared by every host ---------------------------------------------


@pytest.fixture
def redis(settings, redis_url):
    """Responses and the data version in Redis: the database of this test process (`redis_url`, which
    skips where no Redis answers), emptied before and after."""
    settings.REDIS_URL = redis_url
    settings.CACHES = {
        **settings.CACHES,
        "responses": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url},
    }
    caches["responses"].clear()
    yield
    caches["responses"].clear()


def test_with_redis_the_version_lives_in_redis(redis):
    before = dataversion.current()

    dataversion.bump()

    assert dataversion.current() != before
    assert str(caches["responses"].get(dataversion.REDIS_KEY)) == dataversion.current()


@pytest.mark.django_db
def test_with_redis_responses_are_stored_there(redis, demo, python_payloads, django_assert_num_queries):
    first = call(FLIGHT)

    with django_assert_num_queries(0):
        assert call(FLIGHT).content == first.content
    dataversion.bump()
    with django_assert_num_queries(7):
        call(FLIGHT)


@pytest.mark.django_db
def test_an_unreachable_redis_is_served_around(demo, api, settings, caplog):
    url = "redis://127.0.0.1:1/4"  # nothing listens there
    unreachable = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}

    with override_settings(REDIS_URL=url, CACHES={**settings.CACHES, "responses": unreachable}):
        answer = call(FLIGHT)
        page = api.get("/2.2.0/spacecraft/flight/").json()

    assert answer.status_code == 200
    assert answer.json()["id"] == 567
    assert page["count"] >= 20
    assert "unreachable" in caplog.text
