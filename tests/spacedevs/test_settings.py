"""Deploy-clean settings: `check --deploy` passes behind TLS with `HTTPS=true`, a reachable host needs
its own `SECRET_KEY` even in debug mode, and a server whose static files are not collected still serves
its pages with their styles.

Settings are read once per process, so each case runs in a process of its own.
"""

import json
import os
import re
import subprocess
import sys

import pytest
from django.test import Client

from tests.servers import REPO

PRODUCTION = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "launches.example.org",
    "SECRET_KEY": "kP3v9xQ2-the-real-secret-key-of-launches-example-org-7fJ2mZ8wR1tY",
    "DATABASE_URL": "",
}


def run(*args, **env):
    """A Python process in the project, with only `env` (and PATH) in its environment."""
    environment = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "spacedevs.settings", **env}
    return subprocess.run([sys.executable, *args], cwd=REPO, env=environment, capture_output=True, text=True)


def deploy_check(**env):
    return run("manage.py", "check", "--deploy", "--fail-level", "WARNING", **env)


def settings_of(*names, **env):
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {names!r}}}))"
    )
    process = run("-c", code, **env)
    assert process.returncode == 0, process.stderr
    return json.loads(process.stdout)


def test_behind_tls_the_deploy_check_passes():
    process = deploy_check(**PRODUCTION, HTTPS="true")

    assert process.returncode == 0, process.stderr
    assert "no issues" in process.stdout


def test_without_https_the_deploy_check_says_what_is_missing():
    process = deploy_check(**PRODUCTION)

    assert process.returncode == 1
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in process.stderr


def test_https_sets_the_headers_cookies_and_redirect():
    assert settings_of(
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_SSL_REDIRECT",
        "SECURE_REDIRECT_EXEMPT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        **PRODUCTION,
        HTTPS="true",
        HSTS_SECONDS="3600",
        HSTS_PRELOAD="false",
    ) == {
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_SSL_REDIRECT": True,
        "SECURE_REDIRECT_EXEMPT": ["^health/"],
        "SECURE_HSTS_SECONDS": 3600,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
    }


@pytest.mark.parametrize("debug", ["true", "false"])
def test_a_reachable_host_without_a_secret_key_stops_startup(debug):
    process = run("manage.py", "check", DEBUG=debug, ALLOWED_HOSTS="launches.example.org", DATABASE_URL="")

    assert process.returncode == 1
    assert (
        "SECRET_KEY must be set when ALLOWED_HOSTS names a host other than the local ones" in process.stderr
    )


def test_a_local_run_needs_no_secret_key():
    assert run("manage.py", "check", DEBUG="true", DATABASE_URL="").returncode == 0


@pytest.mark.django_db
def test_without_collectstatic_the_browsable_api_and_the_admin_are_served_with_their_styles(
    settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "spacedevs.storage.StaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path  # nothing collected
    client = Client()  # its middleware, WhiteNoise's, made with these settings

    for page in ("/2.2.0/spacecraft/flight/?format=api", "/admin/login/"):
        response = client.get(page)
        assert response.status_code == 200, page
        stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', response.content.decode())
        assert stylesheets, page
        for stylesheet in stylesheets:
            served = client.get(stylesheet)
            assert served.status_code == 200, stylesheet
            assert served["Content-Type"].startswith("text/css"), stylesheet


@pytest.mark.django_db
def test_behind_tls_plain_http_is_redirected_but_the_health_checks_are_not(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = settings_of("SECURE_REDIRECT_EXEMPT", **PRODUCTION, HTTPS="true")[
        "SECURE_REDIRECT_EXEMPT"
    ]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    assert client.get("/2.2.0/").status_code == 301
    assert client.get("/2.2.0/", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert client.get("/health/live").status_code == 200
    assert client.get("/health/ready").status_code == 200
