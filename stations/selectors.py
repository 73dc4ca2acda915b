"""One queryset per shape of the station endpoints, each fetching in a fixed number of queries everything
its serializer reads."""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from agencies import querysets as agency_querysets
from astronauts import querysets as astronaut_querysets
from astronauts.models import AstronautFlight
from spacecraft import querysets as spacecraft_querysets
from spacecraft.models import DockingEvent
from stations import querysets
from stations.models import DockingLocation, Expedition, SpaceStation, SpaceStationStatus


def spacestations() -> QuerySet[SpaceStation]:
    """Stations in id order, with what SpaceStationSerializer reads."""
    return (
        SpaceStation.objects.order_by("id")
        # status, type, orbit (its name).
        .select_related("status", "type", "orbit")
        .prefetch_related(
            # owners: AgencyForStationSerializer reads no relation.
            "owners",
            # active_expedition: the expeditions under way, by start.
            Prefetch(
                "expeditions",
                queryset=Expedition.objects.active().order_by("start", "id"),
                to_attr="active_expeditions",
            ),
        )
    )


def _count(queryset, field: str):
    """A correlated subquery: the number of distinct `field` values in `queryset` (0 when it is empty).

    The constant grouping makes one group of all the rows, whatever the join they come from.
    """
    counted = queryset.order_by().annotate(_all=Value(1)).values("_all")
    return Coalesce(Subquery(counted.annotate(n=Count(field, distinct=True)).values("n")), 0)


def spacestations_detailed() -> QuerySet[SpaceStation]:
    """Stations in id order with what SpaceStationDetailedSerializer reads, derived in SQL for the
    whole page:

    - `onboard_crew`: the astronauts aboard now, each once: the crews of its active expeditions and
      the launch crews of the flights docked at it now.
    - `docked_vehicles`: the flights docked at it now.
    """
    docked_now = spacecraft_querysets.DOCKED_NOW
    station = OuterRef(OuterRef("pk"))
    docked_here = DockingEvent.objects.filter(docked_now, docking_location__spacestation=OuterRef("pk"))
    aboard = AstronautFlight.objects.filter(
        Q(expeditions__in=Expedition.objects.active().filter(spacestation=station))
        | Q(
            launch_flights__docking_events__in=DockingEvent.objects.filter(
                docked_now, docking_location__spacestation=station
            )
        )
    )
    return (
        SpaceStation.objects.order_by("id")
        .annotate(onboard_crew=_count(aboard, "astronaut"), docked_vehicles=_count(docked_here, "flight"))
        # status, type, orbit (its name).
        .select_related("status", "type", "orbit")
        .prefetch_related(
            # owners: AgencySerializer reads the type and the parent.
            Prefetch("owners", queryset=agency_querysets.agencies()),
            # active_expeditions: the expeditions under way, by start, with their crews.
            Prefetch(
                "expeditions",
                queryset=Expedition.objects.active()
                .order_by("start", "id")
                .prefetch_related(Prefetch("crew", queryset=astronaut_querysets.expedition_crew())),
                to_attr="active_expeditions",
            ),
            # docking_location: each port with the event of the flight docked there now (`docked`).
            Prefetch(
                "docking_locations",
                queryset=DockingLocation.objects.prefetch_related(
                    Prefetch(
                        "docking_events", queryset=spacecraft_querysets.docked_now(), to_attr="docked_now"
                    )
                ),
            ),
        )
    )


def expeditions() -> QuerySet[Expedition]:
    """Expeditions in id order, with what ExpeditionSerializer reads (see `stations.querysets`)."""
    return querysets.expeditions().order_by("id")


def expeditions_detailed() -> QuerySet[Expedition]:
    """Expeditions in id order with what ExpeditionDetailedSerializer reads."""
    return expeditions().prefetch_related(
        # spacestation.owners: AgencyForStationSerializer reads no relation.
        "spacestation__owners",
        # crew: by role priority.
        Prefetch("crew", queryset=astronaut_querysets.expedition_crew()),
    )


def docking_locations() -> QuerySet[DockingLocation]:
    """Docking locations in id order with what DockingLocationSerializer reads: the station."""
    return DockingLocation.objects.select_related("spacestation").order_by("id")


def spacestation_statuses() -> QuerySet[SpaceStationStatus]:
    """Station statuses in id order (SpaceStationStatusSerializer reads no relation)."""
    return SpaceStationStatus.objects.order_by("id")
