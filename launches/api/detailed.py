"""The launch endpoints' detailed shapes: a launch with its rocket's configuration, boosters and
spacecraft stage; a booster, a launcher configuration and a location in full."""

from django.db.models import F
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agencies.api.serializers import AgencyForLaunchSerializer
from launches.api.serializers import (
    InfoURLSerializer,
    LandingSerializer,
    LauncherSerializer,
    LaunchStatusSerializer,
    MissionPatchSerializer,
    MissionSerializer,
    NetPrecisionSerializer,
    PadForLocationSerializer,
    PadSerializer,
    ProgramSerializer,
    UpdateSerializer,
    VidURLSerializer,
)
from launches.models import FirstStage, Launch, Launcher, LauncherConfig, Location, Rocket
from spacecraft.api.serializers import SpacecraftFlightForLaunchSerializer
from spacedevs.api import sqljson
from spacedevs.api.fields import ConstantField, FirstItemField, LinkField, NameField, WholeDaysField


class LauncherConfigDetailedSerializer(serializers.ModelSerializer):
    """A configuration in full: the detail, a list with `?mode=detailed` and a launch detail's
    `rocket.configuration` (LL2's `LauncherConfigDetail`, late 2.2.0 shape: `active` and `reusable` after
    `name`)."""

    url = LinkField("launcher-config-detail")
    manufacturer = AgencyForLaunchSerializer()
    program = ProgramSerializer(many=True)
    total_launch_count = serializers.IntegerField(read_only=True)
    consecutive_successful_launches = serializers.IntegerField(read_only=True)
    successful_launches = serializers.IntegerField(read_only=True)
    failed_launches = serializers.IntegerField(read_only=True)
    pending_launches = serializers.IntegerField(read_only=True)

    class Meta:
        model = LauncherConfig
        fields = [
            "id",
            "url",
            "name",
            "active",
            "reusable",
            "description",
            "family",
            "full_name",
            "manufacturer",
            "program",
            "variant",
            "alias",
            "min_stage",
            "max_stage",
            "length",
            "diameter",
            "maiden_flight",
            "launch_cost",
            "launch_mass",
            "leo_capacity",
            "gto_capacity",
            "to_thrust",
            "apogee",
            "vehicle_range",
            "image_url",
            "info_url",
            "wiki_url",
            "total_launch_count",
            "consecutive_successful_launches",
            "successful_launches",
            "failed_launches",
            "pending_launches",
        ]


class LauncherDetailedSerializer(LauncherSerializer):
    """A booster in full (LL2's `LauncherDetail`): its configuration in full, and its landings."""

    launcher_config = LauncherConfigDetailedSerializer()
    successful_landings = serializers.IntegerField(read_only=True)
    attempted_landings = serializers.IntegerField(read_only=True)

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
            "successful_landings",
            "attempted_landings",
            "flights",
            "last_launch_date",
            "first_launch_date",
        ]


class LocationDetailedSerializer(serializers.ModelSerializer):
    """A location with its pads (LL2's `LocationDetail`: no `url`; `description` and `timezone_name` where
    the contract's location has them)."""

    pads = PadForLocationSerializer(many=True)

    class Meta:
        model = Location
        fields = [
            "id",
            "name",
            "country_code",
            "description",
            "map_image",
            "timezone_name",
            "total_launch_count",
            "total_landing_count",
            "pads",
        ]


class LauncherForStageSerializer(serializers.ModelSerializer):
    """A booster as a launch's stage embeds it (LL2's `LauncherDetailed`). Its flights, landings and
    launch dates are annotations of `Launcher.objects.with_flight_stats()`."""

    url = LinkField("launcher-detail")
    successful_landings = serializers.IntegerField(read_only=True)
    attempted_landings = serializers.IntegerField(read_only=True)
    flights = serializers.IntegerField(read_only=True)
    last_launch_date = serializers.DateTimeField(read_only=True, allow_null=True)
    first_launch_date = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = Launcher
        fields = [
            "id",
            "url",
            "details",
            "flight_proven",
            "serial_number",
            "status",
            "image_url",
            "successful_landings",
            "attempted_landings",
            "flights",
            "last_launch_date",
            "first_launch_date",
        ]


@extend_schema_field(
    {
        "type": "object",
        "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}},
        "required": ["id", "name"],
        "additionalProperties": False,
    }
)
class PreviousFlightField(serializers.Field):
    """A stage's `previous_flight` (LL2's `LaunchSerializerMini`: id and name), from the annotations of
    `FirstStage.objects.with_previous_flight()`; null for a booster's first flight."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, stage):
        if stage.previous_flight_id is None:
            return None
        return {"id": str(stage.previous_flight_id), "name": stage.previous_flight_name}

    def sql_json(self):
        """The same JSON text, written by PostgreSQL (`spacedevs.api.sqljson`)."""
        key = F("previous_flight_id")
        return sqljson.template(
            """CASE WHEN %(0)s IS NULL THEN 'null'"""
            """ ELSE '{"id":' || %(1)s || ',"name":' || %(2)s || '}' END""",
            key,
            sqljson.text_json(key),
            sqljson.text_json(F("previous_flight_name")),
        )


class FirstStageSerializer(serializers.ModelSerializer):
    """A booster on a launch's rocket (LL2's `FirstStage`). Its previous flight, that flight's date and
    the turnaround since are annotations of `FirstStage.objects.with_previous_flight()`."""

    type = NameField()
    launcher = LauncherForStageSerializer()
    landing = LandingSerializer()
    previous_flight_date = serializers.DateTimeField(read_only=True, allow_null=True)
    # Whole days, as LL2 counts them.
    turn_around_time_days = WholeDaysField(source="turn_around_time", allow_null=True)
    previous_flight = PreviousFlightField()

    class Meta:
        model = FirstStage
        fields = [
            "id",
            "type",
            "reused",
            "launcher_flight_number",
            "launcher",
            "landing",
            "previous_flight_date",
            "turn_around_time_days",
            "previous_flight",
        ]


class RocketDetailedSerializer(serializers.ModelSerializer):
    """A launch's rocket in full (LL2's `RocketDetailed`): configuration, boosters and spacecraft flight.

    LL2 2.2.0 serves one spacecraft flight per launch, or null when it carries none: the first by id of
    the launch's `stage_flights`, as `launches.selectors.launches_detailed()` prefetches them.
    """

    configuration = LauncherConfigDetailedSerializer()
    launcher_stage = FirstStageSerializer(many=True, source="launcher_stages")
    spacecraft_stage = FirstItemField(SpacecraftFlightForLaunchSerializer(), source="launch.stage_flights")

    class Meta:
        model = Rocket
        fields = ["id", "configuration", "launcher_stage", "spacecraft_stage"]


class LaunchDetailedSerializer(serializers.ModelSerializer):
    """A launch in full: the detail, and a list with `?mode=detailed` (LL2's `LaunchDetailed`, late 2.2.0
    shape: `net_precision` and `weather_concerns` where the normal shape has them, `type` last)."""

    url = LinkField("launch-detail")
    status = LaunchStatusSerializer()
    updates = UpdateSerializer(many=True)
    net_precision = NetPrecisionSerializer()
    launch_service_provider = AgencyForLaunchSerializer()
    rocket = RocketDetailedSerializer()
    mission = MissionSerializer()
    pad = PadSerializer()
    infoURLs = InfoURLSerializer(many=True, source="info_urls")
    vidURLs = VidURLSerializer(many=True, source="vid_urls")
    program = ProgramSerializer(many=True)
    mission_patches = MissionPatchSerializer(many=True)
    # LL2 names the shape of the launch object it serves.
    type = ConstantField("detailed")

    class Meta:
        model = Launch
        fields = [
            "id",
            "url",
            "slug",
            "flightclub_url",
            "r_spacex_api_id",
            "name",
            "status",
            "last_updated",
            "updates",
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
            "infoURLs",
            "vidURLs",
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
            "mission_patches",
            "type",
        ]
