"""One queryset per shape of the launch endpoints, each fetching in a fixed number of queries everything
its serializer reads."""

from django.db.models import F, Prefetch, QuerySet

from agencies import querysets as agency_querysets
from launches import querysets
from launches.models import (
    FirstStage,
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
from spacecraft import querysets as spacecraft_querysets

# `launch/` lists launches by NET, those without one (not yet scheduled) last, on every database.
LAUNCH_ORDER = (F("net").asc(nulls_last=True), "id")


def launches() -> QuerySet[Launch]:
    """Launches by NET with what LaunchSerializer reads."""
    return querysets.with_launch(Launch.objects.order_by(*LAUNCH_ORDER), path="")


def launches_list() -> QuerySet[Launch]:
    """Launches by NET with what LaunchListSerializer (`?mode=list`) reads: status, NET precision,
    provider, mission (type, orbit), pad and its location, and the summary of the boosters."""
    return (
        Launch.objects.with_stage_summary()
        .select_related(
            "status",
            "net_precision",
            "launch_service_provider",
            "mission__type",
            "mission__orbit",
            "pad__location",
        )
        .order_by(*LAUNCH_ORDER)
    )


def _launcher_configs_detailed() -> QuerySet[LauncherConfig]:
    # LauncherConfigDetailedSerializer: the manufacturer (AgencyForLaunchSerializer) and the programmes.
    return LauncherConfig.objects.select_related(
        *(f"manufacturer__{related}" for related in agency_querysets.MINI_RELATED)
    ).prefetch_related(Prefetch("program", queryset=querysets.programs()))


def _first_stages() -> QuerySet[FirstStage]:
    # FirstStageSerializer: the previous flight, the type, the landing (its location with the launch
    # location, its type) and the booster with its statistics.
    return (
        FirstStage.objects.with_previous_flight()
        .select_related("type", "landing__location__location", "landing__type")
        .prefetch_related(Prefetch("launcher", queryset=Launcher.objects.with_flight_stats()))
        .order_by("id")
    )


def launches_detailed() -> QuerySet[Launch]:
    """Launches by NET with what LaunchDetailedSerializer reads."""
    return (
        Launch.objects.select_related(
            "status",
            "net_precision",
            *(f"launch_service_provider__{related}" for related in agency_querysets.MINI_RELATED),
            "rocket",
            "mission__type",
            "mission__orbit",
            "pad__location",
        )
        .prefetch_related(
            # rocket.configuration: LauncherConfigDetailedSerializer, with its counters.
            Prefetch("rocket__configuration", queryset=_launcher_configs_detailed()),
            # rocket.launcher_stage: FirstStageSerializer.
            Prefetch("rocket__launcher_stages", queryset=_first_stages()),
            # rocket.spacecraft_stage: the first of its flights (SpacecraftFlightForLaunchSerializer).
            Prefetch(
                "spacecraft_flights",
                queryset=spacecraft_querysets.flights_for_launch(),
                to_attr="stage_flights",
            ),
            # program: ProgramSerializer.
            Prefetch("program", queryset=querysets.programs()),
            # updates, infoURLs, vidURLs: their own columns, in their models' order.
            "updates",
            "info_urls",
            "vid_urls",
            # mission_patches: MissionPatchSerializer.
            Prefetch("mission_patches", queryset=querysets.mission_patches()),
        )
        .order_by(*LAUNCH_ORDER)
    )


def launchers() -> QuerySet[Launcher]:
    """Boosters in id order with what LauncherSerializer reads: their flight statistics and their
    configuration's summary."""
    return querysets.launchers().order_by("id")


def launchers_detailed() -> QuerySet[Launcher]:
    """Boosters in id order with what LauncherDetailedSerializer reads: their flight statistics and their
    configuration in full."""
    return (
        Launcher.objects.with_flight_stats()
        .prefetch_related(Prefetch("launcher_config", queryset=_launcher_configs_detailed()))
        .order_by("id")
    )


def launcher_configs() -> QuerySet[LauncherConfig]:
    """Launcher configurations in id order with what LauncherConfigSerializer reads: the manufacturer
    (AgencySerializer) and the programmes."""
    return (
        LauncherConfig.objects.select_related(
            *(f"manufacturer__{related}" for related in agency_querysets.RELATED)
        )
        .prefetch_related(Prefetch("program", queryset=querysets.programs()))
        .order_by("id")
    )


def launcher_configs_detailed() -> QuerySet[LauncherConfig]:
    """Launcher configurations in id order with what LauncherConfigDetailedSerializer reads."""
    return _launcher_configs_detailed().order_by("id")


def pads() -> QuerySet[Pad]:
    """Pads in id order with what PadSerializer reads: the location."""
    return Pad.objects.select_related("location").order_by("id")


def locations() -> QuerySet[Location]:
    """Locations in id order (LocationSerializer reads no relation)."""
    return Location.objects.order_by("id")


def locations_detailed() -> QuerySet[Location]:
    """Locations in id order with their pads in id order (LocationDetailedSerializer)."""
    return locations().prefetch_related(Prefetch("pads", queryset=Pad.objects.order_by("id")))


def programs() -> QuerySet[Program]:
    """Programmes in id order with what ProgramSerializer reads."""
    return querysets.programs().order_by("id")


def updates() -> QuerySet[Update]:
    """Updates, newest first (UpdateSerializer reads no relation)."""
    return Update.objects.order_by("-created_on", "-id")


def first_stage_types() -> QuerySet[FirstStageType]:
    """Booster roles in id order (FirstStageTypeSerializer reads no relation)."""
    return FirstStageType.objects.order_by("id")


def landing_locations() -> QuerySet[LandingLocation]:
    """Landing locations in id order with what LandingLocationSerializer reads: the launch location."""
    return LandingLocation.objects.select_related("location").order_by("id")


def launch_statuses() -> QuerySet[LaunchStatus]:
    """Launch statuses in id order (LaunchStatusSerializer reads no relation)."""
    return LaunchStatus.objects.order_by("id")


def mission_types() -> QuerySet[MissionType]:
    """Mission types in id order (MissionTypeSerializer reads no relation)."""
    return MissionType.objects.order_by("id")


def orbits() -> QuerySet[Orbit]:
    """Orbits in id order (OrbitSerializer reads no relation)."""
    return Orbit.objects.order_by("id")
