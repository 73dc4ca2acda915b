"""The launch, booster, launcher configuration, pad, location and programme endpoints."""

from launches import selectors
from launches.api.detailed import (
    LaunchDetailedSerializer,
    LauncherConfigDetailedSerializer,
    LauncherDetailedSerializer,
    LocationDetailedSerializer,
)
from launches.api.filters import (
    FirstStageTypeFilter,
    LandingLocationFilter,
    LauncherConfigFilter,
    LauncherFilter,
    LaunchFilter,
    LaunchStatusFilter,
    LocationFilter,
    MissionTypeFilter,
    OrbitFilter,
    PadFilter,
    PreviousLaunchFilter,
    ProgramFilter,
    UpcomingLaunchFilter,
    UpdateFilter,
)
from launches.api.serializers import (
    FirstStageTypeSerializer,
    LandingLocationSerializer,
    LauncherConfigSerializer,
    LauncherSerializer,
    LaunchListSerializer,
    LaunchSerializer,
    LaunchStatusSerializer,
    LocationSerializer,
    MissionTypeSerializer,
    OrbitSerializer,
    PadSerializer,
    ProgramSerializer,
    UpdateSerializer,
)
from spacedevs.api.views import LL2ViewSet, Mode


class LaunchViewSet(LL2ViewSet):
    """
    API endpoint that returns all Launch objects or a single launch.

    EXAMPLE - /2.2.0/launch/<id>/ or /2.2.0/launch/?mode=list&search=SpaceX

    GET
    Return a list of all Launch objects, by NET.

    FILTERS
    Fields - 'name', 'id(s)', 'lsp__id', 'lsp__name', 'serial_number', 'launcher_config__id',
     'rocket__spacecraftflight__spacecraft__name', 'is_crewed', 'include_suborbital',
     'spacecraft_config__ids', 'location__ids', 'lsp__ids', 'pad__ids', 'status__ids'
    Schema fields - 'slug', 'status', 'pad', 'pad__location', 'net__gt' (and '__gte', '__lt', '__lte'),
     'window_start__gt'..., 'window_end__gt'..., 'last_updated__gte', 'last_updated__lte',
     'rocket__configuration__id', 'rocket__configuration__name', 'rocket__configuration__full_name',
     'rocket__configuration__manufacturer__name', 'rocket__spacecraftflight__spacecraft__id',
     'mission__orbit__name', 'r_spacex_api_id', and the launch counters ('orbital_launch_attempt_count'...)

    MODE
    'normal', 'list', 'detailed'

    EXAMPLE ?mode=list

    SEARCH
    Searches through the launch name, rocket name, launch agency (name and abbreviation), mission name,
    pad and location names & spacecraft name.

    EXAMPLE - ?search=SpaceX

    ORDERING
    Fields - 'id', 'name', 'net'
    """

    modes = {
        "list": Mode(selectors.launches_list, LaunchListSerializer),
        "normal": Mode(selectors.launches, LaunchSerializer),
        "detailed": Mode(selectors.launches_detailed, LaunchDetailedSerializer),
    }
    filterset_class = LaunchFilter
    lookup_value_converter = "ll2uuid"


class UpcomingLaunchViewSet(LaunchViewSet):
    """
    API endpoint that returns future Launch objects and launches from the last twenty-four hours.

    GET
    Return a list of future Launches, soonest first.

    FILTERS
    Fields - 'name', 'id(s)', 'lsp__id', 'lsp__name', 'serial_number', 'launcher_config__id',
     'rocket__spacecraftflight__spacecraft__name', 'is_crewed', 'include_suborbital',
     'spacecraft_config__ids', 'location__ids', 'lsp__ids', 'pad__ids', 'status__ids', 'hide_recent_previous'
    Schema fields - 'slug', 'status', 'program', 'rocket__configuration__id', 'rocket__configuration__name',
     'rocket__configuration__full_name', 'rocket__configuration__manufacturer__name',
     'rocket__spacecraftflight__spacecraft__id', 'mission__orbit__name', 'r_spacex_api_id', and the launch
     counters ('orbital_launch_attempt_count'...)

    MODE
    'normal', 'list', 'detailed'

    EXAMPLE ?mode=list

    SEARCH
    Searches through the launch name, rocket name, launch agency (name and abbreviation), mission name,
    pad and location names & spacecraft name.
    EXAMPLE - ?search=SpaceX

    ORDERING
    Fields - 'id', 'name', 'net'
    """

    filterset_class = UpcomingLaunchFilter

    def get_queryset(self):
        return super().get_queryset().upcoming()


class PreviousLaunchViewSet(LaunchViewSet):
    """
    API endpoint that returns previous Launch objects.

    GET
    Return a list of previous Launches, most recent first.

    FILTERS
    Fields - 'name', 'id(s)', 'lsp__id', 'lsp__name', 'serial_number', 'launcher_config__id',
     'rocket__spacecraftflight__spacecraft__name', 'is_crewed', 'include_suborbital',
     'spacecraft_config__ids', 'location__ids', 'lsp__ids', 'pad__ids', 'status__ids'
    Schema fields - 'slug', 'status', 'program', 'rocket__configuration__id', 'rocket__configuration__name',
     'rocket__configuration__full_name', 'rocket__configuration__manufacturer__name',
     'rocket__spacecraftflight__spacecraft__id', 'mission__orbit__name', 'r_spacex_api_id', and the launch
     counters ('orbital_launch_attempt_count'...)

    MODE
    'normal', 'list', 'detailed'
    EXAMPLE ?mode=list

    SEARCH
    Searches through the launch name, rocket name, launch agency (name and abbreviation), mission name,
    pad and location names & spacecraft name.
    EXAMPLE - ?search=SpaceX

    ORDERING
    Fields - 'id', 'name', 'net'
    """

    filterset_class = PreviousLaunchFilter

    def get_queryset(self):
        return super().get_queryset().previous()


class LauncherViewSet(LL2ViewSet):
    """
    API endpoint that allows Launcher instances to be viewed.

    GET:
    Return a list of all the existing launcher instances.

    FILTERS:
    Parameters - 'id', 'serial_number', 'flight_proven', 'launcher_config'
    Example - /2.2.0/launcher/?serial_number=B1046
    Also - 'serial_number__contains', 'launcher_config__manufacturer__name' (and '__contains'), 'flights',
    'attempted_landings', 'successful_landings' (each also with '__gt', '__gte', '__lt', '__lte')

    SEARCH EXAMPLE:
    /2.2.0/launcher/?search=expended
    Searches through serial number or status

    ORDERING:
    Fields - 'id', 'flight_proven',
    Example - /2.2.0/launcher/?ordering=flight_proven
    """

    modes = {
        "normal": Mode(selectors.launchers, LauncherSerializer),
        "detailed": Mode(selectors.launchers_detailed, LauncherDetailedSerializer),
    }
    filterset_class = LauncherFilter


class LauncherConfigViewSet(LL2ViewSet):
    """
    API endpoint that allows Launcher Configurations to be viewed.

    GET:
    Return a list of all the existing launcher configurations.

    MODE:
    Normal and Detailed
    /2.2.0/config/launcher/?mode=detailed

    FILTERS:
    Fields - 'name', 'family', 'full_name', 'manufacturer__name' (each also with '__contains'), 'active',
    'reusable', 'program', and the launch counters 'total_launch_count', 'consecutive_successful_launches',
    'successful_launches', 'failed_launches', 'pending_launches' (each also with '__gt', '__gte', '__lt',
    '__lte')

    Get all Launchers with the Agency with name NASA.
    Example - /2.2.0/config/launcher/?manufacturer__name=National%20Aeronautics%20and%20Space%20Administration

    SEARCH:
    Searches through the name, family, full name, alias, manufacturer name and abbreviation.
    Example - /2.2.0/config/launcher/?search=Saturn

    ORDERING:
    Fields - 'id', 'name'
    Example - /2.2.0/config/launcher/?ordering=-name
    """

    modes = {
        "normal": Mode(selectors.launcher_configs, LauncherConfigSerializer),
        "detailed": Mode(selectors.launcher_configs_detailed, LauncherConfigDetailedSerializer),
    }
    filterset_class = LauncherConfigFilter


class PadViewSet(LL2ViewSet):
    """
    API endpoint that allows Pad instances to be viewed.

    GET:
    Return a list of all the existing pad instances.

    FILTERS:
    Parameters - 'id', 'agency_id', 'name', 'name__contains', 'latitude', 'latitude__contains', 'longitude',
    'longitude__contains', 'location__name', 'location__name__contains', 'location__id', 'country_code'
    (one or a comma-separated list), 'orbital_launch_attempt_count', 'total_launch_count' (each also with
    '__gt', '__gte', '__lt', '__lte')
    Example - /2.2.0/pad/?location__id=15

    SEARCH:
    Searches through the pad name and the location name.
    Example - /2.2.0/pad/?search=Baikonur

    ORDERING:
    Fields - 'id', 'name'
    Example - /2.2.0/pad/?ordering=name
    """

    modes = {"normal": Mode(selectors.pads, PadSerializer)}
    filterset_class = PadFilter


class LocationViewSet(LL2ViewSet):
    """
    API endpoint that allows Location instances to be viewed.

    GET:
    Return a list of all the existing location instances; the detail of one lists its pads.

    FILTERS:
    Parameters - 'name', 'name__contains', 'country_code' (one or a comma-separated list),
    'country_code__contains', 'id', 'total_launch_count', 'total_landing_count' (these three also with
    '__gt', '__gte', '__lt', '__lte')
    Example - /2.2.0/location/?country_code=USA

    SEARCH:
    Searches through the name and the country code.
    Example - /2.2.0/location/?search=Florida

    ORDERING:
    Fields - 'id', 'name'
    Example - /2.2.0/location/?ordering=name
    """

    modes = {
        "normal": Mode(selectors.locations, LocationSerializer),
        "detailed": Mode(selectors.locations_detailed, LocationDetailedSerializer),
    }
    # LL2's location list has no `mode`: only a detail lists the pads.
    list_modes = ("normal",)
    filterset_class = LocationFilter


class ProgramViewSet(LL2ViewSet):
    """
    API endpoint that returns Program objects.

    SEARCH:
    Searches through the name.
    Example - /2.2.0/program/?search=Artemis

    ORDERING:
    Fields - 'id', 'name'
    Example - /2.2.0/program/?ordering=name
    """

    modes = {"normal": Mode(selectors.programs, ProgramSerializer)}
    filterset_class = ProgramFilter


class UpdateViewSet(LL2ViewSet):
    """
    API endpoint that allows Updates to be viewed.

    GET:
    Return a list of all the existing Updates, newest first.

    FILTERS:
    Parameters - 'created_on', 'launch', 'program', 'launch__launch_service_provider'
    Example - /2.2.0/updates/?launch=e3df2ecd-c239-472f-95e4-2b89b4f75800

    SEARCH:
    Searches through the comment and its author's name.

    ORDERING:
    Fields - 'created_on',
    Example - /2.2.0/updates/?ordering=-created_on
    """

    modes = {"normal": Mode(selectors.updates, UpdateSerializer)}
    filterset_class = UpdateFilter


class FirstStageTypeViewSet(LL2ViewSet):
    """
    API endpoint that allows First Stage Types to be viewed.

    SEARCH:
    Searches through the name.
    Example - /2.2.0/config/firststagetype/?search=Core

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.first_stage_types, FirstStageTypeSerializer)}
    filterset_class = FirstStageTypeFilter


class LandingLocationViewSet(LL2ViewSet):
    """
    API endpoint that allows Landing Locations to be viewed.

    SEARCH:
    Searches through the name and the abbreviation.
    Example - /2.2.0/config/landinglocation/?search=ASDS

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.landing_locations, LandingLocationSerializer)}
    filterset_class = LandingLocationFilter


class LaunchStatusViewSet(LL2ViewSet):
    """
    API endpoint that allows Launch Statuses to be viewed.

    SEARCH:
    Searches through the name and the abbreviation.
    Example - /2.2.0/config/launchstatus/?search=Success

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.launch_statuses, LaunchStatusSerializer)}
    filterset_class = LaunchStatusFilter


class MissionTypeViewSet(LL2ViewSet):
    """
    API endpoint that allows Mission Types to be viewed.

    SEARCH:
    Searches through the name.
    Example - /2.2.0/config/missiontype/?search=Resupply

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.mission_types, MissionTypeSerializer)}
    filterset_class = MissionTypeFilter


class OrbitViewSet(LL2ViewSet):
    """
    API endpoint that allows Orbits to be viewed.

    SEARCH:
    Searches through the name and the abbreviation.
    Example - /2.2.0/config/orbit/?search=LEO

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.orbits, OrbitSerializer)}
    filterset_class = OrbitFilter
