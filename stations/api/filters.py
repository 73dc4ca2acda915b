"""The space station and expedition endpoints' filters, with the names LL2 gives them."""

from django_filters import rest_framework as filters

from spacedevs.api.filters import (
    RANGE,
    IdFilter,
    LL2FilterSet,
    LookupFilter,
    RepeatedIdFilter,
    SearchFilter,
    StableOrderingFilter,
)
from stations.models import DockingLocation, Expedition, SpaceStation, SpaceStationStatus


class SpaceStationFilter(LL2FilterSet):
    id = IdFilter()
    name = filters.CharFilter()
    name__contains = filters.CharFilter(field_name="name", lookup_expr="contains")
    # LL2's `status`, `type` and `orbit` are the ids of the lookups (integers in its schema).
    status = IdFilter(field_name="status_id")
    type = IdFilter(field_name="type_id")
    orbit = IdFilter(field_name="orbit_id")
    owners = RepeatedIdFilter(field_name="owners")
    owners__name = filters.CharFilter(field_name="owners__name", distinct=True)
    owners__abbrev = filters.CharFilter(field_name="owners__abbrev", distinct=True)
    search = SearchFilter(fields=["name", "owners__name", "owners__abbrev"])
    ordering = StableOrderingFilter(fields=("id", "name", "status", "type", "founded", "volume"))

    class Meta:
        model = SpaceStation
        fields = []


class ExpeditionFilter(LL2FilterSet):
    name = filters.CharFilter()
    crew__astronaut = IdFilter(field_name="crew__astronaut", distinct=True)
    crew__astronaut__agency = IdFilter(field_name="crew__astronaut__agency", distinct=True)
    space_station = IdFilter(field_name="spacestation_id")
    search = SearchFilter(fields=["name", "crew__astronaut__name"])
    ordering = StableOrderingFilter(fields=("id", "start", "end"))

    class Meta:
        model = Expedition
        fields = {"start": RANGE, "end": RANGE}


class DockingLocationFilter(LookupFilter):
    search = SearchFilter(fields=["name", "spacestation__name"])

    class Meta:
        model = DockingLocation
        fields = []


class SpaceStationStatusFilter(LookupFilter):
    class Meta:
        model = SpaceStationStatus
        fields = []
