"""LL2's filters of the launch endpoints, with the names LL2 gives them (`name__contains`,
`total_launch_count__gte`...)."""

from django.db.models import Q
from django.utils import timezone
from django_filters import rest_framework as filters

from launches.models import (
    FirstStageType,
    LandingLocation,
    Launch,
    Launcher,
    LauncherConfig,
    LaunchStatus,
    Location,
    MissionType,
    Orbit,
    Pad,
    Program,
    Update,
)
from spacedevs.api.filters import (
    COMPARISONS,
    RANGE,
    CharListFilter,
    IdFilter,
    IdListFilter,
    LL2FilterSet,
    LookupFilter,
    SearchFilter,
    StableOrderingFilter,
    StrictBooleanFilter,
)


class LauncherConfigFilter(LL2FilterSet):
    # The configurations of any of these programmes (`?program=17,11`).
    program = IdListFilter(field_name="program", distinct=True)
    search = SearchFilter(
        fields=["name", "family", "full_name", "alias", "manufacturer__name", "manufacturer__abbrev"]
    )
    ordering = StableOrderingFilter(fields=("id", "name"))

    class Meta:
        model = LauncherConfig
        fields = {
            "name": ["exact", "contains"],
            "family": ["exact", "contains"],
            "full_name": ["exact", "contains"],
            "manufacturer__name": ["exact", "contains"],
            "active": ["exact"],
            "reusable": ["exact"],
            "total_launch_count": COMPARISONS,
            "consecutive_successful_launches": COMPARISONS,
            "successful_launches": COMPARISONS,
            "failed_launches": COMPARISONS,
            "pending_launches": COMPARISONS,
        }


class PadFilter(LL2FilterSet):
    # An agency's id: no such agency gives an empty page, not a 400.
    agency_id = IdFilter()
    # ISO 3166-1 alpha-3 codes, one or a comma-separated list (`?country_code=USA,KAZ`).
    country_code = CharListFilter()
    search = SearchFilter(fields=["name", "location__name"])
    ordering = StableOrderingFilter(fields=("id", "name"))

    class Meta:
        model = Pad
        fields = {
            "id": ["exact"],
            "name": ["exact", "contains"],
            "latitude": ["exact", "contains"],
            "longitude": ["exact", "contains"],
            "location__name": ["exact", "contains"],
            "location__id": ["exact"],
            "orbital_launch_attempt_count": COMPARISONS,
            "total_launch_count": COMPARISONS,
        }


class LocationFilter(LL2FilterSet):
    # ISO 3166-1 alpha-3 codes, one or a comma-separated list (`?country_code=USA,KAZ`).
    country_code = CharListFilter()
    search = SearchFilter(fields=["name", "country_code"])
    ordering = StableOrderingFilter(fields=("id", "name"))

    class Meta:
        model = Location
        fields = {
            "id": COMPARISONS,
            "name": ["exact", "contains"],
            "country_code": ["contains"],
            "total_launch_count": COMPARISONS,
            "total_landing_count": COMPARISONS,
        }


class ProgramFilter(LL2FilterSet):
    search = SearchFilter(fields=["name"])
    ordering = StableOrderingFilter(fields=("id", "name"))

    class Meta:
        model = Program
        fields = []


class UUIDListFilter(filters.BaseInFilter, filters.UUIDFilter):
    """A comma-separated list of UUIDs (`?id=<uuid>,<uuid>`): the rows matching any of them."""


class LaunchCommonFilter(LL2FilterSet):
    """The filters of the three launch lists: those LL2's schema lists for `launch/`, `launch/upcoming/`
    and `launch/previous/` alike, and those their descriptions name."""

    # LL2's `id(s)`: one launch id or a comma-separated list.
    id = UUIDListFilter()
    status = IdFilter(field_name="status_id")
    rocket__configuration__id = IdFilter(field_name="rocket__configuration_id")
    # LL2's schema names the flight relation of its 2.2.0 models (`rocket__spacecraftflight`).
    rocket__spacecraftflight__spacecraft__id = IdFilter(
        field_name="spacecraft_flights__spacecraft_id", distinct=True
    )
    rocket__spacecraftflight__spacecraft__name = filters.CharFilter(
        field_name="spacecraft_flights__spacecraft__name", distinct=True
    )
    rocket__spacecraftflight__spacecraft__name__icontains = filters.CharFilter(
        field_name="spacecraft_flights__spacecraft__name", lookup_expr="icontains", distinct=True
    )
    lsp__id = IdFilter(field_name="launch_service_provider_id")
    # The provider's name or abbreviation contains it, ignoring case (`?lsp__name=spacex`).
    lsp__name = filters.CharFilter(method="filter_lsp_name")
    lsp__ids = IdListFilter(field_name="launch_service_provider_id")
    location__ids = IdListFilter(field_name="pad__location_id")
    pad__ids = IdListFilter(field_name="pad_id")
    status__ids = IdListFilter(field_name="status_id")
    # The serial number of a booster of the rocket (`?serial_number=B1058`).
    serial_number = filters.CharFilter(
        field_name="rocket__launcher_stages__launcher__serial_number", distinct=True
    )
    launcher_config__id = IdFilter(field_name="rocket__configuration_id")
    # The launches carrying a spacecraft of any of these configurations.
    spacecraft_config__ids = IdListFilter(
        field_name="spacecraft_flights__spacecraft__spacecraft_config_id", distinct=True
    )
    # true: the launches with a crew (a spacecraft flight whose launch crew has someone); false: the others.
    is_crewed = StrictBooleanFilter(method="filter_is_crewed")
    # false: without the suborbital launches (whose mission's orbit is LL2's suborbital one); true, the
    # default, keeps them.
    include_suborbital = StrictBooleanFilter(method="filter_include_suborbital")
    search = SearchFilter(
        fields=[
            "name",
            "rocket__configuration__name",
            "launch_service_provider__name",
            "launch_service_provider__abbrev",
            "mission__name",
            "pad__location__name",
            "pad__name",
            "spacecraft_flights__spacecraft__name",
        ]
    )
    ordering = StableOrderingFilter(fields=("id", "name", "net"))

    class Meta:
        model = Launch
        fields = {
            "name": ["exact"],
            "slug": ["exact"],
            "r_spacex_api_id": ["exact"],
            "rocket__configuration__name": ["exact"],
            "rocket__configuration__full_name": ["exact", "icontains"],
            "rocket__configuration__manufacturer__name": ["exact", "icontains"],
            "mission__orbit__name": ["exact", "icontains"],
            # The stored counters (README, "Stored counters").
            "orbital_launch_attempt_count": COMPARISONS,
            "location_launch_attempt_count": COMPARISONS,
            "pad_launch_attempt_count": COMPARISONS,
            "agency_launch_attempt_count": COMPARISONS,
            "orbital_launch_attempt_count_year": COMPARISONS,
            "location_launch_attempt_count_year": COMPARISONS,
            "pad_launch_attempt_count_year": COMPARISONS,
            "agency_launch_attempt_count_year": COMPARISONS,
        }

    def filter_lsp_name(self, queryset, name, value):
        return queryset.filter(
            Q(launch_service_provider__name__icontains=value)
            | Q(launch_service_provider__abbrev__icontains=value)
        )

    def filter_is_crewed(self, queryset, name, value):
        crewed = Launch.objects.filter(spacecraft_flights__launch_crew__isnull=False).values("pk")
        return queryset.filter(pk__in=crewed) if value else queryset.exclude(pk__in=crewed)

    def filter_include_suborbital(self, queryset, name, value):
        return queryset if value else queryset.exclude(mission__orbit__name__in=Orbit.SUBORBITAL_NAMES)


class LaunchFilter(LaunchCommonFilter):
    """`launch/`: the common filters, and the pad and the dates, which LL2 has on this list only."""

    pad = IdFilter(field_name="pad_id")
    pad__location = IdFilter(field_name="pad__location_id")

    class Meta(LaunchCommonFilter.Meta):
        fields = {
            **LaunchCommonFilter.Meta.fields,
            "net": RANGE,
            "window_start": RANGE,
            "window_end": RANGE,
            "last_updated": ["gte", "lte"],
        }


class PreviousLaunchFilter(LaunchCommonFilter):
    """`launch/previous/`: the common filters, and the programme, which LL2 has on these lists only."""

    # The launches of any of these programmes (`?program=17,11`).
    program = IdListFilter(field_name="program", distinct=True)


class UpcomingLaunchFilter(LaunchCommonFilter):
    """`launch/upcoming/`: the common filters, the programme, and `hide_recent_previous`."""

    # The launches of any of these programmes (`?program=17,11`).
    program = IdListFilter(field_name="program", distinct=True)
    # true: without the launches of the last 24 hours that have flown with a known outcome (successful,
    # failed, partially failed); those still in flight, or not updated yet, stay.
    hide_recent_previous = StrictBooleanFilter(method="filter_hide_recent_previous")

    def filter_hide_recent_previous(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.exclude(net__lt=timezone.now(), status__in=LaunchStatus.COMPLETED)


class LauncherFilter(LL2FilterSet):
    # The flight statistics are annotations (`Launcher.objects.with_flight_stats()`), not columns.
    comparisons = {"flights": IdFilter, "attempted_landings": IdFilter, "successful_landings": IdFilter}
    launcher_config = IdFilter(field_name="launcher_config_id")
    search = SearchFilter(fields=["serial_number", "status"])
    ordering = StableOrderingFilter(fields=("id", "flight_proven"))

    class Meta:
        model = Launcher
        fields = {
            "id": ["exact"],
            "serial_number": ["exact", "contains"],
            "flight_proven": ["exact"],
            "launcher_config__manufacturer__name": ["exact", "contains"],
        }


class UpdateFilter(LL2FilterSet):
    """LL2's filters of `updates/`: the launch (its UUID), the programme, the launch's provider and the
    time of posting."""

    launch = filters.UUIDFilter(field_name="launch_id")
    program = IdFilter(field_name="program_id")
    launch__launch_service_provider = IdFilter(field_name="launch__launch_service_provider_id")
    created_on = filters.IsoDateTimeFilter()
    search = SearchFilter(fields=["comment", "created_by"])
    ordering = StableOrderingFilter(fields=("created_on",))

    class Meta:
        model = Update
        fields = []


class FirstStageTypeFilter(LookupFilter):
    class Meta:
        model = FirstStageType
        fields = []


class LandingLocationFilter(LookupFilter):
    search = SearchFilter(fields=["name", "abbrev"])

    class Meta:
        model = LandingLocation
        fields = []


class LaunchStatusFilter(LookupFilter):
    search = SearchFilter(fields=["name", "abbrev"])

    class Meta:
        model = LaunchStatus
        fields = []


class MissionTypeFilter(LookupFilter):
    class Meta:
        model = MissionType
        fields = []


class OrbitFilter(LookupFilter):
    search = SearchFilter(fields=["name", "abbrev"])

    class Meta:
        model = Orbit
        fields = []
