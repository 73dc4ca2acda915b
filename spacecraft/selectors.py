"""Querysets that fetch, in a fixed number of queries, everything the flight serializers read."""

from django.db.models import Prefetch, QuerySet

from astronauts.models import Astronaut, AstronautFlight
from launches.selectors import LAUNCH_RELATED, programs
from spacecraft.models import DockingEvent, Spacecraft, SpacecraftFlight

CREWS = ("launch_crew", "onboard_crew", "landing_crew")


def spacecraft() -> QuerySet[Spacecraft]:
    """Spacecraft with what SpacecraftSerializer reads: flight statistics, status, configuration
    (type, agency with its type and parent)."""
    return Spacecraft.objects.with_flight_stats().select_related(
        "status",
        "spacecraft_config__type",
        "spacecraft_config__agency__type",
        "spacecraft_config__agency__parent",
    )


def _crew_prefetch(crew: str) -> Prefetch:
    # AstronautFlightSerializer: `role`, and `astronaut` with its type, status, agency and flight dates.
    astronauts = Astronaut.objects.with_flight_dates().select_related("type", "status", "agency__type")
    return Prefetch(
        crew,
        queryset=AstronautFlight.objects.select_related("role").prefetch_related(
            Prefetch("astronaut", queryset=astronauts)
        ),
    )


def flights(*, detailed: bool) -> QuerySet[SpacecraftFlight]:
    """Flights in id order, with what `SpacecraftFlightSerializer` (detailed) or
    `SpacecraftFlightSummarySerializer` reads; the counts do not depend on the number of flights."""
    queryset = (
        SpacecraftFlight.objects.order_by("id")
        # LaunchSerializer: the launch's own relations, then its programmes.
        .select_related(*(f"launch__{related}" for related in LAUNCH_RELATED))
        .prefetch_related(
            Prefetch("spacecraft", queryset=spacecraft()),
            Prefetch("launch__program", queryset=programs()),
        )
    )
    if not detailed:
        return queryset
    return queryset.select_related(
        # LandingSerializer: landing location (with its launch location) and type.
        "landing__location__location",
        "landing__type",
    ).prefetch_related(
        # DockingEventSerializer: the docking location and its station (with status and orbit).
        Prefetch(
            "docking_events",
            queryset=DockingEvent.objects.select_related(
                "docking_location__spacestation__status", "docking_location__spacestation__orbit"
            ),
        ),
        *(_crew_prefetch(crew) for crew in CREWS),
    )
