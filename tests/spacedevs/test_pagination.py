"""Pagination: a page deep in a table, found by its keys first, is the page the plain query finds, in one
more query."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from spacecraft.models import SpacecraftFlight
from spacedevs import dataversion
from spacedevs.api.pagination import key_anchors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "ordering"),
    [("/2.2.0/spacecraft/flight/", None), ("/2.2.0/launch/", None), ("/2.2.0/launch/", "-name")],
)
def test_a_deep_page_found_by_its_keys_is_the_same_page(api, demo, monkeypatch, path, ordering):
    query = {"limit": 5, "offset": 3, "mode": "detailed", **({"ordering": ordering} if ordering else {})}
    direct = api.get(path, query).json()

    monkeypatch.setattr("spacedevs.api.pagination.DEFERRED_FROM", 1)
    with CaptureQueriesContext(connection) as queries:
        deferred = api.get(path, query).json()
    # The page's keys: a query of the id alone, ordered, from the offset.
    keys = [captured["sql"] for captured in queries.captured_queries if "OFFSET 3" in captured["sql"]]

    assert deferred == direct
    assert len(keys) == 1
    assert "JOIN" not in keys[0]
    assert len(direct["results"]) == 5


@pytest.fixture
def anchored(monkeypatch, settings):
    """Pages found from anchors every 4 rows (10,000 rows apart in service), from the first offset on,
    the anchors kept per data version as in service."""
    monkeypatch.setattr("spacedevs.api.pagination.DEFERRED_FROM", 1)
    monkeypatch.setattr("spacedevs.api.pagination.ANCHOR_EVERY", 4)
    settings.COUNT_CACHE = True
    caches["responses"].clear()
    yield
    caches["responses"].clear()


@pytest.mark.parametrize("mode", ["normal", "detailed"])
@pytest.mark.parametrize("query", [{}, {"ordering": "-id"}, {"spacecraft__in": "any"}])
def test_a_page_found_from_the_nearest_anchor_is_the_same_page(api, demo, monkeypatch, mode, query):
    if "spacecraft__in" in query:  # a filter: the anchors are those of the filtered rows
        busiest = SpacecraftFlight.objects.values("spacecraft").annotate(n=Count("id")).order_by("-n")[0]
        query = {"spacecraft": busiest["spacecraft"]}
    path = "/2.2.0/spacecraft/flight/"
    total = api.get(path, {**query, "mode": mode}).json()["count"]
    direct = [
        api.get(path, {**query, "mode": mode, "limit": 3, "offset": n}).json() for n in range(total + 1)
    ]

    monkeypatch.setattr("spacedevs.api.pagination.DEFERRED_FROM", 1)
    monkeypatch.setattr("spacedevs.api.pagination.ANCHOR_EVERY", 4)
    anchored = [
        api.get(path, {**query, "mode": mode, "limit": 3, "offset": n}).json() for n in range(total + 1)
    ]

    assert anchored == direct
    assert total > 4


def test_a_page_deep_in_key_order_walks_from_its_anchor_only(api, demo, anchored):
    keys = list(SpacecraftFlight.objects.order_by("id").values_list("id", flat=True))
    api.get("/2.2.0/spacecraft/flight/", {"limit": 2, "offset": 9})  # finds the anchors
    with CaptureQueriesContext(connection) as queries:
        page = api.get("/2.2.0/spacecraft/flight/", {"limit": 2, "offset": 9}).json()

    # Offset 9 is the 2nd row after the anchor of offset 8, the 9th key: the keys from it, skipping 1.
    walks = [captured["sql"] for captured in queries.captured_queries if "OFFSET 1" in captured["sql"]]
    assert len(walks) == 1
    assert f">= {keys[8]}" in walks[0]
    assert [flight["id"] for flight in page["results"]] == keys[9:11]
    # The anchors were kept: no row was numbered again.
    assert not any("ROW_NUMBER" in captured["sql"] for captured in queries.captured_queries)


def test_after_a_write_the_anchors_are_found_again(api, demo, anchored):
    path = "/2.2.0/spacecraft/flight/"
    api.get(path, {"limit": 2, "offset": 9})
    SpacecraftFlight.objects.order_by("id")[3].delete()  # every later row moves up by one
    dataversion.bump()  # as the delete's commit does

    keys = list(SpacecraftFlight.objects.order_by("id").values_list("id", flat=True))
    page = api.get(path, {"limit": 2, "offset": 9}).json()

    assert [flight["id"] for flight in page["results"]] == keys[9:11]


def test_the_anchors_are_the_keys_every_so_many_rows_in_key_order(demo):
    keys = list(SpacecraftFlight.objects.order_by("id").values_list("id", flat=True))

    assert key_anchors(SpacecraftFlight.objects.all(), 4) == keys[::4]
    assert key_anchors(SpacecraftFlight.objects.all(), 1) == keys
