"""Pagination: a page deep in a table, found by its keys first, is the page the plain query finds, in one
more query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
