"""Querysets that fetch, in a fixed number of queries, everything the station serializers read.

The detailed shapes (a station's docked flights, an expedition's crew) are built on these in
`spacecraft.selectors`, where flights and astronauts are visible.
"""

from django.db.models import Prefetch, QuerySet

from launches.models import MissionPatch
from stations.models import Expedition, SpaceStation


def spacestations() -> QuerySet[SpaceStation]:
    """Stations in id order, with what `SpaceStationSerializer` reads."""
    return (
        SpaceStation.objects.order_by("id")
        # status, type, orbit (its name).
        .select_related("status", "type", "orbit")
        .prefetch_related(
            # owners: AgencyListSerializer reads no relation.
            "owners",
            # active_expedition: the expeditions under way, by start.
            Prefetch(
                "expeditions",
                queryset=Expedition.objects.active().order_by("start", "id"),
                to_attr="active_expeditions",
            ),
        )
    )


def expeditions() -> QuerySet[Expedition]:
    """Expeditions in id order, with what `ExpeditionSerializer` reads."""
    return (
        Expedition.objects.order_by("id")
        # spacestation: its status and orbit.
        .select_related("spacestation__status", "spacestation__orbit")
        # mission_patches: each with its agency (and the agency's type).
        .prefetch_related(
            Prefetch("mission_patches", queryset=MissionPatch.objects.select_related("agency__type"))
        )
    )
