"""The launch endpoints' lists and details validate against LL2's own OpenAPI schema (tests/ll2/).

With the corrections about null that LL2's payloads prove (tests.helpers.NULLABLE_IN_PRACTICE). The
endpoints: `launch/` (with `launch/upcoming/` and `launch/previous/`), `launcher/`, `config/launcher/`,
`pad/`, `location/` and `program/`.
"""

import datetime

import pytest
from django.utils import timezone
from openapi_schema_validator import OAS30ReadValidator

from launches.models import LaunchStatus
from tests.factories import (
    complete_launch,
    launches_of,
)
from tests.helpers import (
    LAUNCH_LIST_KEYS,
    component_keys,
    errors,
)

pytestmark = pytest.mark.django_db


# --- launch/, launch/upcoming/, launch/previous/ -----------------------------------------------------

LAUNCHES = "/2.2.0/launch/"
UPCOMING = "/2.2.0/launch/upcoming/"
PREVIOUS = "/2.2.0/launch/previous/"
ENDPOINTS = [LAUNCHES, UPCOMING, PREVIOUS]
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture(scope="module")
def launch_schema(ll2_schema_corrected):
    """LL2's schema, with a landing location's `successful_landings` an integer (see
    `tests.helpers.TYPED_IN_PRACTICE`): the stages of a launch detail embed landing locations."""
    return ll2_schema_corrected


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
def test_launch_list_pages_validate(api, launch_schema, second_flights, endpoint, mode, component):
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
    shared = [key for key in LAUNCH_LIST_KEYS if key in common and key not in {"mission", "pad"}]
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
    detail = api.get(f"{LAUNCHES}{second_flights[0].id}/").json()

    assert errors(launch_schema, "LaunchDetailed", detail) == []


def test_the_schema_check_catches_a_wrong_detail(ll2_schema):
    wrong = {"id": "c3a3c65b-5bd8-4181-8557-b693bf299365", "rocket": {"id": 1, "launcher_stage": {}}}

    problems = errors(ll2_schema, "LaunchDetailed", wrong)

    assert any(problem.startswith("rocket/launcher_stage:") for problem in problems)
    assert any("'updates' is a required property" in problem for problem in problems)


# --- launcher/ ---------------------------------------------------------------------------------------

LAUNCHERS = "/2.2.0/launcher/"


def test_list_items_are_ll2s_launcher(api, ll2_schema, boosters):
    page = api.get(LAUNCHERS).json()

    assert errors(ll2_schema, "PaginatedLauncherList", {**page, "results": []}) == []
    for item in page["results"]:
        assert list(item) == component_keys(ll2_schema, "Launcher")
        assert errors(ll2_schema, "Launcher", item) == []


@pytest.mark.parametrize("path", ["{id}/", "?mode=detailed"])
def test_the_detail_and_a_detailed_list_are_ll2s_launcher_detail(api, ll2_schema, boosters, path):
    booster = boosters["B1058"]
    response = api.get(LAUNCHERS + path.format(id=booster.id)).json()

    configuration = api.get(f"/2.2.0/config/launcher/{booster.launcher_config_id}/").json()
    for item in response.get("results", [response]):
        assert list(item) == component_keys(ll2_schema, "LauncherDetail")
        assert errors(ll2_schema, "LauncherDetail", item) == []
    assert response.get("results", [response])[0]["launcher_config"] == configuration


# --- config/launcher/ --------------------------------------------------------------------------------

LAUNCHER_CONFIGS = "/2.2.0/config/launcher/"


@pytest.mark.parametrize(
    ("mode", "component"), [("normal", "LauncherConfig"), ("detailed", "LauncherConfigDetail")]
)
def test_launcher_config_list_pages_validate(api, ll2_schema, configs, mode, component):
    page = api.get(LAUNCHER_CONFIGS, {"mode": mode, "limit": 2}).json()

    assert errors(ll2_schema, "PaginatedLauncherConfigList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for item in page["results"]:
        assert errors(ll2_schema, component, item) == []


def test_launcher_config_detail_validates(api, ll2_schema, configs):
    launches_of(configs[0], LaunchStatus.SUCCESS)

    detail = api.get(f"{LAUNCHER_CONFIGS}{configs[0].id}/").json()

    assert errors(ll2_schema, "LauncherConfigDetail", detail) == []


def test_the_schema_check_catches_a_wrong_configuration(ll2_schema):
    wrong = {"id": "1", "url": "x", "name": "Falcon 9", "manufacturer": {}, "program": [], "min_stage": "2"}

    problems = errors(ll2_schema, "LauncherConfigDetail", wrong)

    assert any(problem.startswith("id:") for problem in problems)
    assert any(problem.startswith("min_stage:") for problem in problems)


# --- pad/ and location/ ------------------------------------------------------------------------------

PADS = "/2.2.0/pad/"
LOCATIONS = "/2.2.0/location/"


def test_pad_pages_and_details_validate(api, ll2_schema, pads):
    page = api.get(PADS, {"limit": 2}).json()
    detail = api.get(f"{PADS}{pads[0].id}/").json()

    assert errors(ll2_schema, "PaginatedPadList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for item in [*page["results"], detail]:
        assert errors(ll2_schema, "Pad", item) == []


def test_location_pages_and_details_validate(api, ll2_schema, pads):
    page = api.get(LOCATIONS, {"limit": 2}).json()
    detail = api.get(f"{LOCATIONS}{pads[0].location_id}/").json()

    assert errors(ll2_schema, "PaginatedLocationList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for item in page["results"]:
        assert errors(ll2_schema, "Location", item) == []
    assert len(detail["pads"]) == 1
    assert errors(ll2_schema, "LocationDetail", detail) == []


def test_the_schema_check_catches_a_wrong_location(ll2_schema):
    wrong = {"id": 15, "pads": [{"id": "20", "url": "x", "total_launch_count": "many"}]}

    problems = errors(ll2_schema, "LocationDetail", wrong)

    assert any(problem.startswith("pads/0/id:") for problem in problems)
    assert any(problem.startswith("pads/0/total_launch_count:") for problem in problems)


# --- program/ ----------------------------------------------------------------------------------------

PROGRAMS = "/2.2.0/program/"


def test_pages_and_details_validate(api, ll2_schema, programs):
    page = api.get(PROGRAMS, {"limit": 2}).json()
    detail = api.get(f"{PROGRAMS}{programs[0].id}/").json()

    assert errors(ll2_schema, "PaginatedProgramList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for item in [*page["results"], detail]:
        assert errors(ll2_schema, "Program", item) == []


def test_the_schema_check_catches_a_wrong_programme(ll2_schema):
    wrong = {"id": 11, "url": "x", "name": "CRS", "agencies": [{"id": "44"}], "image_url": "x"}

    problems = errors(ll2_schema, "Program", wrong)

    assert any("mission_patches" in problem for problem in problems)
    assert any(problem.startswith("agencies/0/id:") for problem in problems)
