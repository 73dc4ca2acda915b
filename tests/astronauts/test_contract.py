"""100 active astronauts, built from the values of LL2's own list page, are served as LL2 served them.

Whole payloads, key for key and in LL2's key order; the page is
tests/ll2/data/astronauts-active.2.2.0.list-page1.json.
"""

import json

import pytest

from tests.factories import ll2_astronaut
from tests.helpers import LL2, LL2_BASE, errors, ordered, restricted_to

pytestmark = pytest.mark.django_db

LIST = "/2.2.0/astronaut/"

# What the late 2.2.0 shape has that this early 2021 page predates: the derived `age`, `flights_count`
# and `landings_count` (LL2's schema of Sep 2022), and the agency's `logo_url` (the contract,
# tests/ll2/spacecraft-flight-567.json).
NEWER_KEYS = {"age", "flights_count", "landings_count", "agency.logo_url"}


@pytest.fixture(scope="module")
def ll2_page():
    return json.loads((LL2 / "data" / "astronauts-active.2.2.0.list-page1.json").read_text())


@pytest.fixture
def built(ll2_page):
    for item in ll2_page["results"]:
        ll2_astronaut(item)


def test_the_page_equals_ll2_s_once_the_newer_keys_are_left_out(api, ll2_page, built):
    response = api.get(LIST, {"status": 1, "limit": 100})
    # Our links on LL2's host: the profile thumbnails are LL2's own links, which stay as they are.
    served = json.loads(response.content.decode().replace("http://testserver/2.2.0/", LL2_BASE))

    assert served["count"] == 100
    # LL2's page is in an order of its own: compare astronaut by astronaut.
    by_id = {item["id"]: item for item in served["results"]}
    for reference in ll2_page["results"]:
        kept, left_out = restricted_to(by_id[reference["id"]], reference)
        assert ordered(kept) == ordered(reference)
        assert left_out == NEWER_KEYS


def test_the_newer_keys_sit_where_ll2_s_schema_puts_them(api, built):
    served = api.get(LIST, {"limit": 1}).json()["results"][0]

    keys = list(served)
    assert keys[keys.index("type") + 1] == "age"
    assert keys[keys.index("profile_image_thumbnail") + 1 :] == [
        "flights_count",
        "landings_count",
        "last_flight",
        "first_flight",
    ]
    assert list(served["agency"])[-2:] == ["image_url", "logo_url"]


def test_ll2_s_page_validates_against_its_schema(ll2_schema, ll2_page):
    # The proof that NULLABLE_IN_PRACTICE's ("Agency", "parent") holds for astronauts too.
    for item in ll2_page["results"]:
        assert errors(ll2_schema, "AstronautNormal", item) == []
