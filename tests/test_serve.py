"""`make serve`, the end of `make run`, serves the demo with gunicorn: the API, its styles, the admin.

It runs the Makefile target itself, in a child process, on a fresh SQLite file and a free port.
"""

import http.cookiejar
import json
import re
import urllib.parse
import urllib.request

import pytest

from tests.servers import CURATOR, serving

# It starts gunicorn and builds a database of its own: CI runs it once (`.ci/run`).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("serve")) as base:
        yield base


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get_content_type(), response.read().decode()


def test_the_demo_is_served(served):
    status, content_type, body = get(f"{served}/2.2.0/spacecraft/flight/")

    assert status == 200
    assert content_type == "application/json"
    assert json.loads(body)["count"] >= 20


def test_metrics_add_up_every_worker(served):
    def served_so_far():
        text = get(f"{served}/metrics")[2]
        name = "django_http_requests_latency_seconds_by_view_method_count"
        counts = re.findall(rf'^{name}\{{[^}}]*view="2.2.0:agency-list"[^}}]*\}} (\S+)$', text, flags=re.M)
        return sum(float(count) for count in counts)

    before = served_so_far()
    for _ in range(12):  # spread over the three workers
        get(f"{served}/2.2.0/agencies/?call={_}")

    assert served_so_far() - before == 12


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
