"""Astronaut lists and details validate against LL2's own OpenAPI schema (tests/ll2/), with the
corrections about null that LL2's payloads prove (tests.helpers.NULLABLE_IN_PRACTICE)."""

import pytest

from tests.helpers import errors

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/astronaut/"


@pytest.mark.parametrize(
    ("mode", "component"),
    [("list", "Astronaut"), ("normal", "AstronautNormal"), ("detailed", "AstronautDetailed")],
)
def test_list_pages_validate(api, ll2_schema, astronauts, mode, component):
    page = api.get(LIST, {"mode": mode}).json()

    assert errors(ll2_schema, "PaginatedAstronautNormalList", {**page, "results": []}) == []
    assert len(page["results"]) == 3
    for astronaut in page["results"]:
        assert errors(ll2_schema, component, astronaut) == []


def test_detail_validates(api, ll2_schema, astronauts):
    detail = api.get(f"{LIST}{astronauts[0].id}/").json()

    assert detail["flights"]
    assert detail["landings"]
    assert errors(ll2_schema, "AstronautDetailed", detail) == []


def test_the_schema_check_catches_a_wrong_astronaut(api, ll2_schema, astronauts):
    # The validator is not vacuous: a detail whose flights are not launches is refused.
    detail = api.get(f"{LIST}{astronauts[0].id}/").json()
    wrong = {**detail, "flights": detail["landings"]}

    assert errors(ll2_schema, "AstronautDetailed", wrong) != []
