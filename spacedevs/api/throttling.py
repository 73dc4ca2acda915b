"""Rate limiting of the API, as LL2 limits its free tier, with API keys, and the budget `api-throttle/`
reports.

Off by default: a mirror exists to serve without limits. `API_THROTTLE_RATE` (read and checked by the
settings) limits anonymous callers, each by IP address; an API key (`spacedevs.models.ApiKey`, sent as
`Authorization: Token KEY`) is counted on its own, at its own rate. One call too many is answered 429
with `Retry-After`.

The calls of the period are counted in Redis when `REDIS_URL` is set, so that every worker of every
host counts together and a restart forgets nothing; the check and the count are one atomic step there
(a Lua script over a sorted set), so exactly the rate passes however many calls race. Without Redis they
are counted in Django's default cache, in the process (each gunicorn worker counts its own). If Redis
cannot be reached, calls are let through and a warning is logged: the API's data is in the database,
and an outage of the counter is not one of the API.
"""

import logging
import math
import threading
import time
import uuid
from typing import NamedTuple

import redis
from django.conf import settings
from django.core.cache import caches
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from spacedevs.models import ApiKey
from spacedevs.rates import parse_rate

logger = logging.getLogger(__name__)

# What `api-throttle/` says while throttling is off: LL2's clients read `your_request_limit` as a whole
# number (a null would read as 0, "no calls left", in typed clients), so "no limit" is the largest
# 32-bit integer per hour, which every client's "calls left" check passes.
UNLIMITED_REQUESTS = 2**31 - 1
UNLIMITED_PERIOD = 3600

KEY_PREFIX = "spacedevs:throttle:"


class Calls(NamedTuple):
    """The calls of a caller in the current period: how many, and when the oldest was made."""

    count: int
    oldest: float | None


class CacheCallLog:
    """The times of the calls of the period, newest first, in Django's default cache (DRF's own way); a
    lock makes check-and-count one step within the process, which is all a process-local cache shares."""

    def __init__(self):
        self.lock = threading.Lock()

    def _history(self, key, now, period):
        return [moment for moment in caches["default"].get(key, []) if moment > now - period]

    def record(self, key, *, now, limit, period):
        with self.lock:
            history = self._history(key, now, period)
            allowed = len(history) < limit
            if allowed:
                history.insert(0, now)
                caches["default"].set(key, history, period)
        return allowed, Calls(len(history), history[-1] if history else None)

    def peek(self, key, *, now, period):
        history = self._history(key, now, period)
        return Calls(len(history), history[-1] if history else None)


# Drop the calls older than the period, count those left, add this one if the count allows it: one
# atomic step. KEYS[1]: the caller's sorted set of calls (score: time); ARGV: now, period, limit, a unique
# name for this call. Returns {allowed, count, oldest}.
RECORD = """
local now, period, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - period)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  count = count + 1
  allowed = 1
end
redis.call('EXPIRE', KEYS[1], math.ceil(period))
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {allowed, count, oldest[2] or ''}
"""


class RedisCallLog:
    """The calls of the period as a sorted set in Redis, checked and counted atomically (`RECORD`)."""

    def __init__(self, client):
        self.client = client
        self.script = client.register_script(RECORD)

    def record(self, key, *, now, limit, period):
        allowed, count, oldest = self.script(keys=[key], args=[now, period, limit, uuid.uuid4().hex])
        return bool(allowed), Calls(int(count), float(oldest) if oldest else None)

    def peek(self, key, *, now, period):
        calls = self.client.zrangebyscore(key, f"({now - period}", "+inf", withscores=True)
        return Calls(len(calls), calls[0][1] if calls else None)


_redis_logs = {}
_local_log = CacheCallLog()


def call_log():
    """Where the calls are counted: Redis at `REDIS_URL`, or else the default cache of the process."""
    if not settings.REDIS_URL:
        return _local_log
    if settings.REDIS_URL not in _redis_logs:
        # Short timeouts: a Redis that hangs must not hang the API.
        client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1)
        _redis_logs[settings.REDIS_URL] = RedisCallLog(client)
    return _redis_logs[settings.REDIS_URL]


def client_ip(request) -> str:
    """The client's address, as the throttle sees it: the connection's, or behind `NUM_PROXIES` reverse
    proxies the one they saw (django-axes reads it too, `AXES_CLIENT_IP_CALLABLE`)."""
    return BaseThrottle().get_ident(request)


class Budget(NamedTuple):
    """Whose calls are counted together (`ident`: an address, or an API key's name), and at what rate
    (None: no limit)."""

    ident: str
    key: str
    rate: tuple[int, int] | None


class ApiRateThrottle(BaseThrottle):
    """The API's throttle (`DEFAULT_THROTTLE_CLASSES`): an API key at its own rate, anyone else by IP
    address (behind a proxy, DRF's `NUM_PROXIES` says which `X-Forwarded-For` entry is the client) at
    `API_THROTTLE_RATE`. It reads its rates when it is used, so a changed setting applies."""

    timer = staticmethod(time.time)

    def budget(self, request) -> Budget:
        api_key = getattr(request, "auth", None)
        if isinstance(api_key, ApiKey):
            return Budget(api_key.name, f"{KEY_PREFIX}key:{api_key.pk}", parse_rate(api_key.rate))
        ident = self.get_ident(request)
        rate = api_settings.DEFAULT_THROTTLE_RATES.get("anon")
        return Budget(ident, f"{KEY_PREFIX}ip:{ident}", parse_rate(rate) if rate else None)

    def allow_request(self, request, view):
        budget = self.budget(request)
        self.wait_seconds = None
        if budget.rate is None:
            return True
        limit, period = budget.rate
        now = self.timer()
        try:
            allowed, calls = call_log().record(budget.key, now=now, limit=limit, period=period)
        except redis.RedisError as error:
            logger.warning("Throttle counts unavailable, call let through: %s", error)
            return True
        if not allowed:
            self.wait_seconds = calls.oldest + period - now
        return allowed

    def wait(self):
        return self.wait_seconds

    def usage(self, request, view):
        """LL2's `api-throttle/` answer for this request's caller; the request itself is not counted."""
        budget = self.budget(request)
        if budget.rate is None:
            return {
                "your_request_limit": UNLIMITED_REQUESTS,
                "limit_frequency_secs": UNLIMITED_PERIOD,
                "current_use": 0,
                "next_use_secs": 0,
                "ident": budget.ident,
            }
        limit, period = budget.rate
        now = self.timer()
        try:
            calls = call_log().peek(budget.key, now=now, period=period)
        except redis.RedisError:
            calls = Calls(0, None)
        return {
            "your_request_limit": limit,
            "limit_frequency_secs": period,
            "current_use": calls.count,
            # When the oldest counted call leaves the period (what `Retry-After` says once the limit is
            # reached); 0 when no call counts.
            "next_use_secs": math.ceil(calls.oldest + period - now) if calls.oldest is not None else 0,
            "ident": budget.ident,
        }
