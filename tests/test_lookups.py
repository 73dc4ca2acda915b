"""Every `config/...` lookup of LL2's schema, across the apps that own them: a list and a detail in the
shape of the schema's component, `search` and `ordering`, and their query counts at page size 1 and
100 (literals)."""

import pytest

from tests.factories import (
    AgencyTypeFactory,
    AstronautRoleFactory,
    AstronautStatusFactory,
    AstronautTypeFactory,
    DockingLocationFactory,
    EventTypeFactory,
    FirstStageTypeFactory,
    LandingLocationFactory,
    LaunchStatusFactory,
    MissionTypeFactory,
    NoticeTypeFactory,
    OrbitFactory,
    RoadClosureStatusFactory,
    SpacecraftStatusFactory,
    SpaceStationStatusFactory,
)
from tests.helpers import component_keys, errors

pytestmark = pytest.mark.django_db

# The path, the schema's component, and two rows, the first of which `search` finds alone by "Zeta"
# and the `-name` ordering lists first.
LOOKUPS = {
    "agencytype": ("AgencyType", lambda name: AgencyTypeFactory(name=name)),
    "astronautrole": ("AstronautRole", lambda name: AstronautRoleFactory(role=name)),
    "astronautstatus": ("AstronautStatus", lambda name: AstronautStatusFactory(name=name)),
    "astronauttype": ("AstronautType", lambda name: AstronautTypeFactory(name=name)),
    "dockinglocation": ("DockingLocation", lambda name: DockingLocationFactory(name=name)),
    "eventtype": ("EventType", lambda name: EventTypeFactory(name=name)),
    "firststagetype": ("FirstStageType", lambda name: FirstStageTypeFactory(name=name)),
    "landinglocation": ("LandingLocation", lambda name: LandingLocationFactory(name=name)),
    "launchstatus": ("LaunchStatus", lambda name: LaunchStatusFactory(name=name)),
    "missiontype": ("MissionType", lambda name: MissionTypeFactory(name=name)),
    "noticetype": ("NoticeType", lambda name: NoticeTypeFactory(name=name)),
    "orbit": ("Orbit", lambda name: OrbitFactory(name=name)),
    "roadclosurestatus": ("RoadClosureStatus", lambda name: RoadClosureStatusFactory(name=name)),
    "spacecraftstatus": ("SpacecraftStatus", lambda name: SpacecraftStatusFactory(name=name)),
    "spacestationstatus": ("SpaceStationStatus", lambda name: SpaceStationStatusFactory(name=name)),
}
ORDERED_BY = {"astronautrole": "role"}


@pytest.fixture(params=sorted(LOOKUPS))
def lookup(request):
    path = request.param
    component, make = LOOKUPS[path]
    rows = [make("Zeta"), make("Alpha"), make("Beta")]
    return f"/2.2.0/config/{path}/", component, rows, ORDERED_BY.get(path, "name")


def test_the_list_and_the_detail_are_the_schema_s_component(api, ll2_schema_corrected, lookup):
    path, component, rows, _ = lookup

    page = api.get(path).json()
    detail = api.get(f"{path}{rows[0].id}/").json()

    assert page["count"] == 3
    assert [item["id"] for item in page["results"]] == sorted(row.id for row in rows)
    assert list(detail) == component_keys(ll2_schema_corrected, component)
    assert detail == next(item for item in page["results"] if item["id"] == rows[0].id)
    assert errors(ll2_schema_corrected, component, detail) == []


def test_search_and_ordering(api, lookup):
    path, _, rows, name = lookup

    found = api.get(path, {"search": "zet"}).json()["results"]
    ordered = api.get(path, {"ordering": f"-{name}"}).json()["results"]

    assert [item["id"] for item in found] == [rows[0].id]
    assert [item["id"] for item in ordered] == [rows[0].id, rows[2].id, rows[1].id]


@pytest.mark.parametrize("limit", [1, 100])
def test_a_list_is_its_count_and_its_page(api, lookup, django_assert_num_queries, limit):
    path, *_ = lookup

    with django_assert_num_queries(2):
        api.get(path, {"limit": limit})


def test_a_detail_is_one_query(api, lookup, django_assert_num_queries):
    path, _, rows, _ = lookup

    with django_assert_num_queries(1):
        assert api.get(f"{path}{rows[0].id}/").status_code == 200


def test_an_unknown_id_is_a_404(api, lookup):
    path, *_ = lookup

    assert api.get(f"{path}99999/").status_code == 404
