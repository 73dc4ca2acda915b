"""The compiled serializers (`spacedevs.api.compiler`) build exactly what DRF's declared serializers do:
for every serializer of every endpoint and mode, on the demo, and for the field kinds the compiler
leaves to DRF."""

import contextlib
import datetime
import types
import zoneinfo

import pytest
from django.urls import resolve
from django.utils import timezone
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from launches.models import Launch, Mission
from spacedevs.api.compiler import compiled
from spacedevs.api.fields import ConstantField, LinkField, NameField
from spacedevs.api.urls import router
from spacedevs.relations import as_lists
from tests.factories import busy_station, complete_launch, flown_astronaut
from tests.helpers import ordered

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(read_only_demo):
    """The demo, loaded once for this module: its tests only read it (tests/conftest.py)."""


# Every shape an endpoint serves: (route, mode, viewset's mode).
SHAPES = [
    pytest.param(prefix, name, mode, id=f"{prefix}?mode={name}")
    for prefix, viewset, _basename in router.registry
    for name, mode in viewset.modes.items()
]


@pytest.fixture
def demo_and_more(demo):
    """The demo, and what it lacks: a launch with boosters, updates and links, an astronaut who flew, a
    station with an expedition under way and a flight docked now."""
    complete_launch()
    flown_astronaut()
    busy_station()


def context_for(path, **query):
    request = Request(APIRequestFactory().get(path, query))
    request.resolver_match = resolve(path)
    return {"request": request, "format": None, "view": None}


@pytest.mark.parametrize(("prefix", "name", "mode"), SHAPES)
@pytest.mark.parametrize("query", [{}, {"format": "json"}], ids=["json", "format=json"])
def test_compiled_output_equals_drf_on_the_demo(demo_and_more, prefix, name, mode, query):
    # What LL2 derives from the clock in SQL (a spacecraft's time in space, counted to the second) differs
    # between two fetches a second apart: a difference must persist over three fetches to count.
    for _attempt in range(3):
        rows = list(mode.selector()[:100])
        assert rows, f"the demo has no {prefix}"
        context = context_for(f"/2.2.0/{prefix}/", **query)
        # What the views serve: the rows with their many-valued relations prefetched as lists.
        listed = list(as_lists(mode.selector())[:100])

        drf = mode.serializer(rows, many=True, context=context).data
        ours = compiled(mode.serializer).many(listed, context_for(f"/2.2.0/{prefix}/", **query))
        if ordered(ours) == ordered(drf):
            break

    assert ordered(ours) == ordered(drf)


def test_every_endpoint_shape_is_covered():
    # The parametrisation reads the router: a new endpoint is covered without touching this module.
    assert len(SHAPES) >= 20


class Unusual(serializers.Field):
    """A field class the compiler does not know, reading the context."""

    def to_representation(self, value):
        return f"{value}@{self.context['request'].get_host()}"


class EdgeCases(serializers.ModelSerializer):
    """Fields the compiler must leave to DRF or treat as DRF does."""

    url = LinkField("launch-detail")
    shape = ConstantField("edge")
    method = serializers.SerializerMethodField()
    unusual = Unusual(source="name")
    # A dotted source whose middle is null: DRF answers null for a nullable field...
    orbit_name = serializers.CharField(source="mission.orbit.name", allow_null=True, read_only=True)
    # ...and leaves a read-only one out.
    mission_type = serializers.CharField(source="mission.type.name", read_only=True)
    mission_kind = NameField(source="mission.type", null_as="")
    missing = serializers.CharField(source="nothing_here", default="default", read_only=True)
    net = serializers.DateTimeField()
    net_iso = serializers.DateTimeField(source="net", format="iso-8601")
    probability = serializers.FloatField()

    class Meta:
        model = Launch
        fields = [
            "id",
            "url",
            "shape",
            "method",
            "unusual",
            "orbit_name",
            "mission_type",
            "mission_kind",
            "missing",
            "net",
            "net_iso",
            "probability",
            "webcast_live",
        ]

    def get_method(self, launch):
        return [launch.name, self.context["request"].query_params.get("format")]


class Local(serializers.DateTimeField):
    def default_timezone(self):
        return zoneinfo.ZoneInfo("Asia/Tokyo")


class Datetimes(serializers.Serializer):
    """Datetimes in the response's timezone, a timezone of their own, or one a subclass chooses."""

    plain = serializers.DateTimeField(source="at", format="%Y-%m-%dT%H:%M:%S%z")
    own = serializers.DateTimeField(
        source="at", format="%Y-%m-%d %H:%M %Z", default_timezone=zoneinfo.ZoneInfo("America/Lima")
    )
    local = Local(source="at", format="%H:%M %Z")


@pytest.mark.parametrize("active", [None, "Europe/Paris"])
def test_datetimes_are_in_the_timezone_drf_gives_them(active):
    values = [
        types.SimpleNamespace(at=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)),
        types.SimpleNamespace(at=datetime.datetime(2024, 7, 2, 3, 4, 5)),  # naive: made aware by DRF
        types.SimpleNamespace(
            at=datetime.datetime(2024, 7, 2, 3, 4, 5, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata"))
        ),
    ]
    with timezone.override(active) if active else contextlib.nullcontext():
        drf = Datetimes(values, many=True).data
        ours = compiled(Datetimes).many(values, {})
    assert ordered(ours) == ordered(drf)
    expected = "2024-01-02T04:04:05+0100" if active else "2024-01-02T03:04:05+0000"
    assert ours[0]["plain"] == expected
    assert ours[0]["own"] == "2024-01-01 22:04 -05"
    assert ours[2]["local"] == "06:34 JST"


def test_fields_left_to_drf_and_nulls_in_sources_give_drf_output(demo):
    launches = list(Launch.objects.select_related("mission__type", "mission__orbit").order_by("id"))
    launches[0].mission = None
    launches[1].mission = Mission(name="without type or orbit")
    launches[2].probability = 3
    launches[3].net = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.UTC)

    drf = EdgeCases(launches, many=True, context=context_for("/2.2.0/launch/", format="json")).data
    ours = compiled(EdgeCases).many(launches, context_for("/2.2.0/launch/", format="json"))

    assert ordered(ours) == ordered(drf)
    assert "mission_type" not in ours[0]
    assert ours[0]["orbit_name"] is None
    assert ours[2]["probability"] == 3.0
    assert isinstance(ours[2]["probability"], float)
    assert ours[3]["net"] == "2024-05-06T07:08:09Z"
    assert ours[0]["method"] == [launches[0].name, "json"]


def test_the_field_tree_is_built_once_per_process():
    assert compiled(EdgeCases) is compiled(EdgeCases)
