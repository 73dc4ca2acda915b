"""The launch endpoints' filters, `search` and `ordering`: each changes the result as LL2's does.

A bad value is a 400 naming the parameter. The endpoints: `launch/` (with `launch/upcoming/` and
`launch/previous/`), `launcher/`, `config/launcher/`, `pad/`, `location/` and `program/`.
"""

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
    ProgramFactory,
    UpdateFactory,
    at,
    complete_launch,
    ll2_launch_status,
)
from tests.helpers import LAUNCHER_CONFIG_COUNTERS

pytestmark = pytest.mark.django_db


def names(response):
    return [item["name"] for item in response.json()["results"]]


# --- launch/, launch/upcoming/, launch/previous/ -----------------------------------------------------

LAUNCHES = "/2.2.0/launch/"
UPCOMING = "/2.2.0/launch/upcoming/"
PREVIOUS = "/2.2.0/launch/previous/"
ENDPOINTS = [LAUNCHES, UPCOMING, PREVIOUS]
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
POPULATION = {LAUNCHES: {"a", "a0", "b", "c"}, UPCOMING: {"a", "b"}, PREVIOUS: {"a", "a0", "c"}}


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
    assert keys(world, api.get(LAUNCHES, {"include_suborbital": "true"})) == POPULATION[LAUNCHES]


def test_a_name_filter_matches_the_whole_name_only(api, world):
    assert keys(world, api.get(LAUNCHES, {"name": "Wombat 9"})) == set()


def test_a_filter_on_an_id_nobody_has_keeps_nothing(api, world):
    assert keys(world, api.get(LAUNCHES, {"lsp__id": 2147483647})) == set()


def test_filters_combine(api, world):
    assert keys(world, api.get(LAUNCHES, {"status": LaunchStatus.SUCCESS, "is_crewed": "false"})) == {"a0"}


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
    assert keys(world, api.get(LAUNCHES, {parameter: value(world)})) == expected


@pytest.mark.parametrize(("lookup", "expected"), [("gte", {"a0", "b", "c"}), ("lte", {"a"})])
def test_last_updated_filters(api, world, lookup, expected):
    Launch.objects.filter(pk=world.a.pk).update(
        last_updated=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )

    assert keys(world, api.get(LAUNCHES, {f"last_updated__{lookup}": "2021-01-01T00:00:00Z"})) == expected


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
    assert keys(world, api.get(LAUNCHES, {f"{counter}{lookup}": value})) == expected


@pytest.mark.parametrize("endpoint", [UPCOMING, PREVIOUS])
def test_program_keeps_the_launches_of_any_of_the_programmes(api, world, endpoint):
    programs = f"{world.a.program.get().id},{world.b.program.get().id}"

    assert keys(world, api.get(endpoint, {"program": programs})) == {"a", "b"} & POPULATION[endpoint]


# --- hide_recent_previous ----------------------------------------------------------------------------


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


def name_set(response):
    assert response.status_code == 200, response.content
    return {item["name"] for item in response.json()["results"]}


def test_hide_recent_previous_hides_the_recent_launches_that_have_flown(api, recent):
    assert name_set(api.get(UPCOMING, {"hide_recent_previous": "true"})) == {
        "in flight",
        "go, not updated yet",
        "to come",
    }


def test_hide_recent_previous_false_hides_nothing(api, recent):
    assert len(name_set(api.get(UPCOMING, {"hide_recent_previous": "false"}))) == 6


# --- Launch search -----------------------------------------------------------------------------------


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
    response = api.get(LAUNCHES, {"search": "a"})

    assert keys(world, response) == POPULATION[LAUNCHES]


# --- Launch ordering ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("net", ["a0", "c", "a", "b"]),
        ("-net", ["b", "a", "c", "a0"]),
        ("name", ["b", "c", "a0", "a"]),
        ("-name", ["a", "a0", "c", "b"]),
    ],
)
def test_launch_ordering(api, world, ordering, expected):
    response = api.get(LAUNCHES, {"ordering": ordering})

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


# --- Bad launch filter values ------------------------------------------------------------------------

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
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(("parameter", "value"), BAD_COMMON)
def test_a_bad_launch_filter_value_is_refused_naming_the_parameter(api, endpoint, parameter, value):
    response = api.get(endpoint, {parameter: value})

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


@pytest.mark.parametrize(
    ("endpoint", "parameter", "value"),
    [
        (LAUNCHES, "pad", "x"),
        (LAUNCHES, "pad__location", "1.5"),
        (LAUNCHES, "net__gt", "yesterday"),
        (LAUNCHES, "net__lte", "2023-13-01T00:00:00Z"),
        (LAUNCHES, "window_start__gte", "soon"),
        (LAUNCHES, "window_end__lt", "2023-02-30"),
        (LAUNCHES, "last_updated__gte", "now"),
        (UPCOMING, "program", "iss"),
        (PREVIOUS, "program", "17,x"),
        (UPCOMING, "hide_recent_previous", "maybe"),
    ],
)
def test_a_bad_value_of_a_filter_of_one_list_is_refused(api, endpoint, parameter, value):
    response = api.get(endpoint, {parameter: value})

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


def test_unknown_launch_parameters_are_ignored(api, world):
    assert keys(world, api.get(LAUNCHES, {"related": "true", "cache_buster": "123"})) == POPULATION[LAUNCHES]


# --- launcher/ ---------------------------------------------------------------------------------------

LAUNCHERS = "/2.2.0/launcher/"


def serials(response):
    assert response.status_code == 200, response.content
    return [item["serial_number"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("parameter", "value", "expected"),
    [
        ("serial_number", "B1058", ["B1058"]),
        ("serial_number__contains", "100", ["B1000"]),
        ("flight_proven", "true", ["B1058"]),
        ("flight_proven", "false", ["B1000"]),
        ("launcher_config__manufacturer__name", "SpaceX", ["B1058"]),
        ("launcher_config__manufacturer__name__contains", "Space", ["B1058"]),
        ("flights__gte", 1, ["B1058"]),
        ("flights", 0, ["B1000"]),
        ("attempted_landings__lt", 2, ["B1000"]),
        ("successful_landings__gt", 0, ["B1058"]),
        ("search", "expended", ["B1000"]),
        ("search", "b105", ["B1058"]),
    ],
)
def test_filters_and_search_keep_the_matching_boosters(api, boosters, parameter, value, expected):
    assert serials(api.get(LAUNCHERS, {parameter: value})) == expected


@pytest.mark.parametrize("key", ["id", "launcher_config"])
def test_id_filters(api, boosters, key):
    booster = boosters["B1000"]
    value = booster.id if key == "id" else booster.launcher_config_id

    assert serials(api.get(LAUNCHERS, {key: value})) == ["B1000"]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [("id", ["B1058", "B1000"]), ("-id", ["B1000", "B1058"]), ("flight_proven", ["B1000", "B1058"])],
)
def test_launcher_ordering(api, boosters, ordering, expected):
    assert serials(api.get(LAUNCHERS, {"ordering": ordering})) == expected


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("id", "x"),
        ("flight_proven", "maybe"),
        ("launcher_config", "falcon"),
        ("flights__gte", "1.5"),
    ],
)
def test_a_bad_launcher_filter_value_is_refused_naming_the_parameter(api, parameter, value):
    response = api.get(LAUNCHERS, {parameter: value})

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


# --- config/launcher/ --------------------------------------------------------------------------------

LAUNCHER_CONFIGS = "/2.2.0/config/launcher/"


@pytest.fixture
def falcons():
    spacex = AgencyFactory(name="SpaceX", abbrev="SpX")
    nasa = AgencyFactory(name="National Aeronautics and Space Administration", abbrev="NASA")
    return {
        "Falcon 9": LauncherConfigFactory(
            name="Falcon 9", family="Falcon", full_name="Falcon 9 Block 5", manufacturer=spacex, reusable=True
        ),
        "Falcon Heavy": LauncherConfigFactory(
            name="Falcon Heavy", family="Falcon", full_name="Falcon Heavy", manufacturer=spacex, reusable=True
        ),
        "Saturn V": LauncherConfigFactory(
            name="Saturn V",
            family="Saturn",
            full_name="Saturn V",
            alias="Moon rocket",
            manufacturer=nasa,
            active=False,
        ),
    }


@pytest.mark.parametrize(
    ("parameter", "value", "expected"),
    [
        ("name", "Falcon 9", ["Falcon 9"]),
        ("name__contains", "Falcon", ["Falcon 9", "Falcon Heavy"]),
        ("family", "Saturn", ["Saturn V"]),
        ("family__contains", "Falc", ["Falcon 9", "Falcon Heavy"]),
        ("full_name", "Falcon 9 Block 5", ["Falcon 9"]),
        ("full_name__contains", "Block", ["Falcon 9"]),
        ("manufacturer__name", "SpaceX", ["Falcon 9", "Falcon Heavy"]),
        ("manufacturer__name__contains", "Aeronautics", ["Saturn V"]),
        ("active", "false", ["Saturn V"]),
        ("active", "true", ["Falcon 9", "Falcon Heavy"]),
        ("reusable", "true", ["Falcon 9", "Falcon Heavy"]),
        ("reusable", "False", ["Saturn V"]),
    ],
)
def test_filters_select_the_matching_configurations(api, falcons, parameter, value, expected):
    assert names(api.get(LAUNCHER_CONFIGS, {parameter: value})) == expected


def test_name_matches_the_whole_name_only(api, falcons):
    assert names(api.get(LAUNCHER_CONFIGS, {"name": "Falcon"})) == []


def test_program_filter_takes_one_or_several_programmes(api, falcons):
    apollo, crs = ProgramFactory(name="Apollo"), ProgramFactory(name="Commercial Resupply Services")
    falcons["Saturn V"].program.set([apollo])
    falcons["Falcon 9"].program.set([apollo, crs])

    assert names(api.get(LAUNCHER_CONFIGS, {"program": crs.id})) == ["Falcon 9"]
    assert names(api.get(LAUNCHER_CONFIGS, {"program": f"{apollo.id},{crs.id}"})) == ["Falcon 9", "Saturn V"]


@pytest.fixture
def counted():
    """Two configurations: "Flown", with stored counters, and "Unflown", with zeros."""
    values = {
        "total_launch_count": 3,
        "consecutive_successful_launches": 2,
        "successful_launches": 2,
        "failed_launches": 1,
        "pending_launches": 1,
    }
    LauncherConfigFactory(name="Flown", **values)
    LauncherConfigFactory(name="Unflown", **dict.fromkeys(LAUNCHER_CONFIG_COUNTERS, 0))
    return values


@pytest.mark.parametrize("counter", LAUNCHER_CONFIG_COUNTERS)
@pytest.mark.parametrize(
    ("lookup", "threshold", "expected"),
    [
        ("", "flown", ["Flown"]),
        ("__gt", 0, ["Flown"]),
        ("__gte", "flown", ["Flown"]),
        ("__lt", "flown", ["Unflown"]),
        ("__lte", 0, ["Unflown"]),
    ],
)
def test_counter_filters_compare_the_stored_counters(api, counted, counter, lookup, threshold, expected):
    value = counted[counter] if threshold == "flown" else threshold

    assert names(api.get(LAUNCHER_CONFIGS, {f"{counter}{lookup}": value})) == expected


@pytest.mark.parametrize(
    "query",
    [
        # Each counter filter reads a whole number.
        {"total_launch_count": "1.5"},
        {"consecutive_successful_launches__gt": "abc"},
        {"successful_launches__gte": "-1"},
        {"failed_launches__lt": "2147483648"},
        {"pending_launches__lte": "1e3"},
        {"program": "abc"},
        {"program": "1,x"},
        {"active": "maybe"},
        {"reusable": "yes please"},
        {"name": "\x00"},
        {"family__contains": "\x00"},
        {"manufacturer__name": "\x00"},
        {"search": "\x00"},
    ],
)
def test_bad_launcher_config_values_are_refused_naming_the_parameter(api, falcons, query):
    response = api.get(LAUNCHER_CONFIGS, query)

    assert response.status_code == 400
    assert response.json()["parameters"] == list(query)


def test_unknown_launcher_config_parameters_are_ignored(api, falcons):
    assert len(names(api.get(LAUNCHER_CONFIGS, {"agency": "SpaceX", "cache": "123"}))) == 3


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("heavy", ["Falcon Heavy"]),  # name, ignoring case
        ("saturn", ["Saturn V"]),  # family
        ("block 5", ["Falcon 9"]),  # full name
        ("moon", ["Saturn V"]),  # alias
        ("spacex", ["Falcon 9", "Falcon Heavy"]),  # manufacturer's name
        ("nasa", ["Saturn V"]),  # manufacturer's abbreviation
        ("Soyuz", []),
    ],
)
def test_search_looks_through_names_and_manufacturer(api, falcons, term, expected):
    assert names(api.get(LAUNCHER_CONFIGS, {"search": term})) == expected


def test_search_counts_each_configuration_once(api, falcons):
    page = api.get(LAUNCHER_CONFIGS, {"search": "falcon"}).json()

    assert page["count"] == 2


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        (None, ["Falcon 9", "Saturn V", "Falcon Heavy"]),  # by id
        ("id", ["Falcon 9", "Saturn V", "Falcon Heavy"]),
        ("-id", ["Falcon Heavy", "Saturn V", "Falcon 9"]),
        ("name", ["Falcon 9", "Falcon Heavy", "Saturn V"]),
        ("-name", ["Saturn V", "Falcon Heavy", "Falcon 9"]),
    ],
)
def test_launcher_config_ordering(api, ordering, expected):
    for name in ("Falcon 9", "Saturn V", "Falcon Heavy"):  # in id order
        LauncherConfigFactory(name=name)

    assert names(api.get(LAUNCHER_CONFIGS, {"ordering": ordering} if ordering else {})) == expected


def test_ordering_by_name_breaks_ties_by_id(api):
    configs = [LauncherConfigFactory(name="Soyuz") for _ in range(3)]

    ids = [item["id"] for item in api.get(LAUNCHER_CONFIGS, {"ordering": "name"}).json()["results"]]

    assert ids == [config.id for config in configs]


# --- pad/ --------------------------------------------------------------------------------------------

PADS = "/2.2.0/pad/"
LOCATIONS = "/2.2.0/location/"


def ids(response):
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def florida_and_baikonur():
    spacex = AgencyFactory(name="SpaceX")
    kennedy = LocationFactory(name="Kennedy Space Center, FL, USA", country_code="USA")
    canaveral = LocationFactory(name="Cape Canaveral SFS, FL, USA", country_code="USA")
    baikonur = LocationFactory(name="Baikonur Cosmodrome, Republic of Kazakhstan", country_code="KAZ")
    return {
        "39A": PadFactory(
            name="Launch Complex 39A",
            agency=spacex,
            location=kennedy,
            latitude="28.60822681",
            longitude="-80.60428186",
            country_code="USA",
            total_launch_count=150,
            orbital_launch_attempt_count=150,
        ),
        "40": PadFactory(
            name="Space Launch Complex 40",
            agency=None,
            location=canaveral,
            latitude="28.56194122",
            longitude="-80.57735736",
            country_code="USA",
            total_launch_count=200,
            orbital_launch_attempt_count=190,
        ),
        "31/6": PadFactory(
            name="31/6",
            agency=None,
            location=baikonur,
            latitude="45.996034",
            longitude="63.564003",
            country_code="KAZ",
            total_launch_count=415,
            orbital_launch_attempt_count=415,
        ),
    }


def pad_filter_cases():
    both_florida = ["Launch Complex 39A", "Space Launch Complex 40"]
    return [
        ("id", lambda pads: pads["40"].id, ["Space Launch Complex 40"]),
        ("agency_id", lambda pads: pads["39A"].agency_id, ["Launch Complex 39A"]),
        ("agency_id", "999999", []),
        ("name", "31/6", ["31/6"]),
        ("name", "Launch Complex", []),
        ("name__contains", "Launch Complex", both_florida),
        ("latitude", "45.996034", ["31/6"]),
        ("latitude__contains", "28.", both_florida),
        ("longitude", "-80.57735736", ["Space Launch Complex 40"]),
        ("longitude__contains", "63.5", ["31/6"]),
        ("location__name", "Kennedy Space Center, FL, USA", ["Launch Complex 39A"]),
        ("location__name__contains", "FL, USA", both_florida),
        ("location__id", lambda pads: pads["31/6"].location_id, ["31/6"]),
        ("location__id", "999999", []),
        ("country_code", "KAZ", ["31/6"]),
        ("country_code", "USA,KAZ", [*both_florida, "31/6"]),
        ("country_code", "FRA", []),
        ("total_launch_count", "200", ["Space Launch Complex 40"]),
        ("total_launch_count__gt", "200", ["31/6"]),
        ("total_launch_count__gte", "200", ["Space Launch Complex 40", "31/6"]),
        ("total_launch_count__lt", "200", ["Launch Complex 39A"]),
        ("total_launch_count__lte", "200", both_florida),
        ("orbital_launch_attempt_count", "190", ["Space Launch Complex 40"]),
        ("orbital_launch_attempt_count__gt", "150", ["Space Launch Complex 40", "31/6"]),
        ("orbital_launch_attempt_count__gte", "415", ["31/6"]),
        ("orbital_launch_attempt_count__lt", "190", ["Launch Complex 39A"]),
        ("orbital_launch_attempt_count__lte", "190", both_florida),
    ]


@pytest.mark.parametrize(("parameter", "value", "expected"), pad_filter_cases())
def test_pad_filters(api, florida_and_baikonur, parameter, value, expected):
    if callable(value):  # an id: of a pad, its agency or its location
        value = value(florida_and_baikonur)

    assert names(api.get(PADS, {parameter: value})) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("complex 40", ["Space Launch Complex 40"]),  # the pad's name, ignoring case
        ("baikonur", ["31/6"]),  # the location's name
        ("fl, usa", ["Launch Complex 39A", "Space Launch Complex 40"]),
        ("Vandenberg", []),
    ],
)
def test_pad_search(api, florida_and_baikonur, term, expected):
    assert names(api.get(PADS, {"search": term})) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("id", ["Launch Complex 39A", "Space Launch Complex 40", "31/6"]),
        ("-id", ["31/6", "Space Launch Complex 40", "Launch Complex 39A"]),
        ("name", ["31/6", "Launch Complex 39A", "Space Launch Complex 40"]),
        ("-name", ["Space Launch Complex 40", "Launch Complex 39A", "31/6"]),
    ],
)
def test_pad_ordering(api, florida_and_baikonur, ordering, expected):
    assert names(api.get(PADS, {"ordering": ordering})) == expected


def test_pads_are_in_id_order_by_default(api, florida_and_baikonur):
    assert ids(api.get(PADS)) == sorted(pad.id for pad in florida_and_baikonur.values())


@pytest.mark.parametrize(
    "query",
    [
        {"id": "abc"},
        {"agency_id": "1.5"},
        {"location__id": "-1"},
        {"total_launch_count": "many"},
        {"total_launch_count__gte": "2147483648"},
        {"orbital_launch_attempt_count__lt": "1e3"},
        {"name": "\x00"},
        {"name__contains": "\x00"},
        {"latitude": "\x00"},
        {"location__name__contains": "\x00"},
        {"country_code": "USA,\x00"},
        {"search": "\x00"},
    ],
)
def test_bad_pad_filter_values_are_refused_naming_the_parameter(api, florida_and_baikonur, query):
    response = api.get(PADS, query)

    assert response.status_code == 400
    assert response.json()["parameters"] == list(query)


# --- location/ ---------------------------------------------------------------------------------------


@pytest.fixture
def sites():
    return {
        name: LocationFactory(
            name=name, country_code=country, total_launch_count=launches, total_landing_count=landings
        )
        for name, country, launches, landings in [
            ("Kennedy Space Center, FL, USA", "USA", 250, 20),
            ("Baikonur Cosmodrome, Republic of Kazakhstan", "KAZ", 1548, 0),
            ("Guiana Space Centre, French Guiana", "GUF", 320, 0),
        ]
    }


KSC, BAIKONUR, KOUROU = (
    "Kennedy Space Center, FL, USA",
    "Baikonur Cosmodrome, Republic of Kazakhstan",
    "Guiana Space Centre, French Guiana",
)


@pytest.mark.parametrize(
    ("parameter", "value", "expected"),
    [
        ("name", KOUROU, [KOUROU]),
        ("name", "Guiana", []),
        ("name__contains", "Space Cent", [KSC, KOUROU]),
        ("country_code", "KAZ", [BAIKONUR]),
        ("country_code", "GUF,USA", [KSC, KOUROU]),
        ("country_code__contains", "U", [KSC, KOUROU]),
        ("total_launch_count", "320", [KOUROU]),
        ("total_launch_count__gt", "320", [BAIKONUR]),
        ("total_launch_count__gte", "320", [BAIKONUR, KOUROU]),
        ("total_launch_count__lt", "320", [KSC]),
        ("total_launch_count__lte", "320", [KSC, KOUROU]),
        ("total_landing_count", "20", [KSC]),
        ("total_landing_count__gt", "0", [KSC]),
        ("total_landing_count__gte", "20", [KSC]),
        ("total_landing_count__lt", "20", [BAIKONUR, KOUROU]),
        ("total_landing_count__lte", "0", [BAIKONUR, KOUROU]),
    ],
)
def test_location_filters(api, sites, parameter, value, expected):
    assert names(api.get(LOCATIONS, {parameter: value})) == expected


@pytest.mark.parametrize(
    ("lookup", "expected"),
    [
        ("", [BAIKONUR]),
        ("__gt", [KOUROU]),
        ("__gte", [BAIKONUR, KOUROU]),
        ("__lt", [KSC]),
        ("__lte", [KSC, BAIKONUR]),
    ],
)
def test_location_id_filters(api, sites, lookup, expected):
    assert names(api.get(LOCATIONS, {f"id{lookup}": sites[BAIKONUR].id})) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("cosmodrome", [BAIKONUR]),  # the name, ignoring case
        ("guf", [KOUROU]),  # the country code
        ("us", [KSC]),
        ("Wallops", []),
    ],
)
def test_location_search(api, sites, term, expected):
    assert names(api.get(LOCATIONS, {"search": term})) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        (None, [KSC, BAIKONUR, KOUROU]),  # by id
        ("-id", [KOUROU, BAIKONUR, KSC]),
        ("name", [BAIKONUR, KOUROU, KSC]),
        ("-name", [KSC, KOUROU, BAIKONUR]),
    ],
)
def test_location_ordering(api, sites, ordering, expected):
    assert names(api.get(LOCATIONS, {"ordering": ordering} if ordering else {})) == expected


@pytest.mark.parametrize(
    "query",
    [
        {"id": "abc"},
        {"id__gt": "1.5"},
        {"total_launch_count__lte": "-3"},
        {"total_landing_count": "none"},
        {"name": "\x00"},
        {"country_code": "\x00"},
        {"country_code__contains": "\x00"},
        {"search": "\x00"},
    ],
)
def test_bad_location_filter_values_are_refused_naming_the_parameter(api, sites, query):
    response = api.get(LOCATIONS, query)

    assert response.status_code == 400
    assert response.json()["parameters"] == list(query)


# --- program/ ----------------------------------------------------------------------------------------

PROGRAMS = "/2.2.0/program/"


@pytest.fixture
def named():
    return [
        ProgramFactory(name=name)
        for name in ("International Space Station", "Artemis", "Commercial Resupply Services")
    ]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("artemis", ["Artemis"]),
        ("SPACE", ["International Space Station"]),
        ("s", ["International Space Station", "Artemis", "Commercial Resupply Services"]),
        ("Apollo", []),
    ],
)
def test_search_looks_through_the_name(api, named, term, expected):
    assert names(api.get(PROGRAMS, {"search": term})) == expected


def test_search_does_not_look_through_the_description(api, named):
    ProgramFactory(name="Gemini", description="Before Apollo.")

    assert names(api.get(PROGRAMS, {"search": "Apollo"})) == []


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        (None, ["International Space Station", "Artemis", "Commercial Resupply Services"]),  # by id
        ("-id", ["Commercial Resupply Services", "Artemis", "International Space Station"]),
        ("name", ["Artemis", "Commercial Resupply Services", "International Space Station"]),
        ("-name", ["International Space Station", "Commercial Resupply Services", "Artemis"]),
    ],
)
def test_program_ordering(api, named, ordering, expected):
    assert names(api.get(PROGRAMS, {"ordering": ordering} if ordering else {})) == expected


@pytest.mark.parametrize("query", [{"search": "\x00"}])
def test_bad_program_values_are_refused_naming_the_parameter(api, named, query):
    response = api.get(PROGRAMS, query)

    assert response.status_code == 400
    assert response.json()["parameters"] == list(query)


def test_programmes_have_no_mode(api, named):
    # LL2's programmes have no `mode`: like any parameter the endpoint does not know, it is ignored.
    assert names(api.get(PROGRAMS, {"mode": "bogus"})) == names(api.get(PROGRAMS))


# --- Datetimes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # -19:00, an offset PostgreSQL cannot store, is the same moment as 19:00 UTC.
        ("2020-01-01T00:00:00-19:00", ["before"]),
        ("2020-01-01T19:00:00Z", ["before"]),
        ("2020-01-02T00:00:00+05:00", ["before"]),
        ("2020-01-01T20:00:00", ["after", "before"]),
    ],
)
def test_a_datetime_filter_reads_its_value_in_utc(api, value, expected):
    LaunchFactory(name="before", net=at(2020, 1, 1, 18, 59))
    LaunchFactory(name="after", net=at(2020, 1, 1, 19, 1))

    assert sorted(names(api.get(LAUNCHES, {"net__lt": value}))) == expected


# --- updates/ ------------------------------------------------------------------------------------------


@pytest.fixture
def updates():
    spacex, nasa = AgencyFactory(name="SpaceX"), AgencyFactory(name="NASA")
    programme = ProgramFactory()
    falcon = LaunchFactory(launch_service_provider=spacex)
    return SimpleNamespace(
        falcon=falcon,
        spacex=spacex,
        programme=programme,
        scrub=UpdateFactory(launch=falcon, comment="Scrubbed for weather.", created_on=at(2021, 1, 1)),
        go=UpdateFactory(
            launch=falcon, comment="Go for launch.", created_by="Nosu", created_on=at(2021, 1, 2)
        ),
        sls=UpdateFactory(launch=LaunchFactory(launch_service_provider=nasa), created_on=at(2021, 1, 3)),
        programme_news=UpdateFactory(launch=None, program=programme, created_on=at(2021, 1, 4)),
    )


def update_ids(api, params):
    response = api.get("/2.2.0/updates/", {**params, "limit": 100})
    assert response.status_code == 200, response.json()
    return [item["id"] for item in response.json()["results"]]


def test_updates_filter_by_launch_programme_provider_and_time(api, updates):
    assert update_ids(api, {"launch": str(updates.falcon.id)}) == [updates.go.id, updates.scrub.id]
    assert update_ids(api, {"program": updates.programme.id}) == [updates.programme_news.id]
    assert update_ids(api, {"launch__launch_service_provider": updates.spacex.id}) == [
        updates.go.id,
        updates.scrub.id,
    ]
    assert update_ids(api, {"created_on": "2021-01-02T00:00:00Z"}) == [updates.go.id]


def test_updates_search_and_ordering(api, updates):
    assert update_ids(api, {"search": "weather"}) == [updates.scrub.id]
    assert update_ids(api, {"search": "nosu"}) == [updates.go.id]
    assert update_ids(api, {"ordering": "created_on"})[:2] == [updates.scrub.id, updates.go.id]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"launch": "not-a-uuid"}, "launch"),
        ({"program": "x"}, "program"),
        ({"launch__launch_service_provider": "1.5"}, "launch__launch_service_provider"),
        ({"created_on": "yesterday"}, "created_on"),
    ],
)
def test_a_bad_update_filter_is_a_400_naming_it(api, updates, params, parameter):
    response = api.get("/2.2.0/updates/", params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]
