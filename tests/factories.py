"""Factories for every model, building a complete object graph by default (no nulls where LL2's
schema has none), so that a test states only what it is about."""

import datetime

import factory

from agencies.models import Agency, AgencyType
from astronauts.models import Astronaut, AstronautFlight, AstronautRole, AstronautStatus, AstronautType
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
    MissionType,
    NetPrecision,
    Orbit,
    Pad,
    Program,
    Rocket,
)
from spacecraft.models import (
    DockingEvent,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)
from stations.models import DockingLocation, SpaceStation, SpaceStationStatus

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
    family = "Rocket"
    full_name = factory.LazyAttribute(lambda o: o.name)
    variant = ""


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


class SpaceStationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpaceStation

    name = factory.Sequence(lambda n: f"Station {n}")
    status = factory.SubFactory(SpaceStationStatusFactory)
    founded = datetime.date(1998, 11, 20)
    description = "A station."
    orbit = factory.SubFactory(OrbitFactory)
    image_url = "https://example.org/station.jpg"


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
