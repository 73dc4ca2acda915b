"""The spacecraft endpoints' filters, `search` and `ordering`, and the 400 for a bad value of each.

The endpoints: `spacecraft/flight/`, `spacecraft/`, `config/spacecraft/` and `docking_event/`.
"""

import pytest

from tests.factories import (
    AgencyFactory,
    DockingEventFactory,
    DockingLocationFactory,
    SpacecraftConfigFactory,
    SpacecraftFactory,
    SpacecraftFlightFactory,
    SpacecraftStatusFactory,
    SpaceStationFactory,
    at,
)

pytestmark = pytest.mark.django_db


# --- spacecraft/flight/ ------------------------------------------------------------------------------

FLIGHTS = "/2.2.0/spacecraft/flight/"


def test_filter_by_spacecraft(api):
    spacecraft = SpacecraftFactory()
    mine = SpacecraftFlightFactory.create_batch(2, spacecraft=spacecraft)
    SpacecraftFlightFactory()

    page = api.get(FLIGHTS, {"spacecraft": spacecraft.id}).json()

    assert page["count"] == 2
    assert {f["id"] for f in page["results"]} == {f.id for f in mine}
    assert {f["spacecraft"]["id"] for f in page["results"]} == {spacecraft.id}


def test_filter_by_unknown_spacecraft_is_an_empty_page(api):
    SpacecraftFlightFactory()

    page = api.get(FLIGHTS, {"spacecraft": 2147483647}).json()

    assert page["count"] == 0


# --- spacecraft/ -------------------------------------------------------------------------------------

SPACECRAFT = "/2.2.0/spacecraft/"


@pytest.fixture
def named_spacecraft():
    dragon = SpacecraftConfigFactory(name="Dragon 2")
    soyuz = SpacecraftConfigFactory(name="Soyuz MS")
    active, retired = SpacecraftStatusFactory(name="Active"), SpacecraftStatusFactory(name="Retired")
    return {
        "endeavour": SpacecraftFactory(name="Crew Dragon Endeavour", spacecraft_config=dragon, status=active),
        "resilience": SpacecraftFactory(
            name="Crew Dragon Resilience", spacecraft_config=dragon, status=retired
        ),
        "ms22": SpacecraftFactory(name="Soyuz MS-22", spacecraft_config=soyuz, status=retired),
        "dragon": dragon,
        "active": active,
        "retired": retired,
    }


def spacecraft_names(api, params):
    response = api.get(SPACECRAFT, params)
    assert response.status_code == 200, response.json()
    return [item["name"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"name": "Soyuz MS-22"}, ["Soyuz MS-22"]),
        # `name` is the whole name (`search` finds parts).
        ({"name": "Soyuz"}, []),
        ({"search": "resilience"}, ["Crew Dragon Resilience"]),
        # The configuration's name: "Dragon 2" is the configuration of both Crew Dragons.
        ({"search": "dragon 2"}, ["Crew Dragon Endeavour", "Crew Dragon Resilience"]),
        ({"search": "ms"}, ["Soyuz MS-22"]),
        ({"search": "apollo"}, []),
        ({"ordering": "-id"}, ["Soyuz MS-22", "Crew Dragon Resilience", "Crew Dragon Endeavour"]),
        ({"ordering": "id"}, ["Crew Dragon Endeavour", "Crew Dragon Resilience", "Soyuz MS-22"]),
    ],
)
def test_spacecraft_filter_search_and_ordering(api, named_spacecraft, params, expected):
    assert spacecraft_names(api, params) == expected


def test_filter_by_status_id(api, named_spacecraft):
    assert spacecraft_names(api, {"status": named_spacecraft["active"].id}) == ["Crew Dragon Endeavour"]
    assert spacecraft_names(api, {"status": named_spacecraft["retired"].id}) == [
        "Crew Dragon Resilience",
        "Soyuz MS-22",
    ]


def test_filter_by_configuration_id(api, named_spacecraft):
    assert spacecraft_names(api, {"spacecraft_config": named_spacecraft["dragon"].id}) == [
        "Crew Dragon Endeavour",
        "Crew Dragon Resilience",
    ]


def test_filter_by_an_unknown_configuration_is_an_empty_page(api, named_spacecraft):
    assert spacecraft_names(api, {"spacecraft_config": 2147483647}) == []


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"status": "abc"}, "status"),
        ({"status": "-1"}, "status"),
        ({"spacecraft_config": "1.5"}, "spacecraft_config"),
        ({"spacecraft_config": "2147483648"}, "spacecraft_config"),
    ],
)
def test_a_bad_spacecraft_value_is_a_400_naming_the_parameter(api, named_spacecraft, params, parameter):
    response = api.get(SPACECRAFT, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


# --- config/spacecraft/ ------------------------------------------------------------------------------

SPACECRAFT_CONFIGS = "/2.2.0/config/spacecraft/"


@pytest.fixture
def named_configs():
    nasa = AgencyFactory(name="National Aeronautics and Space Administration", abbrev="NASA")
    spacex = AgencyFactory(name="SpaceX", abbrev="SpX")
    return {
        "dragon": SpacecraftConfigFactory(name="Dragon 2", agency=spacex, in_use=True, human_rated=True),
        "cargo": SpacecraftConfigFactory(name="Cargo Dragon", agency=spacex, in_use=False, human_rated=False),
        "apollo": SpacecraftConfigFactory(
            name="Apollo Command/Service Module", agency=nasa, in_use=False, human_rated=True
        ),
        "nasa": nasa,
        "spacex": spacex,
    }


def config_names(api, params):
    response = api.get(SPACECRAFT_CONFIGS, params)
    assert response.status_code == 200, response.json()
    return [item["name"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"name": "Dragon 2"}, ["Dragon 2"]),
        # `name` is the whole name (`search` finds parts).
        ({"name": "Dragon"}, []),
        ({"in_use": "true"}, ["Dragon 2"]),
        ({"in_use": "false"}, ["Cargo Dragon", "Apollo Command/Service Module"]),
        ({"human_rated": "True"}, ["Dragon 2", "Apollo Command/Service Module"]),
        ({"human_rated": "0"}, ["Cargo Dragon"]),
        ({"in_use": "false", "human_rated": "true"}, ["Apollo Command/Service Module"]),
        # `search`: a part of the name, the agency's name or its abbreviation, any case.
        ({"search": "dragon"}, ["Dragon 2", "Cargo Dragon"]),
        ({"search": "aeronautics"}, ["Apollo Command/Service Module"]),
        ({"search": "spx"}, ["Dragon 2", "Cargo Dragon"]),
        ({"search": "soyuz"}, []),
        ({"ordering": "name"}, ["Apollo Command/Service Module", "Cargo Dragon", "Dragon 2"]),
        ({"ordering": "-name"}, ["Dragon 2", "Cargo Dragon", "Apollo Command/Service Module"]),
        ({"ordering": "-id"}, ["Apollo Command/Service Module", "Cargo Dragon", "Dragon 2"]),
        ({"ordering": "id"}, ["Dragon 2", "Cargo Dragon", "Apollo Command/Service Module"]),
    ],
)
def test_spacecraft_config_filter_search_and_ordering(api, named_configs, params, expected):
    assert config_names(api, params) == expected


def test_filter_by_manufacturer_id(api, named_configs):
    assert config_names(api, {"manufacturer": named_configs["spacex"].id}) == ["Dragon 2", "Cargo Dragon"]
    assert config_names(api, {"manufacturer": named_configs["nasa"].id}) == ["Apollo Command/Service Module"]


def test_filter_by_an_unknown_manufacturer_is_an_empty_page(api, named_configs):
    assert config_names(api, {"manufacturer": 2147483647}) == []


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"manufacturer": "SpaceX"}, "manufacturer"),
        ({"manufacturer": "1.5"}, "manufacturer"),
        ({"in_use": "maybe"}, "in_use"),
        ({"human_rated": "2"}, "human_rated"),
        ({"human_rated": "\x00"}, "human_rated"),
    ],
)
def test_a_bad_spacecraft_config_value_is_a_400_naming_the_parameter(api, named_configs, params, parameter):
    response = api.get(SPACECRAFT_CONFIGS, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


# --- docking_event/ ----------------------------------------------------------------------------------

DOCKING_EVENTS = "/2.2.0/docking_event/"


def ids(api, params):
    response = api.get(DOCKING_EVENTS, params)
    assert response.status_code == 200, response.json()
    return [event["id"] for event in response.json()["results"]]


def test_filter_by_space_station_is_the_docking_locations_station(api):
    station = SpaceStationFactory()
    here = [
        DockingEventFactory(docking_location=DockingLocationFactory(spacestation=station)) for _ in range(2)
    ]
    DockingEventFactory()

    assert ids(api, {"space_station__id": station.id}) == [e.id for e in here]


def test_filter_by_flight_vehicle(api):
    flight = SpacecraftFlightFactory()
    mine = DockingEventFactory.create_batch(2, flight=flight)
    DockingEventFactory()

    assert ids(api, {"flight_vehicle__id": flight.id}) == [e.id for e in mine]


def test_filter_by_docking_location(api):
    port = DockingLocationFactory()
    mine = DockingEventFactory.create_batch(2, docking_location=port)
    DockingEventFactory(docking_location=DockingLocationFactory(spacestation=port.spacestation))

    assert ids(api, {"docking_location__id": port.id}) == [e.id for e in mine]


@pytest.mark.parametrize(
    ("parameter", "expected"),
    [
        ("docking__gt", ["later"]),
        ("docking__gte", ["at", "later"]),
        ("docking__lt", ["earlier"]),
        ("docking__lte", ["earlier", "at"]),
    ],
)
def test_filter_by_docking_time(api, parameter, expected):
    made = {
        name: DockingEventFactory(docking=docking, departure=None)
        for name, docking in [
            ("earlier", at(2000, 1, 1)),
            ("at", at(2010, 1, 1, 12, 30)),
            ("later", at(2020, 1, 1)),
        ]
    }

    assert ids(api, {parameter: "2010-01-01T12:30:00Z"}) == [made[name].id for name in expected]


@pytest.mark.parametrize("term", ["harmony", "dragon c2"])
def test_search_looks_in_the_station_and_spacecraft_names(api, term):
    event = DockingEventFactory(
        docking_location=DockingLocationFactory(spacestation=SpaceStationFactory(name="Harmony Station")),
        flight=SpacecraftFlightFactory(spacecraft=SpacecraftFactory(name="Cargo Dragon C208")),
    )
    DockingEventFactory()

    assert ids(api, {"search": term}) == [event.id]


@pytest.mark.parametrize("field", ["docking", "departure"])
def test_ordering_by_a_date(api, field):
    made = [DockingEventFactory(docking=at(2000 - n, 1, 1), departure=at(2000 - n, 2, 1)) for n in range(3)]

    assert ids(api, {"ordering": field}) == [e.id for e in reversed(made)]
    assert ids(api, {"ordering": f"-{field}"}) == [e.id for e in made]


def test_ordering_by_id_descending(api):
    made = DockingEventFactory.create_batch(3)

    assert ids(api, {"ordering": "-id"}) == [e.id for e in reversed(made)]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"space_station__id": "abc"}, "space_station__id"),
        ({"flight_vehicle__id": "1.5"}, "flight_vehicle__id"),
        ({"docking_location__id": "-1"}, "docking_location__id"),
        ({"docking__gt": "yesterday"}, "docking__gt"),
        ({"docking__lte": "2020-02-30T00:00:00Z"}, "docking__lte"),
    ],
)
def test_a_bad_docking_event_value_is_a_400_naming_the_parameter(api, params, parameter):
    DockingEventFactory()

    response = api.get(DOCKING_EVENTS, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]
