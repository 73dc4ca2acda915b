"""The programme list and detail: shapes (against LL2's payloads and schema), search, ordering, query
counts and bad input."""

import json

import pytest

from tests.factories import (
    AgencyFactory,
    MissionPatchFactory,
    ProgramFactory,
    ll2_program,
    reset_sequences,
)
from tests.helpers import LL2, errors, ordered

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/program/"

# LL2's `Program`.
KEYS = [
    "id",
    "url",
    "name",
    "description",
    "agencies",
    "image_url",
    "start_date",
    "end_date",
    "info_url",
    "wiki_url",
    "mission_patches",
]
LL2_DEV_BASE = "https://lldev.thespacedevs.com/2.2.0/"


@pytest.fixture(scope="module")
def real_programs():
    """Programmes 11 (Commercial Resupply Services) and 17 (International Space Station), as LL2's
    upcoming launches list them (Aug 2023)."""
    page = json.loads((LL2 / "launches-upcoming-page1.json").read_text())
    return {program["id"]: program for launch in page["results"] for program in launch["program"]}


def program_from(payload):
    """The programme of an LL2 payload, with its agencies (LL2's ids, names and types)."""
    program = ll2_program(payload)
    reset_sequences()
    return program


def as_ours(payload):
    return json.loads(
        json.dumps(payload, ensure_ascii=False).replace(LL2_DEV_BASE, "http://testserver/2.2.0/")
    )


def names(response):
    return [item["name"] for item in response.json()["results"]]


@pytest.mark.parametrize("program_id", [11, 17])
def test_the_detail_is_served_as_ll2_served_it(api, real_programs, program_id):
    program_from(real_programs[program_id])

    detail = api.get(f"{LIST}{program_id}/").json()

    # Key for key, value for value, in LL2's order; the agencies by name, not by id.
    assert ordered(detail) == ordered(as_ours(real_programs[program_id]))


def test_list_items_have_the_program_shape_with_agencies_by_name(api, real_programs):
    for payload in real_programs.values():
        program_from(payload)

    page = api.get(LIST).json()

    assert [item["id"] for item in page["results"]] == [11, 17]
    assert all(list(item) == KEYS for item in page["results"])
    assert [agency["id"] for agency in page["results"][0]["agencies"]] == [44, 257, 1020, 121]


def test_mission_patches_are_listed_by_priority(api):
    program = ProgramFactory(
        mission_patches=[
            MissionPatchFactory(name="Later", priority=2),
            MissionPatchFactory(name="First", priority=1),
        ]
    )

    detail = api.get(f"{LIST}{program.id}/").json()

    assert [patch["name"] for patch in detail["mission_patches"]] == ["First", "Later"]
    assert list(detail["mission_patches"][0]) == ["id", "name", "priority", "image_url", "agency"]


# Schema


@pytest.fixture
def programs():
    return ProgramFactory.create_batch(3)


def test_pages_and_details_validate(api, ll2_schema, programs):
    page = api.get(LIST, {"limit": 2}).json()
    detail = api.get(f"{LIST}{programs[0].id}/").json()

    assert errors(ll2_schema, "PaginatedProgramList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for item in [*page["results"], detail]:
        assert errors(ll2_schema, "Program", item) == []


def test_ll2s_programmes_validate(api, ll2_schema, real_programs):
    for payload in real_programs.values():
        program_from(payload)

    for item in api.get(LIST).json()["results"]:
        assert errors(ll2_schema, "Program", item) == []


def test_the_schema_check_catches_a_wrong_programme(ll2_schema):
    wrong = {"id": 11, "url": "x", "name": "CRS", "agencies": [{"id": "44"}], "image_url": "x"}

    problems = errors(ll2_schema, "Program", wrong)

    assert any("mission_patches" in problem for problem in problems)
    assert any(problem.startswith("agencies/0/id:") for problem in problems)


# Search and ordering


@pytest.fixture
def named():
    return [
        ProgramFactory(name=name)
        for name in ("International Space Station", "Artemis", "Commercial Resupply Services")
    ]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("artemis", ["Artemis"]),
        ("SPACE", ["International Space Station"]),
        ("s", ["International Space Station", "Artemis", "Commercial Resupply Services"]),
        ("Apollo", []),
    ],
)
def test_search_looks_through_the_name(api, named, term, expected):
    assert names(api.get(LIST, {"search": term})) == expected


def test_search_does_not_look_through_the_description(api, named):
    ProgramFactory(name="Gemini", description="Before Apollo.")

    assert names(api.get(LIST, {"search": "Apollo"})) == []


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        (None, ["International Space Station", "Artemis", "Commercial Resupply Services"]),  # by id
        ("-id", ["Commercial Resupply Services", "Artemis", "International Space Station"]),
        ("name", ["Artemis", "Commercial Resupply Services", "International Space Station"]),
        ("-name", ["International Space Station", "Commercial Resupply Services", "Artemis"]),
    ],
)
def test_ordering(api, named, ordering, expected):
    assert names(api.get(LIST, {"ordering": ordering} if ordering else {})) == expected


@pytest.mark.parametrize(
    "query", [{"ordering": "start_date"}, {"ordering": "bogus"}, {"search": "\x00"}, {"limit": "0"}]
)
def test_bad_values_are_refused_naming_the_parameter(api, named, query):
    response = api.get(LIST, query)

    assert response.status_code == 400
    assert response.json()["parameters"] == list(query)


def test_programmes_have_no_mode(api, named):
    # LL2's programmes have no `mode`: like any parameter the endpoint does not know, it is ignored.
    assert names(api.get(LIST, {"mode": "bogus"})) == names(api.get(LIST))


# Queries

# A page: the count, the programmes, their agencies, their mission patches; the detail: the same
# without the count.
LIST_QUERIES = 4
DETAIL_QUERIES = 3


@pytest.fixture
def many_programs():
    return [
        ProgramFactory(
            agencies=AgencyFactory.create_batch(2), mission_patches=MissionPatchFactory.create_batch(2)
        )
        for _ in range(12)
    ]


@pytest.mark.parametrize("limit", [1, 100])
def test_list_queries_do_not_grow_with_the_page(api, many_programs, django_assert_num_queries, limit):
    with django_assert_num_queries(LIST_QUERIES):
        page = api.get(LIST, {"limit": limit}).json()

    assert len(page["results"]) == min(limit, len(many_programs))


def test_detail_queries(api, many_programs, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        response = api.get(f"{LIST}{many_programs[0].id}/")

    assert len(response.json()["mission_patches"]) == 2


# Bad paths and methods


@pytest.mark.parametrize("path", ["999999/", "abc/", "2147483648/"])
def test_unknown_or_malformed_ids_are_404(api, programs, path):
    assert api.get(f"{LIST}{path}").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_endpoint_is_read_only(api, programs, method):
    assert getattr(api, method)(LIST).status_code == 405
    assert getattr(api, method)(f"{LIST}{programs[0].id}/").status_code == 405
