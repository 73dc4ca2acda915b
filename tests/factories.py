"""Factories for every model, building a complete object graph by default (no nulls where LL2's
schema has none), so that a test states only what it is about."""

import datetime

import factory

from agencies.models import Agency, AgencyType
from astronauts.models import Astronaut, AstronautFlight, AstronautRole, AstronautStatus, AstronautType
from launches.models import (
    FirstStage,
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
from spacecraft.models import (
    DockingEvent,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)
from stations.models import DockingLocation, Expedition, SpaceStation, SpaceStationStatus, SpaceStationType

UTC = datetime.UTC


def at(*args):
    """A UTC datetime: at(2020, 5, 30, 19, 22)."""
    return datetime.datetime(*args, tzinfo=UTC)


class AgencyTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyType
        django_get_or_create = ["name"]

    name = "Government"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Agency {n}")
    type = factory.SubFactory(AgencyTypeFactory)
    country_code = "USA"
    abbrev = factory.Sequence(lambda n: f"AG{n}")
    description = "An agency."
    founding_year = "1958"
    image_url = "https://example.org/agency.png"
    logo_url = "https://example.org/agency-logo.png"
    launch_library_url = factory.Sequence(lambda n: f"https://launchlibrary.net/1.4/agency/{n}")
    total_launch_count = 10
    successful_launches = 8
    consecutive_successful_launches = 5
    failed_launches = 1
    pending_launches = 1
    successful_landings = 3
    failed_landings = 1
    attempted_landings = 4
    consecutive_successful_landings = 2
    info_url = "https://example.org/agency"
    wiki_url = "https://example.org/wiki/agency"
    nation_url = "https://example.org/agency-nation.png"


class LaunchStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LaunchStatus

    name = "Launch Successful"
    abbrev = "Success"
    description = "The launch vehicle successfully inserted its payload(s) into the target orbit(s)."


class NetPrecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetPrecision

    name = "Second"
    abbrev = "SEC"
    description = "The T-0 is accurate to the second."


class LauncherConfigFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LauncherConfig

    name = factory.Sequence(lambda n: f"Rocket {n}")
    description = "A rocket."
    family = "Rocket"
    full_name = factory.LazyAttribute(lambda o: o.name)
    active = True
    reusable = False
    manufacturer = factory.SubFactory(AgencyFactory)
    variant = ""
    image_url = "https://example.org/rocket.jpg"
    wiki_url = "https://example.org/wiki/rocket"


class RocketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rocket

    configuration = factory.SubFactory(LauncherConfigFactory)


class OrbitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Orbit

    name = "Low Earth Orbit"
    abbrev = "LEO"


class MissionTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MissionType
        django_get_or_create = ["name"]

    name = "Resupply"


class MissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mission

    name = factory.Sequence(lambda n: f"Mission {n}")
    description = "A mission."
    type = factory.SubFactory(MissionTypeFactory)
    orbit = factory.SubFactory(OrbitFactory)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Spaceport {n}")
    country_code = "USA"
    timezone_name = "America/New_York"
    map_image = "https://example.org/location.jpg"
    total_launch_count = 10
    total_landing_count = 0


class PadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pad

    name = factory.Sequence(lambda n: f"Pad {n}")
    location = factory.SubFactory(LocationFactory)
    latitude = "28.6"
    longitude = "-80.6"
    country_code = "USA"
    total_launch_count = 5
    orbital_launch_attempt_count = 5


class MissionPatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MissionPatch

    name = factory.Sequence(lambda n: f"Patch {n}")
    image_url = "https://example.org/patch.png"
    agency = factory.SubFactory(AgencyFactory)


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Program {n}")
    description = "A programme."
    image_url = "https://example.org/program.png"
    start_date = at(1998, 11, 20)

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create:
            self.agencies.set(extracted if extracted is not None else [AgencyFactory()])

    @factory.post_generation
    def mission_patches(self, create, extracted, **kwargs):
        if create:
            self.mission_patches.set(extracted if extracted is not None else [MissionPatchFactory()])


class LaunchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Launch
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"launch-{n}")
    name = factory.Sequence(lambda n: f"Rocket | Launch {n}")
    status = factory.SubFactory(LaunchStatusFactory)
    net = factory.Sequence(lambda n: at(2000, 1, 1) + datetime.timedelta(days=n))
    window_start = factory.LazyAttribute(lambda o: o.net)
    window_end = factory.LazyAttribute(lambda o: o.net)
    net_precision = factory.SubFactory(NetPrecisionFactory)
    launch_service_provider = factory.SubFactory(AgencyFactory)
    rocket = factory.SubFactory(RocketFactory)
    mission = factory.SubFactory(MissionFactory)
    pad = factory.SubFactory(PadFactory)
    image = "https://example.org/launch.jpg"
    infographic = "https://example.org/infographic.jpg"

    @factory.post_generation
    def program(self, create, extracted, **kwargs):
        if create:
            self.program.set(extracted if extracted is not None else [ProgramFactory()])


class LandingTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LandingType

    name = "Parachute Landing"
    abbrev = "PL"


class LandingLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LandingLocation

    name = "Steppe"
    abbrev = "STP"
    location = factory.SubFactory(LocationFactory)
    successful_landings = 3


class LandingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Landing

    attempt = True
    success = True
    description = "Landed."
    location = factory.SubFactory(LandingLocationFactory)
    type = factory.SubFactory(LandingTypeFactory)


class SpaceStationStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpaceStationStatus

    name = "Active"


class SpaceStationTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpaceStationType

    name = "Government"


class SpaceStationFactory(factory.django.DjangoModelFactory):
    """A station without owners (pass `owners=[...]`), so that stations add no agencies to a page."""

    class Meta:
        model = SpaceStation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Station {n}")
    status = factory.SubFactory(SpaceStationStatusFactory)
    type = factory.SubFactory(SpaceStationTypeFactory)
    founded = datetime.date(1998, 11, 20)
    height = 73.0
    width = 109.0
    mass = 420.0
    volume = 916
    description = "A station."
    orbit = factory.SubFactory(OrbitFactory)
    image_url = "https://example.org/station.jpg"

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)


class DockingLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DockingLocation

    name = factory.Sequence(lambda n: f"Port {n}")
    spacestation = factory.SubFactory(SpaceStationFactory)


class AstronautStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AstronautStatus

    name = "Active"


class AstronautTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AstronautType

    name = "Government"


class AstronautRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AstronautRole

    role = "Commander"
    priority = 0


class AstronautFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Astronaut

    name = factory.Sequence(lambda n: f"Astronaut {n}")
    status = factory.SubFactory(AstronautStatusFactory)
    type = factory.SubFactory(AstronautTypeFactory)
    agency = factory.SubFactory(AgencyFactory)
    date_of_birth = datetime.date(1970, 1, 1)
    nationality = "American"
    bio = "An astronaut."
    profile_image = "https://example.org/astronaut.jpg"
    profile_image_thumbnail = "https://example.org/astronaut-thumbnail.jpg"


class AstronautFlightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AstronautFlight

    role = factory.SubFactory(AstronautRoleFactory)
    astronaut = factory.SubFactory(AstronautFactory)


class SpacecraftConfigTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpacecraftConfigType

    name = "Cargo Resupply"


class SpacecraftConfigFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpacecraftConfig

    name = factory.Sequence(lambda n: f"Capsule {n}")
    type = factory.SubFactory(SpacecraftConfigTypeFactory)
    agency = factory.SubFactory(AgencyFactory)
    image_url = "https://example.org/capsule.png"
    wiki_link = "https://example.org/wiki"
    info_link = "https://example.org/info"


class SpacecraftStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpacecraftStatus

    name = "Active"


class SpacecraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Spacecraft

    name = factory.Sequence(lambda n: f"Spacecraft {n}")
    serial_number = factory.Sequence(lambda n: f"SN-{n}")
    status = factory.SubFactory(SpacecraftStatusFactory)
    description = "A spacecraft."
    spacecraft_config = factory.SubFactory(SpacecraftConfigFactory)


class SpacecraftFlightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpacecraftFlight

    spacecraft = factory.SubFactory(SpacecraftFactory)
    launch = factory.SubFactory(LaunchFactory)
    destination = "International Space Station"
    mission_end = factory.LazyAttribute(lambda o: o.launch.net + datetime.timedelta(days=10))
    landing = factory.SubFactory(LandingFactory)


class DockingEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DockingEvent

    flight = factory.SubFactory(SpacecraftFlightFactory)
    docking_location = factory.SubFactory(DockingLocationFactory)
    docking = factory.LazyAttribute(lambda o: o.flight.launch.net + datetime.timedelta(days=1))
    departure = factory.LazyAttribute(lambda o: o.docking + datetime.timedelta(days=5))


def complete_flight(**kwargs):
    """A flight with every part LL2 can show: one member in each crew and a docking event."""
    flight = SpacecraftFlightFactory(**kwargs)
    flight.launch_crew.set([AstronautFlightFactory()])
    flight.onboard_crew.set([AstronautFlightFactory()])
    flight.landing_crew.set([AstronautFlightFactory()])
    DockingEventFactory(flight=flight)
    return flight


# LL2's launch statuses by id (https://ll.thespacedevs.com/2.2.0/config/launchstatus/): name, abbrev.
LL2_LAUNCH_STATUSES = {
    1: ("Go for Launch", "Go"),
    2: ("To Be Determined", "TBD"),
    3: ("Launch Successful", "Success"),
    4: ("Launch Failure", "Failure"),
    5: ("On Hold", "Hold"),
    6: ("Launch in Flight", "In Flight"),
    7: ("Launch was a Partial Failure", "Partial Failure"),
    8: ("To Be Confirmed", "TBC"),
}


def ll2_launch_status(status_id):
    """LL2's launch status with this id (`LaunchStatus.SUCCESS`...), created once per test.

    A test that uses it should give every launch it makes a status from here: on PostgreSQL, statuses
    made with an explicit id do not advance the id sequence that `LaunchStatusFactory` draws from.
    """
    name, abbrev = LL2_LAUNCH_STATUSES[status_id]
    return LaunchStatus.objects.get_or_create(id=status_id, defaults={"name": name, "abbrev": abbrev})[0]


class ExpeditionFactory(factory.django.DjangoModelFactory):
    """An expedition under way (started, no end), with a crew member and a mission patch."""

    class Meta:
        model = Expedition
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Expedition {n}")
    start = at(2020, 10, 20, 20, 15)
    end = None
    spacestation = factory.SubFactory(SpaceStationFactory)

    @factory.post_generation
    def crew(self, create, extracted, **kwargs):
        if create:
            self.crew.set(extracted if extracted is not None else [AstronautFlightFactory()])

    @factory.post_generation
    def mission_patches(self, create, extracted, **kwargs):
        if create:
            self.mission_patches.set(extracted if extracted is not None else [MissionPatchFactory()])


class FirstStageTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FirstStageType
        django_get_or_create = ["name"]

    name = "Core"


class LauncherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Launcher

    serial_number = factory.Sequence(lambda n: f"B{1000 + n}")
    flight_proven = True
    status = "active"
    details = "A booster."
    image_url = "https://example.org/booster.jpg"
    launcher_config = factory.SubFactory(LauncherConfigFactory)


class FirstStageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FirstStage

    rocket = factory.SubFactory(RocketFactory)
    launcher = factory.SubFactory(LauncherFactory)
    type = factory.SubFactory(FirstStageTypeFactory)
    reused = True
    launcher_flight_number = 1
    landing = factory.SubFactory(LandingFactory)


class InfoURLFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InfoURL

    launch = factory.SubFactory(LaunchFactory)
    priority = 10
    title = "Press kit"
    description = "The mission's press kit."
    feature_image = "https://example.org/press-kit.jpg"
    url = factory.Sequence(lambda n: f"https://example.org/press-kit/{n}")


class VidURLFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VidURL

    launch = factory.SubFactory(LaunchFactory)
    priority = 10
    title = "Webcast"
    description = "The launch, live."
    feature_image = "https://example.org/webcast.jpg"
    url = factory.Sequence(lambda n: f"https://example.org/webcast/{n}")


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Update

    launch = factory.SubFactory(LaunchFactory)
    profile_image = "https://example.org/curator.jpg"
    created_by = "Curator"
    comment = "NET moved."
    info_url = "https://example.org/news"
    created_on = factory.LazyAttribute(lambda o: o.launch.net - datetime.timedelta(days=1))


def complete_launch(**kwargs):
    """A launch with every part LL2 can show in its detail: a complete spacecraft flight, a booster on
    its second flight (so with a previous flight, another launch made here, 30 days earlier), an update,
    an info and a video link, and a mission patch. Both launches have flown (Launch Successful)."""
    kwargs.setdefault("status", ll2_launch_status(LaunchStatus.SUCCESS))
    launch = complete_flight(launch=LaunchFactory(**kwargs)).launch
    booster = LauncherFactory()
    earlier = LaunchFactory(status=launch.status, net=launch.net - datetime.timedelta(days=30))
    FirstStageFactory(rocket=earlier.rocket, launcher=booster, launcher_flight_number=1)
    FirstStageFactory(rocket=launch.rocket, launcher=booster, launcher_flight_number=2)
    UpdateFactory(launch=launch)
    InfoURLFactory(launch=launch)
    VidURLFactory(launch=launch)
    launch.mission_patches.set([MissionPatchFactory()])
    return launch
