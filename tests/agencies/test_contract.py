"""NASA's detail, built from the values of LL2's own payload (tests/ll2/agency-44.json), equals it."""

import datetime
import json

import pytest

from tests.factories import (
    AgencyFactory,
    AgencyTypeFactory,
    LauncherConfigFactory,
    SpacecraftConfigFactory,
    SpacecraftConfigTypeFactory,
)
from tests.helpers import LL2, normalise_links, ordered

pytestmark = pytest.mark.django_db

# Keys of the late 2.2.0 shape (the contract, tests/ll2/spacecraft-flight-567.json) that this 2021
# payload predates: a spacecraft configuration's `payload_return_capacity`, its agency's `logo_url`.
NEWER_CONFIG_KEYS = {"payload_return_capacity"}
NEWER_AGENCY_KEYS = {"logo_url"}


@pytest.fixture(scope="module")
def nasa_payload():
    return json.loads((LL2 / "agency-44.json").read_text())


def build_nasa(payload):
    """NASA, its launcher and spacecraft configurations, from the payload's values; each launcher
    configuration gets launches whose statuses give the payload's counters."""
    agency_fields = {
        key: value
        for key, value in payload.items()
        if key not in {"url", "type", "parent", "launcher_list", "spacecraft_list"}
    }
    nasa = AgencyFactory(**agency_fields, type=AgencyTypeFactory(name=payload["type"]), parent=None)
    for item in payload["launcher_list"]:
        config_fields = {key: value for key, value in item.items() if key != "url"}
        if config_fields["maiden_flight"]:
            config_fields["maiden_flight"] = datetime.date.fromisoformat(config_fields["maiden_flight"])
        LauncherConfigFactory(**config_fields, manufacturer=nasa)
    config_types = {}
    for item in payload["spacecraft_list"]:
        type_id = item["type"]["id"]
        if type_id not in config_types:
            config_types[type_id] = SpacecraftConfigTypeFactory(**item["type"])
        config_fields = {key: value for key, value in item.items() if key not in {"url", "type", "agency"}}
        if config_fields["maiden_flight"]:
            config_fields["maiden_flight"] = datetime.date.fromisoformat(config_fields["maiden_flight"])
        SpacecraftConfigFactory(**config_fields, type=config_types[type_id], agency=nasa)
    return nasa


def without_newer_keys(detail):
    """Our payload with the keys LL2 added after this 2021 payload taken out (their order kept)."""
    trimmed = dict(detail)
    trimmed["spacecraft_list"] = [
        {
            **{key: value for key, value in config.items() if key not in NEWER_CONFIG_KEYS},
            "agency": {key: value for key, value in config["agency"].items() if key not in NEWER_AGENCY_KEYS},
        }
        for config in detail["spacecraft_list"]
    ]
    return trimmed


def whole_floats_as_ints(payload):
    """The payload with 3.0 written as 3: the capture of LL2's payload wrote whole floats as ints."""
    if isinstance(payload, dict):
        return {key: whole_floats_as_ints(value) for key, value in payload.items()}
    if isinstance(payload, list):
        return [whole_floats_as_ints(value) for value in payload]
    if isinstance(payload, float) and payload.is_integer():
        return int(payload)
    return payload


def test_detail_of_nasa_equals_ll2_s_payload(api, nasa_payload):
    build_nasa(nasa_payload)

    response = api.get("/2.2.0/agencies/44/")

    assert response.status_code == 200
    served = whole_floats_as_ints(without_newer_keys(response.json()))
    assert ordered(served) == ordered(normalise_links(nasa_payload))


def test_nasa_s_spacecraft_configurations_carry_the_newer_keys(api, nasa_payload):
    build_nasa(nasa_payload)

    config = api.get("/2.2.0/agencies/44/").json()["spacecraft_list"][0]

    keys = list(config)
    assert keys[keys.index("payload_capacity") + 1] == "payload_return_capacity"
    assert list(config["agency"])[-2:] == ["image_url", "logo_url"]


def test_nasa_is_listed_in_the_same_shape_with_mode_detailed(api, nasa_payload):
    build_nasa(nasa_payload)

    listed = api.get("/2.2.0/agencies/", {"mode": "detailed"}).json()["results"]

    assert listed == [api.get("/2.2.0/agencies/44/").json()]
