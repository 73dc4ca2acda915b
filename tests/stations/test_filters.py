"""The station endpoints' filters, `search` and `ordering`, and the 400 for a bad value of each.

The endpoints: `spacestation/` and `expedition/`.
"""

import datetime

import pytest

from tests.factories import (
    AgencyFactory,
    AstronautFactory,
    AstronautFlightFactory,
    ExpeditionFactory,
    OrbitFactory,
    SpaceStationFactory,
    SpaceStationStatusFactory,
    SpaceStationTypeFactory,
    at,
)

pytestmark = pytest.mark.django_db


# --- spacestation/ -----------------------------------------------------------------------------------

STATIONS = "/2.2.0/spacestation/"


def station_ids(api, params):
    response = api.get(STATIONS, params)
    assert response.status_code == 200, response.json()
    return [station["id"] for station in response.json()["results"]]


def test_filter_by_id(api):
    station, _ = SpaceStationFactory.create_batch(2)

    assert station_ids(api, {"id": station.id}) == [station.id]


def test_filter_by_name_is_exact(api):
    mir = SpaceStationFactory(name="Mir")
    SpaceStationFactory(name="Mir-2")

    assert station_ids(api, {"name": "Mir"}) == [mir.id]


def test_filter_by_name_contains(api):
    salyut_6, salyut_7 = SpaceStationFactory(name="Salyut 6"), SpaceStationFactory(name="Salyut 7")
    SpaceStationFactory(name="Mir")

    assert station_ids(api, {"name__contains": "Salyut"}) == [salyut_6.id, salyut_7.id]


def test_filter_by_status_id(api):
    deorbited = SpaceStationFactory(status=SpaceStationStatusFactory(name="De-Orbited"))
    SpaceStationFactory()

    assert station_ids(api, {"status": deorbited.status.id}) == [deorbited.id]


def test_filter_by_type_id(api):
    commercial = SpaceStationFactory(type=SpaceStationTypeFactory(name="Commercial"))
    SpaceStationFactory()

    assert station_ids(api, {"type": commercial.type.id}) == [commercial.id]


def test_filter_by_orbit_id(api):
    geo = SpaceStationFactory(orbit=OrbitFactory(name="Geostationary Orbit", abbrev="GEO"))
    SpaceStationFactory()

    assert station_ids(api, {"orbit": geo.orbit.id}) == [geo.id]


def test_filter_by_owner(api):
    nasa, roscosmos = AgencyFactory(), AgencyFactory()
    iss = SpaceStationFactory(owners=[nasa, roscosmos])
    mir = SpaceStationFactory(owners=[roscosmos])
    SpaceStationFactory(owners=[AgencyFactory()])

    assert station_ids(api, {"owners": nasa.id}) == [iss.id]
    assert station_ids(api, {"owners": roscosmos.id}) == [iss.id, mir.id]


def test_a_repeated_owners_filter_matches_any_of_them_once(api):
    nasa, roscosmos, cnsa = AgencyFactory(), AgencyFactory(), AgencyFactory()
    iss = SpaceStationFactory(owners=[nasa, roscosmos])
    mir = SpaceStationFactory(owners=[roscosmos])
    SpaceStationFactory(owners=[cnsa])

    response = api.get(f"{STATIONS}?owners={nasa.id}&owners={roscosmos.id}")

    assert response.json()["count"] == 2
    assert [s["id"] for s in response.json()["results"]] == [iss.id, mir.id]


def test_filter_by_owner_name_and_abbrev(api):
    esa = AgencyFactory(name="European Space Agency", abbrev="ESA")
    iss = SpaceStationFactory(owners=[esa, AgencyFactory()])
    SpaceStationFactory(owners=[AgencyFactory(name="European Space Agency 2", abbrev="ESA2")])

    assert station_ids(api, {"owners__name": "European Space Agency"}) == [iss.id]
    assert station_ids(api, {"owners__abbrev": "ESA"}) == [iss.id]


@pytest.mark.parametrize("term", ["tiangong", "China Manned", "CMSA"])
def test_search_looks_in_the_name_and_the_owners_name_and_abbrev(api, term):
    cmsa = AgencyFactory(name="China Manned Space Agency", abbrev="CMSA")
    tiangong = SpaceStationFactory(name="Tiangong space station", owners=[cmsa, AgencyFactory()])
    SpaceStationFactory(name="Mir", owners=[AgencyFactory()])

    assert station_ids(api, {"search": term}) == [tiangong.id]


def test_a_station_two_of_whose_owners_match_the_search_is_listed_once(api):
    iss = SpaceStationFactory(
        owners=[AgencyFactory(name="Space Agency One"), AgencyFactory(name="Space Agency Two")]
    )

    response = api.get(STATIONS, {"search": "Space Agency"})

    assert response.json()["count"] == 1
    assert [s["id"] for s in response.json()["results"]] == [iss.id]


def _stations_in_reverse_of_id_order_by(field):
    """Three stations whose `field` orders them opposite to their ids."""
    # Lookups order by their id: make them first, so that the first station gets the last one.
    statuses = {rank: SpaceStationStatusFactory(name=f"Status {rank}") for rank in (1, 2, 3)}
    types = {rank: SpaceStationTypeFactory(name=f"Type {rank}") for rank in (1, 2, 3)}
    made = []
    for rank in (3, 2, 1):
        values = {
            "name": {"name": f"Station {rank}"},
            "status": {"status": statuses[rank]},
            "type": {"type": types[rank]},
            "founded": {"founded": datetime.date(1970 + rank, 1, 1)},
            "volume": {"volume": 100 * rank},
        }
        made.append(SpaceStationFactory(**values[field]))
    return made


@pytest.mark.parametrize("field", ["name", "status", "type", "founded", "volume"])
def test_ordering_by_a_field(api, field):
    third, second, first = _stations_in_reverse_of_id_order_by(field)

    assert station_ids(api, {"ordering": field}) == [first.id, second.id, third.id]
    assert station_ids(api, {"ordering": f"-{field}"}) == [third.id, second.id, first.id]


def test_station_ordering_by_id_descending(api):
    stations = SpaceStationFactory.create_batch(3)

    assert station_ids(api, {"ordering": "-id"}) == [s.id for s in reversed(stations)]


def test_stations_tied_on_the_ordering_keep_id_order(api):
    stations = SpaceStationFactory.create_batch(3, volume=916)

    assert station_ids(api, {"ordering": "-volume"}) == [s.id for s in stations]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"id": "abc"}, "id"),
        ({"status": "Active"}, "status"),
        ({"status": "1.5"}, "status"),
        ({"type": "-1"}, "type"),
        ({"orbit": "2147483648"}, "orbit"),
        ({"owners": "abc"}, "owners"),
        ({"owners": "1,2"}, "owners"),
    ],
)
def test_a_bad_station_value_is_a_400_naming_the_parameter(api, params, parameter):
    SpaceStationFactory()

    response = api.get(STATIONS, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


def test_a_bad_value_among_repeated_owners_is_a_400(api):
    owner = AgencyFactory()
    SpaceStationFactory(owners=[owner])

    response = api.get(f"{STATIONS}?owners={owner.id}&owners=x")

    assert response.status_code == 400
    assert response.json()["parameters"] == ["owners"]


def test_a_filter_on_an_unknown_owner_is_an_empty_page(api):
    SpaceStationFactory(owners=[AgencyFactory()])

    assert station_ids(api, {"owners": 2147483647}) == []


# --- expedition/ -------------------------------------------------------------------------------------

EXPEDITIONS = "/2.2.0/expedition/"


def expedition_ids(api, params):
    response = api.get(EXPEDITIONS, params)
    assert response.status_code == 200, response.json()
    return [expedition["id"] for expedition in response.json()["results"]]


def test_filter_by_name(api):
    expedition = ExpeditionFactory(name="Expedition 64")
    ExpeditionFactory(name="Expedition 64A")

    assert expedition_ids(api, {"name": "Expedition 64"}) == [expedition.id]


def test_filter_by_crew_astronaut(api):
    seat = AstronautFlightFactory()
    expedition = ExpeditionFactory(crew=[seat, AstronautFlightFactory(astronaut=seat.astronaut)])
    ExpeditionFactory()

    assert expedition_ids(api, {"crew__astronaut": seat.astronaut.id}) == [expedition.id]


def test_filter_by_crew_astronaut_agency(api):
    agency = AgencyFactory()
    expedition = ExpeditionFactory(
        crew=[AstronautFlightFactory(astronaut=AstronautFactory(agency=agency)) for _ in range(2)]
    )
    ExpeditionFactory()

    assert expedition_ids(api, {"crew__astronaut__agency": agency.id}) == [expedition.id]


def test_filter_by_space_station(api):
    expedition = ExpeditionFactory()
    ExpeditionFactory()

    assert expedition_ids(api, {"space_station": expedition.spacestation.id}) == [expedition.id]


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

    assert expedition_ids(api, {parameter: "2010-01-01T00:00:00Z"}) == [made[name].id for name in expected]


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

    assert expedition_ids(api, {parameter: "2010-01-01T00:00:00Z"}) == [made[name].id for name in expected]


@pytest.mark.parametrize("term", ["expedition 64", "john"])
def test_search_looks_in_the_name_and_the_crews_names(api, term):
    johns = [AstronautFlightFactory(astronaut=AstronautFactory(name=f"John Doe {n}")) for n in range(2)]
    expedition = ExpeditionFactory(name="Expedition 64", crew=johns)
    ExpeditionFactory(name="Expedition 65")

    assert expedition_ids(api, {"search": term}) == [expedition.id]


@pytest.mark.parametrize("field", ["start", "end"])
def test_ordering_by_a_date(api, field):
    made = [ExpeditionFactory(start=at(2000 - n, 1, 1), end=at(2001 - n, 1, 1)) for n in range(3)]

    assert expedition_ids(api, {"ordering": field}) == [e.id for e in reversed(made)]
    assert expedition_ids(api, {"ordering": f"-{field}"}) == [e.id for e in made]


def test_expedition_ordering_by_id_descending(api):
    made = ExpeditionFactory.create_batch(3)

    assert expedition_ids(api, {"ordering": "-id"}) == [e.id for e in reversed(made)]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"crew__astronaut": "abc"}, "crew__astronaut"),
        ({"crew__astronaut__agency": "1.5"}, "crew__astronaut__agency"),
        ({"space_station": "-1"}, "space_station"),
        ({"start__gt": "yesterday"}, "start__gt"),
        ({"end__lte": "2020-13-01"}, "end__lte"),
    ],
)
def test_a_bad_expedition_value_is_a_400_naming_the_parameter(api, params, parameter):
    ExpeditionFactory()

    response = api.get(EXPEDITIONS, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]
