"""The launcher configuration list and detail: shapes (against LL2's payloads and schema), the stored
launch counters, filters, search, ordering, modes, query counts and bad input."""

import datetime
import json

import pytest

from launches.models import LaunchStatus
from tests.factories import (
    AgencyFactory,
    LauncherConfigFactory,
    LaunchFactory,
    ProgramFactory,
    RocketFactory,
    at,
    ll2_launch_status,
    ll2_launcher_config,
    reset_sequences,
)
from tests.helpers import LL2, errors, ordered, restricted_to, whole_floats_as_ints

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/config/launcher/"

# LL2's `LauncherConfig` (the schema's key order).
NORMAL_KEYS = [
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
DETAILED_KEYS = [
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
COUNTERS = [
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
]


FIRST_NET = at(2000, 1, 1)


def launches_of(config, *statuses):
    """One launch of `config` for each LL2 status id, a day apart in that order."""
    for day, status_id in enumerate(statuses):
        LaunchFactory(
            rocket=RocketFactory(configuration=config),
            status=ll2_launch_status(status_id),
            net=FIRST_NET + datetime.timedelta(days=day),
            mission=None,
            pad=None,
            program=[],
        )


def complete_config(**kwargs):
    """A configuration with every relation its shapes show: a manufacturer and a programme (with its
    agency and mission patch)."""
    config = LauncherConfigFactory(**kwargs)
    config.program.set([ProgramFactory()])
    return config


def names(response):
    return [item["name"] for item in response.json()["results"]]


# Shapes


def test_list_items_have_the_normal_shape(api):
    complete_config()

    item = api.get(LIST).json()["results"][0]

    assert list(item) == NORMAL_KEYS
    assert list(item["manufacturer"])[:3] == ["id", "url", "name"]
    assert "parent" in item["manufacturer"]  # LL2's `Agency`, not the detailed common shape
    assert len(item["program"]) == 1


def test_detailed_list_items_and_the_detail_have_the_detailed_shape(api):
    config = complete_config()

    item = api.get(LIST, {"mode": "detailed"}).json()["results"][0]
    detail = api.get(f"{LIST}{config.id}/").json()

    assert list(item) == DETAILED_KEYS
    assert detail == item
    assert "total_launch_count" in detail["manufacturer"]  # LL2's `AgencySerializerDetailedCommon`
    assert "parent" not in detail["manufacturer"]


def test_the_detail_links_to_itself_and_its_manufacturer(api):
    config = complete_config()

    detail = api.get(f"{LIST}{config.id}/").json()

    assert detail["url"] == f"http://testserver{LIST}{config.id}/"
    assert detail["manufacturer"]["url"] == f"http://testserver/2.2.0/agencies/{config.manufacturer_id}/"


def test_a_configuration_without_manufacturer_serves_null(api):
    config = LauncherConfigFactory(manufacturer=None)

    assert api.get(f"{LIST}{config.id}/").json()["manufacturer"] is None
    assert api.get(LIST).json()["results"][0]["manufacturer"] is None


@pytest.fixture(scope="module")
def real_configs():
    return json.loads((LL2 / "config-launcher.json").read_text())


# The keys of our `LauncherConfigDetail` that LL2's configurations in an agency's `launcher_list`
# (tests/ll2/config-launcher.json) do not carry.
NOT_IN_LAUNCHER_LIST = {
    "active",
    "reusable",
    "manufacturer",
    "program",
    "launch_cost",
    "total_launch_count",
}


def build_from_payload(item):
    """The configuration of an LL2 payload, its counters stored as LL2 serves them."""
    config = ll2_launcher_config(item)
    reset_sequences()
    return config


@pytest.mark.parametrize("index", range(12))
def test_the_detail_serves_ll2s_values_and_counters(api, real_configs, index):
    real = real_configs[index]
    config = build_from_payload(real)

    detail = api.get(f"{LIST}{config.id}/").json()

    kept, left_out = restricted_to(detail, real)
    expected = {key: value for key, value in real.items() if key != "launch_library_id"}
    expected["url"] = f"http://testserver{LIST}{real['id']}/"
    assert left_out == NOT_IN_LAUNCHER_LIST
    # Key for key, value for value and in LL2's order (the capture wrote whole floats as ints).
    assert ordered(whole_floats_as_ints(kept)) == ordered(expected)


# Counters


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

    detail = api.get(f"{LIST}{config.id}/").json()

    assert [detail[key] for key in COUNTERS] == [41, 37, 38, 3, 8]


def test_unknown_counters_are_null(api):
    config = LauncherConfigFactory(**dict.fromkeys(COUNTERS))

    detail = api.get(f"{LIST}{config.id}/").json()

    assert [detail[key] for key in COUNTERS] == [None] * len(COUNTERS)


# Schema


@pytest.fixture
def configs():
    return [complete_config() for _ in range(3)]


@pytest.mark.parametrize(
    ("mode", "component"), [("normal", "LauncherConfig"), ("detailed", "LauncherConfigDetail")]
)
def test_list_pages_validate(api, ll2_schema, configs, mode, component):
    page = api.get(LIST, {"mode": mode, "limit": 2}).json()

    assert errors(ll2_schema, "PaginatedLauncherConfigList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for item in page["results"]:
        assert errors(ll2_schema, component, item) == []


def test_detail_validates(api, ll2_schema, configs):
    launches_of(configs[0], LaunchStatus.SUCCESS)

    detail = api.get(f"{LIST}{configs[0].id}/").json()

    assert errors(ll2_schema, "LauncherConfigDetail", detail) == []


def test_the_schema_check_catches_a_wrong_configuration(ll2_schema):
    wrong = {"id": "1", "url": "x", "name": "Falcon 9", "manufacturer": {}, "program": [], "min_stage": "2"}

    problems = errors(ll2_schema, "LauncherConfigDetail", wrong)

    assert any(problem.startswith("id:") for problem in problems)
    assert any(problem.startswith("min_stage:") for problem in problems)


# Filters


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
    assert names(api.get(LIST, {parameter: value})) == expected


def test_name_matches_the_whole_name_only(api, falcons):
    assert names(api.get(LIST, {"name": "Falcon"})) == []


def test_program_filter_takes_one_or_several_programmes(api, falcons):
    apollo, crs = ProgramFactory(name="Apollo"), ProgramFactory(name="Commercial Resupply Services")
    falcons["Saturn V"].program.set([apollo])
    falcons["Falcon 9"].program.set([apollo, crs])

    assert names(api.get(LIST, {"program": crs.id})) == ["Falcon 9"]
    assert names(api.get(LIST, {"program": f"{apollo.id},{crs.id}"})) == ["Falcon 9", "Saturn V"]


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
    LauncherConfigFactory(name="Unflown", **dict.fromkeys(COUNTERS, 0))
    return values


@pytest.mark.parametrize("counter", COUNTERS)
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

    assert names(api.get(LIST, {f"{counter}{lookup}": value})) == expected


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
        {"mode": "list"},
        {"mode": "bogus"},
        {"ordering": "family"},
        {"ordering": "bogus"},
    ],
)
def test_bad_values_are_refused_naming_the_parameter(api, falcons, query):
    response = api.get(LIST, query)

    assert response.status_code == 400
    assert response.json()["parameters"] == list(query)


def test_unknown_parameters_are_ignored(api, falcons):
    assert len(names(api.get(LIST, {"agency": "SpaceX", "cache": "123"}))) == 3


# Search


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
    assert names(api.get(LIST, {"search": term})) == expected


def test_search_counts_each_configuration_once(api, falcons):
    page = api.get(LIST, {"search": "falcon"}).json()

    assert page["count"] == 2


# Ordering and modes


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
def test_ordering(api, ordering, expected):
    for name in ("Falcon 9", "Saturn V", "Falcon Heavy"):  # in id order
        LauncherConfigFactory(name=name)

    assert names(api.get(LIST, {"ordering": ordering} if ordering else {})) == expected


def test_ordering_by_name_breaks_ties_by_id(api):
    configs = [LauncherConfigFactory(name="Soyuz") for _ in range(3)]

    ids = [item["id"] for item in api.get(LIST, {"ordering": "name"}).json()["results"]]

    assert ids == [config.id for config in configs]


@pytest.mark.parametrize(("mode", "keys"), [("normal", NORMAL_KEYS), ("detailed", DETAILED_KEYS)])
def test_mode_picks_the_shape_of_the_list(api, configs, mode, keys):
    assert list(api.get(LIST, {"mode": mode}).json()["results"][0]) == keys


# Queries

# A page: count, configurations (with manufacturer), programmes, their agencies,
# their mission patches; in both modes. The detail: the same without the count.
LIST_QUERIES = 5
DETAIL_QUERIES = 4


@pytest.fixture
def many_configs():
    return [complete_config() for _ in range(12)]


@pytest.mark.parametrize("mode", ["normal", "detailed"])
@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(api, many_configs, django_assert_num_queries, mode, limit):
    with django_assert_num_queries(LIST_QUERIES):
        page = api.get(LIST, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, len(many_configs))


def test_detail_queries(api, many_configs, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        response = api.get(f"{LIST}{many_configs[0].id}/")

    assert response.status_code == 200


# Bad paths and methods


@pytest.mark.parametrize("path", ["999999/", "abc/", "2147483648/", "-1/"])
def test_unknown_or_malformed_ids_are_404(api, configs, path):
    assert api.get(f"{LIST}{path}").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_endpoint_is_read_only(api, configs, method):
    assert getattr(api, method)(LIST).status_code == 405
    assert getattr(api, method)(f"{LIST}{configs[0].id}/").status_code == 405
