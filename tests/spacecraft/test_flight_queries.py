"""Every flight endpoint runs a fixed number of queries, whatever the page size (literal numbers)."""

import pytest

from tests.factories import complete_flight

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/spacecraft/flight/"

# normal: count, flights (with launch and its relations), spacecraft (with statistics), programmes,
# programme agencies, mission patches.
NORMAL_LIST_QUERIES = 6
# detailed: the same, plus docking events, and each of the three crews with its astronauts (2 each).
DETAILED_LIST_QUERIES = 13
# detail: the detailed list without the count.
DETAIL_QUERIES = 12


@pytest.fixture
def flights():
    return [complete_flight() for _ in range(12)]


@pytest.mark.parametrize(
    ("mode", "queries"), [("normal", NORMAL_LIST_QUERIES), ("detailed", DETAILED_LIST_QUERIES)]
)
@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(
    api, flights, django_assert_num_queries, mode, queries, limit
):
    with django_assert_num_queries(queries):
        page = api.get(LIST, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, len(flights))


def test_detail_queries(api, flights, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        response = api.get(f"{LIST}{flights[0].id}/")

    assert response.status_code == 200
