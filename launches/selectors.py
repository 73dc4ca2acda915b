"""Querysets that fetch, in a fixed number of queries, everything the launch serializers read."""

from django.db.models import Prefetch, QuerySet

from agencies.models import Agency
from agencies.selectors import AGENCY_DETAILED_COMMON_RELATED
from launches.models import FirstStage, Launch, Launcher, LauncherConfig, Location, MissionPatch, Pad, Program

# LaunchSerializer: status, NET precision, provider (with its type), rocket configuration, mission
# (type, orbit), pad and its location. A queryset of another model that embeds a launch prefixes these.
LAUNCH_RELATED = (
    "status",
    "net_precision",
    "launch_service_provider__type",
    "rocket__configuration",
    "mission__type",
    "mission__orbit",
    "pad__location",
)


def programs() -> QuerySet[Program]:
    """Programmes with what ProgramSerializer reads: agencies (with type), mission patches (with agency)."""
    return Program.objects.prefetch_related(
        # LL2 lists a programme's agencies by name (launches-upcoming.2.2.0.list-page1.json, programme 11:
        # NASA, Northrop Grumman, Sierra Nevada, SpaceX, not in id order).
        Prefetch("agencies", queryset=Agency.objects.select_related("type").order_by("name", "id")),
        Prefetch("mission_patches", queryset=MissionPatch.objects.select_related("agency__type")),
    )


# LauncherConfigSerializer: the manufacturer (AgencySerializer: type and parent, served as names).
LAUNCHER_CONFIG_RELATED = ("manufacturer__type", "manufacturer__parent")
# LauncherConfigDetailSerializer: the manufacturer (AgencyDetailedCommonSerializer: its type).
LAUNCHER_CONFIG_DETAIL_RELATED = ("manufacturer__type",)


def launcher_configs(*, detailed: bool) -> QuerySet[LauncherConfig]:
    """Launcher configurations in id order with what `LauncherConfigDetailSerializer` (detailed) or
    `LauncherConfigSerializer` reads: the manufacturer and the programmes."""
    related = LAUNCHER_CONFIG_DETAIL_RELATED if detailed else LAUNCHER_CONFIG_RELATED
    return (
        LauncherConfig.objects.all()
        .select_related(*related)
        # `program`: ProgramSerializer.
        .prefetch_related(Prefetch("program", queryset=programs()))
        .order_by("id")
    )


def launcher_configs_for_agency() -> QuerySet[LauncherConfig]:
    """Configurations with what `LauncherConfigForAgencySerializer` reads (an agency's `launcher_list`):
    their own columns, no relation."""
    return LauncherConfig.objects.order_by("id")


def pads() -> QuerySet[Pad]:
    """Pads in id order with what PadSerializer reads: the location."""
    return Pad.objects.select_related("location").order_by("id")


def locations(*, detailed: bool) -> QuerySet[Location]:
    """Locations in id order; detailed, with their pads (`LocationDetailSerializer.pads`, in id order)."""
    queryset = Location.objects.order_by("id")
    if not detailed:
        return queryset
    return queryset.prefetch_related(Prefetch("pads", queryset=Pad.objects.order_by("id")))


def launches() -> QuerySet[Launch]:
    """Launches with what LaunchSerializer reads."""
    return Launch.objects.select_related(*LAUNCH_RELATED).prefetch_related(
        Prefetch("program", queryset=programs())
    )


def launch_list() -> QuerySet[Launch]:
    """Launches with what LaunchListSerializer (`?mode=list`) reads: status, NET precision, provider,
    mission (type, orbit), pad and its location, and the summary of the boosters."""
    return Launch.objects.with_stage_summary().select_related(
        "status",
        "net_precision",
        "launch_service_provider",
        "mission__type",
        "mission__orbit",
        "pad__location",
    )


def launchers(*, detailed: bool) -> QuerySet[Launcher]:
    """Boosters in id order with their flight statistics and their configuration: in full
    (`LauncherDetailSerializer`, with what `launcher_configs` fetches) or its summary
    (`LauncherSerializer`)."""
    queryset = Launcher.objects.with_flight_stats().order_by("id")
    if not detailed:
        return queryset.select_related("launcher_config")
    return queryset.prefetch_related(Prefetch("launcher_config", queryset=launcher_configs(detailed=True)))


def first_stages() -> QuerySet[FirstStage]:
    """Stages in id order with what FirstStageSerializer reads: the previous flight, the type, the
    landing (its location with the launch location, its type) and the booster with its statistics."""
    return (
        FirstStage.objects.with_previous_flight()
        .select_related("type", "landing__location__location", "landing__type")
        .prefetch_related(Prefetch("launcher", queryset=Launcher.objects.with_flight_stats()))
        .order_by("id")
    )


def launches_detailed() -> QuerySet[Launch]:
    """Launches with what LaunchDetailedSerializer reads, but for the spacecraft flight of its rocket:
    `spacecraft.selectors.launches_detailed` adds that (the flight belongs to the spacecraft app)."""
    return Launch.objects.select_related(
        "status",
        "net_precision",
        *(f"launch_service_provider__{related}" for related in AGENCY_DETAILED_COMMON_RELATED),
        "rocket",
        "mission__type",
        "mission__orbit",
        "pad__location",
    ).prefetch_related(
        # rocket.configuration: LauncherConfigDetailSerializer, with its counters.
        Prefetch("rocket__configuration", queryset=launcher_configs(detailed=True)),
        # rocket.launcher_stage: FirstStageSerializer.
        Prefetch("rocket__launcher_stages", queryset=first_stages()),
        # program: ProgramSerializer.
        Prefetch("program", queryset=programs()),
        # updates, infoURLs, vidURLs: their own columns, in their models' order.
        "updates",
        "info_urls",
        "vid_urls",
        # mission_patches: MissionPatchSerializer, with the agency (AgencyMiniSerializer: its type).
        Prefetch("mission_patches", queryset=MissionPatch.objects.select_related("agency__type")),
    )
