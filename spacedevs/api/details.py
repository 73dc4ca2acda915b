"""Details the database writes, answered without Django's request path once Django has answered their kind
(`FAST_DETAILS`).

On PostgreSQL a detail is one prepared statement that writes the payload (`spacedevs.api.sqljson`);
everything else Django and DRF do for it (the middleware, the URL's resolution, DRF's dispatch, content
negotiation, the response object) cost a worker more than four times what the statement's call did:
1.82 M of an uncached flight detail's 2.21 M Python instructions (2026-11-29), more than the whole
budget `perf-ratio`'s goal leaves a detail (README, "Speed").

Yet what they contribute to a detail's answer is the same for every object of its kind. `WrittenDetails`
wraps the WSGI application, inside the response cache, and records it: the first GET of each *variant*
goes through Django, and when the view answered 200 with the statement's JSON, the status line and
headers (content type, `Vary`, `Allow`, the security and CORS headers, whatever the middleware adds) and
the statement with its links' root are kept. A later GET of the same variant for another object runs
the statement alone, between Django's request signals (which check the connection's health and age),
and answers with those headers and the new body: 0.86 M instructions in all. A variant is the request
but for the object's key: the route (its prefix and endpoint), the scheme (and the proxy's), the host,
the script prefix, the query string, `Accept` and `Origin`, which is what the response cache keys on,
and what the view, the negotiation and the middleware read.

Whatever is not such a request is Django's, whole: a request whose client hung up (answered 499 by
`spacedevs.middleware.AbandonedRequestMiddleware`), another method (`HEAD`, `OPTIONS`, writes), a path
that is not an API detail, a detail the Python path writes (SQLite, the browsable API, an indented
response, a serializer without an exact SQL form: the view then records nothing), an unknown key
(Django's 404), an error of the database (its 503, and the connection's recovery), a throttled API
or a call with an API key (every such call is counted), a response that sets a cookie or varies on
another header. A write changes nothing kept: the headers do not depend on the data, and the body is
the statement's, run each time.
The variants kept are bounded (`MAX_VARIANTS`: clients choose their `Origin` and `Accept`), and
forgotten when a setting changes (tests change them; a server's settings do not change).

These requests are not in django-prometheus' request metrics (nor are the response cache's hits):
`spacedevs_fast_details_total` counts them.
"""

import weakref
from collections.abc import Callable, Iterable
from typing import NamedTuple

from django.conf import settings
from django.core.signals import request_finished, request_started, setting_changed
from django.db import router
from django.dispatch import receiver
from django.urls import Resolver404, resolve
from prometheus_client import Counter

from spacedevs.api.cache import answer_depends_on, cacheable, throttled
from spacedevs.api.renderers import escape_line_separators
from spacedevs.api.routers import API_PREFIXES
from spacedevs.api.sqljson import Statement
from spacedevs.middleware import hung_up
from spacedevs.replicas import reading_replicas

# Where the view leaves what it wrote a detail with, in the request's environ (its `META`).
WRITTEN = "spacedevs.written_detail"
MAX_VARIANTS = 1000

FAST_DETAILS = Counter("spacedevs_fast_details_total", "Details answered without Django's request path.")


class Written(NamedTuple):
    """What the view wrote a detail with: the statement, its links' root and suffix, and the name of the
    URL's keyword that holds the key."""

    statement: Statement
    root: str
    suffix: str
    key_kwarg: str


class Variant(NamedTuple):
    """What Django answered a variant with: its status line, its headers (where `Content-Length` is at
    `length_at`) and how it wrote the body."""

    status: str
    headers: list[tuple[str, str]]
    length_at: int
    written: Written


class WrittenDetails:
    """WSGI middleware: the fast path of the module's docstring."""

    def __init__(self, application: Callable):
        self.application = application
        self.variants: dict[tuple, Variant] = {}
        _INSTANCES.add(self)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if (
            environ.get("REQUEST_METHOD") != "GET"
            or not path.startswith(API_PREFIXES)
            or not path.isascii()
            or not settings.FAST_DETAILS
            or throttled(environ)
        ):
            return self.application(environ, start_response)
        try:
            match = resolve(path)
        except Resolver404:
            return self.application(environ, start_response)
        if getattr(match.func, "actions", {}).get("get") != "retrieve":  # a list, the API root...
            return self.application(environ, start_response)
        client = environ.get("gunicorn.socket")
        if client is not None and hung_up(client):  # Django answers it 499, unworked on
            return self.application(environ, start_response)
        key = self.key(environ, match.view_name)
        variant = self.variants.get(key)
        if variant is None:
            return self._record(environ, start_response, key)
        statement, root, suffix, key_kwarg = variant.written
        # As Django's handler does around a request: its connections are checked (and closed if broken
        # or older than CONN_MAX_AGE) before and after.
        request_started.send(sender=self.__class__, environ=environ)
        try:
            with reading_replicas():
                using = router.db_for_read(statement.model)
                payload = statement.run([match.kwargs[key_kwarg]], root, suffix, using)
        except Exception:  # Django answers, as it answers a database it cannot reach
            payload = None
        finally:
            request_finished.send(sender=self.__class__)
        if payload is None or payload == b"[]":  # Django's 503, or its 404 for no such object
            return self.application(environ, start_response)
        body = escape_line_separators(payload[1:-1])
        headers = variant.headers.copy()
        headers[variant.length_at] = ("Content-Length", str(len(body)))
        start_response(variant.status, headers)
        FAST_DETAILS.inc()
        return [body]

    def _record(self, environ, start_response, key):
        """Django answers; what it answered is kept when the view wrote the detail with its statement."""
        answered = {}

        def capture(status, headers, exc_info=None):
            answered["head"] = (status, headers)
            return start_response(status, headers, exc_info)

        result = self.application(environ, capture)
        written = environ.get(WRITTEN)
        if written is not None and "head" in answered:
            status, headers = answered["head"]
            names = [name.lower() for name, _value in headers]
            if cacheable(status, headers) and "content-length" in names:
                if len(self.variants) >= MAX_VARIANTS:
                    self.variants.pop(next(iter(self.variants), None), None)
                self.variants[key] = Variant(status, list(headers), names.index("content-length"), written)
        return result

    @staticmethod
    def key(environ: dict, view_name: str) -> tuple:
        """A request's variant: what Django's answer to it depends on, but the object's key."""
        return (view_name, *answer_depends_on(environ))


_INSTANCES = weakref.WeakSet()


@receiver(setting_changed)
def _forget_variants(**kwargs):
    for instance in _INSTANCES:
        instance.variants.clear()
