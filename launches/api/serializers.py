from rest_framework import serializers

from agencies.api.serializers import AgencyMiniSerializer
from launches.models import (
    Landing,
    LandingLocation,
    LandingType,
    Launch,
    LauncherConfig,
    LaunchStatus,
    Location,
    Mission,
    MissionPatch,
    NetPrecision,
    Orbit,
    Pad,
    Program,
    Rocket,
)
from spacedevs.api.fields import LinkField, NameField


class LaunchStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = LaunchStatus
        fields = ["id", "name", "abbrev", "description"]


class NetPrecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = NetPrecision
        fields = ["id", "name", "abbrev", "description"]


class LauncherConfigMiniSerializer(serializers.ModelSerializer):
    """A launcher configuration in a launch (LL2's `LauncherConfigList`)."""

    url = LinkField("launcher-config-detail")

    class Meta:
        model = LauncherConfig
        fields = ["id", "url", "name", "family", "full_name", "variant"]


class RocketSerializer(serializers.ModelSerializer):
    configuration = LauncherConfigMiniSerializer()

    class Meta:
        model = Rocket
        fields = ["id", "configuration"]


class OrbitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Orbit
        fields = ["id", "name", "abbrev"]


class MissionSerializer(serializers.ModelSerializer):
    # LL2 serves a mission without a type as "".
    type = NameField(null_as="")
    orbit = OrbitSerializer()

    class Meta:
        model = Mission
        fields = ["id", "name", "description", "launch_designator", "type", "orbit"]


class LocationSerializer(serializers.ModelSerializer):
    url = LinkField("location-detail")

    class Meta:
        model = Location
        fields = [
            "id",
            "url",
            "name",
            "country_code",
            "description",
            "map_image",
            "timezone_name",
            "total_launch_count",
            "total_landing_count",
        ]


class PadSerializer(serializers.ModelSerializer):
    url = LinkField("pad-detail")
    agency_id = serializers.IntegerField(read_only=True)
    location = LocationSerializer()

    class Meta:
        model = Pad
        fields = [
            "id",
            "url",
            "agency_id",
            "name",
            "description",
            "info_url",
            "wiki_url",
            "map_url",
            "latitude",
            "longitude",
            "location",
            "country_code",
            "map_image",
            "total_launch_count",
            "orbital_launch_attempt_count",
        ]


class MissionPatchSerializer(serializers.ModelSerializer):
    agency = AgencyMiniSerializer()

    class Meta:
        model = MissionPatch
        fields = ["id", "name", "priority", "image_url", "agency"]


class ProgramSerializer(serializers.ModelSerializer):
    url = LinkField("program-detail")
    agencies = AgencyMiniSerializer(many=True)
    mission_patches = MissionPatchSerializer(many=True)

    class Meta:
        model = Program
        fields = [
            "id",
            "url",
            "name",
            "description",
            "agencies",
            "image_url",
            "start_date",
            "end_date",
            "info_url",
            "wiki_url",
            "mission_patches",
        ]


class LaunchSerializer(serializers.ModelSerializer):
    """A launch as a flight embeds it (LL2's `LaunchSerializerCommon`, late 2.2.0 shape)."""

    # LL2 names the shape of the launch object it serves: this one is its "normal" shape.
    SHAPE = "normal"

    url = LinkField("launch-detail")
    status = LaunchStatusSerializer()
    net_precision = NetPrecisionSerializer()
    launch_service_provider = AgencyMiniSerializer()
    rocket = RocketSerializer()
    mission = MissionSerializer()
    pad = PadSerializer()
    program = ProgramSerializer(many=True)
    type = serializers.SerializerMethodField()

    class Meta:
        model = Launch
        fields = [
            "id",
            "url",
            "slug",
            "name",
            "status",
            "last_updated",
            "net",
            "window_end",
            "window_start",
            "net_precision",
            "probability",
            "weather_concerns",
            "holdreason",
            "failreason",
            "hashtag",
            "launch_service_provider",
            "rocket",
            "mission",
            "pad",
            "webcast_live",
            "image",
            "infographic",
            "program",
            "orbital_launch_attempt_count",
            "location_launch_attempt_count",
            "pad_launch_attempt_count",
            "agency_launch_attempt_count",
            "orbital_launch_attempt_count_year",
            "location_launch_attempt_count_year",
            "pad_launch_attempt_count_year",
            "agency_launch_attempt_count_year",
            "type",
        ]

    def get_type(self, launch):
        return self.SHAPE


class LandingTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = LandingType
        fields = ["id", "name", "abbrev", "description"]


class LandingLocationSerializer(serializers.ModelSerializer):
    location = LocationSerializer()

    class Meta:
        model = LandingLocation
        fields = ["id", "name", "abbrev", "description", "location", "successful_landings"]


class LandingSerializer(serializers.ModelSerializer):
    location = LandingLocationSerializer()
    type = LandingTypeSerializer()

    class Meta:
        model = Landing
        fields = ["id", "attempt", "success", "description", "downrange_distance", "location", "type"]
