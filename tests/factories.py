"""The test data, built in one place.

- Factories for every model, building a complete object graph by default (no nulls where LL2's schema
  has none), so that a test states only what it is about.
- Builders of objects with every part their payloads show (`complete_launch`, `busy_station`...), and of
  histories relative to now (`days`, `dock`).
- LL2's objects built from the values of LL2's own payloads (tests/ll2/), with LL2's ids (`ll2_launch`...),
  so that a test can compare what we serve with what LL2 served.
"""

import datetime

import factory
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from agencies.models import Agency, AgencyType
from astronauts.models import Astronaut, AstronautFlight, AstronautRole, AstronautStatus, AstronautType
from events.models import Event, EventType, LiveStream, Notice, NoticeType, RoadClosure, RoadClosureStatus
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
        django_get_or_create = ("name",)

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

    # Clear of LL2's ids (1 to 8), which `ll2_launch_status` gives explicitly: on PostgreSQL an explicit
    # id does not advance the sequence, which would hand it out again.
    id = factory.Sequence(lambda n: 1001 + n)

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
        django_get_or_create = ("name",)

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
    """LL2's launch status with this id (`LaunchStatus.SUCCESS`...), created once per test (beside those
    of `LaunchStatusFactory`, whose ids are clear of LL2's)."""
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
        django_get_or_create = ("name",)

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


class EventTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventType

    name = "Docking"


class EventFactory(factory.django.DjangoModelFactory):
    """An event with a launch, an expedition, a station and a programme (pass lists to change them)."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    type = factory.SubFactory(EventTypeFactory)
    description = "An event."
    location = "International Space Station"
    news_url = "https://example.org/news"
    video_url = "https://example.org/video"
    feature_image = "https://example.org/event.jpg"
    date = factory.Sequence(lambda n: at(2021, 1, 1) + datetime.timedelta(days=n))

    @factory.post_generation
    def launches(self, create, extracted, **kwargs):
        if create:
            self.launches.set(extracted if extracted is not None else [LaunchFactory()])

    @factory.post_generation
    def expeditions(self, create, extracted, **kwargs):
        if create:
            self.expeditions.set(extracted if extracted is not None else [ExpeditionFactory()])

    @factory.post_generation
    def spacestations(self, create, extracted, **kwargs):
        if create:
            self.spacestations.set(extracted if extracted is not None else [SpaceStationFactory()])

    @factory.post_generation
    def program(self, create, extracted, **kwargs):
        if create:
            self.program.set(extracted if extracted is not None else [ProgramFactory()])


class RoadClosureStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadClosureStatus

    name = "Closure Scheduled"


class RoadClosureFactory(factory.django.DjangoModelFactory):
    """A road closure to come (tomorrow, for 12 hours)."""

    class Meta:
        model = RoadClosure

    title = factory.Sequence(lambda n: f"Closure {n}")
    status = factory.SubFactory(RoadClosureStatusFactory)
    window_start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
    window_end = factory.LazyAttribute(lambda o: o.window_start + datetime.timedelta(hours=12))


class NoticeTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NoticeType

    name = "Notice to Mariners"


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notice

    type = factory.SubFactory(NoticeTypeFactory)
    date = factory.Sequence(lambda n: at(2024, 1, 1) + datetime.timedelta(days=n))
    url = factory.Sequence(lambda n: f"https://example.org/notice/{n}")


class LiveStreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiveStream

    title = factory.Sequence(lambda n: f"Stream {n}")
    description = "A site camera."
    image = "https://example.org/stream.jpg"
    url = factory.Sequence(lambda n: f"https://example.org/stream/{n}")


def complete_event(**kwargs):
    """An event with every part its shape shows: a launch, an expedition, a station, a programme and an
    update."""
    event = EventFactory(**kwargs)
    UpdateFactory(launch=None, event=event, created_on=at(2021, 1, 1))
    return event


def starship_program(name="Starship"):
    """The programme of `dashboard/starship/`, with a booster and a launch behind us and ahead, an event
    on each side of now, a road closure, a notice and a live stream."""
    program = ProgramFactory(name=name)
    config = LauncherConfigFactory()
    config.program.set([program])
    LauncherFactory(launcher_config=config)
    for net in (days(-10), days(10)):
        LaunchFactory(net=net, rocket=RocketFactory(configuration=config), program=[program])
        complete_event(date=net + datetime.timedelta(days=1), program=[program])
    RoadClosureFactory()
    NoticeFactory()
    LiveStreamFactory()
    return program


def bare_launch(**kwargs):
    """A launch with nothing but its name, status and rocket: every optional value and relation empty."""
    empty = {
        "net": None,
        "window_start": None,
        "window_end": None,
        "net_precision": None,
        "pad": None,
        "mission": None,
        "launch_service_provider": None,
        "program": [],
    }
    return LaunchFactory(**(empty | kwargs))


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


def complete_agency(**kwargs):
    """An agency with every part its detailed shape shows: a parent, launcher configurations it
    manufactures (each with a launch) and spacecraft configurations."""
    if "parent" not in kwargs:
        kwargs["parent"] = AgencyFactory()
    agency = AgencyFactory(**kwargs)
    for config in LauncherConfigFactory.create_batch(2, manufacturer=agency):
        LaunchFactory(rocket__configuration=config, launch_service_provider=agency)
    SpacecraftConfigFactory.create_batch(2, agency=agency)
    return agency


def complete_launcher_config(**kwargs):
    """A launcher configuration with every relation its shapes show: a manufacturer and a programme
    (with its agency and mission patch)."""
    config = LauncherConfigFactory(**kwargs)
    config.program.set([ProgramFactory()])
    return config


def complete_pad(**kwargs):
    """A pad with every value its shape shows."""
    defaults = {
        "agency": AgencyFactory(),
        "description": "A pad.",
        "info_url": "https://example.org/pad",
        "wiki_url": "https://example.org/wiki/pad",
        "map_url": "https://www.google.com/maps?q=28.6,-80.6",
        "map_image": "https://example.org/pad.jpg",
    }
    return PadFactory(**(defaults | kwargs))


FIRST_NET = at(2000, 1, 1)


def launches_of(config, *statuses):
    """One launch of the launcher configuration `config` for each LL2 status id, a day apart in that
    order from FIRST_NET."""
    for day, status_id in enumerate(statuses):
        LaunchFactory(
            rocket=RocketFactory(configuration=config),
            status=ll2_launch_status(status_id),
            net=FIRST_NET + datetime.timedelta(days=day),
            mission=None,
            pad=None,
            program=[],
        )


def booster_flight(booster, *, day, landed=True):
    """A successful launch of the booster on 2023-01-<day>, its landing a success (True), a failure
    (False) or not attempted (None); the booster's stage on it."""
    launch = LaunchFactory(
        status=ll2_launch_status(LaunchStatus.SUCCESS),
        net=datetime.datetime(2023, 1, day, tzinfo=datetime.UTC),
    )
    landing = LandingFactory(attempt=landed is not None, success=landed)
    return FirstStageFactory(rocket=launch.rocket, launcher=booster, landing=landing)


FUTURE = at(2999, 1, 1)


def seat(flight, crew, astronaut):
    """Put `astronaut` in the `crew` ("launch_crew", "onboard_crew", "landing_crew") of `flight`."""
    getattr(flight, crew).add(AstronautFlightFactory(astronaut=astronaut))
    return flight


def flight_at(net, *, mission_end=datetime.timedelta(days=10)):
    """A flight launched at `net`, ending `mission_end` after it (None: no mission end yet)."""
    end = None if mission_end is None else net + mission_end
    return SpacecraftFlightFactory(launch=LaunchFactory(net=net), mission_end=end)


def flown_astronaut(**kwargs):
    """An astronaut with every part the detailed shape shows: launched on two past flights (landing on
    the second), and in the launch crew of an upcoming one."""
    astronaut = AstronautFactory(**kwargs)
    seat(flight_at(at(2001, 3, 8)), "launch_crew", astronaut)
    second = seat(flight_at(at(2005, 7, 26)), "launch_crew", astronaut)
    seat(second, "landing_crew", astronaut)
    seat(flight_at(FUTURE, mission_end=None), "launch_crew", astronaut)
    return astronaut


# Stations with what LL2 derives from now: expeditions under way and flights docked at their ports.


def days(n):
    """Now plus `n` days (a negative `n` is in the past)."""
    return timezone.now() + datetime.timedelta(days=n)


def dock(location, *, docked=-2, departs=None, flight=None):
    """A docking event at `location`: docked `docked` days from now, departing `departs` days from now
    (None: no departure yet). The flight is a new one launched a day before, unless given."""
    if flight is None:
        flight = SpacecraftFlightFactory(launch=LaunchFactory(net=days(docked - 1)), mission_end=None)
    departure = None if departs is None else days(departs)
    return DockingEventFactory(
        flight=flight, docking_location=location, docking=days(docked), departure=departure
    )


def busy_station(**kwargs):
    """A station with every part LL2 shows: an owner, an expedition under way (with its crew), and a
    port holding a complete flight (crews, programmes) docked now."""
    station = SpaceStationFactory(owners=[AgencyFactory()], **kwargs)
    ExpeditionFactory(spacestation=station, start=days(-30))
    dock(DockingLocationFactory(spacestation=station), flight=complete_flight())
    return station


# LL2's objects, built with the factories from the values of LL2's own payloads, with LL2's ids.
#
# Each builder takes one object of a payload and returns the model instance, creating what it embeds;
# an object met twice (an agency, a pad) is created once. Fields a payload does not hold keep the
# factories' values, and the tests leave those keys out of the comparison (`tests.helpers.restricted_to`).
# After building, a test calls `reset_sequences()` before the factories create more rows.


def reset_sequences():
    """Move PostgreSQL's id sequences past the ids inserted from LL2 (as `loaddata` does), so that the
    factories can go on creating rows without an id of their own. Nothing to do on SQLite."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _fields(payload, *, leave_out=()):
    """The plain values of a payload object: no `url`, no nested objects, none of `leave_out`."""
    return {
        key: value
        for key, value in payload.items()
        if key != "url" and key not in leave_out and not isinstance(value, dict | list)
    }


def _date(value):
    return None if value is None else datetime.date.fromisoformat(value)


def _datetime(value):
    return None if value is None else parse_datetime(value)


def _lookup(factory, payload):
    """A lookup object (`{id, name...}`) with LL2's id, created on first sight."""
    model = factory._meta.model
    return model.objects.filter(pk=payload["id"]).first() or factory(**payload)


def ll2_agency(payload):
    """An agency from its mini (`{id, url, name, type}`) or full shape; a fuller shape met later
    completes an agency created from a mini one."""
    fields = _fields(payload, leave_out={"type", "parent"})
    kind = AgencyTypeFactory(name=payload["type"]) if payload.get("type") else None
    existing = Agency.objects.filter(pk=payload["id"]).first()
    if existing is None:
        return AgencyFactory(**fields, type=kind, parent=None)
    Agency.objects.filter(pk=existing.pk).update(**fields, type=kind)
    existing.refresh_from_db()
    return existing


def ll2_spacecraft_config(payload):
    """A spacecraft configuration from its `SpacecraftConfigurationDetail` or `SpacecraftConfig` shape."""
    existing = SpacecraftConfig.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload)
    if "maiden_flight" in fields:
        fields["maiden_flight"] = _date(fields["maiden_flight"])
    return SpacecraftConfigFactory(
        **fields,
        type=_lookup(SpacecraftConfigTypeFactory, payload["type"]),
        agency=ll2_agency(payload["agency"]),
    )


def ll2_spacecraft(payload):
    """A spacecraft (without its flights) from its `Spacecraft` or `SpacecraftDetailed` shape."""
    existing = Spacecraft.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    return SpacecraftFactory(
        **_fields(payload),
        status=_lookup(SpacecraftStatusFactory, payload["status"]),
        spacecraft_config=ll2_spacecraft_config(payload["spacecraft_config"]),
    )


def ll2_launcher_config(payload, *, manufacturer=None):
    """A launcher configuration from any of its shapes, its counters stored as LL2 serves them. Its
    manufacturer is the one the shape names, else `manufacturer` (an agency's `launcher_list` leaves
    out the agency it is under), else none (a launch's configuration names none: none, rather than a
    made-up agency)."""
    existing = LauncherConfig.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload)
    if "maiden_flight" in fields:
        fields["maiden_flight"] = _date(fields["maiden_flight"])
    named = payload.get("manufacturer")
    return LauncherConfigFactory(**fields, manufacturer=ll2_agency(named) if named else manufacturer)


def ll2_location(payload):
    """A location from its `Location` shape (or a 2.1.0 one)."""
    existing = Location.objects.filter(pk=payload["id"]).first()
    return existing or LocationFactory(**_fields(payload))


def ll2_pad(payload):
    """A pad from its `Pad` shape (or a 2.1.0 one), with its location and its agency (by id)."""
    existing = Pad.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload, leave_out={"agency_id"})
    owner = payload.get("agency_id")
    if owner is not None and not Agency.objects.filter(pk=owner).exists():
        AgencyFactory(id=owner)
    return PadFactory(**fields, agency_id=owner, location=ll2_location(payload["location"]))


def _ll2_mission(payload):
    if payload is None:
        return None
    existing = Mission.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    return MissionFactory(
        **_fields(payload, leave_out={"type"}),
        # LL2 serves a mission without a type as "".
        type=MissionTypeFactory(name=payload["type"]) if payload["type"] else None,
        orbit=_lookup(OrbitFactory, payload["orbit"]) if payload["orbit"] else None,
    )


def ll2_program(payload):
    """A programme from its `Program` shape, with its agencies (LL2's ids, names and types)."""
    existing = Program.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload)
    for key in ("start_date", "end_date"):
        if key in fields:
            fields[key] = _datetime(fields[key])
    return ProgramFactory(
        **fields,
        agencies=[ll2_agency(item) for item in payload["agencies"]],
        mission_patches=[],
    )


def ll2_launch(payload):
    """A launch from its `LaunchSerializerCommon` or `LaunchDetailed` shape, with LL2's ids for everything
    it embeds (a detail's updates, links and mission patches too, not its rocket's stages)."""
    existing = Launch.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload)
    for key in ("last_updated", "net", "window_end", "window_start"):
        fields[key] = _datetime(fields[key])
    launch = LaunchFactory(
        **fields,
        status=_lookup(LaunchStatusFactory, payload["status"]),
        net_precision=None,
        launch_service_provider=ll2_agency(payload["launch_service_provider"]),
        rocket=RocketFactory(
            id=payload["rocket"]["id"], configuration=ll2_launcher_config(payload["rocket"]["configuration"])
        ),
        mission=_ll2_mission(payload["mission"]),
        pad=ll2_pad(payload["pad"]),
        program=[ll2_program(item) for item in payload["program"]],
    )
    for update in payload.get("updates", []):
        UpdateFactory(launch=launch, **{**update, "created_on": _datetime(update["created_on"])})
    for link in payload.get("infoURLs", []):
        InfoURLFactory(launch=launch, **link)
    for link in payload.get("vidURLs", []):
        VidURLFactory(launch=launch, **link)
    if "mission_patches" in payload:
        launch.mission_patches.set(
            [
                MissionPatchFactory(**_fields(patch), agency=ll2_agency(patch["agency"]))
                for patch in payload["mission_patches"]
            ]
        )
    return launch


def ll2_flight(payload):
    """A spacecraft flight from its `SpacecraftFlight` shape (no crews, no landing)."""
    existing = SpacecraftFlight.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    return SpacecraftFlightFactory(
        id=payload["id"],
        destination=payload["destination"],
        mission_end=_datetime(payload["mission_end"]),
        spacecraft=ll2_spacecraft(payload["spacecraft"]),
        launch=ll2_launch(payload["launch"]),
        landing=None,
    )


# What an astronaut's payload shows that we derive (`Astronaut.objects.with_stats()`); their flight dates
# and counts are stored as LL2 serves them.
ASTRONAUT_DERIVED = {"age"}


def ll2_astronaut(payload):
    """An astronaut from its `AstronautNormal` shape, without flights, with the flight dates and counts
    it carries."""
    existing = Astronaut.objects.filter(pk=payload["id"]).first()
    if existing is not None:
        return existing
    fields = _fields(payload, leave_out=ASTRONAUT_DERIVED)
    for key in ("date_of_birth", "date_of_death"):
        fields[key] = _date(fields[key])
    for key in ("first_flight", "last_flight"):
        if key in fields:
            fields[key] = _datetime(fields[key])
    return AstronautFactory(
        **fields,
        status=_lookup(AstronautStatusFactory, payload["status"]),
        type=_lookup(AstronautTypeFactory, payload["type"]),
        agency=ll2_agency(payload["agency"]) if payload["agency"] else None,
    )
