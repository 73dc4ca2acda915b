"""Flight 567 is served as LL2's payload exactly, LL2's other spacecraft payloads as LL2 served them.

Flight 567 (the contract) is served from the demo data, byte for byte but for the links' host; the
others, built with LL2's ids and values, key for key and in LL2's order apart from the keys LL2 added
since, and valid against its schema: Space Shuttle Endeavour with 19 of its flights, NASA's spacecraft
configurations, two docking events of 2.1.0.
"""

import json
import uuid

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
    ll2_flight,
    ll2_spacecraft,
    ll2_spacecraft_config,
    reset_sequences,
)
from tests.helpers import (
    LL2,
    SPACECRAFT_CONFIG_LIST_KEYS,
    errors,
    from_ll2_2_1_0,
    normalise_links,
    ordered,
    restricted_to,
    whole_floats_as_ints,
)

pytestmark = pytest.mark.django_db


# --- spacecraft/flight/: the contract ----------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/2.2.0", "/api/2.2.0"])
def test_detail_of_567_equals_the_contract(api, demo, contract, prefix):
    response = api.get(f"{prefix}/spacecraft/flight/567/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    expected = normalise_links(contract, base=f"http://testserver{prefix}/")
    assert ordered(response.json()) == ordered(expected)


def test_format_json_is_carried_onto_every_link(api, demo, contract):
    response = api.get("/2.2.0/spacecraft/flight/567/", {"format": "json"})

    assert response.status_code == 200
    expected = normalise_links(contract, format_suffix="?format=json")
    assert ordered(response.json()) == ordered(expected)


def test_every_link_of_567_has_the_requested_format_and_no_other_query(api, demo):
    body = api.get("/2.2.0/spacecraft/flight/567/", {"format": "json", "cachebuster": "1"}).content.decode()

    links = [part.split('"', 1)[0] for part in body.split('"url":"')[1:]]
    assert len(links) == 11
    assert all(link.startswith("http://testserver/2.2.0/") for link in links)
    assert all(link.endswith("/?format=json") for link in links)


def test_browsable_api_shows_the_flight_and_the_detail_description(api, demo):
    response = api.get("/2.2.0/spacecraft/flight/567/", {"format": "api"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Progress 3" in page
    # The detail's description; the list's is LL2's (tests/spacedevs/test_browsable.py).
    assert "API endpoint that returns one spacecraft flight, by its id." in page
    # Links in the browsable API stay in the browsable API.
    assert "/2.2.0/spacecraft/413/?format=api" in page


# --- spacecraft/: Space Shuttle Endeavour with 19 of its flights -------------------------------------

SPACECRAFT = "/2.2.0/spacecraft/"


def spacecraft_detail(api, vehicle):
    return api.get(f"{SPACECRAFT}{vehicle.id}/").json()


# What the late 2.2.0 shape has that this 2021 payload predates: the spacecraft's flight statistics
# and `is_placeholder`, the configuration's `payload_return_capacity` and its agency's `logo_url` (the
# contract, tests/ll2/spacecraft-flight-567.json), and in each flight's launch the launch counters,
# `net_precision`, `weather_concerns`, `type`, the pad's `description`, `country_code` and orbital
# count, the location's `description` and `timezone_name`, and the programmes' `mission_patches`.
SPACECRAFT_STATISTICS = {
    "is_placeholder",
    "in_space",
    "time_in_space",
    "time_docked",
    "flights_count",
    "mission_ends_count",
}
LAUNCH_NEWER_KEYS = {
    "net_precision",
    "weather_concerns",
    "orbital_launch_attempt_count",
    "location_launch_attempt_count",
    "pad_launch_attempt_count",
    "agency_launch_attempt_count",
    "orbital_launch_attempt_count_year",
    "location_launch_attempt_count_year",
    "pad_launch_attempt_count_year",
    "agency_launch_attempt_count_year",
    "type",
    "pad.description",
    "pad.country_code",
    "pad.orbital_launch_attempt_count",
    "pad.location.description",
    "pad.location.timezone_name",
    "program.mission_patches",
}
ENDEAVOUR_NEWER_KEYS = {
    *SPACECRAFT_STATISTICS,
    "spacecraft_config.payload_return_capacity",
    "spacecraft_config.agency.logo_url",
    *(f"flights.spacecraft.{key}" for key in SPACECRAFT_STATISTICS),
    *(f"flights.launch.{key}" for key in LAUNCH_NEWER_KEYS),
}


@pytest.fixture(scope="module")
def endeavour_payload():
    return json.loads((LL2 / "data" / "spacecraft-40.2.2.0.detail-19-of-25-flights.json").read_text())


@pytest.fixture
def endeavour(endeavour_payload):
    vehicle = ll2_spacecraft(endeavour_payload)
    for item in endeavour_payload["flights"]:
        ll2_flight(item)
    reset_sequences()
    return vehicle


def test_endeavour_equals_ll2_s_payload_once_the_newer_keys_are_left_out(api, endeavour_payload, endeavour):
    response = api.get(f"{SPACECRAFT}40/")

    assert response.status_code == 200
    kept, left_out = restricted_to(response.json(), endeavour_payload)
    assert ordered(whole_floats_as_ints(kept)) == ordered(normalise_links(endeavour_payload))
    assert left_out == ENDEAVOUR_NEWER_KEYS


def test_endeavour_s_statistics_come_from_its_flights(api, endeavour):
    shown = spacecraft_detail(api, endeavour)

    assert shown["flights_count"] == shown["mission_ends_count"] == 19
    assert shown["in_space"] is False
    assert [f["spacecraft"]["flights_count"] for f in shown["flights"]] == [19] * 19


# --- config/spacecraft/: NASA's configurations -------------------------------------------------------

SPACECRAFT_CONFIGS = "/2.2.0/config/spacecraft/"

# What the late 2.2.0 shape has that these 2021 payloads predate.
CONFIG_NEWER_KEYS = {"payload_return_capacity", "agency.logo_url"}


@pytest.fixture(scope="module")
def ll2_configs():
    return json.loads((LL2 / "data" / "config-spacecraft.2.2.0.details.json").read_text())


@pytest.fixture
def built(ll2_configs):
    for item in ll2_configs:
        ll2_spacecraft_config(item)


def test_each_detail_equals_ll2_s_once_the_newer_keys_are_left_out(api, ll2_configs, built):
    for reference in ll2_configs:
        response = api.get(f"{SPACECRAFT_CONFIGS}{reference['id']}/")

        kept, left_out = restricted_to(response.json(), reference)
        assert ordered(whole_floats_as_ints(kept)) == ordered(normalise_links(reference))
        assert left_out == CONFIG_NEWER_KEYS


def test_each_listed_configuration_holds_the_values_of_ll2_s_detail(api, ll2_configs, built):
    listed = {item["id"]: item for item in api.get(SPACECRAFT_CONFIGS).json()["results"]}

    assert len(listed) == len(ll2_configs)
    for reference in normalise_links(ll2_configs):
        shown, left_out = restricted_to(listed[reference["id"]], reference)
        assert left_out == {"agency.logo_url"}
        assert list(shown) == SPACECRAFT_CONFIG_LIST_KEYS
        assert shown == {key: reference[key] for key in SPACECRAFT_CONFIG_LIST_KEYS}


def test_ll2_s_configurations_validate_against_its_schema(ll2_schema, ll2_configs):
    for reference in ll2_configs:
        assert errors(ll2_schema, "SpacecraftConfigurationDetail", reference) == []


# --- docking_event/: two docking events of LL2 2.1.0 -------------------------------------------------

DOCKING_EVENTS = "/2.2.0/docking_event/"
LL2_EVENTS = json.loads((LL2 / "docking-events-2.1.0.json").read_text())
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
    served = api.get(DOCKING_EVENTS).json()["results"]

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


@pytest.mark.parametrize(
    ("mode", "component"), [("normal", "DockingEvent"), ("detailed", "DockingEventDetailed")]
)
def test_list_pages_validate_against_ll2s_schema(api, ll2_schema, ll2_events, mode, component):
    page = api.get(DOCKING_EVENTS, {"mode": mode}).json()

    assert errors(ll2_schema, "PaginatedDockingEventList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for event in page["results"]:
        assert errors(ll2_schema, component, event) == []


def test_detail_validates_against_ll2s_schema(api, ll2_schema, ll2_events):
    shown = api.get(f"{DOCKING_EVENTS}{ll2_events[0].id}/").json()

    assert errors(ll2_schema, "DockingEventDetailed", shown) == []
