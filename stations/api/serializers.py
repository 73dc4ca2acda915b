"""The station shapes other payloads embed, and the station endpoints' normal shapes."""

from rest_framework import serializers

from agencies.api.serializers import AgencyForStationSerializer
from launches.api.serializers import MissionPatchSerializer
from spacedevs.api.fields import LinkField, NameField
from stations.models import DockingLocation, Expedition, SpaceStation, SpaceStationStatus, SpaceStationType


class SpaceStationStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpaceStationStatus
        fields = ["id", "name"]


class SpaceStationTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpaceStationType
        fields = ["id", "name"]


class SpaceStationMiniSerializer(serializers.ModelSerializer):
    """A station named by a docking location (LL2's `SpaceStationSerializerForDocking`)."""

    url = LinkField("spacestation-detail")

    class Meta:
        model = SpaceStation
        fields = ["id", "url", "name"]


class SpaceStationForFlightSerializer(serializers.ModelSerializer):
    """A station as a docking event embeds it (LL2's `SpaceStationSerializerForCommon`)."""

    url = LinkField("spacestation-detail")
    status = SpaceStationStatusSerializer()
    orbit = NameField()

    class Meta:
        model = SpaceStation
        fields = ["id", "url", "name", "status", "founded", "description", "orbit", "image_url"]


class SpaceStationForDockingEventSerializer(serializers.ModelSerializer):
    """The station of a docking event's detail (LL2's `SpaceStationSerializerForDockingEvent`)."""

    url = LinkField("spacestation-detail")

    class Meta:
        model = SpaceStation
        fields = ["id", "url", "name", "image_url"]


class SpaceStationForExpeditionSerializer(serializers.ModelSerializer):
    """The station of an expedition in a list (LL2's `SpaceStationSerializerForExpedition`)."""

    url = LinkField("spacestation-detail")
    status = SpaceStationStatusSerializer()
    orbit = NameField()

    class Meta:
        model = SpaceStation
        fields = ["id", "url", "name", "status", "orbit", "image_url"]


class DockingLocationSerializer(serializers.ModelSerializer):
    spacestation = SpaceStationMiniSerializer()

    class Meta:
        model = DockingLocation
        fields = ["id", "name", "spacestation"]


class ExpeditionMiniSerializer(serializers.ModelSerializer):
    """An active expedition in a station list (LL2's `ExpeditionSerializerForSpacestation`)."""

    url = LinkField("expedition-detail")

    class Meta:
        model = Expedition
        fields = ["id", "url", "name", "start", "end"]


class SpaceStationSerializer(serializers.ModelSerializer):
    """A station in a list, `?mode=normal` (LL2's `SpaceStation`).

    `active_expedition` lists the expeditions under way, prefetched by `stations.selectors.spacestations`.
    """

    url = LinkField("spacestation-detail")
    status = SpaceStationStatusSerializer()
    type = SpaceStationTypeSerializer()
    orbit = NameField()
    owners = AgencyForStationSerializer(many=True)
    active_expedition = ExpeditionMiniSerializer(source="active_expeditions", many=True)

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
            "description",
            "orbit",
            "owners",
            "active_expedition",
            "image_url",
        ]


class ExpeditionSerializer(serializers.ModelSerializer):
    """An expedition in a list, `?mode=normal` (LL2's `Expedition`)."""

    url = LinkField("expedition-detail")
    spacestation = SpaceStationForExpeditionSerializer()
    mission_patches = MissionPatchSerializer(many=True)

    class Meta:
        model = Expedition
        fields = ["id", "url", "name", "start", "end", "spacestation", "mission_patches"]
