from rest_framework import serializers

from spacedevs.api.fields import LinkField, NameField
from stations.models import DockingLocation, SpaceStation, SpaceStationStatus


class SpaceStationStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpaceStationStatus
        fields = ["id", "name"]


class SpaceStationMiniSerializer(serializers.ModelSerializer):
    """A station named by a docking location (LL2's `SpaceStationSerializerForDocking`)."""

    url = LinkField("spacestation-detail")

    class Meta:
        model = SpaceStation
        fields = ["id", "url", "name"]


class SpaceStationSummarySerializer(serializers.ModelSerializer):
    """A station as a docking event embeds it (LL2's `SpaceStationSerializerForCommon`)."""

    url = LinkField("spacestation-detail")
    status = SpaceStationStatusSerializer()
    orbit = NameField()

    class Meta:
        model = SpaceStation
        fields = ["id", "url", "name", "status", "founded", "description", "orbit", "image_url"]


class DockingLocationSerializer(serializers.ModelSerializer):
    spacestation = SpaceStationMiniSerializer()

    class Meta:
        model = DockingLocation
        fields = ["id", "name", "spacestation"]
