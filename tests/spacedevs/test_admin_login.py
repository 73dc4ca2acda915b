"""The admin's login: rationed per address, locked per user and address after failures (django-axes),
unlocked by an admin; and found at `ADMIN_URL`."""

import importlib

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import clear_url_caches

from spacedevs import urls

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "a-long-curator-password"


@pytest.fixture(autouse=True)
def curator(settings):
    # A fast hasher to make the user; the hasher of production (PBKDF2) checks the passwords.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    user = User(username="curator", is_staff=True, is_superuser=True)
    user.password = "md5$salt$" + "0" * 32
    user.save()
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def checked(monkeypatch):
    """How many passwords were hashed to be checked."""
    calls = []
    verify = PBKDF2PasswordHasher.verify

    def counted(self, password, encoded):
        calls.append(password)
        return verify(self, password, encoded)

    monkeypatch.setattr(PBKDF2PasswordHasher, "verify", counted)
    return calls


def log_in(password, *, address="192.0.2.1", path=LOGIN):
    client = Client(REMOTE_ADDR=address)
    response = client.post(path, {"username": "curator", "password": password, "next": "/admin/"})
    return response


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_the_right_password_logs_in(checked):
    assert logged_in(log_in(PASSWORD))


def test_after_60_wrong_passwords_the_right_one_is_refused_and_few_were_hashed(checked):
    statuses = [log_in(f"wrong-{attempt}").status_code for attempt in range(60)]

    assert not logged_in(log_in(PASSWORD))
    # The form again, with its error; the fifth failure locks the user out from this address, and the
    # ration of the address ends at the tenth attempt.
    assert statuses == [200] * 4 + [429] * 56
    assert len(checked) == 5


def test_a_lockout_is_per_user_and_address(settings):
    settings.ADMIN_LOGIN_RATE = "1000/minute"
    for attempt in range(5):
        log_in(f"wrong-{attempt}")

    locked = log_in(PASSWORD)

    assert locked.status_code == 429
    assert logged_in(log_in(PASSWORD, address="198.51.100.7"))


def test_an_admin_lifts_a_lockout(settings):
    settings.ADMIN_LOGIN_RATE = "1000/minute"
    for attempt in range(5):
        log_in(f"wrong-{attempt}")
    assert AccessAttempt.objects.filter(username="curator").exists()

    call_command("axes_reset_username", "curator", verbosity=0)

    assert logged_in(log_in(PASSWORD))


def test_login_attempts_over_the_rate_are_refused_before_hashing(settings, checked):
    settings.ADMIN_LOGIN_RATE = "3/minute"
    for attempt in range(3):
        log_in(f"wrong-{attempt}")

    refused = log_in(PASSWORD)

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert len(checked) == 3
    # Another address has its own ration.
    assert logged_in(log_in(PASSWORD, address="198.51.100.7"))


@pytest.fixture
def admin_at_custom_url(settings):
    settings.ADMIN_URL = "curation-desk/"
    clear_url_caches()
    importlib.reload(urls)
    yield
    settings.ADMIN_URL = "admin/"
    clear_url_caches()
    importlib.reload(urls)


def test_the_admin_is_at_admin_url(admin_at_custom_url):
    assert Client().get("/admin/").status_code == 404
    assert Client().get("/curation-desk/").status_code == 302
    assert logged_in(log_in(PASSWORD, path="/curation-desk/login/"))
