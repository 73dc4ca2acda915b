"""Every launch endpoint runs a fixed number of queries, whatever the page size (literal numbers).

The endpoints: `launch/` (with `launch/upcoming/` and `launch/previous/`), `launcher/`, `config/launcher/`,
`pad/`, `location/` and `program/`.
"""

import datetime

import pytest
from django.utils import timezone

from launches.models import Launch, Update
from tests.factories import (
    AgencyFactory,
    FirstStageFactory,
    InfoURLFactory,
    LauncherFactory,
    LocationFactory,
    MissionPatchFactory,
    ProgramFactory,
    UpdateFactory,
    VidURLFactory,
    booster_flight,
    complete_launch,
    complete_launcher_config,
    complete_pad,
)

# The queries of the selectors, which the compiled serializers read (on SQLite, in the browsable API);
# on PostgreSQL the database writes most payloads in one statement (tests/spacedevs/test_sqljson.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("python_payloads")]


# --- launch/, launch/upcoming/, launch/previous/ -----------------------------------------------------

LAUNCHES = "/2.2.0/launch/"
UPCOMING = "/2.2.0/launch/upcoming/"
PREVIOUS = "/2.2.0/launch/previous/"
ENDPOINTS = [LAUNCHES, UPCOMING, PREVIOUS]
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)

# list: the count, and the page (relations joined, the boosters summed up in subqueries).
LAUNCH_LIST_QUERIES = 2

# normal: the count, the page, and the programmes with their agencies and mission patches.
LAUNCH_NORMAL_QUERIES = 5

# detailed: the count, the page; the configuration and its programmes (3); the stages and their boosters;
# the programmes (3); updates, info and video links, mission patches; the spacecraft flights, their
# spacecraft, docking events, and three crews with their astronauts (2 each).
LAUNCH_DETAILED_QUERIES = 24

# a detail: the detailed list without the count.
LAUNCH_DETAIL_QUERIES = 23


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
    ("mode", "queries"),
    [("list", LAUNCH_LIST_QUERIES), ("normal", LAUNCH_NORMAL_QUERIES), ("detailed", LAUNCH_DETAILED_QUERIES)],
)
@pytest.mark.parametrize("limit", [1, 100])
def test_launch_list_queries_do_not_grow_with_the_page(
    api, populated, django_assert_num_queries, endpoint, mode, queries, limit
):
    # The newest first, so that a page of one holds a launch with all its parts (not a booster's first
    # flight, which has no previous flight to fetch anyway).
    with django_assert_num_queries(queries):
        page = api.get(endpoint, {"mode": mode, "limit": limit, "ordering": "-net"}).json()

    assert len(page["results"]) == min(limit, page["count"])
    assert page["count"] > 1


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_launch_detail_queries(api, populated, django_assert_num_queries, endpoint):
    with django_assert_num_queries(LAUNCH_DETAIL_QUERIES):
        response = api.get(f"{endpoint}{populated[2].id}/")

    assert response.status_code == 200


def test_the_detail_needs_no_query_per_update_or_link(api, populated, django_assert_num_queries):
    launch = populated[2]
    for _ in range(3):
        UpdateFactory(launch=launch)
        InfoURLFactory(launch=launch)
        VidURLFactory(launch=launch)
    FirstStageFactory(rocket=launch.rocket)

    with django_assert_num_queries(LAUNCH_DETAIL_QUERIES):
        detail = api.get(f"{LAUNCHES}{launch.id}/").json()

    assert [len(detail["updates"]), len(detail["rocket"]["launcher_stage"])] == [
        Update.objects.filter(launch=launch).count(),
        2,
    ]


# --- launcher/ ---------------------------------------------------------------------------------------

LAUNCHERS = "/2.2.0/launcher/"

# list: the count and the page (configuration joined, statistics in subqueries).
LAUNCHER_LIST_QUERIES = 2

# detailed: the count, the page, the configurations (with counters and manufacturer), their programmes with
# their agencies and mission patches.
LAUNCHER_DETAILED_QUERIES = 6

# a detail: the detailed list without the count.
LAUNCHER_DETAIL_QUERIES = 5


@pytest.fixture
def flown_boosters():
    boosters = []
    for index in range(4):
        booster = LauncherFactory()
        booster.launcher_config.program.set([ProgramFactory()])
        booster_flight(booster, day=index + 1)
        boosters.append(booster)
    return boosters


@pytest.mark.parametrize(
    ("mode", "queries"), [("normal", LAUNCHER_LIST_QUERIES), ("detailed", LAUNCHER_DETAILED_QUERIES)]
)
@pytest.mark.parametrize("limit", [1, 100])
def test_launcher_list_queries_do_not_grow_with_the_page(
    api, flown_boosters, django_assert_num_queries, mode, queries, limit
):
    with django_assert_num_queries(queries):
        page = api.get(LAUNCHERS, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, len(flown_boosters))


def test_launcher_detail_queries(api, flown_boosters, django_assert_num_queries):
    with django_assert_num_queries(LAUNCHER_DETAIL_QUERIES):
        response = api.get(f"{LAUNCHERS}{flown_boosters[0].id}/")

    assert response.status_code == 200


# --- config/launcher/ --------------------------------------------------------------------------------

LAUNCHER_CONFIGS = "/2.2.0/config/launcher/"

# A page: count, configurations (with manufacturer), programmes, their agencies,
# their mission patches; in both modes. The detail: the same without the count.
LAUNCHER_CONFIG_LIST_QUERIES = 5
LAUNCHER_CONFIG_DETAIL_QUERIES = 4


@pytest.fixture
def many_configs():
    return [complete_launcher_config() for _ in range(12)]


@pytest.mark.parametrize("mode", ["normal", "detailed"])
@pytest.mark.parametrize("limit", [1, 100])
def test_launcher_config_list_queries_do_not_grow_with_the_page(
    api, many_configs, django_assert_num_queries, mode, limit
):
    with django_assert_num_queries(LAUNCHER_CONFIG_LIST_QUERIES):
        page = api.get(LAUNCHER_CONFIGS, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, len(many_configs))


def test_launcher_config_detail_queries(api, many_configs, django_assert_num_queries):
    with django_assert_num_queries(LAUNCHER_CONFIG_DETAIL_QUERIES):
        response = api.get(f"{LAUNCHER_CONFIGS}{many_configs[0].id}/")

    assert response.status_code == 200


# --- pad/ and location/ ------------------------------------------------------------------------------

PADS = "/2.2.0/pad/"
LOCATIONS = "/2.2.0/location/"

# Pads: the count, then the pads joined with their location; the detail: the pad with its location.
PAD_LIST_QUERIES = 2
PAD_DETAIL_QUERIES = 1

# Locations: the count, then the locations; the detail: the location, then its pads.
LOCATION_LIST_QUERIES = 2
LOCATION_DETAIL_QUERIES = 2


@pytest.fixture
def many_pads():
    """Twelve locations with two pads each."""
    return [
        complete_pad(location=location) for location in LocationFactory.create_batch(12) for _ in range(2)
    ]


@pytest.mark.parametrize("limit", [1, 100])
def test_pad_list_queries_do_not_grow_with_the_page(api, many_pads, django_assert_num_queries, limit):
    with django_assert_num_queries(PAD_LIST_QUERIES):
        page = api.get(PADS, {"limit": limit}).json()

    assert len(page["results"]) == min(limit, len(many_pads))


def test_pad_detail_queries(api, many_pads, django_assert_num_queries):
    with django_assert_num_queries(PAD_DETAIL_QUERIES):
        response = api.get(f"{PADS}{many_pads[0].id}/")

    assert response.status_code == 200


@pytest.mark.parametrize("limit", [1, 100])
def test_location_list_queries_do_not_grow_with_the_page(api, many_pads, django_assert_num_queries, limit):
    with django_assert_num_queries(LOCATION_LIST_QUERIES):
        page = api.get(LOCATIONS, {"limit": limit}).json()

    assert len(page["results"]) == min(limit, 12)


def test_location_detail_queries(api, many_pads, django_assert_num_queries):
    with django_assert_num_queries(LOCATION_DETAIL_QUERIES):
        response = api.get(f"{LOCATIONS}{many_pads[0].location_id}/")

    assert len(response.json()["pads"]) == 2


# --- program/ ----------------------------------------------------------------------------------------

PROGRAMS = "/2.2.0/program/"

# A page: the count, the programmes, their agencies, their mission patches; the detail: the same
# without the count.
PROGRAM_LIST_QUERIES = 4
PROGRAM_DETAIL_QUERIES = 3


@pytest.fixture
def many_programs():
    return [
        ProgramFactory(
            agencies=AgencyFactory.create_batch(2), mission_patches=MissionPatchFactory.create_batch(2)
        )
        for _ in range(12)
    ]


@pytest.mark.parametrize("limit", [1, 100])
def test_program_list_queries_do_not_grow_with_the_page(api, many_programs, django_assert_num_queries, limit):
    with django_assert_num_queries(PROGRAM_LIST_QUERIES):
        page = api.get(PROGRAMS, {"limit": limit}).json()

    assert len(page["results"]) == min(limit, len(many_programs))


def test_program_detail_queries(api, many_programs, django_assert_num_queries):
    with django_assert_num_queries(PROGRAM_DETAIL_QUERIES):
        response = api.get(f"{PROGRAMS}{many_programs[0].id}/")

    assert len(response.json()["mission_patches"]) == 2


# --- updates/ ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [1, 100])
def test_the_update_list_is_its_count_and_its_page(api, django_assert_num_queries, limit):
    for _ in range(3):
        UpdateFactory()

    with django_assert_num_queries(2):
        assert api.get("/2.2.0/updates/", {"limit": limit}).json()["results"]


def test_an_update_detail_is_one_query(api, django_assert_num_queries):
    update = UpdateFactory()

    with django_assert_num_queries(1):
        assert api.get(f"/2.2.0/updates/{update.id}/").status_code == 200
