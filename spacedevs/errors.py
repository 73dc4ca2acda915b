"""Error answers outside DRF's views: JSON `{"detail": ...}` for programs, a styled page for browsers.

Django's `handler400`, `handler403`, `handler404` and `handler500` (see `spacedevs.urls`) and
`DatabaseUnavailableMiddleware` answer here. A malformed id (`spacecraft/flight/abc/`) matches no route
and is answered by `not_found` with the same body as an unknown id (`{"detail": "Not found."}`); a bad
`Host` or too many query parameters by `bad_request`; a database that cannot be reached by
`database_unavailable`, 503 with `Retry-After`, wherever it was found out.

These answers never need the database, the session or the request's host: they are what is left when
one of those failed.
"""

import json
import logging
import sys
from http import HTTPStatus

from django.core.exceptions import DisallowedHost, TooManyFieldsSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# What a client is told to wait before trying again while the database cannot be reached: about the
# time a restart or a failover takes.
RETRY_AFTER_SECONDS = 5

# The database errors that mean "cannot be reached", not "refused this query": a connection refused or
# lost, a timeout (`spacedevs.db`), a closed connection.
UNREACHABLE = (OperationalError, InterfaceError)


def error_response(request, status, detail, *, headers=None) -> HttpResponse:
    """`{"detail": detail}` with `status`; a page styled as the browsable API when the client prefers
    HTML (a browser), judged from its `Accept` header alone (its query string may be what was wrong)."""
    headers = dict(headers or {})
    # Compact, as DRF renders its own errors: the same bytes for the same error.
    body = json.dumps({"detail": detail}, separators=(",", ":"))
    wants_html = request.get_preferred_type(["application/json", "text/html"]) == "text/html"
    if not wants_html:
        return HttpResponse(body, status=status, content_type="application/json", headers=headers)
    context = {
        "name": HTTPStatus(status).phrase,
        "status": status,
        "method": request.method,
        "path": request.get_full_path(),
        "headers": [("Content-Type", "application/json"), *headers.items()],
        "body": json.dumps({"detail": detail}, indent=4),
    }
    try:
        page = render_to_string("spacedevs/error.html", context)
    except Exception:  # the page's styles are beyond reach (static files): the words still are
        logger.exception("The error page could not be rendered")
        page = f"<!doctype html><title>{status}</title><h1>{status} {context['name']}</h1><p>{detail}</p>"
    return HttpResponse(page, status=status, content_type="text/html; charset=utf-8", headers=headers)


def database_unavailable(request) -> HttpResponse:
    """503: the database cannot be reached; the client may try again after `Retry-After` seconds."""
    return error_response(
        request,
        503,
        "The database is unavailable; try again shortly.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def bad_request(request, exception=None):
    """`handler400`: a request Django refuses before any view (a `Host` not in `ALLOWED_HOSTS`, more
    query parameters than `DATA_UPLOAD_MAX_NUMBER_FIELDS`)."""
    if isinstance(exception, DisallowedHost):
        return error_response(request, 400, "Bad request: this service does not answer to that Host.")
    if isinstance(exception, TooManyFieldsSent):
        return error_response(request, 400, "Bad request: too many query parameters.")
    return error_response(request, 400, "Bad request.")


def permission_denied(request, exception=None):
    return error_response(request, 403, "You do not have permission to perform this action.")


def not_found(request, exception=None):
    return error_response(request, 404, "Not found.")


def server_error(request):
    """`handler500`. Called while the exception is being handled, so a database that cannot be reached,
    found out in a middleware rather than in a view, is still a 503."""
    if isinstance(sys.exc_info()[1], UNREACHABLE):
        return database_unavailable(request)
    return error_response(request, 500, "A server error occurred.")


class DatabaseUnavailableMiddleware:
    """A view (DRF's included: its exception handler leaves database errors to Django) that cannot reach
    the database answers 503 with `Retry-After`, logged as one line rather than a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UNREACHABLE):
            logger.warning("The database is unavailable: %s", " ".join(str(exception).split()))
            return database_unavailable(request)
        return None
