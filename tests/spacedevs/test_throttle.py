"""Optional throttling (`API_THROTTLE_RATE`) and LL2's `api-throttle/`, which reports it uncounted."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from spacedevs.api.throttling import ApiRateThrottle
from spacedevs.settings import env_rate

FLIGHTS = "/2.2.0/spacecraft/flight/"
THROTTLE = "/2.2.0/api-throttle/"
NOW = 1_700_000_000.0


@pytest.fixture(autouse=True)
def _fresh_counts():
    # The throttle counts in the process's cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, at NOW until a test moves it (`clock.now = ...`)."""

    class Clock:
        now = NOW

    monkeypatch.setattr(ApiRateThrottle, "timer", staticmethod(lambda: Clock.now))
    return Clock


@pytest.fixture
def throttled(settings, clock):
    """Throttling on at 3 calls an hour (settings.REST_FRAMEWORK as API_THROTTLE_RATE=3/hour makes it)."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/hour"}}


def test_throttling_is_off_by_default(api, db):
    assert {api.get(FLIGHTS).status_code for _ in range(30)} == {200}


def test_without_throttling_the_endpoint_says_there_is_no_limit(api, db):
    api.get(FLIGHTS)

    assert api.get(THROTTLE).json() == {
        "your_request_limit": 2147483647,
        "limit_frequency_secs": 3600,
        "current_use": 0,
        "next_use_secs": 0,
        "ident": "127.0.0.1",
    }


@pytest.mark.parametrize("prefix", ["/2.2.0/", "/api/2.2.0/"])
def test_the_endpoint_reports_the_calls_of_the_period(api, db, throttled, clock, prefix):
    api.get(FLIGHTS)
    clock.now = NOW + 600
    api.get(FLIGHTS)
    clock.now = NOW + 1000

    assert api.get(f"{prefix}api-throttle/").json() == {
        "your_request_limit": 3,
        "limit_frequency_secs": 3600,
        "current_use": 2,
        "next_use_secs": 2600,
        "ident": "127.0.0.1",
    }


def test_calls_older_than_the_period_no_longer_count(api, db, throttled, clock):
    api.get(FLIGHTS)
    clock.now = NOW + 600
    api.get(FLIGHTS)
    clock.now = NOW + 3600

    assert api.get(THROTTLE).json() | {"ident": None} == {
        "your_request_limit": 3,
        "limit_frequency_secs": 3600,
        "current_use": 1,
        "next_use_secs": 600,
        "ident": None,
    }


def test_calling_the_endpoint_is_not_counted(api, db, throttled):
    for _ in range(5):
        assert api.get(THROTTLE).status_code == 200

    assert api.get(THROTTLE).json()["current_use"] == 0
    assert api.get(FLIGHTS).status_code == 200


def test_the_endpoint_answers_once_the_limit_is_reached(api, db, throttled):
    for _ in range(4):
        api.get(FLIGHTS)

    response = api.get(THROTTLE)

    assert response.status_code == 200
    assert response.json()["current_use"] == 3


def test_a_call_over_the_limit_is_refused_with_retry_after(api, db, throttled, clock):
    for seconds in (0, 100, 200):
        clock.now = NOW + seconds
        assert api.get(FLIGHTS).status_code == 200
    clock.now = NOW + 300

    response = api.get(FLIGHTS)

    assert response.status_code == 429
    assert response["Retry-After"] == "3300"


def test_every_endpoint_shares_the_budget(api, db, throttled):
    for path in ("/2.2.0/launch/", "/2.2.0/agencies/", "/api/2.2.0/astronaut/"):
        assert api.get(path).status_code == 200

    assert api.get(FLIGHTS).status_code == 429


def test_each_client_address_has_its_own_budget(api, db, throttled):
    for _ in range(3):
        api.get(FLIGHTS)

    assert api.get(FLIGHTS, REMOTE_ADDR="192.0.2.7").status_code == 200
    assert api.get(THROTTLE, REMOTE_ADDR="192.0.2.7").json()["ident"] == "192.0.2.7"


def test_a_client_cannot_choose_its_budget_with_x_forwarded_for(api, db, throttled):
    for _ in range(3):
        api.get(FLIGHTS)

    assert api.get(FLIGHTS, HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 429


def test_behind_a_proxy_the_address_it_saw_is_the_client(api, db, throttled, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    for _ in range(3):
        api.get(FLIGHTS, HTTP_X_FORWARDED_FOR="198.51.100.9")

    assert api.get(FLIGHTS, HTTP_X_FORWARDED_FOR="198.51.100.10").status_code == 200
    assert api.get(THROTTLE, HTTP_X_FORWARDED_FOR="198.51.100.9").json()["current_use"] == 3


@pytest.mark.parametrize("value", ["15/hour", "100/day", "2/s", " 15/h "])
def test_the_rate_setting_takes_drfs_syntax(monkeypatch, value):
    monkeypatch.setenv("API_THROTTLE_RATE", value)

    assert env_rate("API_THROTTLE_RATE") == value.strip()


def test_an_unset_rate_setting_is_no_throttling(monkeypatch):
    monkeypatch.setenv("API_THROTTLE_RATE", "")

    assert env_rate("API_THROTTLE_RATE") is None


@pytest.mark.parametrize("value", ["15", "15/fortnight", "fifteen/hour", "0/hour", "15/hour/2"])
def test_a_bad_rate_setting_stops_startup_with_a_clear_message(monkeypatch, value):
    monkeypatch.setenv("API_THROTTLE_RATE", value)

    with pytest.raises(ImproperlyConfigured, match="API_THROTTLE_RATE must be a number of calls per period"):
        env_rate("API_THROTTLE_RATE")
