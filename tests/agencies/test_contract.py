"""NASA's detail, built from the values of LL2's own payload, equals it.

The payload is tests/ll2/data/agency-44.2.2.0.detail.json.
"""

import json

import pytest

from tests.factories import ll2_agency, ll2_launcher_config, ll2_spacecraft_config
from tests.helpers import LL2, normalise_links, ordered, whole_floats_as_ints

pytestmark = pytest.mark.django_db

# Keys of the late 2.2.0 shape (the contract, tests/ll2/spacecraft-flight-567.json) that this 2021
# payload predates: a spacecraft configuration's `payload_return_capacity`, its agency's `logo_url`.
NEWER_CONFIG_KEYS = {"payload_return_capacity"}
NEWER_AGENCY_KEYS = {"logo_url"}


@pytest.fixture(scope="module")
def nasa_payload():
    return json.loads((LL2 / "data" / "agency-44.2.2.0.detail.json").read_text())


def build_nasa(payload):
    """NASA, its launcher and spacecraft configurations, from the payload's values (the launcher
    configurations' counters stored as LL2 serves them)."""
    nasa = ll2_agency(payload)
    for item in payload["launcher_list"]:
        ll2_launcher_config(item, manufacturer=nasa)
    for item in payload["spacecraft_list"]:
        ll2_spacecraft_config(item)
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
