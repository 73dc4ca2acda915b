"""The expedition list and detail: shapes against LL2's payloads, filters, search, ordering, bad input."""

import json
from pathlib import Path

import pytest

from tests.factories import (
    AgencyFactory,
    AstronautFactory,
    AstronautFlightFactory,
    AstronautRoleFactory,
    ExpeditionFactory,
    OrbitFactory,
    SpaceStationFactory,
    SpaceStationStatusFactory,
    at,
)
from tests.helpers import component_keys, from_ll2_2_1_0, ordered, restricted_to

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/expedition/"
LL2_EXPEDITIONS = json.loads((Path(__file__).parents[1] / "ll2" / "expeditions-2.1.0.json").read_text())


def ids(api, params):
    response = api.get(LIST, params)
    assert response.status_code == 200, response.json()
    return [expedition["id"] for expedition in response.json()["results"]]


def _from_ll2(expedition):
    """The expedition (and its station) of an LL2 2.1.0 list item, with the same ids and values."""
    station = expedition["spacestation"]
    return ExpeditionFactory(
        id=expedition["id"],
        name=expedition["name"],
        start=expedition["start"],
        end=expedition["end"],
        spacestation=SpaceStationFactory(
            id=station["id"],
            name=station["name"],
            status=SpaceStationStatusFactory(id=station["status"]["id"], name=station["status"]["name"]),
            orbit=OrbitFactory(name=station["orbit"]),
            image_url=station["image_url"],
        ),
    )


def test_the_list_serves_ll2s_expeditions_with_their_2_2_0_mission_patches(api):
    for expedition in LL2_EXPEDITIONS:
        _from_ll2(expedition)

    served = api.get(LIST).json()["results"]

    expected = from_ll2_2_1_0(LL2_EXPEDITIONS)
    kept, later = restricted_to(served, expected)
    assert ordered(kept) == ordered(expected)
    # 2.2.0 added the mission patches (LL2's `Expedition`), last.
    assert later == {"mission_patches"}
    assert [list(item)[-1] for item in served] == ["mission_patches", "mission_patches"]


def test_normal_mode_is_the_default_list_shape(api, ll2_schema):
    ExpeditionFactory()

    default = api.get(LIST).json()["results"]
    normal = api.get(LIST, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == component_keys(ll2_schema, "Expedition")
    assert list(normal[0]["spacestation"]) == component_keys(
        ll2_schema, "SpaceStationSerializerForExpedition"
    )
    assert list(normal[0]["mission_patches"][0]) == component_keys(ll2_schema, "MissionPatch")


def test_detail_shape_is_ll2s_expedition_detail(api, ll2_schema):
    expedition = ExpeditionFactory(spacestation=SpaceStationFactory(owners=[AgencyFactory()]))

    shown = api.get(f"{LIST}{expedition.id}/").json()

    assert list(shown) == component_keys(ll2_schema, "ExpeditionDetail")
    station = shown["spacestation"]
    assert list(station) == component_keys(ll2_schema, "SpaceStationDetailedSerializerForExpedition")
    assert list(station["owners"][0]) == component_keys(ll2_schema, "AgencyList")
    assert list(shown["crew"][0]) == component_keys(ll2_schema, "AstronautFlightForExpedition")
    assert list(shown["crew"][0]["astronaut"]) == component_keys(ll2_schema, "Astronaut")


def test_detailed_mode_lists_the_detail_shape(api):
    expedition = ExpeditionFactory()

    listed = api.get(LIST, {"mode": "detailed"}).json()["results"]

    assert listed == [api.get(f"{LIST}{expedition.id}/").json()]


def test_the_crew_is_listed_by_role_priority(api):
    engineer = AstronautFlightFactory(role=AstronautRoleFactory(role="Flight Engineer", priority=2))
    commander = AstronautFlightFactory(role=AstronautRoleFactory(role="Commander", priority=0))
    expedition = ExpeditionFactory(crew=[engineer, commander])

    crew = api.get(f"{LIST}{expedition.id}/").json()["crew"]

    assert [member["id"] for member in crew] == [commander.id, engineer.id]


def test_filter_by_name(api):
    expedition = ExpeditionFactory(name="Expedition 64")
    ExpeditionFactory(name="Expedition 64A")

    assert ids(api, {"name": "Expedition 64"}) == [expedition.id]


def test_filter_by_crew_astronaut(api):
    seat = AstronautFlightFactory()
    expedition = ExpeditionFactory(crew=[seat, AstronautFlightFactory(astronaut=seat.astronaut)])
    ExpeditionFactory()

    assert ids(api, {"crew__astronaut": seat.astronaut.id}) == [expedition.id]


def test_filter_by_crew_astronaut_agency(api):
    agency = AgencyFactory()
    expedition = ExpeditionFactory(
        crew=[AstronautFlightFactory(astronaut=AstronautFactory(agency=agency)) for _ in range(2)]
    )
    ExpeditionFactory()

    assert ids(api, {"crew__astronaut__agency": agency.id}) == [expedition.id]


def test_filter_by_space_station(api):
    expedition = ExpeditionFactory()
    ExpeditionFactory()

    assert ids(api, {"space_station": expedition.spacestation.id}) == [expedition.id]


@pytest.mark.parametrize(
    ("parameter", "expected"),
    [
        ("start__gt", ["later"]),
        ("start__gte", ["at", "later"]),
        ("start__lt", ["earlier"]),
        ("start__lte", ["earlier", "at"]),
    ],
)
def test_filter_by_start(api, parameter, expected):
    made = {
        "earlier": ExpeditionFactory(start=at(2000, 1, 1)),
        "at": ExpeditionFactory(start=at(2010, 1, 1)),
        "later": ExpeditionFactory(start=at(2020, 1, 1)),
    }

    assert ids(api, {parameter: "2010-01-01T00:00:00Z"}) == [made[name].id for name in expected]


@pytest.mark.parametrize(
    ("parameter", "expected"),
    [
        ("end__gt", ["later"]),
        ("end__gte", ["at", "later"]),
        ("end__lt", ["earlier"]),
        ("end__lte", ["earlier", "at"]),
    ],
)
def test_filter_by_end(api, parameter, expected):
    made = {
        "earlier": ExpeditionFactory(start=at(1999, 1, 1), end=at(2000, 1, 1)),
        "at": ExpeditionFactory(start=at(1999, 1, 1), end=at(2010, 1, 1)),
        "later": ExpeditionFactory(start=at(1999, 1, 1), end=at(2020, 1, 1)),
    }
    ExpeditionFactory(end=None)  # under way: no end to compare

    assert ids(api, {parameter: "2010-01-01T00:00:00Z"}) == [made[name].id for name in expected]


@pytest.mark.parametrize("term", ["expedition 64", "john"])
def test_search_looks_in_the_name_and_the_crews_names(api, term):
    johns = [AstronautFlightFactory(astronaut=AstronautFactory(name=f"John Doe {n}")) for n in range(2)]
    expedition = ExpeditionFactory(name="Expedition 64", crew=johns)
    ExpeditionFactory(name="Expedition 65")

    assert ids(api, {"search": term}) == [expedition.id]


@pytest.mark.parametrize("field", ["start", "end"])
def test_ordering_by_a_date(api, field):
    made = [ExpeditionFactory(start=at(2000 - n, 1, 1), end=at(2001 - n, 1, 1)) for n in range(3)]

    assert ids(api, {"ordering": field}) == [e.id for e in reversed(made)]
    assert ids(api, {"ordering": f"-{field}"}) == [e.id for e in made]


def test_ordering_by_id_descending(api):
    made = ExpeditionFactory.create_batch(3)

    assert ids(api, {"ordering": "-id"}) == [e.id for e in reversed(made)]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"crew__astronaut": "abc"}, "crew__astronaut"),
        ({"crew__astronaut__agency": "1.5"}, "crew__astronaut__agency"),
        ({"space_station": "-1"}, "space_station"),
        ({"start__gt": "yesterday"}, "start__gt"),
        ({"end__lte": "2020-13-01"}, "end__lte"),
        ({"ordering": "name"}, "ordering"),
        ({"mode": "list"}, "mode"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(api, params, parameter):
    ExpeditionFactory()

    response = api.get(LIST, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


@pytest.mark.parametrize("expedition_id", ["99999", "2147483648", "abc", "-1"])
def test_an_id_that_is_not_an_expedition_is_a_404(api, expedition_id):
    ExpeditionFactory()

    assert api.get(f"{LIST}{expedition_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_writes_are_not_allowed(api, method, on_detail):
    expedition = ExpeditionFactory()
    url = f"{LIST}{expedition.id}/" if on_detail else LIST

    response = getattr(api, method)(url, {"name": "Expedition 99"}, format="json")

    assert response.status_code == 405
    expedition.refresh_from_db()
    assert expedition.name != "Expedition 99"
