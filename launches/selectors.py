"""Querysets that fetch, in a fixed number of queries, everything the launch serializers read."""

from django.db.models import Prefetch, QuerySet

from agencies.models import Agency
from launches.models import Launch, MissionPatch, Program

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
        Prefetch("agencies", queryset=Agency.objects.select_related("type")),
        Prefetch("mission_patches", queryset=MissionPatch.objects.select_related("agency__type")),
    )


def launches() -> QuerySet[Launch]:
    """Launches with what LaunchSerializer reads."""
    return Launch.objects.select_related(*LAUNCH_RELATED).prefetch_related(
        Prefetch("program", queryset=programs())
    )
