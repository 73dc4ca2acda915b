"""Our own OpenAPI schema: served under each prefix, valid OpenAPI 3, a component per mode, every filter,
and every response of every endpoint, in every mode, on the demo and on built data, conforming to it
read strictly (`tests.helpers.SchemaCheck`)."""

import pytest
import yaml
from django.contrib.staticfiles import finders
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from spacedevs.api.schema import component_name
from spacedevs.api.urls import router
from tests.factories import (
    AgencyFactory,
    AstronautFactory,
    RocketFactory,
    SpacecraftFlightFactory,
    SpaceStationFactory,
    bare_launch,
    busy_station,
    complete_agency,
    complete_launch,
    flown_astronaut,
)


@pytest.fixture
def demo(read_only_demo):
    """The demo, loaded once for this module: its tests only read it (tests/conftest.py)."""


# Every endpoint of the router: the other apps' as they register them, without a list kept here.
ENDPOINTS = [(prefix, viewset) for prefix, viewset, _basename in router.registry]


def endpoint_id(endpoint):
    return endpoint[0]


def schema_of(document, template, method="get"):
    return document["paths"][template][method]["responses"]["200"]["content"]["application/json"]["schema"]


def ref_name(schema):
    return schema["$ref"].rsplit("/", 1)[1]


def list_item_components(document, prefix):
    page = document["components"]["schemas"][ref_name(schema_of(document, f"/2.2.0/{prefix}/"))]
    items = page["properties"]["results"]["items"]
    if "$ref" in items and "oneOf" in document["components"]["schemas"][ref_name(items)]:
        items = document["components"]["schemas"][ref_name(items)]
    return [ref_name(item) for item in items.get("oneOf", [items])]


def parameters(document, template):
    return {parameter["name"]: parameter for parameter in document["paths"][template]["get"]["parameters"]}


# --- Where it is served -------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/2.2.0/", "/api/2.2.0/"])
def test_the_schema_is_served_as_yaml_and_as_json_with_the_paths_of_its_prefix(api, prefix):
    as_yaml = api.get(f"{prefix}schema/")
    as_json = api.get(f"{prefix}schema/", {"format": "json"})

    assert as_yaml.status_code == 200
    assert as_yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert as_json["Content-Type"].startswith("application/vnd.oai.openapi+json")
    document = yaml.safe_load(as_yaml.content)
    assert document == as_json.json()
    assert f"{prefix}spacecraft/flight/{{id}}/" in document["paths"]
    assert all(path.startswith(prefix) for path in document["paths"])


def test_the_served_schema_is_the_one_the_tests_read(api, our_document):
    assert api.get("/2.2.0/schema/", {"format": "json"}).json() == our_document


def test_the_schema_is_valid_openapi_3(our_document):
    validate(our_document)
    assert our_document["openapi"] == "3.1.0"
    assert our_document["info"]["version"] == "2.2.0"


@pytest.mark.parametrize(
    ("page", "bundle"), [("swagger", "swagger-ui-bundle.js"), ("redoc", "redoc.standalone.js")]
)
@pytest.mark.parametrize("prefix", ["/2.2.0/", "/api/2.2.0/"])
def test_swagger_ui_and_redoc_read_the_schema_of_their_prefix_with_our_own_assets(api, prefix, page, bundle):
    response = api.get(f"{prefix}{page}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"{prefix}schema/" in html
    # Served from our static files (drf-spectacular-sidecar), nothing fetched from another host.
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn.jsdelivr.net" not in html
    asset = next(part for part in html.split('"') if part.endswith(bundle))
    assert finders.find(asset.removeprefix("/static/")) is not None


def test_the_api_root_links_the_schema_and_its_pages(api):
    root = api.get("/2.2.0/", HTTP_ACCEPT="text/html").content.decode()

    for page in ["schema/", "swagger/", "redoc/"]:
        assert f'href="/2.2.0/{page}"' in root


# --- What it documents --------------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_every_endpoint_documents_a_component_per_mode(our_document, endpoint):
    prefix, viewset = endpoint
    list_modes = viewset.get_list_modes()
    detail = viewset.modes[viewset.detail_mode if viewset.detail_mode in viewset.modes else "normal"]

    shapes = dict.fromkeys(component_name(viewset.modes[mode].serializer) for mode in list_modes)
    assert list_item_components(our_document, prefix) == list(shapes)
    assert ref_name(schema_of(our_document, f"/2.2.0/{prefix}/{{id}}/")) == component_name(detail.serializer)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_every_endpoint_documents_mode_with_its_choices(our_document, endpoint):
    prefix, viewset = endpoint
    listed = parameters(our_document, f"/2.2.0/{prefix}/")
    modes = viewset.get_list_modes()

    if len(modes) > 1:
        assert sorted(listed["mode"]["schema"]["enum"]) == sorted(modes)
        assert listed["mode"]["schema"]["default"] == viewset.default_mode
    else:
        assert "mode" not in listed
    # A detail ignores `mode`, and takes no filter.
    assert set(parameters(our_document, f"/2.2.0/{prefix}/{{id}}/")) == {"id"}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_every_filter_an_endpoint_takes_is_documented_in_words(our_document, endpoint):
    prefix, viewset = endpoint
    listed = parameters(our_document, f"/2.2.0/{prefix}/")
    taken = set(viewset.filterset_class.base_filters) - {"mode"}

    assert taken <= set(listed)
    assert {"limit", "offset"} <= set(listed)
    for name in taken:
        description = listed[name]["description"]
        assert description, name
        assert "[invalid name]" not in description


def test_filters_have_their_types(our_document):
    launches = parameters(our_document, "/2.2.0/launch/")
    stations = parameters(our_document, "/2.2.0/spacestation/")

    assert launches["lsp__id"]["schema"] == {"type": "integer"}
    assert launches["lsp__ids"]["schema"] == {"type": "array", "items": {"type": "integer"}}
    assert launches["lsp__ids"]["explode"] is False
    assert launches["is_crewed"]["schema"] == {"type": "boolean"}
    assert launches["net__gte"]["schema"] == {"type": "string", "format": "date-time"}
    assert launches["id"]["schema"]["items"] == {"type": "string", "format": "uuid"}
    assert launches["ordering"]["schema"]["items"]["enum"] == ["-id", "-name", "-net", "id", "name", "net"]
    # `?owners=1&owners=2`: repeated, so exploded (OpenAPI's default for a query array).
    assert stations["owners"]["schema"] == {"type": "array", "items": {"type": "integer"}}
    assert "explode" not in stations["owners"]
    assert parameters(our_document, "/2.2.0/astronaut/")["date_of_birth__lt"]["schema"] == {
        "type": "string",
        "format": "date",
    }


def test_every_object_requires_all_its_keys_and_allows_no_other(our_document):
    for name, component in our_document["components"]["schemas"].items():
        if "properties" in component and not name.startswith("Paginated"):
            assert component["required"] == list(component["properties"]), name
            assert component["additionalProperties"] is False, name


def nullable(schema):
    """Whether an OpenAPI 3.1 schema admits null: `type: [..., "null"]`, or a `oneOf` branch of null."""
    types = schema.get("type", [])
    return "null" in types or any(branch.get("type") == "null" for branch in schema.get("oneOf", []))


def properties(document, component):
    return document["components"]["schemas"][component]["properties"]


@pytest.mark.parametrize(
    ("component", "key"),
    [
        ("Launch", "net"),  # a model field with null=True
        ("Launch", "mission"),  # a nullable relation
        ("LaunchList", "orbit"),  # through a nullable relation (mission.orbit)
        ("LaunchList", "landing_success"),  # an annotation that can be null
        ("Agency", "parent"),
        ("Astronaut", "age"),
        ("Astronaut", "agency"),
        ("DockingLocationForStation", "docked"),  # the head of an empty list
        ("FirstStage", "previous_flight"),
        ("RocketDetailed", "spacecraft_stage"),
        ("Astronaut", "flights_count"),  # stored as LL2 serves it, null until a source or recount says
    ],
)
def test_a_key_is_nullable_where_our_data_can_hold_null(our_document, component, key):
    assert nullable(properties(our_document, component)[key])


@pytest.mark.parametrize(
    ("component", "key"),
    [
        ("Launch", "name"),
        ("Launch", "status"),
        ("Launch", "type"),
        ("Mission", "type"),  # served as "" without a type
        ("SpacecraftForFlight", "time_in_space"),  # coalesced to zero
        ("SpacecraftForFlight", "flights_count"),
        ("SpaceStationDetailed", "onboard_crew"),
        ("SpacecraftFlight", "launch"),
    ],
)
def test_a_key_is_not_nullable_where_our_data_cannot_hold_null(our_document, component, key):
    assert not nullable(properties(our_document, component)[key])


@pytest.mark.parametrize(
    ("component", "key", "expected"),
    [
        ("Launch", "url", {"type": "string", "format": "uri"}),
        ("Launch", "net", {"type": ["string", "null"], "format": "date-time"}),
        ("Astronaut", "date_of_birth", {"type": ["string", "null"], "format": "date"}),
        ("SpacecraftForFlight", "time_in_space", {"type": "string", "format": "duration"}),
        ("Launch", "type", {"type": "string", "enum": ["normal"]}),
        ("LaunchDetailed", "type", {"type": "string", "enum": ["detailed"]}),
    ],
)
def test_urls_dates_durations_and_constants_have_their_formats(our_document, component, key, expected):
    assert expected.items() <= properties(our_document, component)[key].items()


# --- Every response conforms --------------------------------------------------------------------------


def built_data():
    """Objects with every part their shapes show, and objects with every optional part empty."""
    complete_launch()
    busy_station()
    flown_astronaut()
    complete_agency()
    bare = bare_launch(image=None, infographic=None, rocket=RocketFactory(configuration__manufacturer=None))
    SpacecraftFlightFactory(launch=bare, mission_end=None, landing=None)
    AstronautFactory(agency=None, date_of_birth=None, profile_image=None, profile_image_thumbnail=None)
    AgencyFactory(parent=None)
    SpaceStationFactory(orbit=None, founded=None, deorbited=None)


@pytest.fixture
def data(demo):
    """The demo (real LL2 data, with the nulls it holds), and built objects beside it (see `built_data`)."""
    built_data()


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_every_list_and_detail_in_every_mode_conforms_to_our_schema(api, our_schema, data, endpoint):
    prefix, viewset = endpoint
    url = f"/2.2.0/{prefix}/"
    count = api.get(url, {"limit": 1}).json()["count"]
    assert count, f"no {prefix} to check: add some to built_data()"

    problems, items = [], {}
    for mode in viewset.get_list_modes():
        # The first page and the last (where the built objects are, after the demo's).
        for offset in sorted({0, max(count - 100, 0)}):
            page = api.get(url, {"mode": mode, "limit": 100, "offset": offset})
            assert page.status_code == 200
            problems += our_schema.errors(page)
            results = page.json()["results"]
            items.update({item["id"]: item for item in results[:1] + results[-1:]})
    for item_id in items:
        problems += our_schema.errors(api.get(f"{url}{item_id}/"))
    assert problems == []


def test_each_mode_matches_its_own_component(api, our_schema, demo):
    # `oneOf` accepts an item of any mode; an item of a mode matches that mode's component.
    for mode, component in [("list", "LaunchList"), ("normal", "Launch"), ("detailed", "LaunchDetailed")]:
        item = api.get("/2.2.0/launch/", {"mode": mode, "limit": 1}).json()["results"][0]
        shapes = our_schema.document["components"]["schemas"]["LaunchModes"]["oneOf"]
        matching = [ref_name(shape) for shape in shapes if not item_errors(our_schema, shape, item)]
        assert matching == [component]


def item_errors(our_schema, schema, item):
    return list(OAS31Validator({**schema, "components": our_schema.document["components"]}).iter_errors(item))


def test_the_strict_check_refuses_an_unknown_key_a_missing_key_and_an_unexpected_null(api, our_schema, demo):
    response = api.get("/2.2.0/spacecraft/flight/567/")
    assert our_schema.errors(response) == []
    body = response.json()

    for wrong in (
        {**body, "unknown": 1},
        {key: value for key, value in body.items() if key != "destination"},
        {**body, "launch": {**body["launch"], "name": None}},
    ):
        response.json = lambda wrong=wrong: wrong
        assert our_schema.errors(response) != []
