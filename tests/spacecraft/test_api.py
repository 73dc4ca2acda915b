"""What the spacecraft endpoints serve: shapes and modes, derived values, pagination, bad input, 404, 405.

The endpoints: `spacecraft/flight/`, `spacecraft/`, `config/spacecraft/` and `docking_event/`.
"""

import datetime

import pytest

from mirror.recount import recount
from spacecraft.models import Spacecraft, SpacecraftConfig
from tests.factories import (
    AstronautFlightFactory,
    AstronautRoleFactory,
    DockingEventFactory,
    LaunchFactory,
    SpacecraftConfigFactory,
    SpacecraftFactory,
    SpacecraftFlightFactory,
    at,
    complete_flight,
)
from tests.helpers import (
    SPACECRAFT_CONFIG_LIST_KEYS,
    component_keys,
)

pytestmark = pytest.mark.django_db


# --- spacecraft/flight/ ------------------------------------------------------------------------------

FLIGHTS = "/2.2.0/spacecraft/flight/"

FLIGHT_NORMAL_KEYS = ["id", "url", "destination", "mission_end", "spacecraft", "launch"]
FLIGHT_DETAILED_KEYS = [
    "id",
    "url",
    "mission_end",
    "destination",
    "launch_crew",
    "onboard_crew",
    "landing_crew",
    "spacecraft",
    "launch",
    "landing",
    "docking_events",
]

# LL2's `Spacecraft` with the flight statistics of late 2.2.0 (the contract,
# tests/ll2/spacecraft-flight-567.json).
SPACECRAFT_KEYS = [
    "id",
    "url",
    "name",
    "serial_number",
    "is_placeholder",
    "in_space",
    "time_in_space",
    "time_docked",
    "flights_count",
    "mission_ends_count",
    "status",
    "description",
    "spacecraft_config",
]


@pytest.fixture
def three_flights():
    return [complete_flight() for _ in range(3)]


def test_list_is_paginated_in_id_order_with_absolute_links(api):
    flights = SpacecraftFlightFactory.create_batch(12)

    page = api.get(FLIGHTS).json()

    assert page["count"] == 12
    assert [f["id"] for f in page["results"]] == sorted(f.id for f in flights)[:10]
    assert page["next"] == "http://testserver/2.2.0/spacecraft/flight/?limit=10&offset=10"
    assert page["previous"] is None
    last = api.get(page["next"]).json()
    assert [f["id"] for f in last["results"]] == sorted(f.id for f in flights)[10:]
    assert last["next"] is None
    assert last["previous"] == "http://testserver/2.2.0/spacecraft/flight/?limit=10"


def test_limit_and_offset_select_the_page(api):
    flights = sorted(SpacecraftFlightFactory.create_batch(5), key=lambda f: f.id)

    page = api.get(FLIGHTS, {"limit": 2, "offset": 1}).json()

    assert [f["id"] for f in page["results"]] == [flights[1].id, flights[2].id]


def test_limit_over_100_is_capped_at_100(api):
    SpacecraftFlightFactory.create_batch(101, landing=None)

    page = api.get(FLIGHTS, {"limit": 500}).json()

    assert page["count"] == 101
    assert len(page["results"]) == 100
    assert page["next"] == "http://testserver/2.2.0/spacecraft/flight/?limit=100&offset=100"


def test_normal_mode_is_the_default_flight_list_shape(api, three_flights):
    default = api.get(FLIGHTS).json()["results"]
    normal = api.get(FLIGHTS, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == FLIGHT_NORMAL_KEYS
    assert list(normal[0]["spacecraft"]) == SPACECRAFT_KEYS
    assert list(normal[0]["spacecraft"]["spacecraft_config"]) == [
        "id",
        "url",
        "name",
        "type",
        "agency",
        "in_use",
        "image_url",
    ]


def test_detailed_mode_lists_the_flight_detail_shape(api, three_flights):
    listed = api.get(FLIGHTS, {"mode": "detailed"}).json()["results"]
    detail = api.get(f"{FLIGHTS}{three_flights[0].id}/").json()

    assert list(listed[0]) == FLIGHT_DETAILED_KEYS
    assert listed[0] == detail
    assert len(detail["launch_crew"]) == len(detail["onboard_crew"]) == len(detail["landing_crew"]) == 1
    assert len(detail["docking_events"]) == 1


def test_crews_are_listed_in_role_priority_order(api):
    flight = SpacecraftFlightFactory()
    pilot = AstronautFlightFactory(role=AstronautRoleFactory(role="Pilot", priority=1))
    commander = AstronautFlightFactory(role=AstronautRoleFactory(role="Commander", priority=0))
    flight.launch_crew.set([pilot, commander])

    crew = api.get(f"{FLIGHTS}{flight.id}/").json()["launch_crew"]

    assert [member["role"]["role"] for member in crew] == ["Commander", "Pilot"]


def test_astronaut_first_and_last_flight_come_from_past_launch_crews(api):
    first = SpacecraftFlightFactory(launch=LaunchFactory(net=at(2001, 1, 1)))
    last = SpacecraftFlightFactory(launch=LaunchFactory(net=at(2005, 6, 1)))
    future = SpacecraftFlightFactory(launch=LaunchFactory(net=at(2999, 1, 1)))
    seats = [AstronautFlightFactory(astronaut=AstronautFlightFactory().astronaut) for _ in range(3)]
    astronaut = seats[0].astronaut
    for flight, seat in zip([first, last, future], seats, strict=True):
        seat.astronaut = astronaut
        seat.save()
        flight.launch_crew.set([seat])

    recount()

    member = api.get(f"{FLIGHTS}{first.id}/").json()["launch_crew"][0]["astronaut"]

    assert member["first_flight"] == "2001-01-01T00:00:00Z"
    assert member["last_flight"] == "2005-06-01T00:00:00Z"


def test_spacecraft_statistics_are_derived_from_its_flights_and_dockings(api):
    spacecraft = SpacecraftFactory()
    one = SpacecraftFlightFactory(
        spacecraft=spacecraft,
        launch=LaunchFactory(net=at(2010, 1, 1)),
        mission_end=at(2010, 1, 11, 1, 2, 3),
    )
    two = SpacecraftFlightFactory(
        spacecraft=spacecraft,
        launch=LaunchFactory(net=at(2011, 1, 1)),
        mission_end=at(2011, 1, 1, 14, 50),
    )
    DockingEventFactory(flight=one, docking=at(2010, 1, 2), departure=at(2010, 1, 3, 0, 0, 30))
    DockingEventFactory(flight=one, docking=at(2010, 1, 5), departure=at(2010, 1, 5, 1))
    DockingEventFactory(flight=two, docking=at(2011, 1, 1, 1), departure=at(2011, 1, 1, 3))
    # Another spacecraft's docking counts for it alone.
    DockingEventFactory(docking=at(2011, 1, 1, 1), departure=at(2011, 1, 9))

    shown = api.get(f"{FLIGHTS}{one.id}/").json()["spacecraft"]

    assert shown["flights_count"] == 2
    assert shown["mission_ends_count"] == 2
    assert shown["in_space"] is False
    assert shown["time_in_space"] == "P10DT15H52M3S"
    assert shown["time_docked"] == "P1DT3H30S"


def test_a_flight_without_mission_end_is_in_space_and_counts_time_until_now(api):
    launched = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=3, minutes=5)
    flight = SpacecraftFlightFactory(launch=LaunchFactory(net=launched), mission_end=None)

    shown = api.get(f"{FLIGHTS}{flight.id}/").json()["spacecraft"]

    assert shown["in_space"] is True
    assert shown["mission_ends_count"] == 0
    assert shown["time_in_space"].startswith("P3DT5M")


def test_a_future_flight_is_not_in_space_and_adds_no_time(api):
    flight = SpacecraftFlightFactory(launch=LaunchFactory(net=at(2999, 1, 1)), mission_end=None)

    shown = api.get(f"{FLIGHTS}{flight.id}/").json()["spacecraft"]

    assert shown["in_space"] is False
    assert shown["time_in_space"] == "P0D"
    assert shown["time_docked"] == "P0D"
    assert shown["flights_count"] == 1


def test_a_docking_to_come_adds_no_time_docked(api):
    # Docked from 2999 with no departure: not "now minus 2999", a negative span, but nothing yet.
    flight = SpacecraftFlightFactory(launch=LaunchFactory(net=at(2010, 1, 1)), mission_end=None)
    DockingEventFactory(flight=flight, docking=at(2010, 1, 2), departure=at(2010, 1, 3))
    DockingEventFactory(flight=flight, docking=at(2999, 1, 1), departure=None)

    shown = api.get(f"{FLIGHTS}{flight.id}/").json()["spacecraft"]

    assert shown["time_docked"] == "P1D"


def test_an_unknown_query_parameter_is_ignored(api, three_flights):
    assert api.get(FLIGHTS, {"cachebuster": "12345"}).json() == api.get(FLIGHTS).json()


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"spacecraft": "abc"}, "spacecraft"),
        ({"spacecraft": "\x00"}, "spacecraft"),
        ({"spacecraft": "1.5"}, "spacecraft"),
        ({"spacecraft": "-1"}, "spacecraft"),
        ({"spacecraft": "2147483648"}, "spacecraft"),
        ({"spacecraft": "99999999999999999999999"}, "spacecraft"),
    ],
)
def test_a_bad_value_of_a_supported_parameter_is_a_400_naming_it(api, three_flights, params, parameter):
    response = api.get(FLIGHTS, params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert f"'{parameter}'" in body["detail"]
    assert body["parameters"] == [parameter]


@pytest.mark.parametrize(
    "flight_id", ["99999", "2147483648", "99999999999999999999999", "abc", "-1", "1.5", "%00", "0x10"]
)
def test_an_id_that_is_not_a_flight_is_a_404(api, three_flights, flight_id):
    response = api.get(f"{FLIGHTS}{flight_id}/")

    assert response.status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_flight_writes_are_not_allowed(api, three_flights, method, on_detail):
    url = f"{FLIGHTS}{three_flights[0].id}/" if on_detail else FLIGHTS

    response = getattr(api, method)(url, {"destination": "Moon"}, format="json")

    assert response.status_code == 405
    assert "detail" in response.json()
    assert three_flights[0].__class__.objects.count() == 3


def test_api_root_lists_the_flight_endpoint(api):
    for prefix in ("/2.2.0/", "/api/2.2.0/"):
        root = api.get(prefix).json()
        assert root["spacecraft/flight"] == f"http://testserver{prefix}spacecraft/flight/"


def test_an_offset_past_the_end_is_an_empty_page(api, three_flights):
    page = api.get(FLIGHTS, {"offset": "99999999999999999999999"}).json()

    assert page["count"] == 3
    assert page["results"] == []


def test_a_huge_limit_is_capped(api, three_flights):
    page = api.get(FLIGHTS, {"limit": "99999999999999999999999"}).json()

    assert len(page["results"]) == 3


# --- spacecraft/ -------------------------------------------------------------------------------------

SPACECRAFT = "/2.2.0/spacecraft/"
CONFIG_MINI_KEYS = ["id", "url", "name", "type", "agency", "in_use", "image_url"]


def spacecraft_detail(api, vehicle):
    return api.get(f"{SPACECRAFT}{vehicle.id}/").json()


def test_spacecraft_list_is_paginated_in_id_order(api):
    fleet = SpacecraftFactory.create_batch(12)

    page = api.get(SPACECRAFT).json()

    assert page["count"] == 12
    assert [s["id"] for s in page["results"]] == sorted(s.id for s in fleet)[:10]
    assert page["next"] == "http://testserver/2.2.0/spacecraft/?limit=10&offset=10"


def test_normal_is_the_default_mode_and_ll2_s_spacecraft_shape(api, fleet):
    default = api.get(SPACECRAFT).json()["results"]
    normal = api.get(SPACECRAFT, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == SPACECRAFT_KEYS
    assert list(normal[0]["spacecraft_config"]) == CONFIG_MINI_KEYS


def test_a_listed_spacecraft_is_the_one_its_flights_embed(api, fleet):
    listed = api.get(SPACECRAFT).json()["results"][0]

    flights = api.get("/2.2.0/spacecraft/flight/", {"spacecraft": fleet[0].id}).json()["results"]
    assert listed == flights[0]["spacecraft"]


def test_detail_is_the_full_spacecraft_with_its_flights_in_id_order(api, fleet):
    shown = spacecraft_detail(api, fleet[0])

    assert list(shown) == [*SPACECRAFT_KEYS, "flights"]
    flight_of_the_full_shape = api.get(
        "/2.2.0/spacecraft/flight/", {"spacecraft": fleet[0].id, "mode": "detailed"}
    )
    assert {k: v for k, v in shown.items() if k != "flights"} == flight_of_the_full_shape.json()["results"][
        0
    ]["spacecraft"]
    flight_list = api.get("/2.2.0/spacecraft/flight/", {"spacecraft": fleet[0].id}).json()["results"]
    assert shown["flights"] == flight_list
    assert [f["id"] for f in shown["flights"]] == sorted(f.id for f in fleet[0].flights.all())


def test_detailed_mode_lists_the_spacecraft_detail_shape(api, fleet):
    listed = api.get(SPACECRAFT, {"mode": "detailed"}).json()["results"]

    assert listed == [spacecraft_detail(api, vehicle) for vehicle in fleet]


def test_a_spacecraft_without_flights_has_an_empty_list(api):
    vehicle = SpacecraftFactory()

    assert spacecraft_detail(api, vehicle)["flights"] == []


def test_a_flight_of_another_spacecraft_is_not_listed(api, fleet):
    SpacecraftFlightFactory()

    assert len(spacecraft_detail(api, fleet[0])["flights"]) == 2


@pytest.mark.parametrize("spacecraft_id", ["99999", "2147483648", "abc", "-1", "1.5"])
def test_an_id_that_is_not_a_spacecraft_is_a_404(api, fleet, spacecraft_id):
    assert api.get(f"{SPACECRAFT}{spacecraft_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_spacecraft_writes_are_not_allowed(api, fleet, method, on_detail):
    url = f"{SPACECRAFT}{fleet[0].id}/" if on_detail else SPACECRAFT

    response = getattr(api, method)(url, {"name": "Nobody"}, format="json")

    assert response.status_code == 405
    assert not Spacecraft.objects.filter(name="Nobody").exists()


# --- config/spacecraft/ ------------------------------------------------------------------------------

SPACECRAFT_CONFIGS = "/2.2.0/config/spacecraft/"

# LL2's `SpacecraftConfigurationDetail`, with the `payload_return_capacity` of late 2.2.0 (the contract,
# tests/ll2/spacecraft-flight-567.json).
SPACECRAFT_CONFIG_DETAIL_KEYS = [
    "id",
    "url",
    "name",
    "type",
    "agency",
    "in_use",
    "capability",
    "history",
    "details",
    "maiden_flight",
    "height",
    "diameter",
    "human_rated",
    "crew_capacity",
    "payload_capacity",
    "payload_return_capacity",
    "flight_life",
    "image_url",
    "nation_url",
    "wiki_link",
    "info_link",
]


def config_detail(api, config):
    return api.get(f"{SPACECRAFT_CONFIGS}{config.id}/").json()


def test_spacecraft_config_list_is_paginated_in_id_order(api):
    configs = SpacecraftConfigFactory.create_batch(12)

    page = api.get(SPACECRAFT_CONFIGS).json()

    assert page["count"] == 12
    assert [c["id"] for c in page["results"]] == sorted(c.id for c in configs)[:10]
    assert page["next"] == "http://testserver/2.2.0/config/spacecraft/?limit=10&offset=10"


def test_normal_is_the_default_mode_and_ll2_s_list_shape(api, configs):
    default = api.get(SPACECRAFT_CONFIGS).json()["results"]
    normal = api.get(SPACECRAFT_CONFIGS, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == SPACECRAFT_CONFIG_LIST_KEYS
    assert list(normal[0]["agency"])[-2:] == ["image_url", "logo_url"]


def test_detail_is_the_configuration_a_flight_s_spacecraft_embeds(api):
    flight = complete_flight()
    config = flight.spacecraft.spacecraft_config

    shown = config_detail(api, config)

    assert list(shown) == SPACECRAFT_CONFIG_DETAIL_KEYS
    embedded = api.get(f"/2.2.0/spacecraft/flight/{flight.id}/").json()["spacecraft"]["spacecraft_config"]
    assert shown == embedded


def test_detailed_mode_lists_the_spacecraft_config_detail_shape(api, configs):
    listed = api.get(SPACECRAFT_CONFIGS, {"mode": "detailed"}).json()["results"]

    assert listed == [config_detail(api, config) for config in configs]


@pytest.mark.parametrize("config_id", ["99999", "2147483648", "abc", "-1", "1.5"])
def test_an_id_that_is_not_a_configuration_is_a_404(api, configs, config_id):
    assert api.get(f"{SPACECRAFT_CONFIGS}{config_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_spacecraft_config_writes_are_not_allowed(api, configs, method, on_detail):
    url = f"{SPACECRAFT_CONFIGS}{configs[0].id}/" if on_detail else SPACECRAFT_CONFIGS

    response = getattr(api, method)(url, {"name": "Nobody"}, format="json")

    assert response.status_code == 405
    assert not SpacecraftConfig.objects.filter(name="Nobody").exists()


# --- docking_event/ ----------------------------------------------------------------------------------

DOCKING_EVENTS = "/2.2.0/docking_event/"


def test_launch_id_is_the_id_of_the_flights_launch(api):
    event = DockingEventFactory()

    assert api.get(f"{DOCKING_EVENTS}{event.id}/").json()["launch_id"] == str(event.flight.launch.id)


def test_normal_mode_is_the_default_docking_event_list_shape(api, ll2_schema):
    DockingEventFactory()

    default = api.get(DOCKING_EVENTS).json()["results"]
    normal = api.get(DOCKING_EVENTS, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == component_keys(ll2_schema, "DockingEvent")
    assert list(normal[0]["docking_location"]) == component_keys(ll2_schema, "DockingLocation")
    assert list(normal[0]["flight_vehicle"]) == component_keys(
        ll2_schema, "SpacecraftFlightSerializerForDockingEvent"
    )


def test_detail_shape_is_ll2s_docking_event_detailed(api, ll2_schema, contract):
    event = DockingEventFactory()

    shown = api.get(f"{DOCKING_EVENTS}{event.id}/").json()

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


def test_detailed_mode_lists_the_docking_event_detail_shape(api):
    event = DockingEventFactory()

    listed = api.get(DOCKING_EVENTS, {"mode": "detailed"}).json()["results"]

    assert listed == [api.get(f"{DOCKING_EVENTS}{event.id}/").json()]


@pytest.mark.parametrize("event_id", ["99999", "2147483648", "abc", "-1", "1.5"])
def test_an_id_that_is_not_a_docking_event_is_a_404(api, event_id):
    DockingEventFactory()

    assert api.get(f"{DOCKING_EVENTS}{event_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_docking_event_writes_are_not_allowed(api, method, on_detail):
    event = DockingEventFactory(departure=None)
    url = f"{DOCKING_EVENTS}{event.id}/" if on_detail else DOCKING_EVENTS

    response = getattr(api, method)(url, {"departure": "2020-01-01T00:00:00Z"}, format="json")

    assert response.status_code == 405
    event.refresh_from_db()
    assert event.departure is None
