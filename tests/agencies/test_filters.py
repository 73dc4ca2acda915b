"""The agency list's filters, search and ordering, and the 400 for a bad value of each (or of `mode`)."""

import pytest

from tests.factories import AgencyFactory, AgencyTypeFactory

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/agencies/"


def ids(api, params):
    response = api.get(LIST, params)
    assert response.status_code == 200, response.json()
    return [agency["id"] for agency in response.json()["results"]]


def test_featured(api):
    featured = AgencyFactory(featured=True)
    other = AgencyFactory(featured=False)

    assert ids(api, {"featured": "true"}) == [featured.id]
    assert ids(api, {"featured": "false"}) == [other.id]


def test_agency_type_is_the_type_s_id(api):
    commercial = AgencyFactory(type=AgencyTypeFactory(name="Commercial"))
    AgencyFactory(type=AgencyTypeFactory(name="Government"))

    assert ids(api, {"agency_type": commercial.type_id}) == [commercial.id]


def test_country_code_matches_any_listed_code_in_an_agency_s_own_list(api):
    usa = AgencyFactory(country_code="USA")
    esa = AgencyFactory(country_code="FRA,DEU,ITA")
    spaced = AgencyFactory(country_code="FRA, RUS")
    AgencyFactory(country_code="JPN")

    assert ids(api, {"country_code": "USA"}) == [usa.id]
    assert ids(api, {"country_code": "ITA"}) == [esa.id]
    assert ids(api, {"country_code": "RUS,USA"}) == [usa.id, spaced.id]
    assert ids(api, {"country_code": "fra"}) == [esa.id, spaced.id]


def test_country_code_matches_whole_codes_only(api):
    AgencyFactory(country_code="USA,FRA")

    assert ids(api, {"country_code": "US"}) == []
    assert ids(api, {"country_code": "SA,FR"}) == []


def test_id(api):
    agency, _other = AgencyFactory.create_batch(2)

    assert ids(api, {"id": agency.id}) == [agency.id]


def test_name_is_exact(api):
    nasa = AgencyFactory(name="National Aeronautics and Space Administration")
    AgencyFactory(name="National Aeronautics and Space Administration Ames")

    assert ids(api, {"name": "National Aeronautics and Space Administration"}) == [nasa.id]
    assert ids(api, {"name": "National"}) == []


def test_name_contains(api):
    nasa = AgencyFactory(name="National Aeronautics and Space Administration")
    AgencyFactory(name="SpaceX")

    assert ids(api, {"name__contains": "Aeronautics"}) == [nasa.id]


def test_abbrev_is_exact(api):
    nasa = AgencyFactory(abbrev="NASA")
    AgencyFactory(abbrev="NASDA")

    assert ids(api, {"abbrev": "NASA"}) == [nasa.id]


def test_abbrev_contains(api):
    nasda = AgencyFactory(abbrev="NASDA")
    AgencyFactory(abbrev="ESA")

    assert ids(api, {"abbrev__contains": "SD"}) == [nasda.id]


def test_parent_is_the_parent_s_id(api):
    roscosmos = AgencyFactory()
    child = AgencyFactory(parent=roscosmos)
    AgencyFactory(parent=AgencyFactory())

    assert ids(api, {"parent": roscosmos.id}) == [child.id]


def test_search_looks_in_name_and_abbrev_ignoring_case(api):
    by_name = AgencyFactory(name="National Aeronautics and Space Administration", abbrev="X1")
    by_abbrev = AgencyFactory(name="Other", abbrev="NASA")
    AgencyFactory(name="SpaceX", abbrev="SpX")

    assert ids(api, {"search": "aeronautics"}) == [by_name.id]
    assert ids(api, {"search": "nasa"}) == [by_abbrev.id]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("id", ["b", "a", "c"]),
        ("-id", ["c", "a", "b"]),
        ("name", ["a", "b", "c"]),
        ("-name", ["c", "b", "a"]),
        # Ties on `featured` keep id order.
        ("featured", ["b", "c", "a"]),
        ("-featured", ["a", "b", "c"]),
    ],
)
def test_ordering(api, ordering, expected):
    b = AgencyFactory(name="B", featured=False)
    a = AgencyFactory(name="A", featured=True)
    c = AgencyFactory(name="C", featured=False)
    by_letter = {"a": a.id, "b": b.id, "c": c.id}

    assert ids(api, {"ordering": ordering}) == [by_letter[letter] for letter in expected]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"featured": "maybe"}, "featured"),
        ({"agency_type": "Government"}, "agency_type"),
        ({"agency_type": "2147483648"}, "agency_type"),
        ({"country_code": "US-A"}, "country_code"),
        ({"country_code": "USA,1"}, "country_code"),
        ({"id": "abc"}, "id"),
        ({"id": "1.5"}, "id"),
        ({"parent": "NASA"}, "parent"),
    ],
)
def test_a_bad_value_of_a_supported_parameter_is_a_400_naming_it(api, params, parameter):
    AgencyFactory()

    response = api.get(LIST, params)

    assert response.status_code == 400
    assert response.json()["parameters"] == [parameter]
