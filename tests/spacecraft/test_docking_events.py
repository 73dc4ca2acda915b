"""The docking event list and detail: LL2's payloads, schema, filters, search, ordering, modes, queries
and bad input."""

import json
import uuid
from pathlib import Path

import pytest

from agencies.models import AgencyType
from spacecraft.models import SpacecraftConfigType, SpacecraftStatus
from stations.models import SpaceStationStatus
from tests.factories import (
    AgencyFactory,
    DockingEventFactory,
    DockingLocationFactory,
    LaunchFactory,
    SpacecraftConfigFactory,
    SpacecraftFactory,
    SpacecraftFlightFactory,
    SpaceStationFactory,
    at,
    complete_flight,
)
from tests.helpers import component_keys, errors, from_ll2_2_1_0, ordered, restricted_to

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/docking_event/"
LL2_EVENTS = json.loads((Path(__file__).parents[1] / "ll2" / "docking-events-2.1.0.json").read_text())
ISS = {"id": 4, "name": "International Space Station"}
# The NETs of the launches of the flights of LL2_EVENTS (Soyuz TMA-16, SpaceX CRS-21), by flight id.
LAUNCH_NETS = {220: at(2009, 9, 30, 7, 14, 42), 583: at(2020, 12, 6, 16, 17, 8)}
# What LL2 2.2.0 serves in a docking event that its 2.1.0 did not: the station of the docking location,
# and the statistics of the flight's spacecraft.
ADDED_IN_2_2_0 = {
    "docking_location.spacestation",
    *(
        f"flight_vehicle.spacecraft.{field}"
        for field in (
            "is_placeholder",
            "in_space",
            "time_in_space",
            "time_docked",
            "flights_count",
            "mission_ends_count",
        )
    ),
}


def _from_ll2(event, station):
    """The docking event of an LL2 2.1.0 list item, with the same ids and values, at `station`."""
    flight = event["flight_vehicle"]
    spacecraft = flight["spacecraft"]
    config = spacecraft["spacecraft_config"]
    agency = config["agency"]
    return DockingEventFactory(
        id=event["id"],
        docking=event["docking"],
        departure=event["departure"],
        docking_location=DockingLocationFactory(
            id=event["docking_location"]["id"], name=event["docking_location"]["name"], spacestation=station
        ),
        flight=SpacecraftFlightFactory(
            id=flight["id"],
            destination=flight["destination"],
            mission_end=flight["mission_end"],
            launch=LaunchFactory(id=uuid.UUID(event["launch_id"]), net=LAUNCH_NETS[flight["id"]]),
            spacecraft=SpacecraftFactory(
                id=spacecraft["id"],
                name=spacecraft["name"],
                serial_number=spacecraft["serial_number"],
                status=SpacecraftStatus.objects.get_or_create(**spacecraft["status"])[0],
                description=spacecraft["description"],
                spacecraft_config=SpacecraftConfigFactory(
                    id=config["id"],
                    name=config["name"],
                    type=SpacecraftConfigType.objects.get_or_create(**config["type"])[0],
                    agency=AgencyFactory(
                        id=agency["id"],
                        name=agency["name"],
                        type=AgencyType.objects.get_or_create(name=agency["type"])[0],
                    ),
                    in_use=config["in_use"],
                    image_url=config["image_url"],
                ),
            ),
        ),
    )


@pytest.fixture
def ll2_events():
    station = SpaceStationFactory(**ISS, status=SpaceStationStatus.objects.create(id=1, name="Active"))
    return [_from_ll2(event, station) for event in LL2_EVENTS]


def test_the_list_serves_ll2s_docking_events_with_what_2_2_0_added(api, ll2_events):
    served = api.get(LIST).json()["results"]

    expected = from_ll2_2_1_0(LL2_EVENTS)
    kept, later = restricted_to(served, expected)
    assert ordered(kept) == ordered(expected)
    assert later == ADDED_IN_2_2_0
    for event in served:
        assert event["docking_location"]["spacestation"] == {
            "id": 4,
            "url": "http://testserver/2.2.0/spacestation/4/",
            "name": "International Space Station",
        }
    # Soyuz TMA-16 came home; the Cargo Dragon of CRS-21 was still docked when LL2 served this.
    assert [(e["flight_vehicle"]["spacecraft"]["in_space"], e["departure"]) for e in served] == [
        (False, "2010-03-18T08:03:00Z"),
        (True, None),
    ]


def test_launch_id_is_the_id_of_the_flights_launch(api):
    event = DockingEventFactory()

    assert api.get(f"{LIST}{event.id}/").json()["launch_id"] == str(event.flight.launch.id)


def test_normal_mode_is_the_default_list_shape(api, ll2_schema):
    DockingEventFactory()

    default = api.get(LIST).json()["results"]
    normal = api.get(LIST, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == component_keys(ll2_schema, "DockingEvent")
    assert list(normal[0]["docking_location"]) == component_keys(ll2_schema, "DockingLocation")
    assert list(normal[0]["flight_vehicle"]) == component_keys(
        ll2_schema, "SpacecraftFlightSerializerForDockingEvent"
    )


def test_detail_shape_is_ll2s_docking_event_detailed(api, ll2_schema, contract):
    event = DockingEventFactory()

    shown = api.get(f"{LIST}{event.id}/").json()

    assert list(shown) == component_keys(ll2_schema, "DockingEventDetailed")
    assert list(shown["flight_vehicle"]) == component_keys(
        ll2_schema, "SpacecraftFlightSerializerForDockingEventDetailed"
    )
    # The spacecraft in full, as the contract's flight has it (late 2.2.0).
    assert list(shown["flight_vehicle"]["spacecraft"]) == list(contract["spacecraft"])
    assert list(shown["flight_vehicle"]["spacecraft"]["spacecraft_config"]) == list(
        contract["spacecraft"]["spacecraft_config"]
    )
    station = event.docking_location.spacestation
    assert shown["space_station"] == {
        "id": station.id,
        "url": f"http://testserver/2.2.0/spacestation/{station.id}/",
        "name": station.name,
        "image_url": station.image_url,
    }


def test_detailed_mode_lists_the_detail_shape(api):
    event = DockingEventFactory()

    listed = api.get(LIST, {"mode": "detailed"}).json()["results"]

    assert listed == [api.get(f"{LIST}{event.id}/").json()]


@pytest.mark.parametrize(
    ("mode", "component"), [("normal", "DockingEvent"), ("detailed", "DockingEventDetailed")]
)
def test_list_pages_validate_against_ll2s_schema(api, ll2_schema, ll2_events, mode, component):
    page = api.get(LIST, {"mode": mode}).json()

    assert errors(ll2_schema, "PaginatedDockingEventList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for event in page["results"]:
        assert errors(ll2_schema, component, event) == []


def test_detail_validates_against_ll2s_schema(api, ll2_schema, ll2_events):
    shown = api.get(f"{LIST}{ll2_events[0].id}/").json()

    assert errors(ll2_schema, "DockingEventDetailed", shown) == []


def ids(api, params):
    response = api.get(LIST, params)
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
        ({"ordering": "flight"}, "ordering"),
        ({"mode": "list"}, "mode"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(api, params, parameter):
    DockingEventFactory()

    response = api.get(LIST, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


# normal and detailed: count, events (with flight, docking location and station), spacecraft (with
# statistics, status, configuration and its agency).
LIST_QUERIES = 3
# detail: the list without the count.
DETAIL_QUERIES = 2


@pytest.mark.parametrize("mode", ["normal", "detailed"])
@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(api, django_assert_num_queries, mode, limit):
    for _ in range(6):
        complete_flight()

    with django_assert_num_queries(LIST_QUERIES):
        page = api.get(LIST, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, 6)


def test_detail_queries(api, django_assert_num_queries):
    event = [complete_flight() for _ in range(3)][0].docking_events.get()

    with django_assert_num_queries(DETAIL_QUERIES):
        response = api.get(f"{LIST}{event.id}/")

    assert response.status_code == 200


@pytest.mark.parametrize("event_id", ["99999", "2147483648", "abc", "-1", "1.5"])
def test_an_id_that_is_not_a_docking_event_is_a_404(api, event_id):
    DockingEventFactory()

    assert api.get(f"{LIST}{event_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_writes_are_not_allowed(api, method, on_detail):
    event = DockingEventFactory(departure=None)
    url = f"{LIST}{event.id}/" if on_detail else LIST

    response = getattr(api, method)(url, {"departure": "2020-01-01T00:00:00Z"}, format="json")

    assert response.status_code == 405
    event.refresh_from_db()
    assert event.departure is None
