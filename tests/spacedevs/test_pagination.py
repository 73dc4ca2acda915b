"""Pagination: a page deep in a table, found by its keys first, is the page the plain query finds."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "ordering"),
    [("/2.2.0/spacecraft/flight/", None), ("/2.2.0/launch/", None), ("/2.2.0/launch/", "-name")],
)
def test_a_deep_page_found_by_its_keys_is_the_same_page(api, demo, monkeypatch, path, ordering):
    query = {"limit": 5, "offset": 3, "mode": "detailed", **({"ordering": ordering} if ordering else {})}
    direct = api.get(path, query).json()

    monkeypatch.setattr("spacedevs.api.pagination.DEFERRED_FROM", 1)
    deferred = api.get(path, query).json()

    assert deferred == direct
    assert len(direct["results"]) == 5
