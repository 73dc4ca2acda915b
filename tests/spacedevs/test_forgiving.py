"""What real clients send and LL2 forgives: unsupported modes and ordering, bad paging, credentials."""

import pytest

from spacedevs.api.urls import router

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(read_only_demo):
    """The demo, loaded once for this module: its tests only read it (tests/conftest.py)."""


# Every list endpoint, and its viewset's modes.
ENDPOINTS = [(f"/2.2.0/{prefix}/", viewset) for prefix, viewset, _basename in router.registry]


def ids(page):
    return [item["id"] for item in page["results"]]


def rows(page):
    """A page without its links, which carry the request's own parameters."""
    return page["count"], page["results"]


@pytest.mark.parametrize(("endpoint", "viewset"), ENDPOINTS, ids=[path for path, _ in ENDPOINTS])
def test_every_endpoint_forgives_what_ll2_forgives(api, demo, endpoint, viewset):
    default = api.get(endpoint, {"limit": 100}).json()

    # An unsupported mode (`config/launcher/?mode=list`, as real clients send) serves the default mode.
    for mode in ("bogus", "list" if "list" not in viewset.modes else "short", "\x00"):
        response = api.get(endpoint, {"limit": 100, "mode": mode})
        assert response.status_code == 200, mode
        assert rows(response.json()) == rows(default), mode

    # An unknown ordering field is dropped, and the default order stands.
    for ordering in ("bogus", "-window_start", ",", "\x00"):
        assert ids(api.get(endpoint, {"limit": 100, "ordering": ordering}).json()) == ids(default), ordering

    # An unusable limit or offset is DRF's default (10 from 0).
    first_page = api.get(endpoint).json()
    for paging in ({"limit": "abc"}, {"limit": "-3"}, {"limit": "0"}, {"offset": "x"}, {"offset": "-5"}):
        assert rows(api.get(endpoint, paging).json()) == rows(first_page), paging

    # A detail ignores `mode` as it ignores any parameter it does not know. The demo holds something
    # for every endpoint (`make run`'s: its synthetic upcoming launches and events included).
    assert default["results"], f"the demo holds nothing for {endpoint}"
    detail = f"{endpoint}{default['results'][0]['id']}/"
    assert api.get(detail, {"mode": "bogus"}).json() == api.get(detail).json()


def test_a_list_serves_every_mode_it_has(api, demo):
    # The fallback is to the default, not a refusal of real modes: `?mode=list` is not the normal shape.
    listed = api.get("/2.2.0/launch/", {"mode": "list"}).json()["results"][0]
    normal = api.get("/2.2.0/launch/").json()["results"][0]

    assert listed["type"] == "list"
    assert normal["type"] == "normal"


def test_a_known_ordering_field_beside_an_unknown_one_still_orders(api, demo):
    by_name = api.get("/2.2.0/agencies/", {"ordering": "-name", "limit": 100}).json()
    mixed = api.get("/2.2.0/agencies/", {"ordering": "bogus,-name", "limit": 100}).json()

    assert ids(mixed) == ids(by_name)
    assert ids(mixed) != ids(api.get("/2.2.0/agencies/", {"limit": 100}).json())


def test_a_limit_over_100_is_capped(api, demo):
    page = api.get("/2.2.0/agencies/", {"limit": 1000}).json()

    assert len(page["results"]) == 100
    assert "limit=100" in page["next"]


@pytest.mark.parametrize("authorization", ["Token 0123456789abcdef", "Bearer eyJhbGciOi.x.y", "Basic Zm9v"])
def test_credentials_we_do_not_know_are_served_as_anonymous(api, demo, authorization):
    response = api.get("/2.2.0/spacecraft/flight/", HTTP_AUTHORIZATION=authorization)

    assert response.status_code == 200
    assert response.json() == api.get("/2.2.0/spacecraft/flight/").json()


@pytest.mark.parametrize("endpoint", ["/2.2.0/launch/upcoming/", "/2.2.0/event/upcoming/"])
@pytest.mark.parametrize("value", ["True", "true", "1"])
def test_hide_recent_previous_reads_true_as_ll2_does(api, demo, endpoint, value):
    # pylaunches (Home Assistant) sends Python's `True`.
    response = api.get(endpoint, {"limit": 1, "hide_recent_previous": value})

    assert response.status_code == 200
    assert response.json()["results"]


def test_a_path_without_its_trailing_slash_redirects_with_its_query(api, demo):
    response = api.get("/2.2.0/launch/upcoming", {"limit": 5, "mode": "list"})

    assert response.status_code == 301
    assert response["Location"] == "/2.2.0/launch/upcoming/?limit=5&mode=list"


@pytest.mark.parametrize(
    ("endpoint", "parameter"),
    [
        ("/2.2.0/spacecraft/flight/", "spacecraft"),
        ("/2.2.0/agencies/", "name"),
        ("/2.2.0/agencies/", "featured"),
        ("/2.2.0/agencies/", "country_code"),
        ("/2.2.0/launch/", "net__gt"),
        ("/2.2.0/launch/", "lsp__ids"),
        ("/2.2.0/astronaut/", "date_of_birth__lt"),
        ("/2.2.0/astronaut/", "search"),
    ],
)
def test_an_empty_value_is_no_filter_at_all(api, demo, endpoint, parameter):
    response = api.get(endpoint, {parameter: ""})

    assert response.status_code == 200
    assert rows(response.json()) == rows(api.get(endpoint).json())
