"""What several test modules share: LL2's files and key lists, comparing with them, the schemas, links,
and calling the WSGI application as gunicorn does."""

import copy
import io
import json
import re
from pathlib import Path

from django.test import RequestFactory
from openapi_schema_validator import OAS30ReadValidator, OAS31Validator

# LL2's reference payloads and its OpenAPI schema (tests/ll2/README.md).
LL2 = Path(__file__).parent / "ll2"
LL2_BASE = "https://ll.thespacedevs.com/2.2.0/"
CONTRACT_FORMAT = "?format=api"


def normalise_links(payload, *, base="http://testserver/2.2.0/", format_suffix=""):
    """An LL2 payload with its links rebased on `base`, the `?format=api` they carry replaced by
    `format_suffix` (the contract was captured in LL2's browsable API)."""
    text = json.dumps(payload, ensure_ascii=False)
    text = text.replace(LL2_BASE, base).replace(CONTRACT_FORMAT, format_suffix)
    return json.loads(text)


def ordered(payload):
    """A string that is equal for two payloads only if keys, values and key order all are."""
    return json.dumps(payload, ensure_ascii=False, indent=1)


# Where LL2's own schema says a value cannot be null but LL2's payloads serve null. The proof of each
# is `tests/ll2/spacecraft-flight-567.json` (the contract), at the path given.
NULLABLE_IN_PRACTICE = {
    # launch.mission: null
    ("LaunchSerializerCommon", "mission"),
    # launch.infographic: null
    ("LaunchSerializerCommon", "infographic"),
    # spacecraft.spacecraft_config.agency.parent: null
    ("Agency", "parent"),
    # landing.location and landing.type: null
    ("Landing", "location"),
    ("Landing", "type"),
    # tests/ll2/data/agency-44.2.2.0.detail.json (NASA's detail), at parent: null
    ("AgencySerializerDetailed", "parent"),
    # tests/ll2/launch-electron-capstone.json (a launch detail), at infographic: null
    ("LaunchDetailed", "infographic"),
    # the contract's launch (c3a3c65b...) at mission: null; its detail serves the same launch
    ("LaunchDetailed", "mission"),
    # tests/ll2/launch-electron-capstone.json, at rocket.spacecraft_stage: null (a launch without spacecraft)
    ("RocketDetailed", "spacecraft_stage"),
    # tests/ll2/data/spacestation-13.2.2.0.detail.json (Salyut 5's detail), at docking_location[0].docked:
    # null (a free port)
    ("DockingLocationSerializerForSpacestation", "docked"),
}

# Where LL2's own schema types a value wrongly: a landing location's `successful_landings` is a count
# (LL2's later schemas declare it an integer), which drf-spectacular guessed to be a string in 2.2.0's
# (a computed field). `corrected()` applies these.
TYPED_IN_PRACTICE = {("LandingLocation", "successful_landings"): {"type": "integer", "nullable": True}}


def corrected(schema_document):
    """LL2's OpenAPI document with `TYPED_IN_PRACTICE` applied (`NULLABLE_IN_PRACTICE` is applied by
    `validator` to every document)."""
    document = copy.deepcopy(schema_document)
    for (schema_name, field), definition in TYPED_IN_PRACTICE.items():
        document["components"]["schemas"][schema_name]["properties"][field] = definition
    return document


def validator(schema_document, component):
    """A validator for `component` of LL2's OpenAPI document, with `NULLABLE_IN_PRACTICE` applied."""
    document = copy.deepcopy(schema_document)
    schemas = document["components"]["schemas"]
    for schema_name, field in NULLABLE_IN_PRACTICE:
        properties = schemas[schema_name]["properties"]
        # `nullable` beside an `allOf` does not reach the referenced schema, so allow null explicitly.
        properties[field] = {"anyOf": [properties[field], {"enum": [None]}]}
    root = {**schemas[component], "components": document["components"]}
    return OAS30ReadValidator(root)


def errors(schema_document, component, instance):
    """The schema violations of `instance`, as readable strings (an empty list when it is valid)."""
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(schema_document, component).iter_errors(instance)
    ]


# --- Our own OpenAPI schema (`/2.2.0/schema/`), read strictly ----------------------------------------


def strictly(document):
    """An OpenAPI document read strictly: every object schema allows no key it does not declare
    (`additionalProperties: false`) and requires every key it declares, but those marked
    `x-optional: true`. A response that validates against it has exactly the documented keys."""
    document = copy.deepcopy(document)

    def tighten(node):
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                node["additionalProperties"] = False
                node["required"] = [
                    name for name, value in node["properties"].items() if not value.get("x-optional")
                ]
            for value in node.values():
                tighten(value)
        elif isinstance(node, list):
            for value in node:
                tighten(value)

    tighten(document)
    return document


def _path_pattern(template):
    """`/2.2.0/launch/{id}/` as a regular expression matching a request's path."""
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts) + "$")


def _closest(errors):
    """The errors, where one is "valid under none of `oneOf`" (the modes of a list) those of the branch
    the value was meant to match, the one whose keys it has (then the one with the fewest errors): that
    shape says what is wrong with it."""
    for error in errors:
        if not error.context:
            yield error
            continue
        branches = {}
        for inner in error.context:
            branches.setdefault(inner.relative_schema_path[0], []).append(inner)
        depth = len(error.absolute_path)
        yield from _closest(min(branches.values(), key=lambda found: _distance(found, depth)))


def _distance(errors, depth):
    """How far a value is from a `oneOf` branch: its keys missing or unexpected at its own level, then
    every error."""
    keys = [error for error in errors if error.validator in {"required", "additionalProperties"}]
    return (sum(len(error.absolute_path) == depth for error in keys), len(errors))


class SchemaCheck:
    """An OpenAPI document read `strictly`, and the test client's responses checked against it."""

    def __init__(self, document):
        self.document = strictly(document)
        self.paths = [(_path_pattern(template), template) for template in self.document["paths"]]

    def response_schema(self, method, path, status):
        """The schema of the JSON body of `method path` answering `status` (a path under `/api/2.2.0/`
        is the same operation as under `/2.2.0/`)."""
        path = path.removeprefix("/api")
        templates = [template for pattern, template in self.paths if pattern.match(path)]
        assert templates, f"{path} is not in the schema"
        # A literal segment wins over a parameter (`launch/upcoming/` is not `launch/{id}/`).
        template = min(templates, key=lambda template: template.count("{"))
        operation = self.document["paths"][template][method.lower()]
        return operation["responses"][str(status)]["content"]["application/json"]["schema"]

    def errors(self, response):
        """The violations of `response`'s JSON body, as readable strings (none when it conforms)."""
        request = response.wsgi_request
        schema = self.response_schema(request.method, request.path, response.status_code)
        validator = OAS31Validator({**schema, "components": self.document["components"]})
        return [
            f"{request.get_full_path()}: {'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in _closest(validator.iter_errors(response.json()))
        ]


def restricted_to(payload, reference, *, path=""):
    """`payload` with only the keys that `reference` has (recursively, lists item by item, key order
    kept), and the set of the dotted paths of the keys it left out (`flights.launch.net_precision`).

    For comparing what we serve with an older LL2 payload that predates fields LL2 added later: the
    test asserts the left-out paths are exactly those later fields, and the rest equal to the payload.
    """
    if isinstance(payload, dict) and isinstance(reference, dict):
        kept, left_out = {}, set()
        for key, value in payload.items():
            inner = f"{path}.{key}" if path else key
            if key not in reference:
                left_out.add(inner)
                continue
            kept[key], more = restricted_to(value, reference[key], path=inner)
            left_out |= more
        return kept, left_out
    if isinstance(payload, list) and isinstance(reference, list):
        kept, left_out = [], set()
        for value, reference_value in zip(payload, reference, strict=False):
            item, more = restricted_to(value, reference_value, path=path)
            kept.append(item)
            left_out |= more
        return kept + payload[len(reference) :], left_out
    return payload, set()


def whole_floats_as_ints(payload):
    """The payload with 11.0 written as 11: captures of LL2's payloads wrote whole floats as ints."""
    if isinstance(payload, dict):
        return {key: whole_floats_as_ints(value) for key, value in payload.items()}
    if isinstance(payload, list):
        return [whole_floats_as_ints(value) for value in payload]
    if isinstance(payload, float) and payload.is_integer():
        return int(payload)
    return payload


def links(payload):
    """Every `url` value in a payload, with the id of the object that holds it."""
    if isinstance(payload, list):
        for item in payload:
            yield from links(item)
    elif isinstance(payload, dict):
        if "url" in payload and "id" in payload:
            yield payload["url"], payload["id"]
        for value in payload.values():
            yield from links(value)


def component_keys(schema_document, component):
    """The field names of a component of LL2's schema, in LL2's order (its serializer's field order)."""
    return list(schema_document["components"]["schemas"][component]["properties"])


def from_ll2_2_1_0(payload):
    """An LL2 2.1.0 payload with its links made 2.2.0 ones of the test server."""
    text = json.dumps(payload, ensure_ascii=False).replace("https://ll.thespacedevs.com/2.1.0/", LL2_BASE)
    return normalise_links(json.loads(text))


# The key lists of LL2's shapes that the tests of an endpoint check in several modules (test_api.py,
# test_contract.py...).


# `?mode=list`: our choice of LL2's short launch (see LaunchListSerializer).
LAUNCH_LIST_KEYS = [
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


# LL2's `Pad`, as the contract (tests/ll2/spacecraft-flight-567.json) serves a launch's pad.
PAD_KEYS = [
    "id",
    "url",
    "agency_id",
    "name",
    "description",
    "info_url",
    "wiki_url",
    "map_url",
    "latitude",
    "longitude",
    "location",
    "country_code",
    "map_image",
    "total_launch_count",
    "orbital_launch_attempt_count",
]


# LL2's `Location`, as the contract serves a pad's location.
LOCATION_KEYS = [
    "id",
    "url",
    "name",
    "country_code",
    "description",
    "map_image",
    "timezone_name",
    "total_launch_count",
    "total_landing_count",
]


# A launcher configuration's stored launch counters.
LAUNCHER_CONFIG_COUNTERS = [
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
]

# LL2's `SpacecraftConfiguration`, the list shape of its schema.
SPACECRAFT_CONFIG_LIST_KEYS = [
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


class Answer:
    """A WSGI application's answer: its status, headers (in order) and body."""

    def __init__(self, status, headers, body):
        self.status = status
        self.status_code = int(status.split()[0])
        self.header_list = list(headers)
        self.headers = dict(headers)
        self.content = body

    def json(self):
        return json.loads(self.content)


def call_wsgi(application, path, *, host="testserver", method="get", **headers):
    """`path` through a WSGI application (`spacedevs.wsgi.application`: the response cache and the fast
    details around Django), as gunicorn calls it; the test client goes around them. With the fixture
    `keep_the_test_connection`, or Django's request signals close the test's connection."""
    headers.setdefault("HTTP_ACCEPT", "application/json")
    environ = getattr(RequestFactory(), method)(path, HTTP_HOST=host, **headers).environ
    environ["wsgi.input"] = io.BytesIO(b"")
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"], started["headers"] = status, response_headers

    result = application(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return Answer(started["status"], started["headers"], body)
