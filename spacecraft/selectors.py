"""Querysets that fetch, in a fixed number of queries, everything the flight serializers read."""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Lower, Now

from agencies import selectors as agency_selectors
from agencies.models import Agency
from astronauts.models import Astronaut, AstronautFlight
from launches import selectors as launch_selectors
from launches.models import Launch, LauncherConfig
from launches.selectors import LAUNCH_RELATED, programs
from spacecraft.models import DockingEvent, Spacecraft, SpacecraftConfig, SpacecraftFlight
from stations import selectors as station_selectors
from stations.models import DockingLocation, Expedition, SpaceStation

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


def agencies_detailed() -> QuerySet[Agency]:
    """Agencies in id order with what AgencyDetailedSerializer reads: type and parent, and the launcher
    configurations it manufactures and its spacecraft configurations, each in name order (as LL2 lists
    them), ignoring case."""
    return agency_selectors.agencies().prefetch_related(
        # launcher_list: LauncherConfigForAgencySerializer, with its launch counters.
        Prefetch(
            "launcher_configs",
            queryset=LauncherConfig.objects.order_by(Lower("name"), "id"),
        ),
        # spacecraft_list: SpacecraftConfigSerializer, with its type and its agency (type, parent).
        Prefetch(
            "spacecraft_configs",
            queryset=SpacecraftConfig.objects.select_related(
                "type", "agency__type", "agency__parent"
            ).order_by(Lower("name"), "id"),
        ),
    )


# A docking event holds its port now: the flight has docked and not left (no departure, or a future one).
DOCKED_NOW = Q(docking__lte=Now()) & (Q(departure__isnull=True) | Q(departure__gt=Now()))


def docking_events() -> QuerySet[DockingEvent]:
    """Docking events in id order, with what `DockingEventSummarySerializer` and
    `DockingEventDetailedSerializer` read."""
    return (
        DockingEvent.objects.order_by("id")
        # launch_id (the flight's), docking_location and space_station (its station).
        .select_related("flight", "docking_location__spacestation")
        # flight_vehicle.spacecraft: with statistics, status and configuration.
        .prefetch_related(Prefetch("flight__spacecraft", queryset=spacecraft()))
    )


def _count(queryset, field: str):
    """A correlated subquery: the number of distinct `field` values in `queryset` (0 when it is empty).

    The constant grouping makes one group of all the rows, whatever the join they come from.
    """
    counted = queryset.order_by().annotate(_all=Value(1)).values("_all")
    return Coalesce(Subquery(counted.annotate(n=Count(field, distinct=True)).values("n")), 0)


def _expedition_crew() -> QuerySet[AstronautFlight]:
    # AstronautFlightForExpeditionSerializer: the role, and the astronaut with status and agency (type).
    return AstronautFlight.objects.select_related("role", "astronaut__status", "astronaut__agency__type")


def spacestations_detailed() -> QuerySet[SpaceStation]:
    """Stations in id order with what `SpaceStationDetailedSerializer` reads, derived in SQL for the
    whole page:

    - `onboard_crew`: the astronauts aboard now, each once: the crews of its active expeditions and
      the launch crews of the flights docked at it now.
    - `docked_vehicles`: the flights docked at it now.
    """
    station = OuterRef(OuterRef("pk"))
    docked_here = DockingEvent.objects.filter(DOCKED_NOW, docking_location__spacestation=OuterRef("pk"))
    aboard = AstronautFlight.objects.filter(
        Q(expeditions__in=Expedition.objects.active().filter(spacestation=station))
        | Q(
            launch_flights__docking_events__in=DockingEvent.objects.filter(
                DOCKED_NOW, docking_location__spacestation=station
            )
        )
    )
    docked_now = (
        DockingEvent.objects.filter(DOCKED_NOW)
        .order_by("-docking", "-id")
        # DockedFlightSerializer: the launch (its relations, then its programmes) and the spacecraft.
        .select_related(*(f"flight__launch__{related}" for related in LAUNCH_RELATED))
        .prefetch_related(
            Prefetch("flight__spacecraft", queryset=spacecraft()),
            Prefetch("flight__launch__program", queryset=programs()),
        )
    )
    return (
        SpaceStation.objects.order_by("id")
        .annotate(onboard_crew=_count(aboard, "astronaut"), docked_vehicles=_count(docked_here, "flight"))
        # status, type, orbit (its name).
        .select_related("status", "type", "orbit")
        .prefetch_related(
            # owners: AgencySerializer reads the type and the parent.
            Prefetch("owners", queryset=Agency.objects.select_related("type", "parent")),
            # active_expeditions: the expeditions under way, by start, with their crews.
            Prefetch(
                "expeditions",
                queryset=Expedition.objects.active()
                .order_by("start", "id")
                .prefetch_related(Prefetch("crew", queryset=_expedition_crew())),
                to_attr="active_expeditions",
            ),
            # docking_location: each port with the event of the flight docked there now (`docked`).
            Prefetch(
                "docking_locations",
                queryset=DockingLocation.objects.prefetch_related(
                    Prefetch("docking_events", queryset=docked_now, to_attr="docked_now")
                ),
            ),
        )
    )


def expeditions_detailed() -> QuerySet[Expedition]:
    """Expeditions in id order with what `ExpeditionDetailedSerializer` reads."""
    return station_selectors.expeditions().prefetch_related(
        # spacestation.owners: AgencyListSerializer reads no relation.
        "spacestation__owners",
        # crew: by role priority.
        Prefetch("crew", queryset=_expedition_crew()),
    )


def spacecraft_with_flights() -> QuerySet[Spacecraft]:
    """Spacecraft with what SpacecraftDetailedSerializer reads: `spacecraft()`, and its flights in id
    order with their launches (SpacecraftFlightSummarySerializer). A flight's `spacecraft` is not
    fetched again: Django sets it to the spacecraft whose flights it prefetches."""
    return spacecraft().prefetch_related(
        # flights: each with its launch (LaunchSerializer: relations, then programmes).
        Prefetch(
            "flights",
            queryset=SpacecraftFlight.objects.order_by("id")
            .select_related(*(f"launch__{related}" for related in LAUNCH_RELATED))
            .prefetch_related(Prefetch("launch__program", queryset=programs())),
        )
    )


def spacecraft_configs() -> QuerySet[SpacecraftConfig]:
    """Configurations in id order with what SpacecraftConfigSerializer and
    SpacecraftConfigListSerializer read: type, agency (with its type and parent)."""
    return SpacecraftConfig.objects.select_related("type", "agency__type", "agency__parent").order_by("id")


def astronauts(*, mode: str) -> QuerySet[Astronaut]:
    """Astronauts in id order, with their derived values (`Astronaut.objects.with_stats()`) and what the
    serializer of `mode` reads: AstronautListSerializer ("list"), AstronautNormalSerializer ("normal") or
    AstronautDetailedSerializer ("detailed"); the counts do not depend on the number of astronauts."""
    queryset = Astronaut.objects.with_stats().order_by("id")
    if mode == "list":
        # status; agency (AgencyMiniSerializer: its type).
        return queryset.select_related("status", "agency__type")
    # status, type; agency (normal: AgencySerializer, its type and parent; detailed: its type).
    queryset = queryset.select_related("status", "type", "agency__type", "agency__parent")
    if mode != "detailed":
        return queryset
    return queryset.prefetch_related(
        Prefetch(
            "assignments",
            queryset=AstronautFlight.objects.prefetch_related(
                # flights: the launches of the flights whose launch crew lists the seat (LaunchSerializer).
                Prefetch(
                    "launch_flights",
                    queryset=SpacecraftFlight.objects.select_related(
                        *(f"launch__{related}" for related in LAUNCH_RELATED)
                    ).prefetch_related(Prefetch("launch__program", queryset=programs())),
                ),
                # landings: the flights whose landing crew lists the seat (SpacecraftFlightSummarySerializer).
                Prefetch("landing_flights", queryset=flights(detailed=False)),
            ),
        )
    )


def flights_for_launch() -> QuerySet[SpacecraftFlight]:
    """Flights in id order with what SpacecraftFlightForLaunchSerializer reads (a launch's
    `rocket.spacecraft_stage`): the spacecraft with its statistics, the landing, the docking events and
    the crews, as for a flight detail."""
    return (
        SpacecraftFlight.objects.order_by("id")
        # LandingSerializer: landing location (with its launch location) and type.
        .select_related("landing__location__location", "landing__type")
        .prefetch_related(
            Prefetch("spacecraft", queryset=spacecraft()),
            # DockingEventSerializer: the docking location and its station (with status and orbit).
            Prefetch(
                "docking_events",
                queryset=DockingEvent.objects.select_related(
                    "docking_location__spacestation__status", "docking_location__spacestation__orbit"
                ),
            ),
            *(_crew_prefetch(crew) for crew in CREWS),
        )
    )


def launches_detailed() -> QuerySet[Launch]:
    """Launches with what LaunchDetailedSerializer reads: `launches.selectors.launches_detailed()` and
    the spacecraft flights (`rocket.spacecraft_stage`)."""
    return launch_selectors.launches_detailed().prefetch_related(
        Prefetch("spacecraft_flights", queryset=flights_for_launch())
    )


def launches(*, mode: str) -> QuerySet[Launch]:
    """Launches with what the serializer of `mode` reads: LaunchListSerializer ("list"),
    LaunchDetailedSerializer ("detailed") or LaunchSerializer ("normal"; also for a `mode` the filterset
    is about to refuse)."""
    if mode == "list":
        return launch_selectors.launch_list()
    if mode == "detailed":
        return launches_detailed()
    return launch_selectors.launches()
