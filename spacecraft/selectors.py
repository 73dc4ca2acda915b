"""One queryset per shape of the spacecraft endpoints, each fetching in a fixed number of queries
everything its serializer reads."""

from django.db.models import Prefetch, QuerySet

from launches.querysets import with_launch
from spacecraft import querysets
from spacecraft.models import DockingEvent, Spacecraft, SpacecraftConfig, SpacecraftFlight, SpacecraftStatus


def flights() -> QuerySet[SpacecraftFlight]:
    """Flights in id order with what SpacecraftFlightSerializer reads."""
    return querysets.flights()


def flights_detailed() -> QuerySet[SpacecraftFlight]:
    """Flights in id order with what SpacecraftFlightDetailedSerializer reads: a launch's spacecraft stage
    (crews, spacecraft, landing, docking events) and the launch."""
    return with_launch(querysets.flights_for_launch())


def spacecraft() -> QuerySet[Spacecraft]:
    """Spacecraft in id order with what SpacecraftSerializer reads."""
    return querysets.spacecraft().order_by("id")


def spacecraft_detailed() -> QuerySet[Spacecraft]:
    """Spacecraft in id order with what SpacecraftDetailedSerializer reads: the spacecraft in full, and its
    flights in id order with their launches. A flight's `spacecraft` is not fetched again: Django sets it
    to the spacecraft whose flights it prefetches."""
    return spacecraft().prefetch_related(
        Prefetch("flights", queryset=with_launch(SpacecraftFlight.objects.order_by("id")))
    )


def spacecraft_configs() -> QuerySet[SpacecraftConfig]:
    """Configurations in id order with what SpacecraftConfigSerializer and
    SpacecraftConfigDetailedSerializer read."""
    return querysets.spacecraft_configs().order_by("id")


def docking_events() -> QuerySet[DockingEvent]:
    """Docking events in id order, with what DockingEventSerializer and DockingEventDetailedSerializer
    read."""
    return (
        DockingEvent.objects.order_by("id")
        # launch_id (the flight's), docking_location and space_station (its station).
        .select_related("flight", "docking_location__spacestation")
        # flight_vehicle.spacecraft: with statistics, status and configuration.
        .prefetch_related(Prefetch("flight__spacecraft", queryset=querysets.spacecraft()))
    )


def spacecraft_statuses() -> QuerySet[SpacecraftStatus]:
    """Spacecraft statuses in id order (SpacecraftStatusSerializer reads no relation)."""
    return SpacecraftStatus.objects.order_by("id")
