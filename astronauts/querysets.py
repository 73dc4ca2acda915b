"""Astronaut fetch pieces that other apps' querysets reuse: the crews of flights and expeditions."""

from django.db.models import Prefetch, QuerySet

from astronauts.models import Astronaut, AstronautFlight


def crew() -> QuerySet[AstronautFlight]:
    """Crew members with what AstronautFlightSerializer reads: the role, and the astronaut with its
    type, status and agency (type)."""
    astronauts = Astronaut.objects.select_related("type", "status", "agency__type")
    return AstronautFlight.objects.select_related("role").prefetch_related(
        Prefetch("astronaut", queryset=astronauts)
    )


def expedition_crew() -> QuerySet[AstronautFlight]:
    """Crew members with what AstronautFlightForExpeditionSerializer reads: the role, and the astronaut
    with its status and agency (type)."""
    return AstronautFlight.objects.select_related("role", "astronaut__status", "astronaut__agency__type")
