"""`populate`: synthetic spacecraft flights in bulk, for measuring the service at scale.

Each flight has what a real one has: a launch (status, NET and window, NET precision, provider, rocket
and configuration, mission with type and orbit, pad and location, programme, mission patch, a booster
on some rockets), a spacecraft reused across flights as real ones are, crews of two to four astronauts
reused across flights (on the crewed ones), a docking event at a station's port, and a landing. NETs are
spread from 1961 to five years ahead, with at least 100 (or all of them, under 100) still to come, so
that `launch/upcoming/` has a full page. Every name says it is synthetic ("Synthetic Launch 000123").

The same `seed` on the same database, on the same day, gives the same rows (`random.Random(seed)`,
UUIDs drawn from it); a second run on the same database adds more, numbered after the first. Rows are
written with `bulk_create` in batches, each batch committed; the counters (`recount`) are recomputed at
the end, and the data version is bumped (bulk inserts send no signal); on PostgreSQL the tables are
vacuumed and analysed.
"""

import datetime
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction

from agencies.models import Agency, AgencyType
from astronauts.models import Astronaut, AstronautFlight, AstronautRole, AstronautStatus, AstronautType
from launches.models import (
    FirstStage,
    FirstStageType,
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
)
from mirror.recount import recount
from spacecraft.models import (
    DockingEvent,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)
from spacedevs import dataversion
from stations.models import DockingLocation, SpaceStation, SpaceStationStatus, SpaceStationType

UTC = datetime.UTC
BATCH = 2000
FIRST_NET = datetime.datetime(1961, 4, 12, tzinfo=UTC)
IMAGE = "https://example.org/synthetic/{kind}/{number}.png"
SUCCESS, FAILURE, GO, TBD = 3, 4, 1, 2
LAUNCH_STATUSES = {
    GO: ("Go for Launch", "Go"),
    TBD: ("To Be Determined", "TBD"),
    SUCCESS: ("Launch Successful", "Success"),
    FAILURE: ("Launch Failure", "Failure"),
}


@dataclass
class Pools:
    """The shared rows flights draw from, created once per run."""

    agencies: list
    configs: list
    pads: list
    programs: list
    patches: list
    spacecraft: list
    astronauts: list
    roles: list
    ports: list
    launchers: list
    statuses: dict
    precisions: list
    mission_types: list
    orbits: list
    landing_types: list
    landing_locations: list
    stage_type: FirstStageType


def populate(*, flights: int, seed: int = 0, progress: Callable[[int, int], None] | None = None) -> int:
    """Add `flights` synthetic flights (see the module docstring), recount, and return how many were
    added."""
    rng = random.Random(seed)
    start = SpacecraftFlight.objects.count()
    with transaction.atomic():
        pools = _pools(rng, flights=flights, start=start)
    # The upcoming launches begin two days after today's midnight (UTC), and the past ones end two days
    # before it: the same seed gives the same rows all day.
    now = datetime.datetime.now(tz=UTC)
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    future = min(flights, max(100, flights // 20))
    span = (today - datetime.timedelta(days=2) - FIRST_NET).total_seconds()
    done = 0
    while done < flights:
        size = min(BATCH, flights - done)
        nets = []
        for index in range(done, done + size):
            if index >= flights - future:
                # The last ones are still to come: within the next five years.
                nets.append(today + datetime.timedelta(days=2, hours=rng.randrange(5 * 365 * 24)))
            else:
                nets.append(
                    FIRST_NET + datetime.timedelta(seconds=int(span * (index + rng.random()) / flights))
                )
        with transaction.atomic():
            _batch(
                rng, pools, numbers=range(start + done, start + done + size), nets=nets, now=now, today=today
            )
            dataversion.bump_on_commit()
        done += size
        if progress:
            progress(done, flights)
    # Fresh statistics before the recount: without them, at a million flights, PostgreSQL planned each
    # astronaut's crew history (a correlated subquery per astronaut) as a scan of every crew seat, and the
    # recount ran for hours instead of minutes.
    _refresh_statistics(vacuum=False)
    recount()
    # Again after the recount's updates, and the visibility map that lets a deep page walk the id index
    # alone, so that the planner knows the tables as the first request finds them.
    _refresh_statistics(vacuum=True)
    return flights


def _refresh_statistics(*, vacuum: bool) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        # VACUUM cannot run inside a transaction, such as a caller's.
        cursor.execute("VACUUM ANALYZE" if vacuum and not connection.in_atomic_block else "ANALYZE")


def _lookup(model, defaults=None, **fields):
    """The first row of `model` with `fields` (lookups are shared with what the database holds), or a
    new one; as `get_or_create` answers it."""
    found = model.objects.filter(**fields).order_by("pk").first()
    if found is not None:
        return found, False
    return model.objects.create(**fields, **(defaults or {})), True


def _synthetic(kind: str, number: int) -> str:
    return f"Synthetic {kind} {number:06d}"


def _pools(rng: random.Random, *, flights: int, start: int) -> Pools:
    tag = f"{start}"
    agency_type, _ = _lookup(AgencyType, name="Government")
    agencies = Agency.objects.bulk_create(
        Agency(
            name=_synthetic("Agency", number) + f" ({tag})",
            type=agency_type,
            country_code=rng.choice(["USA", "RUS", "FRA", "CHN", "JPN", "IND"]),
            abbrev=f"SA{number}",
            description="A synthetic agency.",
            administrator=f"Synthetic Administrator {number}",
            founding_year=str(1950 + number),
            launchers="Synthetic rockets",
            spacecraft="Synthetic spacecraft",
            info_url=f"https://example.org/synthetic/agency/{number}",
            wiki_url=f"https://example.org/wiki/synthetic-agency-{number}",
            image_url=IMAGE.format(kind="agency", number=number),
            logo_url=IMAGE.format(kind="agency-logo", number=number),
            nation_url=IMAGE.format(kind="nation", number=number),
        )
        for number in range(1, 13)
    )
    configs = LauncherConfig.objects.bulk_create(
        LauncherConfig(
            name=_synthetic("Rocket", number),
            family="Synthetic",
            full_name=f"{_synthetic('Rocket', number)} Block 1",
            variant="Block 1",
            manufacturer=rng.choice(agencies),
            active=True,
            reusable=number % 2 == 0,
            description="A synthetic launcher.",
            length=40.0 + number,
            diameter=3.7,
            maiden_flight=datetime.date(1960 + number, 1, 1),
            launch_mass=500,
            leo_capacity=20000,
            image_url=IMAGE.format(kind="rocket", number=number),
            wiki_url=f"https://example.org/wiki/synthetic-rocket-{number}",
        )
        for number in range(1, 9)
    )
    locations = Location.objects.bulk_create(
        Location(
            name=_synthetic("Spaceport", number),
            country_code=rng.choice(["USA", "RUS", "FRA", "CHN"]),
            description="A synthetic spaceport.",
            map_image=IMAGE.format(kind="map", number=number),
            timezone_name="UTC",
        )
        for number in range(1, 7)
    )
    pads = Pad.objects.bulk_create(
        Pad(
            name=_synthetic("Pad", number),
            location=locations[number % len(locations)],
            agency=rng.choice(agencies),
            description="A synthetic pad.",
            info_url=f"https://example.org/synthetic/pad/{number}",
            wiki_url=f"https://example.org/wiki/synthetic-pad-{number}",
            map_url=f"https://example.org/synthetic/pad/{number}/map",
            latitude=f"{rng.uniform(-60, 60):.4f}",
            longitude=f"{rng.uniform(-180, 180):.4f}",
            country_code=locations[number % len(locations)].country_code,
            map_image=IMAGE.format(kind="pad-map", number=number),
        )
        for number in range(1, 19)
    )
    patches = MissionPatch.objects.bulk_create(
        MissionPatch(
            name=_synthetic("Patch", number),
            priority=number,
            image_url=IMAGE.format(kind="patch", number=number),
            agency=rng.choice(agencies),
        )
        for number in range(1, 11)
    )
    programs = Program.objects.bulk_create(
        Program(
            name=_synthetic("Programme", number),
            description="A synthetic programme.",
            image_url=IMAGE.format(kind="programme", number=number),
            start_date=FIRST_NET + datetime.timedelta(days=3650 * number),
            info_url=f"https://example.org/synthetic/programme/{number}",
            wiki_url=f"https://example.org/wiki/synthetic-programme-{number}",
        )
        for number in range(1, 6)
    )
    for program in programs:
        program.agencies.set(rng.sample(agencies, 2))
        program.mission_patches.set([rng.choice(patches)])
    config_type, _ = _lookup(SpacecraftConfigType, name="Synthetic capsule")
    spacecraft_configs = SpacecraftConfig.objects.bulk_create(
        SpacecraftConfig(
            name=_synthetic("Capsule", number),
            type=config_type,
            agency=rng.choice(agencies),
            capability="Crew and cargo",
            history="A synthetic capsule.",
            details="Synthetic.",
            maiden_flight=datetime.date(1961 + number, 4, 12),
            height=8.1,
            diameter=4.0,
            human_rated=True,
            crew_capacity=4,
            payload_capacity=6000,
            payload_return_capacity=3000,
            flight_life="2 weeks",
            image_url=IMAGE.format(kind="capsule", number=number),
            nation_url=IMAGE.format(kind="nation", number=number),
            wiki_link=f"https://example.org/wiki/synthetic-capsule-{number}",
            info_link=f"https://example.org/synthetic/capsule/{number}",
        )
        for number in range(1, 7)
    )
    active, _ = _lookup(SpacecraftStatus, name="Active")
    spacecraft = Spacecraft.objects.bulk_create(
        Spacecraft(
            name=_synthetic("Spacecraft", start + number),
            serial_number=f"SYN-{start + number}",
            status=active,
            description="A synthetic spacecraft, flown again and again.",
            spacecraft_config=rng.choice(spacecraft_configs),
        )
        # Each flies about twenty times.
        for number in range(1, max(2, flights // 20) + 1)
    )
    astronaut_status, _ = _lookup(AstronautStatus, name="Active")
    astronaut_type, _ = _lookup(AstronautType, name="Government")
    astronauts = Astronaut.objects.bulk_create(
        Astronaut(
            name=_synthetic("Astronaut", start + number),
            status=astronaut_status,
            type=astronaut_type,
            agency=rng.choice(agencies),
            date_of_birth=datetime.date(
                1930 + rng.randrange(60), 1 + rng.randrange(12), 1 + rng.randrange(28)
            ),
            nationality=rng.choice(["American", "Russian", "French", "Chinese"]),
            bio="A synthetic astronaut.",
            twitter=f"https://example.org/synthetic-astronaut-{number}",
            wiki=f"https://example.org/wiki/synthetic-astronaut-{number}",
            profile_image=IMAGE.format(kind="astronaut", number=number),
            profile_image_thumbnail=IMAGE.format(kind="astronaut-thumbnail", number=number),
        )
        # Each flies about four times.
        for number in range(1, max(4, flights * 3 // 10 // 4) + 1)
    )
    roles = [
        _lookup(AstronautRole, role=role, defaults={"priority": priority})[0]
        for priority, role in enumerate(["Commander", "Pilot", "Mission Specialist"])
    ]
    station_status, _ = _lookup(SpaceStationStatus, name="Active")
    station_type, _ = _lookup(SpaceStationType, name="Government")
    leo, _ = _lookup(Orbit, name="Low Earth Orbit", defaults={"abbrev": "LEO"})
    stations = SpaceStation.objects.bulk_create(
        SpaceStation(
            name=_synthetic("Station", number) + f" ({tag})",
            status=station_status,
            type=station_type,
            founded=datetime.date(1971 + 10 * number, 4, 19),
            height=30.0,
            width=20.0,
            mass=120.0,
            volume=900,
            description="A synthetic station.",
            orbit=leo,
            image_url=IMAGE.format(kind="station", number=number),
        )
        for number in range(1, 4)
    )
    ports = DockingLocation.objects.bulk_create(
        DockingLocation(name=f"Synthetic Port {number}", spacestation=station)
        for station in stations
        for number in range(1, 5)
    )
    launchers = Launcher.objects.bulk_create(
        Launcher(
            serial_number=f"S{(start + number) % 10**8}",
            flight_proven=True,
            status="active",
            details="A synthetic booster.",
            image_url=IMAGE.format(kind="booster", number=number),
            launcher_config=rng.choice(configs),
        )
        for number in range(1, max(2, flights // 50) + 1)
    )
    statuses = {}
    for status_id, (name, abbrev) in LAUNCH_STATUSES.items():
        statuses[status_id] = _lookup(
            LaunchStatus, pk=status_id, defaults={"name": name, "abbrev": abbrev, "description": name}
        )[0]
    precisions = [
        _lookup(NetPrecision, name=name, defaults={"abbrev": abbrev})[0]
        for name, abbrev in [("Hour", "HR"), ("Day", "DAY")]
    ]
    mission_types = [_lookup(MissionType, name=name)[0] for name in ("Resupply", "Tourism")]
    orbits = [leo, _lookup(Orbit, name="Sun-Synchronous Orbit", defaults={"abbrev": "SSO"})[0]]
    landing_types = [_lookup(LandingType, name="Parachute Landing", defaults={"abbrev": "Parachute"})[0]]
    landing_locations = [
        _lookup(
            LandingLocation,
            name=_synthetic("Landing Zone", number),
            defaults={"abbrev": f"SLZ-{number}", "location": locations[number]},
        )[0]
        for number in range(1, 3)
    ]
    stage_type, _ = _lookup(FirstStageType, name="Core")
    return Pools(
        agencies=agencies,
        configs=configs,
        pads=pads,
        programs=programs,
        patches=patches,
        spacecraft=spacecraft,
        astronauts=astronauts,
        roles=roles,
        ports=ports,
        launchers=launchers,
        statuses=statuses,
        precisions=precisions,
        mission_types=mission_types,
        orbits=orbits,
        landing_types=landing_types,
        landing_locations=landing_locations,
        stage_type=stage_type,
    )


def _batch(
    rng: random.Random,
    pools: Pools,
    *,
    numbers: range,
    nets: list,
    now: datetime.datetime,
    today: datetime.datetime,
) -> None:
    """One batch of flights, each with its launch and what hangs from them."""
    rockets = Rocket.objects.bulk_create(Rocket(configuration=rng.choice(pools.configs)) for _ in numbers)
    missions = Mission.objects.bulk_create(
        Mission(
            name=_synthetic("Mission", number),
            description="A synthetic mission.",
            launch_designator=f"SYN-{number}",
            type=rng.choice(pools.mission_types),
            orbit=rng.choice(pools.orbits),
        )
        for number in numbers
    )
    launches = []
    for number, net, rocket, mission in zip(numbers, nets, rockets, missions, strict=True):
        past = net < now
        status = pools.statuses[
            (SUCCESS if rng.random() < 0.95 else FAILURE) if past else rng.choice([GO, TBD])
        ]
        launches.append(
            Launch(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                slug=f"synthetic-launch-{number:06d}",
                name=f"{rocket.configuration.name} | {mission.name}",
                status=status,
                last_updated=today,
                net=net,
                window_start=net,
                window_end=net + datetime.timedelta(hours=2),
                net_precision=rng.choice(pools.precisions),
                probability=rng.randrange(40, 100),
                weather_concerns=None if past else "Synthetic weather.",
                holdreason="",
                failreason="A synthetic failure." if status.pk == FAILURE else "",
                hashtag=f"#Synthetic{number}",
                launch_service_provider=rocket.configuration.manufacturer,
                rocket=rocket,
                mission=mission,
                pad=rng.choice(pools.pads),
                webcast_live=False,
                image=IMAGE.format(kind="launch", number=number),
                infographic=IMAGE.format(kind="infographic", number=number),
            )
        )
    Launch.objects.bulk_create(launches)
    Launch.program.through.objects.bulk_create(
        Launch.program.through(launch=launch, program=rng.choice(pools.programs)) for launch in launches
    )
    Launch.mission_patches.through.objects.bulk_create(
        Launch.mission_patches.through(launch=launch, missionpatch=rng.choice(pools.patches))
        for launch in launches
    )
    landings = Landing.objects.bulk_create(
        Landing(
            attempt=launch.net < now,
            success=(launch.status.pk == SUCCESS) if launch.net < now else None,
            description="A synthetic landing under parachutes.",
            downrange_distance=rng.choice([None, 350.5]),
            location=rng.choice(pools.landing_locations),
            type=pools.landing_types[0],
        )
        for launch in launches
    )
    stations = {port.spacestation_id: port.spacestation for port in pools.ports}
    flights = []
    ports = []
    for launch, landing in zip(launches, landings, strict=True):
        port = rng.choice(pools.ports)
        ports.append(port)
        past = launch.net < now
        flights.append(
            SpacecraftFlight(
                spacecraft=rng.choice(pools.spacecraft),
                launch=launch,
                destination=stations[port.spacestation_id].name,
                mission_end=launch.net + datetime.timedelta(days=rng.randrange(3, 180)) if past else None,
                landing=landing,
            )
        )
    SpacecraftFlight.objects.bulk_create(flights)
    _crews(rng, pools, flights)
    DockingEvent.objects.bulk_create(
        DockingEvent(
            flight=flight,
            docking_location=port,
            docking=flight.launch.net + datetime.timedelta(days=2),
            departure=flight.mission_end - datetime.timedelta(days=1) if flight.mission_end else None,
        )
        for flight, port in zip(flights, ports, strict=True)
        if rng.random() < 0.6
    )
    FirstStage.objects.bulk_create(
        FirstStage(
            rocket=launch.rocket,
            launcher=rng.choice(pools.launchers),
            type=pools.stage_type,
            reused=True,
            launcher_flight_number=None,
        )
        for launch in launches
        if rng.random() < 0.3
    )


def _crews(rng: random.Random, pools: Pools, flights: list) -> None:
    """Crews of two to four on four flights in ten: the same seats launch and land."""
    seats, launch_crew, landing_crew = [], [], []
    for flight in flights:
        if rng.random() >= 0.4:
            continue
        for astronaut, role in zip(
            rng.sample(pools.astronauts, rng.randint(2, 4)), [*pools.roles, pools.roles[-1]], strict=False
        ):
            seats.append((flight, AstronautFlight(role=role, astronaut=astronaut)))
    AstronautFlight.objects.bulk_create(seat for _flight, seat in seats)
    through_launch = SpacecraftFlight.launch_crew.through
    through_landing = SpacecraftFlight.landing_crew.through
    for flight, seat in seats:
        launch_crew.append(through_launch(spacecraftflight=flight, astronautflight=seat))
        landing_crew.append(through_landing(spacecraftflight=flight, astronautflight=seat))
    through_launch.objects.bulk_create(launch_crew)
    through_landing.objects.bulk_create(landing_crew)
