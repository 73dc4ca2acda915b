"""`make serve`, the end of `make run`, serves the demo with gunicorn: the API, its styles, the admin.

It runs the Makefile target itself, in a child process, on a fresh SQLite file and a free port.
"""

import contextlib
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

# It starts gunicorn and builds a database of its own: CI runs it once (`.ci/run`).
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


CURATOR = ("curator", "a-long-curator-password")


@contextlib.contextmanager
def serving(tmp):
    """`make serve` on a fresh SQLite file in `tmp` and a free port, with an admin, CURATOR: yields the
    base URL while it runs."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "DEBUG": "",
        # A browser's idle connection holds a sync worker: more than one keeps the API answering.
        "WEB_CONCURRENCY": "3",
    }
    bin_dir = Path(sys.executable).parent
    log = (tmp / "serve.log").open("w")
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"BIN={bin_dir}", f"PORT={port}"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/2.2.0/", server, tmp / "serve.log")
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "createsuperuser",
                "--no-input",
                "--username",
                CURATOR[0],
                "--email",
                "curator@example.org",
            ],
            cwd=REPO,
            env={**env, "DJANGO_SUPERUSER_PASSWORD": CURATOR[1]},
            check=True,
            capture_output=True,
        )
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("serve")) as base:
        yield base


def _wait_for(url, server, log_path):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"make serve exited with {server.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    pytest.fail(f"make serve did not answer in time:\n{log_path.read_text()}")


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get_content_type(), response.read().decode()


def test_the_demo_is_served(served):
    status, content_type, body = get(f"{served}/2.2.0/spacecraft/flight/")

    assert status == 200
    assert content_type == "application/json"
    assert json.loads(body)["count"] >= 20


def test_the_browsable_api_is_styled(served):
    status, content_type, page = get(f"{served}/2.2.0/spacecraft/flight/567/?format=api")
    stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', page)

    assert status == 200
    assert content_type == "text/html"
    assert stylesheets
    for stylesheet in stylesheets:
        assert get(f"{served}{stylesheet}")[:2] == (200, "text/css")


def test_an_admin_can_log_in(served):
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    login = f"{served}/admin/login/?next=/admin/"
    form = browser.open(login, timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": CURATOR[0], "password": CURATOR[1]}
    ).encode()

    landed = browser.open(urllib.request.Request(login, data=data, headers={"Referer": login}), timeout=10)

    assert landed.geturl() == f"{served}/admin/"
    assert "Site administration" in landed.read().decode()
