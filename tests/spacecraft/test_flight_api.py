"""The spacecraft flight list and detail: shapes, modes, filter, pagination and bad input."""

import datetime

import pytest

from tests.factories import (
    DockingEventFactory,
    LaunchFactory,
    SpacecraftFactory,
    SpacecraftFlightFactory,
    at,
    complete_flight,
)

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/spacecraft/flight/"

NORMAL_KEYS = ["id", "url", "destination", "mission_end", "spacecraft", "launch"]
DETAILED_KEYS = [
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

    page = api.get(LIST).json()

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

    page = api.get(LIST, {"limit": 2, "offset": 1}).json()

    assert [f["id"] for f in page["results"]] == [flights[1].id, flights[2].id]


def test_limit_over_100_is_capped_at_100(api):
    SpacecraftFlightFactory.create_batch(101, landing=None)

    page = api.get(LIST, {"limit": 500}).json()

    assert page["count"] == 101
    assert len(page["results"]) == 100
    assert page["next"] == "http://testserver/2.2.0/spacecraft/flight/?limit=100&offset=100"


def test_filter_by_spacecraft(api):
    spacecraft = SpacecraftFactory()
    mine = SpacecraftFlightFactory.create_batch(2, spacecraft=spacecraft)
    SpacecraftFlightFactory()

    page = api.get(LIST, {"spacecraft": spacecraft.id}).json()

    assert page["count"] == 2
    assert {f["id"] for f in page["results"]} == {f.id for f in mine}
    assert {f["spacecraft"]["id"] for f in page["results"]} == {spacecraft.id}


def test_filter_by_unknown_spacecraft_is_an_empty_page(api):
    SpacecraftFlightFactory()

    page = api.get(LIST, {"spacecraft": 2147483647}).json()

    assert page["count"] == 0


def test_normal_mode_is_the_default_list_shape(api, three_flights):
    default = api.get(LIST).json()["results"]
    normal = api.get(LIST, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == NORMAL_KEYS
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


def test_detailed_mode_lists_the_detail_shape(api, three_flights):
    listed = api.get(LIST, {"mode": "detailed"}).json()["results"]
    detail = api.get(f"{LIST}{three_flights[0].id}/").json()

    assert list(listed[0]) == DETAILED_KEYS
    assert listed[0] == detail
    assert len(detail["launch_crew"]) == len(detail["onboard_crew"]) == len(detail["landing_crew"]) == 1
    assert len(detail["docking_events"]) == 1


def test_crews_are_listed_in_role_priority_order(api):
    from tests.factories import AstronautFlightFactory, AstronautRoleFactory

    flight = SpacecraftFlightFactory()
    pilot = AstronautFlightFactory(role=AstronautRoleFactory(role="Pilot", priority=1))
    commander = AstronautFlightFactory(role=AstronautRoleFactory(role="Commander", priority=0))
    flight.launch_crew.set([pilot, commander])

    crew = api.get(f"{LIST}{flight.id}/").json()["launch_crew"]

    assert [member["role"]["role"] for member in crew] == ["Commander", "Pilot"]


def test_astronaut_first_and_last_flight_come_from_past_launch_crews(api):
    from tests.factories import AstronautFlightFactory

    first = SpacecraftFlightFactory(launch=LaunchFactory(net=at(2001, 1, 1)))
    last = SpacecraftFlightFactory(launch=LaunchFactory(net=at(2005, 6, 1)))
    future = SpacecraftFlightFactory(launch=LaunchFactory(net=at(2999, 1, 1)))
    seats = [AstronautFlightFactory(astronaut=AstronautFlightFactory().astronaut) for _ in range(3)]
    astronaut = seats[0].astronaut
    for flight, seat in zip([first, last, future], seats, strict=True):
        seat.astronaut = astronaut
        seat.save()
        flight.launch_crew.set([seat])

    member = api.get(f"{LIST}{first.id}/").json()["launch_crew"][0]["astronaut"]

    assert member["first_flight"] == "2001-01-01T00:00:00Z"
    assert member["last_flight"] == "2005-06-01T00:00:00Z"


def test_spacecraft_statistics_are_derived_from_its_flights_and_dockings(api):
    spacecraft = SpacecraftFactory()
    one = SpacecraftFlightFactory(
        spacecraft=spacecraft,
        launch=LaunchFactory(net=at(2010, 1, 1)),
        mission_end=at(2010, 1, 11, 1, 2, 3),
    )
    SpacecraftFlightFactory(
        spacecraft=spacecraft,
        launch=LaunchFactory(net=at(2011, 1, 1)),
        mission_end=at(2011, 1, 1, 14, 50),
    )
    DockingEventFactory(flight=one, docking=at(2010, 1, 2), departure=at(2010, 1, 3, 0, 0, 30))
    DockingEventFactory(flight=one, docking=at(2010, 1, 5), departure=at(2010, 1, 5, 1))

    shown = api.get(f"{LIST}{one.id}/").json()["spacecraft"]

    assert shown["flights_count"] == 2
    assert shown["mission_ends_count"] == 2
    assert shown["in_space"] is False
    assert shown["time_in_space"] == "P10DT15H52M3S"
    assert shown["time_docked"] == "P1DT1H30S"


def test_a_flight_without_mission_end_is_in_space_and_counts_time_until_now(api):
    launched = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=3, minutes=5)
    flight = SpacecraftFlightFactory(launch=LaunchFactory(net=launched), mission_end=None)

    shown = api.get(f"{LIST}{flight.id}/").json()["spacecraft"]

    assert shown["in_space"] is True
    assert shown["mission_ends_count"] == 0
    assert shown["time_in_space"].startswith("P3DT5M")


def test_a_future_flight_is_not_in_space_and_adds_no_time(api):
    flight = SpacecraftFlightFactory(launch=LaunchFactory(net=at(2999, 1, 1)), mission_end=None)

    shown = api.get(f"{LIST}{flight.id}/").json()["spacecraft"]

    assert shown["in_space"] is False
    assert shown["time_in_space"] == "P0D"
    assert shown["time_docked"] == "P0D"
    assert shown["flights_count"] == 1


def test_an_unknown_query_parameter_is_ignored(api, three_flights):
    assert api.get(LIST, {"cachebuster": "12345"}).json() == api.get(LIST).json()


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"spacecraft": "abc"}, "spacecraft"),
        ({"spacecraft": "\x00"}, "spacecraft"),
        ({"spacecraft": "1.5"}, "spacecraft"),
        ({"spacecraft": "-1"}, "spacecraft"),
        ({"spacecraft": "2147483648"}, "spacecraft"),
        ({"spacecraft": "99999999999999999999999"}, "spacecraft"),
        ({"mode": "bogus"}, "mode"),
        ({"mode": "\x00"}, "mode"),
        ({"limit": "abc"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"limit": "-1"}, "limit"),
        ({"offset": "x"}, "offset"),
        ({"offset": "-5"}, "offset"),
    ],
)
def test_a_bad_value_of_a_supported_parameter_is_a_400_naming_it(api, three_flights, params, parameter):
    response = api.get(LIST, params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert f"'{parameter}'" in body["detail"]
    assert body["parameters"] == [parameter]


def test_a_bad_mode_on_a_detail_is_a_400(api, three_flights):
    response = api.get(f"{LIST}{three_flights[0].id}/", {"mode": "bogus"})

    assert response.status_code == 400
    assert "'mode'" in response.json()["detail"]


@pytest.mark.parametrize(
    "flight_id", ["99999", "2147483648", "99999999999999999999999", "abc", "-1", "1.5", "%00", "0x10"]
)
def test_an_id_that_is_not_a_flight_is_a_404(api, three_flights, flight_id):
    response = api.get(f"{LIST}{flight_id}/")

    assert response.status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_writes_are_not_allowed(api, three_flights, method, on_detail):
    url = f"{LIST}{three_flights[0].id}/" if on_detail else LIST

    response = getattr(api, method)(url, {"destination": "Moon"}, format="json")

    assert response.status_code == 405
    assert "detail" in response.json()
    assert three_flights[0].__class__.objects.count() == 3


def test_api_root_lists_the_flight_endpoint(api):
    for prefix in ("/2.2.0/", "/api/2.2.0/"):
        root = api.get(prefix).json()
        assert root["spacecraft/flight"] == f"http://testserver{prefix}spacecraft/flight/"


def test_an_offset_past_the_end_is_an_empty_page(api, three_flights):
    page = api.get(LIST, {"offset": "99999999999999999999999"}).json()

    assert page["count"] == 3
    assert page["results"] == []


def test_a_huge_limit_is_capped(api, three_flights):
    page = api.get(LIST, {"limit": "99999999999999999999999"}).json()

    assert len(page["results"]) == 3
