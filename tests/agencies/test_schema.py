"""Agency lists and details validate against LL2's own OpenAPI schema (tests/ll2/), with the
corrections about null that LL2's payloads prove (tests.helpers.NULLABLE_IN_PRACTICE)."""

import pytest

from tests.factories import complete_agency
from tests.helpers import errors

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/agencies/"


@pytest.mark.parametrize(
    ("mode", "component"), [("normal", "Agency"), ("detailed", "AgencySerializerDetailed")]
)
def test_list_pages_validate(api, ll2_schema, agencies, mode, component):
    page = api.get(LIST, {"mode": mode, "limit": 4}).json()

    assert errors(ll2_schema, "PaginatedAgencyList", {**page, "results": []}) == []
    assert len(page["results"]) == 4
    for agency in page["results"]:
        assert errors(ll2_schema, component, agency) == []


def test_detail_validates(api, ll2_schema, agencies):
    detail = api.get(f"{LIST}{agencies[0].id}/").json()

    assert len(detail["launcher_list"]) == len(detail["spacecraft_list"]) == 2
    assert errors(ll2_schema, "AgencySerializerDetailed", detail) == []


def test_an_agency_without_parent_validates(api, ll2_schema):
    # LL2's schema says `parent` is a string; the contract serves null (tests.helpers.NULLABLE_IN_PRACTICE).
    agency = complete_agency(parent=None)

    detail = api.get(f"{LIST}{agency.id}/").json()

    assert detail["parent"] is None
    assert errors(ll2_schema, "AgencySerializerDetailed", detail) == []
