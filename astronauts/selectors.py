"""One queryset per shape of the astronaut endpoint, each fetching in a fixed number of queries everything
its serializer reads; the derived values are annotations of `Astronaut.objects.with_stats()`."""

from django.db.models import F, Prefetch, QuerySet

from astronauts.models import Astronaut, AstronautRole, AstronautStatus, AstronautType
from launches.querysets import launches
from spacecraft.querysets import flights


def astronauts_list() -> QuerySet[Astronaut]:
    """Astronauts in id order with what AstronautListSerializer (`?mode=list`) reads: status, agency
    (AgencyMiniSerializer: its type)."""
    return Astronaut.objects.with_stats().select_related("status", "agency__type").order_by("id")


def astronauts() -> QuerySet[Astronaut]:
    """Astronauts in id order with what AstronautSerializer reads: status, type, agency
    (AgencySerializer: its type and parent)."""
    return (
        Astronaut.objects.with_stats()
        .select_related("status", "type", "agency__type", "agency__parent")
        .order_by("id")
    )


def astronauts_detailed() -> QuerySet[Astronaut]:
    """Astronauts in id order with what AstronautDetailedSerializer reads: as `astronauts()`, and the
    launches and landings of their crews, by launch NET (launches not yet scheduled last)."""
    by_net = F("net").asc(nulls_last=True)
    return astronauts().prefetch_related(
        # flights: the launches whose launch crew lists them (LaunchSerializer).
        Prefetch("crew_launches", queryset=launches().order_by(by_net, "id"), to_attr="flown_launches"),
        # landings: the flights whose landing crew lists them (SpacecraftFlightSerializer).
        Prefetch(
            "crew_landings",
            queryset=flights().order_by(F("launch__net").asc(nulls_last=True), "id"),
            to_attr="landed_flights",
        ),
    )


def astronaut_roles() -> QuerySet[AstronautRole]:
    """Crew roles in id order (AstronautRoleSerializer reads no relation)."""
    return AstronautRole.objects.order_by("id")


def astronaut_statuses() -> QuerySet[AstronautStatus]:
    """Astronaut statuses in id order (AstronautStatusSerializer reads no relation)."""
    return AstronautStatus.objects.order_by("id")


def astronaut_types() -> QuerySet[AstronautType]:
    """Astronaut types in id order (AstronautTypeSerializer reads no relation)."""
    return AstronautType.objects.order_by("id")
