"""The astronaut endpoint runs a fixed number of queries, whatever the page size (literal numbers)."""

import pytest

from tests.factories import flown_astronaut

# The queries of the selectors, which the compiled serializers read (on SQLite, in the browsable API);
# on PostgreSQL the database writes most payloads in one statement (tests/spacedevs/test_sqljson.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("python_payloads")]

LIST = "/2.2.0/astronaut/"

# list and normal: the count, then the astronauts with status, type, agency and the derived values.
LIST_QUERIES = 2
# detailed: the same, plus the launches of their launch crews, with the launches' programmes (3:
# programmes, their agencies, their patches); the flights of their landing crews, with their launches,
# their spacecraft, and the launches' programmes (3).
DETAILED_LIST_QUERIES = 11
# detail: the detailed list without the count.
DETAIL_QUERIES = 10


@pytest.fixture
def astronauts():
    return [flown_astronaut() for _ in range(5)]


@pytest.mark.parametrize(
    ("mode", "queries"),
    [("list", LIST_QUERIES), ("normal", LIST_QUERIES), ("detailed", DETAILED_LIST_QUERIES)],
)
@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(
    api, astronauts, django_assert_num_queries, mode, queries, limit
):
    with django_assert_num_queries(queries):
        page = api.get(LIST, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, len(astronauts))
    if mode == "detailed":
        assert all(len(item["flights"]) == 3 and len(item["landings"]) == 1 for item in page["results"])


def test_detail_queries(api, astronauts, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        response = api.get(f"{LIST}{astronauts[0].id}/")

    assert response.status_code == 200
    assert response.json()["landings"][0]["launch"]["program"][0]["mission_patches"]
