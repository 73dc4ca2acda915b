"""The astronaut list's filters, search and ordering, and the 400 for a bad value of each."""

import datetime

import pytest

from mirror.recount import recount
from tests.factories import (
    AgencyFactory,
    AstronautFactory,
    AstronautStatusFactory,
    AstronautTypeFactory,
    at,
    flight_at,
    seat,
)

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/astronaut/"


@pytest.fixture
def cast():
    """Four astronauts who differ in every filtered value."""
    active, deceased = AstronautStatusFactory(name="Active"), AstronautStatusFactory(name="Deceased")
    government, non_human = AstronautTypeFactory(name="Government"), AstronautTypeFactory(name="Non-Human")
    nasa = AgencyFactory(name="National Aeronautics and Space Administration", abbrev="NASA")
    esa = AgencyFactory(name="European Space Agency", abbrev="ESA")
    spacex = AgencyFactory(name="SpaceX", abbrev="SpX")
    armstrong = AstronautFactory(
        name="Neil Armstrong",
        status=deceased,
        type=government,
        agency=nasa,
        nationality="American",
        date_of_birth=datetime.date(1930, 8, 5),
        date_of_death=datetime.date(2012, 8, 25),
    )
    apollo = flight_at(at(1969, 7, 16))
    seat(apollo, "launch_crew", armstrong)
    seat(apollo, "landing_crew", armstrong)
    cristoforetti = AstronautFactory(
        name="Samantha Cristoforetti",
        status=active,
        type=government,
        agency=esa,
        nationality="Italian",
        date_of_birth=datetime.date(1977, 4, 26),
    )
    seat(flight_at(at(2014, 11, 23)), "launch_crew", cristoforetti)
    # Launched two days ago, no mission end yet: in space.
    launched = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=2)
    seat(flight_at(launched, mission_end=None), "launch_crew", cristoforetti)
    trainee = AstronautFactory(
        name="Rookie Trainee",
        status=active,
        type=government,
        agency=nasa,
        nationality="American",
        date_of_birth=datetime.date(1990, 1, 1),
    )
    seat(flight_at(at(2999, 1, 1), mission_end=None), "launch_crew", trainee)
    starman = AstronautFactory(
        name="Starman",
        status=active,
        type=non_human,
        agency=spacex,
        nationality="",
        date_of_birth=datetime.date(2018, 2, 6),
    )
    seat(flight_at(at(2018, 2, 6), mission_end=None), "launch_crew", starman)
    # Their stored flight dates and counts, as `manage.py recount` derives them from these crews.
    recount()
    return {
        "armstrong": armstrong,
        "cristoforetti": cristoforetti,
        "trainee": trainee,
        "starman": starman,
        "active": active,
        "deceased": deceased,
        "non_human": non_human,
    }


def names(api, params):
    response = api.get(LIST, {**params, "limit": 100})
    assert response.status_code == 200, response.json()
    return [item["name"] for item in response.json()["results"]]


def ids(api, params):
    return [item["id"] for item in api.get(LIST, {**params, "limit": 100}).json()["results"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"name": "Neil Armstrong"}, ["Neil Armstrong"]),
        # `name` is the whole name (`search` finds parts).
        ({"name": "Armstrong"}, []),
        ({"nationality": "Italian"}, ["Samantha Cristoforetti"]),
        ({"agency__name": "European Space Agency"}, ["Samantha Cristoforetti"]),
        ({"agency__abbrev": "NASA"}, ["Neil Armstrong", "Rookie Trainee"]),
        ({"has_flown": "true"}, ["Neil Armstrong", "Samantha Cristoforetti", "Starman"]),
        ({"has_flown": "false"}, ["Rookie Trainee"]),
        # In space: on a flight that has launched and has no mission end (Starman's too: his Tesla
        # never returns).
        ({"in_space": "true"}, ["Samantha Cristoforetti", "Starman"]),
        ({"in_space": "False"}, ["Neil Armstrong", "Rookie Trainee"]),
        ({"date_of_birth": "1977-04-26"}, ["Samantha Cristoforetti"]),
        ({"date_of_birth__gt": "1977-04-26"}, ["Rookie Trainee", "Starman"]),
        ({"date_of_birth__gte": "1977-04-26"}, ["Samantha Cristoforetti", "Rookie Trainee", "Starman"]),
        ({"date_of_birth__lt": "1977-04-26"}, ["Neil Armstrong"]),
        ({"date_of_birth__lte": "1977-04-26"}, ["Neil Armstrong", "Samantha Cristoforetti"]),
        ({"date_of_death": "2012-08-25"}, ["Neil Armstrong"]),
        ({"date_of_death__gt": "2012-08-25"}, []),
        ({"date_of_death__gte": "2012-08-25"}, ["Neil Armstrong"]),
        ({"date_of_death__lt": "2012-08-26"}, ["Neil Armstrong"]),
        ({"date_of_death__lte": "2012-08-24"}, []),
        ({"age": "82"}, ["Neil Armstrong"]),
        ({"age__gt": "82"}, []),
        ({"age__gte": "82"}, ["Neil Armstrong"]),
        ({"age__lt": "20"}, ["Starman"]),
        ({"age__lte": "30"}, ["Starman"]),
        ({"flights_count": "2"}, ["Samantha Cristoforetti"]),
        ({"flights_count__gt": "1"}, ["Samantha Cristoforetti"]),
        ({"flights_count__gte": "1"}, ["Neil Armstrong", "Samantha Cristoforetti", "Starman"]),
        ({"flights_count__lt": "1"}, ["Rookie Trainee"]),
        ({"flights_count__lte": "1"}, ["Neil Armstrong", "Rookie Trainee", "Starman"]),
        ({"landings_count": "1"}, ["Neil Armstrong"]),
        ({"landings_count__gt": "0"}, ["Neil Armstrong"]),
        ({"landings_count__gte": "1"}, ["Neil Armstrong"]),
        ({"landings_count__lt": "1"}, ["Samantha Cristoforetti", "Rookie Trainee", "Starman"]),
        ({"landings_count__lte": "0"}, ["Samantha Cristoforetti", "Rookie Trainee", "Starman"]),
        # `search`: a part of the name, nationality, agency name or agency abbreviation, any case.
        ({"search": "armstrong"}, ["Neil Armstrong"]),
        ({"search": "ital"}, ["Samantha Cristoforetti"]),
        ({"search": "space agency"}, ["Samantha Cristoforetti"]),
        ({"search": "spx"}, ["Starman"]),
        ({"search": "nasa"}, ["Neil Armstrong", "Rookie Trainee"]),
        ({"search": "nobody"}, []),
    ],
)
def test_filter_and_search(api, cast, params, expected):
    assert names(api, params) == expected


def test_filter_by_status_id(api, cast):
    assert names(api, {"status": cast["deceased"].id}) == ["Neil Armstrong"]


def test_filter_by_status_ids(api, cast):
    both = f"{cast['deceased'].id},{cast['active'].id}"

    assert names(api, {"status_ids": both}) == names(api, {})
    assert names(api, {"status_ids": cast["active"].id}) == [
        "Samantha Cristoforetti",
        "Rookie Trainee",
        "Starman",
    ]


def test_filter_by_type_id(api, cast):
    assert names(api, {"type__id": cast["non_human"].id}) == ["Starman"]


def test_filter_by_an_unknown_status_is_an_empty_page(api, cast):
    assert names(api, {"status": 2147483647}) == []


def test_a_flight_that_ended_does_not_keep_its_crew_in_space(api, cast):
    flight = cast["cristoforetti"].assignments.filter(launch_flights__mission_end__isnull=True).get()
    ended = flight.launch_flights.get()
    ended.mission_end = datetime.datetime.now(datetime.UTC)
    ended.save()

    assert names(api, {"in_space": "true"}) == ["Starman"]


def test_onboard_crew_of_a_flight_in_space_is_in_space(api, cast):
    flight = flight_at(datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=30), mission_end=None)
    seat(flight, "onboard_crew", cast["trainee"])

    assert names(api, {"in_space": "true"}) == ["Samantha Cristoforetti", "Rookie Trainee", "Starman"]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("name", ["armstrong", "trainee", "cristoforetti", "starman"]),
        ("-name", ["starman", "cristoforetti", "trainee", "armstrong"]),
        ("date_of_birth", ["armstrong", "cristoforetti", "trainee", "starman"]),
        ("-date_of_birth", ["starman", "trainee", "cristoforetti", "armstrong"]),
        # By status id (Active before Deceased), then id.
        ("status", ["cristoforetti", "trainee", "starman", "armstrong"]),
        ("-status", ["armstrong", "cristoforetti", "trainee", "starman"]),
        ("-id", ["starman", "trainee", "cristoforetti", "armstrong"]),
    ],
)
def test_ordering(api, cast, ordering, expected):
    assert ids(api, {"ordering": ordering}) == [cast[key].id for key in expected]


def test_the_default_order_is_by_id(api, cast):
    assert ids(api, {}) == sorted(
        cast[key].id for key in ("armstrong", "cristoforetti", "trainee", "starman")
    )


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"status": "abc"}, "status"),
        ({"status": "1.5"}, "status"),
        ({"status_ids": "1,x"}, "status_ids"),
        ({"type__id": "-1"}, "type__id"),
        ({"has_flown": "maybe"}, "has_flown"),
        ({"in_space": "yes"}, "in_space"),
        ({"date_of_birth": "1930"}, "date_of_birth"),
        ({"date_of_birth__gt": "yesterday"}, "date_of_birth__gt"),
        ({"date_of_birth__gte": "1930-02-30"}, "date_of_birth__gte"),
        ({"date_of_birth__lt": "x"}, "date_of_birth__lt"),
        ({"date_of_birth__lte": "x"}, "date_of_birth__lte"),
        ({"date_of_death__gt": "x"}, "date_of_death__gt"),
        ({"age": "old"}, "age"),
        ({"age__gt": "1.5"}, "age__gt"),
        ({"age__lt": "-1"}, "age__lt"),
        ({"flights_count": "many"}, "flights_count"),
        ({"landings_count__gte": "\x00"}, "landings_count__gte"),
        # Not one of LL2's ordering fields.
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(api, cast, params, parameter):
    response = api.get(LIST, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


def test_an_unknown_parameter_is_ignored(api, cast):
    assert api.get(LIST, {"cachebuster": "1"}).json() == api.get(LIST).json()
