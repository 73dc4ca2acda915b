"""The booster list and detail (`launcher/`), which a launch detail's stages link to: shapes, derived
flights and landings, filters, search, ordering, query counts and bad input."""

import datetime

import pytest

from launches.models import LaunchStatus
from tests.factories import (
    AgencyFactory,
    FirstStageFactory,
    LandingFactory,
    LauncherConfigFactory,
    LauncherFactory,
    LaunchFactory,
    ProgramFactory,
    ll2_launch_status,
)
from tests.helpers import component_keys, errors

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/launcher/"


def flown(booster, *, day, landed=True):
    """A successful launch of the booster on 2023-01-<day>, its landing a success (True), a failure
    (False) or not attempted (None)."""
    launch = LaunchFactory(
        status=ll2_launch_status(LaunchStatus.SUCCESS),
        net=datetime.datetime(2023, 1, day, tzinfo=datetime.UTC),
    )
    landing = LandingFactory(attempt=landed is not None, success=landed)
    return FirstStageFactory(rocket=launch.rocket, launcher=booster, landing=landing)


@pytest.fixture
def boosters():
    """B1058: three flights (two landings attempted, one landed), flight proven, SpaceX's Falcon 9;
    B1000: no flight yet, by another manufacturer."""
    falcon = LauncherConfigFactory(name="Falcon 9", manufacturer=AgencyFactory(name="SpaceX"))
    reflown = LauncherFactory(
        serial_number="B1058", status="active", flight_proven=True, launcher_config=falcon
    )
    for day, landed in [(1, True), (2, False), (3, None)]:
        flown(reflown, day=day, landed=landed)
    new = LauncherFactory(serial_number="B1000", status="expended", flight_proven=False)
    return {"B1058": reflown, "B1000": new}


def serials(response):
    assert response.status_code == 200, response.content
    return [item["serial_number"] for item in response.json()["results"]]


def test_list_items_are_ll2s_launcher(api, ll2_schema, boosters):
    page = api.get(LIST).json()

    assert errors(ll2_schema, "PaginatedLauncherList", {**page, "results": []}) == []
    for item in page["results"]:
        assert list(item) == component_keys(ll2_schema, "Launcher")
        assert errors(ll2_schema, "Launcher", item) == []


@pytest.mark.parametrize("path", ["{id}/", "?mode=detailed"])
def test_the_detail_and_a_detailed_list_are_ll2s_launcher_detail(api, ll2_schema, boosters, path):
    booster = boosters["B1058"]
    response = api.get(LIST + path.format(id=booster.id)).json()

    configuration = api.get(f"/2.2.0/config/launcher/{booster.launcher_config_id}/").json()
    for item in response.get("results", [response]):
        assert list(item) == component_keys(ll2_schema, "LauncherDetail")
        assert errors(ll2_schema, "LauncherDetail", item) == []
    assert response.get("results", [response])[0]["launcher_config"] == configuration


def test_flights_landings_and_dates_come_from_its_stages(api, boosters):
    detail = api.get(f"{LIST}{boosters['B1058'].id}/").json()

    assert [detail[key] for key in ["flights", "attempted_landings", "successful_landings"]] == [3, 2, 1]
    assert [detail["first_launch_date"], detail["last_launch_date"]] == [
        "2023-01-01T00:00:00Z",
        "2023-01-03T00:00:00Z",
    ]


def test_a_booster_that_has_not_flown_has_no_flights(api, boosters):
    item = api.get(f"{LIST}{boosters['B1000'].id}/").json()

    assert [
        item[key] for key in ["flights", "attempted_landings", "first_launch_date", "last_launch_date"]
    ] == [
        0,
        0,
        None,
        None,
    ]


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
    assert serials(api.get(LIST, {parameter: value})) == expected


@pytest.mark.parametrize("key", ["id", "launcher_config"])
def test_id_filters(api, boosters, key):
    booster = boosters["B1000"]
    value = booster.id if key == "id" else booster.launcher_config_id

    assert serials(api.get(LIST, {key: value})) == ["B1000"]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [("id", ["B1058", "B1000"]), ("-id", ["B1000", "B1058"]), ("flight_proven", ["B1000", "B1058"])],
)
def test_ordering(api, boosters, ordering, expected):
    assert serials(api.get(LIST, {"ordering": ordering})) == expected


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("id", "x"),
        ("flight_proven", "maybe"),
        ("launcher_config", "falcon"),
        ("flights__gte", "1.5"),
        ("ordering", "serial_number"),
        ("mode", "list"),
    ],
)
def test_a_bad_value_is_refused_naming_the_parameter(api, parameter, value):
    response = api.get(LIST, {parameter: value})

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


def test_unknown_and_malformed_ids_are_not_found(api, boosters):
    assert api.get(f"{LIST}2147483647/").status_code == 404
    assert api.get(f"{LIST}B1058/").status_code == 404


def test_the_list_is_read_only(api, boosters):
    assert api.post(LIST, {}).status_code == 405
    assert api.delete(f"{LIST}{boosters['B1058'].id}/").status_code == 405


# list: the count and the page (configuration joined, statistics in subqueries).
LIST_QUERIES = 2
# detailed: the count, the page, the configurations (with counters and manufacturer), their programmes with
# their agencies and mission patches.
DETAILED_QUERIES = 6
# a detail: the detailed list without the count.
DETAIL_QUERIES = 5


@pytest.fixture
def populated():
    boosters = []
    for index in range(4):
        booster = LauncherFactory()
        booster.launcher_config.program.set([ProgramFactory()])
        flown(booster, day=index + 1)
        boosters.append(booster)
    return boosters


@pytest.mark.parametrize(("mode", "queries"), [("normal", LIST_QUERIES), ("detailed", DETAILED_QUERIES)])
@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(
    api, populated, django_assert_num_queries, mode, queries, limit
):
    with django_assert_num_queries(queries):
        page = api.get(LIST, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, len(populated))


def test_detail_queries(api, populated, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        response = api.get(f"{LIST}{populated[0].id}/")

    assert response.status_code == 200
