"""The astronaut shapes other payloads embed (crews), and the astronaut endpoint's list and normal shapes."""

from rest_framework import serializers

from agencies.api.serializers import AgencyMiniSerializer, AgencySerializer
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


class AstronautForFlightSerializer(serializers.ModelSerializer):
    """An astronaut without their flights (LL2's `AstronautDetailedSerializerNoFlights`)."""

    url = LinkField("astronaut-detail")
    type = AstronautTypeSerializer()
    status = AstronautStatusSerializer()
    agency = AgencyMiniSerializer()

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
    astronaut = AstronautForFlightSerializer()

    class Meta:
        model = AstronautFlight
        fields = ["id", "role", "astronaut"]


class AstronautListSerializer(serializers.ModelSerializer):
    """An astronaut in a list, `?mode=list`, and in an expedition's crew (LL2's `Astronaut`)."""

    url = LinkField("astronaut-detail")
    status = AstronautStatusSerializer()
    agency = AgencyMiniSerializer()

    class Meta:
        model = Astronaut
        fields = ["id", "url", "name", "status", "agency", "profile_image", "profile_image_thumbnail"]


class AstronautFlightForExpeditionSerializer(serializers.ModelSerializer):
    """A member of an expedition's crew: role and astronaut (LL2's `AstronautFlightForExpedition`)."""

    role = AstronautRoleSerializer()
    astronaut = AstronautListSerializer()

    class Meta:
        model = AstronautFlight
        fields = ["id", "role", "astronaut"]


class AstronautSerializer(serializers.ModelSerializer):
    """An astronaut in a list, `?mode=normal` (LL2's `AstronautNormal`).

    `age` is an annotation of `Astronaut.objects.with_stats()`; the flight dates and counts are stored.
    """

    url = LinkField("astronaut-detail")
    status = AstronautStatusSerializer()
    type = AstronautTypeSerializer()
    age = serializers.IntegerField(read_only=True, allow_null=True)
    agency = AgencySerializer()

    class Meta:
        model = Astronaut
        fields = [
            "id",
            "url",
            "name",
            "status",
            "type",
            "age",
            "date_of_birth",
            "date_of_death",
            "nationality",
            "bio",
            "twitter",
            "instagram",
            "wiki",
            "agency",
            "profile_image",
            "profile_image_thumbnail",
            "flights_count",
            "landings_count",
            "last_flight",
            "first_flight",
        ]
