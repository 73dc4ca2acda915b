"""How our OpenAPI schema differs from LL2's, each difference with its proof (docs/schema-differences.md).

The two schemas are walked side by side from each operation they share: a list's items (LL2 documents
every mode with one component: ours in its default mode), a detail's body, then every object they
embed, key by key, so that each of LL2's components is paired with ours where they describe the same
thing. A difference is proven by a payload of LL2's in `tests/ll2/` (LL2 served it so: a key its schema
lacks, a null where it says none, a value of another type), found by walking the payloads against
LL2's schema, or else by one of the RULES, each a statement about LL2 or about our data.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from spacedevs.api.schema import LL2SchemaGenerator

ROOT = Path(__file__).resolve().parent.parent
LL2_PAYLOADS = ROOT / "tests" / "ll2"
LL2_SCHEMA = LL2_PAYLOADS / "ll2-2.2.0-openapi.yaml"
DOCUMENT = ROOT / "docs" / "schema-differences.md"

# LL2's payloads in tests/ll2/ (tests/ll2/README.md), and what they are: the body of a detail, a page of
# a list, or a JSON list of details. 2.1.0 payloads prove nothing about 2.2.0 and are left out.
PAYLOADS = {
    "spacecraft-flight-567.json": ("/2.2.0/spacecraft/flight/{id}/", "detail"),
    "launch-electron-capstone.json": ("/2.2.0/launch/{id}/", "detail"),
    "data/agency-44.2.2.0.detail.json": ("/2.2.0/agencies/{id}/", "detail"),
    "data/agency-225.2.2.0.detail.json": ("/2.2.0/agencies/{id}/", "detail"),
    "data/astronauts-active.2.2.0.list-page1.json": ("/2.2.0/astronaut/", "page"),
    "data/spacecraft-40.2.2.0.detail-19-of-25-flights.json": ("/2.2.0/spacecraft/{id}/", "detail"),
    "data/config-spacecraft.2.2.0.details.json": ("/2.2.0/config/spacecraft/{id}/", "details"),
    "data/launches-upcoming.2.2.0.list-page1.json": ("/2.2.0/launch/upcoming/", "page"),
    "data/spacestation-13.2.2.0.detail.json": ("/2.2.0/spacestation/{id}/", "detail"),
}


class Shape(NamedTuple):
    """What a schema says a value is, for comparing: its kind ("object" for a component, "array",
    "string"...), its detail (the component, the items' shape, the format or enum) and whether it may
    be null."""

    kind: str
    detail: object
    nullable: bool


def ref_name(schema: dict) -> str:
    return schema["$ref"].rsplit("/", 1)[1]


def shape(schema: dict) -> Shape:
    """The `Shape` of an OpenAPI 3.0 (LL2's) or 3.1 (ours) schema: `nullable: true`, `type: [..., "null"]`
    and a `oneOf` branch of null all say null; `allOf` of one component is that component."""
    nullable = bool(schema.get("nullable"))
    kind = schema.get("type")
    if isinstance(kind, list):
        nullable = nullable or "null" in kind
        kind = next(item for item in kind if item != "null")
    for combinator in ("allOf", "oneOf", "anyOf"):
        if combinator in schema:
            branches = [branch for branch in schema[combinator] if branch.get("type") != "null"]
            nullable = nullable or len(branches) < len(schema[combinator])
            if len(branches) == 1 and "$ref" in branches[0]:
                return Shape("object", ref_name(branches[0]), nullable)
            if all(branch.get("type") == "string" for branch in branches):
                # A URL or an empty string: a string, of the first format named.
                formats = [branch["format"] for branch in branches if "format" in branch]
                return Shape("string", formats[0] if formats else None, nullable)
    if "$ref" in schema:
        return Shape("object", ref_name(schema), nullable)
    if kind == "array":
        items = shape(schema["items"])
        return Shape("array", (items.kind, items.detail), nullable)
    if kind == "object" and "properties" in schema:
        return Shape("object", None, nullable)
    detail = schema.get("format") or (tuple(schema["enum"]) if "enum" in schema else None)
    return Shape(kind or "any", detail, nullable)


def describe(value: Shape) -> str:
    kind, detail = value.kind, value.detail
    if kind == "array":
        text = f"array of {describe(Shape(*detail, False))}"
    elif kind == "object":
        text = f"`{detail}`" if detail else "object"
    elif isinstance(detail, tuple):
        text = f"{kind} ({', '.join(map(str, detail))})"
    else:
        text = f"{kind}, {detail}" if detail else kind
    return text + (" or null" if value.nullable else "")


@dataclass(frozen=True)
class Difference:
    """One difference: where (`place`: a path, a path's parameter, or a pair of components and a key),
    what (`kind`), in words (`text`), and what LL2 and we say there."""

    section: str
    place: str
    kind: str
    text: str
    ll2: Shape | None = None
    ours: Shape | None = None
    component: str = ""
    key: str = ""
    pair: tuple[str, str] = ("", "")  # LL2's component and ours (empty: written out in place)


@dataclass(frozen=True)
class Rule:
    """A statement that proves the differences it `applies` to."""

    name: str
    text: str
    applies: Callable[[Difference], bool]


def _is_count(difference: Difference) -> bool:
    return difference.ours is not None and difference.ours.kind == "integer"


def _event_parameter(difference: Difference) -> bool:
    return difference.kind == "parameter only in ours" and "/event/" in difference.component


RULES = [
    Rule(
        "endpoint-to-come",
        "LL2 serves this endpoint and we do not yet (README lists what we serve); its schema comes with it.",
        lambda d: d.kind == "path only in LL2's",
    ),
    Rule(
        "undocumented-body",
        "LL2's schema documents no body for this path, which LL2 serves all the same; ours documents the"
        " body we serve (for `dashboard/starship/`, the shape pylaunches' `StarshipResponse` reads).",
        lambda d: d.kind == "body only in ours",
    ),
    Rule(
        "event-dates",
        "LL2's event lists filter on the event's `date` with django-filter's lookups, which \"this day in"
        ' space" apps call (`event/?date__month=11&date__day=28`); its Sep 2022 schema lists none of'
        " them.",
        lambda d: _event_parameter(d) and d.key.startswith("date__"),
    ),
    Rule(
        "event-lists-alike",
        "LL2's schema filters `event/` by `id` and `slug`; `event/upcoming/` and `event/previous/` are the"
        " same list split by date, and take every filter of `event/`.",
        lambda d: _event_parameter(d) and d.key in {"id", "slug"},
    ),
    Rule(
        "api-throttle",
        "LL2 serves `api-throttle/` (its budget report, which LL2's clients call) and its schema leaves it"
        " out.",
        lambda d: d.kind == "path only in ours" and d.place.strip("`").endswith("/api-throttle/"),
    ),
    Rule(
        "url-format",
        "A URL is a string of `format: uri` in our schema: our models keep URLs in URL fields, and every"
        " `url` is an absolute link. LL2's schema says only `string` for some of them.",
        lambda d: d.kind == "type" and d.ours.kind == d.ll2.kind == "string" and d.ours.detail == "uri",
    ),
    Rule(
        "derived-counts",
        "A count we derive in SQL (flights, landings, crew aboard, vehicles docked) counts what we hold and"
        " is"
        " 0 when there is nothing to count: never null, where LL2's schema allows null.",
        lambda d: d.kind == "never null in ours" and _is_count(d),
    ),
    Rule(
        "null-in-our-data",
        "Our data can hold null here (the model's field or relation is `null=True`): a mirror holds an object"
        " as far as its payloads went (one first met inside another object's short shape lacks what that"
        " shape leaves out), and a curator may leave it empty. Our schema documents what we can serve.",
        lambda d: d.kind == "null in ours",
    ),
    Rule(
        "late-2.2.0-fields",
        "LL2 added this key to its 2.2.0 objects after its Sep 2022 schema: the same key on the same kind of"
        " object in the contract (`tests/ll2/spacecraft-flight-567.json`, LL2's newest shape) or in another"
        " of LL2's payloads, cited beside it.",
        lambda d: False,  # proven in `prove`, with the payload that shows the key
    ),
    Rule(
        "launcher-config-flags",
        "`active` and `reusable` are late 2.2.0 keys of a launcher configuration (after `name` in its"
        " detail),"
        " served by LL2 since its Sep 2022 schema; `?active=` and `?reusable=` filter on them.",
        lambda d: d.key in {"active", "reusable"},
    ),
    Rule(
        "filters-gap",
        "LL2's schema lists this filter and we do not take it yet: an unknown parameter is ignored, as LL2"
        " ignores one, so the list is not filtered by it.",
        lambda d: d.kind == "parameter only in LL2's",
    ),
    Rule(
        "filters-in-descriptions",
        "LL2 names this filter in its endpoint's description (the text of its schema cited beside it), not"
        " among the parameters of its schema.",
        lambda d: False,  # proven in `prove`, with the description that names it
    ),
    Rule(
        "modes",
        "LL2 serves the modes its descriptions name (`?mode=detailed`...), where its schema documents none;"
        " ours documents `mode` wherever an endpoint has more than one shape.",
        lambda d: d.kind == "parameter only in ours" and d.key == "mode",
    ),
    Rule(
        "ordering-and-lists",
        "`ordering` takes a comma-separated list of the fields it names, each maybe with `-` (descending),"
        " and"
        " `country_code` a comma-separated list of codes: arrays (`explode: false`) in our schema, where"
        " LL2's says `string`. Our lists of choices are the fields we order by.",
        lambda d: (
            d.kind in {"parameter type", "parameter only in ours"} and d.key in {"ordering", "country_code"}
        ),
    ),
    Rule(
        "path-ids",
        "A path's id is an LL2 integer id (`/2.2.0/agencies/44/`); LL2's schema says `integer` too, and ours"
        " says it of every id but a launch's, a UUID.",
        lambda d: d.kind == "parameter type" and d.key == "id",
    ),
    Rule(
        "untyped-counts",
        "LL2's schema says `string` for the values drf-spectacular could not type (LL2's method fields"
        " without"
        " a type hint, with a warning); `successful_landings` is a count, an integer as in LL2's agencies"
        " (`Agency.successful_landings`, `integer` in its schema) and in our model.",
        lambda d: d.kind == "type" and d.key == "successful_landings" and d.ll2.kind == "string",
    ),
    Rule(
        "previous-flight",
        "A booster's `previous_flight` is LL2's `LaunchSerializerMini`, `{id, name}`, which our schema writes"
        " out where it is used (null on a booster's first flight).",
        lambda d: d.key == "previous_flight",
    ),
]

THROUGHOUT = [
    (
        'OpenAPI 3.1.0 (LL2\'s is 3.0.3): a value that may be null is `type: [..., "null"]`, and an object'
        " that may be null `oneOf` its component and null, which 3.0's `nullable` beside a `$ref` cannot"
        " say.",
        "OpenAPI 3.1.0, `openapi` of both documents",
    ),
    (
        "Every key of every object is `required` and no other key is allowed (`additionalProperties: false`):"
        " a serializer writes every field, every time. LL2's schema requires only its read-only keys.",
        "`tests/spacedevs/test_schema.py` holds every response to it",
    ),
    (
        "A list documents each of its modes as a component of its own, its items `oneOf` them"
        " (`PaginatedLaunchList`: `LaunchList`, `Launch`, `LaunchDetailed`), where LL2's documents one"
        " component for every mode; the `mode` parameter names the choices.",
        "the modes of LL2's descriptions; the contract is the `detailed` mode",
    ),
    (
        "Components are named for our serializers; the pairs below say which of LL2's each one is.",
        "naming",
    ),
    (
        "No `maxLength`, `pattern`, `minimum` or `maximum`: they say what a write would accept, and the API"
        " only reads.",
        "a read-only API (POST, PUT, PATCH and DELETE answer 405)",
    ),
    (
        "No security schemes: the API is public and read-only, LL2's documents token, cookie and basic"
        " authentication.",
        "a public API",
    ),
]


@dataclass
class Walk:
    """The two documents, and what walking them found."""

    ours: dict
    ll2: dict
    pairs: dict = field(default_factory=dict)  # (LL2's component, ours) -> where first met
    differences: list = field(default_factory=list)

    def components(self, document: dict) -> dict:
        return document["components"]["schemas"]

    def compare_components(self, theirs: str, mine: str, where: str, *, mine_schema: dict | None = None):
        if (theirs, mine) in self.pairs:
            return
        self.pairs[theirs, mine] = where
        their_keys = self.components(self.ll2)[theirs].get("properties", {})
        my_keys = (mine_schema or self.components(self.ours)[mine]).get("properties", {})
        pair = (theirs, mine)
        for key in their_keys.keys() - my_keys.keys():
            text = f"`{key}`: LL2's schema has it, we do not serve it"
            self.add_key(pair, "key only in LL2's", text, key)
        for key in my_keys.keys() - their_keys.keys():
            self.add_key(pair, "key only in ours", f"`{key}`: we serve it, LL2's schema lacks it", key)
        for key in sorted(their_keys.keys() & my_keys.keys()):
            self.compare_values(pair, key, their_keys[key], my_keys[key], f"{where}.{key}")

    def compare_values(self, pair, key, theirs, mine, where):
        their_shape, my_shape = shape(theirs), shape(mine)
        if their_shape.kind == my_shape.kind == "object" and their_shape.detail:
            if my_shape.detail:
                self.compare_components(their_shape.detail, my_shape.detail, where)
            else:
                self.compare_components(their_shape.detail, "", where, mine_schema=_inline(mine))
        elif (
            their_shape.kind == my_shape.kind == "array"
            and their_shape.detail[0] == my_shape.detail[0] == "object"
        ):
            self.compare_components(their_shape.detail[1], my_shape.detail[1], f"{where}[]")
        elif (their_shape.kind, their_shape.detail) != (my_shape.kind, my_shape.detail):
            text = (
                f"`{key}`: {describe(their_shape._replace(nullable=False))} in LL2's,"
                f" {describe(my_shape._replace(nullable=False))} in ours"
            )
            self.add_key(pair, "type", text, key, their_shape, my_shape)
        if their_shape.nullable != my_shape.nullable:
            if my_shape.nullable:
                self.add_key(pair, "null in ours", f"`{key}`: may be null in ours, never in LL2's", key)
            else:
                self.add_key(
                    pair,
                    "never null in ours",
                    f"`{key}`: never null in ours, may be in LL2's",
                    key,
                    ours=my_shape,
                )

    def add_key(self, pair, kind, text, key, ll2=None, ours=None):
        """A difference of a key of LL2's component `pair[0]` and ours, `pair[1]`."""
        theirs, mine = pair
        place = f"LL2's `{theirs}`, our `{mine}`" if mine else f"LL2's `{theirs}`, ours written out"
        self.differences.append(Difference("components", place, kind, text, ll2, ours, theirs, key, pair))

    def add(self, section, place, kind, text, *, component="", key=""):
        self.differences.append(Difference(section, place, kind, text, component=component, key=key))


def _inline(schema: dict) -> dict:
    """An object written out in place (not a component), nullable or not."""
    for branch in schema.get("oneOf", [schema]):
        if "properties" in branch:
            return branch
    return schema


def body_component(document: dict, path: str) -> str:
    """The component of a detail's body, or of a list's items (the default mode's, for ours)."""
    schemas = document["components"]["schemas"]
    body = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    name = ref_name(body)
    if "{" in path:
        return name
    items = schemas[name]["properties"]["results"]["items"]
    name = ref_name(items)
    if "oneOf" in schemas[name]:
        # Our `<Default>Modes`: the default mode's component.
        default = name.removesuffix("Modes")
        names = [ref_name(branch) for branch in schemas[name]["oneOf"]]
        return default if default in names else names[0]
    return name


def compare_paths(walk: Walk):
    ours, ll2 = walk.ours["paths"], walk.ll2["paths"]
    for path in sorted(ll2.keys() - ours.keys()):
        walk.add("paths", f"`{path}`", "path only in LL2's", "LL2 serves it, we do not yet")
    for path in sorted(ours.keys() - ll2.keys()):
        walk.add("paths", f"`{path}`", "path only in ours", "we serve it, LL2's schema lacks it")
    for path in sorted(ours.keys() & ll2.keys()):
        if "content" not in ll2[path]["get"]["responses"]["200"]:
            walk.add("paths", f"`{path}`", "body only in ours", "LL2's schema documents no body, ours does")
        else:
            walk.compare_components(body_component(walk.ll2, path), body_component(walk.ours, path), path)
        compare_parameters(walk, path)


def compare_parameters(walk: Walk, path: str):
    theirs = {
        parameter["name"]: parameter for parameter in walk.ll2["paths"][path]["get"].get("parameters", [])
    }
    mine = {
        parameter["name"]: parameter for parameter in walk.ours["paths"][path]["get"].get("parameters", [])
    }
    for name in sorted(theirs.keys() - mine.keys()):
        walk.add(
            "parameters",
            f"`{path}`",
            "parameter only in LL2's",
            f"`{name}`: LL2's schema lists it, we do not take it",
            component=path,
            key=name,
        )
    for name in sorted(mine.keys() - theirs.keys()):
        walk.add(
            "parameters",
            f"`{path}`",
            "parameter only in ours",
            f"`{name}`: we take it, LL2's schema does not list it",
            component=path,
            key=name,
        )
    for name in sorted(mine.keys() & theirs.keys()):
        their_shape, my_shape = shape(theirs[name]["schema"]), shape(mine[name]["schema"])
        if (their_shape.kind, their_shape.detail) != (my_shape.kind, my_shape.detail):
            walk.add(
                "parameters",
                f"`{path}`",
                "parameter type",
                f"`{name}`: {describe(their_shape)} in LL2's, {describe(my_shape)} in ours",
                component=path,
                key=name,
            )


# --- Proofs ---------------------------------------------------------------------------------------------


JSON_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list}


def wrong_type(value, expected: Shape) -> bool:
    """Whether a JSON value is not of the type a schema says (a boolean is no integer)."""
    wanted = JSON_TYPES.get(expected.kind)
    if wanted is None:
        return False
    return not isinstance(value, wanted) or isinstance(value, bool) != (expected.kind == "boolean")


@dataclass
class PayloadReader:
    """Reads LL2's payloads against LL2's schema and keeps what they show: `evidence`,
    `{(component, key, kind): "file at json.path"}`, the first payload that shows it, for the kinds
    "key only in ours" (a key the component lacks), "null in ours" (null where it says never) and
    "type" (a value of another type)."""

    components: dict
    evidence: dict = field(default_factory=dict)

    def read(self, value: dict, component: str, where: str, source: str):
        properties = self.components[component].get("properties", {})
        for key, item in value.items():
            at = f"{where}.{key}" if where else key
            if key in properties:
                self.read_value(item, component, key, shape(properties[key]), at, source)
                continue
            self.evidence.setdefault((component, key, "key only in ours"), f"`{source}` at `{at}`")
            # A late key holding an object LL2 documents elsewhere (a flight's `landing`, LL2's
            # `Landing`): that object is read against its component too.
            named = key[:1].upper() + key[1:]
            if isinstance(item, dict) and named in self.components:
                self.read(item, named, at, source)

    def read_value(self, item, component: str, key: str, expected: Shape, at: str, source: str):
        if item is None:
            if not expected.nullable:
                self.evidence.setdefault((component, key, "null in ours"), f"`{source}` at `{at}`")
            return
        if wrong_type(item, expected):
            self.evidence.setdefault((component, key, "type"), f"`{source}` at `{at}`")
        if expected.kind == "object" and expected.detail and isinstance(item, dict):
            self.read(item, expected.detail, at, source)
        elif expected.kind == "array" and expected.detail[0] == "object" and isinstance(item, list):
            for index, element in enumerate(item):
                if isinstance(element, dict):
                    self.read(element, expected.detail[1], f"{at}[{index}]", source)


def payload_evidence(ll2: dict) -> dict:
    """What the payloads of PAYLOADS show against LL2's schema (see `PayloadReader`)."""
    reader = PayloadReader(ll2["components"]["schemas"])
    for name, (path, form) in PAYLOADS.items():
        payload = json.loads((LL2_PAYLOADS / name).read_text())
        if form == "detail":
            objects = [("", payload)]
        elif form == "details":
            objects = [(f"[{index}]", item) for index, item in enumerate(payload)]
        else:
            objects = [(f"results[{index}]", item) for index, item in enumerate(payload["results"])]
        for where, item in objects:
            reader.read(item, body_component(ll2, path), where, f"tests/ll2/{name}")
    return reader.evidence


def prove(difference: Difference, evidence: dict, ll2: dict) -> str | None:
    """The proof of a difference: LL2's payload that shows it, or the rule that states it (None: none)."""
    shown = evidence.get((difference.component, difference.key, difference.kind))
    if shown:
        return shown
    if difference.kind == "key only in ours":
        elsewhere = sorted(
            (
                where
                for (component, key, kind), where in evidence.items()
                if key == difference.key and kind == difference.kind
            )
        )
        if elsewhere:
            return f"rule *late-2.2.0-fields*: {elsewhere[0]}"
    if difference.kind == "parameter only in ours":
        described = ll2["paths"][difference.component]["get"].get("description", "")
        if re.search(rf"(?<![\w]){re.escape(difference.key)}(?![\w])", described):
            named = f"LL2's description of `{difference.component}` names `{difference.key}`"
            return f"rule *filters-in-descriptions*: {named}"
    for rule in RULES:
        if rule.applies(difference):
            return f"rule *{rule.name}*"
    return None


def differences() -> tuple[Walk, list[tuple[Difference, str | None]]]:
    """Our schema compared with LL2's: the walk (its pairs of components) and each difference with its
    proof (None where nothing proves it)."""
    ours = LL2SchemaGenerator().get_schema(request=None, public=True)
    ll2 = yaml.safe_load(LL2_SCHEMA.read_text())
    walk = Walk(ours=ours, ll2=ll2)
    compare_paths(walk)
    evidence = payload_evidence(ll2)
    proven = [(difference, prove(difference, evidence, ll2)) for difference in walk.differences]
    return walk, sorted(proven, key=lambda item: (item[0].section, item[0].place, item[0].text))


SECTIONS = {
    "paths": "Endpoints",
    "parameters": "Parameters",
    "components": "Objects (each of LL2's components beside ours, and where the walk first met them)",
}


def render() -> tuple[str, list[Difference]]:
    """`docs/schema-differences.md`, and the differences nothing proves (to be none)."""
    walk, proven = differences()
    lines = [
        "# How our OpenAPI schema differs from LL2's",
        "",
        "Generated by `python manage.py schema_differences` from our schema (`/2.2.0/schema/`) and LL2's own",
        "(`tests/ll2/ll2-2.2.0-openapi.yaml`, Sep 2022); `tests/spacedevs/test_schema_differences.py`",
        "fails when this file is out of date or a difference has no proof. A proof is a payload LL2 served",
        "(in `tests/ll2/`, at the JSON path given), or a rule below.",
        "",
        "## Throughout",
        "",
    ]
    lines += [f"- {text} (*{proof}*)" for text, proof in THROUGHOUT]
    lines += ["", "## Rules", ""]
    lines += [f"- *{rule.name}*: {rule.text}" for rule in RULES]
    for section, title in SECTIONS.items():
        lines += ["", f"## {title}", ""]
        place = None
        for difference, proof in proven:
            if difference.section != section:
                continue
            if difference.place != place:
                place = difference.place
                first = walk.pairs.get(difference.pair)
                where = f" (at `{first}`)" if first else ""
                lines += ["", f"### {place}{where}", ""] if section != "paths" else []
            prefix = f"{difference.place}: " if section == "paths" else ""
            lines.append(f"- {prefix}{difference.text}. Proof: {proof or '**none**'}.")
    unproven = [difference for difference, proof in proven if proof is None]
    return "\n".join(line for line in _squeeze(lines)) + "\n", unproven


def _squeeze(lines):
    """No two blank lines in a row."""
    previous = None
    for line in lines:
        if line == "" and previous == "":
            continue
        previous = line
        yield line
