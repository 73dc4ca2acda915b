from rest_framework import serializers

from agencies.api.serializers import AgencyMiniSerializer
from astronauts.models import Astronaut, AstronautFlight, AstronautRole, AstronautStatus, AstronautType
from spacedevs.api.fields import LinkField


class AstronautStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = AstronautStatus
        fields = ["id", "name"]


class AstronautTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AstronautType
        fields = ["id", "name"]


class AstronautRoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = AstronautRole
        fields = ["id", "role", "priority"]


class AstronautSerializer(serializers.ModelSerializer):
    """An astronaut without their flights (LL2's `AstronautDetailedSerializerNoFlights`).

    `first_flight` and `last_flight` are annotations of `Astronaut.objects.with_flight_dates()`.
    """

    url = LinkField("astronaut-detail")
    type = AstronautTypeSerializer()
    status = AstronautStatusSerializer()
    agency = AgencyMiniSerializer()
    last_flight = serializers.DateTimeField(read_only=True)
    first_flight = serializers.DateTimeField(read_only=True)

    class Meta:
        model = Astronaut
        fields = [
            "id",
            "url",
            "name",
            "type",
            "status",
            "agency",
            "date_of_birth",
            "date_of_death",
            "nationality",
            "twitter",
            "instagram",
            "bio",
            "profile_image",
            "wiki",
            "last_flight",
            "first_flight",
        ]


class AstronautFlightSerializer(serializers.ModelSerializer):
    """One crew member of a flight: the role and the astronaut."""

    role = AstronautRoleSerializer()
    astronaut = AstronautSerializer()

    class Meta:
        model = AstronautFlight
        fields = ["id", "role", "astronaut"]
