"""What our API serves, imported into an empty database, is served again the same, key for key and in
order: every kind of object the importer reads, in every shape and mode the API serves it (what an
upstream of ours sends `sync_ll2`, what `export_ll2` writes).

The world is built with the factories; its payloads are fetched, the database is emptied (`flush`), the
payloads are imported, and every payload is fetched again.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from astronauts.models import Astronaut
from launches.models import Launch, Launcher, LauncherConfig, LaunchStatus, Location, Pad, Program
from mirror.importer import import_documents
from spacecraft.models import DockingEvent, Spacecraft, SpacecraftConfig, SpacecraftFlight
from stations.models import Expedition, SpaceStation
from tests.factories import (
    AgencyFactory,
    DockingEventFactory,
    DockingLocationFactory,
    ExpeditionFactory,
    LaunchFactory,
    complete_flight,
    complete_launch,
    ll2_launch_status,
)
from tests.helpers import ordered

pytestmark = pytest.mark.django_db

# Each endpoint: its path, the model of its objects, and its list modes.
ENDPOINTS = [
    ("spacecraft/flight", SpacecraftFlight, ["normal", "detailed"]),
    ("spacecraft", Spacecraft, ["normal", "detailed"]),
    ("config/spacecraft", SpacecraftConfig, ["normal", "detailed"]),
    ("agencies", None, ["normal", "detailed"]),
    ("launch", Launch, ["list", "normal", "detailed"]),
    ("launcher", Launcher, ["normal", "detailed"]),
    ("config/launcher", LauncherConfig, ["normal", "detailed"]),
    ("pad", Pad, ["normal"]),
    ("location", Location, ["normal"]),
    ("program", Program, ["normal"]),
    ("spacestation", SpaceStation, ["normal", "detailed"]),
    ("docking_event", DockingEvent, ["normal", "detailed"]),
    ("expedition", Expedition, ["normal", "detailed"]),
    ("astronaut", Astronaut, ["list", "normal", "detailed"]),
]


def day(offset):
    """Today, `offset` days away, to the second: LL2's datetimes have no fractions of a second, so a
    world built with them would not survive its own payloads."""
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=offset)


@pytest.fixture
def world():
    """A launch with every part (a flight with crews and a docking event, a booster on its second
    flight, an update, links, a patch), and a station with an owner, an expedition under way and a
    flight docked now (its durations fixed: it departs in five days)."""
    complete_launch()
    station = DockingLocationFactory().spacestation
    station.owners.set([AgencyFactory()])
    ExpeditionFactory(spacestation=station, start=day(-30))
    DockingEventFactory(
        # LL2's status, as complete_launch's: a status from the id sequence could take LL2's id 3 on a new
        # PostgreSQL database.
        flight=complete_flight(
            launch=LaunchFactory(net=day(-3), status=ll2_launch_status(LaunchStatus.SUCCESS))
        ),
        docking_location=DockingLocationFactory(spacestation=station),
        docking=day(-2),
        departure=day(5),
    )


def paths():
    """Every list (all modes) and every detail the world's objects have."""
    from agencies.models import Agency

    found = []
    for endpoint, model, modes in ENDPOINTS:
        found += [f"/2.2.0/{endpoint}/?limit=100&mode={mode}" for mode in modes]
        for pk in (model or Agency).objects.order_by("pk").values_list("pk", flat=True):
            found.append(f"/2.2.0/{endpoint}/{pk}/")
    return found


def empty_the_database():
    if connection.vendor == "postgresql":
        # PostgreSQL will not truncate tables with foreign key checks pending in the test's transaction.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_every_payload_imported_together_is_served_again_the_same(api, world):
    served = {path: api.get(path).json() for path in paths()}
    empty_the_database()

    summary = import_documents(served.items())

    # The payloads agree with each other: no object is written twice with different values.
    assert summary.updated == {}
    again = {path: api.get(path).json() for path in served}
    assert [path for path in served if ordered(again[path]) != ordered(served[path])] == []


def test_every_payload_imported_again_changes_nothing(api, world):
    served = {path: api.get(path).json() for path in paths()}
    empty_the_database()
    import_documents(served.items())

    summary = import_documents(served.items())

    assert (summary.created, summary.updated) == ({}, {})
    assert sum(summary.unchanged.values()) > 0


# The details that carry all they serve. The others do not, by LL2's shapes: a spacecraft's
# `time_docked` comes from its flights' docking events, which its detail does not list; a launch's
# booster (LL2's `LauncherDetailed`) comes without its configuration, which a new booster needs; a
# booster's `flights` and a launch's `previous_flight` come from other launches; the crew of a
# station's or an expedition's detail comes without the astronauts' `type`, and a docking event's
# detail with its station without its `status` and its flight without its launch, which new ones
# need; an astronaut's `flights` come from the flights' crews.
SELF_CONTAINED = [
    "spacecraft/flight",
    "config/spacecraft",
    "agencies",
    "config/launcher",
    "pad",
    "location",
    "program",
]


@pytest.mark.parametrize("endpoint", SELF_CONTAINED)
def test_a_detail_imported_alone_into_an_empty_database_is_served_again_the_same(api, world, endpoint):
    details = [path for path in paths() if path.startswith(f"/2.2.0/{endpoint}/") and "?" not in path]
    served = {path: api.get(path).json() for path in details}

    for path, payload in served.items():
        empty_the_database()
        import_documents([(path, payload)])
        assert ordered(api.get(path).json()) == ordered(payload), path
