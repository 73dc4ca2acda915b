"""What the launch endpoints serve: shapes and modes, derived values, bad input, 404 and 405.

The endpoints: `launch/` (with `launch/upcoming/` and `launch/previous/`), `launcher/`, `config/launcher/`,
`pad/`, `location/` and `program/`.
"""

import datetime

import pytest
from django.utils import timezone

from launches.models import FirstStage, Launch, LaunchStatus
from tests.factories import (
    FirstStageFactory,
    InfoURLFactory,
    LandingFactory,
    LauncherConfigFactory,
    LauncherFactory,
    LaunchFactory,
    LocationFactory,
    MissionFactory,
    MissionPatchFactory,
    PadFactory,
    ProgramFactory,
    SpacecraftFlightFactory,
    UpdateFactory,
    VidURLFactory,
    at,
    complete_launch,
    complete_launcher_config,
    launches_of,
    ll2_launch_status,
)
from tests.helpers import (
    LAUNCH_LIST_KEYS,
    LAUNCHER_CONFIG_COUNTERS,
    LOCATION_KEYS,
    PAD_KEYS,
    errors,
    ordered,
)

pytestmark = pytest.mark.django_db


# --- launch/, launch/upcoming/, launch/previous/ -----------------------------------------------------

LAUNCHES = "/2.2.0/launch/"
UPCOMING = "/2.2.0/launch/upcoming/"
PREVIOUS = "/2.2.0/launch/previous/"
ENDPOINTS = [LAUNCHES, UPCOMING, PREVIOUS]
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)

# `?mode=detailed` and the detail: tests/ll2/launch-electron-capstone.json's keys (2022), with the fields
# LL2 added to 2.2.0 later where the normal shape of the contract has them.
LAUNCH_DETAILED_KEYS = [
    "id",
    "url",
    "slug",
    "flightclub_url",
    "r_spacex_api_id",
    "name",
    "status",
    "last_updated",
    "updates",
    "net",
    "window_end",
    "window_start",
    "net_precision",
    "probability",
    "weather_concerns",
    "holdreason",
    "failreason",
    "hashtag",
    "launch_service_provider",
    "rocket",
    "mission",
    "pad",
    "infoURLs",
    "vidURLs",
    "webcast_live",
    "image",
    "infographic",
    "program",
    "orbital_launch_attempt_count",
    "location_launch_attempt_count",
    "pad_launch_attempt_count",
    "agency_launch_attempt_count",
    "orbital_launch_attempt_count_year",
    "location_launch_attempt_count_year",
    "pad_launch_attempt_count_year",
    "agency_launch_attempt_count_year",
    "mission_patches",
    "type",
]


def test_a_list_mode_item_without_mission_or_pad_names_none(api):
    LaunchFactory(mission=None, pad=None, launch_service_provider=None)

    served = api.get(LAUNCHES, {"mode": "list"}).json()["results"][0]

    assert [served[key] for key in ["lsp_name", "mission", "mission_type", "pad", "location", "orbit"]] == [
        None
    ] * 6


@pytest.mark.parametrize(
    ("mode", "keys"),
    [("list", LAUNCH_LIST_KEYS), ("detailed", LAUNCH_DETAILED_KEYS)],
)
def test_each_mode_serves_its_shape(api, mode, keys):
    complete_launch()

    for item in api.get(LAUNCHES, {"mode": mode}).json()["results"]:
        assert list(item) == keys


def test_the_default_mode_is_normal(api, contract):
    complete_launch()

    for item in api.get(LAUNCHES).json()["results"]:
        assert list(item) == list(contract["launch"])


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_detail_is_the_detailed_shape_whatever_the_mode(api, endpoint):
    launch = complete_launch(net=timezone.now() - HOUR)

    detail = api.get(f"{endpoint}{launch.id}/", {"mode": "list"}).json()

    assert list(detail) == LAUNCH_DETAILED_KEYS
    assert detail["type"] == "detailed"
    assert detail["url"] == f"http://testserver/2.2.0/launch/{launch.id}/"


def test_updates_are_newest_first(api):
    launch = LaunchFactory()
    older = UpdateFactory(launch=launch, created_on=launch.net - 2 * DAY)
    newer = UpdateFactory(launch=launch, created_on=launch.net - DAY)

    detail = api.get(f"{LAUNCHES}{launch.id}/").json()

    assert [update["id"] for update in detail["updates"]] == [newer.id, older.id]


def test_links_and_patches_are_in_priority_order(api):
    launch = LaunchFactory()
    second = VidURLFactory(launch=launch, priority=20)
    first = VidURLFactory(launch=launch, priority=10)
    InfoURLFactory(launch=launch, priority=5, url="https://example.org/b")
    InfoURLFactory(launch=launch, priority=1, url="https://example.org/a")
    launch.mission_patches.set([MissionPatchFactory(priority=2, name="B"), MissionPatchFactory(priority=1)])

    detail = api.get(f"{LAUNCHES}{launch.id}/").json()

    assert [link["url"] for link in detail["vidURLs"]] == [first.url, second.url]
    assert [link["url"] for link in detail["infoURLs"]] == ["https://example.org/a", "https://example.org/b"]
    assert [patch["priority"] for patch in detail["mission_patches"]] == [1, 2]


# --- The rocket of a launch detail: boosters and spacecraft flight -----------------------------------


def test_the_spacecraft_stage_is_the_flight_detail_without_its_launch(api):
    launch = complete_launch()
    flight = launch.spacecraft_flights.get()

    stage = api.get(f"{LAUNCHES}{launch.id}/").json()["rocket"]["spacecraft_stage"]

    flight_detail = api.get(f"/2.2.0/spacecraft/flight/{flight.id}/").json()
    assert ordered(stage) == ordered({key: value for key, value in flight_detail.items() if key != "launch"})


def test_a_launch_without_spacecraft_has_a_null_spacecraft_stage(api):
    launch = LaunchFactory()

    rocket = api.get(f"{LAUNCHES}{launch.id}/").json()["rocket"]

    assert rocket["spacecraft_stage"] is None
    assert rocket["launcher_stage"] == []


def test_the_spacecraft_stage_is_the_first_of_several_flights(api):
    launch = LaunchFactory()
    first = SpacecraftFlightFactory(launch=launch)
    SpacecraftFlightFactory(launch=launch)

    stage = api.get(f"{LAUNCHES}{launch.id}/").json()["rocket"]["spacecraft_stage"]

    assert stage["id"] == first.id


@pytest.fixture
def reflown():
    """A booster on its second flight (the launch returned), 30 days after its first."""
    return complete_launch(net=datetime.datetime(2023, 3, 1, 12, tzinfo=datetime.UTC))


def test_a_launcher_stage_is_ll2s_first_stage(api, ll2_schema, reflown):
    stage = FirstStage.objects.get(rocket=reflown.rocket)
    earlier = Launch.objects.get(rocket__launcher_stages__launcher=stage.launcher, net__lt=reflown.net)

    served = api.get(f"{LAUNCHES}{reflown.id}/").json()["rocket"]["launcher_stage"]

    assert len(served) == 1
    assert list(served[0]) == list(ll2_schema["components"]["schemas"]["FirstStage"]["properties"])
    assert [served[0][key] for key in ["id", "type", "reused", "launcher_flight_number"]] == [
        stage.id,
        "Core",
        True,
        2,
    ]
    assert served[0]["landing"]["id"] == stage.landing_id
    assert served[0]["previous_flight_date"] == "2023-01-30T12:00:00Z"
    assert served[0]["turn_around_time_days"] == 30
    assert served[0]["previous_flight"] == {"id": str(earlier.id), "name": earlier.name}


def test_the_booster_of_a_stage_has_its_flights_and_landings(api, ll2_schema, reflown):
    booster = FirstStage.objects.get(rocket=reflown.rocket).launcher

    served = api.get(f"{LAUNCHES}{reflown.id}/").json()["rocket"]["launcher_stage"][0]["launcher"]

    assert list(served) == list(ll2_schema["components"]["schemas"]["LauncherDetailed"]["properties"])
    assert served["url"] == f"http://testserver/2.2.0/launcher/{booster.id}/"
    assert [
        served[key] for key in ["serial_number", "flights", "successful_landings", "attempted_landings"]
    ] == [
        booster.serial_number,
        2,
        2,
        2,
    ]
    assert served["first_launch_date"] == "2023-01-30T12:00:00Z"
    assert served["last_launch_date"] == "2023-03-01T12:00:00Z"


def test_a_boosters_first_flight_has_no_previous_flight(api, reflown):
    booster = FirstStage.objects.get(rocket=reflown.rocket).launcher
    first = Launch.objects.get(rocket__launcher_stages__launcher=booster, net__lt=reflown.net)

    stage = api.get(f"{LAUNCHES}{first.id}/").json()["rocket"]["launcher_stage"][0]

    assert [stage[key] for key in ["previous_flight_date", "turn_around_time_days", "previous_flight"]] == [
        None,
        None,
        None,
    ]


def test_the_turnaround_counts_whole_days(api):
    booster = LauncherFactory()
    first = LaunchFactory(net=datetime.datetime(2023, 1, 1, 12, tzinfo=datetime.UTC))
    second = LaunchFactory(net=datetime.datetime(2023, 1, 11, 11, tzinfo=datetime.UTC))
    for launch in (first, second):
        FirstStageFactory(rocket=launch.rocket, launcher=booster)

    stage = api.get(f"{LAUNCHES}{second.id}/").json()["rocket"]["launcher_stage"][0]

    assert stage["turn_around_time_days"] == 9


def test_a_boosters_flights_are_its_launches_that_have_flown(api):
    booster = LauncherFactory()
    outcomes = [LaunchStatus.SUCCESS, LaunchStatus.FAILURE, LaunchStatus.PARTIAL_FAILURE, LaunchStatus.GO]
    launches = [
        LaunchFactory(
            status=ll2_launch_status(status), net=datetime.datetime(2023, 1, day, tzinfo=datetime.UTC)
        )
        for day, status in enumerate(outcomes, start=1)
    ]
    for launch, success in zip(launches, [True, False, None, None], strict=True):
        FirstStageFactory(
            rocket=launch.rocket,
            launcher=booster,
            landing=LandingFactory(attempt=success is not None, success=success),
        )

    served = api.get(f"{LAUNCHES}{launches[-1].id}/").json()["rocket"]["launcher_stage"][0]["launcher"]

    # Flown: successful, failed or partially failed; the Go launch is not counted, nor its landing.
    assert [served[key] for key in ["flights", "attempted_landings", "successful_landings"]] == [3, 2, 1]
    assert served["first_launch_date"] == "2023-01-01T00:00:00Z"
    assert served["last_launch_date"] == "2023-01-03T00:00:00Z"


def test_a_stage_without_landing_serves_null(api):
    launch = LaunchFactory()
    FirstStageFactory(rocket=launch.rocket, landing=None)

    stage = api.get(f"{LAUNCHES}{launch.id}/").json()["rocket"]["launcher_stage"][0]

    assert stage["landing"] is None


# --- The boosters of a launch in the list mode -------------------------------------------------------


def _with_boosters(*landings):
    """A launch with a booster for each landing outcome given (True, False, None: not known yet; "none":
    a booster without landing)."""
    launch = LaunchFactory()
    for outcome in landings:
        landing = None if outcome == "none" else LandingFactory(success=outcome, location__abbrev="LZ-1")
        FirstStageFactory(rocket=launch.rocket, landing=landing)
    return launch


@pytest.mark.parametrize(
    ("landings", "landing", "landing_success"),
    [
        ((), None, None),
        (("none",), None, None),
        ((True,), "LZ-1", 1),
        ((False,), "LZ-1", 2),
        ((None,), "LZ-1", 0),
        ((True, True), "MX Landing", 1),
        ((True, False), "MX Landing", 3),
        ((True, None), "MX Landing", 3),
        ((False, None), "MX Landing", 2),
        ((None, None), "MX Landing", 0),
        ((True, "none"), "LZ-1", 1),
    ],
)
def test_list_mode_sums_up_the_landings_of_the_boosters(api, landings, landing, landing_success):
    _with_boosters(*landings)

    item = api.get(LAUNCHES, {"mode": "list"}).json()["results"][0]

    assert [item["landing"], item["landing_success"]] == [landing, landing_success]


@pytest.mark.parametrize(("boosters", "launcher"), [(0, None), (1, "B-one"), (3, "MX Launchers")])
def test_list_mode_names_the_booster(api, boosters, launcher):
    launch = LaunchFactory()
    for _ in range(boosters):
        FirstStageFactory(rocket=launch.rocket, launcher=LauncherFactory(serial_number="B-one"))

    item = api.get(LAUNCHES, {"mode": "list"}).json()["results"][0]

    assert item["launcher"] == launcher


# --- Upcoming and previous ---------------------------------------------------------------------------


@pytest.fixture
def around_now():
    """Launches at NETs around now, by name; one without NET."""
    now = timezone.now()
    offsets = {
        "in a week": 7 * DAY,
        "in a minute": datetime.timedelta(minutes=1),
        "a minute ago": -datetime.timedelta(minutes=1),
        "23h59 ago": -(DAY - datetime.timedelta(minutes=1)),
        "24h01 ago": -(DAY + datetime.timedelta(minutes=1)),
        "a year ago": -365 * DAY,
    }
    made = {name: LaunchFactory(name=name, net=now + offset).id for name, offset in offsets.items()}
    made["no NET"] = LaunchFactory(name="no NET", net=None, window_start=None, window_end=None).id
    return made


def names(response):
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["results"]]


def test_upcoming_holds_the_launches_from_24_hours_ago_on_soonest_first(api, around_now):
    assert names(api.get(UPCOMING)) == ["23h59 ago", "a minute ago", "in a minute", "in a week"]


def test_previous_holds_the_launches_whose_net_has_passed_most_recent_first(api, around_now):
    assert names(api.get(PREVIOUS)) == ["a minute ago", "23h59 ago", "24h01 ago", "a year ago"]


def test_launch_holds_them_all_by_net_those_without_last(api, around_now):
    assert names(api.get(LAUNCHES)) == [
        "a year ago",
        "24h01 ago",
        "23h59 ago",
        "a minute ago",
        "in a minute",
        "in a week",
        "no NET",
    ]


@pytest.mark.parametrize(("endpoint", "name"), [(UPCOMING, "24h01 ago"), (PREVIOUS, "in a minute")])
def test_a_launch_outside_upcoming_or_previous_has_no_detail_there(api, around_now, endpoint, name):
    assert api.get(f"{endpoint}{around_now[name]}/").status_code == 404


@pytest.mark.parametrize(("endpoint", "name"), [(UPCOMING, "in a minute"), (PREVIOUS, "a minute ago")])
def test_a_launch_in_upcoming_or_previous_has_its_detail_there(api, around_now, endpoint, name):
    response = api.get(f"{endpoint}{around_now[name]}/")

    assert response.status_code == 200
    assert response.json()["name"] == name


# --- Bad launch input --------------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("bad_id", ["not-a-uuid", "123", "c3a3c65b-5bd8-4181-8557-b693bf29936"])
def test_a_malformed_id_is_not_found(api, endpoint, bad_id):
    assert api.get(f"{endpoint}{bad_id}/").status_code == 404


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_id_is_not_found(api, endpoint):
    LaunchFactory(net=timezone.now())

    assert api.get(f"{endpoint}c3a3c65b-5bd8-4181-8557-b693bf299365/").status_code == 404


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_lists_are_read_only(api, endpoint):
    launch = LaunchFactory(net=timezone.now())

    assert api.post(endpoint, {}).status_code == 405
    assert api.put(f"{endpoint}{launch.id}/", {}).status_code == 405
    assert api.delete(f"{endpoint}{launch.id}/").status_code == 405
    assert Launch.objects.filter(pk=launch.pk).exists()


# --- launcher/ ---------------------------------------------------------------------------------------

LAUNCHERS = "/2.2.0/launcher/"


def test_flights_landings_and_dates_come_from_its_stages(api, boosters):
    detail = api.get(f"{LAUNCHERS}{boosters['B1058'].id}/").json()

    assert [detail[key] for key in ["flights", "attempted_landings", "successful_landings"]] == [3, 2, 1]
    assert [detail["first_launch_date"], detail["last_launch_date"]] == [
        "2023-01-01T00:00:00Z",
        "2023-01-03T00:00:00Z",
    ]


def test_a_booster_that_has_not_flown_has_no_flights(api, boosters):
    item = api.get(f"{LAUNCHERS}{boosters['B1000'].id}/").json()

    assert [
        item[key] for key in ["flights", "attempted_landings", "first_launch_date", "last_launch_date"]
    ] == [
        0,
        0,
        None,
        None,
    ]


def test_unknown_and_malformed_ids_are_not_found(api, boosters):
    assert api.get(f"{LAUNCHERS}2147483647/").status_code == 404
    assert api.get(f"{LAUNCHERS}B1058/").status_code == 404


def test_the_list_is_read_only(api, boosters):
    assert api.post(LAUNCHERS, {}).status_code == 405
    assert api.delete(f"{LAUNCHERS}{boosters['B1058'].id}/").status_code == 405


# --- config/launcher/ --------------------------------------------------------------------------------

LAUNCHER_CONFIGS = "/2.2.0/config/launcher/"

# LL2's `LauncherConfig` (the schema's key order).
LAUNCHER_CONFIG_NORMAL_KEYS = [
    "id",
    "url",
    "name",
    "manufacturer",
    "program",
    "family",
    "full_name",
    "variant",
    "reusable",
    "image_url",
    "info_url",
    "wiki_url",
]

# LL2's `LauncherConfigDetail`, late 2.2.0: the schema's keys with `active` and `reusable` after `name`.
LAUNCHER_CONFIG_DETAILED_KEYS = [
    "id",
    "url",
    "name",
    "active",
    "reusable",
    "description",
    "family",
    "full_name",
    "manufacturer",
    "program",
    "variant",
    "alias",
    "min_stage",
    "max_stage",
    "length",
    "diameter",
    "maiden_flight",
    "launch_cost",
    "launch_mass",
    "leo_capacity",
    "gto_capacity",
    "to_thrust",
    "apogee",
    "vehicle_range",
    "image_url",
    "info_url",
    "wiki_url",
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
]


def test_list_items_have_the_normal_shape(api):
    complete_launcher_config()

    item = api.get(LAUNCHER_CONFIGS).json()["results"][0]

    assert list(item) == LAUNCHER_CONFIG_NORMAL_KEYS
    assert list(item["manufacturer"])[:3] == ["id", "url", "name"]
    assert "parent" in item["manufacturer"]  # LL2's `Agency`, not the detailed common shape
    assert len(item["program"]) == 1


def test_detailed_list_items_and_the_detail_have_the_detailed_shape(api):
    config = complete_launcher_config()

    item = api.get(LAUNCHER_CONFIGS, {"mode": "detailed"}).json()["results"][0]
    detail = api.get(f"{LAUNCHER_CONFIGS}{config.id}/").json()

    assert list(item) == LAUNCHER_CONFIG_DETAILED_KEYS
    assert detail == item
    assert "total_launch_count" in detail["manufacturer"]  # LL2's `AgencySerializerDetailedCommon`
    assert "parent" not in detail["manufacturer"]


def test_the_detail_links_to_itself_and_its_manufacturer(api):
    config = complete_launcher_config()

    detail = api.get(f"{LAUNCHER_CONFIGS}{config.id}/").json()

    assert detail["url"] == f"http://testserver{LAUNCHER_CONFIGS}{config.id}/"
    assert detail["manufacturer"]["url"] == f"http://testserver/2.2.0/agencies/{config.manufacturer_id}/"


def test_a_configuration_without_manufacturer_serves_null(api):
    config = LauncherConfigFactory(manufacturer=None)

    assert api.get(f"{LAUNCHER_CONFIGS}{config.id}/").json()["manufacturer"] is None
    assert api.get(LAUNCHER_CONFIGS).json()["results"][0]["manufacturer"] is None


@pytest.mark.parametrize(
    ("mode", "keys"), [("normal", LAUNCHER_CONFIG_NORMAL_KEYS), ("detailed", LAUNCHER_CONFIG_DETAILED_KEYS)]
)
def test_mode_picks_the_shape_of_the_list(api, configs, mode, keys):
    assert list(api.get(LAUNCHER_CONFIGS, {"mode": mode}).json()["results"][0]) == keys


def test_counters_are_served_as_stored_not_derived_from_our_launches(api):
    # A mirror holds part of LL2's history: its launches must not change LL2's totals.
    config = LauncherConfigFactory(
        total_launch_count=41,
        consecutive_successful_launches=37,
        successful_launches=38,
        failed_launches=3,
        pending_launches=8,
    )
    launches_of(config, LaunchStatus.FAILURE, LaunchStatus.GO)

    detail = api.get(f"{LAUNCHER_CONFIGS}{config.id}/").json()

    assert [detail[key] for key in LAUNCHER_CONFIG_COUNTERS] == [41, 37, 38, 3, 8]


def test_unknown_counters_are_null(api):
    config = LauncherConfigFactory(**dict.fromkeys(LAUNCHER_CONFIG_COUNTERS))

    detail = api.get(f"{LAUNCHER_CONFIGS}{config.id}/").json()

    assert [detail[key] for key in LAUNCHER_CONFIG_COUNTERS] == [None] * len(LAUNCHER_CONFIG_COUNTERS)


@pytest.mark.parametrize("path", ["999999/", "abc/", "2147483648/", "-1/"])
def test_unknown_or_malformed_launcher_config_ids_are_404(api, configs, path):
    assert api.get(f"{LAUNCHER_CONFIGS}{path}").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_launcher_config_endpoint_is_read_only(api, configs, method):
    assert getattr(api, method)(LAUNCHER_CONFIGS).status_code == 405
    assert getattr(api, method)(f"{LAUNCHER_CONFIGS}{configs[0].id}/").status_code == 405


# --- pad/ and location/ ------------------------------------------------------------------------------

PADS = "/2.2.0/pad/"
LOCATIONS = "/2.2.0/location/"


def test_a_location_without_pads_lists_none(api):
    location = LocationFactory()

    assert api.get(f"{LOCATIONS}{location.id}/").json()["pads"] == []


def test_the_location_list_has_no_mode_a_detailed_one_stays_a_list(api):
    PadFactory()

    # LL2's locations have no `mode`: like any parameter the endpoint does not know, it is ignored.
    for mode in ("detailed", "bogus"):
        response = api.get(LOCATIONS, {"mode": mode})
        assert response.status_code == 200
        assert list(response.json()["results"][0]) == LOCATION_KEYS


def test_pads_have_no_mode(api):
    PadFactory()

    response = api.get(PADS, {"mode": "bogus"})

    assert response.status_code == 200
    assert list(response.json()["results"][0]) == PAD_KEYS


@pytest.mark.parametrize("base", [PADS, LOCATIONS])
@pytest.mark.parametrize("path", ["999999/", "abc/", "2147483648/", "1.5/"])
def test_unknown_or_malformed_pad_and_location_ids_are_404(api, pads, base, path):
    assert api.get(f"{base}{path}").status_code == 404


@pytest.mark.parametrize("base", [PADS, LOCATIONS])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_endpoints_are_read_only(api, pads, base, method):
    detail = f"{base}{pads[0].id if base == PADS else pads[0].location_id}/"

    assert getattr(api, method)(base).status_code == 405
    assert getattr(api, method)(detail).status_code == 405


# --- program/ ----------------------------------------------------------------------------------------

PROGRAMS = "/2.2.0/program/"


def test_mission_patches_are_listed_by_priority(api):
    program = ProgramFactory(
        mission_patches=[
            MissionPatchFactory(name="Later", priority=2),
            MissionPatchFactory(name="First", priority=1),
        ]
    )

    detail = api.get(f"{PROGRAMS}{program.id}/").json()

    assert [patch["name"] for patch in detail["mission_patches"]] == ["First", "Later"]
    assert list(detail["mission_patches"][0]) == ["id", "name", "priority", "image_url", "agency"]


@pytest.mark.parametrize("path", ["999999/", "abc/", "2147483648/"])
def test_unknown_or_malformed_program_ids_are_404(api, programs, path):
    assert api.get(f"{PROGRAMS}{path}").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_program_endpoint_is_read_only(api, programs, method):
    assert getattr(api, method)(PROGRAMS).status_code == 405
    assert getattr(api, method)(f"{PROGRAMS}{programs[0].id}/").status_code == 405


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_launch_id_matches_in_any_case(api, endpoint):
    launch = LaunchFactory(net=timezone.now())

    response = api.get(f"{endpoint}{str(launch.id).upper()}/")

    assert response.status_code == 200
    assert response.json()["id"] == str(launch.id)


# --- updates/ ------------------------------------------------------------------------------------------

UPDATES = "/2.2.0/updates/"


def test_updates_are_ll2_s_update_newest_first(api, ll2_schema):
    older = UpdateFactory(created_on=at(2021, 1, 1))
    newer = UpdateFactory(launch=None, created_on=at(2021, 2, 1))

    page = api.get(UPDATES).json()

    assert [item["id"] for item in page["results"]] == [newer.id, older.id]
    assert list(page["results"][0]) == [
        "id",
        "profile_image",
        "comment",
        "info_url",
        "created_by",
        "created_on",
    ]
    assert errors(ll2_schema, "PaginatedUpdateList", {**page, "results": []}) == []
    for item in page["results"]:
        assert errors(ll2_schema, "Update", item) == []
    assert api.get(f"{UPDATES}{older.id}/").json() == page["results"][1]


def test_a_launch_lists_its_updates_and_updates_lists_them_too(api):
    update = UpdateFactory()

    launch = api.get(f"/2.2.0/launch/{update.launch_id}/").json()

    assert launch["updates"] == [api.get(f"{UPDATES}{update.id}/").json()]


# --- one mission, many launches ------------------------------------------------------------------------


def test_launches_may_share_a_mission(api):
    # LL2 gives the test launches of a programme one mission (its first page of `launch/` has them).
    mission = MissionFactory()
    first, second = LaunchFactory(mission=mission), LaunchFactory(mission=mission)

    shown = [api.get(f"/2.2.0/launch/{launch.id}/").json()["mission"] for launch in (first, second)]

    assert shown[0] == shown[1]
    assert shown[0]["id"] == mission.id
    assert set(mission.launches.all()) == {first, second}
