"""The spacecraft list and detail (with its flights): shapes, LL2's Endeavour, schema, filters, search,
ordering, modes, query counts and bad input."""

import json

import pytest

from spacecraft.models import Spacecraft
from tests.factories import (
    SpacecraftConfigFactory,
    SpacecraftFactory,
    SpacecraftFlightFactory,
    SpacecraftStatusFactory,
    complete_flight,
    ll2_flight,
    ll2_spacecraft,
    reset_sequences,
)
from tests.helpers import LL2, errors, normalise_links, ordered, restricted_to, whole_floats_as_ints

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/spacecraft/"

# LL2's `Spacecraft` with the flight statistics of late 2.2.0 (the contract,
# tests/ll2/spacecraft-flight-567.json).
KEYS = [
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
CONFIG_MINI_KEYS = ["id", "url", "name", "type", "agency", "in_use", "image_url"]


@pytest.fixture
def fleet():
    """Three spacecraft, each with two flights with every part a flight shows."""
    fleet = SpacecraftFactory.create_batch(3)
    for vehicle in fleet:
        for _ in range(2):
            complete_flight(spacecraft=vehicle)
    return fleet


def detail(api, vehicle):
    return api.get(f"{LIST}{vehicle.id}/").json()


# Shapes


def test_list_is_paginated_in_id_order(api):
    fleet = SpacecraftFactory.create_batch(12)

    page = api.get(LIST).json()

    assert page["count"] == 12
    assert [s["id"] for s in page["results"]] == sorted(s.id for s in fleet)[:10]
    assert page["next"] == "http://testserver/2.2.0/spacecraft/?limit=10&offset=10"


def test_normal_is_the_default_mode_and_ll2_s_spacecraft_shape(api, fleet):
    default = api.get(LIST).json()["results"]
    normal = api.get(LIST, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == KEYS
    assert list(normal[0]["spacecraft_config"]) == CONFIG_MINI_KEYS


def test_a_listed_spacecraft_is_the_one_its_flights_embed(api, fleet):
    listed = api.get(LIST).json()["results"][0]

    flights = api.get("/2.2.0/spacecraft/flight/", {"spacecraft": fleet[0].id}).json()["results"]
    assert listed == flights[0]["spacecraft"]


def test_detail_is_the_full_spacecraft_with_its_flights_in_id_order(api, fleet):
    shown = detail(api, fleet[0])

    assert list(shown) == [*KEYS, "flights"]
    flight_of_the_full_shape = api.get(
        "/2.2.0/spacecraft/flight/", {"spacecraft": fleet[0].id, "mode": "detailed"}
    )
    assert {k: v for k, v in shown.items() if k != "flights"} == flight_of_the_full_shape.json()["results"][
        0
    ]["spacecraft"]
    flight_list = api.get("/2.2.0/spacecraft/flight/", {"spacecraft": fleet[0].id}).json()["results"]
    assert shown["flights"] == flight_list
    assert [f["id"] for f in shown["flights"]] == sorted(f.id for f in fleet[0].flights.all())


def test_detailed_mode_lists_the_detail_shape(api, fleet):
    listed = api.get(LIST, {"mode": "detailed"}).json()["results"]

    assert listed == [detail(api, vehicle) for vehicle in fleet]


def test_a_spacecraft_without_flights_has_an_empty_list(api):
    vehicle = SpacecraftFactory()

    assert detail(api, vehicle)["flights"] == []


# LL2's own payload: Space Shuttle Endeavour with 19 of its flights.

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
    return json.loads((LL2 / "spacecraft-40.json").read_text())


@pytest.fixture
def endeavour(endeavour_payload):
    vehicle = ll2_spacecraft(endeavour_payload)
    for item in endeavour_payload["flights"]:
        ll2_flight(item)
    reset_sequences()
    return vehicle


def test_endeavour_equals_ll2_s_payload_once_the_newer_keys_are_left_out(api, endeavour_payload, endeavour):
    response = api.get(f"{LIST}40/")

    assert response.status_code == 200
    kept, left_out = restricted_to(response.json(), endeavour_payload)
    assert ordered(whole_floats_as_ints(kept)) == ordered(normalise_links(endeavour_payload))
    assert left_out == ENDEAVOUR_NEWER_KEYS


def test_endeavour_s_statistics_come_from_its_flights(api, endeavour):
    shown = detail(api, endeavour)

    assert shown["flights_count"] == shown["mission_ends_count"] == 19
    assert shown["in_space"] is False
    assert [f["spacecraft"]["flights_count"] for f in shown["flights"]] == [19] * 19


# Schema


def test_list_pages_validate(api, ll2_schema, fleet):
    for mode, component in (("normal", "Spacecraft"), ("detailed", "SpacecraftDetailed")):
        page = api.get(LIST, {"mode": mode}).json()
        assert errors(ll2_schema, "PaginatedSpacecraftList", {**page, "results": []}) == []
        for item in page["results"]:
            assert errors(ll2_schema, component, item) == []


def test_detail_validates(api, ll2_schema, fleet):
    shown = detail(api, fleet[0])

    assert len(shown["flights"]) == 2
    assert errors(ll2_schema, "SpacecraftDetailed", shown) == []
    assert errors(ll2_schema, "SpacecraftDetailed", {**shown, "flights": [{"id": "x"}]}) != []


# Filters, search, ordering


@pytest.fixture
def named():
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


def names(api, params):
    response = api.get(LIST, params)
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
def test_filter_search_and_ordering(api, named, params, expected):
    assert names(api, params) == expected


def test_filter_by_status_id(api, named):
    assert names(api, {"status": named["active"].id}) == ["Crew Dragon Endeavour"]
    assert names(api, {"status": named["retired"].id}) == ["Crew Dragon Resilience", "Soyuz MS-22"]


def test_filter_by_configuration_id(api, named):
    assert names(api, {"spacecraft_config": named["dragon"].id}) == [
        "Crew Dragon Endeavour",
        "Crew Dragon Resilience",
    ]


def test_filter_by_an_unknown_configuration_is_an_empty_page(api, named):
    assert names(api, {"spacecraft_config": 2147483647}) == []


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"status": "abc"}, "status"),
        ({"status": "-1"}, "status"),
        ({"spacecraft_config": "1.5"}, "spacecraft_config"),
        ({"spacecraft_config": "2147483648"}, "spacecraft_config"),
        ({"ordering": "name"}, "ordering"),
        ({"ordering": "bogus"}, "ordering"),
        ({"mode": "list"}, "mode"),
        ({"mode": "\x00"}, "mode"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(api, named, params, parameter):
    response = api.get(LIST, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


# Query counts

# normal: the count, then the spacecraft with statistics, status and configuration.
LIST_QUERIES = 2
# detailed: the same, plus the flights with their launches, and the launches' programmes (3).
DETAILED_LIST_QUERIES = 6
# detail: the detailed list without the count.
DETAIL_QUERIES = 5


@pytest.mark.parametrize(("mode", "queries"), [("normal", LIST_QUERIES), ("detailed", DETAILED_LIST_QUERIES)])
@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(api, fleet, django_assert_num_queries, mode, queries, limit):
    with django_assert_num_queries(queries):
        page = api.get(LIST, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, 3)


def test_detail_queries(api, fleet, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        shown = api.get(f"{LIST}{fleet[0].id}/").json()

    assert shown["flights"][0]["launch"]["program"][0]["mission_patches"]


# Bad ids, writes


@pytest.mark.parametrize("spacecraft_id", ["99999", "2147483648", "abc", "-1", "1.5"])
def test_an_id_that_is_not_a_spacecraft_is_a_404(api, fleet, spacecraft_id):
    assert api.get(f"{LIST}{spacecraft_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_writes_are_not_allowed(api, fleet, method, on_detail):
    url = f"{LIST}{fleet[0].id}/" if on_detail else LIST

    response = getattr(api, method)(url, {"name": "Nobody"}, format="json")

    assert response.status_code == 405
    assert not Spacecraft.objects.filter(name="Nobody").exists()


def test_a_flight_of_another_spacecraft_is_not_listed(api, fleet):
    SpacecraftFlightFactory()

    assert len(detail(api, fleet[0])["flights"]) == 2
