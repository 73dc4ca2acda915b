"""Prometheus metrics: `/metrics` for the allowed addresses, and caches that count their hits."""

import functools
import ipaddress

from django.conf import settings
from django.core.cache.backends import locmem, redis
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache
from django_prometheus import middleware
from django_prometheus.cache.metrics import (
    django_cache_get_total,
    django_cache_hits_total,
    django_cache_misses_total,
)
from django_prometheus.exports import ExportToDjangoView

_MISSING = object()


@never_cache
def metrics(request):
    """django-prometheus's exposition, to clients whose address `METRICS_ALLOWED_IPS` lists (403 else).

    The address is the connection's (`REMOTE_ADDR`): a proxy in front must not forward `/metrics`.
    """
    if not allowed(request.META.get("REMOTE_ADDR", "")):
        raise PermissionDenied("Metrics are served to the addresses of METRICS_ALLOWED_IPS only.")
    return ExportToDjangoView(request)


def allowed(remote_addr: str) -> bool:
    """Whether a client's address is in METRICS_ALLOWED_IPS (a socket without one, or garbage, is not)."""
    try:
        address = ipaddress.ip_address(remote_addr)
    except ValueError:
        return False
    return any(address in network for network in settings.METRICS_ALLOWED_IPS)


class CountedGets:
    """Counts a cache's reads, hits and misses (`django_cache_get_total`, `_hits_total`,
    `_misses_total`, labelled with `metrics_backend`). A stored falsy value (0, []) is a hit."""

    metrics_backend = "cache"

    @functools.cached_property
    def _counters(self):
        # The labelled counters, looked up once: each lookup cost as much as the count itself, and a
        # cached response reads the cache once or twice.
        return tuple(
            counter.labels(backend=self.metrics_backend)
            for counter in (django_cache_get_total, django_cache_hits_total, django_cache_misses_total)
        )

    def get(self, key, default=None, version=None):
        gets, hits, misses = self._counters
        gets.inc()
        value = super().get(key, _MISSING, version=version)
        if value is _MISSING:
            misses.inc()
            return default
        hits.inc()
        return value


class LocMemCache(CountedGets, locmem.LocMemCache):
    metrics_backend = "locmem"


class RedisCache(CountedGets, redis.RedisCache):
    metrics_backend = "redis"


class PrometheusAfterMiddleware(middleware.PrometheusAfterMiddleware):
    """django-prometheus's middleware of the requests' views, methods, statuses and latencies, which looks
    each labelled metric up once per label values rather than on every request (ten lookups a request,
    each as dear as the count it precedes)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._labelled = {}

    def label_metric(self, metric, request, response=None, **labels):
        if not labels:
            return metric
        key = (metric, *labels.items())
        try:
            return self._labelled[key]
        except KeyError:
            labelled = self._labelled[key] = metric.labels(**labels)
            return labelled
