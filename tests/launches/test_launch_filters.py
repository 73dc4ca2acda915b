"""The filters, `search` and `ordering` of the launch lists (`launch/`, `launch/upcoming/`,
`launch/previous/`): each changes the result as LL2's does, and a bad value is a 400 naming it."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from launches.models import FirstStage, Launch, LaunchStatus
from spacecraft.models import Spacecraft
from tests.factories import (
    AgencyFactory,
    LauncherConfigFactory,
    LaunchFactory,
    LocationFactory,
    MissionFactory,
    OrbitFactory,
    PadFactory,
    complete_launch,
    ll2_launch_status,
)

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/launch/"
UPCOMING = "/2.2.0/launch/upcoming/"
PREVIOUS = "/2.2.0/launch/previous/"
ENDPOINTS = [LIST, UPCOMING, PREVIOUS]
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
COUNTERS = [
    "orbital_launch_attempt_count",
    "location_launch_attempt_count",
    "pad_launch_attempt_count",
    "agency_launch_attempt_count",
    "orbital_launch_attempt_count_year",
    "location_launch_attempt_count_year",
    "pad_launch_attempt_count_year",
    "agency_launch_attempt_count_year",
]


@pytest.fixture
def world():
    """Four launches that differ in everything the filters look at:

    - a: complete (a crewed spacecraft flight, a booster on its second flight...), successful 2 hours ago,
      so in upcoming (the last 24 hours) and in previous; each name of its parts has its own word;
    - a0: its booster's first flight, 30 days earlier (previous);
    - b: Go in 3 days (upcoming), suborbital, without spacecraft;
    - c: failed 3 days ago (previous), suborbital too.
    """
    now = timezone.now()
    a = complete_launch(
        net=now - 2 * HOUR,
        name="Wombat 9 | Quokka",
        slug="wombat-9-quokka",
        r_spacex_api_id="5eb87d46ffd86e000604b388",
        launch_service_provider=AgencyFactory(name="Numbat Launch Services", abbrev="NLS"),
        rocket__configuration=LauncherConfigFactory(
            name="Wombat 9",
            full_name="Wombat 9 Block 2",
            manufacturer=AgencyFactory(name="Quoll Industries"),
        ),
        mission=MissionFactory(name="Bilby", orbit=OrbitFactory(name="Low Earth Orbit")),
        pad=PadFactory(name="Dingo Pad", location=LocationFactory(name="Echidna Spaceport")),
        **dict.fromkeys(COUNTERS, 10),
    )
    a0 = Launch.objects.get(rocket__launcher_stages__launcher__stages__rocket__launch=a, net__lt=a.net)
    Launch.objects.filter(pk=a0.pk).update(name="Kiwi 1 | First flight")
    flight = a.spacecraft_flights.get()
    Spacecraft.objects.filter(pk=flight.spacecraft_id).update(name="Platypus")
    b = LaunchFactory(
        name="Emu 2 | Suborbital hop",
        net=now + 3 * DAY,
        status=ll2_launch_status(LaunchStatus.GO),
        mission=MissionFactory(orbit=OrbitFactory(name="Suborbital", abbrev="Sub")),
    )
    c = LaunchFactory(
        name="Kea 3 | Sounding rocket",
        net=now - 3 * DAY,
        status=ll2_launch_status(LaunchStatus.FAILURE),
        # LL2's name for the suborbital "orbit" until 2021.
        mission=MissionFactory(orbit=OrbitFactory(name="Sub-Orbital", abbrev="Sub")),
        **dict.fromkeys(COUNTERS, 20),
    )
    return SimpleNamespace(
        a=a, a0=a0, b=b, c=c, flight=flight, booster=FirstStage.objects.get(rocket=a.rocket).launcher
    )


# Which of the world's launches each list holds.
POPULATION = {LIST: {"a", "a0", "b", "c"}, UPCOMING: {"a", "b"}, PREVIOUS: {"a", "a0", "c"}}


def keys(world, response):
    assert response.status_code == 200, response.content
    by_id = {str(getattr(world, key).id): key for key in ["a", "a0", "b", "c"]}
    found = [by_id[item["id"]] for item in response.json()["results"]]
    assert len(found) == len(set(found)), "a launch is listed twice"
    return set(found)


def _pair(world, first, second, attribute):
    return f"{attribute(getattr(world, first))},{attribute(getattr(world, second))}"


# The filters of all three lists: (parameter, its value for the world, the launches it keeps).
COMMON_FILTERS = [
    ("name", lambda w: "Wombat 9 | Quokka", {"a"}),
    ("slug", lambda w: "wombat-9-quokka", {"a"}),
    ("id", lambda w: _pair(w, "a", "c", lambda launch: launch.id), {"a", "c"}),
    ("status", lambda w: LaunchStatus.SUCCESS, {"a", "a0"}),
    ("status__ids", lambda w: f"{LaunchStatus.GO},{LaunchStatus.FAILURE}", {"b", "c"}),
    ("lsp__id", lambda w: w.a.launch_service_provider_id, {"a"}),
    ("lsp__name", lambda w: "numbat", {"a"}),
    ("lsp__name", lambda w: "nls", {"a"}),
    ("lsp__ids", lambda w: _pair(w, "a", "c", lambda launch: launch.launch_service_provider_id), {"a", "c"}),
    ("location__ids", lambda w: _pair(w, "a", "c", lambda launch: launch.pad.location_id), {"a", "c"}),
    ("pad__ids", lambda w: _pair(w, "a", "c", lambda launch: launch.pad_id), {"a", "c"}),
    ("serial_number", lambda w: w.booster.serial_number, {"a", "a0"}),
    ("launcher_config__id", lambda w: w.a.rocket.configuration_id, {"a"}),
    ("rocket__configuration__id", lambda w: w.a.rocket.configuration_id, {"a"}),
    ("rocket__configuration__name", lambda w: "Wombat 9", {"a"}),
    ("rocket__configuration__full_name", lambda w: "Wombat 9 Block 2", {"a"}),
    ("rocket__configuration__full_name__icontains", lambda w: "bat 9 BLOCK", {"a"}),
    ("rocket__configuration__manufacturer__name", lambda w: "Quoll Industries", {"a"}),
    ("rocket__configuration__manufacturer__name__icontains", lambda w: "QUOLL", {"a"}),
    ("rocket__spacecraftflight__spacecraft__id", lambda w: w.flight.spacecraft_id, {"a"}),
    ("rocket__spacecraftflight__spacecraft__name", lambda w: "Platypus", {"a"}),
    ("rocket__spacecraftflight__spacecraft__name__icontains", lambda w: "platy", {"a"}),
    ("spacecraft_config__ids", lambda w: f"{w.flight.spacecraft.spacecraft_config_id},999", {"a"}),
    ("mission__orbit__name", lambda w: "Low Earth Orbit", {"a", "a0"}),
    ("mission__orbit__name__icontains", lambda w: "earth", {"a", "a0"}),
    ("is_crewed", lambda w: "true", {"a"}),
    ("is_crewed", lambda w: "false", {"a0", "b", "c"}),
    ("include_suborbital", lambda w: "false", {"a", "a0"}),
    ("r_spacex_api_id", lambda w: "5eb87d46ffd86e000604b388", {"a"}),
    ("orbital_launch_attempt_count__gte", lambda w: 15, {"c"}),
    ("agency_launch_attempt_count", lambda w: 10, {"a"}),
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(("parameter", "value", "expected"), COMMON_FILTERS)
def test_the_common_filters_keep_the_matching_launches(api, world, endpoint, parameter, value, expected):
    kept = keys(world, api.get(endpoint, {parameter: value(world)}))

    assert kept == expected & POPULATION[endpoint]
    assert kept != POPULATION[endpoint]


def test_include_suborbital_true_keeps_them(api, world):
    assert keys(world, api.get(LIST, {"include_suborbital": "true"})) == POPULATION[LIST]


def test_a_name_filter_matches_the_whole_name_only(api, world):
    assert keys(world, api.get(LIST, {"name": "Wombat 9"})) == set()


def test_a_filter_on_an_id_nobody_has_keeps_nothing(api, world):
    assert keys(world, api.get(LIST, {"lsp__id": 2147483647})) == set()


def test_filters_combine(api, world):
    assert keys(world, api.get(LIST, {"status": LaunchStatus.SUCCESS, "is_crewed": "false"})) == {"a0"}


# The filters of `launch/` only, as in LL2's schema.
LIST_FILTERS = [
    ("pad", lambda w: w.a.pad_id, {"a"}),
    ("pad__location", lambda w: w.a.pad.location_id, {"a"}),
    *(
        (f"{field}__{lookup}", lambda w: w.c.net.isoformat(), expected)
        for field in ["net", "window_start", "window_end"]
        for lookup, expected in [
            ("gt", {"a", "b"}),
            ("gte", {"a", "b", "c"}),
            ("lt", {"a0"}),
            ("lte", {"a0", "c"}),
        ]
    ),
]


@pytest.mark.parametrize(("parameter", "value", "expected"), LIST_FILTERS)
def test_the_filters_of_launch_keep_the_matching_launches(api, world, parameter, value, expected):
    assert keys(world, api.get(LIST, {parameter: value(world)})) == expected


@pytest.mark.parametrize(("lookup", "expected"), [("gte", {"a0", "b", "c"}), ("lte", {"a"})])
def test_last_updated_filters(api, world, lookup, expected):
    Launch.objects.filter(pk=world.a.pk).update(
        last_updated=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )

    assert keys(world, api.get(LIST, {f"last_updated__{lookup}": "2021-01-01T00:00:00Z"})) == expected


@pytest.mark.parametrize("counter", COUNTERS)
@pytest.mark.parametrize(
    ("lookup", "value", "expected"),
    [
        ("", 10, {"a"}),
        ("__gt", 10, {"c"}),
        ("__gte", 10, {"a", "c"}),
        ("__lt", 20, {"a"}),
        ("__lte", 20, {"a", "c"}),
    ],
)
def test_the_counter_filters_compare_the_stored_counters(api, world, counter, lookup, value, expected):
    assert keys(world, api.get(LIST, {f"{counter}{lookup}": value})) == expected


@pytest.mark.parametrize("endpoint", [UPCOMING, PREVIOUS])
def test_program_keeps_the_launches_of_any_of_the_programmes(api, world, endpoint):
    programs = f"{world.a.program.get().id},{world.b.program.get().id}"

    assert keys(world, api.get(endpoint, {"program": programs})) == {"a", "b"} & POPULATION[endpoint]


# --- hide_recent_previous -----------------------------------------------------------------------------


@pytest.fixture
def recent():
    """Launches of the last 24 hours in each state, and one to come."""
    now = timezone.now()
    statuses = {
        "success": LaunchStatus.SUCCESS,
        "failure": LaunchStatus.FAILURE,
        "partial failure": LaunchStatus.PARTIAL_FAILURE,
        "in flight": LaunchStatus.IN_FLIGHT,
        "go, not updated yet": LaunchStatus.GO,
    }
    for name, status in statuses.items():
        LaunchFactory(name=name, net=now - 2 * HOUR, status=ll2_launch_status(status))
    LaunchFactory(name="to come", net=now + HOUR, status=ll2_launch_status(LaunchStatus.GO))


def names(response):
    assert response.status_code == 200, response.content
    return {item["name"] for item in response.json()["results"]}


def test_hide_recent_previous_hides_the_recent_launches_that_have_flown(api, recent):
    assert names(api.get(UPCOMING, {"hide_recent_previous": "true"})) == {
        "in flight",
        "go, not updated yet",
        "to come",
    }


def test_hide_recent_previous_false_hides_nothing(api, recent):
    assert len(names(api.get(UPCOMING, {"hide_recent_previous": "false"}))) == 6


# --- search -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "term",
    [
        "QUOKKA",  # the launch's name
        "wombat",  # the rocket's configuration
        "numbat",  # the provider's name
        "NLS",  # the provider's abbreviation
        "bilby",  # the mission
        "dingo",  # the pad
        "echidna",  # the pad's location
        "platypus",  # the spacecraft
    ],
)
def test_search_looks_through_the_names_of_the_launch_and_its_parts(api, world, endpoint, term):
    assert keys(world, api.get(endpoint, {"search": term})) == {"a"}


def test_search_lists_a_launch_once_when_several_parts_match(api, world):
    response = api.get(LIST, {"search": "a"})

    assert keys(world, response) == POPULATION[LIST]


# --- ordering -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("net", ["a0", "c", "a", "b"]),
        ("-net", ["b", "a", "c", "a0"]),
        ("name", ["b", "c", "a0", "a"]),
        ("-name", ["a", "a0", "c", "b"]),
    ],
)
def test_ordering(api, world, ordering, expected):
    response = api.get(LIST, {"ordering": ordering})

    by_id = {str(getattr(world, key).id): key for key in ["a", "a0", "b", "c"]}
    assert [by_id[item["id"]] for item in response.json()["results"]] == expected


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("ordering", ["id", "-id"])
def test_ordering_by_id(api, world, endpoint, ordering):
    response = api.get(endpoint, {"ordering": ordering})

    listed = [item["id"] for item in response.json()["results"]]
    assert listed == sorted(
        listed, key=lambda value: Launch.objects.get(pk=value).pk, reverse=ordering == "-id"
    )
    assert len(listed) == len(POPULATION[endpoint])


@pytest.mark.parametrize("endpoint", [UPCOMING, PREVIOUS])
def test_ordering_overrides_the_order_of_upcoming_and_previous(api, world, endpoint):
    default = [item["id"] for item in api.get(endpoint).json()["results"]]

    reversed_ = [
        item["id"]
        for item in api.get(endpoint, {"ordering": "-net" if endpoint == UPCOMING else "net"}).json()[
            "results"
        ]
    ]

    assert reversed_ == default[::-1]


# --- Bad values ---------------------------------------------------------------------------------------

BAD_COMMON = [
    ("id", "not-a-uuid"),
    ("status", "go"),
    ("status__ids", "1,go"),
    ("lsp__id", "1.5"),
    ("lsp__ids", "121,x"),
    ("location__ids", "12;13"),
    ("pad__ids", "-1"),
    ("launcher_config__id", "falcon"),
    ("rocket__configuration__id", "2147483648"),
    ("rocket__spacecraftflight__spacecraft__id", "x"),
    ("spacecraft_config__ids", "1,,x"),
    ("is_crewed", "maybe"),
    ("include_suborbital", "yes please"),
    ("orbital_launch_attempt_count__gte", "1.5"),
    ("agency_launch_attempt_count_year", "many"),
    ("ordering", "slug"),
    ("mode", "full"),
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(("parameter", "value"), BAD_COMMON)
def test_a_bad_value_is_refused_naming_the_parameter(api, endpoint, parameter, value):
    response = api.get(endpoint, {parameter: value})

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


@pytest.mark.parametrize(
    ("endpoint", "parameter", "value"),
    [
        (LIST, "pad", "x"),
        (LIST, "pad__location", "1.5"),
        (LIST, "net__gt", "yesterday"),
        (LIST, "net__lte", "2023-13-01T00:00:00Z"),
        (LIST, "window_start__gte", "soon"),
        (LIST, "window_end__lt", "2023-02-30"),
        (LIST, "last_updated__gte", "now"),
        (UPCOMING, "program", "iss"),
        (PREVIOUS, "program", "17,x"),
        (UPCOMING, "hide_recent_previous", "maybe"),
    ],
)
def test_a_bad_value_of_a_filter_of_one_list_is_refused(api, endpoint, parameter, value):
    response = api.get(endpoint, {parameter: value})

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


def test_unknown_parameters_are_ignored(api, world):
    assert keys(world, api.get(LIST, {"related": "true", "cache_buster": "123"})) == POPULATION[LIST]
