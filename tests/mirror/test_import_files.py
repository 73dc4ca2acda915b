"""LL2's own files, imported with `import_ll2` into an empty database, are served back as LL2 served
them: the contract byte for byte, the older files with every key they carry equal (LL2 added keys since,
which we serve too; the links are ours; a whole float may come back as 3.0 where the capture wrote 3).

The files are the workplace's `shared/ll2/data/` (tests/ll2/data/) and the references of tests/ll2/.
"""

import io
import json

import pytest
from django.core.management import call_command

from launches.models import LauncherConfig
from mirror.importer import import_documents
from tests.factories import DockingLocationFactory, LaunchFactory, SpaceStationFactory
from tests.helpers import LL2, restricted_to, whole_floats_as_ints

pytestmark = pytest.mark.django_db

DATA = LL2 / "data"
TESTSERVER = "http://testserver/2.2.0/"


def import_ll2(*paths):
    out = io.StringIO()
    call_command("import_ll2", *map(str, paths), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def read(path):
    return json.loads(path.read_text())


def ours(payload):
    """An LL2 payload with its objects' links (`url`) made ours, from any LL2 host and version; other
    links (an astronaut's thumbnail on LL2's host) stay as they are."""
    if isinstance(payload, list):
        return [ours(item) for item in payload]
    if not isinstance(payload, dict):
        return payload
    return {key: _our_link(value) if key == "url" else ours(value) for key, value in payload.items()}


def _our_link(link):
    for host in ("https://ll.thespacedevs.com", "https://lldev.thespacedevs.com"):
        for version in ("2.1.0", "2.2.0"):
            if isinstance(link, str) and link.startswith(f"{host}/{version}/"):
                return TESTSERVER + link.removeprefix(f"{host}/{version}/")
    return link


def listed(api, path, **params):
    """Every object of a list endpoint, by id (all pages)."""
    found, url, params = {}, path, {"limit": 100, **params}
    while url:
        body = api.get(url, params).json()
        found.update({item["id"]: item for item in body["results"]})
        url, params = body["next"], None
    return found


def compare(served, reference):
    """The keys the served payload has beyond the reference (LL2's newer keys), after asserting that
    every key the reference carries is served, with its value."""
    kept, added = restricted_to(whole_floats_as_ints(served), reference)
    assert kept == reference
    return added


# Keys LL2 added to its shapes after the 2021 (and 2.1.0) captures, which we serve: the late 2.2.0
# shape of the contract and of LL2's schema (Sep 2022).
NEWER_AGENCY = {"logo_url"}
NEWER_LOCATION = {"description", "timezone_name"}
NEWER_PAD = {"description", "country_code", "orbital_launch_attempt_count"} | {
    f"location.{key}" for key in NEWER_LOCATION
}
NEWER_SPACECRAFT = {
    "is_placeholder",
    "in_space",
    "time_in_space",
    "time_docked",
    "flights_count",
    "mission_ends_count",
}
NEWER_LAUNCH = {
    "net_precision",
    "weather_concerns",
    "type",
    "orbital_launch_attempt_count",
    "location_launch_attempt_count",
    "pad_launch_attempt_count",
    "agency_launch_attempt_count",
    "orbital_launch_attempt_count_year",
    "location_launch_attempt_count_year",
    "pad_launch_attempt_count_year",
    "agency_launch_attempt_count_year",
    *(f"pad.{key}" for key in NEWER_PAD),
}


def test_agencies_2_1_0(api):
    document = read(DATA / "agencies.2.1.0.list.json")
    import_ll2(DATA / "agencies.2.1.0.list.json")

    served = listed(api, "/2.2.0/agencies/")

    assert len(served) == len(document["results"]) == 268
    # 6 agencies name their parent, 5 of them before the list does.
    assert sum(1 for item in document["results"] if item["parent"]) == 6
    for reference in ours(document)["results"]:
        assert compare(served[reference["id"]], reference) == NEWER_AGENCY


def test_nasa_s_detail(api):
    reference = ours(read(DATA / "agency-44.2.2.0.detail.json"))
    import_ll2(DATA / "agency-44.2.2.0.detail.json")

    added = compare(api.get("/2.2.0/agencies/44/").json(), reference)

    assert added == {"spacecraft_list.payload_return_capacity", "spacecraft_list.agency.logo_url"}


def test_active_astronauts(api):
    """Their `first_flight` and `last_flight` are stored as LL2 serves them, though the page holds none of
    their flights (README, "Stored counters"); the page predates their counts, which stay unknown."""
    document = ours(read(DATA / "astronauts-active.2.2.0.list-page1.json"))
    import_ll2(DATA / "astronauts-active.2.2.0.list-page1.json")

    served = listed(api, "/2.2.0/astronaut/", status=1)

    assert len(served) == 100
    assert sum(1 for reference in document["results"] if reference["first_flight"]) > 50
    for reference in document["results"]:
        item = served[reference["id"]]
        added = compare(item, reference)
        assert added == {"age", "flights_count", "landings_count", "agency.logo_url"}
        assert (item["flights_count"], item["landings_count"]) == (None, None)


def test_an_astronaut_detail_serves_back_its_flight_dates_and_counts_without_its_flights(api):
    astronaut = ours(read(DATA / "astronauts-active.2.2.0.list-page1.json"))["results"][0]
    detail = {**astronaut, "flights_count": 3, "landings_count": 2, "flights": [], "landings": []}
    documents = [("astronaut.json", detail)]

    import_documents(documents)
    served = api.get(f"/2.2.0/astronaut/{astronaut['id']}/").json()

    assert (served["first_flight"], served["last_flight"]) == (
        astronaut["first_flight"],
        astronaut["last_flight"],
    )
    assert (served["flights_count"], served["landings_count"]) == (3, 2)
    assert served["flights"] == served["landings"] == []


def test_an_event(api):
    """LL2's event 266, with its launch, programme and station, served back as LL2 served it, but the
    keys LL2 added to the launch and the station since (2021)."""
    document = ours(read(DATA / "event-266.2.2.0.list-item.json"))
    import_ll2(DATA / "event-266.2.2.0.list-item.json")

    served = api.get("/2.2.0/event/266/").json()

    added = compare(served, document)
    # The 2021 capture predates the event's `webcast_live`.
    assert added == {"webcast_live", *(f"launches.{key}" for key in NEWER_LAUNCH)}


def test_a_station_detail_with_a_free_port(api):
    document = ours(read(DATA / "spacestation-13.2.2.0.detail.json"))
    import_ll2(DATA / "spacestation-13.2.2.0.detail.json")

    served = api.get("/2.2.0/spacestation/13/").json()

    assert served["docking_location"] == [{"id": 22, "name": "Salyut-5 forward", "docked": None}]
    assert compare(served, document) == {"docked_vehicles", "owners.logo_url"}


@pytest.mark.parametrize(
    ("name", "endpoint", "newer"),
    [
        ("agency-225.2.2.0.detail.json", "agencies/225/", {"logo_url"}),
        ("pad-93.2.2.0.list-item.json", "pad/93/", NEWER_PAD),
        (
            "config-spacecraft-10.2.2.0.list-item.json",
            "config/spacecraft/10/",
            {"payload_return_capacity", "agency.logo_url"},
        ),
    ],
)
def test_more_objects_of_the_kinds_served(api, name, endpoint, newer):
    # With LL2's agencies, which they name by id (a pad's `agency_id`) or by name (a `parent`).
    document = ours(read(DATA / name))
    import_ll2(DATA / "agencies.2.1.0.list.json", DATA / name)

    served = api.get(f"/2.2.0/{endpoint}").json()

    assert compare(served, document) <= newer


def test_launcher_configurations(api):
    """Their `launch_library_id` is served only in their manufacturer's `launcher_list` (the file does
    not name the manufacturer): it is stored, and the detail serves every other key."""
    document = ours(read(DATA / "config-launcher.2.2.0.details.json"))
    import_ll2(DATA / "config-launcher.2.2.0.details.json")

    for reference in document:
        detail = api.get(f"/2.2.0/config/launcher/{reference['id']}/").json()
        library_id = reference.pop("launch_library_id")
        added = compare(detail, reference)
        assert added <= {"active", "reusable", "manufacturer", "program", "launch_cost", "total_launch_count"}
        assert LauncherConfig.objects.get(pk=reference["id"]).launch_library_id == library_id


def test_spacecraft_configurations(api):
    document = ours(read(DATA / "config-spacecraft.2.2.0.details.json"))
    import_ll2(DATA / "config-spacecraft.2.2.0.details.json")

    for reference in document:
        detail = api.get(f"/2.2.0/config/spacecraft/{reference['id']}/").json()
        assert compare(detail, reference) == {"payload_return_capacity", "agency.logo_url"}


def test_docking_events_2_1_0_into_a_database_holding_what_they_name(api):
    """LL2 2.1.0 serves a docking event's flight without its launch (only the event's `launch_id`) and
    its port without its station: a new flight needs its launch and a new port its station, so these
    must be stored already (here: made by the factories, with the ids the file names; the file's own
    values of the port, its name, are imported over the factory's)."""
    document = ours(read(DATA / "docking-events.2.1.0.list.json"))
    station = SpaceStationFactory()
    for launch_id in {event["launch_id"] for event in document["results"]}:
        LaunchFactory(id=launch_id)
    for port_id in {event["docking_location"]["id"] for event in document["results"]}:
        DockingLocationFactory(id=port_id, spacestation=station)
    import_ll2(DATA / "docking-events.2.1.0.list.json")

    served = listed(api, "/2.2.0/docking_event/")

    assert len(served) == 242
    for reference in document["results"]:
        added = compare(served[reference["id"]], reference)
        assert added == {"docking_location.spacestation"} | {
            f"flight_vehicle.spacecraft.{key}" for key in NEWER_SPACECRAFT
        }


def test_expeditions_2_1_0(api):
    document = ours(read(DATA / "expeditions.2.1.0.list.json"))
    import_ll2(DATA / "expeditions.2.1.0.list.json")

    served = listed(api, "/2.2.0/expedition/")

    assert len(served) == 137
    for reference in document["results"]:
        assert compare(served[reference["id"]], reference) == {"mission_patches"}


def test_upcoming_launches_with_the_agencies_their_pads_name(api):
    document = ours(read(DATA / "launches-upcoming.2.2.0.list-page1.json"))
    # The older file first: the run's last object wins (the 2023 page names agencies LL2 renamed since).
    import_ll2(DATA / "agencies.2.1.0.list.json", DATA / "launches-upcoming.2.2.0.list-page1.json")

    served = listed(api, "/2.2.0/launch/")

    assert len(served) == 5
    for reference in document["results"]:
        # LL2's development server served pads without their description then.
        assert compare(served[reference["id"]], reference) == {
            "type",
            "pad.description",
            "pad.location.description",
        }


def test_locations_2_1_0(api):
    document = ours(read(DATA / "locations.2.1.0.list-page1.json"))
    import_ll2(DATA / "locations.2.1.0.list-page1.json")

    served = listed(api, "/2.2.0/location/")

    assert len(served) == 10
    for reference in document["results"]:
        assert compare(served[reference["id"]], reference) == NEWER_LOCATION


def test_pads_2_1_0_with_the_agencies_they_name(api):
    """A pad names its agency by id (`agency_id`): the agencies come in the same run."""
    document = ours(read(DATA / "pads.2.1.0.list.json"))
    import_ll2(DATA / "pads.2.1.0.list.json", DATA / "agencies.2.1.0.list.json")

    served = listed(api, "/2.2.0/pad/")

    assert len(served) == 184
    for reference in document["results"]:
        assert compare(served[reference["id"]], reference) == NEWER_PAD


def test_space_shuttle_endeavour_with_19_flights(api):
    reference = ours(read(DATA / "spacecraft-40.2.2.0.detail-19-of-25-flights.json"))
    import_ll2(DATA / "spacecraft-40.2.2.0.detail-19-of-25-flights.json")

    added = compare(api.get("/2.2.0/spacecraft/40/").json(), reference)

    assert added == NEWER_SPACECRAFT | {
        "spacecraft_config.payload_return_capacity",
        "spacecraft_config.agency.logo_url",
    } | {f"flights.spacecraft.{key}" for key in NEWER_SPACECRAFT} | {
        f"flights.launch.{key}" for key in NEWER_LAUNCH
    } | {"flights.launch.program.mission_patches"}


def test_a_launch_detail(api):
    reference = ours(read(LL2 / "launch-electron-capstone.json"))
    import_ll2(LL2 / "launch-electron-capstone.json")

    added = compare(api.get(f"/2.2.0/launch/{reference['id']}/").json(), reference)

    # What the capture (June 2022) predates (tests/ll2/README.md).
    assert added == {
        "net_precision",
        "weather_concerns",
        "type",
        "pad.description",
        "pad.country_code",
        "pad.orbital_launch_attempt_count",
        "pad.location.description",
        "pad.location.timezone_name",
        "rocket.configuration.active",
        "rocket.configuration.reusable",
    }


def test_every_file_together_then_again_changes_nothing():
    # All but the docking events, which name launches no file holds, and the 2.3.0 stations: import_ll2
    # reads 2.2.0 and 2.1.0 (the demo reads that file by the names 2.2.0 shares, fixtures/build_demo.py).
    paths = [
        path
        for path in sorted(DATA.glob("*.json"))
        if not path.name.startswith("docking-events") and ".2.3.0." not in path.name
    ]
    documents = [(path.name, read(path)) for path in [*paths, LL2 / "spacecraft-flight-567.json"]]
    first = import_documents(documents)
    before = dump()

    summary = import_documents(documents)

    assert (summary.created, summary.updated) == ({}, {})
    assert summary.unchanged == first.created
    assert dump() == before


def dump():
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()
