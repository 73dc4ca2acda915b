"""The detail of flight 567, served from the demo data, equals LL2's payload exactly."""

import pytest

from tests.helpers import normalise_links, ordered

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix", ["/2.2.0", "/api/2.2.0"])
def test_detail_of_567_equals_the_contract(api, demo, contract, prefix):
    response = api.get(f"{prefix}/spacecraft/flight/567/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    expected = normalise_links(contract, base=f"http://testserver{prefix}/")
    assert ordered(response.json()) == ordered(expected)


def test_format_json_is_carried_onto_every_link(api, demo, contract):
    response = api.get("/2.2.0/spacecraft/flight/567/", {"format": "json"})

    assert response.status_code == 200
    expected = normalise_links(contract, format_suffix="?format=json")
    assert ordered(response.json()) == ordered(expected)


def test_every_link_of_567_has_the_requested_format_and_no_other_query(api, demo):
    body = api.get("/2.2.0/spacecraft/flight/567/", {"format": "json", "cachebuster": "1"}).content.decode()

    links = [part.split('"', 1)[0] for part in body.split('"url":"')[1:]]
    assert len(links) == 11
    assert all(link.startswith("http://testserver/2.2.0/") for link in links)
    assert all(link.endswith("/?format=json") for link in links)


def test_browsable_api_shows_the_flight_and_the_endpoint_description(api, demo):
    response = api.get("/2.2.0/spacecraft/flight/567/", {"format": "api"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Progress 3" in page
    assert "API endpoint that allows a flight of a specific Spacecraft instances to be viewed." in page
    # Links in the browsable API stay in the browsable API.
    assert "/2.2.0/spacecraft/413/?format=api" in page
