"""Optional throttling (`API_THROTTLE_RATE`), API keys at their own rates, counts in Redis, and LL2's
`api-throttle/`, which reports the budget uncounted."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ImproperlyConfigured

from spacedevs.api import throttling
from spacedevs.api.throttling import ApiRateThrottle
from spacedevs.models import ApiKey
from spacedevs.settings import env_rate

FLIGHTS = "/2.2.0/spacecraft/flight/"
THROTTLE = "/2.2.0/api-throttle/"
NOW = 1_700_000_000.0


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


@pytest.fixture(params=["process", "redis"])
def counted_in(request, settings):
    """The throttle counting in the process's cache, then in Redis (REDIS_URL)."""
    if request.param == "redis":
        settings.REDIS_URL = request.getfixturevalue("redis_url")
    return request.param


def test_a_call_over_the_limit_is_refused_with_retry_after(api, db, throttled, clock, counted_in):
    for seconds in (0, 100, 200):
        clock.now = NOW + seconds
        assert api.get(FLIGHTS).status_code == 200
    clock.now = NOW + 300

    response = api.get(FLIGHTS)

    assert response.status_code == 429
    assert response["Retry-After"] == "3300"
    assert api.get(THROTTLE).json() | {"ident": None} == {
        "your_request_limit": 3,
        "limit_frequency_secs": 3600,
        "current_use": 3,
        "next_use_secs": 3300,
        "ident": None,
    }


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


# --- API keys ---------------------------------------------------------------------------------------


def new_key(**fields):
    api_key = ApiKey(name=fields.pop("name", "a mirror"), **fields)
    key = api_key.set_new_key()
    api_key.save()
    return api_key, key


def test_a_key_is_counted_on_its_own_at_its_own_rate(api, db, throttled):
    _, key = new_key(rate="5/hour")
    with_key = {"HTTP_AUTHORIZATION": f"Token {key}"}

    assert [api.get(FLIGHTS, **with_key).status_code for _ in range(6)] == [200] * 5 + [429]
    # The key's calls took nothing from its address's budget.
    assert [api.get(FLIGHTS).status_code for _ in range(4)] == [200] * 3 + [429]


def test_a_key_is_refused_with_retry_after_once_its_rate_is_spent(api, db, throttled, clock):
    _, key = new_key(rate="2/minute")
    for seconds in (0, 20):
        clock.now = NOW + seconds
        api.get(FLIGHTS, HTTP_AUTHORIZATION=f"Token {key}")
    clock.now = NOW + 30

    response = api.get(FLIGHTS, HTTP_AUTHORIZATION=f"Token {key}")

    assert response.status_code == 429
    assert response["Retry-After"] == "30"


def test_a_key_without_a_rate_is_not_limited(api, db, throttled):
    _, key = new_key(rate="")

    assert {api.get(FLIGHTS, HTTP_AUTHORIZATION=f"Token {key}").status_code for _ in range(10)} == {200}


def test_a_key_has_its_rate_even_when_anonymous_calls_are_not_limited(api, db):
    _, key = new_key(rate="2/hour")

    assert [api.get(FLIGHTS, HTTP_AUTHORIZATION=f"token {key}").status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]


@pytest.mark.parametrize("active", [False, None])
def test_an_inactive_or_unknown_key_is_served_as_anonymous(api, db, throttled, active):
    api_key, key = new_key(rate="100/hour", active=bool(active))
    if active is None:
        api_key.delete()

    statuses = [api.get(FLIGHTS, HTTP_AUTHORIZATION=f"Token {key}").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_the_endpoint_reports_the_budget_of_the_key(api, db, throttled, clock):
    _, key = new_key(name="launch widget", rate="300/hour")
    api.get(FLIGHTS, HTTP_AUTHORIZATION=f"Token {key}")
    clock.now = NOW + 60

    assert api.get(THROTTLE, HTTP_AUTHORIZATION=f"Token {key}").json() == {
        "your_request_limit": 300,
        "limit_frequency_secs": 3600,
        "current_use": 1,
        "next_use_secs": 3540,
        "ident": "launch widget",
    }
    assert api.get(THROTTLE).json()["current_use"] == 0


# --- Counted in Redis -------------------------------------------------------------------------------


@pytest.fixture
def in_redis(settings, redis_url):
    settings.REDIS_URL = redis_url


def test_in_redis_the_counts_outlive_the_process(api, db, throttled, in_redis):
    for _ in range(3):
        api.get(FLIGHTS)
    # What a restarted worker has: no state of its own.
    throttling._redis_logs.clear()

    assert api.get(FLIGHTS).status_code == 429


def test_in_redis_exactly_the_rate_passes_when_calls_race(settings, in_redis):
    log = throttling.call_log()
    key = f"{throttling.KEY_PREFIX}race"

    def call(_):
        return log.record(key, now=NOW, limit=10, period=60)[0]

    with ThreadPoolExecutor(16) as pool:
        allowed = list(pool.map(call, range(100)))

    assert allowed.count(True) == 10


def test_when_redis_is_unreachable_calls_are_let_through(api, db, throttled, settings, caplog):
    settings.REDIS_URL = "redis://127.0.0.1:9/0"

    assert {api.get(FLIGHTS).status_code for _ in range(5)} == {200}
    assert "Throttle counts unavailable" in caplog.text
    assert api.get(THROTTLE).json()["current_use"] == 0
