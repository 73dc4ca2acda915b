"""Responses and list counts cached per data version (see `spacedevs.dataversion`).

`ResponseCache` wraps the WSGI application (`spacedevs.wsgi`): a repeated API call is answered with the
stored status, headers and bytes before Django sees the request, which is what makes a cached response
cost about what serving bytes from memory does. What it stores: `GET` answers 200 of the API
(`/2.2.0/...`, `/api/2.2.0/...`, but not the per-client `api-throttle/`) in JSON, that set no cookie
and vary on nothing but `Accept` and `Origin`. The key holds the data version, the time slot
(`RESPONSE_CACHE_SECONDS`: values derived from the clock, such as an astronaut's age or what is
docked now, are at most that old), the scheme and host (links are absolute), the path and the whole
query string (so `?format=`), and the `Accept` and `Origin` headers. A write changes the data version,
so the very next request, on any worker, misses and is served fresh.

Every stored response carries an `ETag` made of its key and `Cache-Control: public,
max-age=RESPONSE_MAX_AGE`; a request whose `If-None-Match` names the current ETag is answered 304 at
once, without a query or serialization.

It steps aside with `RESPONSE_CACHE=off`, while a throttle rate is set (`API_THROTTLE_RATE`), and for a
call with an API key (which may have a rate of its own): a throttled call is counted, so it goes
through DRF.

`cached_count` keeps the `count` of a list per data version, time slot and filter (`COUNT_CACHE`), so
that paging through a large table does not count it again on every page.
"""

import logging
import time
from collections.abc import Callable, Iterable
from hashlib import sha256
from typing import Any

from django.conf import settings
from django.core.cache import caches
from rest_framework.settings import api_settings

from spacedevs import dataversion
from spacedevs.api.routers import API_PREFIXES

logger = logging.getLogger(__name__)

UNCACHED_PATHS = ("/api-throttle/",)
# Query parameters that do not change which rows a list holds.
NOT_FILTERS = frozenset({"limit", "offset", "format"})
CACHEABLE_VARY = frozenset({"accept", "origin"})


def _slot() -> int:
    return int(time.time() // max(settings.RESPONSE_CACHE_SECONDS, 1))


def throttled(environ: dict) -> bool:
    """Whether DRF may count this call: the API counts every call (`API_THROTTLE_RATE`), or the caller
    sends an API key, which may have a rate of its own. Such a call goes through DRF."""
    if not api_settings.DEFAULT_THROTTLE_CLASSES:
        return False
    return bool(environ.get("HTTP_AUTHORIZATION")) or any(api_settings.DEFAULT_THROTTLE_RATES.values())


class ResponseCache:
    """WSGI middleware: the response cache described in the module's docstring."""

    def __init__(self, application: Callable):
        self.application = application

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD")
        path = environ.get("PATH_INFO", "")
        if (
            method not in ("GET", "HEAD")
            or not path.startswith(API_PREFIXES)
            or path.endswith(UNCACHED_PATHS)
            or not settings.RESPONSE_CACHE
            or throttled(environ)
        ):
            return self.application(environ, start_response)
        cache = caches["responses"]
        try:
            key = self.key(environ, version=dataversion.current(), slot=_slot())
            stored = cache.get(key)
        except Exception:  # the cache's server is unreachable: serve without it
            logger.exception("The response cache is unreachable; serving without it.")
            return self.application(environ, start_response)
        etag = f'"{key[-32:]}"'
        if etag in _etags(environ.get("HTTP_IF_NONE_MATCH", "")):
            start_response("304 Not Modified", [*self.cache_headers(etag), ("Vary", "Accept, Origin")])
            return []
        if stored is not None:
            status, headers, body = stored
            start_response(status, headers)
            return [] if method == "HEAD" else [body]
        if method == "HEAD":
            return self.application(environ, start_response)
        return self._serve_and_store(environ, start_response, cache, key, etag)

    def _serve_and_store(self, environ, start_response, cache, key, etag):
        response = {}

        def capture(status, headers, exc_info=None):
            if cacheable(status, headers):
                headers = [*headers, *self.cache_headers(etag)]
                response["head"] = (status, headers)
            return start_response(status, headers, exc_info)

        result = self.application(environ, capture)
        if "head" not in response:
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        try:
            cache.set(key, (*response["head"], body), settings.RESPONSE_CACHE_SECONDS)
        except Exception:  # served all the same
            logger.exception("The response cache is unreachable; the response was not stored.")
        return [body]

    @staticmethod
    def key(environ: dict, *, version: str, slot: int) -> str:
        """The cache key of a request: everything the response's bytes depend on."""
        parts = (version, str(slot), environ.get("PATH_INFO", ""), *answer_depends_on(environ))
        return "response:" + sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()

    @staticmethod
    def cache_headers(etag: str) -> list[tuple[str, str]]:
        return [("ETag", etag), ("Cache-Control", f"public, max-age={settings.RESPONSE_MAX_AGE}")]


def answer_depends_on(environ: dict) -> tuple[str, ...]:
    """What an API answer depends on besides its path and the data: the scheme (and the proxy's), the
    host (and the forwarded one, where it is trusted), the script prefix, the query string, `Accept`
    and `Origin`. The response cache and the fast details (`spacedevs.api.details`) key on it."""
    proxy_header = settings.SECURE_PROXY_SSL_HEADER[0] if settings.SECURE_PROXY_SSL_HEADER else ""
    return (
        environ.get("wsgi.url_scheme", ""),
        environ.get(proxy_header, "") if proxy_header else "",
        environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}",
        environ.get("HTTP_X_FORWARDED_HOST", "") if settings.USE_X_FORWARDED_HOST else "",
        environ.get("SCRIPT_NAME", ""),
        environ.get("QUERY_STRING", ""),
        environ.get("HTTP_ACCEPT", ""),
        environ.get("HTTP_ORIGIN", ""),
    )


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",")} if header else set()


def cacheable(status: str, headers: list[tuple[str, str]]) -> bool:
    """Whether an answer is the same for every client of its key: a 200 in JSON that sets no cookie and
    varies on nothing but `Accept` and `Origin`."""
    if not status.startswith("200"):
        return False
    named = {}
    for name, value in headers:
        named[name.lower()] = value
    vary = {item.strip().lower() for item in named.get("vary", "").split(",") if item.strip()}
    return (
        named.get("content-type", "").startswith("application/json")
        and "set-cookie" not in named
        and vary <= CACHEABLE_VARY
    )


def cached_count(request, count: Callable[[], int]) -> int:
    """The `count` of the list `request` asks for: `count()` once per data version, time slot and
    filter, then the stored number."""
    return _per_list(request, "count", count)


def cached_anchors(request, anchors: Callable[[], list]) -> list:
    """The keys `anchors()` finds for the list `request` asks for (its rows' keys at regular positions,
    `spacedevs.api.pagination`), found once per data version, time slot and filter, as its count."""
    return _per_list(request, "anchors", anchors)


def _per_list(request, kind: str, compute: Callable[[], Any]) -> Any:
    """`compute()` of the list `request` asks for, kept per data version, time slot and filter (the
    query string but its page: `limit`, `offset`, `format`) while `COUNT_CACHE` is on."""
    if not settings.COUNT_CACHE:
        return compute()
    filters = sorted((name, value) for name, value in request.query_params.lists() if name not in NOT_FILTERS)
    cache = caches["responses"]
    try:
        source = repr((dataversion.current(), _slot(), request.path, filters))
        key = f"{kind}:" + sha256(source.encode("utf-8", "surrogateescape")).hexdigest()
        value = cache.get(key)
    except Exception:  # the cache's server is unreachable: compute
        logger.exception("The %s cache is unreachable; computing.", kind)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, settings.RESPONSE_CACHE_SECONDS)
        except Exception:
            logger.exception("The %s cache is unreachable; the value was not stored.", kind)
    return value
