"""A client's mistake is a 4xx with a JSON `{"detail": ...}`, never an HTML page, never a 500; a browser
gets a page styled as the browsable API; a database out of reach is a 503 with `Retry-After`."""

import json

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client
from django.urls import path

from spacedevs.errors import RETRY_AFTER_SECONDS
from tests.factories import complete_flight

pytestmark = pytest.mark.django_db

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
NOT_FOUND = b'{"detail":"Not found."}'


@pytest.fixture
def client():
    """A client that gets the answer a real one would, not the exception behind a 500."""
    return Client(raise_request_exception=False)


def detail(response):
    assert response["Content-Type"] == "application/json", response.content[:200]
    return json.loads(response.content)["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/2.2.0/spacecraft/flight/abc/",
        "/2.2.0/spacecraft/flight/99999999999/",
        "/2.2.0/spacecraft/flight/2147483647/",
        "/2.2.0/launch/not-a-uuid/",
        "/2.2.0/launch/c3a3c65b-5bd8-4181-8557-b693bf299365/",
        "/2.2.0/nonexistent/",
        "/2.2.0/nonexistent",
        "/api/2.2.0/spacecraft/flight/abc/",
        "/nonexistent/",
    ],
)
def test_a_malformed_id_an_unknown_id_and_an_unknown_path_are_the_same_json_404(client, url):
    complete_flight()

    response = client.get(url)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.content == NOT_FOUND


def test_curl_gets_json(client):
    response = client.get("/2.2.0/spacecraft/flight/abc/", HTTP_ACCEPT="*/*")

    assert response.content == NOT_FOUND


def test_a_browser_gets_a_page_styled_as_the_browsable_api(client):
    response = client.get("/2.2.0/nonexistent/", HTTP_ACCEPT=BROWSER)
    page = response.content.decode()

    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "rest_framework/css/bootstrap.min.css" in page
    assert "rest_framework/css/default.css" in page
    assert "HTTP 404 Not Found" in page
    assert "&quot;detail&quot;: &quot;Not found.&quot;" in page


def test_a_bad_host_is_a_json_400(client):
    response = client.get("/2.2.0/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "Host" in detail(response)


def test_a_bad_host_is_logged_in_one_line(client, caplog):
    client.get("/2.2.0/", HTTP_HOST="evil.example")

    [record] = [record for record in caplog.records if record.name == "django.security.DisallowedHost"]
    assert "evil.example" in record.getMessage()
    assert record.exc_info is None
    assert "Traceback" not in caplog.text


def test_over_a_thousand_query_fields_is_a_json_400(client):
    response = client.get("/2.2.0/launch/?" + "&".join(f"p{number}=1" for number in range(1001)))

    assert response.status_code == 400
    assert "too many query parameters" in detail(response)


def test_a_forbidden_page_is_a_json_403(client, settings):
    settings.ROOT_URLCONF = __name__

    response = client.get("/forbidden/")

    assert response.status_code == 403
    assert detail(response) == "You do not have permission to perform this action."


def test_a_server_error_is_json_without_a_traceback(client, settings):
    settings.ROOT_URLCONF = __name__

    response = client.get("/broken/")

    assert response.status_code == 500
    assert detail(response) == "A server error occurred."
    assert b"Traceback" not in response.content


def test_a_server_error_in_a_browser_is_a_page(client, settings):
    settings.ROOT_URLCONF = __name__

    response = client.get("/broken/", HTTP_ACCEPT=BROWSER)

    assert response.status_code == 500
    assert b"HTTP 500 Internal Server Error" in response.content


# --- The database out of reach ----------------------------------------------------------------------


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as it does when the server is stopped."""

    def refuse(self, sql, params=None):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(CursorWrapper, "execute", refuse)


@pytest.mark.parametrize(
    "url", ["/2.2.0/spacecraft/flight/", "/2.2.0/spacecraft/flight/567/", "/2.2.0/launch/?mode=detailed"]
)
def test_an_api_call_while_the_database_is_down_is_a_503_with_retry_after(client, database_down, url):
    response = client.get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert detail(response) == "The database is unavailable; try again shortly."


def test_a_lost_connection_is_a_503_too(client, monkeypatch):
    def lost(self, sql, params=None):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(CursorWrapper, "execute", lost)

    assert client.get("/2.2.0/agencies/").status_code == 503


def test_the_database_found_down_outside_a_view_is_a_503_too(client, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.database_down_middleware"]

    response = client.get("/2.2.0/agencies/")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert detail(response) == "The database is unavailable; try again shortly."


def test_a_browser_is_told_the_database_is_down_on_a_page(client, database_down):
    response = client.get("/2.2.0/spacecraft/flight/", HTTP_ACCEPT=BROWSER)

    assert response.status_code == 503
    assert b"HTTP 503 Service Unavailable" in response.content
    assert b"Retry-After" in response.content


def test_a_query_the_database_refuses_is_still_a_500(client, monkeypatch):
    from django.db import IntegrityError

    def refuse(self, sql, params=None):
        raise IntegrityError("duplicate key")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    assert client.get("/2.2.0/agencies/").status_code == 500


# A URLconf of views that fail, for the tests above (settings.ROOT_URLCONF = this module).


def _forbidden(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


def _broken(request):
    raise RuntimeError("a bug")


def database_down_middleware(get_response):
    def middleware(request):
        raise OperationalError("server closed the connection unexpectedly")

    return middleware


urlpatterns = [path("forbidden/", _forbidden), path("broken/", _broken)]
handler403 = "spacedevs.errors.permission_denied"
handler500 = "spacedevs.errors.server_error"
