"""The agency list and detail: shapes, modes, stored counters, pagination and bad input."""

import pytest

from agencies.models import Agency
from launches.models import LaunchStatus
from tests.factories import (
    AgencyFactory,
    LauncherConfigFactory,
    LaunchFactory,
    LaunchStatusFactory,
    SpacecraftConfigFactory,
    complete_agency,
)

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/agencies/"

# LL2's `Agency`, as the contract (tests/ll2/spacecraft-flight-567.json) serves it: logo_url last.
NORMAL_KEYS = [
    "id",
    "url",
    "name",
    "featured",
    "type",
    "country_code",
    "abbrev",
    "description",
    "administrator",
    "founding_year",
    "launchers",
    "spacecraft",
    "parent",
    "image_url",
    "logo_url",
]
# LL2's `AgencySerializerDetailed`, in the key order of tests/ll2/data/agency-44.2.2.0.detail.json.
DETAILED_KEYS = [
    "id",
    "url",
    "name",
    "featured",
    "type",
    "country_code",
    "abbrev",
    "description",
    "administrator",
    "founding_year",
    "launchers",
    "spacecraft",
    "parent",
    "launch_library_url",
    "total_launch_count",
    "successful_launches",
    "consecutive_successful_launches",
    "failed_launches",
    "pending_launches",
    "successful_landings",
    "failed_landings",
    "attempted_landings",
    "consecutive_successful_landings",
    "info_url",
    "wiki_url",
    "logo_url",
    "image_url",
    "nation_url",
    "launcher_list",
    "spacecraft_list",
]


def test_list_is_paginated_in_id_order_with_absolute_links(api):
    agencies = AgencyFactory.create_batch(12)

    page = api.get(LIST).json()

    assert page["count"] == 12
    assert [a["id"] for a in page["results"]] == sorted(a.id for a in agencies)[:10]
    assert page["results"][0]["url"] == f"http://testserver{LIST}{page['results'][0]['id']}/"
    assert page["next"] == f"http://testserver{LIST}?limit=10&offset=10"
    assert page["previous"] is None


def test_normal_mode_is_the_default_list_shape(api, agencies):
    default = api.get(LIST).json()["results"]
    normal = api.get(LIST, {"mode": "normal"}).json()["results"]

    assert default == normal
    assert list(normal[0]) == NORMAL_KEYS


def test_type_and_parent_are_served_as_their_names(api):
    agency = AgencyFactory(parent=AgencyFactory(name="Roscosmos"), type__name="Commercial")

    shown = api.get(f"{LIST}{agency.id}/").json()

    assert shown["type"] == "Commercial"
    assert shown["parent"] == "Roscosmos"


def test_an_agency_without_type_or_parent_serves_null(api):
    agency = AgencyFactory(type=None, parent=None)

    shown = api.get(LIST).json()["results"][0]

    assert shown["id"] == agency.id
    assert shown["type"] is None
    assert shown["parent"] is None


def test_detailed_mode_lists_the_detail_shape(api, agencies):
    listed = api.get(LIST, {"mode": "detailed"}).json()["results"]
    detail = api.get(f"{LIST}{agencies[0].id}/").json()

    assert list(listed[0]) == DETAILED_KEYS
    assert list(detail) == DETAILED_KEYS
    assert next(a for a in listed if a["id"] == agencies[0].id) == detail


def test_mode_detailed_changes_the_shape(api):
    AgencyFactory()

    normal = api.get(LIST, {"mode": "normal"}).json()["results"][0]
    detailed = api.get(LIST, {"mode": "detailed"}).json()["results"][0]

    assert "launcher_list" not in normal
    assert "launcher_list" in detailed


def test_the_counters_are_served_as_stored_not_derived_from_our_launches(api):
    # LL2's totals over its whole history; the one failed launch held here does not change them.
    counters = {
        "total_launch_count": 41,
        "successful_launches": 38,
        "consecutive_successful_launches": 37,
        "failed_launches": 3,
        "pending_launches": 8,
        "successful_landings": 1,
        "failed_landings": 2,
        "attempted_landings": 3,
        "consecutive_successful_landings": None,
    }
    agency = AgencyFactory(**counters)
    LaunchFactory(launch_service_provider=agency, status=LaunchStatusFactory(id=LaunchStatus.FAILURE))

    shown = api.get(f"{LIST}{agency.id}/").json()

    assert {key: shown[key] for key in counters} == counters


def test_spacecraft_list_holds_the_agency_s_configurations_by_name_ignoring_case(api):
    agency = AgencyFactory()
    # Ids, case-sensitive names and names ignoring case give three different orders.
    gemini = SpacecraftConfigFactory(agency=agency, name="Gemini")
    apollo = SpacecraftConfigFactory(agency=agency, name="apollo")
    mercury = SpacecraftConfigFactory(agency=agency, name="Mercury")
    SpacecraftConfigFactory()

    shown = api.get(f"{LIST}{agency.id}/").json()["spacecraft_list"]

    assert [config["id"] for config in shown] == [apollo.id, gemini.id, mercury.id]
    assert {config["agency"]["id"] for config in shown} == {agency.id}


def test_launcher_list_holds_the_configurations_the_agency_manufactures_by_name_ignoring_case(api):
    agency = AgencyFactory()
    saturn = LauncherConfigFactory(manufacturer=agency, name="Saturn V")
    ares = LauncherConfigFactory(manufacturer=agency, name="ares I-X")
    titan = LauncherConfigFactory(manufacturer=agency, name="Titan II")
    LauncherConfigFactory(manufacturer=AgencyFactory())

    shown = api.get(f"{LIST}{agency.id}/").json()["launcher_list"]

    assert [config["id"] for config in shown] == [ares.id, saturn.id, titan.id]


def test_launcher_list_serves_the_stored_counters_of_each_configuration(api):
    agency = AgencyFactory()
    LauncherConfigFactory(
        manufacturer=agency,
        consecutive_successful_launches=1,
        successful_launches=2,
        failed_launches=1,
        pending_launches=1,
    )

    shown = api.get(f"{LIST}{agency.id}/").json()["launcher_list"][0]

    assert {key: shown[key] for key in list(shown)[-4:]} == {
        "consecutive_successful_launches": 1,
        "successful_launches": 2,
        "failed_launches": 1,
        "pending_launches": 1,
    }


def test_an_agency_without_configurations_has_empty_lists(api):
    agency = AgencyFactory()

    shown = api.get(f"{LIST}{agency.id}/").json()

    assert shown["launcher_list"] == []
    assert shown["spacecraft_list"] == []


def test_format_json_is_carried_onto_every_link(api):
    agency = complete_agency()

    body = api.get(f"{LIST}{agency.id}/", {"format": "json"}).json()

    assert body["url"].endswith(f"/agencies/{agency.id}/?format=json")
    assert all(config["url"].endswith("/?format=json") for config in body["spacecraft_list"])


def test_browsable_api_shows_the_agencies_and_the_endpoint_description(api, agencies):
    response = api.get(LIST, {"format": "api", "country_code": "USA"})

    assert response.status_code == 200
    page = response.content.decode()
    assert agencies[0].name in page
    assert "API endpoint that allows Agencies to be viewed." in page


def test_an_unknown_query_parameter_is_ignored(api, agencies):
    assert api.get(LIST, {"cachebuster": "12345"}).json()["results"] == api.get(LIST).json()["results"]


@pytest.mark.parametrize("agency_id", ["99999", "2147483648", "99999999999999999999999", "abc", "-1", "1.5"])
def test_an_id_that_is_not_an_agency_is_a_404(api, agencies, agency_id):
    assert api.get(f"{LIST}{agency_id}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("on_detail", [False, True])
def test_writes_are_not_allowed(api, agencies, method, on_detail):
    url = f"{LIST}{agencies[0].id}/" if on_detail else LIST

    response = getattr(api, method)(url, {"name": "Moon Agency"}, format="json")

    assert response.status_code == 405
    assert Agency.objects.filter(name="Moon Agency").count() == 0
