"""What the station endpoints serve: shapes and modes, what LL2 derives from now, bad input, 404, 405.

The endpoints: `spacestation/` and `expedition/`.
"""

import pytest

from tests.factories import (
    AgencyFactory,
    AstronautFlightFactory,
    AstronautRoleFactory,
    DockingLocationFactory,
    ExpeditionFactory,
    SpaceStationFactory,
    busy_station,
    days,
    dock,
)
from tests.helpers import component_keys

pytestmark = pytest.mark.django_db


# --- spacestation/ -----------------------------------------------------------------------------------

STATIONS = "/2.2.0/spacestation/"


def detail(api, station):
    return api.get(f"{STATIONS}{station.id}/").json()


def test_list_is_paginated_in_id_order(api):
    stations = SpaceStationFactory.create_batch(12)

    page = api.get(STATIONS).json()

    assert page["count"] == 12
    assert [s["id"] for s in page["results"]] == sorted(s.id for s in stations)[:10]
    assert page["next"] == "http://testserver/2.2.0/spacestation/?limit=10&offset=10"


def test_normal_mode_is_the_default_station_list_shape(api, ll2_schema):
    busy_station()

    default = api.get(STATIONS).json()["results"]
    normal = api.get(STATIONS, {"mode": "normal"}).json()["results"]

    assert default == normal
    station = normal[0]
    assert list(station) == component_keys(ll2_schema, "SpaceStation")
    assert list(station["status"]) == component_keys(ll2_schema, "SpaceStationStatus")
    assert list(station["type"]) == component_keys(ll2_schema, "SpaceStationType")
    assert list(station["owners"][0]) == component_keys(ll2_schema, "AgencyList")
    assert list(station["active_expedition"][0]) == component_keys(
        ll2_schema, "ExpeditionSerializerForSpacestation"
    )


def test_detail_shape_is_ll2s_space_station_detailed(api, ll2_schema, contract):
    station = detail(api, busy_station())

    assert list(station) == component_keys(ll2_schema, "SpaceStationDetailed")
    # The owners and the docked flight's spacecraft and launch are the late 2.2.0 shapes of the contract.
    assert list(station["owners"][0]) == list(contract["spacecraft"]["spacecraft_config"]["agency"])
    expedition = station["active_expeditions"][0]
    assert list(expedition) == component_keys(ll2_schema, "ExpeditionDetailedSerializerForSpacestation")
    assert list(expedition["crew"][0]) == component_keys(ll2_schema, "AstronautFlightForExpedition")
    assert list(expedition["crew"][0]["astronaut"]) == component_keys(ll2_schema, "Astronaut")
    port = station["docking_location"][0]
    assert list(port) == component_keys(ll2_schema, "DockingLocationSerializerForSpacestation")
    assert list(port["docked"]) == component_keys(ll2_schema, "DockingEventDetailedSerializerForSpacestation")
    flight = port["docked"]["flight_vehicle"]
    assert list(flight) == component_keys(ll2_schema, "SpacecraftFlightForDockingEvent")
    assert list(flight["spacecraft"]) == list(contract["spacecraft"])
    assert list(flight["launch"]) == list(contract["launch"])


def test_detailed_mode_lists_the_station_detail_shape(api):
    station = busy_station()

    listed = api.get(STATIONS, {"mode": "detailed"}).json()["results"]

    assert listed[0] == detail(api, station)


def test_the_new_fields_are_served(api):
    owner = AgencyFactory(name="NASA", abbrev="NASA")
    station = SpaceStationFactory(
        owners=[owner], deorbited=None, height=73.0, width=109.0, mass=420.0, volume=916
    )

    shown = detail(api, station)

    assert [shown[key] for key in ("deorbited", "height", "width", "mass", "volume")] == [
        None,
        73.0,
        109.0,
        420.0,
        916,
    ]
    assert shown["type"] == {"id": station.type.id, "name": "Government"}
    assert [(o["id"], o["name"], o["abbrev"]) for o in shown["owners"]] == [(owner.id, "NASA", "NASA")]


def test_active_expeditions_are_those_under_way_by_start(api):
    station = SpaceStationFactory()
    later = ExpeditionFactory(spacestation=station, start=days(-10), end=None)
    earlier = ExpeditionFactory(spacestation=station, start=days(-100), end=days(5))
    ExpeditionFactory(spacestation=station, start=days(-200), end=days(-100))  # ended
    ExpeditionFactory(spacestation=station, start=days(10), end=None)  # not started
    ExpeditionFactory(start=days(-10), end=None)  # another station's

    listed = api.get(STATIONS).json()["results"][0]["active_expedition"]
    detailed = detail(api, station)["active_expeditions"]

    assert [e["id"] for e in listed] == [earlier.id, later.id]
    assert [e["id"] for e in detailed] == [earlier.id, later.id]


def test_onboard_crew_counts_the_crews_of_active_expeditions(api):
    station = SpaceStationFactory()
    ExpeditionFactory(spacestation=station, start=days(-10), crew=AstronautFlightFactory.create_batch(3))
    ExpeditionFactory(spacestation=station, start=days(-90), end=days(-10), crew=[AstronautFlightFactory()])

    assert detail(api, station)["onboard_crew"] == 3


def test_onboard_crew_counts_the_launch_crews_of_flights_docked_now(api):
    station = SpaceStationFactory()
    port = DockingLocationFactory(spacestation=station)
    docked = dock(port, docked=-2)
    docked.flight.launch_crew.set(AstronautFlightFactory.create_batch(2))
    departed = dock(port, docked=-20, departs=-10)
    departed.flight.launch_crew.set([AstronautFlightFactory()])

    assert detail(api, station)["onboard_crew"] == 2


def test_onboard_crew_counts_an_astronaut_in_both_once(api):
    station = SpaceStationFactory()
    seat = AstronautFlightFactory()
    ExpeditionFactory(spacestation=station, start=days(-1), crew=[seat])
    docked = dock(DockingLocationFactory(spacestation=station), docked=-1)
    docked.flight.launch_crew.set([seat, AstronautFlightFactory(astronaut=seat.astronaut)])

    assert detail(api, station)["onboard_crew"] == 1


def test_onboard_crew_is_zero_for_an_empty_station(api):
    ExpeditionFactory(start=days(-1))  # aboard another station

    assert detail(api, SpaceStationFactory())["onboard_crew"] == 0


def test_docked_vehicles_counts_the_flights_docked_now(api):
    station = SpaceStationFactory()
    ports = DockingLocationFactory.create_batch(3, spacestation=station)
    dock(ports[0], docked=-2)  # no departure yet
    dock(ports[1], docked=-2, departs=3)  # departs later
    dock(ports[2], docked=-9, departs=-3)  # gone
    dock(ports[2], docked=2)  # not docked yet
    dock(DockingLocationFactory(), docked=-2)  # at another station

    assert detail(api, station)["docked_vehicles"] == 2


def test_a_flight_moved_between_ports_is_one_docked_vehicle(api):
    station = SpaceStationFactory()
    first, second = DockingLocationFactory.create_batch(2, spacestation=station)
    # Recorded with an open departure at the first port after it moved: still one flight.
    event = dock(first, docked=-5)
    dock(second, docked=-1, flight=event.flight)

    assert detail(api, station)["docked_vehicles"] == 1


def test_each_port_shows_the_flight_docked_there_now_or_null(api):
    station = SpaceStationFactory()
    busy, free = DockingLocationFactory.create_batch(2, spacestation=station)
    dock(busy, docked=-30, departs=-20)
    now_docked = dock(busy, docked=-2, departs=4)
    dock(free, docked=-9, departs=-3)

    ports = detail(api, station)["docking_location"]

    assert [(p["id"], p["name"]) for p in ports] == [(busy.id, busy.name), (free.id, free.name)]
    assert ports[0]["docked"]["id"] == now_docked.id
    assert ports[0]["docked"]["url"] == f"http://testserver/2.2.0/docking_event/{now_docked.id}/"
    assert ports[0]["docked"]["flight_vehicle"]["id"] == now_docked.flight.id
    assert ports[0]["docked"]["flight_vehicle"]["launch"]["id"] == str(now_docked.flight.launch.id)
    assert ports[1]["docked"] is None


def test_an_unknown_query_parameter_is_ignored(api):
    busy_station()

    assert api.get(STATIONS, {"cachebuster": "1"}).json() == api.get(STATIONS).json()


@pytest.mark.parametrize("station_id", ["99999", "2147483648", "abc", "-1", "1.5", "%00"])
def test_an_id_that_is_not_a_station_is_a_404(api, station_id):
    SpaceStationFactory()

    assert api.get(f"{STATIONS}{station_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_station_writes_are_not_allowed(api, method, on_detail):
    station = SpaceStationFactory()
    url = f"{STATIONS}{station.id}/" if on_detail else STATIONS

    response = getattr(api, method)(url, {"name": "Moon base"}, format="json")

    assert response.status_code == 405
    station.refresh_from_db()
    assert station.name != "Moon base"


# --- expedition/ -------------------------------------------------------------------------------------

EXPEDITIONS = "/2.2.0/expedition/"


def test_normal_mode_is_the_default_expedition_list_shape(api, ll2_schema):
    ExpeditionFactory()

    default = api.get(EXPEDITIONS).json()["results"]
    normal = api.get(EXPEDITIONS, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == component_keys(ll2_schema, "Expedition")
    assert list(normal[0]["spacestation"]) == component_keys(
        ll2_schema, "SpaceStationSerializerForExpedition"
    )
    assert list(normal[0]["mission_patches"][0]) == component_keys(ll2_schema, "MissionPatch")


def test_detail_shape_is_ll2s_expedition_detail(api, ll2_schema):
    expedition = ExpeditionFactory(spacestation=SpaceStationFactory(owners=[AgencyFactory()]))

    shown = api.get(f"{EXPEDITIONS}{expedition.id}/").json()

    assert list(shown) == component_keys(ll2_schema, "ExpeditionDetail")
    station = shown["spacestation"]
    assert list(station) == component_keys(ll2_schema, "SpaceStationDetailedSerializerForExpedition")
    assert list(station["owners"][0]) == component_keys(ll2_schema, "AgencyList")
    assert list(shown["crew"][0]) == component_keys(ll2_schema, "AstronautFlightForExpedition")
    assert list(shown["crew"][0]["astronaut"]) == component_keys(ll2_schema, "Astronaut")


def test_detailed_mode_lists_the_expedition_detail_shape(api):
    expedition = ExpeditionFactory()

    listed = api.get(EXPEDITIONS, {"mode": "detailed"}).json()["results"]

    assert listed == [api.get(f"{EXPEDITIONS}{expedition.id}/").json()]


def test_the_crew_is_listed_by_role_priority(api):
    engineer = AstronautFlightFactory(role=AstronautRoleFactory(role="Flight Engineer", priority=2))
    commander = AstronautFlightFactory(role=AstronautRoleFactory(role="Commander", priority=0))
    expedition = ExpeditionFactory(crew=[engineer, commander])

    crew = api.get(f"{EXPEDITIONS}{expedition.id}/").json()["crew"]

    assert [member["id"] for member in crew] == [commander.id, engineer.id]


@pytest.mark.parametrize("expedition_id", ["99999", "2147483648", "abc", "-1"])
def test_an_id_that_is_not_an_expedition_is_a_404(api, expedition_id):
    ExpeditionFactory()

    assert api.get(f"{EXPEDITIONS}{expedition_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_expedition_writes_are_not_allowed(api, method, on_detail):
    expedition = ExpeditionFactory()
    name = expedition.name
    url = f"{EXPEDITIONS}{expedition.id}/" if on_detail else EXPEDITIONS

    response = getattr(api, method)(url, {"name": "Not the expedition's name"}, format="json")

    assert response.status_code == 405
    expedition.refresh_from_db()
    assert expedition.name == name
