"""What several test modules share: comparing with LL2's payloads and validating against its schema."""

import copy
import json

from openapi_schema_validator import OAS30ReadValidator

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
}


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
