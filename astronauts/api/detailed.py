"""The astronaut endpoint's detailed shape: an astronaut with the launches and landings of their crews."""

from rest_framework import serializers

from agencies.api.serializers import AgencyMiniSerializer
from astronauts.api.serializers import AstronautStatusSerializer, AstronautTypeSerializer
from astronauts.models import Astronaut
from launches.api.serializers import LaunchSerializer
from spacecraft.api.serializers import SpacecraftFlightSerializer
from spacedevs.api.fields import LinkField


class AstronautDetailedSerializer(serializers.ModelSerializer):
    """An astronaut with their flights and landings: the detail, and a list with `?mode=detailed`
    (LL2's `AstronautDetailed`).

    `flights`: the launches whose launch crew lists the astronaut; `landings`: the flights whose
    landing crew lists them; both by launch NET, as `astronauts.selectors.astronauts_detailed()`
    prefetches them. `age` is an annotation of `Astronaut.objects.with_stats()`; the flight dates and
    counts are stored (README, "Stored counters").
    """

    url = LinkField("astronaut-detail")
    status = AstronautStatusSerializer()
    type = AstronautTypeSerializer()
    agency = AgencyMiniSerializer()
    age = serializers.IntegerField(read_only=True, allow_null=True)
    flights = LaunchSerializer(many=True, source="flown_launches")
    landings = SpacecraftFlightSerializer(many=True, source="landed_flights")

    class Meta:
        model = Astronaut
        fields = [
            "id",
            "url",
            "name",
            "status",
            "type",
            "agency",
            "age",
            "date_of_birth",
            "date_of_death",
            "nationality",
            "twitter",
            "instagram",
            "bio",
            "profile_image",
            "profile_image_thumbnail",
            "wiki",
            "flights",
            "landings",
            "flights_count",
            "landings_count",
            "last_flight",
            "first_flight",
        ]
