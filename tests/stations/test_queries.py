"""The station and expedition endpoints run a fixed number of queries, whatever the page size."""

import pytest

from tests.factories import ExpeditionFactory, MissionPatchFactory, busy_station

# The queries of the selectors, which the compiled serializers read (on SQLite, in the browsable API);
# on PostgreSQL the database writes most payloads in one statement (tests/spacedevs/test_sqljson.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("python_payloads")]

# normal: count, stations (with status, type, orbit), owners, active expeditions.
STATION_LIST_QUERIES = 4
# detailed: count, stations (with onboard crew and docked vehicles), owners, active expeditions, their
# crews, docking locations, the events docked now (with flight and launch), their spacecraft, the
# launches' programmes, programme agencies, programme mission patches.
STATION_DETAILED_LIST_QUERIES = 11
# detail: the detailed list without the count.
STATION_DETAIL_QUERIES = 10
# normal: count, expeditions (with station), mission patches.
EXPEDITION_LIST_QUERIES = 3
# detailed: count, expeditions (with station), station owners, crews, mission patches.
EXPEDITION_DETAILED_LIST_QUERIES = 5
EXPEDITION_DETAIL_QUERIES = 4


@pytest.fixture
def stations():
    return [busy_station() for _ in range(6)]


@pytest.fixture
def expeditions():
    made = ExpeditionFactory.create_batch(6)
    for expedition in made:
        expedition.mission_patches.add(MissionPatchFactory())
    return made


@pytest.mark.parametrize(
    ("mode", "queries"), [("normal", STATION_LIST_QUERIES), ("detailed", STATION_DETAILED_LIST_QUERIES)]
)
@pytest.mark.parametrize("limit", [1, 100])
def test_station_list_queries_do_not_grow_with_the_page(
    api, stations, django_assert_num_queries, mode, queries, limit
):
    with django_assert_num_queries(queries):
        page = api.get("/2.2.0/spacestation/", {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, page["count"])
    assert page["count"] > 6  # the stations, and those of the complete flights' own dockings


def test_station_detail_queries(api, stations, django_assert_num_queries):
    with django_assert_num_queries(STATION_DETAIL_QUERIES):
        response = api.get(f"/2.2.0/spacestation/{stations[0].id}/")

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("mode", "queries"),
    [("normal", EXPEDITION_LIST_QUERIES), ("detailed", EXPEDITION_DETAILED_LIST_QUERIES)],
)
@pytest.mark.parametrize("limit", [1, 100])
def test_expedition_list_queries_do_not_grow_with_the_page(
    api, expeditions, django_assert_num_queries, mode, queries, limit
):
    with django_assert_num_queries(queries):
        page = api.get("/2.2.0/expedition/", {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, len(expeditions))


def test_expedition_detail_queries(api, expeditions, django_assert_num_queries):
    with django_assert_num_queries(EXPEDITION_DETAIL_QUERIES):
        response = api.get(f"/2.2.0/expedition/{expeditions[0].id}/")

    assert response.status_code == 200
