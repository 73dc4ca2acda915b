"""The agency list and detail run a fixed number of queries, whatever the page size (literal numbers)."""

import pytest

# The queries of the selectors, which the compiled serializers read (on SQLite, in the browsable API);
# on PostgreSQL the database writes most payloads in one statement (tests/spacedevs/test_sqljson.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("python_payloads")]

LIST = "/2.2.0/agencies/"

# normal: count, agencies (with type and parent).
NORMAL_LIST_QUERIES = 2
# detailed: the same, plus launcher configurations (with their launch counters) and spacecraft
# configurations (with type and agency).
DETAILED_LIST_QUERIES = 4
# detail: the detailed list without the count.
DETAIL_QUERIES = 3


@pytest.mark.parametrize(
    ("mode", "queries"), [("normal", NORMAL_LIST_QUERIES), ("detailed", DETAILED_LIST_QUERIES)]
)
@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(
    api, agencies, django_assert_num_queries, mode, queries, limit
):
    with django_assert_num_queries(queries):
        page = api.get(LIST, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, page["count"])
    assert page["count"] > 3


def test_detailed_list_pages_hold_every_relation(api, agencies):
    page = api.get(LIST, {"mode": "detailed", "limit": 100}).json()

    complete = [agency for agency in page["results"] if agency["id"] in {a.id for a in agencies}]
    assert len(complete) == 3
    assert all(
        agency["parent"] and agency["launcher_list"] and agency["spacecraft_list"] for agency in complete
    )


def test_detail_queries(api, agencies, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        response = api.get(f"{LIST}{agencies[0].id}/")

    assert response.status_code == 200
