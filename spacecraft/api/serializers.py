from rest_framework import serializers

from agencies.api.serializers import AgencyMiniSerializer, AgencySerializer
from astronauts.api.serializers import AstronautFlightSerializer
from launches.api.serializers import LandingSerializer, LaunchSerializer
from spacecraft.models import (
    DockingEvent,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)
from spacedevs.api.fields import DurationField, LinkField
from stations.api.serializers import DockingLocationSerializer, SpaceStationSummarySerializer


class SpacecraftConfigTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpacecraftConfigType
        fields = ["id", "name"]


class SpacecraftConfigMiniSerializer(serializers.ModelSerializer):
    """A configuration in a spacecraft of a flight list (LL2's `SpacecraftConfig`)."""

    url = LinkField("spacecraft-config-detail")
    type = SpacecraftConfigTypeSerializer()
    agency = AgencyMiniSerializer()

    class Meta:
        model = SpacecraftConfig
        fields = ["id", "url", "name", "type", "agency", "in_use", "image_url"]


class SpacecraftConfigSerializer(serializers.ModelSerializer):
    """A configuration in full (LL2's `SpacecraftConfigurationDetail`, late 2.2.0 shape)."""

    url = LinkField("spacecraft-config-detail")
    type = SpacecraftConfigTypeSerializer()
    agency = AgencySerializer()

    class Meta:
        model = SpacecraftConfig
        fields = [
            "id",
            "url",
            "name",
            "type",
            "agency",
            "in_use",
            "capability",
            "history",
            "details",
            "maiden_flight",
            "height",
            "diameter",
            "human_rated",
            "crew_capacity",
            "payload_capacity",
            "payload_return_capacity",
            "flight_life",
            "image_url",
            "nation_url",
            "wiki_link",
            "info_link",
        ]


class SpacecraftStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpacecraftStatus
        fields = ["id", "name"]


class SpacecraftSerializer(serializers.ModelSerializer):
    """A spacecraft with its full configuration and the statistics of its flights.

    The statistics are annotations of `Spacecraft.objects.with_flight_stats()`.
    """

    url = LinkField("spacecraft-detail")
    in_space = serializers.BooleanField(read_only=True)
    time_in_space = DurationField()
    time_docked = DurationField()
    flights_count = serializers.IntegerField(read_only=True)
    mission_ends_count = serializers.IntegerField(read_only=True)
    status = SpacecraftStatusSerializer()
    spacecraft_config = SpacecraftConfigSerializer()

    class Meta:
        model = Spacecraft
        fields = [
            "id",
            "url",
            "name",
            "serial_number",
            "is_placeholder",
            "in_space",
            "time_in_space",
            "time_docked",
            "flights_count",
            "mission_ends_count",
            "status",
            "description",
            "spacecraft_config",
        ]


class SpacecraftSummarySerializer(SpacecraftSerializer):
    """A spacecraft in a flight list: the same, with the configuration's summary."""

    spacecraft_config = SpacecraftConfigMiniSerializer()


class DockingEventSerializer(serializers.ModelSerializer):
    """A docking event of a flight (LL2's `DockingEventSerializerForSpacecraftFlight`)."""

    spacestation = SpaceStationSummarySerializer(source="docking_location.spacestation")
    docking_location = DockingLocationSerializer()

    class Meta:
        model = DockingEvent
        fields = ["id", "spacestation", "docking", "departure", "docking_location"]


class SpacecraftFlightSummarySerializer(serializers.ModelSerializer):
    """A flight in a list, `?mode=normal` (LL2's `SpacecraftFlight`)."""

    url = LinkField("spacecraft-flight-detail")
    spacecraft = SpacecraftSummarySerializer()
    launch = LaunchSerializer()

    class Meta:
        model = SpacecraftFlight
        fields = ["id", "url", "destination", "mission_end", "spacecraft", "launch"]


class SpacecraftFlightSerializer(serializers.ModelSerializer):
    """A flight in full: the detail, and a list with `?mode=detailed` (LL2's `SpacecraftFlightDetailed`)."""

    url = LinkField("spacecraft-flight-detail")
    launch_crew = AstronautFlightSerializer(many=True)
    onboard_crew = AstronautFlightSerializer(many=True)
    landing_crew = AstronautFlightSerializer(many=True)
    spacecraft = SpacecraftSerializer()
    launch = LaunchSerializer()
    landing = LandingSerializer()
    docking_events = DockingEventSerializer(many=True)

    class Meta:
        model = SpacecraftFlight
        fields = [
            "id",
            "url",
            "mission_end",
            "destination",
            "launch_crew",
            "onboard_crew",
            "landing_crew",
            "spacecraft",
            "launch",
            "landing",
            "docking_events",
        ]
