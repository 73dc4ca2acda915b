"""CORS, as LL2 answers it: any origin may read the API (`Access-Control-Allow-Origin: *`) and a
preflight `OPTIONS` is answered; the admin sends no CORS header."""

import pytest

pytestmark = pytest.mark.django_db

ORIGIN = "https://widget.example.net"


@pytest.mark.parametrize(
    "path", ["/2.2.0/spacecraft/flight/", "/api/2.2.0/agencies/", "/2.2.0/schema/", "/2.2.0/api-throttle/"]
)
def test_api_responses_allow_any_origin(client, path):
    response = client.get(path, HTTP_ORIGIN=ORIGIN)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_error_of_the_api_allows_any_origin_too(client):
    # A browser client must be able to read why its call failed.
    response = client.get("/2.2.0/spacecraft/flight/", {"spacecraft": "abc"}, HTTP_ORIGIN=ORIGIN)

    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_is_answered(client):
    response = client.options(
        "/2.2.0/launch/upcoming/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "authorization" in response["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("path", ["/admin/login/", "/metrics"])
def test_the_rest_of_the_site_sends_no_cors_headers(client, path):
    response = client.get(path, HTTP_ORIGIN=ORIGIN)

    assert "Access-Control-Allow-Origin" not in response


def test_a_preflight_to_the_admin_is_not_answered_for_cors(client):
    response = client.options("/admin/login/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")

    assert "Access-Control-Allow-Origin" not in response
