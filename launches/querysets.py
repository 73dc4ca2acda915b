"""Launch fetch pieces that other apps' querysets reuse: a launch as LaunchSerializer reads it, and the
programmes and mission patches that several shapes embed."""

from django.db.models import Prefetch, QuerySet

from agencies import querysets as agency_querysets
from launches.models import Launch, Launcher, MissionPatch, Program

# LaunchSerializer: status, NET precision, provider (with its type), rocket configuration, mission
# (type, orbit), pad and its location; its programmes are prefetched (see `with_launch`).
LAUNCH_RELATED = (
    "status",
    "net_precision",
    "launch_service_provider__type",
    "rocket__configuration",
    "mission__type",
    "mission__orbit",
    "pad__location",
)


def mission_patches() -> QuerySet[MissionPatch]:
    """Mission patches with what MissionPatchSerializer reads: the agency (AgencyMiniSerializer)."""
    return MissionPatch.objects.select_related(
        *(f"agency__{related}" for related in agency_querysets.MINI_RELATED)
    )


def programs() -> QuerySet[Program]:
    """Programmes with what ProgramSerializer reads: agencies (with type), mission patches (with agency)."""
    return Program.objects.prefetch_related(
        # LL2 lists a programme's agencies by name (launches-upcoming.2.2.0.list-page1.json, programme 11:
        # NASA, Northrop Grumman, Sierra Nevada, SpaceX, not in id order).
        Prefetch("agencies", queryset=agency_querysets.agencies_mini().order_by("name", "id")),
        Prefetch("mission_patches", queryset=mission_patches()),
    )


def with_launch(queryset: QuerySet, *, path: str = "launch") -> QuerySet:
    """`queryset` with the launch at `path` fetched as LaunchSerializer reads it: its relations joined
    to the rows, its programmes prefetched. An empty `path` is a queryset of launches itself."""
    prefix = f"{path}__" if path else ""
    return queryset.select_related(*(f"{prefix}{related}" for related in LAUNCH_RELATED)).prefetch_related(
        Prefetch(f"{prefix}program", queryset=programs())
    )


def launches() -> QuerySet[Launch]:
    """Launches with what LaunchSerializer reads."""
    return with_launch(Launch.objects.all(), path="")


def launchers() -> QuerySet[Launcher]:
    """Boosters with what LauncherSerializer reads: their flight statistics and their configuration's
    summary."""
    return Launcher.objects.with_flight_stats().select_related("launcher_config")
