"""The spacecraft endpoints' lists and details validate against LL2's own OpenAPI schema (tests/ll2/).

With the corrections about null that LL2's payloads prove (tests.helpers.NULLABLE_IN_PRACTICE). The
endpoints: `spacecraft/flight/`, `spacecraft/`, `config/spacecraft/` and `docking_event/`.
"""

import pytest

from tests.factories import (
    complete_flight,
)
from tests.helpers import errors

pytestmark = pytest.mark.django_db


# --- spacecraft/flight/ ------------------------------------------------------------------------------

FLIGHTS = "/2.2.0/spacecraft/flight/"


@pytest.fixture
def flights():
    return [complete_flight() for _ in range(3)]


@pytest.mark.parametrize("mode", ["normal", "detailed"])
def test_flight_list_pages_validate(api, ll2_schema, flights, mode):
    page = api.get(FLIGHTS, {"mode": mode, "limit": 2}).json()
    component = "SpacecraftFlightDetailed" if mode == "detailed" else "SpacecraftFlight"

    assert errors(ll2_schema, "PaginatedSpacecraftFlightList", {**page, "results": []}) == []
    for flight in page["results"]:
        assert errors(ll2_schema, component, flight) == []


def test_flight_detail_validates(api, ll2_schema, flights):
    detail = api.get(f"{FLIGHTS}{flights[0].id}/").json()

    assert errors(ll2_schema, "SpacecraftFlightDetailed", detail) == []


def test_the_contract_flight_validates(api, ll2_schema, demo):
    detail = api.get(f"{FLIGHTS}567/").json()

    assert errors(ll2_schema, "SpacecraftFlightDetailed", detail) == []


def test_a_launch_without_mission_is_served_as_null_and_validates(api, ll2_schema, flights):
    launch = flights[0].launch
    launch.mission = None
    launch.infographic = None
    launch.save()

    detail = api.get(f"{FLIGHTS}{flights[0].id}/").json()

    assert detail["launch"]["mission"] is None
    assert detail["launch"]["infographic"] is None
    assert errors(ll2_schema, "SpacecraftFlightDetailed", detail) == []


def test_the_schema_check_catches_a_wrong_payload(ll2_schema):
    # The validator is not vacuous: a flight without its launch, with a text id, is refused.
    wrong = {"id": "567", "url": "x", "spacecraft": {}, "docking_events": []}

    problems = errors(ll2_schema, "SpacecraftFlightDetailed", wrong)

    assert any("launch" in problem for problem in problems)
    assert any(problem.startswith("id:") for problem in problems)


# --- spacecraft/ -------------------------------------------------------------------------------------

SPACECRAFT = "/2.2.0/spacecraft/"


def spacecraft_detail(api, vehicle):
    return api.get(f"{SPACECRAFT}{vehicle.id}/").json()


def test_spacecraft_list_pages_validate(api, ll2_schema, fleet):
    for mode, component in (("normal", "Spacecraft"), ("detailed", "SpacecraftDetailed")):
        page = api.get(SPACECRAFT, {"mode": mode}).json()
        assert errors(ll2_schema, "PaginatedSpacecraftList", {**page, "results": []}) == []
        for item in page["results"]:
            assert errors(ll2_schema, component, item) == []


def test_spacecraft_detail_validates(api, ll2_schema, fleet):
    shown = spacecraft_detail(api, fleet[0])

    assert len(shown["flights"]) == 2
    assert errors(ll2_schema, "SpacecraftDetailed", shown) == []
    assert errors(ll2_schema, "SpacecraftDetailed", {**shown, "flights": [{"id": "x"}]}) != []


# --- config/spacecraft/ ------------------------------------------------------------------------------

SPACECRAFT_CONFIGS = "/2.2.0/config/spacecraft/"


def config_detail(api, config):
    return api.get(f"{SPACECRAFT_CONFIGS}{config.id}/").json()


@pytest.mark.parametrize(
    ("mode", "component"),
    [("normal", "SpacecraftConfiguration"), ("detailed", "SpacecraftConfigurationDetail")],
)
def test_spacecraft_config_list_pages_validate(api, ll2_schema, configs, mode, component):
    page = api.get(SPACECRAFT_CONFIGS, {"mode": mode}).json()

    assert errors(ll2_schema, "PaginatedSpacecraftConfigurationList", {**page, "results": []}) == []
    assert len(page["results"]) == 3
    for item in page["results"]:
        assert errors(ll2_schema, component, item) == []


def test_spacecraft_config_detail_validates(api, ll2_schema, configs):
    shown = config_detail(api, configs[0])

    assert errors(ll2_schema, "SpacecraftConfigurationDetail", shown) == []
    assert errors(ll2_schema, "SpacecraftConfigurationDetail", {**shown, "human_rated": "yes"}) != []
