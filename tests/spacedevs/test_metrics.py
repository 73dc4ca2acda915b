"""Prometheus metrics at `/metrics`: request counts and latencies per endpoint, database queries and
cache hits, readable only from the addresses of METRICS_ALLOWED_IPS."""

import ipaddress
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def metrics_text(client, address="127.0.0.1"):
    response = client.get("/metrics", REMOTE_ADDR=address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def sample(text, name, **labels):
    """The value of the sample `name{labels...}` (labels in any order; others may be there too)."""
    for line in text.splitlines():
        match = re.fullmatch(rf"{re.escape(name)}(?:\{{(.*)\}})? (\S+)", line)
        if match:
            found = dict(re.findall(r'(\w+)="([^"]*)"', match[1] or ""))
            if labels.items() <= found.items():
                return float(match[2])
    return 0.0


def test_metrics_count_requests_and_their_latency_per_endpoint(client, demo):
    before = metrics_text(client)
    view = {"view": "2.2.0:spacecraft-flight-list", "method": "GET"}
    for _ in range(3):
        client.get("/2.2.0/spacecraft/flight/")
    after = metrics_text(client)

    count = "django_http_requests_latency_seconds_by_view_method_count"
    assert sample(after, count, **view) - sample(before, count, **view) == 3
    assert sample(after, "django_http_requests_latency_seconds_by_view_method_sum", **view) > 0
    responses = "django_http_responses_total_by_status_view_method_total"
    assert (
        sample(after, responses, status="200", **view) - sample(before, responses, status="200", **view) == 3
    )


def test_each_status_is_counted_under_its_own_labels(client, demo):
    # The middleware keeps each labelled metric it has used (spacedevs.metrics): a 200 and a 404 of the
    # same view are still two series.
    before = metrics_text(client)
    view = {"view": "2.2.0:spacecraft-flight-detail", "method": "GET"}
    for path in ("/2.2.0/spacecraft/flight/567/", "/2.2.0/spacecraft/flight/999999/") * 2:
        client.get(path)
    after = metrics_text(client)

    responses = "django_http_responses_total_by_status_view_method_total"
    for status in ("200", "404"):
        labels = {"status": status, **view}
        assert sample(after, responses, **labels) - sample(before, responses, **labels) == 2


def test_metrics_count_database_queries(client, demo):
    before = metrics_text(client)
    with CaptureQueriesContext(connection) as queries:
        client.get("/2.2.0/spacecraft/flight/567/")
    ran = len(queries)  # now: the next request clears the log it reads
    after = metrics_text(client)

    executed = sample(after, "django_db_execute_total", alias="default")
    assert executed - sample(before, "django_db_execute_total", alias="default") == ran > 0


def test_metrics_count_cache_hits_and_misses(client):
    cache.set("metrics-test", 0)
    before = metrics_text(client)
    assert cache.get("metrics-test") == 0  # a stored falsy value is a hit
    assert cache.get("metrics-test-missing", "default") == "default"
    after = metrics_text(client)

    for name in ["django_cache_get_total", "django_cache_get_hits_total", "django_cache_get_misses_total"]:
        assert sample(after, name, backend="locmem") - sample(before, name, backend="locmem") >= 1, name


@pytest.mark.parametrize("address", ["10.0.0.7", "203.0.113.9", "::2", "", "not-an-address"])
def test_metrics_are_refused_to_other_addresses(client, address):
    response = client.get("/metrics", REMOTE_ADDR=address)

    assert response.status_code == 403
    assert b"django_http" not in response.content


def test_metrics_allowed_ips_takes_networks(client, settings):
    settings.METRICS_ALLOWED_IPS = [ipaddress.ip_network("10.0.0.0/8")]

    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403
