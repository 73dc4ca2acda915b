"""The event endpoints' lists and details validate against LL2's own OpenAPI schema (tests/ll2/)."""

import pytest

from tests.factories import complete_event, days
from tests.helpers import errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    return [complete_event(date=days(n)) for n in (-3, 3)]


@pytest.mark.parametrize("path", ["/2.2.0/event/", "/2.2.0/event/upcoming/", "/2.2.0/event/previous/"])
def test_event_lists_validate(api, ll2_schema, events, path):
    page = api.get(path).json()

    assert errors(ll2_schema, "PaginatedEventsList", {**page, "results": []}) == []
    assert page["results"]
    for event in page["results"]:
        assert errors(ll2_schema, "Events", event) == []


def test_an_event_detail_validates(api, ll2_schema, events):
    assert errors(ll2_schema, "Events", api.get(f"/2.2.0/event/{events[0].id}/").json()) == []


def test_the_schema_check_catches_a_wrong_event(ll2_schema):
    problems = errors(ll2_schema, "Events", {"id": 1, "type": "Docking"})

    assert any(problem.startswith("type:") for problem in problems)
