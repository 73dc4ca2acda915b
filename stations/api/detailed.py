"""The station endpoints' detailed shapes: a station with its crews and docked flights, an expedition
with its crew."""

from rest_framework import serializers

from agencies.api.serializers import AgencyForStationSerializer, AgencySerializer
from astronauts.api.serializers import AstronautFlightForExpeditionSerializer
from launches.api.serializers import MissionPatchSerializer
from spacecraft.api.serializers import DockingEventForStationSerializer
from spacedevs.api.fields import FirstItemField, LinkField, NameField
from stations.api.serializers import SpaceStationStatusSerializer, SpaceStationTypeSerializer
from stations.models import DockingLocation, Expedition, SpaceStation


class DockingLocationForStationSerializer(serializers.ModelSerializer):
    """A port of a station with what is docked there now, or null (LL2's
    `DockingLocationSerializerForSpacestation`).

    `docked_now` is the port's docking events under way, prefetched by
    `stations.selectors.spacestations_detailed`; at most one holds a port at a time.
    """

    docked = FirstItemField(DockingEventForStationSerializer(), source="docked_now")

    class Meta:
        model = DockingLocation
        fields = ["id", "name", "docked"]


class ExpeditionForStationSerializer(serializers.ModelSerializer):
    """An active expedition in a station's detail, with its crew
    (LL2's `ExpeditionDetailedSerializerForSpacestation`)."""

    url = LinkField("expedition-detail")
    crew = AstronautFlightForExpeditionSerializer(many=True)

    class Meta:
        model = Expedition
        fields = ["id", "url", "name", "start", "end", "crew"]


class SpaceStationDetailedSerializer(serializers.ModelSerializer):
    """A station in full: the detail, and a list with `?mode=detailed` (LL2's `SpaceStationDetailed`).

    `onboard_crew` and `docked_vehicles` are annotations, `active_expeditions` and each port's
    `docked_now` prefetches, of `stations.selectors.spacestations_detailed`.
    """

    url = LinkField("spacestation-detail")
    status = SpaceStationStatusSerializer()
    type = SpaceStationTypeSerializer()
    orbit = NameField()
    onboard_crew = serializers.IntegerField(read_only=True)
    docked_vehicles = serializers.IntegerField(read_only=True)
    owners = AgencySerializer(many=True)
    active_expeditions = ExpeditionForStationSerializer(many=True)
    docking_location = DockingLocationForStationSerializer(source="docking_locations", many=True)

    class Meta:
        model = SpaceStation
        fields = [
            "id",
            "url",
            "name",
            "status",
            "type",
            "founded",
            "deorbited",
            "height",
            "width",
            "mass",
            "volume",
            "description",
            "orbit",
            "onboard_crew",
            "docked_vehicles",
            "owners",
            "active_expeditions",
            "docking_location",
            "image_url",
        ]


class SpaceStationForExpeditionDetailedSerializer(serializers.ModelSerializer):
    """The station of an expedition's detail (LL2's `SpaceStationDetailedSerializerForExpedition`)."""

    url = LinkField("spacestation-detail")
    status = SpaceStationStatusSerializer()
    orbit = NameField()
    owners = AgencyForStationSerializer(many=True)

    class Meta:
        model = SpaceStation
        fields = ["id", "url", "name", "status", "founded", "description", "orbit", "image_url", "owners"]


class ExpeditionDetailedSerializer(serializers.ModelSerializer):
    """An expedition in full: the detail, and a list with `?mode=detailed` (LL2's `ExpeditionDetail`)."""

    url = LinkField("expedition-detail")
    spacestation = SpaceStationForExpeditionDetailedSerializer()
    crew = AstronautFlightForExpeditionSerializer(many=True)
    mission_patches = MissionPatchSerializer(many=True)

    class Meta:
        model = Expedition
        fields = ["id", "url", "name", "start", "end", "spacestation", "crew", "mission_patches"]
