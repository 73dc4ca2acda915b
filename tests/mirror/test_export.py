"""`export_ll2`: the database as LL2 list pages, which `import_ll2` loads into an empty instance."""

import datetime
import json
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from agencies.models import Agency, AgencyType
from astronauts.models import Astronaut, AstronautRole, AstronautStatus, AstronautType
from events.models import Event, EventType, NoticeType, RoadClosureStatus
from launches.models import (
    FirstStageType,
    LandingLocation,
    Launch,
    Launcher,
    LauncherConfig,
    LaunchStatus,
    Location,
    MissionType,
    Orbit,
    Pad,
    Program,
    Update,
)
from mirror.exporter import ENDPOINTS, export_database
from mirror.importer import import_documents
from spacecraft.models import DockingEvent, Spacecraft, SpacecraftConfig, SpacecraftFlight, SpacecraftStatus
from spacedevs.api.urls import router
from stations.models import DockingLocation, Expedition, SpaceStation, SpaceStationStatus
from tests.factories import (
    AgencyFactory,
    AstronautFactory,
    AstronautFlightFactory,
    AstronautRoleFactory,
    DockingEventFactory,
    DockingLocationFactory,
    ExpeditionFactory,
    FirstStageFactory,
    InfoURLFactory,
    LandingFactory,
    LauncherConfigFactory,
    LauncherFactory,
    LaunchFactory,
    MissionFactory,
    MissionPatchFactory,
    OrbitFactory,
    PadFactory,
    ProgramFactory,
    SpacecraftFlightFactory,
    SpaceStationFactory,
    at,
    bare_launch,
    complete_event,
    complete_flight,
    complete_launch,
    ll2_launch_status,
    starship_program,
)

# The demo as `make run` loads it: rows per exported endpoint, and the pages of 100 they make.
DEMO_OBJECTS = {
    "config/agencytype/": 6,
    "config/astronautrole/": 1,
    "config/astronautstatus/": 1,
    "config/astronauttype/": 4,
    "config/eventtype/": 2,
    "config/firststagetype/": 1,
    "config/launchstatus/": 3,
    "config/missiontype/": 8,
    "config/noticetype/": 1,
    "config/orbit/": 6,
    "config/roadclosurestatus/": 1,
    "config/spacecraftstatus/": 2,
    "config/spacestationstatus/": 3,
    "agencies/": 269,
    "location/": 42,
    "pad/": 185,
    "program/": 4,
    "config/launcher/": 23,
    "config/spacecraft/": 7,
    "launcher/": 2,
    # 28 in the fixture, and 4 synthetic upcoming ones.
    "launch/": 32,
    "spacestation/": 13,
    "expedition/": 137,
    "astronaut/": 100,
    "spacecraft/": 2,
    "spacecraft/flight/": 20,
    "docking_event/": 10,
    "config/dockinglocation/": 23,
    "config/landinglocation/": 1,
    # 2 in the fixture, and 2 synthetic upcoming ones.
    "event/": 4,
    "updates/": 3,
}
DEMO_FILES = sorted(
    [
        *(f"{path}page-0001.json" for path in DEMO_OBJECTS),
        "agencies/page-0002.json",
        "agencies/page-0003.json",
        "expedition/page-0002.json",
        "pad/page-0002.json",
        "dashboard/starship/page-0001.json",
    ]
)

# The model each exported list endpoint lists.
MODELS = {
    "config/agencytype/": AgencyType,
    "config/astronautrole/": AstronautRole,
    "config/astronautstatus/": AstronautStatus,
    "config/astronauttype/": AstronautType,
    "config/eventtype/": EventType,
    "config/firststagetype/": FirstStageType,
    "config/launchstatus/": LaunchStatus,
    "config/missiontype/": MissionType,
    "config/noticetype/": NoticeType,
    "config/orbit/": Orbit,
    "config/roadclosurestatus/": RoadClosureStatus,
    "config/spacecraftstatus/": SpacecraftStatus,
    "config/spacestationstatus/": SpaceStationStatus,
    "agencies/": Agency,
    "location/": Location,
    "pad/": Pad,
    "program/": Program,
    "config/launcher/": LauncherConfig,
    "config/spacecraft/": SpacecraftConfig,
    "launcher/": Launcher,
    "launch/": Launch,
    "spacestation/": SpaceStation,
    "expedition/": Expedition,
    "astronaut/": Astronaut,
    "spacecraft/": Spacecraft,
    "spacecraft/flight/": SpacecraftFlight,
    "docking_event/": DockingEvent,
    "config/dockinglocation/": DockingLocation,
    "config/landinglocation/": LandingLocation,
    "event/": Event,
    "updates/": Update,
}


def files(directory):
    """The files under `directory`, as sorted relative POSIX paths."""
    return sorted(path.relative_to(directory).as_posix() for path in directory.rglob("*") if path.is_file())


def tree(directory):
    """Every file under `directory` with its bytes."""
    return {name: (directory / name).read_bytes() for name in files(directory)}


def export(directory, *args):
    out = StringIO()
    call_command("export_ll2", str(directory), *args, stdout=out)
    return out.getvalue()


# The export itself


def test_each_endpoint_gets_a_folder_of_pages_of_100(demo, tmp_path):
    export(tmp_path)

    assert files(tmp_path) == DEMO_FILES


def test_each_page_is_what_the_api_serves(demo, tmp_path, api):
    export(tmp_path)

    for endpoint in ENDPOINTS:
        for number, page in enumerate(sorted((tmp_path / endpoint.path).glob("page-*.json")), start=1):
            response = api.get(
                f"/2.2.0/{endpoint.path}", endpoint.query(offset=(number - 1) * 100), HTTP_HOST="localhost"
            )
            assert page.read_bytes() == response.content, page


def test_endpoints_are_read_in_their_detailed_mode(demo, tmp_path):
    export(tmp_path)

    first = json.loads((tmp_path / "spacecraft/flight/page-0001.json").read_bytes())["results"][0]
    assert "launch_crew" in first
    assert "docking_events" in first
    assert json.loads((tmp_path / "launch/page-0001.json").read_bytes())["results"][0]["type"] == "detailed"


def test_the_pages_hold_every_row_once(demo, tmp_path):
    export(tmp_path)

    for path, model in MODELS.items():
        pages = [json.loads(page.read_bytes()) for page in sorted((tmp_path / path).glob("page-*.json"))]
        ids = [str(item["id"]) for page in pages for item in page["results"]]
        assert sorted(ids) == sorted(str(pk) for pk in model.objects.values_list("pk", flat=True)), path
        assert {page["count"] for page in pages} == {DEMO_OBJECTS[path]}, path


def test_an_endpoint_without_rows_is_one_empty_page(db, tmp_path):
    export(tmp_path)

    assert json.loads((tmp_path / "launcher/page-0001.json").read_bytes()) == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


def test_pages_link_to_the_next_one(demo, tmp_path):
    export(tmp_path)

    pages = [json.loads((tmp_path / f"agencies/page-000{n}.json").read_bytes()) for n in (1, 2, 3)]
    assert [page["next"] for page in pages] == [
        "http://localhost/2.2.0/agencies/?limit=100&mode=detailed&offset=100",
        "http://localhost/2.2.0/agencies/?limit=100&mode=detailed&offset=200",
        None,
    ]


def test_the_same_database_gives_the_same_bytes(demo, tmp_path):
    export(tmp_path / "first")
    export(tmp_path / "second")

    assert tree(tmp_path / "first") == tree(tmp_path / "second")


def test_links_are_built_on_the_base_url(demo, tmp_path):
    # A host this instance does not answer to (ALLOWED_HOSTS), under a path.
    export(tmp_path, "--base-url", "https://mirror.example.org/ll2/")

    page = json.loads((tmp_path / "pad/page-0001.json").read_bytes())
    assert page["next"] == "https://mirror.example.org/ll2/2.2.0/pad/?limit=100&offset=100"
    assert page["results"][0]["url"] == "https://mirror.example.org/ll2/2.2.0/pad/1/"
    assert page["results"][0]["location"]["url"].startswith("https://mirror.example.org/ll2/2.2.0/location/")


def test_the_base_url_is_optional_about_its_trailing_slash(demo, tmp_path):
    export(tmp_path / "slash", "--base-url", "http://mirror.example.org:8080/")
    export(tmp_path / "bare", "--base-url", "http://mirror.example.org:8080")

    assert tree(tmp_path / "slash") == tree(tmp_path / "bare")
    assert (
        b'"http://mirror.example.org:8080/2.2.0/pad/1/"'
        in (tmp_path / "bare/pad/page-0001.json").read_bytes()
    )


def test_the_command_reports_each_endpoint_and_the_total(demo, tmp_path):
    lines = export(tmp_path).splitlines()

    assert lines[0] == "config/agencytype/: 6 objects in 1 page"
    assert "agencies/: 269 objects in 3 pages" in lines
    assert "dashboard/starship/: 1 objects in 1 page" in lines
    assert lines[-1] == "917 objects in 36 pages."


@pytest.mark.parametrize("flights", [1, 3])
def test_queries_do_not_depend_on_the_rows(db, tmp_path, django_assert_num_queries, flights):
    for n in range(flights):
        complete_launch(net=at(2020, 1, 1) + datetime.timedelta(days=100 * n))
        ExpeditionFactory()
    # Once: more would pass 100 agencies, which is a second page of them, not more rows on one.
    complete_event()
    starship_program()
    assert all(model.objects.exists() for model in MODELS.values())

    # One list request per endpoint, each a fixed number of queries (its count, then its page, written by
    # the database where it writes it: spacedevs.api.sqljson).
    written = connection.vendor == "postgresql" and settings.SQL_PAYLOADS
    with django_assert_num_queries(124 if written else 178):
        export_database(directory=tmp_path)


def test_outside_a_transaction_the_export_opens_and_closes_its_own(transactional_db, tmp_path):
    # On PostgreSQL its first statement makes it a repeatable-read snapshot.
    complete_launch()

    export_database(directory=tmp_path)

    assert not connection.in_atomic_block
    assert json.loads((tmp_path / "launch/page-0001.json").read_bytes())["count"] == 2


# What it refuses


def test_a_directory_that_is_not_empty_is_refused(db, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")

    with pytest.raises(CommandError, match=f"{tmp_path} is not empty; .* or pass --force"):
        export(tmp_path)
    assert files(tmp_path) == ["notes.txt"]


def test_the_refusal_exits_non_zero_with_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")

    done = subprocess.run(
        [sys.executable, "manage.py", "export_ll2", str(tmp_path)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"CommandError: {tmp_path} is not empty; export into an empty directory, or pass --force."
    ]
    assert files(tmp_path) == ["notes.txt"]


def test_a_file_is_not_a_directory(db, tmp_path):
    target = tmp_path / "export.json"
    target.write_text("{}")

    with pytest.raises(CommandError, match="is not a directory"):
        export(target)


@pytest.mark.parametrize(
    "base_url",
    ["localhost", "ftp://example.org/", "http:///2.2.0/", "http://example.org/?a=1", "http://u:p@h/"],
)
def test_a_bad_base_url_is_refused_before_writing(db, tmp_path, base_url):
    with pytest.raises(CommandError, match="Base URL"):
        export(tmp_path / "out", "--base-url", base_url)
    assert not (tmp_path / "out").exists()


def test_force_replaces_a_previous_export_and_its_extra_pages(demo, tmp_path):
    export(tmp_path / "fresh")
    export(tmp_path / "reused")
    (tmp_path / "reused/pad/page-0009.json").write_text('{"count": 900}')
    (tmp_path / "reused/pad/page-0001.json").write_text("stale")
    (tmp_path / "reused/notes.txt").write_text("mine")

    export(tmp_path / "reused", "--force")

    assert tree(tmp_path / "reused") == {**tree(tmp_path / "fresh"), "notes.txt": b"mine"}


# The round trip: export, empty the database, import the pages, and every response is as it was.
# Outside a test transaction (`transactional_db`): PostgreSQL cannot empty tables with constraint checks
# pending in the transaction, and so the export runs in its own snapshot transaction, as in production.


def served(client):
    """Every response of the API, by URL: each list endpoint in each of its modes (pad/, location/ and
    program/ have none), page by page at limit 100, the detail of each of its objects, and the
    dashboard."""
    responses = {}
    for prefix, viewset, _basename in router.registry:
        mode = viewset.filterset_class.base_filters.get("mode")
        for query in [f"&mode={choice}" for choice, _label in mode.extra["choices"]] if mode else [""]:
            url = f"/2.2.0/{prefix}/?limit=100{query}"
            while url:
                page = client.get(url).json()
                responses[url] = page
                url = page["next"]
        url = f"/2.2.0/{prefix}/?limit=100"
        while url:
            page = client.get(url).json()
            for item in page["results"]:
                detail = f"/2.2.0/{prefix}/{item['id']}/"
                responses[detail] = client.get(detail).json()
            url = page["next"]
    responses["/2.2.0/"] = client.get("/2.2.0/").json()
    responses["/2.2.0/dashboard/starship/"] = client.get("/2.2.0/dashboard/starship/").json()
    return responses


def export_flush_import(directory):
    """Export, empty the database, and import the export, its pages in the order it wrote them."""
    summary = export_database(directory=directory)
    call_command("flush", interactive=False, verbosity=0)
    assert not Agency.objects.exists()
    assert not Launch.objects.exists()
    import_documents(
        (str(page.relative_to(directory)), json.loads(page.read_bytes())) for page in summary.files
    )


def assert_same_responses(before, after):
    assert sorted(after) == sorted(before)
    differ = [url for url in before if after[url] != before[url]]
    assert not differ, f"{len(differ)} responses differ, first {differ[0]}:\n" + json.dumps(
        [before[differ[0]], after[differ[0]]], indent=1
    )


def build_graph():
    """A history with what the demo lacks: crews shared by flights and expeditions, several docking
    events (one docked now), boosters flying twice and side by side, expeditions under way and over,
    agencies with a parent, launches without a pad, provider, mission or NET, an upcoming launch.

    Nothing in it is in space now, so that no value grows with the clock between two reads. Returns
    the station it is about."""
    success, failure, go = (
        ll2_launch_status(s) for s in (LaunchStatus.SUCCESS, LaunchStatus.FAILURE, LaunchStatus.GO)
    )
    parent = AgencyFactory(name="Parent Agency", type=None)
    provider = AgencyFactory(parent=parent)
    station = SpaceStationFactory(owners=[provider, parent], orbit=OrbitFactory(name="Geostationary Orbit"))
    forward, aft, _spare = DockingLocationFactory.create_batch(3, spacestation=station)

    first = complete_launch(launch_service_provider=provider, net=at(2020, 1, 1, 12))
    second = complete_launch(status=failure, net=at(2021, 6, 1), pad=PadFactory(agency=provider))
    flight = first.spacecraft_flights.get()
    DockingEventFactory(
        flight=flight, docking_location=forward, docking=at(2020, 1, 3), departure=at(2020, 1, 4)
    )
    DockingEventFactory(flight=flight, docking_location=aft, docking=at(2020, 1, 5), departure=at(2020, 1, 9))

    # A second booster beside the first one's (MX Launchers), whose landing failed.
    FirstStageFactory(rocket=second.rocket, launcher=LauncherFactory(), landing=LandingFactory(success=False))
    # The booster of `first` flies again, on an upcoming launch.
    upcoming = LaunchFactory(status=go, net=timezone.now() + datetime.timedelta(days=30), program=[])
    FirstStageFactory(
        rocket=upcoming.rocket, launcher=first.rocket.launcher_stages.get().launcher, landing=None
    )

    # The spacecraft of `first` flies again, crewed by the same commander, and is docked now until its
    # mission ends, in the future.
    commander = flight.launch_crew.get()
    again = SpacecraftFlightFactory(
        spacecraft=flight.spacecraft,
        launch=LaunchFactory(status=success, net=at(2023, 3, 1), mission=MissionFactory(type=None)),
        mission_end=timezone.now() + datetime.timedelta(days=300),
        landing=None,
    )
    again.launch_crew.set(
        [commander, AstronautFlightFactory(role=AstronautRoleFactory(role="Pilot", priority=1))]
    )
    DockingEventFactory(
        flight=again,
        docking_location=forward,
        docking=at(2023, 3, 2),
        departure=timezone.now() + datetime.timedelta(days=200),
    )
    # Two flights on one launch (its spacecraft stage is the first).
    complete_flight(launch=second)

    # Expeditions: one over, one under way with the commander and a retired astronaut in its crew.
    ExpeditionFactory(spacestation=station, start=at(2019, 1, 1), end=at(2019, 6, 1))
    retired = AstronautFactory(date_of_death=datetime.date(2020, 2, 2), agency=None)
    ExpeditionFactory(
        spacestation=station,
        start=at(2020, 1, 3),
        crew=[commander, AstronautFlightFactory(astronaut=retired)],
        mission_patches=[MissionPatchFactory(agency=None)],
    )

    # A launch with nothing but its name, status and rocket; a programme of several agencies; a
    # configuration of a programme; a second link of a launch.
    bare_launch(status=go)
    programme = ProgramFactory(agencies=[provider, parent, AgencyFactory(name="Another Agency")])
    LauncherConfigFactory(manufacturer=provider).program.set([programme])
    InfoURLFactory(launch=first, priority=1)
    return station


def test_the_factory_graph_exported_and_imported_into_an_empty_database_serves_the_same(
    transactional_db, tmp_path, api
):
    build_graph()
    before = served(api)

    export_flush_import(tmp_path)

    assert_same_responses(before, served(api))


def test_the_demo_exported_and_imported_into_an_empty_database_serves_the_same(
    transactional_db, demo, tmp_path, api
):
    before = served(api)

    export_flush_import(tmp_path)

    assert_same_responses(before, served(api))


def test_the_imported_export_exports_to_the_same_bytes(transactional_db, demo, tmp_path):
    export_flush_import(tmp_path / "before")

    export_database(directory=tmp_path / "after")

    assert tree(tmp_path / "after") == tree(tmp_path / "before")


def test_the_factory_graph_has_what_the_round_trip_is_about(db, api):
    # So that the round trip above cannot pass on a history lacking what it is meant to carry across.
    station = build_graph()

    detail = api.get(f"/2.2.0/spacestation/{station.pk}/").json()
    assert (detail["docked_vehicles"], len(detail["active_expeditions"])) == (1, 1)
    assert DockingEvent.objects.filter(docking_location__spacestation=station).count() == 3
    launches = api.get("/2.2.0/launch/?mode=list&limit=100").json()["results"]
    assert {launch["launcher"] for launch in launches} >= {"MX Launchers", None}
    assert Launch.objects.filter(net=None, pad=None, mission=None).exists()
    assert Agency.objects.filter(parent__isnull=False).exists()
    assert not any(craft["in_space"] for craft in api.get("/2.2.0/spacecraft/?limit=100").json()["results"])


def test_a_station_keeps_the_orbit_a_mission_serves_with_its_id(transactional_db, tmp_path, api):
    # The orbit filter of stations takes the orbit's id, which only a mission's payload carries. As in
    # the demo (flight 567, to Salyut 6, on a launch without a mission), the first launch's flight docks
    # at the station and names its orbit; a later launch's mission serves the orbit with its id.
    success = ll2_launch_status(LaunchStatus.SUCCESS)
    orbit = OrbitFactory()
    station = SpaceStationFactory(orbit=orbit)
    flight = SpacecraftFlightFactory(launch=LaunchFactory(status=success, net=at(2000, 1, 1), mission=None))
    DockingEventFactory(flight=flight, docking_location=DockingLocationFactory(spacestation=station))
    LaunchFactory(status=success, net=at(2001, 1, 1), mission=MissionFactory(orbit=orbit))
    before = api.get(f"/2.2.0/spacestation/?orbit={orbit.pk}").json()
    assert before["count"] == 1

    export_flush_import(tmp_path)

    assert api.get(f"/2.2.0/spacestation/?orbit={orbit.pk}").json() == before


def test_the_command_keeps_large_blocks_mapped(db, tmp_path, monkeypatch):
    # Its pages of up to a megabyte each, in constant memory (spacedevs/memory.py).
    kept = []
    monkeypatch.setattr(
        "mirror.management.commands.export_ll2.keep_large_blocks_mapped", lambda: kept.append(True)
    )
    call_command("export_ll2", str(tmp_path / "out"), stdout=StringIO())
    assert kept == [True]
