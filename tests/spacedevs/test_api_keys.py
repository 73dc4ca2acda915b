"""API keys: made with `create_api_key` or in the admin, shown once, stored as a hash."""

import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from spacedevs.models import ApiKey, hash_key

pytestmark = pytest.mark.django_db


def create_api_key(*args):
    out = io.StringIO()
    call_command("create_api_key", *args, stdout=out)
    return out.getvalue().strip()


def test_the_command_prints_the_key_once_and_stores_only_its_hash():
    key = create_api_key("launch widget", "--rate", "300/hour")

    api_key = ApiKey.objects.get()
    assert re.fullmatch(r"[0-9a-f]{40}", key)
    assert (api_key.name, api_key.rate, api_key.active) == ("launch widget", "300/hour", True)
    assert api_key.hashed_key == hash_key(key)
    assert api_key.prefix == key[:8]
    assert key not in {api_key.hashed_key, api_key.prefix, str(api_key)}


def test_the_key_it_prints_is_served_at_its_rate(api):
    key = create_api_key("a bot", "--rate", "1/hour")

    assert api.get("/2.2.0/agencies/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    assert api.get("/2.2.0/agencies/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 429


def test_every_key_is_different():
    assert create_api_key("one") != create_api_key("two")


@pytest.mark.parametrize("rate", ["300", "300/fortnight", "0/hour", "many/hour"])
def test_a_bad_rate_is_refused(rate):
    with pytest.raises(CommandError, match="rate: Enter a number of calls per period"):
        create_api_key("a bot", "--rate", rate)
    assert not ApiKey.objects.exists()


def test_a_name_is_used_once():
    create_api_key("a bot")

    with pytest.raises(CommandError, match="name: API key with this Name already exists"):
        create_api_key("a bot")


@pytest.fixture
def curator(client):
    user = User.objects.create_superuser("curator", "curator@example.org", "a-long-curator-password")
    client.force_login(user)
    return client


def test_the_admin_makes_a_key_and_shows_it_once(curator):
    response = curator.post(
        "/admin/spacedevs/apikey/add/", {"name": "a mirror", "rate": "1000/hour", "active": "on"}
    )

    api_key = ApiKey.objects.get()
    key = re.search(r'<code id="api-key"[^>]*>([0-9a-f]{40})</code>', response.content.decode())[1]
    assert api_key.hashed_key == hash_key(key)
    change_page = curator.get(f"/admin/spacedevs/apikey/{api_key.pk}/change/").content.decode()
    assert key not in change_page
    assert api_key.prefix in change_page


def test_the_admin_refuses_a_bad_rate(curator):
    response = curator.post("/admin/spacedevs/apikey/add/", {"name": "a mirror", "rate": "lots"})

    assert response.status_code == 200
    assert "Enter a number of calls per period" in response.content.decode()
    assert not ApiKey.objects.exists()


def test_the_admin_turns_a_key_off(curator, api):
    key = create_api_key("a bot", "--rate", "1/hour")
    api_key = ApiKey.objects.get()

    curator.post(f"/admin/spacedevs/apikey/{api_key.pk}/change/", {"name": "a bot", "rate": "1/hour"})

    assert ApiKey.objects.get().active is False
    # Served as anonymous, who has no limit here.
    assert {api.get("/2.2.0/agencies/", HTTP_AUTHORIZATION=f"Token {key}").status_code for _ in range(3)} == {
        200
    }
