"""The launch lists (`launch/`, `launch/upcoming/`, `launch/previous/`) and the launch detail: the shape of
each mode against LL2's payloads and schema, what upcoming and previous hold, the boosters and the
spacecraft flight of a detail, query counts and bad input. The filters are in test_launch_filters.py."""

import copy
import datetime
import json

import pytest
from django.utils import timezone
from openapi_schema_validator import OAS30ReadValidator

from launches.models import FirstStage, Launch, LaunchStatus, NetPrecision, Update
from tests.factories import (
    FirstStageFactory,
    InfoURLFactory,
    LandingFactory,
    LauncherFactory,
    LaunchFactory,
    MissionPatchFactory,
    ProgramFactory,
    SpacecraftFlightFactory,
    UpdateFactory,
    VidURLFactory,
    complete_launch,
    ll2_launch,
    ll2_launch_status,
    reset_sequences,
)
from tests.helpers import LL2, errors, normalise_links, ordered, restricted_to, whole_floats_as_ints

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/launch/"
UPCOMING = "/2.2.0/launch/upcoming/"
PREVIOUS = "/2.2.0/launch/previous/"
ENDPOINTS = [LIST, UPCOMING, PREVIOUS]
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
LL2_DEV_BASE = "https://lldev.thespacedevs.com/2.2.0/"

# `?mode=list`: our choice of LL2's short launch (see LaunchListSerializer).
LIST_KEYS = [
    "id",
    "url",
    "slug",
    "name",
    "status",
    "last_updated",
    "net",
    "window_end",
    "window_start",
    "net_precision",
    "probability",
    "holdreason",
    "failreason",
    "hashtag",
    "lsp_name",
    "mission",
    "mission_type",
    "pad",
    "location",
    "landing",
    "landing_success",
    "launcher",
    "orbit",
    "image",
    "infographic",
    "type",
]
# `?mode=detailed` and the detail: tests/ll2/launch-electron-capstone.json's keys (2022), with the fields
# LL2 added to 2.2.0 later where the normal shape of the contract has them.
DETAILED_KEYS = [
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


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def as_ours(payload):
    """A payload of LL2's development server with its links made the test server's."""
    text = json.dumps(payload, ensure_ascii=False).replace(LL2_DEV_BASE, "http://testserver/2.2.0/")
    return json.loads(text)


# --- The normal and list shapes, from a real launch --------------------------------------------------


@pytest.fixture
def ng19():
    """Antares 230+ | Cygnus CRS-2 NG-19 (LL2's upcoming page of Aug 2023, the first launch), built with
    LL2's ids and values, and its payload."""
    payload = json.loads((LL2 / "launches-upcoming-page1.json").read_text())["results"][0]
    launch = ll2_launch(payload)
    reset_sequences()
    # After the reset: PostgreSQL's sequences start at 1, and LL2's "Second" is NET precision 0.
    launch.net_precision = NetPrecision.objects.create(**payload["net_precision"])
    launch.save()
    return payload


def test_a_normal_list_item_is_ll2s_launch(api, ng19):
    served = api.get(LIST).json()["results"][0]

    kept, later = restricted_to(served, as_ours(ng19))
    # What the contract (2023, later than this page) has and this page does not: the descriptions of the
    # pad and its location (null and empty here: the page does not know them), and `type`, the name of the
    # shape.
    assert later == {"pad.description", "pad.location.description", "type"}
    assert [served["pad"]["description"], served["pad"]["location"]["description"]] == [None, ""]
    assert served["type"] == "normal"
    assert ordered(kept) == ordered(as_ours(ng19))


def test_a_list_mode_item_is_the_short_launch(api, ng19):
    served = api.get(LIST, {"mode": "list"}).json()["results"][0]

    real = as_ours(ng19)
    expected = {key: real[key] for key in LIST_KEYS[:14]}
    expected.update(
        lsp_name="Northrop Grumman Space Systems",
        mission="Cygnus CRS-2 NG-19",
        mission_type="Resupply",
        pad="Launch Area 0 A",
        location="Wallops Island, Virginia, USA",
        # No booster is recorded for this launch.
        landing=None,
        landing_success=None,
        launcher=None,
        orbit="Low Earth Orbit",
        image=real["image"],
        infographic=None,
        type="list",
    )
    assert ordered(served) == ordered(expected)


def test_a_list_mode_item_without_mission_or_pad_names_none(api):
    LaunchFactory(mission=None, pad=None, launch_service_provider=None)

    served = api.get(LIST, {"mode": "list"}).json()["results"][0]

    assert [served[key] for key in ["lsp_name", "mission", "mission_type", "pad", "location", "orbit"]] == [
        None
    ] * 6


@pytest.mark.parametrize(
    ("mode", "keys"),
    [("list", LIST_KEYS), ("detailed", DETAILED_KEYS)],
)
def test_each_mode_serves_its_shape(api, mode, keys):
    complete_launch()

    for item in api.get(LIST, {"mode": mode}).json()["results"]:
        assert list(item) == keys


def test_the_default_mode_is_normal(api, contract):
    complete_launch()

    for item in api.get(LIST).json()["results"]:
        assert list(item) == list(contract["launch"])


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_detail_is_the_detailed_shape_whatever_the_mode(api, endpoint):
    launch = complete_launch(net=timezone.now() - HOUR)

    detail = api.get(f"{endpoint}{launch.id}/", {"mode": "list"}).json()

    assert list(detail) == DETAILED_KEYS
    assert detail["type"] == "detailed"
    assert detail["url"] == f"http://testserver/2.2.0/launch/{launch.id}/"


# --- The detailed shape, from a real launch ----------------------------------------------------------


@pytest.fixture
def capstone():
    """Electron | CAPSTONE (LL2's detail of June 2022), built with LL2's ids and values, and its payload."""
    payload = json.loads((LL2 / "launch-electron-capstone.json").read_text())
    ll2_launch(payload)
    reset_sequences()
    return payload


def test_the_detail_is_ll2s_launch_detail(api, capstone):
    served = whole_floats_as_ints(api.get(f"{LIST}{capstone['id']}/").json())

    expected = normalise_links(capstone)
    kept, later = restricted_to(served, expected)
    # The fields LL2 added to 2.2.0 after June 2022 (the contract and the 2023 upcoming page have them).
    assert later == {
        "net_precision",
        "weather_concerns",
        "type",
        "pad.description",
        "pad.country_code",
        "pad.orbital_launch_attempt_count",
        "pad.location.description",
        "pad.location.timezone_name",
        "rocket.configuration.active",
        "rocket.configuration.reusable",
    }
    assert ordered(kept) == ordered(expected)


def test_the_real_detail_validates(api, ll2_schema, capstone):
    detail = api.get(f"{LIST}{capstone['id']}/").json()

    assert errors(ll2_schema, "LaunchDetailed", detail) == []


def test_updates_are_newest_first(api):
    launch = LaunchFactory()
    older = UpdateFactory(launch=launch, created_on=launch.net - 2 * DAY)
    newer = UpdateFactory(launch=launch, created_on=launch.net - DAY)

    detail = api.get(f"{LIST}{launch.id}/").json()

    assert [update["id"] for update in detail["updates"]] == [newer.id, older.id]


def test_links_and_patches_are_in_priority_order(api):
    launch = LaunchFactory()
    second = VidURLFactory(launch=launch, priority=20)
    first = VidURLFactory(launch=launch, priority=10)
    InfoURLFactory(launch=launch, priority=5, url="https://example.org/b")
    InfoURLFactory(launch=launch, priority=1, url="https://example.org/a")
    launch.mission_patches.set([MissionPatchFactory(priority=2, name="B"), MissionPatchFactory(priority=1)])

    detail = api.get(f"{LIST}{launch.id}/").json()

    assert [link["url"] for link in detail["vidURLs"]] == [first.url, second.url]
    assert [link["url"] for link in detail["infoURLs"]] == ["https://example.org/a", "https://example.org/b"]
    assert [patch["priority"] for patch in detail["mission_patches"]] == [1, 2]


# --- The rocket of a detail: boosters and spacecraft flight -------------------------------------------


def test_the_spacecraft_stage_is_the_flight_detail_without_its_launch(api):
    launch = complete_launch()
    flight = launch.spacecraft_flights.get()

    stage = api.get(f"{LIST}{launch.id}/").json()["rocket"]["spacecraft_stage"]

    flight_detail = api.get(f"/2.2.0/spacecraft/flight/{flight.id}/").json()
    assert ordered(stage) == ordered({key: value for key, value in flight_detail.items() if key != "launch"})


def test_a_launch_without_spacecraft_has_a_null_spacecraft_stage(api):
    launch = LaunchFactory()

    rocket = api.get(f"{LIST}{launch.id}/").json()["rocket"]

    assert rocket["spacecraft_stage"] is None
    assert rocket["launcher_stage"] == []


def test_the_spacecraft_stage_is_the_first_of_several_flights(api):
    launch = LaunchFactory()
    first = SpacecraftFlightFactory(launch=launch)
    SpacecraftFlightFactory(launch=launch)

    stage = api.get(f"{LIST}{launch.id}/").json()["rocket"]["spacecraft_stage"]

    assert stage["id"] == first.id


@pytest.fixture
def reflown():
    """A booster on its second flight (the launch returned), 30 days after its first."""
    return complete_launch(net=datetime.datetime(2023, 3, 1, 12, tzinfo=datetime.UTC))


def test_a_launcher_stage_is_ll2s_first_stage(api, ll2_schema, reflown):
    stage = FirstStage.objects.get(rocket=reflown.rocket)
    earlier = Launch.objects.get(rocket__launcher_stages__launcher=stage.launcher, net__lt=reflown.net)

    served = api.get(f"{LIST}{reflown.id}/").json()["rocket"]["launcher_stage"]

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

    served = api.get(f"{LIST}{reflown.id}/").json()["rocket"]["launcher_stage"][0]["launcher"]

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

    stage = api.get(f"{LIST}{first.id}/").json()["rocket"]["launcher_stage"][0]

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

    stage = api.get(f"{LIST}{second.id}/").json()["rocket"]["launcher_stage"][0]

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

    served = api.get(f"{LIST}{launches[-1].id}/").json()["rocket"]["launcher_stage"][0]["launcher"]

    # Flown: successful, failed or partially failed; the Go launch is not counted, nor its landing.
    assert [served[key] for key in ["flights", "attempted_landings", "successful_landings"]] == [3, 2, 1]
    assert served["first_launch_date"] == "2023-01-01T00:00:00Z"
    assert served["last_launch_date"] == "2023-01-03T00:00:00Z"


def test_a_stage_without_landing_serves_null(api):
    launch = LaunchFactory()
    FirstStageFactory(rocket=launch.rocket, landing=None)

    stage = api.get(f"{LIST}{launch.id}/").json()["rocket"]["launcher_stage"][0]

    assert stage["landing"] is None


# --- The boosters in the list mode --------------------------------------------------------------------


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

    item = api.get(LIST, {"mode": "list"}).json()["results"][0]

    assert [item["landing"], item["landing_success"]] == [landing, landing_success]


@pytest.mark.parametrize(("boosters", "launcher"), [(0, None), (1, "B-one"), (3, "MX Launchers")])
def test_list_mode_names_the_booster(api, boosters, launcher):
    launch = LaunchFactory()
    for _ in range(boosters):
        FirstStageFactory(rocket=launch.rocket, launcher=LauncherFactory(serial_number="B-one"))

    item = api.get(LIST, {"mode": "list"}).json()["results"][0]

    assert item["launcher"] == launcher


# --- The schema ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def launch_schema(ll2_schema):
    """LL2's schema, with a landing location's `successful_landings` an integer: LL2's 2.2.0 schema types
    it as a string (drf-spectacular's guess for a computed field), while the landing location stores a
    count and LL2's later schema declares it an int. The stages of a launch detail are the first payloads
    here to embed a landing location with one."""
    document = copy.deepcopy(ll2_schema)
    document["components"]["schemas"]["LandingLocation"]["properties"]["successful_landings"] = {
        "type": "integer",
        "nullable": True,
    }
    return document


@pytest.fixture
def second_flights():
    """Three complete launches, each its booster's second flight, all NET in the past."""
    now = timezone.now()
    return [complete_launch(net=now - index * DAY - HOUR) for index in range(3)]


def page_of_second_flights(api, endpoint, mode):
    # The newest first: the three launches of `second_flights`, not their boosters' first flights, whose
    # stage has no previous flight (LL2's schema has no null for it, and no real payload shows one).
    return api.get(endpoint, {"mode": mode, "ordering": "-net", "limit": 3}).json()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("mode", "component"), [("normal", "LaunchSerializerCommon"), ("detailed", "LaunchDetailed")]
)
def test_list_pages_validate(api, launch_schema, second_flights, endpoint, mode, component):
    page = page_of_second_flights(api, endpoint, mode)

    assert errors(launch_schema, "PaginatedLaunchSerializerCommonList", {**page, "results": []}) == []
    assert len(page["results"]) >= 1
    for item in page["results"]:
        assert errors(launch_schema, component, item) == []


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_list_mode_items_validate_where_they_share_fields_with_ll2s_launch(
    api, ll2_schema, second_flights, endpoint
):
    # LL2's schema does not describe `?mode=list`: its fields that LaunchSerializerCommon has too must
    # validate against that component's definitions.
    common = ll2_schema["components"]["schemas"]["LaunchSerializerCommon"]["properties"]
    # Not `mission` and `pad`: the short launch names them, the normal one embeds them.
    shared = [key for key in LIST_KEYS if key in common and key not in {"mission", "pad"}]
    schema = {
        "type": "object",
        "properties": {key: common[key] for key in shared},
        "required": shared,
        "components": ll2_schema["components"],
    }
    page = page_of_second_flights(api, endpoint, "list")

    assert len(shared) == 15
    for item in page["results"]:
        assert list(OAS30ReadValidator(schema).iter_errors(item)) == []


def test_the_detail_validates(api, launch_schema, second_flights):
    detail = api.get(f"{LIST}{second_flights[0].id}/").json()

    assert errors(launch_schema, "LaunchDetailed", detail) == []


def test_the_schema_check_catches_a_wrong_detail(ll2_schema):
    wrong = {"id": "c3a3c65b-5bd8-4181-8557-b693bf299365", "rocket": {"id": 1, "launcher_stage": {}}}

    problems = errors(ll2_schema, "LaunchDetailed", wrong)

    assert any(problem.startswith("rocket/launcher_stage:") for problem in problems)
    assert any("'updates' is a required property" in problem for problem in problems)


# --- Upcoming and previous ----------------------------------------------------------------------------


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
    assert names(api.get(LIST)) == [
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


# --- Bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_mode_is_refused(api, endpoint):
    response = api.get(endpoint, {"mode": "short"})

    assert response.status_code == 400
    assert response.json()["parameters"] == ["mode"]


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


# --- Query counts -------------------------------------------------------------------------------------

# list: the count, and the page (relations joined, the boosters summed up in subqueries).
LIST_QUERIES = 2
# normal: the count, the page, and the programmes with their agencies and mission patches.
NORMAL_QUERIES = 5
# detailed: the count, the page; the configuration and its programmes (3); the stages and their boosters;
# the programmes (3); updates, info and video links, mission patches; the spacecraft flights, their
# spacecraft, docking events, and three crews with their astronauts (2 each).
DETAILED_QUERIES = 24
# a detail: the detailed list without the count.
DETAIL_QUERIES = 23


@pytest.fixture
def populated():
    """Launches with every relation populated (their configurations have a programme too), NET in the
    past and in the coming days, so that each list holds several."""
    now = timezone.now()
    launches = [complete_launch(net=now + offset * DAY - HOUR) for offset in (-2, -1, 0, 1, 2)]
    for launch in Launch.objects.all():
        launch.rocket.configuration.program.set([ProgramFactory()])
    return launches


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("mode", "queries"), [("list", LIST_QUERIES), ("normal", NORMAL_QUERIES), ("detailed", DETAILED_QUERIES)]
)
@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(
    api, populated, django_assert_num_queries, endpoint, mode, queries, limit
):
    # The newest first, so that a page of one holds a launch with all its parts (not a booster's first
    # flight, which has no previous flight to fetch anyway).
    with django_assert_num_queries(queries):
        page = api.get(endpoint, {"mode": mode, "limit": limit, "ordering": "-net"}).json()

    assert len(page["results"]) == min(limit, page["count"])
    assert page["count"] > 1


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_detail_queries(api, populated, django_assert_num_queries, endpoint):
    with django_assert_num_queries(DETAIL_QUERIES):
        response = api.get(f"{endpoint}{populated[2].id}/")

    assert response.status_code == 200


def test_the_detail_needs_no_query_per_update_or_link(api, populated, django_assert_num_queries):
    launch = populated[2]
    for _ in range(3):
        UpdateFactory(launch=launch)
        InfoURLFactory(launch=launch)
        VidURLFactory(launch=launch)
    FirstStageFactory(rocket=launch.rocket)

    with django_assert_num_queries(DETAIL_QUERIES):
        detail = api.get(f"{LIST}{launch.id}/").json()

    assert [len(detail["updates"]), len(detail["rocket"]["launcher_stage"])] == [
        Update.objects.filter(launch=launch).count(),
        2,
    ]
