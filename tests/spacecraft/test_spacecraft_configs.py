"""The spacecraft configuration list and detail: shapes, LL2's own configurations, schema, filters,
search, ordering, modes, query counts and bad input."""

import json

import pytest

from spacecraft.models import SpacecraftConfig
from tests.factories import AgencyFactory, SpacecraftConfigFactory, complete_flight, ll2_spacecraft_config
from tests.helpers import LL2, errors, normalise_links, ordered, restricted_to, whole_floats_as_ints

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/config/spacecraft/"

# LL2's `SpacecraftConfiguration`, the list shape of its schema.
LIST_KEYS = [
    "id",
    "url",
    "name",
    "agency",
    "in_use",
    "capability",
    "maiden_flight",
    "human_rated",
    "crew_capacity",
    "image_url",
    "nation_url",
    "wiki_link",
    "info_link",
]
# LL2's `SpacecraftConfigurationDetail`, with the `payload_return_capacity` of late 2.2.0 (the contract,
# tests/ll2/spacecraft-flight-567.json).
DETAIL_KEYS = [
    "id",
    "url",
    "name",
    "type",
    "agency",
    "in_use",
    "capability",
    "history",
    "details",
    "maiden_flight",
    "height",
    "diameter",
    "human_rated",
    "crew_capacity",
    "payload_capacity",
    "payload_return_capacity",
    "flight_life",
    "image_url",
    "nation_url",
    "wiki_link",
    "info_link",
]
# What the late 2.2.0 shape has that these 2021 payloads predate.
NEWER_KEYS = {"payload_return_capacity", "agency.logo_url"}


@pytest.fixture
def configs():
    return SpacecraftConfigFactory.create_batch(3)


def detail(api, config):
    return api.get(f"{LIST}{config.id}/").json()


# Shapes


def test_list_is_paginated_in_id_order(api):
    configs = SpacecraftConfigFactory.create_batch(12)

    page = api.get(LIST).json()

    assert page["count"] == 12
    assert [c["id"] for c in page["results"]] == sorted(c.id for c in configs)[:10]
    assert page["next"] == "http://testserver/2.2.0/config/spacecraft/?limit=10&offset=10"


def test_normal_is_the_default_mode_and_ll2_s_list_shape(api, configs):
    default = api.get(LIST).json()["results"]
    normal = api.get(LIST, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == LIST_KEYS
    assert list(normal[0]["agency"])[-2:] == ["image_url", "logo_url"]


def test_detail_is_the_configuration_a_flight_s_spacecraft_embeds(api):
    flight = complete_flight()
    config = flight.spacecraft.spacecraft_config

    shown = detail(api, config)

    assert list(shown) == DETAIL_KEYS
    embedded = api.get(f"/2.2.0/spacecraft/flight/{flight.id}/").json()["spacecraft"]["spacecraft_config"]
    assert shown == embedded


def test_detailed_mode_lists_the_detail_shape(api, configs):
    listed = api.get(LIST, {"mode": "detailed"}).json()["results"]

    assert listed == [detail(api, config) for config in configs]


# LL2's own configurations


@pytest.fixture(scope="module")
def ll2_configs():
    return json.loads((LL2 / "config-spacecraft.json").read_text())


@pytest.fixture
def built(ll2_configs):
    for item in ll2_configs:
        ll2_spacecraft_config(item)


def test_each_detail_equals_ll2_s_once_the_newer_keys_are_left_out(api, ll2_configs, built):
    for reference in ll2_configs:
        response = api.get(f"{LIST}{reference['id']}/")

        kept, left_out = restricted_to(response.json(), reference)
        assert ordered(whole_floats_as_ints(kept)) == ordered(normalise_links(reference))
        assert left_out == NEWER_KEYS


def test_each_listed_configuration_holds_the_values_of_ll2_s_detail(api, ll2_configs, built):
    listed = {item["id"]: item for item in api.get(LIST).json()["results"]}

    assert len(listed) == len(ll2_configs)
    for reference in normalise_links(ll2_configs):
        shown, left_out = restricted_to(listed[reference["id"]], reference)
        assert left_out == {"agency.logo_url"}
        assert list(shown) == LIST_KEYS
        assert shown == {key: reference[key] for key in LIST_KEYS}


def test_ll2_s_configurations_validate_against_its_schema(ll2_schema, ll2_configs):
    for reference in ll2_configs:
        assert errors(ll2_schema, "SpacecraftConfigurationDetail", reference) == []


# Schema


@pytest.mark.parametrize(
    ("mode", "component"),
    [("normal", "SpacecraftConfiguration"), ("detailed", "SpacecraftConfigurationDetail")],
)
def test_list_pages_validate(api, ll2_schema, configs, mode, component):
    page = api.get(LIST, {"mode": mode}).json()

    assert errors(ll2_schema, "PaginatedSpacecraftConfigurationList", {**page, "results": []}) == []
    assert len(page["results"]) == 3
    for item in page["results"]:
        assert errors(ll2_schema, component, item) == []


def test_detail_validates(api, ll2_schema, configs):
    shown = detail(api, configs[0])

    assert errors(ll2_schema, "SpacecraftConfigurationDetail", shown) == []
    assert errors(ll2_schema, "SpacecraftConfigurationDetail", {**shown, "human_rated": "yes"}) != []


# Filters, search, ordering


@pytest.fixture
def named():
    nasa = AgencyFactory(name="National Aeronautics and Space Administration", abbrev="NASA")
    spacex = AgencyFactory(name="SpaceX", abbrev="SpX")
    return {
        "dragon": SpacecraftConfigFactory(name="Dragon 2", agency=spacex, in_use=True, human_rated=True),
        "cargo": SpacecraftConfigFactory(name="Cargo Dragon", agency=spacex, in_use=False, human_rated=False),
        "apollo": SpacecraftConfigFactory(
            name="Apollo Command/Service Module", agency=nasa, in_use=False, human_rated=True
        ),
        "nasa": nasa,
        "spacex": spacex,
    }


def names(api, params):
    response = api.get(LIST, params)
    assert response.status_code == 200, response.json()
    return [item["name"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"name": "Dragon 2"}, ["Dragon 2"]),
        # `name` is the whole name (`search` finds parts).
        ({"name": "Dragon"}, []),
        ({"in_use": "true"}, ["Dragon 2"]),
        ({"in_use": "false"}, ["Cargo Dragon", "Apollo Command/Service Module"]),
        ({"human_rated": "True"}, ["Dragon 2", "Apollo Command/Service Module"]),
        ({"human_rated": "0"}, ["Cargo Dragon"]),
        ({"in_use": "false", "human_rated": "true"}, ["Apollo Command/Service Module"]),
        # `search`: a part of the name, the agency's name or its abbreviation, any case.
        ({"search": "dragon"}, ["Dragon 2", "Cargo Dragon"]),
        ({"search": "aeronautics"}, ["Apollo Command/Service Module"]),
        ({"search": "spx"}, ["Dragon 2", "Cargo Dragon"]),
        ({"search": "soyuz"}, []),
        ({"ordering": "name"}, ["Apollo Command/Service Module", "Cargo Dragon", "Dragon 2"]),
        ({"ordering": "-name"}, ["Dragon 2", "Cargo Dragon", "Apollo Command/Service Module"]),
        ({"ordering": "-id"}, ["Apollo Command/Service Module", "Cargo Dragon", "Dragon 2"]),
        ({"ordering": "id"}, ["Dragon 2", "Cargo Dragon", "Apollo Command/Service Module"]),
    ],
)
def test_filter_search_and_ordering(api, named, params, expected):
    assert names(api, params) == expected


def test_filter_by_manufacturer_id(api, named):
    assert names(api, {"manufacturer": named["spacex"].id}) == ["Dragon 2", "Cargo Dragon"]
    assert names(api, {"manufacturer": named["nasa"].id}) == ["Apollo Command/Service Module"]


def test_filter_by_an_unknown_manufacturer_is_an_empty_page(api, named):
    assert names(api, {"manufacturer": 2147483647}) == []


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"manufacturer": "SpaceX"}, "manufacturer"),
        ({"manufacturer": "1.5"}, "manufacturer"),
        ({"in_use": "maybe"}, "in_use"),
        ({"human_rated": "2"}, "human_rated"),
        ({"human_rated": "\x00"}, "human_rated"),
        ({"ordering": "in_use"}, "ordering"),
        ({"ordering": "bogus"}, "ordering"),
        ({"mode": "list"}, "mode"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(api, named, params, parameter):
    response = api.get(LIST, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]


# Query counts

# the count, then the configurations with type and agency (its type and parent).
LIST_QUERIES = 2
# the configuration alone.
DETAIL_QUERIES = 1


@pytest.mark.parametrize("mode", ["normal", "detailed"])
@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(api, django_assert_num_queries, mode, limit):
    SpacecraftConfigFactory.create_batch(4, agency__parent=AgencyFactory())

    with django_assert_num_queries(LIST_QUERIES):
        page = api.get(LIST, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, 4)
    assert page["results"][0]["agency"]["parent"]


def test_detail_queries(api, configs, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        response = api.get(f"{LIST}{configs[0].id}/")

    assert response.status_code == 200


# Bad ids, writes


@pytest.mark.parametrize("config_id", ["99999", "2147483648", "abc", "-1", "1.5"])
def test_an_id_that_is_not_a_configuration_is_a_404(api, configs, config_id):
    assert api.get(f"{LIST}{config_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_writes_are_not_allowed(api, configs, method, on_detail):
    url = f"{LIST}{configs[0].id}/" if on_detail else LIST

    response = getattr(api, method)(url, {"name": "Nobody"}, format="json")

    assert response.status_code == 405
    assert not SpacecraftConfig.objects.filter(name="Nobody").exists()
