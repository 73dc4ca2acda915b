"""Station and expedition lists and details validate against LL2's own OpenAPI schema."""

import pytest

from tests.factories import DockingLocationFactory, ExpeditionFactory, SpaceStationFactory, busy_station
from tests.helpers import errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def stations():
    return [busy_station() for _ in range(2)]


@pytest.mark.parametrize(
    ("mode", "component"), [("normal", "SpaceStation"), ("detailed", "SpaceStationDetailed")]
)
def test_station_list_pages_validate(api, ll2_schema, stations, mode, component):
    page = api.get("/2.2.0/spacestation/", {"mode": mode}).json()

    assert errors(ll2_schema, "PaginatedSpaceStationList", {**page, "results": []}) == []
    # The busy stations, and those of the complete flights' own (past) dockings, whose ports are free.
    assert len(page["results"]) == 4
    for station in page["results"]:
        assert errors(ll2_schema, component, station) == []


def test_a_free_port_validates_as_ll2_serves_it(api, ll2_schema):
    # LL2's schema makes `docked` a required, non-null object, though a port is free between visits;
    # LL2's own Salyut 5 (tests/ll2/data/spacestation-13.2.2.0.detail.json) serves it as null, which
    # is why it is in NULLABLE_IN_PRACTICE.
    station = SpaceStationFactory()
    DockingLocationFactory(spacestation=station)

    shown = api.get(f"/2.2.0/spacestation/{station.id}/").json()

    assert shown["docking_location"][0]["docked"] is None
    assert errors(ll2_schema, "SpaceStationDetailed", shown) == []


def test_station_detail_validates(api, ll2_schema, stations):
    station = api.get(f"/2.2.0/spacestation/{stations[0].id}/").json()

    assert station["docking_location"][0]["docked"] is not None
    assert errors(ll2_schema, "SpaceStationDetailed", station) == []


@pytest.mark.parametrize(("mode", "component"), [("normal", "Expedition"), ("detailed", "ExpeditionDetail")])
def test_expedition_list_pages_validate(api, ll2_schema, mode, component):
    ExpeditionFactory.create_batch(2)

    page = api.get("/2.2.0/expedition/", {"mode": mode}).json()

    assert errors(ll2_schema, "PaginatedExpeditionList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for expedition in page["results"]:
        assert errors(ll2_schema, component, expedition) == []


def test_expedition_detail_validates(api, ll2_schema):
    expedition = api.get(f"/2.2.0/expedition/{ExpeditionFactory().id}/").json()

    assert errors(ll2_schema, "ExpeditionDetail", expedition) == []


def test_the_schema_check_catches_a_wrong_station(ll2_schema):
    # Not vacuous: a station without its owners, with a text volume, is refused.
    wrong = {"id": 4, "url": "x", "name": "ISS", "volume": "916"}

    problems = errors(ll2_schema, "SpaceStationDetailed", wrong)

    assert any("owners" in problem for problem in problems)
    assert any(problem.startswith("volume:") for problem in problems)
