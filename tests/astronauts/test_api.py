"""The astronaut list (modes list, normal, detailed) and detail: shapes, derived values, bad ids, writes."""

import datetime

import pytest

from astronauts.models import Astronaut
from mirror.recount import recount
from tests.factories import FUTURE, AstronautFactory, at, flight_at, flown_astronaut, seat

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/astronaut/"

LIST_KEYS = ["id", "url", "name", "status", "agency", "profile_image", "profile_image_thumbnail"]
NORMAL_KEYS = [
    "id",
    "url",
    "name",
    "status",
    "type",
    "age",
    "date_of_birth",
    "date_of_death",
    "nationality",
    "bio",
    "twitter",
    "instagram",
    "wiki",
    "agency",
    "profile_image",
    "profile_image_thumbnail",
    "flights_count",
    "landings_count",
    "last_flight",
    "first_flight",
]
DETAILED_KEYS = [
    "id",
    "url",
    "name",
    "status",
    "type",
    "agency",
    "age",
    "date_of_birth",
    "date_of_death",
    "nationality",
    "twitter",
    "instagram",
    "bio",
    "profile_image",
    "profile_image_thumbnail",
    "wiki",
    "flights",
    "landings",
    "flights_count",
    "landings_count",
    "last_flight",
    "first_flight",
]
AGENCY_MINI_KEYS = ["id", "url", "name", "type"]
# LL2's `Agency`, with the `logo_url` LL2 added later (the contract, tests/ll2/spacecraft-flight-567.json).
AGENCY_KEYS = [
    "id",
    "url",
    "name",
    "featured",
    "type",
    "country_code",
    "abbrev",
    "description",
    "administrator",
    "founding_year",
    "launchers",
    "spacecraft",
    "parent",
    "image_url",
    "logo_url",
]


def detail(api, astronaut):
    return api.get(f"{LIST}{astronaut.id}/").json()


def test_list_is_paginated_in_id_order(api):
    astronauts = AstronautFactory.create_batch(12)

    page = api.get(LIST).json()

    assert page["count"] == 12
    assert [a["id"] for a in page["results"]] == sorted(a.id for a in astronauts)[:10]
    assert page["next"] == "http://testserver/2.2.0/astronaut/?limit=10&offset=10"


def test_normal_is_the_default_mode_and_ll2_s_astronaut_normal_shape(api, astronauts):
    default = api.get(LIST).json()["results"]
    normal = api.get(LIST, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == NORMAL_KEYS
    assert list(normal[0]["agency"]) == AGENCY_KEYS
    assert list(normal[0]["status"]) == list(normal[0]["type"]) == ["id", "name"]


def test_list_mode_is_ll2_s_short_astronaut_shape(api, astronauts):
    listed = api.get(LIST, {"mode": "list"}).json()["results"]

    assert list(listed[0]) == LIST_KEYS
    assert list(listed[0]["agency"]) == AGENCY_MINI_KEYS
    assert listed[0]["profile_image_thumbnail"] == "https://example.org/astronaut-thumbnail.jpg"


def test_detailed_mode_lists_the_detail_shape(api, astronauts):
    listed = api.get(LIST, {"mode": "detailed"}).json()["results"]

    assert list(listed[0]) == DETAILED_KEYS
    assert listed[0] == detail(api, astronauts[0])
    assert list(listed[0]["agency"]) == AGENCY_MINI_KEYS


def test_detail_flights_are_the_launches_of_their_launch_crews_by_net(api):
    astronaut = flown_astronaut()

    flights = detail(api, astronaut)["flights"]

    crewed = Astronaut.objects.get(pk=astronaut.pk).assignments.filter(launch_flights__isnull=False)
    launches = sorted((seat.launch_flights.get().launch for seat in crewed), key=lambda launch: launch.net)
    assert [f["id"] for f in flights] == [str(launch.id) for launch in launches]
    assert [f["net"] for f in flights] == [
        "2001-03-08T00:00:00Z",
        "2005-07-26T00:00:00Z",
        "2999-01-01T00:00:00Z",
    ]


def test_a_detail_flight_is_the_launch_as_a_flight_embeds_it(api):
    astronaut = AstronautFactory()
    flight = seat(flight_at(at(2001, 3, 8)), "launch_crew", astronaut)

    shown = detail(api, astronaut)["flights"]

    assert shown == [api.get(f"/2.2.0/spacecraft/flight/{flight.id}/").json()["launch"]]


def test_detail_landings_are_the_flights_of_their_landing_crews_in_the_flight_list_shape(api):
    astronaut = AstronautFactory()
    later = seat(flight_at(at(2010, 1, 1)), "landing_crew", astronaut)
    earlier = seat(flight_at(at(2002, 1, 1)), "landing_crew", astronaut)
    seat(flight_at(at(2005, 1, 1)), "launch_crew", astronaut)

    landings = detail(api, astronaut)["landings"]

    flight_list = {f["id"]: f for f in api.get("/2.2.0/spacecraft/flight/").json()["results"]}
    assert landings == [flight_list[earlier.id], flight_list[later.id]]


def test_an_astronaut_without_flights_or_stored_counts_has_empty_lists_and_null_counts(api):
    astronaut = AstronautFactory()

    shown = detail(api, astronaut)

    assert shown["flights"] == shown["landings"] == []
    assert shown["flights_count"] is shown["landings_count"] is None
    assert shown["first_flight"] is shown["last_flight"] is None


def test_stored_flight_dates_and_counts_are_served_without_the_flights(api):
    # What LL2 says of a career we hold none of the flights of (README, "Stored counters").
    astronaut = AstronautFactory(
        flights_count=3, landings_count=3, first_flight=at(2008, 3, 11), last_flight=at(2020, 5, 30)
    )

    shown = detail(api, astronaut)

    assert shown["flights"] == []
    assert (shown["flights_count"], shown["landings_count"]) == (3, 3)
    assert (shown["first_flight"], shown["last_flight"]) == ("2008-03-11T00:00:00Z", "2020-05-30T00:00:00Z")


def test_recount_stores_what_the_crews_held_say_and_leaves_the_others(api):
    flown = AstronautFactory(flights_count=9)
    seat(flight_at(at(2001, 1, 1)), "launch_crew", flown)
    unseen = AstronautFactory(flights_count=4, first_flight=at(1999, 1, 1))

    recount()

    assert (detail(api, flown)["flights_count"], detail(api, flown)["first_flight"]) == (
        1,
        "2001-01-01T00:00:00Z",
    )
    assert (detail(api, unseen)["flights_count"], detail(api, unseen)["first_flight"]) == (
        4,
        "1999-01-01T00:00:00Z",
    )


def test_counts_and_flight_dates_leave_out_what_has_not_happened_yet(api):
    astronaut = flown_astronaut()
    seat(flight_at(at(2020, 1, 1), mission_end=None), "landing_crew", astronaut)
    recount()

    shown = detail(api, astronaut)

    assert len(shown["flights"]) == 3
    assert shown["flights_count"] == 2
    assert len(shown["landings"]) == 2
    assert shown["landings_count"] == 1
    assert shown["first_flight"] == "2001-03-08T00:00:00Z"
    assert shown["last_flight"] == "2005-07-26T00:00:00Z"


def test_two_seats_on_one_flight_count_once(api):
    astronaut = AstronautFactory()
    flight = seat(flight_at(at(2001, 1, 1)), "launch_crew", astronaut)
    seat(flight, "launch_crew", astronaut)
    recount()

    shown = detail(api, astronaut)

    assert shown["flights_count"] == 1
    assert len(shown["flights"]) == 1


def test_derived_values_are_the_same_in_every_mode(api, astronauts):
    normal = api.get(LIST).json()["results"][0]
    detailed = api.get(LIST, {"mode": "detailed"}).json()["results"][0]

    for key in ("age", "flights_count", "landings_count", "last_flight", "first_flight"):
        assert normal[key] == detailed[key], key
    assert (normal["flights_count"], normal["landings_count"]) == (2, 1)


def test_age_of_a_living_astronaut_counts_whole_years_until_today(api):
    tomorrow = datetime.datetime.now(datetime.UTC).date() + datetime.timedelta(days=1)
    # Forty tomorrow (40 is a multiple of 4: a 29 February has its match).
    born = tomorrow.replace(year=tomorrow.year - 40)
    astronaut = AstronautFactory(date_of_birth=born)

    assert detail(api, astronaut)["age"] == 39


@pytest.mark.parametrize(("died", "age"), [(datetime.date(2012, 8, 25), 82), (datetime.date(2012, 8, 4), 81)])
def test_age_of_a_deceased_astronaut_is_their_age_at_death(api, died, age):
    astronaut = AstronautFactory(date_of_birth=datetime.date(1930, 8, 5), date_of_death=died)

    assert detail(api, astronaut)["age"] == age


def test_age_without_a_date_of_birth_is_null(api):
    astronaut = AstronautFactory(date_of_birth=None)

    assert detail(api, astronaut)["age"] is None


def test_links_answer_with_the_astronaut_they_name(api, astronauts):
    for mode in ("list", "normal", "detailed"):
        for item in api.get(LIST, {"mode": mode}).json()["results"]:
            assert api.get(item["url"]).json()["id"] == item["id"]


@pytest.mark.parametrize("astronaut_id", ["99999", "2147483648", "abc", "-1", "1.5", "0x10"])
def test_an_id_that_is_not_an_astronaut_is_a_404(api, astronauts, astronaut_id):
    assert api.get(f"{LIST}{astronaut_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_writes_are_not_allowed(api, astronauts, method, on_detail):
    url = f"{LIST}{astronauts[0].id}/" if on_detail else LIST

    response = getattr(api, method)(url, {"name": "Nobody"}, format="json")

    assert response.status_code == 405
    assert Astronaut.objects.filter(name="Nobody").count() == 0


def test_a_future_flight_alone_does_not_make_a_flown_astronaut(api):
    astronaut = AstronautFactory()
    seat(flight_at(FUTURE, mission_end=None), "launch_crew", astronaut)
    recount()

    shown = detail(api, astronaut)

    assert shown["flights_count"] == 0
    assert shown["first_flight"] is None
    assert len(shown["flights"]) == 1
