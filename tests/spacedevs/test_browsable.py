"""The browsable API as a person reads it: the service's name and links to its docs in the header, a
page that fits a phone, a Filters form that names every field in words, and a detail that shows the
detail's description. (tests/browser/ drives the same pages in Chromium.)"""

import re

import pytest

from launches.api.filters import LaunchFilter
from spacedevs.api.urls import router

pytestmark = pytest.mark.django_db

ENDPOINTS = [prefix for prefix, _viewset, _basename in router.registry]


def page(client, path, **params):
    response = client.get(path, {"format": "api", **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("prefix", ["/2.2.0/", "/api/2.2.0/"])
def test_the_header_names_the_service_and_links_its_docs_under_the_pages_prefix(client, prefix):
    html = page(client, f"{prefix}spacecraft/flight/")

    brand = re.search(r'<a class="navbar-brand" href="([^"]+)">([^<]+)</a>', html)
    assert brand.groups() == (prefix, "spacedevs: Launch Library 2 API")
    assert "Django REST framework" not in html
    for name in ["swagger", "redoc", "schema"]:
        assert f'href="{prefix}{name}/"' in html


def test_pages_fit_a_phone(client):
    html = page(client, "/2.2.0/spacecraft/flight/")

    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert re.search(r"pre\.prettyprint \{[^}]*white-space: pre-wrap", html)


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_the_filters_form_names_every_field_in_words(client, prefix):
    html = page(client, f"/2.2.0/{prefix}/")
    form = html[html.index('id="filtersModal"') :]
    labels = re.findall(r"<label[^>]*>\s*([^<]*?):?\s*</label>", form)

    assert "[invalid name]" not in html
    assert labels
    assert all(label and not label.startswith("[") for label in labels)


@pytest.mark.parametrize("field_built_before", [False, True], ids=["first", "after-the-field-was-built"])
def test_the_filters_form_offers_the_modes_and_the_orderings_in_words(client, field_built_before):
    if field_built_before:  # as the schema, an export or another page may build it
        assert LaunchFilter.base_filters["mode"].field
    html = page(client, "/2.2.0/launch/")
    form = html[html.index('id="filtersModal"') :]

    labels = re.findall(r"<label[^>]*>\s*([^<]*?):?\s*</label>", form)
    for words in [
        "Mode",
        "Search",
        "Ordering",
        "NET on or after",
        "Launch service provider IDs (comma-separated)",
    ]:
        assert words in labels
    assert re.search(r'<option value="-net">\s*NET \(descending\)\s*</option>', form)
    assert re.search(r'<option value="list">', form)


def test_a_list_shows_ll2s_description_and_a_detail_its_own(client, demo):
    listed = page(client, "/2.2.0/spacecraft/flight/")
    detail = page(client, "/2.2.0/spacecraft/flight/567/")

    assert "Return a list of all the existing Spacecraft flights" in listed
    assert "Return a list of all" not in detail
    assert "API endpoint that returns one spacecraft flight, by its id." in detail
    assert "in its &#x27;detailed&#x27; shape, as ?mode=detailed lists it." in detail


def test_a_launch_detail_says_it_is_found_by_its_uuid(client, demo):
    launch = client.get("/2.2.0/launch/", {"limit": 1}).json()["results"][0]

    assert "one launch, by its UUID" in page(client, f"/2.2.0/launch/{launch['id']}/")


def test_a_location_detail_names_its_shape_without_offering_a_list_mode(client, demo):
    location = client.get("/2.2.0/location/", {"limit": 1}).json()["results"][0]
    html = page(client, f"/2.2.0/location/{location['id']}/")

    assert "Return the location in its &#x27;detailed&#x27; shape." in html
