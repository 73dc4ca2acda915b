"""Payloads written by PostgreSQL (`spacedevs.api.sqljson`) are byte for byte the compiled Python path's:
for every endpoint and mode that translates, lists and details, on the demo and what it lacks; for the
values whose SQL form is delicate (floats, durations, datetimes, escapes, nulls); and in a fixed number
of queries. Elsewhere (SQLite, the browsable API, an indented response) the Python path serves."""

import datetime
import types

import orjson
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework import serializers

from launches.models import Launch, Program, Rocket
from spacecraft.models import Spacecraft, SpacecraftFlight
from spacedevs.api import sqljson
from spacedevs.api.fields import ConstantField, DurationField, LinkField, NameField, WholeDaysField
from spacedevs.api.renderers import ORJSONRenderer
from spacedevs.api.urls import router
from spacedevs.api.views import LL2ViewSet
from tests.factories import busy_station, complete_launch, flown_astronaut

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database writes payloads on PostgreSQL only"
)


@pytest.fixture
def demo(read_only_demo):
    """The demo, loaded once for this module: its tests only read it (tests/conftest.py)."""


@pytest.fixture
def demo_and_more(demo):
    complete_launch()
    flown_astronaut()
    busy_station()


# Every shape an endpoint serves: (route, viewset, mode name).
SHAPES = [
    pytest.param(prefix, viewset, name, id=f"{prefix}?mode={name}")
    for prefix, viewset, _basename in router.registry
    for name in viewset.modes
]

# The shapes issue 9 measures, and the launch in full (a launch's detail: what apps ask for most),
# which must translate.
MEASURED = {
    ("spacecraft/flight", "normal"),
    ("spacecraft/flight", "detailed"),
    ("launch/upcoming", "normal"),
    ("launch", "detailed"),
}


def both_paths(api, settings, path, **query):
    """The response with the database writing the payload, then with Python writing it. What LL2 derives
    from the clock (a spacecraft's time in space, to the second) may tick between the two: a difference
    must persist over three tries to count."""
    for _attempt in range(3):
        settings.SQL_PAYLOADS = True
        written = api.get(path, query)
        settings.SQL_PAYLOADS = False
        compiled = api.get(path, query)
        if written.content == compiled.content:
            break
    return written, compiled


def translated_or_skip(mode):
    if sqljson.translate(mode.serializer, mode.selector) is None:
        pytest.skip("not translated: the Python path serves it")
    return mode


@postgresql_only
def test_the_measured_shapes_translate():
    for prefix, viewset, _basename in router.registry:
        for name, mode in viewset.modes.items():
            if (prefix, name) in MEASURED:
                assert sqljson.translate(mode.serializer, mode.selector) is not None, (prefix, name)


@postgresql_only
@pytest.mark.parametrize(("prefix", "viewset", "name"), SHAPES)
def test_written_lists_and_details_equal_the_python_path(api, settings, demo_and_more, prefix, viewset, name):
    translated_or_skip(viewset.modes[name])
    query = {"limit": 100} if name == viewset.default_mode else {"limit": 100, "mode": name}
    for base in ("/2.2.0/", "/api/2.2.0/"):
        for extra in ({}, {"format": "json"}):
            written, compiled = both_paths(api, settings, f"{base}{prefix}/", **query, **extra)
            assert written.status_code == 200
            assert written.content == compiled.content
    if viewset.detail_mode in viewset.modes and viewset.detail_mode != name:
        return
    for item in compiled.json()["results"][:25]:
        written, compiled = both_paths(api, settings, f"/2.2.0/{prefix}/{item['id']}/")
        assert written.status_code == 200
        assert written.content == compiled.content


@postgresql_only
def test_a_written_page_deep_in_the_table_filtered_and_ordered_equals_the_python_path(api, settings, demo):
    flights = "/2.2.0/spacecraft/flight/"
    spacecraft = Spacecraft.objects.filter(flights__isnull=False).values_list("id", flat=True).first()
    for query in (
        {"offset": 3, "limit": 2, "mode": "detailed"},
        {"spacecraft": spacecraft},
        {"spacecraft": 999999},
        {"limit": 1},
        {"offset": 100000},
    ):
        written, compiled = both_paths(api, settings, flights, **query)
        assert written.status_code == 200
        assert written.content == compiled.content, query
    # A filter that makes the keys' query DISTINCT, with another order.
    program = Program.objects.filter(launches__isnull=False).values_list("id", flat=True).first()
    written, compiled = both_paths(api, settings, "/2.2.0/launch/", program=program, ordering="-net", limit=5)
    assert written.status_code == 200
    assert written.json()["results"]
    assert written.content == compiled.content


@postgresql_only
@pytest.mark.parametrize(("prefix", "viewset", "name"), SHAPES)
def test_written_payloads_take_a_fixed_number_of_queries(api, settings, demo_and_more, prefix, viewset, name):
    mode = translated_or_skip(viewset.modes[name])
    settings.COUNT_CACHE = False
    query = {} if name == viewset.default_mode else {"mode": name}
    # A list the Python path writes in more than two queries (it prefetches): the count, the page's
    # keys and the statement writing its payload, whatever the page's size.
    if name in viewset.get_list_modes() and mode.selector()._prefetch_related_lookups:
        for limit in (1, 100):
            with CaptureQueriesContext(connection) as queries:
                page = api.get(f"/2.2.0/{prefix}/", {**query, "limit": limit}).json()
            assert len(queries) == 3, [q["sql"][:80] for q in queries]
    else:
        page = api.get(f"/2.2.0/{prefix}/", {**query, "limit": 1}).json()
    # A detail, where its shape is translated too: the statement alone.
    detail_mode = viewset.modes.get(viewset.detail_mode, viewset.modes[viewset.default_mode])
    if sqljson.translate(detail_mode.serializer, detail_mode.selector) is None:
        return
    with CaptureQueriesContext(connection) as queries:
        assert api.get(f"/2.2.0/{prefix}/{page['results'][0]['id']}/").status_code == 200
    if viewset.get_queryset is LL2ViewSet.get_queryset:
        assert len(queries) == 1, [q["sql"][:80] for q in queries]


@postgresql_only
def test_a_missing_detail_is_the_python_path_s_json_404(api, settings, demo):
    written, compiled = both_paths(api, settings, "/2.2.0/spacecraft/flight/99999999/")

    assert written.status_code == 404
    assert written.json() == {"detail": "Not found."}
    assert written.content == compiled.content


@postgresql_only
def test_a_detail_with_a_filter_is_found_as_drf_finds_it(api, settings, demo):
    flight = SpacecraftFlight.objects.exclude(spacecraft=None).first()
    path = f"/2.2.0/spacecraft/flight/{flight.id}/"

    assert api.get(path, {"spacecraft": flight.spacecraft_id}).status_code == 200
    written, compiled = both_paths(api, settings, path, spacecraft=flight.spacecraft_id + 100000)
    assert written.status_code == compiled.status_code == 404


@postgresql_only
def test_the_browsable_api_and_indented_json_are_written_by_python(api, settings, demo):
    flight = SpacecraftFlight.objects.first()
    path = f"/2.2.0/spacecraft/flight/{flight.id}/"

    with CaptureQueriesContext(connection) as queries:
        browsable = api.get(path, {"format": "api"}, HTTP_ACCEPT="text/html")
    assert browsable.status_code == 200
    assert b"<html" in browsable.content
    assert len(queries) > 1  # the Python path's queries, not the one statement
    indented = api.get(path, HTTP_ACCEPT="application/json; indent=2")
    assert indented.status_code == 200
    assert indented.content.startswith(b"{\n  ")


def test_on_sqlite_python_writes_every_payload(api, demo):
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the database writes them")
    flight = SpacecraftFlight.objects.first()
    with CaptureQueriesContext(connection) as queries:
        assert api.get(f"/2.2.0/spacecraft/flight/{flight.id}/").status_code == 200
    assert len(queries) > 1


# --- values whose SQL form is delicate ------------------------------------------------------------------


class Delicate(serializers.ModelSerializer):
    """A launch with the value kinds the translation writes itself."""

    url = LinkField("launch-detail")
    shape = ConstantField({"kind": "edge", "n": [1, 2.5, None]})
    provider_type = NameField(source="launch_service_provider.type", allow_null=True)
    mission_kind = NameField(source="mission.type", null_as="", allow_null=True)
    orbit = serializers.CharField(source="mission.orbit.name", allow_null=True, read_only=True)
    probability = serializers.FloatField(allow_null=True)
    rocket_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Launch
        fields = [
            "id",
            "url",
            "shape",
            "name",
            "slug",
            "provider_type",
            "mission_kind",
            "orbit",
            "net",
            "window_start",
            "probability",
            "rocket_id",
            "webcast_live",
            "orbital_launch_attempt_count",
        ]


class FloatsAndDurations(serializers.Serializer):
    """Stand-ins over annotations: a float and a duration of any value, and the duration's whole days."""

    value = serializers.FloatField(allow_null=True)
    span = DurationField(allow_null=True)
    days = WholeDaysField(source="span", allow_null=True)


def written_and_compiled(api, settings, serializer, selector, keys):
    """The statement's text for `keys`, and the compiled Python path's JSON of the same rows."""
    from django.urls import resolve
    from rest_framework import renderers
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from spacedevs.api.compiler import compiled
    from spacedevs.api.fields import LinkField as Link

    statement = sqljson.translate(serializer, selector)
    assert statement is not None
    request = Request(APIRequestFactory().get("/2.2.0/launch/"))
    request.resolver_match = resolve("/2.2.0/launch/")
    # Through our renderer, as a view sends it (which escapes U+2028 and U+2029 as DRF does).
    response = types.SimpleNamespace(written_by_database=True)
    written = ORJSONRenderer().render(
        orjson.Fragment(statement.run(keys, *Link.api_root(request), using="default")),
        None,
        {"response": response},
    )
    rows = {row.pk: row for row in selector()}
    python = compiled(serializer).many([rows[key] for key in keys], {"request": request})
    # DRF's own JSONRenderer: the bytes our renderer must match.
    return written, renderers.JSONRenderer().render(python)


@postgresql_only
def test_delicate_values_are_written_as_python_writes_them(api, settings):
    odd = complete_launch(name='Quote " backslash \\ newline \n tab \t bell \x07 sep \u2028 é 🚀 %s %% {pk}')
    odd.probability = 3.0
    odd.save()
    bare = complete_launch(name="Bare")
    Launch.objects.filter(pk=bare.pk).update(
        mission=None,
        probability=None,
        window_start=datetime.datetime(987, 6, 5, 4, 3, 2, 999999, tzinfo=datetime.UTC),
    )

    def selector():
        return Launch.objects.order_by("pk")

    written, python = written_and_compiled(api, settings, Delicate, selector, [odd.pk, bare.pk])

    assert written == python


@postgresql_only
@pytest.mark.parametrize(
    "value",
    [
        0.0,
        3.0,
        -2.5,
        0.1,
        1e15,
        1.5e15,
        9999999999999998.0,
        1e16,
        1e21,
        123456789012345.6,
        0.0001,
        1e-05,
        -1e-07,
        None,
    ],
)
@pytest.mark.parametrize(
    "span",
    [
        datetime.timedelta(0),
        datetime.timedelta(seconds=59, microseconds=999999),
        datetime.timedelta(days=15, hours=18, minutes=13, seconds=38),
        datetime.timedelta(hours=14, minutes=50),
        datetime.timedelta(days=3),
        datetime.timedelta(days=29, hours=23, minutes=59, seconds=59, microseconds=999999),
        -datetime.timedelta(days=7, minutes=18, seconds=58),
        -datetime.timedelta(days=1),
        -datetime.timedelta(microseconds=1),
        None,
    ],
)
def test_floats_and_durations_are_written_as_python_writes_them(api, settings, value, span):
    from django.db.models import DurationField as Duration
    from django.db.models import FloatField as Float
    from django.db.models import Value
    from django.db.models.functions import Cast

    launch = complete_launch()

    def selector():
        return Launch.objects.annotate(
            value=Cast(Value(value), output_field=Float()), span=Cast(Value(span), output_field=Duration())
        )

    written, python = written_and_compiled(api, settings, FloatsAndDurations, selector, [launch.pk])

    assert written == python


def test_untranslatable_fields_leave_the_serializer_to_python():
    class WithMethod(serializers.ModelSerializer):
        computed = serializers.SerializerMethodField()

        class Meta:
            model = Launch
            fields = ["id", "computed"]

        def get_computed(self, launch):
            return launch.name.upper()

    class SkippedKey(serializers.ModelSerializer):
        # A launch without a mission: DRF leaves this read-only key out.
        mission_kind = NameField(source="mission.type", null_as="")

        class Meta:
            model = Launch
            fields = ["id", "mission_kind"]

    class LaunchOfRocket(serializers.ModelSerializer):
        # A reverse one-to-one read from a rocket that was not reached from its launch.
        launch_name = serializers.CharField(source="launch.name")

        class Meta:
            model = Rocket
            fields = ["id", "launch_name"]

    assert sqljson.translate(WithMethod, lambda: Launch.objects.all()) is None
    assert sqljson.translate(SkippedKey, lambda: Launch.objects.all()) is None
    assert sqljson.translate(LaunchOfRocket, lambda: Rocket.objects.all()) is None


def test_timezones_other_than_utc_are_not_translated(settings):
    assert timezone.get_current_timezone_name() == "UTC"
    settings.TIME_ZONE = "Asia/Tokyo"
    sqljson.translate.cache_clear()
    try:

        class Net(serializers.ModelSerializer):
            class Meta:
                model = Launch
                fields = ["id", "net"]

        assert sqljson.translate(Net, lambda: Launch.objects.all()) is None
    finally:
        sqljson.translate.cache_clear()
