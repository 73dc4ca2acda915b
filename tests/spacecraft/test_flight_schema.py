"""List and detail responses validate against LL2's own OpenAPI schema (tests/ll2/), with the
corrections about null that LL2's payloads prove (tests.helpers.NULLABLE_IN_PRACTICE)."""

import pytest

from tests.factories import complete_flight
from tests.helpers import errors

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/spacecraft/flight/"


@pytest.fixture
def flights():
    return [complete_flight() for _ in range(3)]


@pytest.mark.parametrize("mode", ["normal", "detailed"])
def test_list_pages_validate(api, ll2_schema, flights, mode):
    page = api.get(LIST, {"mode": mode, "limit": 2}).json()
    component = "SpacecraftFlightDetailed" if mode == "detailed" else "SpacecraftFlight"

    assert errors(ll2_schema, "PaginatedSpacecraftFlightList", {**page, "results": []}) == []
    for flight in page["results"]:
        assert errors(ll2_schema, component, flight) == []


def test_detail_validates(api, ll2_schema, flights):
    detail = api.get(f"{LIST}{flights[0].id}/").json()

    assert errors(ll2_schema, "SpacecraftFlightDetailed", detail) == []


def test_the_contract_flight_validates(api, ll2_schema, demo):
    detail = api.get(f"{LIST}567/").json()

    assert errors(ll2_schema, "SpacecraftFlightDetailed", detail) == []


def test_a_launch_without_mission_is_served_as_null_and_validates(api, ll2_schema, flights):
    launch = flights[0].launch
    launch.mission = None
    launch.infographic = None
    launch.save()

    detail = api.get(f"{LIST}{flights[0].id}/").json()

    assert detail["launch"]["mission"] is None
    assert detail["launch"]["infographic"] is None
    assert errors(ll2_schema, "SpacecraftFlightDetailed", detail) == []


def test_the_schema_check_catches_a_wrong_payload(ll2_schema):
    # The validator is not vacuous: a flight without its launch, with a text id, is refused.
    wrong = {"id": "567", "url": "x", "spacecraft": {}, "docking_events": []}

    problems = errors(ll2_schema, "SpacecraftFlightDetailed", wrong)

    assert any("launch" in problem for problem in problems)
    assert any(problem.startswith("id:") for problem in problems)
