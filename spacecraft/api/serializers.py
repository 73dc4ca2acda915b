from rest_framework import serializers

from agencies.api.serializers import AgencyDetailedCommonSerializer, AgencyMiniSerializer, AgencySerializer
from agencies.models import Agency
from astronauts.api.serializers import (
    AstronautFlightForExpeditionSerializer,
    AstronautFlightSerializer,
    AstronautStatusSerializer,
    AstronautTypeSerializer,
)
from astronauts.models import Astronaut
from launches.api.serializers import (
    FirstStageSerializer,
    InfoURLSerializer,
    LandingSerializer,
    LauncherConfigDetailSerializer,
    LauncherConfigForAgencySerializer,
    LaunchSerializer,
    LaunchStatusSerializer,
    MissionPatchSerializer,
    MissionSerializer,
    NetPrecisionSerializer,
    PadSerializer,
    ProgramSerializer,
    UpdateSerializer,
    VidURLSerializer,
)
from launches.models import Launch, Rocket
from spacecraft.models import (
    DockingEvent,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)
from spacedevs.api.fields import DurationField, LinkField, NameField
from stations.api.serializers import (
    DockingLocationSerializer,
    SpaceStationDetailedForExpeditionSerializer,
    SpaceStationForDockingEventSerializer,
    SpaceStationStatusSerializer,
    SpaceStationSummarySerializer,
    SpaceStationTypeSerializer,
)
from stations.models import DockingLocation, Expedition, SpaceStation


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


class AgencyDetailedSerializer(serializers.ModelSerializer):
    """An agency in full: the detail, and a list with `?mode=detailed` (LL2's `AgencySerializerDetailed`).

    Here rather than in agencies/ because its `spacecraft_list` embeds spacecraft configurations; its
    queryset is `spacecraft.selectors.agencies_detailed()`. The counters are stored (see `Agency`).
    """

    url = LinkField("agency-detail")
    type = NameField()
    parent = NameField()
    launcher_list = LauncherConfigForAgencySerializer(many=True, source="launcher_configs")
    spacecraft_list = SpacecraftConfigSerializer(many=True, source="spacecraft_configs")

    class Meta:
        model = Agency
        fields = [
            "id",
            "url",
            "name",
            "featured",
            "type",
            "country_code",
            "abbrev",
            "description",
            "administrator",
            "founding_year",
            "launchers",
            "spacecraft",
            "parent",
            "launch_library_url",
            "total_launch_count",
            "successful_launches",
            "consecutive_successful_launches",
            "failed_launches",
            "pending_launches",
            "successful_landings",
            "failed_landings",
            "attempted_landings",
            "consecutive_successful_landings",
            "info_url",
            "wiki_url",
            "logo_url",
            "image_url",
            "nation_url",
            "launcher_list",
            "spacecraft_list",
        ]


class DockingEventFlightSerializer(serializers.ModelSerializer):
    """The flight of a docking event in a list (LL2's `SpacecraftFlightSerializerForDockingEvent`)."""

    url = LinkField("spacecraft-flight-detail")
    spacecraft = SpacecraftSummarySerializer()

    class Meta:
        model = SpacecraftFlight
        fields = ["id", "url", "destination", "mission_end", "spacecraft"]


class DockingEventFlightDetailedSerializer(DockingEventFlightSerializer):
    """The flight of a docking event's detail: the same, with the spacecraft in full
    (LL2's `SpacecraftFlightSerializerForDockingEventDetailed`)."""

    spacecraft = SpacecraftSerializer()


class DockingEventSummarySerializer(serializers.ModelSerializer):
    """A docking event in a list, `?mode=normal` (LL2's `DockingEvent`).

    `launch_id` is the id of the launch that carried the flight.
    """

    url = LinkField("docking-event-detail")
    launch_id = serializers.CharField(source="flight.launch_id", read_only=True)
    flight_vehicle = DockingEventFlightSerializer(source="flight")
    docking_location = DockingLocationSerializer()

    class Meta:
        model = DockingEvent
        fields = ["id", "url", "launch_id", "docking", "departure", "flight_vehicle", "docking_location"]


class DockingEventDetailedSerializer(DockingEventSummarySerializer):
    """A docking event in full: the detail, and a list with `?mode=detailed` (LL2's
    `DockingEventDetailed`)."""

    flight_vehicle = DockingEventFlightDetailedSerializer(source="flight")
    space_station = SpaceStationForDockingEventSerializer(source="docking_location.spacestation")

    class Meta(DockingEventSummarySerializer.Meta):
        fields = [*DockingEventSummarySerializer.Meta.fields, "space_station"]


class DockedFlightSerializer(serializers.ModelSerializer):
    """A flight docked at a station now (LL2's `SpacecraftFlightForDockingEvent`)."""

    url = LinkField("spacecraft-flight-detail")
    spacecraft = SpacecraftSerializer()
    launch = LaunchSerializer()

    class Meta:
        model = SpacecraftFlight
        fields = ["id", "url", "spacecraft", "launch"]


class DockedEventSerializer(serializers.ModelSerializer):
    """The stay of the flight docked at a port now (LL2's `DockingEventDetailedSerializerForSpacestation`)."""

    url = LinkField("docking-event-detail")
    flight_vehicle = DockedFlightSerializer(source="flight")

    class Meta:
        model = DockingEvent
        fields = ["id", "url", "docking", "departure", "flight_vehicle"]


class StationDockingLocationSerializer(serializers.ModelSerializer):
    """A port of a station with what is docked there now, or null (LL2's
    `DockingLocationSerializerForSpacestation`).

    `docked_now` is prefetched by `spacecraft.selectors.spacestations_detailed`.
    """

    docked = serializers.SerializerMethodField()

    class Meta:
        model = DockingLocation
        fields = ["id", "name", "docked"]

    def get_docked(self, location):
        events = location.docked_now
        return DockedEventSerializer(events[0], context=self.context).data if events else None


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
    `docked_now` prefetches, of `spacecraft.selectors.spacestations_detailed`.
    """

    url = LinkField("spacestation-detail")
    status = SpaceStationStatusSerializer()
    type = SpaceStationTypeSerializer()
    orbit = NameField()
    onboard_crew = serializers.IntegerField(read_only=True)
    docked_vehicles = serializers.IntegerField(read_only=True)
    owners = AgencySerializer(many=True)
    active_expeditions = ExpeditionForStationSerializer(many=True)
    docking_location = StationDockingLocationSerializer(source="docking_locations", many=True)

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


class ExpeditionDetailedSerializer(serializers.ModelSerializer):
    """An expedition in full: the detail, and a list with `?mode=detailed` (LL2's `ExpeditionDetail`)."""

    url = LinkField("expedition-detail")
    spacestation = SpaceStationDetailedForExpeditionSerializer()
    crew = AstronautFlightForExpeditionSerializer(many=True)
    mission_patches = MissionPatchSerializer(many=True)

    class Meta:
        model = Expedition
        fields = ["id", "url", "name", "start", "end", "spacestation", "crew", "mission_patches"]


class SpacecraftConfigListSerializer(serializers.ModelSerializer):
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


class SpacecraftDetailedSerializer(SpacecraftSerializer):
    """A spacecraft in full with its flights, in id order (LL2's `SpacecraftDetailed`, late 2.2.0 shape).

    `flights` reads the prefetched `flights` of `selectors.spacecraft_with_flights()`.
    """

    flights = SpacecraftFlightSummarySerializer(many=True)

    class Meta(SpacecraftSerializer.Meta):
        fields = [*SpacecraftSerializer.Meta.fields, "flights"]


def _crew_flights(astronaut, crew):
    """The flights whose `crew` ("launch_flights", "landing_flights") lists the astronaut, by launch NET
    then id, from the crew seats and flights that `selectors.astronauts()` prefetched."""
    seats = astronaut.assignments.all()
    flights = {flight.pk: flight for seat in seats for flight in getattr(seat, crew).all()}
    # Launches without a NET (not yet scheduled) last.
    return sorted(flights.values(), key=lambda f: (f.launch.net is None, f.launch.net, f.pk))


class AstronautDetailedSerializer(serializers.ModelSerializer):
    """An astronaut with their flights and landings: the detail, and a list with `?mode=detailed`
    (LL2's `AstronautDetailed`).

    `flights`: the launches whose launch crew lists the astronaut; `landings`: the flights whose
    landing crew lists them; both by launch NET. The other derived values are annotations of
    `Astronaut.objects.with_stats()`.
    """

    url = LinkField("astronaut-detail")
    status = AstronautStatusSerializer()
    type = AstronautTypeSerializer()
    agency = AgencyMiniSerializer()
    age = serializers.IntegerField(read_only=True)
    flights = serializers.SerializerMethodField()
    landings = serializers.SerializerMethodField()
    flights_count = serializers.IntegerField(read_only=True)
    landings_count = serializers.IntegerField(read_only=True)
    last_flight = serializers.DateTimeField(read_only=True)
    first_flight = serializers.DateTimeField(read_only=True)

    class Meta:
        model = Astronaut
        fields = [
            "id",
            "url",
            "name",
            "status",
            "type",
            "agency",
            "age",
            "date_of_birth",
            "date_of_death",
            "nationality",
            "twitter",
            "instagram",
            "bio",
            "profile_image",
            "profile_image_thumbnail",
            "wiki",
            "flights",
            "landings",
            "flights_count",
            "landings_count",
            "last_flight",
            "first_flight",
        ]

    def get_flights(self, astronaut):
        launches = {flight.launch_id: flight.launch for flight in _crew_flights(astronaut, "launch_flights")}
        return LaunchSerializer(list(launches.values()), many=True, context=self.context).data

    def get_landings(self, astronaut):
        flights = _crew_flights(astronaut, "landing_flights")
        return SpacecraftFlightSummarySerializer(flights, many=True, context=self.context).data


class SpacecraftFlightForLaunchSerializer(SpacecraftFlightSerializer):
    """A launch's spacecraft flight, its `rocket.spacecraft_stage` (LL2's
    `SpacecraftFlightDetailedSerializerForLaunch`, late 2.2.0 shape: the flight detail of the contract
    without its launch, so with `landing` and the spacecraft's statistics)."""

    launch = None

    class Meta(SpacecraftFlightSerializer.Meta):
        fields = [field for field in SpacecraftFlightSerializer.Meta.fields if field != "launch"]


class RocketDetailedSerializer(serializers.ModelSerializer):
    """A launch's rocket in full (LL2's `RocketDetailed`): configuration, boosters and spacecraft flight."""

    configuration = LauncherConfigDetailSerializer()
    launcher_stage = FirstStageSerializer(many=True, source="launcher_stages")
    spacecraft_stage = serializers.SerializerMethodField()

    class Meta:
        model = Rocket
        fields = ["id", "configuration", "launcher_stage", "spacecraft_stage"]

    def get_spacecraft_stage(self, rocket):
        # LL2 2.2.0 serves one spacecraft flight per launch (null when it carries none): the first, by id.
        flights = rocket.launch.spacecraft_flights.all()
        if not flights:
            return None
        return SpacecraftFlightForLaunchSerializer(flights[0], context=self.context).data


class LaunchDetailedSerializer(serializers.ModelSerializer):
    """A launch in full: the detail, and a list with `?mode=detailed` (LL2's `LaunchDetailed`, late 2.2.0
    shape: `net_precision` and `weather_concerns` where the normal shape has them, `type` last)."""

    SHAPE = "detailed"

    url = LinkField("launch-detail")
    status = LaunchStatusSerializer()
    updates = UpdateSerializer(many=True)
    net_precision = NetPrecisionSerializer()
    launch_service_provider = AgencyDetailedCommonSerializer()
    rocket = RocketDetailedSerializer()
    mission = MissionSerializer()
    pad = PadSerializer()
    infoURLs = InfoURLSerializer(many=True, source="info_urls")
    vidURLs = VidURLSerializer(many=True, source="vid_urls")
    program = ProgramSerializer(many=True)
    mission_patches = MissionPatchSerializer(many=True)
    type = serializers.SerializerMethodField()

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

    def get_type(self, launch):
        return self.SHAPE
