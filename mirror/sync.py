"""Keep this instance a mirror of an LL2-compatible server (LL2 itself, or another instance of this
service): `sync`, which `python manage.py sync_ll2` runs.

What a run fetches (every list at LL2's largest page, 100):

- A full run (the first with an upstream, or `full=True`) pages through the flights in detailed mode,
  `spacecraft/flight/?mode=detailed`, in the upstream's order (by id). For each page it follows what
  the flights link to, in the fuller shape the importer wants:
  - their launches, in detailed mode (rocket stages, updates, links...), in one call per page with
    LL2's `id(s)` filter, `launch/?mode=detailed&id=<id>,<id>...`; a launch the answer lacks is
    fetched by its own `url`;
  - their spacecraft (`spacecraft/<id>/`) and their docking events' stations (`spacestation/<id>/`:
    owners, expeditions, ports), each once per run.
- A later run fetches what changed since the last completed run started, by the upstream's clock (its
  `Date` header). A launch's `last_updated` is the only sign of change LL2 gives, and its flight list
  filters by spacecraft only, so the run pages through
  `launch/?mode=detailed&last_updated__gte=<then>&ordering=id` (by id, so that a launch updated during
  the run does not move others across pages), keeps the launches that carry a spacecraft flight
  (`rocket.spacecraft_stage`), and fetches every flight of those flights' spacecraft,
  `spacecraft/flight/?mode=detailed&spacecraft=<id>`, then their spacecraft and stations as above. The
  same on LL2 and on this service. What this cannot see, a full run fetches: a flight edited without
  its launch's `last_updated` changing, the second flight of a launch that carries two (a detailed
  launch shows its first), a change to an astronaut or station alone.

What a run syncs (`KINDS`): `flights`, as above (the default); `upcoming-launches`, every page of
`launch/upcoming/?mode=detailed` (a launch detail holds its rocket, boosters, spacecraft flight and
updates); `upcoming-events`, every page of `event/upcoming/`. The upcoming lists are short and change
all the time, so each run of those pages through the whole list again. Each kind has its own state.

Each page is imported (`mirror.importer.import_documents`) with what it links to, in one transaction
with the state of the run (`mirror.models.SyncState`: the next page, the run's start), so an
interrupted run resumes after the last page it imported. A run with nothing new imports nothing. A page
that is bad input (not JSON, nested too deep, or refused by the importer: NUL characters, numbers out
of range...) is recorded with its problems (`mirror.models.SkippedPage`) and skipped; the run goes on
with the next page (the same URL at the next offset), and a later run reads it again.

Pacing: the run first asks the upstream's `api-throttle/` (which LL2 does not count) for its budget,
`your_request_limit` calls per `limit_frequency_secs`, of which `current_use` are spent and the oldest
frees up in `next_use_secs`; without that answer it assumes LL2's free tier, 15 calls an hour. It then
spaces its calls evenly (`limit_frequency_secs / your_request_limit` seconds apart) and never makes more
than the limit in any period, counting the calls already spent. A `429` is waited out as its
`Retry-After` says, then the call is made again. On LL2's free tier a call goes every 240 s: a full run
costs, per 100 flights, a flight page and a launch call, plus a call per spacecraft and station met
for the first time in the run (most of the cost: many spacecraft fly once); a later run, a call per
100 changed launches and two per spacecraft of a changed launch with a flight.
"""

import datetime
import email.utils
import http.client
import json
import time
import urllib.error
import urllib.request
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import transaction
from django.utils import timezone

from mirror.importer import ImportFailed, ImportSummary, import_documents
from mirror.models import SkippedPage, SyncState
from spacedevs.api.routers import API_VERSION

# LL2's largest page.
PAGE_SIZE = 100
# LL2's free tier, assumed when the upstream does not say its budget: calls, per seconds.
FREE_TIER = (15, 3600)
# Bad pages in a row before a run gives up (when no page has told how long the list is).
MAX_BAD_PAGES_IN_A_ROW = 10
# A request line gunicorn accepts (its limit is 4094 bytes): how many launch ids one call may ask for.
MAX_URL_LENGTH = 4000
# 429s in a row on one call before the run gives up (each waited out as its Retry-After says).
MAX_THROTTLED_ATTEMPTS = 10
TIMEOUT = 60
# Some hosts refuse urllib's default "Python-urllib/3.x".
USER_AGENT = "spacedevs-sync_ll2"


class SyncError(Exception):
    """The upstream could not be read: which call failed and how, in one line."""


class BadPage(SyncError):
    """The upstream answered with what is not an LL2 page (not JSON, nested too deep, not an object):
    bad input, skipped, unlike a network or HTTP failure, which stops the run."""


class Stopped(Exception):
    """The run was asked to stop (`should_stop()`), between two calls."""


@dataclass(frozen=True)
class Response:
    """What a fetch got: the status, the headers (`.get(name)`) and the body."""

    status: int
    headers: object
    body: bytes


def fetch_url(url, *, headers) -> Response:
    """GET `url` with urllib: any HTTP answer is a `Response`, a network failure a `SyncError`."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Response(error.code, error.headers, error.read())
    except (OSError, http.client.HTTPException) as error:
        raise SyncError(f"GET {url}: {getattr(error, 'reason', error)}") from error


class Budget:
    """An upstream's rate limit as a run spends it: at most `limit` calls in any `period` seconds, and
    `period / limit` seconds between two calls of the run.

    `used` calls were made before the run, the oldest leaving the period in `next_free` seconds; when
    the others were made is unknown, so they count as made just now (the safe side).
    """

    def __init__(self, *, limit, period, used=0, next_free=0, clock=time.monotonic):
        self.limit = limit
        self.period = period
        self.clock = clock
        now = clock()
        used = min(used, limit)
        earlier = [now - period + max(next_free, 0)] + [now] * (used - 1) if used else []
        # The moments of the calls that may still count, oldest first.
        self.calls = deque(sorted(earlier))
        self.last = None

    @property
    def interval(self) -> float:
        return self.period / self.limit

    def delay(self) -> float:
        """Seconds to wait before the next call keeps within the budget."""
        now = self.clock()
        while self.calls and self.calls[0] <= now - self.period:
            self.calls.popleft()
        due = now
        if len(self.calls) >= self.limit:
            # Room for one more once all but `limit - 1` of the counted calls have left the period.
            due = self.calls[len(self.calls) - self.limit] + self.period
        if self.last is not None:
            due = max(due, self.last + self.interval)
        return max(due - now, 0)

    def spend(self) -> None:
        """Count a call made now."""
        self.last = self.clock()
        self.calls.append(self.last)


def api_root_of(base_url) -> str:
    """The API root, `<scheme>://<host>[/<path>]/2.2.0/`, of a server root or an API root."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SyncError(f"{base_url!r} is not an http(s) URL")
    path = parts.path.rstrip("/")
    if not path.endswith(f"/{API_VERSION}"):
        path = f"{path}/{API_VERSION}"
    return urlunsplit((parts.scheme, parts.netloc, f"{path}/", "", ""))


class Upstream:
    """An LL2-compatible API root, read within its budget."""

    def __init__(self, *, api_root, token, fetch, clock, sleep, log, should_stop=lambda: False):
        self.api_root = api_root
        self.fetch = fetch
        self.clock = clock
        self.sleep = sleep
        self.log = log
        self.should_stop = should_stop
        self.headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        if token:
            self.headers["Authorization"] = f"Token {token}"
        self.budget = None
        self.calls = 0

    def url(self, path, **parameters) -> str:
        """The URL of `path` under the API root, with `parameters` (LL2's lists and times readable: their
        commas and colons left as they are)."""
        return f"{self.api_root}{path}?{urlencode(parameters, safe=',:')}"

    def link(self, url) -> str:
        """A link the upstream wrote, moved onto its API root and without `format`.

        The upstream may write another host in its links (behind a proxy), or `?format=api`; and the token
        is sent to no other host.
        """
        parts = urlsplit(url)
        marker = f"/{API_VERSION}/"
        if marker not in parts.path:
            raise SyncError(f"{url}: not a link of the {API_VERSION} API")
        path = parts.path.split(marker, 1)[1]
        query = urlencode(
            [
                (key, value)
                for key, value in parse_qsl(parts.query, keep_blank_values=True)
                if key != "format"
            ],
            safe=",:",
        )
        return f"{self.api_root}{path}" + (f"?{query}" if query else "")

    def open(self) -> datetime.datetime:
        """Read the budget from `api-throttle/` (uncounted) and return the upstream's time."""
        url = f"{self.api_root}api-throttle/"
        response = self.fetch(url, headers=self.headers)
        terms = _budget_terms(_json(response) if response.status == 200 else None)
        if terms is None:
            terms = {"limit": FREE_TIER[0], "period": FREE_TIER[1]}
            self.log(
                f"{url} gave no budget (HTTP {response.status}): assuming LL2's free tier, 15 calls an hour"
            )
        else:
            self.log(
                f"upstream budget: {terms['limit']} calls per {terms['period']} s, {terms['used']} spent"
            )
        self.budget = Budget(**terms, clock=self.clock)
        return _date(response) or timezone.now()

    def get(self, url) -> dict[str, Any]:
        """The JSON object at `url`, fetched within the budget; a 429 is waited out, then the call made
        again."""
        for _attempt in range(MAX_THROTTLED_ATTEMPTS):
            delay = self.budget.delay()
            if delay >= 1:
                self.log(f"waiting {delay:.0f} s for the upstream's budget")
            if delay > 0:
                self.sleep(delay)
            if self.should_stop():
                raise Stopped
            self.budget.spend()
            self.calls += 1
            response = self.fetch(url, headers=self.headers)
            if response.status != 429:
                break
            wait = _retry_after(response, default=max(self.budget.interval, 1))
            self.log(f"{url}: 429 Too Many Requests, waiting {wait:.0f} s as Retry-After says")
            self.sleep(wait)
        else:
            raise SyncError(f"GET {url}: still 429 Too Many Requests after {MAX_THROTTLED_ATTEMPTS} tries")
        if response.status != 200:
            raise SyncError(f"GET {url}: HTTP {response.status}")
        try:
            payload = json.loads(response.body)
        except ValueError as error:
            raise BadPage(f"GET {url}: not JSON: {error}") from None
        except RecursionError:
            raise BadPage(f"GET {url}: not JSON this service reads: nested too deep") from None
        if not isinstance(payload, dict):
            raise BadPage(f"GET {url}: the answer is not a JSON object")
        return payload

    def next_page(self, page) -> str:
        return self.link(page["next"]) if page.get("next") else ""


def _json(response):
    try:
        return json.loads(response.body)
    except (ValueError, RecursionError):
        return None


def _budget_terms(answer):
    """The budget `api-throttle/` gave, as `Budget`'s arguments, or None if it gave none that makes sense."""
    if not isinstance(answer, dict):
        return None
    numbers = {
        key: answer.get(key)
        for key in ("your_request_limit", "limit_frequency_secs", "current_use", "next_use_secs")
    }
    if not all(isinstance(value, int | float) and not isinstance(value, bool) for value in numbers.values()):
        return None
    if numbers["your_request_limit"] < 1 or numbers["limit_frequency_secs"] <= 0:
        return None
    return {
        "limit": int(numbers["your_request_limit"]),
        "period": numbers["limit_frequency_secs"],
        "used": max(int(numbers["current_use"]), 0),
        "next_free": numbers["next_use_secs"],
    }


def _date(response):
    """The time of the upstream's clock that a response's `Date` header gives, or None."""
    try:
        return email.utils.parsedate_to_datetime(response.headers.get("Date"))
    except (TypeError, ValueError):
        return None


def _retry_after(response, *, default):
    """Seconds a 429's `Retry-After` says to wait (a number of seconds, or an HTTP date)."""
    value = (response.headers.get("Retry-After") or "").strip()
    if value.isdigit():
        return int(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max((moment - datetime.datetime.now(datetime.UTC)).total_seconds(), 0)


def _results(page, url):
    results = page.get("results")
    if not isinstance(results, list) or not all(isinstance(item, dict) for item in results):
        raise BadPage(f"GET {url}: not a list page (no `results` list of objects)")
    return results


def _link_of(item):
    """The `url` of a nested object, or None."""
    return item.get("url") if isinstance(item, dict) and isinstance(item.get("url"), str) else None


def _as_page(results):
    return {"count": len(results), "next": None, "previous": None, "results": results}


@dataclass
class SyncReport:
    """What a run did: the pages it imported, the calls it made (`api-throttle/` aside), what it wrote
    (summed over its pages: an object imported by two pages counts twice), the pages it skipped, and
    whether it was stopped before its end."""

    pages: int = 0
    calls: int = 0
    skipped: list = field(default_factory=list)
    stopped: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    def add(self, summary) -> None:
        self.pages += 1
        self.created.update(summary.created)
        self.updated.update(summary.updated)
        self.unchanged.update(summary.unchanged)

    @property
    def summary(self) -> ImportSummary:
        return ImportSummary(created=self.created, updated=self.updated, unchanged=self.unchanged)

    def __str__(self):
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        stopped = " (stopped: the next run resumes here)" if self.stopped else ""
        return f"{self.pages} pages imported{skipped} in {self.calls} calls{stopped}\n{self.summary}"


# What `sync` can keep current (`kind`), and the list a run of it pages through.
FLIGHTS, UPCOMING_LAUNCHES, UPCOMING_EVENTS = "flights", "upcoming-launches", "upcoming-events"
KINDS = (FLIGHTS, UPCOMING_LAUNCHES, UPCOMING_EVENTS)
LISTS = {
    UPCOMING_LAUNCHES: ("launch/upcoming/", {"mode": "detailed"}),
    UPCOMING_EVENTS: ("event/upcoming/", {}),
}


def sync(
    *,
    base_url,
    token=None,
    full=False,
    kind=FLIGHTS,
    page_size=PAGE_SIZE,
    fetch=fetch_url,
    clock=time.monotonic,
    sleep=time.sleep,
    log=None,
    progress=None,
    should_stop=lambda: False,
) -> SyncReport:
    """Bring this database up to date with the upstream at `base_url` (a server root, or its `/2.2.0/`),
    for one `kind` of `KINDS`.

    A run in progress with that upstream (interrupted) is resumed, unless `full`, which starts a full
    run. `token` is sent as `Authorization: Token <token>`. `fetch(url, *, headers) -> Response`,
    `clock() -> seconds` and `sleep(seconds)` reach the network and the time (tests replace them);
    `log(line)` hears what the run does; `progress(done, total)` hears the pages done of those known
    (`total` from the first page's `count`); `page_size` is the `limit` of the lists it pages through.
    `should_stop()` is asked before each call: when true, the run stops there (`report.stopped`), its
    state saved, and the next run resumes.

    Returns a `SyncReport`. Raises `SyncError` when the upstream fails (a network error, an HTTP
    error); the pages imported until then stay, and the next run resumes after them. A bad page is
    skipped (module docstring).
    """
    log = log or (lambda line: None)
    upstream = Upstream(
        api_root=api_root_of(base_url),
        token=token,
        fetch=fetch,
        clock=clock,
        sleep=sleep,
        log=log,
        should_stop=should_stop,
    )
    report = SyncReport()
    try:
        upstream_now = upstream.open()
        state, _ = SyncState.objects.get_or_create(api_root=upstream.api_root, kind=kind)
        if state.next_url and not full:
            log(f"resuming the run started {state.started_at:%Y-%m-%d %H:%M:%S}Z at {state.next_url}")
        else:
            _start(state, upstream=upstream, started_at=upstream_now, full=full, page_size=page_size)
            state.save()
        total, count, bad_in_a_row = None, None, 0
        while state.next_url:
            url = state.next_url
            try:
                documents, next_url, count = _step(kind, state)(upstream, state)
            except BadPage as error:
                bad_in_a_row += 1
                if count is None and bad_in_a_row >= MAX_BAD_PAGES_IN_A_ROW:
                    raise SyncError(f"{bad_in_a_row} bad pages in a row, the last {url}: {error}") from error
                following = _following(url, count=count)
                _skip(state, report, url=url, problems=[str(error)], next_url=following, log=log)
            else:
                bad_in_a_row = 0
                try:
                    _import_page(state, report, documents=documents, next_url=next_url, url=url, log=log)
                except ImportFailed as failed:
                    problems = [str(problem) for problem in failed.problems]
                    _skip(state, report, url=url, problems=problems, next_url=next_url, log=log)
                if total is None and isinstance(count, int):
                    total = max(-(-count // page_size), 1)
            if progress is not None:
                progress(report.pages + len(report.skipped), total)
    except Stopped:
        report.stopped = True
        log("stopped: the next run resumes after the last page imported")
    report.calls = upstream.calls
    return report


def _step(kind, state):
    """How the run reads its next page: a list of `LISTS`, flights, or the launches changed since."""
    if kind in LISTS:
        return _list_step
    return _changes_step if state.changed_since else _flights_step


def _import_page(state, report, *, documents, next_url, url, log):
    with transaction.atomic():
        summary = import_documents(documents)
        _advance(state, next_url)
    report.add(summary)
    log(
        f"{url}: {len(documents)} documents, {sum(summary.created.values())} objects created, "
        f"{sum(summary.updated.values())} updated"
    )


def _skip(state, report, *, url, problems, next_url, log):
    """Record a bad page with its problems and move on to the next one."""
    with transaction.atomic():
        SkippedPage.objects.create(
            api_root=state.api_root, kind=state.kind, url=url, problems="\n".join(problems)
        )
        _advance(state, next_url)
    report.skipped.append(url)
    log(f"{url}: skipped, bad input:")
    for problem in problems:
        log(f"  {problem}")


def _advance(state, next_url):
    state.next_url = next_url
    if not next_url:
        _finish(state)
    state.save()


def _following(url, *, count=None):
    """The page after `url` in a limit/offset list: the same URL at the next offset (what `next` links
    to), for a page whose own `next` could not be read; none past the list's `count`, when a page of the
    run has told it."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    try:
        limit, offset = int(query.get("limit", PAGE_SIZE)), int(query.get("offset", 0))
    except ValueError:
        return ""
    if isinstance(count, int) and offset + limit >= count:
        return ""
    query["offset"] = str(offset + limit)
    return urlunsplit(parts._replace(query=urlencode(query, safe=",:")))


def _start(state, *, upstream, started_at, full, page_size):
    since = None if full else state.synced_at
    state.started_at = started_at
    state.changed_since = since
    state.followed = []
    if state.kind in LISTS:
        path, parameters = LISTS[state.kind]
        state.changed_since = None
        state.next_url = upstream.url(path, limit=page_size, **parameters)
        upstream.log(f"{state.kind}: every page of {state.next_url}")
    elif since is None:
        state.next_url = upstream.url("spacecraft/flight/", limit=page_size, mode="detailed")
        upstream.log(f"full run: every flight of {upstream.api_root}")
    else:
        changed = since.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        state.next_url = upstream.url(
            "launch/", last_updated__gte=changed, limit=page_size, mode="detailed", ordering="id"
        )
        upstream.log(f"the flights of the launches changed since {changed}")


def _finish(state):
    state.synced_at = state.started_at
    state.started_at = None
    state.changed_since = None
    state.followed = []


def _list_step(upstream, state):
    """A page of a list (upcoming launches or events), imported as it is."""
    url = state.next_url
    page = upstream.get(url)
    _results(page, url)
    return [(url, page)], upstream.next_page(page), page.get("count")


def _flights_step(upstream, state):
    """A page of flights, their launches in detailed mode, their spacecraft and stations."""
    url = state.next_url
    page = upstream.get(url)
    flights = _results(page, url)
    documents = [(url, page), *_launches(upstream, flights), *_followed(upstream, state, flights)]
    return documents, upstream.next_page(page), page.get("count")


def _changes_step(upstream, state):
    """A page of changed launches: those with a spacecraft flight, every flight of those flights'
    spacecraft, and their spacecraft and stations."""
    url = state.next_url
    page = upstream.get(url)
    launches = [launch for launch in _results(page, url) if _spacecraft_stage(launch)]
    documents = [(url, _as_page(launches))]
    flights = []
    spacecraft_ids = dict.fromkeys(_spacecraft_stage(launch)["spacecraft"]["id"] for launch in launches)
    for spacecraft_id in spacecraft_ids:
        flights_url = upstream.url(
            "spacecraft/flight/", limit=PAGE_SIZE, mode="detailed", spacecraft=spacecraft_id
        )
        while flights_url:
            flights_page = upstream.get(flights_url)
            flights.extend(_results(flights_page, flights_url))
            documents.append((flights_url, flights_page))
            flights_url = upstream.next_page(flights_page)
    documents.extend(_followed(upstream, state, flights))
    return documents, upstream.next_page(page), page.get("count")


def _spacecraft_stage(launch):
    """A detailed launch's spacecraft flight, if it has one with a spacecraft id."""
    stage = (launch.get("rocket") or {}).get("spacecraft_stage")
    if isinstance(stage, dict) and isinstance(stage.get("spacecraft"), dict) and "id" in stage["spacecraft"]:
        return stage
    return None


def _launches(upstream, flights):
    """The flights' launches in detailed mode: as few calls as LL2's `id` filter allows."""
    links = {}
    for flight in flights:
        launch = flight.get("launch")
        if _link_of(launch) and launch.get("id"):
            links.setdefault(str(launch["id"]), _link_of(launch))
    documents = []
    found = set()
    for ids in _batches(upstream, list(links)):
        url = upstream.url("launch/", mode="detailed", limit=PAGE_SIZE, id=",".join(ids))
        # An upstream that ignored the filter answered with other launches: keep only those asked for.
        wanted = [launch for launch in _results(upstream.get(url), url) if str(launch.get("id")) in ids]
        found.update(str(launch["id"]) for launch in wanted)
        documents.append((url, _as_page(wanted)))
    for launch_id, link in links.items():
        if launch_id not in found:
            url = upstream.link(link)
            documents.append((url, upstream.get(url)))
    return documents


def _batches(upstream, ids):
    """`ids` in runs that fit in one call: at most a page, in a URL a server accepts."""
    batch = []
    for launch_id in ids:
        candidate = [*batch, launch_id]
        url = upstream.url("launch/", mode="detailed", limit=PAGE_SIZE, id=",".join(candidate))
        if batch and (len(candidate) > PAGE_SIZE or len(url) > MAX_URL_LENGTH):
            yield batch
            candidate = [launch_id]
        batch = candidate
    if batch:
        yield batch


def _followed(upstream, state, flights):
    """The flights' spacecraft and their docking events' stations, each fetched once per run."""
    links = []
    for flight in flights:
        links.append(_link_of(flight.get("spacecraft")))
        for event in flight.get("docking_events") or []:
            links.append(_link_of(event.get("spacestation")) if isinstance(event, dict) else None)
    documents = []
    for link in dict.fromkeys(link for link in links if link):
        url = upstream.link(link)
        if url not in state.followed:
            documents.append((url, upstream.get(url)))
            state.followed.append(url)
    return documents
