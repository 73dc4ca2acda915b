"""The spacecraft shapes other payloads embed: configurations, spacecraft, flights and docking events,
in the shapes of the spacecraft endpoints' lists and of the launches and stations that embed them."""

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
from stations.api.serializers import DockingLocationSerializer, SpaceStationForFlightSerializer


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
    """A configuration in the list of `config/spacecraft/` (LL2's `SpacecraftConfiguration`)."""

    url = LinkField("spacecraft-config-detail")
    agency = AgencySerializer()

    class Meta:
        model = SpacecraftConfig
        fields = [
            "id",
            "url",
            "name",
            "agency",
            "in_use",
            "capability",
            "maiden_flight",
            "human_rated",
            "crew_capacity",
            "image_url",
            "nation_url",
            "wiki_link",
            "info_link",
        ]


class SpacecraftConfigDetailedSerializer(serializers.ModelSerializer):
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


class SpacecraftForFlightSerializer(serializers.ModelSerializer):
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
    spacecraft_config = SpacecraftConfigDetailedSerializer()

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


class SpacecraftSerializer(SpacecraftForFlightSerializer):
    """A spacecraft in a flight list: the same, with the configuration's summary."""

    spacecraft_config = SpacecraftConfigMiniSerializer()


class DockingEventForFlightSerializer(serializers.ModelSerializer):
    """A docking event of a flight (LL2's `DockingEventSerializerForSpacecraftFlight`)."""

    spacestation = SpaceStationForFlightSerializer(source="docking_location.spacestation")
    docking_location = DockingLocationSerializer()

    class Meta:
        model = DockingEvent
        fields = ["id", "spacestation", "docking", "departure", "docking_location"]


class SpacecraftFlightSerializer(serializers.ModelSerializer):
    """A flight in a list, `?mode=normal` (LL2's `SpacecraftFlight`)."""

    url = LinkField("spacecraft-flight-detail")
    spacecraft = SpacecraftSerializer()
    launch = LaunchSerializer()

    class Meta:
        model = SpacecraftFlight
        fields = ["id", "url", "destination", "mission_end", "spacecraft", "launch"]


class SpacecraftFlightForLaunchSerializer(serializers.ModelSerializer):
    """A launch's spacecraft flight, its `rocket.spacecraft_stage` (LL2's
    `SpacecraftFlightDetailedSerializerForLaunch`, late 2.2.0 shape: the flight detail of the contract
    without its launch, so with `landing` and the spacecraft's statistics)."""

    url = LinkField("spacecraft-flight-detail")
    launch_crew = AstronautFlightSerializer(many=True)
    onboard_crew = AstronautFlightSerializer(many=True)
    landing_crew = AstronautFlightSerializer(many=True)
    spacecraft = SpacecraftForFlightSerializer()
    landing = LandingSerializer()
    docking_events = DockingEventForFlightSerializer(many=True)

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
            "landing",
            "docking_events",
        ]


class SpacecraftFlightForDockingEventSerializer(serializers.ModelSerializer):
    """The flight of a docking event in a list (LL2's `SpacecraftFlightSerializerForDockingEvent`)."""

    url = LinkField("spacecraft-flight-detail")
    spacecraft = SpacecraftSerializer()

    class Meta:
        model = SpacecraftFlight
        fields = ["id", "url", "destination", "mission_end", "spacecraft"]


class DockingEventSerializer(serializers.ModelSerializer):
    """A docking event in a list, `?mode=normal` (LL2's `DockingEvent`).

    `launch_id` is the id of the launch that carried the flight.
    """

    url = LinkField("docking-event-detail")
    launch_id = serializers.CharField(source="flight.launch_id", read_only=True)
    flight_vehicle = SpacecraftFlightForDockingEventSerializer(source="flight")
    docking_location = DockingLocationSerializer()

    class Meta:
        model = DockingEvent
        fields = ["id", "url", "launch_id", "docking", "departure", "flight_vehicle", "docking_location"]


class SpacecraftFlightForStationSerializer(serializers.ModelSerializer):
    """A flight docked at a station now (LL2's `SpacecraftFlightForDockingEvent`)."""

    url = LinkField("spacecraft-flight-detail")
    spacecraft = SpacecraftForFlightSerializer()
    launch = LaunchSerializer()

    class Meta:
        model = SpacecraftFlight
        fields = ["id", "url", "spacecraft", "launch"]


class DockingEventForStationSerializer(serializers.ModelSerializer):
    """The stay of the flight docked at a port now (LL2's `DockingEventDetailedSerializerForSpacestation`)."""

    url = LinkField("docking-event-detail")
    flight_vehicle = SpacecraftFlightForStationSerializer(source="flight")

    class Meta:
        model = DockingEvent
        fields = ["id", "url", "docking", "departure", "flight_vehicle"]
