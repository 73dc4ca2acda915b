"""The API is stateless: the admin's users and messages stay out of it, and with the admin
(`spacedevs.middleware.outside_the_api`)."""

import pytest
from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core import checks
from django.http import HttpResponse
from django.test import RequestFactory

from spacedevs.middleware import outside_the_api


def test_api_paths_skip_the_middleware_and_every_other_path_gets_it():
    seen = []

    def view(request):
        seen.append((hasattr(request, "user"), hasattr(request, "_messages")))
        return HttpResponse()

    chain = SessionMiddleware(
        outside_the_api(AuthenticationMiddleware)(outside_the_api(MessageMiddleware)(view))
    )
    for path in ("/2.2.0/launch/", "/api/2.2.0/launch/", "/admin/", "/2.2.0", "/health/ready"):
        chain(RequestFactory().get(path))
    assert seen == [(False, False), (False, False), (True, True), (True, True), (True, True)]


def test_django_s_checks_still_find_the_admin_s_middleware():
    assert issubclass(outside_the_api(AuthenticationMiddleware), AuthenticationMiddleware)
    assert not [message for message in checks.run_checks() if message.id.startswith("admin.")]


@pytest.mark.django_db
def test_an_admin_s_session_changes_nothing_in_an_api_answer(client, admin_user):
    anonymous = client.get("/2.2.0/agencies/", HTTP_ACCEPT="application/json")
    client.force_login(admin_user)
    logged_in = client.get("/2.2.0/agencies/", HTTP_ACCEPT="application/json")
    assert logged_in.content == anonymous.content
    assert not logged_in.cookies
    # The browsable API, for a person logged in to the admin, as for anyone.
    page = client.get("/2.2.0/agencies/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert b"Agency List" in page.content
    # And the admin, on the same client, still has its session and user.
    assert client.get(f"/{settings.ADMIN_URL}").status_code == 200
