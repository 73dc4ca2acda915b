"""`sync_ll2`: a sync from an instance of ours, served by gunicorn on loopback with the demo, into the
test database; never the real LL2.

Each upstream is a child process on a free port, on its own copy of a migrated SQLite file holding the
demo. A test that needs an upstream misbehaving (429s, no budget answer) puts a stub in front of it: a
loopback `http.server` that passes calls on, unless the test says what to answer instead.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from itertools import pairwise
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command

from mirror.models import SkippedPage, SyncState
from mirror.progress import progress_bar
from mirror.sync import Budget, SyncError, api_root_of, fetch_url, sync
from spacecraft.models import SpacecraftFlight

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def manage(*args, database, **env):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{database}", **env},
        check=True,
        capture_output=True,
    )


class FakeTime:
    """A clock that moves only when the sync sleeps; the sleeps are kept."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps = []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


class Upstream:
    """An instance of ours serving its own SQLite file."""

    def __init__(self, *, base, database):
        self.base = base
        self.database = database

    def get(self, path):
        return get_json(f"{self.base}/2.2.0/{path}")

    def shell(self, code):
        """Run Python in the upstream's Django (to change its data)."""
        manage("shell", "-c", code, database=self.database)


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory):
    """A migrated SQLite file holding the demo as `make run` loads it (its synthetic upcoming launches
    and events too), which each upstream copies."""
    database = tmp_path_factory.mktemp("upstream") / "demo.sqlite3"
    manage("migrate", "--no-input", database=database)
    manage("load_demo", database=database)
    return database


@pytest.fixture(scope="module")
def start_upstream(demo_database, tmp_path_factory):
    """Start an upstream on its own copy of the demo: `start_upstream(API_THROTTLE_RATE="1000/hour")`.
    They all stop at the end of the module."""
    processes = []
    tmp_path = tmp_path_factory.mktemp("upstreams")

    def start(**env):
        database = tmp_path / f"upstream-{len(processes)}.sqlite3"
        shutil.copy(demo_database, database)
        port = free_port()
        environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": ""}
        environment.pop("API_THROTTLE_RATE", None)
        log = tmp_path / f"upstream-{len(processes)}.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                [BIN / "gunicorn", "spacedevs.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                cwd=REPO,
                env={**environment, **env},
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        processes.append(process)
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/2.2.0/", process, log)
        return Upstream(base=base, database=database)

    yield start
    for process in processes:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _wait_for(url, process, log):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the upstream exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"the upstream did not answer in time:\n{log.read_text()}")


@pytest.fixture(scope="module")
def upstream(start_upstream):
    """An upstream that tests only read (a test that changes its data starts its own)."""
    return start_upstream()


@pytest.fixture
def fake_time():
    return FakeTime()


@contextmanager
def stub(upstream, *, answer):
    """A loopback server in front of `upstream`: each call is answered by `answer(path, headers)` when it
    returns `(status, headers, body)`, else passed on (with the upstream's links made the stub's).
    `calls` lists the (path, headers) of every call."""
    calls = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            calls.append((self.path, dict(self.headers)))
            given = answer(self.path, self.headers)
            if given is None:
                status, headers, body = self._pass_on()
            else:
                status, headers, body = given
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _pass_on(self):
            try:
                with urllib.request.urlopen(f"{upstream.base}{self.path}", timeout=30) as response:
                    status, body = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, body = error.code, error.read()
            return status, {"Content-Type": "application/json"}, body.replace(upstream.base.encode(), base)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}".encode()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base.decode(), calls
    finally:
        server.shutdown()
        server.server_close()


def normalised(payload, upstream):
    return json.loads(json.dumps(payload).replace(f"{upstream.base}/", "http://testserver/"))


def served_alike(api, upstream, paths):
    """Each path's payload here and upstream, links made ours: {path: (ours, theirs)} of those that differ."""
    differences = {}
    for path in paths:
        ours = api.get(f"/2.2.0/{path}").json()
        theirs = normalised(upstream.get(path), upstream)
        if ours != theirs:
            differences[path] = (ours, theirs)
    return differences


def flight_paths(upstream):
    return [
        f"spacecraft/flight/{flight['id']}/"
        for flight in upstream.get("spacecraft/flight/?limit=100")["results"]
    ]


def linked_paths(upstream):
    """The details of what the flights link to and the sync follows: launches, spacecraft, stations."""
    paths = set()
    for flight in upstream.get("spacecraft/flight/?limit=100&mode=detailed")["results"]:
        paths.add(f"launch/{flight['launch']['id']}/")
        paths.add(f"spacecraft/{flight['spacecraft']['id']}/")
        paths.update(f"spacestation/{event['spacestation']['id']}/" for event in flight["docking_events"])
    return sorted(paths)


def dump():
    out = StringIO()
    call_command(
        "dumpdata", "--exclude", "mirror", "--exclude", "contenttypes", "--exclude", "auth", stdout=out
    )
    return json.loads(out.getvalue())


def data_calls(calls):
    """The paths of the calls that count against the budget (all but `api-throttle/`)."""
    return [path for path, _headers in calls if "api-throttle" not in path]


# --- a sync from an instance of ours


def test_a_sync_serves_every_flight_detail_as_the_upstream_does(api, upstream, fake_time):
    sync(base_url=upstream.base, clock=fake_time.clock, sleep=fake_time.sleep)

    paths = flight_paths(upstream)
    assert len(paths) >= 20
    assert served_alike(api, upstream, paths) == {}


def test_a_sync_serves_the_launches_spacecraft_and_stations_of_the_flights_as_the_upstream_does(
    api, upstream, fake_time
):
    sync(base_url=upstream.base, clock=fake_time.clock, sleep=fake_time.sleep)

    assert served_alike(api, upstream, linked_paths(upstream)) == {}


def test_a_second_sync_with_nothing_new_changes_nothing(upstream, fake_time):
    sync(base_url=upstream.base, clock=fake_time.clock, sleep=fake_time.sleep)
    before = dump()

    report = sync(base_url=upstream.base, clock=fake_time.clock, sleep=fake_time.sleep)

    assert dump() == before
    assert not report.summary.changed
    # One call: the first page of the launches changed since the first sync, which is empty.
    assert report.calls == 1


def test_a_second_full_sync_finds_everything_unchanged(upstream, fake_time):
    sync(base_url=upstream.base, clock=fake_time.clock, sleep=fake_time.sleep)
    before = dump()

    report = sync(base_url=upstream.base, full=True, clock=fake_time.clock, sleep=fake_time.sleep)

    assert dump() == before
    assert not report.summary.changed
    assert sum(report.unchanged.values()) > 0


def test_a_later_sync_fetches_the_flights_of_the_launches_changed_since(api, start_upstream, fake_time):
    upstream = start_upstream()
    changed_flight = upstream.get("spacecraft/flight/567/")
    with stub(upstream, answer=lambda path, headers: None) as (base, calls):
        sync(base_url=base, clock=fake_time.clock, sleep=fake_time.sleep)
        upstream.shell(
            "import datetime; from django.utils import timezone; "
            "from spacecraft.models import SpacecraftFlight; "
            "flight = SpacecraftFlight.objects.get(pk=567); "
            "flight.mission_end = flight.mission_end + datetime.timedelta(days=1); flight.save(); "
            "flight.launch.last_updated = timezone.now(); flight.launch.save()"
        )
        calls.clear()

        report = sync(base_url=base, clock=fake_time.clock, sleep=fake_time.sleep)

    assert served_alike(api, upstream, flight_paths(upstream)) == {}
    assert report.summary.changed
    fetched = [urlsplit(path) for path in data_calls(calls)]
    # The launches changed since the first sync, the flights of their spacecraft, and what those link to.
    assert [call.path for call in fetched] == [
        "/2.2.0/launch/",
        "/2.2.0/spacecraft/flight/",
        f"/2.2.0/spacecraft/{changed_flight['spacecraft']['id']}/",
        *[
            f"/2.2.0/spacestation/{event['spacestation']['id']}/"
            for event in changed_flight["docking_events"]
        ],
    ]
    assert "last_updated__gte" in parse_qs(fetched[0].query)
    assert parse_qs(fetched[1].query)["spacecraft"] == [str(changed_flight["spacecraft"]["id"])]


# --- budget, 429, token


def test_the_sync_spaces_its_calls_by_the_upstreams_budget(start_upstream, fake_time):
    throttled = start_upstream(API_THROTTLE_RATE="1000/hour")

    report = sync(base_url=throttled.base, clock=fake_time.clock, sleep=fake_time.sleep)

    assert report.calls > 3
    # 3600 s / 1000 calls between two calls; the first goes at once.
    assert fake_time.sleeps == pytest.approx([3.6] * (report.calls - 1))


def test_without_a_budget_answer_the_sync_assumes_the_free_tier(upstream, fake_time):
    def no_budget(path, headers):
        return (
            (404, {"Content-Type": "application/json"}, b'{"detail": "Not found."}')
            if "api-throttle" in path
            else None
        )

    with stub(upstream, answer=no_budget) as (base, calls):
        report = sync(base_url=base, clock=fake_time.clock, sleep=fake_time.sleep)

    # LL2's free tier, 15 calls an hour: one every 240 s.
    assert fake_time.sleeps == pytest.approx([240] * (report.calls - 1))
    assert len(data_calls(calls)) == report.calls


def test_a_429_is_waited_out_as_retry_after_says_then_the_sync_completes(api, upstream, fake_time):
    refused = []

    def refuse_once(path, headers):
        if "spacecraft/flight/" in path and not refused:
            refused.append(path)
            return 429, {"Retry-After": "7", "Content-Type": "application/json"}, b'{"detail": "throttled"}'
        return None

    with stub(upstream, answer=refuse_once) as (base, calls):
        sync(base_url=base, clock=fake_time.clock, sleep=fake_time.sleep)

    assert 7 in fake_time.sleeps
    assert data_calls(calls).count(refused[0]) == 2
    assert served_alike(api, upstream, flight_paths(upstream)) == {}


def test_the_token_goes_with_every_call(upstream, fake_time):
    with stub(upstream, answer=lambda path, headers: None) as (base, calls):
        sync(base_url=base, token="KEY-123", clock=fake_time.clock, sleep=fake_time.sleep)

    assert len(calls) > 3
    assert {headers.get("Authorization") for _path, headers in calls} == {"Token KEY-123"}


# --- interruption


class Interrupted(Exception):
    pass


def test_an_interrupted_sync_keeps_the_pages_it_imported_and_where_it_stopped(upstream, fake_time):
    def fetch(url, *, headers):
        if "offset=5" in url:
            raise Interrupted
        return fetch_url(url, headers=headers)

    with pytest.raises(Interrupted):
        sync(base_url=upstream.base, page_size=5, fetch=fetch, clock=fake_time.clock, sleep=fake_time.sleep)

    state = SyncState.objects.get()
    assert parse_qs(urlsplit(state.next_url).query)["offset"] == ["5"]
    stored = set(SpacecraftFlight.objects.values_list("pk", flat=True))
    first_page = [flight["id"] for flight in upstream.get("spacecraft/flight/?limit=5")["results"]]
    # The first page's flights are in; the contract flight, on a later page and linked from none of the
    # first page's objects, is not.
    assert set(first_page) <= stored
    assert 567 not in first_page
    assert 567 not in stored


def test_an_interrupted_sync_resumes_where_it_stopped(api, upstream, fake_time):
    def interrupted(url, *, headers):
        if "offset=10" in url:
            raise Interrupted
        return fetch_url(url, headers=headers)

    with pytest.raises(Interrupted):
        sync(
            base_url=upstream.base,
            page_size=5,
            fetch=interrupted,
            clock=fake_time.clock,
            sleep=fake_time.sleep,
        )
    fetched = []

    def recorded(url, *, headers):
        fetched.append(url)
        return fetch_url(url, headers=headers)

    sync(base_url=upstream.base, page_size=5, fetch=recorded, clock=fake_time.clock, sleep=fake_time.sleep)

    flight_pages = [url for url in fetched if "/spacecraft/flight/" in url]
    assert "offset=10" in flight_pages[0]
    assert served_alike(api, upstream, flight_paths(upstream)) == {}
    assert SyncState.objects.get().next_url == ""


def test_a_full_sync_starts_over_rather_than_resume(upstream, fake_time):
    def interrupted(url, *, headers):
        if "offset=5" in url:
            raise Interrupted
        return fetch_url(url, headers=headers)

    with pytest.raises(Interrupted):
        sync(
            base_url=upstream.base,
            page_size=5,
            fetch=interrupted,
            clock=fake_time.clock,
            sleep=fake_time.sleep,
        )
    fetched = []

    def recorded(url, *, headers):
        fetched.append(url)
        return fetch_url(url, headers=headers)

    sync(
        base_url=upstream.base,
        page_size=5,
        full=True,
        fetch=recorded,
        clock=fake_time.clock,
        sleep=fake_time.sleep,
    )

    flight_pages = [url for url in fetched if "/spacecraft/flight/" in url]
    assert "offset" not in flight_pages[0]


# --- the budget's arithmetic


def spend(budget, fake_time, calls):
    """Make `calls` calls within `budget`; the moments they were made."""
    moments = []
    for _ in range(calls):
        delay = budget.delay()
        if delay:
            fake_time.sleep(delay)
        budget.spend()
        moments.append(fake_time.now)
    return moments


def test_the_budget_spaces_calls_evenly(fake_time):
    budget = Budget(limit=15, period=3600, clock=fake_time.clock)

    moments = spend(budget, fake_time, 4)

    assert [later - earlier for earlier, later in pairwise(moments)] == [240, 240, 240]


def test_a_spent_budget_waits_until_the_oldest_call_leaves_the_period(fake_time):
    budget = Budget(limit=15, period=3600, used=15, next_free=1234, clock=fake_time.clock)

    assert budget.delay() == 1234


def test_calls_spent_before_the_run_count_as_just_made(fake_time):
    budget = Budget(limit=3, period=3600, used=2, next_free=100, clock=fake_time.clock)
    start = fake_time.now

    moments = spend(budget, fake_time, 3)

    # The first goes at once; the second when the oldest spent call has left; the third when another
    # has, and the one taken as made at the start leaves at start + 3600.
    assert [moment - start for moment in moments] == [0, 1200, 3600]


def test_no_period_holds_more_calls_than_the_limit(fake_time):
    budget = Budget(limit=5, period=60, used=4, next_free=30, clock=fake_time.clock)

    moments = spend(budget, fake_time, 30)

    assert max(sum(1 for other in moments if moment <= other < moment + 60) for moment in moments) <= 5


# --- the command


def test_the_command_syncs_and_says_what_it_did(upstream):
    out = StringIO()

    call_command("sync_ll2", "--base-url", upstream.base, stdout=out)

    assert SpacecraftFlight.objects.count() == len(flight_paths(upstream))
    assert "pages imported in" in out.getvalue()


def test_the_command_fails_in_one_line_when_the_upstream_cannot_be_reached():
    port = free_port()

    with pytest.raises(CommandError, match=rf"^GET http://127.0.0.1:{port}/2.2.0/api-throttle/: "):
        call_command("sync_ll2", "--base-url", f"http://127.0.0.1:{port}", stdout=StringIO())


def test_the_command_refuses_a_base_url_that_is_not_http():
    with pytest.raises(CommandError, match=re.escape("'ftp://example.org' is not an http")):
        call_command("sync_ll2", "--base-url", "ftp://example.org", stdout=StringIO())


@pytest.mark.parametrize(
    "base_url",
    [
        "https://ll.thespacedevs.com",
        "https://ll.thespacedevs.com/",
        "https://ll.thespacedevs.com/2.2.0",
        "https://ll.thespacedevs.com/2.2.0/",
    ],
)
def test_the_base_url_is_the_server_or_its_api_root(base_url):
    assert api_root_of(base_url) == "https://ll.thespacedevs.com/2.2.0/"


def test_an_api_root_under_a_prefix_is_kept():
    assert api_root_of("http://mirror.example.org/api/2.2.0/") == "http://mirror.example.org/api/2.2.0/"


def test_an_upstream_error_stops_the_sync_in_one_line(upstream, fake_time):
    def broken(path, headers):
        return (500, {"Content-Type": "text/html"}, b"<h1>Server Error</h1>") if "launch/" in path else None

    with (
        stub(upstream, answer=broken) as (base, _calls),
        pytest.raises(SyncError, match=r"GET .*/launch/.*: HTTP 500$"),
    ):
        sync(base_url=base, clock=fake_time.clock, sleep=fake_time.sleep)


# --- what to sync: upcoming launches and events


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        ("upcoming-launches", "launch/upcoming/?mode=detailed&limit=100"),
        ("upcoming-events", "event/upcoming/?limit=100"),
    ],
)
def test_a_sync_of_the_upcoming_list_serves_it_as_the_upstream_does(api, upstream, fake_time, kind, path):
    report = sync(base_url=upstream.base, kind=kind, clock=fake_time.clock, sleep=fake_time.sleep)

    assert upstream.get(path)["results"]
    assert served_alike(api, upstream, [path]) == {}
    assert report.pages == 1
    assert SyncState.objects.get(kind=kind).synced_at is not None


def test_each_kind_keeps_its_own_state(upstream, fake_time):
    for kind in ("flights", "upcoming-events"):
        sync(base_url=upstream.base, kind=kind, clock=fake_time.clock, sleep=fake_time.sleep)

    assert sorted(SyncState.objects.values_list("kind", flat=True)) == ["flights", "upcoming-events"]


def test_the_progress_counts_the_pages_of_the_run(upstream, fake_time):
    seen = []

    sync(
        base_url=upstream.base,
        page_size=10,
        progress=lambda *done: seen.append(done),
        clock=fake_time.clock,
        sleep=fake_time.sleep,
    )

    assert seen == [(1, 2), (2, 2)]


class Terminal(StringIO):
    def isatty(self):
        return True


def test_a_progress_bar_on_a_terminal_and_none_in_a_log():
    from django.core.management.base import OutputWrapper

    terminal = OutputWrapper(Terminal())
    bar = progress_bar(terminal, label="syncing flights")
    bar(1, 2)
    bar(2, 2)

    assert terminal._out.getvalue().endswith("\rsyncing flights [##############################] 2/2\n")
    assert progress_bar(OutputWrapper(StringIO()), label="syncing flights") is None


# --- bad pages: recorded, skipped, and the sync goes on


def test_a_page_that_is_not_json_is_recorded_and_skipped(upstream, fake_time):
    def garbled(path, headers):
        first_page = "spacecraft/flight/" in path and "offset" not in path and "spacecraft=" not in path
        return (
            (200, {"Content-Type": "application/json"}, b'{"count": 20, "results": [') if first_page else None
        )

    with stub(upstream, answer=garbled) as (base, _calls):
        report = sync(base_url=base, page_size=10, clock=fake_time.clock, sleep=fake_time.sleep)

    [skipped] = SkippedPage.objects.all()
    assert skipped.kind == "flights"
    assert "offset" not in skipped.url
    assert "not JSON" in skipped.problems
    assert report.skipped == [skipped.url]
    # The next page (offset 10) was imported all the same (with its spacecraft's details, which list the
    # flights of the skipped page too), and the run completed.
    assert report.pages == 1
    assert SpacecraftFlight.objects.count() == 20
    assert SyncState.objects.get(kind="flights").next_url == ""


def test_a_page_nested_too_deep_is_recorded_and_skipped(upstream, fake_time):
    deep = b"[" * 100_000 + b"]" * 100_000

    def nested(path, headers):
        first_page = "event/upcoming/" in path and "offset" not in path
        return (200, {"Content-Type": "application/json"}, deep) if first_page else None

    with stub(upstream, answer=nested) as (base, _calls):
        report = sync(base_url=base, kind="upcoming-events", clock=fake_time.clock, sleep=fake_time.sleep)

    assert "nested too deep" in SkippedPage.objects.get().problems
    assert len(report.skipped) == 1


def test_an_upstream_that_serves_nothing_but_bad_pages_stops_the_run(upstream, fake_time):
    def garbage(path, headers):
        return (
            None if "api-throttle" in path else (200, {"Content-Type": "text/html"}, b"<h1>Maintenance</h1>")
        )

    with (
        stub(upstream, answer=garbage) as (base, _calls),
        pytest.raises(SyncError, match="10 bad pages in a row"),
    ):
        sync(base_url=base, kind="upcoming-events", clock=fake_time.clock, sleep=fake_time.sleep)
    assert SkippedPage.objects.count() == 9


def test_a_page_the_importer_refuses_is_recorded_with_its_problems_and_skipped(upstream, fake_time):
    def refused(path, headers):
        if "event/upcoming/" not in path:
            return None
        bad = {
            "count": 1,
            "next": None,
            "previous": None,
            "results": [{"id": "forty", "url": "http://x/2.2.0/event/40/"}],
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(bad).encode()

    with stub(upstream, answer=refused) as (base, _calls):
        report = sync(base_url=base, kind="upcoming-events", clock=fake_time.clock, sleep=fake_time.sleep)

    problems = SkippedPage.objects.get().problems.splitlines()
    assert problems == [f"{report.skipped[0]}: $.results[0].id: 'forty' is not an integer"]
    assert SyncState.objects.get(kind="upcoming-events").synced_at is not None


# --- the command: several kinds, --loop, SIGTERM


def test_the_command_syncs_each_kind_it_is_given(upstream):
    out = StringIO()

    call_command(
        "sync_ll2",
        "--base-url",
        upstream.base,
        "--kind",
        "upcoming-launches",
        "--kind",
        "upcoming-events",
        stdout=out,
    )

    assert "upcoming-launches: 1 pages imported" in out.getvalue()
    assert "upcoming-events: 1 pages imported" in out.getvalue()
    assert SpacecraftFlight.objects.count() < len(flight_paths(upstream))


def test_the_loop_stops_between_calls_on_sigterm(upstream):
    # SIGTERM to this very process, once the first round is done and the loop waits for its next.
    timer = threading.Timer(3, os.kill, args=(os.getpid(), signal.SIGTERM))
    out = StringIO()
    started = time.monotonic()
    timer.start()
    try:
        call_command(
            "sync_ll2",
            "--base-url",
            upstream.base,
            "--kind",
            "upcoming-events",
            "--loop",
            "--pause",
            "60",
            stdout=out,
        )
    finally:
        timer.cancel()

    assert time.monotonic() - started < 30
    assert out.getvalue().count("upcoming-events: ") >= 1
    assert signal.getsignal(signal.SIGTERM) is not None
