"""Station fetch pieces that other apps' querysets reuse: a station's and an expedition's summaries."""

from django.db.models import Prefetch, QuerySet

from launches.querysets import mission_patches
from stations.models import Expedition, SpaceStation


def spacestations_for_flight() -> QuerySet[SpaceStation]:
    """Stations with what SpaceStationForFlightSerializer reads: status and orbit (its name)."""
    return SpaceStation.objects.select_related("status", "orbit")


def expeditions() -> QuerySet[Expedition]:
    """Expeditions with what ExpeditionSerializer reads: the station (status and orbit) and the mission
    patches (each with its agency)."""
    return Expedition.objects.select_related("spacestation__status", "spacestation__orbit").prefetch_related(
        Prefetch("mission_patches", queryset=mission_patches())
    )
