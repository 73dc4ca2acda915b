"""`import_documents`: LL2 JSON documents into the database, all or nothing.

The rules, where LL2 leaves them to us:

- A document is one LL2 object, a `{count, next, previous, results}` page, or a JSON list of objects.
  A top-level object's kind is read from the path of its `url` after the API version
  (`/2.2.0/launch/<uuid>/`, `/2.1.0/agencies/44/`, `/2.2.0/config/orbit/8/`, on any host); an object
  without a `url` is a location's detail if it lists `pads`, `dashboard/starship/` if it has
  `upcoming`, `previous` and `vehicles`, else the kind its document names (see below), else an unknown
  shape. The `config/...` lookups (`{id, name}`) have no `url`: a document names their kind by its
  page's `next` or `previous` link (`/2.2.0/config/orbit/?offset=10`), else by its source, a file path
  or URL that holds the endpoint's path (`export/config/orbit/page-0001.json`,
  `https://host/2.2.0/config/orbit/`). Nested objects are read by the key
  they sit under (see `mirror.importer.shapes`).
- Every object is upserted by its LL2 id; only the fields its payload carries are written (an old
  shape's list item leaves what a newer detail stored), and the run that comes last wins.
- Lookups served as names (an agency's `type`, a mission's `type`, a station's `orbit`, a booster's
  `type`) are found by name, or created; an orbit created from a station's name gives way to LL2's
  orbit of that name (with its id) when a mission brings it.
- Lists of related objects (a launch's `program`, a flight's crews, a station's `owners`) are set to
  what the payload lists; lists of owned objects with ids (a flight's docking events, a launch's
  updates and boosters) are upserted, and nothing is deleted for being absent from them; a launch's
  `infoURLs` and `vidURLs`, which have no ids, replace the stored ones.
- Values we derive (spacecraft and astronaut statistics, a station's counts, a booster's flights, a
  launch's `list`-shape names) are not read; unknown keys (fields LL2 added since) are ignored.
- Objects may come in any order within a run: a new object lacking something it needs (a docking
  event's launch, a port's station) is tried again once everything else is in, and a reference that
  only names an object (an agency's `parent`, a pad's `agency_id`) is resolved at the end; one that
  names nothing leaves the field as stored and is reported in the summary's notes.
- Every problem is collected (one object's bad value does not hide the next one's); if there is any,
  nothing is written.
- A document that no LL2 server would serve is refused whole before any of it is read: nested deeper
  than `MAX_DEPTH` (LL2's deepest payloads are 8 levels), a string holding a NUL character (which
  PostgreSQL cannot store), a number beyond what a database column holds (a 64-bit integer, a finite
  float). Each is a problem of its own, at its JSON path. `parse_json` refuses, the same way, text that
  cannot even be read as JSON (too deep for the parser, a number of thousands of digits).
"""

import json
import math
import re
from typing import Any
from urllib.parse import urlsplit

from django.db import DatabaseError, transaction

from mirror.importer.report import ImportFailed, ImportSummary
from mirror.importer.shapes import Reader, json_type
from mirror.importer.store import CREATED, UNCHANGED, UPDATED, Deferred, Store
from spacedevs import dataversion

_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
# What tells `dashboard/starship/` (an object without a `url`) from other shapes.
DASHBOARD_KEYS = {"upcoming", "previous", "vehicles"}

# How deep a document may nest objects and lists: LL2's deepest payloads nest 8 levels.
MAX_DEPTH = 32
INT64 = 2**63

# The path of an object's `url` after the API version, without its id: the kind of object it is, as
# the name of the `Reader` method that reads it.
KINDS = {
    "spacecraft/flight": "flight",
    "spacecraft": "spacecraft",
    "config/spacecraft": "spacecraft_config",
    "launch": "launch",
    "agencies": "agency",
    "astronaut": "astronaut",
    "pad": "pad",
    "location": "location",
    "spacestation": "station",
    "docking_event": "docking_event",
    "expedition": "expedition",
    "config/launcher": "launcher_config",
    "launcher": "launcher",
    "program": "program",
    "event": "event",
    "event/upcoming": "event",
    "event/previous": "event",
    "updates": "update",
    "config/agencytype": "agency_type",
    "config/astronautrole": "astronaut_role",
    "config/astronautstatus": "astronaut_status",
    "config/astronauttype": "astronaut_type",
    "config/dockinglocation": "docking_location",
    "config/eventtype": "event_type",
    "config/firststagetype": "first_stage_type",
    "config/landinglocation": "landing_location",
    "config/launchstatus": "launch_status",
    "config/missiontype": "mission_type",
    "config/noticetype": "notice_type",
    "config/orbit": "orbit",
    "config/roadclosurestatus": "road_closure_status",
    "config/spacecraftstatus": "spacecraft_status",
    "config/spacestationstatus": "spacestation_status",
}


def import_documents(documents, *, progress=None) -> ImportSummary:
    """Import LL2 JSON documents in one transaction: all or nothing.

    documents: an iterable of (source_name: str, payload), the payload parsed JSON: one LL2 object, a
    `{count, next, previous, results}` page, or a list of objects. progress: None, or a callable
    `progress(done, total)` called after each top-level object (`total` counts them all).

    Returns an `ImportSummary`; raises `ImportFailed` listing every problem found, in input order,
    having written nothing. The module docstring gives the rules.
    """
    store = Store()
    reader = Reader(store)
    items = []
    for source, payload in documents:
        store.source = source
        store.position = len(items)
        store.begin()
        if not _unservable(store, payload):
            named = _kind_named_by(source, payload)
            items.extend((source, path, data, named) for path, data in _objects(store, payload))
        store.commit()

    with transaction.atomic():
        retry = []
        for position, (source, path, data, named) in enumerate(items):
            if not _import_one(store, reader, source, path, data, named, position=position):
                retry.append((position, source, path, data, named))
            if progress is not None:
                progress(position + 1, len(items))
        # The objects that lacked something another object might bring, again while that helps (one may
        # need another deferred one); then what they lack is a problem.
        while retry:
            still = [item for item in retry if not _import_one(store, reader, *item[1:], position=item[0])]
            if len(still) == len(retry):
                break
            retry = still
        store.deferring = False
        for position, source, path, data, named in retry:
            _import_one(store, reader, source, path, data, named, position=position)
        notes = store.resolve_later()
        if store.problems:
            raise ImportFailed(store.problems)
        store.reset_sequences()
        # Most writes send signals; those that do not (sequences, set-based updates) are covered too.
        dataversion.bump_on_commit()

    counts = store.counts()
    return ImportSummary(
        created=counts[CREATED], updated=counts[UPDATED], unchanged=counts[UNCHANGED], notes=notes
    )


class UnreadableJSON(ValueError):
    """Text that cannot be read as JSON; its message says why, for the problem's line."""


def parse_json(text) -> Any:
    """The JSON value of `text`; raises `UnreadableJSON` (a `ValueError`) with a readable reason."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableJSON(_json_error(text, error)) from None
    except RecursionError:
        raise UnreadableJSON("nested too deep to be read (LL2's payloads nest 8 levels)") from None
    except ValueError as error:  # Python's limit on the digits of an integer
        raise UnreadableJSON(f"a number too long to be read ({error})") from None


def _json_error(text, error):
    where = f"line {error.lineno} column {error.colno}"
    if not text.strip():
        return "empty, not JSON"
    # A string left open runs to the end of the text: it was cut there too.
    if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
        return f"truncated: the JSON ends at {where} before the document does"
    return f"not JSON: {error.msg} at {where}"


def _unservable(store, payload):
    """Record a problem for every value of `payload` that no LL2 server serves and no column stores (see
    the module's docstring); whether there was any. Walks the document without recursion, so that its
    depth cannot overflow the stack."""
    found = False
    stack = [("$", payload, 0)]
    while stack:
        path, value, depth = stack.pop()
        problem = _unservable_value(value, depth)
        if problem:
            store.problem(path, problem)
            found = True
        if isinstance(value, dict) and depth < MAX_DEPTH:
            for key, item in reversed(value.items()):
                if "\x00" in key:
                    store.problem(path, f"a key holds a NUL character: {key!r}")
                    found = True
                stack.append((f"{path}.{key}", item, depth + 1))
        elif isinstance(value, list) and depth < MAX_DEPTH:
            stack.extend(
                (f"{path}[{index}]", item, depth + 1) for index, item in reversed(list(enumerate(value)))
            )
    return found


def _unservable_value(value, depth):
    if isinstance(value, dict | list) and depth >= MAX_DEPTH:
        return f"nested deeper than {MAX_DEPTH} levels (LL2's payloads nest 8)"
    if isinstance(value, str) and "\x00" in value:
        return "a string holding a NUL character, which no database column stores"
    if isinstance(value, int) and not isinstance(value, bool) and not -INT64 <= value < INT64:
        return f"{_short(value)} is beyond a 64-bit integer"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a finite number"
    return None


def _short(number):
    digits = str(number)  # at most 4,300 digits, Python's limit, which `parse_json` enforces
    return digits if len(digits) <= 30 else f"{digits[:12]}...{digits[-6:]} ({len(digits)} digits)"


def _objects(store, payload):
    """The top-level objects of a document, with their JSON paths."""
    if isinstance(payload, dict) and "results" in payload:
        results = payload["results"]
        if not isinstance(results, list):
            store.problem("$.results", f"expected a list of objects, got {json_type(results)}")
            return []
        return [(f"$.results[{index}]", item) for index, item in enumerate(results)]
    if isinstance(payload, list):
        return [(f"$[{index}]", item) for index, item in enumerate(payload)]
    if isinstance(payload, dict):
        return [("$", payload)]
    store.problem("$", f"expected an LL2 object, a page or a list of objects, got {json_type(payload)}")
    return []


def _import_one(store, reader, source, path, data, named, *, position):
    """Import one top-level object in a savepoint; False if it was deferred (undone, to try again)."""
    store.source = source
    store.position = position
    store.begin()
    try:
        with transaction.atomic():
            read = _reader_of(store, reader, path, data, named)
            if read is not None:
                read(data, path)
    except Deferred:
        store.undo()
        return False
    except DatabaseError as error:
        # What the fields' checks cannot see (a slug another launch has, a mission already another
        # launch's): the savepoint is rolled back, and it is a problem of this object.
        store.undo()
        store.problem(path, f"the database refused it: {' '.join(str(error).split())}")
    store.commit()
    return True


def _reader_of(store, reader, path, data, named):
    """The `Reader` method for a top-level object, from its `url` or, without one, its shape or the kind
    its document names (`named`)."""
    if not isinstance(data, dict):
        store.problem(path, f"expected an LL2 object, got {json_type(data)}")
        return None
    url = data.get("url")
    if url is None:
        if isinstance(data.get("pads"), list):
            return reader.location
        if data.keys() >= DASHBOARD_KEYS:
            return reader.dashboard
        if named is not None:
            return reader.of_kind(named)
        keys = ", ".join(list(data)[:8])
        store.problem(path, f"unknown shape: an object without a 'url' (keys: {keys})")
        return None
    kind = _kind_of(url) if isinstance(url, str) else None
    if kind is None:
        store.problem(
            f"{path}.url", f"unknown kind of object: {url!r} names no endpoint this service mirrors"
        )
        return None
    return reader.of_kind(kind)


def _kind_of(url):
    """The kind of the object whose `url` this is (its endpoint's path, then its id)."""
    rest = _after_version(url)
    return KINDS.get("/".join(rest[:-1])) if rest is not None and len(rest) >= 2 else None


def _after_version(url):
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    for index, segment in enumerate(segments):
        if _VERSION.match(segment):
            return segments[index + 1 :]
    return None


def _kind_named_by(source, payload):
    """The kind a document names for its objects without a `url` (the `config/...` lookups): its
    page's `next` or `previous` link, else the longest endpoint path its source holds."""
    if isinstance(payload, dict):
        for key in ("next", "previous"):
            if isinstance(payload.get(key), str):
                rest = _after_version(payload[key])
                if rest is not None:
                    return KINDS.get("/".join(rest))
    source = str(source).replace("\\", "/")
    found = [path for path in KINDS if f"/{path}/" in f"/{source}"]
    return KINDS[max(found, key=len)] if found else None
