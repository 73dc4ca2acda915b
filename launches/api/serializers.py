"""The launch shapes other payloads embed (a launch, its pad, mission, programmes, landing...), and the
launch endpoints' list and normal shapes."""

from rest_framework import serializers

from agencies.api.serializers import AgencyMiniSerializer, AgencySerializer
from launches.models import (
    FirstStageType,
    InfoURL,
    Landing,
    LandingLocation,
    LandingType,
    Launch,
    Launcher,
    LauncherConfig,
    LaunchStatus,
    Location,
    Mission,
    MissionPatch,
    MissionType,
    NetPrecision,
    Orbit,
    Pad,
    Program,
    Rocket,
    Update,
    VidURL,
)
from spacedevs.api.fields import ConstantField, LinkField, NameField


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


class PadForLocationSerializer(serializers.ModelSerializer):
    """A pad in its location's detail (LL2's `PadSerializerNoLocation`, late 2.2.0 shape, with the
    `description` that LL2's pads carry since, where PadSerializer has it)."""

    url = LinkField("pad-detail")
    agency_id = serializers.IntegerField(read_only=True)

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
            "country_code",
            "map_image",
            "total_launch_count",
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


class LauncherConfigSerializer(serializers.ModelSerializer):
    """A configuration in a list, `?mode=normal` (LL2's `LauncherConfig`)."""

    url = LinkField("launcher-config-detail")
    manufacturer = AgencySerializer()
    program = ProgramSerializer(many=True)

    class Meta:
        model = LauncherConfig
        fields = [
            "id",
            "url",
            "name",
            "manufacturer",
            "program",
            "family",
            "full_name",
            "variant",
            "reusable",
            "image_url",
            "info_url",
            "wiki_url",
        ]


class LaunchSerializer(serializers.ModelSerializer):
    """A launch as a flight embeds it (LL2's `LaunchSerializerCommon`, late 2.2.0 shape)."""

    url = LinkField("launch-detail")
    status = LaunchStatusSerializer()
    net_precision = NetPrecisionSerializer()
    launch_service_provider = AgencyMiniSerializer()
    rocket = RocketSerializer()
    mission = MissionSerializer()
    pad = PadSerializer()
    program = ProgramSerializer(many=True)
    # LL2 names the shape of the launch object it serves: this one is its "normal" shape.
    type = ConstantField("normal")

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


class LauncherConfigForAgencySerializer(serializers.ModelSerializer):
    """A configuration in an agency's `launcher_list` (LL2's `LauncherConfigDetailSerializerForAgency`,
    with the `launch_library_id` that real payloads carry)."""

    url = LinkField("launcher-config-detail")
    consecutive_successful_launches = serializers.IntegerField(read_only=True)
    successful_launches = serializers.IntegerField(read_only=True)
    failed_launches = serializers.IntegerField(read_only=True)
    pending_launches = serializers.IntegerField(read_only=True)

    class Meta:
        model = LauncherConfig
        fields = [
            "id",
            "launch_library_id",
            "url",
            "name",
            "description",
            "family",
            "full_name",
            "variant",
            "alias",
            "min_stage",
            "max_stage",
            "length",
            "diameter",
            "maiden_flight",
            "launch_mass",
            "leo_capacity",
            "gto_capacity",
            "to_thrust",
            "apogee",
            "vehicle_range",
            "image_url",
            "info_url",
            "wiki_url",
            "consecutive_successful_launches",
            "successful_launches",
            "failed_launches",
            "pending_launches",
        ]


class LaunchListSerializer(serializers.ModelSerializer):
    """A launch in a list, `?mode=list`: LL2's short launch (`LaunchListSerializer`, late 2.2.0 shape).

    LL2's schema gives every mode the `LaunchSerializerCommon` component and documents this shape
    nowhere; it is what LL2's `mode=list` serves: the launch's own fields, then its relations flattened
    to names: `lsp_name` (provider), `mission`, `mission_type`, `pad`, `location` (the pad's) and `orbit`
    (the mission's, by name), and a summary of its boosters, `landing`, `landing_success` and `launcher`
    (annotations of `Launch.objects.with_stage_summary()`); `type` names the shape, "list".
    """

    url = LinkField("launch-detail")
    status = LaunchStatusSerializer()
    net_precision = NetPrecisionSerializer()
    lsp_name = NameField(source="launch_service_provider")
    mission = NameField()
    mission_type = NameField(source="mission.type", allow_null=True)
    pad = NameField()
    location = NameField(source="pad.location", allow_null=True)
    landing = serializers.CharField(source="stages_landing", read_only=True, allow_null=True)
    landing_success = serializers.IntegerField(
        source="stages_landing_success", read_only=True, allow_null=True
    )
    launcher = serializers.CharField(source="stages_launcher", read_only=True, allow_null=True)
    orbit = NameField(source="mission.orbit", allow_null=True)
    type = ConstantField("list")

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
            "holdreason",
            "failreason",
            "hashtag",
            "lsp_name",
            "mission",
            "mission_type",
            "pad",
            "location",
            "landing",
            "landing_success",
            "launcher",
            "orbit",
            "image",
            "infographic",
            "type",
        ]


class InfoURLSerializer(serializers.ModelSerializer):
    class Meta:
        model = InfoURL
        fields = ["priority", "title", "description", "feature_image", "url"]


class VidURLSerializer(serializers.ModelSerializer):
    class Meta:
        model = VidURL
        fields = ["priority", "title", "description", "feature_image", "url"]


class UpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Update
        fields = ["id", "profile_image", "comment", "info_url", "created_by", "created_on"]


class LauncherSerializer(serializers.ModelSerializer):
    """A booster in a list (LL2's `Launcher`), with the annotations of
    `Launcher.objects.with_flight_stats()`."""

    url = LinkField("launcher-detail")
    launcher_config = LauncherConfigMiniSerializer()
    flights = serializers.IntegerField(read_only=True)
    last_launch_date = serializers.DateTimeField(read_only=True, allow_null=True)
    first_launch_date = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = Launcher
        fields = [
            "id",
            "url",
            "flight_proven",
            "serial_number",
            "status",
            "details",
            "launcher_config",
            "image_url",
            "flights",
            "last_launch_date",
            "first_launch_date",
        ]


class FirstStageTypeSerializer(serializers.ModelSerializer):
    """A booster role in `config/firststagetype/` (LL2's `FirstStageType`; a stage serves it by name)."""

    class Meta:
        model = FirstStageType
        fields = ["id", "name"]


class MissionTypeSerializer(serializers.ModelSerializer):
    """A mission type in `config/missiontype/` (LL2's `MissionType`; a mission serves it by name)."""

    class Meta:
        model = MissionType
        fields = ["id", "name"]
