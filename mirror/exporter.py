"""The whole database as LL2 2.2.0 list pages, for `import_ll2` to load into another instance.

Each page is, byte for byte, what this instance serves for
`GET /2.2.0/<endpoint>/?limit=100&mode=<mode>&offset=<n>`: the viewsets are called in-process, so a page
has the API's serializers, querysets (a fixed number of queries per page, whatever it holds) and links,
built from a base URL instead of a request's host. An endpoint's pages go to a folder named by its path:
`DIR/spacecraft/flight/page-0001.json` holds offsets 0 to 99 of `spacecraft/flight/`.

`ENDPOINTS` names the endpoints that carry everything a response shows, each in its richest mode; the
lists of the other modes, `launch/upcoming/` and `launch/previous/` (and `event/...`), and every detail
are served from the same rows, so an empty instance that imports the pages serves them all as this one
does. `dashboard/starship/`, one object, is written as it is served (`page-0001.json`): its road
closures and notices are those it shows (those to come, the newest), as the API shows no others.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.core.handlers.wsgi import WSGIRequest
from django.db import connection, transaction
from django.test import RequestFactory
from django.urls import get_script_prefix, resolve, set_script_prefix

from spacedevs.api.routers import API_VERSION

DEFAULT_BASE_URL = "http://localhost/"
# LL2's largest page.
PAGE_SIZE = 100
PAGE_NAME = "page-{number:04d}.json"
PAGE_GLOB = "page-*.json"


@dataclass(frozen=True)
class Endpoint:
    """A list endpoint (its path under `/2.2.0/`, with its trailing slash) and the mode it is read in
    (None for an endpoint without modes)."""

    path: str
    mode: str | None = None
    # False for a view that is one object, not a list (`dashboard/starship/`): one page, as served.
    paged: bool = True

    def query(self, *, offset: int) -> dict[str, str]:
        if not self.paged:
            return {}
        parameters = {"limit": str(PAGE_SIZE), "offset": str(offset)}
        if self.mode:
            parameters["mode"] = self.mode
        return parameters


# What an empty instance needs to rebuild every response, each in the mode that shows the most. In the
# order an import reads them best: what a later page refers to without embedding it in full (a pad's
# `agency_id`, an agency's `parent` by name, a station's `orbit` by name) comes first.
ENDPOINTS = (
    # The lookups first, with their LL2 ids, before the objects that name them.
    Endpoint("config/agencytype/"),
    Endpoint("config/astronautrole/"),
    Endpoint("config/astronautstatus/"),
    Endpoint("config/astronauttype/"),
    Endpoint("config/eventtype/"),
    Endpoint("config/firststagetype/"),
    Endpoint("config/launchstatus/"),
    Endpoint("config/missiontype/"),
    Endpoint("config/noticetype/"),
    Endpoint("config/orbit/"),
    Endpoint("config/roadclosurestatus/"),
    Endpoint("config/spacecraftstatus/"),
    Endpoint("config/spacestationstatus/"),
    Endpoint("agencies/", "detailed"),
    Endpoint("location/"),
    Endpoint("pad/"),
    Endpoint("program/"),
    Endpoint("config/launcher/", "detailed"),
    Endpoint("config/spacecraft/", "detailed"),
    Endpoint("launcher/", "detailed"),
    Endpoint("launch/", "detailed"),
    Endpoint("spacestation/", "detailed"),
    Endpoint("expedition/", "detailed"),
    Endpoint("astronaut/", "detailed"),
    Endpoint("spacecraft/", "detailed"),
    Endpoint("spacecraft/flight/", "detailed"),
    Endpoint("docking_event/", "detailed"),
    # Ports and landing locations that nothing above lists (a port never visited).
    Endpoint("config/dockinglocation/"),
    Endpoint("config/landinglocation/"),
    Endpoint("event/"),
    # Updates of programmes: the launches' and the events' come with them.
    Endpoint("updates/"),
    Endpoint("dashboard/starship/", paged=False),
)


class ExportError(Exception):
    """The export cannot start (a bad base URL, a directory that is not empty); nothing was written."""


@dataclass
class ExportSummary:
    """What an export wrote: per endpoint path, its objects and its page files (in import order)."""

    objects: dict[str, int] = field(default_factory=dict)
    pages: dict[str, list[Path]] = field(default_factory=dict)

    @property
    def files(self) -> list[Path]:
        """Every page written, in the order an import should read them."""
        return [path for pages in self.pages.values() for path in pages]

    def endpoint_line(self, path: str) -> str:
        pages = len(self.pages[path])
        return f"{path}: {self.objects[path]} objects in {pages} page{'s' if pages != 1 else ''}"

    def total_line(self) -> str:
        return f"{sum(self.objects.values())} objects in {len(self.files)} pages."

    def __str__(self):
        return "\n".join([*(self.endpoint_line(path) for path in self.pages), self.total_line()])


@dataclass(frozen=True)
class _Site:
    """Where the exported links point: the base URL split into what a request carries."""

    scheme: str
    host: str
    script_name: str  # the base URL's path without its trailing slash ("" at the root)

    @classmethod
    def parse(cls, base_url: str) -> "_Site":
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ExportError(f"Base URL {base_url!r} must be an absolute http:// or https:// URL.")
        if parts.query or parts.fragment or parts.username or parts.password:
            raise ExportError(f"Base URL {base_url!r} must have no query, fragment or credentials.")
        return cls(scheme=parts.scheme, host=parts.netloc, script_name=parts.path.rstrip("/"))


class _ExportRequest(WSGIRequest):
    """A request for the base URL's host, which need not be one this instance answers to:
    `ALLOWED_HOSTS` guards the requests it receives, not the links it writes for another host."""

    def get_host(self) -> str:
        return self.META["HTTP_HOST"]


def export_database(
    *, directory: Path, base_url: str = DEFAULT_BASE_URL, force: bool = False, progress=None
) -> ExportSummary:
    """Write every endpoint of `ENDPOINTS` as its list pages under `directory` (created if missing).

    A `directory` that holds anything is refused (`ExportError`) unless `force`: then the pages of a
    previous export are replaced, those it had beyond this export's are removed (they would import stale
    rows), and other files are left alone. The pages are read in one transaction (on PostgreSQL a
    repeatable-read snapshot), so they agree with each other while curators edit. `progress`, if
    given, is called with the summary so far and an endpoint's path once its pages are written.
    Returns what was written.
    """
    site = _Site.parse(base_url)
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory} is not a directory.")
    if not force and directory.exists() and any(directory.iterdir()):
        raise ExportError(f"{directory} is not empty; export into an empty directory, or pass --force.")

    summary = ExportSummary()
    with _snapshot(), _script_prefix(site):
        for endpoint in ENDPOINTS:
            folder = directory / endpoint.path
            folder.mkdir(parents=True, exist_ok=True)
            written = []
            for number, response in enumerate(_pages(endpoint, site=site), start=1):
                page = folder / PAGE_NAME.format(number=number)
                page.write_bytes(response.content)
                written.append(page)
                summary.objects[endpoint.path] = response.data["count"] if endpoint.paged else 1
            # A page of an earlier, longer export would bring back rows this database no longer has.
            for stale in sorted(set(folder.glob(PAGE_GLOB)) - set(written)):
                stale.unlink()
            summary.pages[endpoint.path] = written
            if progress:
                progress(summary, endpoint.path)
    return summary


def _pages(endpoint: Endpoint, *, site: _Site):
    """Each page of `endpoint`, a rendered response, following `next` to the last one."""
    offset = 0
    while True:
        response = _get(endpoint, offset=offset, site=site)
        yield response
        if not endpoint.paged or response.data["next"] is None:
            return
        offset += PAGE_SIZE


def _get(endpoint: Endpoint, *, offset: int, site: _Site):
    """One list page, through the URL resolver and the viewset as a request to the API would go."""
    path = f"/{API_VERSION}/{endpoint.path}"
    environ = (
        RequestFactory()
        .get(
            path,
            endpoint.query(offset=offset),
            HTTP_HOST=site.host,
            HTTP_ACCEPT="application/json",
            SCRIPT_NAME=site.script_name,
            secure=site.scheme == "https",
        )
        .environ
    )
    request = _ExportRequest(environ)
    match = resolve(path)
    # LinkField reverses links in the namespace of the request's route ("2.2.0").
    request.resolver_match = match
    response = match.func(request, *match.args, **match.kwargs)
    response.render()
    if response.status_code != 200:
        # Our own list with valid parameters: anything else is a bug, not something to write out.
        raise RuntimeError(f"GET {path}?offset={offset} answered {response.status_code}: {response.data}")
    return response


@contextmanager
def _script_prefix(site: _Site):
    """Links reversed under the base URL's path (`https://example.org/ll2/` gives `/ll2/2.2.0/...`), as
    a WSGI server mounted there would reverse them; the previous prefix is restored after."""
    previous = get_script_prefix()
    set_script_prefix(site.script_name + "/")
    try:
        yield
    finally:
        set_script_prefix(previous)


@contextmanager
def _snapshot():
    """One read transaction around the whole export. On PostgreSQL it is REPEATABLE READ, so that every
    page sees the same rows and the same `now()` (the default isolation takes a new snapshot per
    statement); inside a transaction already open (a test's), that transaction's isolation holds."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield
