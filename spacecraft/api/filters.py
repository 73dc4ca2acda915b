"""The filters of the spacecraft flight, spacecraft, configuration and docking event endpoints."""

from django_filters import rest_framework as filters

from spacecraft.models import DockingEvent, Spacecraft, SpacecraftConfig, SpacecraftFlight, SpacecraftStatus
from spacedevs.api.filters import (
    RANGE,
    IdFilter,
    LL2FilterSet,
    LookupFilter,
    SearchFilter,
    StableOrderingFilter,
    StrictBooleanFilter,
)


class SpacecraftFlightFilter(LL2FilterSet):
    spacecraft = IdFilter(field_name="spacecraft_id")

    class Meta:
        model = SpacecraftFlight
        fields = ["spacecraft"]


class SpacecraftFilter(LL2FilterSet):
    name = filters.CharFilter()
    # LL2's `status` and `spacecraft_config` are ids (integers in its schema).
    status = IdFilter(field_name="status_id")
    spacecraft_config = IdFilter(field_name="spacecraft_config_id")
    search = SearchFilter(fields=["name", "spacecraft_config__name"])
    ordering = StableOrderingFilter(fields=("id",))

    class Meta:
        model = Spacecraft
        fields = []


class SpacecraftConfigFilter(LL2FilterSet):
    name = filters.CharFilter()
    # LL2's `manufacturer` is the id of the configuration's agency.
    manufacturer = IdFilter(field_name="agency_id")
    in_use = StrictBooleanFilter()
    human_rated = StrictBooleanFilter()
    search = SearchFilter(fields=["name", "agency__name", "agency__abbrev"])
    ordering = StableOrderingFilter(fields=("id", "name"))

    class Meta:
        model = SpacecraftConfig
        fields = []


class DockingEventFilter(LL2FilterSet):
    # A docking event's station is its docking location's.
    space_station__id = IdFilter(field_name="docking_location__spacestation_id")
    flight_vehicle__id = IdFilter(field_name="flight_id")
    docking_location__id = IdFilter(field_name="docking_location_id")
    search = SearchFilter(fields=["docking_location__spacestation__name", "flight__spacecraft__name"])
    ordering = StableOrderingFilter(fields=("id", "docking", "departure"))

    class Meta:
        model = DockingEvent
        fields = {"docking": RANGE}


class SpacecraftStatusFilter(LookupFilter):
    class Meta:
        model = SpacecraftStatus
        fields = []
