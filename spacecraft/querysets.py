"""Spacecraft fetch pieces that other apps' querysets reuse: spacecraft with their statistics, their
configurations, and flights and docking events in the shapes launches and stations embed."""

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Now

from agencies import querysets as agency_querysets
from astronauts import querysets as astronaut_querysets
from launches.querysets import with_launch
from spacecraft.models import DockingEvent, Spacecraft, SpacecraftConfig, SpacecraftFlight

CREWS = ("launch_crew", "onboard_crew", "landing_crew")

# A docking event holds its port now: the flight has docked and not left (no departure, or a future one).
DOCKED_NOW = Q(docking__lte=Now()) & (Q(departure__isnull=True) | Q(departure__gt=Now()))


def spacecraft_configs() -> QuerySet[SpacecraftConfig]:
    """Configurations with what SpacecraftConfigDetailedSerializer, SpacecraftConfigSerializer and
    SpacecraftConfigMiniSerializer read: type, agency (with its type and parent)."""
    return SpacecraftConfig.objects.select_related(
        "type", *(f"agency__{related}" for related in agency_querysets.RELATED)
    )


def spacecraft() -> QuerySet[Spacecraft]:
    """Spacecraft with what SpacecraftForFlightSerializer and SpacecraftSerializer read: flight
    statistics, status, configuration (type, agency with its type and parent)."""
    return Spacecraft.objects.with_flight_stats().select_related(
        "status",
        "spacecraft_config__type",
        *(f"spacecraft_config__agency__{r}" for r in agency_querysets.RELATED),
    )


def flights() -> QuerySet[SpacecraftFlight]:
    """Flights in id order with what SpacecraftFlightSerializer reads: the spacecraft (with its
    statistics) and the launch."""
    return with_launch(
        SpacecraftFlight.objects.order_by("id").prefetch_related(
            Prefetch("spacecraft", queryset=spacecraft())
        )
    )


def flights_for_launch() -> QuerySet[SpacecraftFlight]:
    """Flights in id order with what SpacecraftFlightForLaunchSerializer reads (a launch's
    `rocket.spacecraft_stage`, and a flight detail but for its launch): the spacecraft with its
    statistics, the landing, the docking events and the crews."""
    return (
        SpacecraftFlight.objects.order_by("id")
        # LandingSerializer: landing location (with its launch location) and type.
        .select_related("landing__location__location", "landing__type")
        .prefetch_related(
            Prefetch("spacecraft", queryset=spacecraft()),
            # DockingEventForFlightSerializer: the docking location and its station (status and orbit).
            Prefetch(
                "docking_events",
                queryset=DockingEvent.objects.select_related(
                    "docking_location__spacestation__status", "docking_location__spacestation__orbit"
                ),
            ),
            # AstronautFlightSerializer, for each crew.
            *(Prefetch(crew, queryset=astronaut_querysets.crew()) for crew in CREWS),
        )
    )


def docked_now() -> QuerySet[DockingEvent]:
    """The docking events holding their port now, newest first, with what
    DockingEventForStationSerializer reads: the flight's spacecraft (with its statistics) and launch."""
    return with_launch(
        DockingEvent.objects.filter(DOCKED_NOW)
        .order_by("-docking", "-id")
        .prefetch_related(Prefetch("flight__spacecraft", queryset=spacecraft())),
        path="flight__launch",
    )
