"""Details the database writes are answered without Django's request path once Django has answered their
kind (`spacedevs.api.details`): byte for byte what Django answers (status, headers in order, body), and
Django's own answer whenever anything is not that."""

import socket

import pytest
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper

from spacecraft.models import SpacecraftFlight
from spacedevs.api import sqljson
from spacedevs.api.details import WrittenDetails
from spacedevs.api.urls import router
from spacedevs.api.views import LL2ViewSet
from spacedevs.wsgi import django_application
from tests.helpers import call_wsgi

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("keep_the_test_connection")]

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database writes payloads on PostgreSQL only"
)


@pytest.fixture(autouse=True)
def _uncached(settings):
    settings.RESPONSE_CACHE = False


class Django:
    """Django's WSGI application, counting the requests that reach it."""

    def __init__(self):
        self.reached = 0

    def __call__(self, environ, start_response):
        self.reached += 1
        return django_application(environ, start_response)


@pytest.fixture
def django():
    return Django()


@pytest.fixture
def fast(django):
    return WrittenDetails(django)


def key_alone(viewset) -> bool:
    """Whether the view writes its detail by key alone (`LL2ViewSet._found_by_key_alone`, for a request
    with no filter)."""
    return (
        viewset.get_queryset is LL2ViewSet.get_queryset
        and viewset.get_object is LL2ViewSet.get_object
        and viewset.lookup_field == "pk"
    )


def detail_mode(viewset):
    return viewset.modes[
        viewset.detail_mode if viewset.detail_mode in viewset.modes else viewset.default_mode
    ]


# Every endpoint whose detail the database writes (on PostgreSQL): (route, viewset).
WRITTEN = [
    pytest.param(prefix, viewset, id=prefix)
    for prefix, viewset, _basename in router.registry
    if issubclass(viewset, LL2ViewSet)
    and key_alone(viewset)
    and sqljson.translate(detail_mode(viewset).serializer, detail_mode(viewset).selector) is not None
]

# What a variant is made of, beside the route: the prefix, the query string, the headers.
VARIANTS = [
    pytest.param("/2.2.0/", "", {}, id="json"),
    pytest.param("/api/2.2.0/", "", {}, id="api-prefix"),
    pytest.param("/2.2.0/", "?format=json", {"HTTP_ACCEPT": "text/html,*/*;q=0.8"}, id="format-json"),
    pytest.param("/2.2.0/", "", {"HTTP_ORIGIN": "https://tracker.example"}, id="cors"),
]

FLIGHT = "/2.2.0/spacecraft/flight/{}/"


@pytest.fixture
def flights(demo):
    return list(SpacecraftFlight.objects.order_by("pk").values_list("pk", flat=True)[:2])


def test_the_endpoints_apps_ask_most_are_written_by_the_database():
    assert {"spacecraft/flight", "launch", "spacestation", "agencies"} <= {param.id for param in WRITTEN}


@postgresql_only
@pytest.mark.parametrize(("route", "viewset"), WRITTEN)
@pytest.mark.parametrize(("prefix", "query", "headers"), VARIANTS)
def test_a_detail_answered_without_django_is_django_s_answer(
    demo, django, fast, route, viewset, prefix, query, headers
):
    model = detail_mode(viewset).serializer.Meta.model
    keys = list(model.objects.order_by("pk").values_list("pk", flat=True)[:2])
    assert keys, f"the demo has no {model.__name__}"
    first, second = keys[0], keys[-1]
    path = f"{prefix}{route}/{{}}/{query}"

    recorded = call_wsgi(fast, path.format(first), **headers)
    assert recorded.status_code == 200
    assert django.reached == 1

    answered = call_wsgi(fast, path.format(second), **headers)
    assert django.reached == 1  # not through Django
    expected = call_wsgi(django_application, path.format(second), **headers)
    assert (answered.status, answered.header_list, answered.content) == (
        expected.status,
        expected.header_list,
        expected.content,
    )


@postgresql_only
def test_a_fast_detail_is_one_query(flights, fast, django_assert_num_queries):
    call_wsgi(fast, FLIGHT.format(flights[0]))
    with django_assert_num_queries(1):
        call_wsgi(fast, FLIGHT.format(flights[1]))


@postgresql_only
def test_the_body_is_the_data_s_after_a_write(flights, fast, django):
    call_wsgi(fast, FLIGHT.format(flights[0]))
    SpacecraftFlight.objects.filter(pk=flights[1]).update(destination="Synthetic Moon")

    answered = call_wsgi(fast, FLIGHT.format(flights[1]))

    assert django.reached == 1
    assert answered.json()["destination"] == "Synthetic Moon"


@postgresql_only
def test_an_unknown_key_is_django_s_404(flights, fast, django):
    call_wsgi(fast, FLIGHT.format(flights[0]))

    answered = call_wsgi(fast, FLIGHT.format(999_999))

    assert django.reached == 2
    assert (answered.status_code, answered.json()) == (404, {"detail": "Not found."})


@postgresql_only
def test_a_database_error_is_django_s_503(flights, fast, django, monkeypatch):
    call_wsgi(fast, FLIGHT.format(flights[0]))

    def refuse(self, sql, params=None):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    answered = call_wsgi(fast, FLIGHT.format(flights[1]))

    assert django.reached == 2
    assert answered.status_code == 503
    assert answered.headers["Retry-After"] == "5"


@postgresql_only
@pytest.mark.parametrize(
    ("method", "headers"),
    [
        pytest.param("head", {}, id="head"),
        pytest.param("get", {"HTTP_ACCEPT": "application/json; indent=2"}, id="indented"),
        pytest.param("get", {"HTTP_ACCEPT": "text/html"}, id="browsable-api"),
    ],
)
def test_what_the_database_does_not_write_whole_goes_through_django(flights, fast, django, method, headers):
    for key in (flights[0], flights[1], flights[1]):
        answered = call_wsgi(fast, FLIGHT.format(key), method=method, **headers)
        assert answered.status_code == 200
    assert django.reached == 3


@postgresql_only
def test_a_client_that_hung_up_is_django_s_499(flights, fast, django):
    call_wsgi(fast, FLIGHT.format(flights[0]))
    server, client = socket.socketpair()
    client.close()
    with server:
        answered = call_wsgi(fast, FLIGHT.format(flights[1]), **{"gunicorn.socket": server})
    assert django.reached == 2
    assert answered.status_code == 499


@postgresql_only
def test_a_detail_with_a_filter_goes_through_django(flights, fast, django):
    for key in (flights[0], flights[1]):
        call_wsgi(fast, FLIGHT.format(key) + "?spacecraft=1")
    assert django.reached == 2


@postgresql_only
def test_a_throttled_api_counts_every_call(flights, fast, django, settings):
    call_wsgi(fast, FLIGHT.format(flights[0]))
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1/hour"}}

    statuses = [call_wsgi(fast, FLIGHT.format(flights[1])).status_code for _ in range(2)]

    assert statuses == [200, 429]
    assert django.reached == 3


@postgresql_only
def test_a_call_with_an_api_key_goes_through_django(flights, fast, django):
    # Its key may have a rate of its own, which DRF counts.
    authorization = "Token " + "0123456789" * 4
    for key in (flights[0], flights[1]):
        call_wsgi(fast, FLIGHT.format(key), HTTP_AUTHORIZATION=authorization)
    assert django.reached == 2


@postgresql_only
def test_a_changed_setting_forgets_what_django_answered(flights, fast, django, settings):
    call_wsgi(fast, FLIGHT.format(flights[0]))
    settings.CORS_ALLOW_ALL_ORIGINS = False

    call_wsgi(fast, FLIGHT.format(flights[1]))

    assert django.reached == 2


@postgresql_only
def test_switched_off_every_detail_goes_through_django(flights, fast, django, settings):
    settings.FAST_DETAILS = False
    for key in (flights[0], flights[1]):
        call_wsgi(fast, FLIGHT.format(key))
    assert django.reached == 2


def test_without_the_database_s_payloads_every_detail_goes_through_django(
    flights, fast, django, python_payloads
):
    # As on SQLite: the Python path writes the detail, and nothing is kept.
    for key in (flights[0], flights[1]):
        assert call_wsgi(fast, FLIGHT.format(key)).status_code == 200
    assert django.reached == 2
    assert not fast.variants
