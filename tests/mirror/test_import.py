"""`import_ll2` and `mirror.importer.import_documents`: what an import writes, and what it reports."""

import copy
import io
import json

import pytest
from django.core.management import CommandError, call_command

from agencies.models import Agency, AgencyType
from launches.models import Launch, Orbit, Pad
from mirror.importer import ImportFailed, import_documents
from tests.factories import AgencyFactory
from tests.helpers import LL2, normalise_links, ordered

pytestmark = pytest.mark.django_db

CONTRACT_PATH = LL2 / "spacecraft-flight-567.json"
CONTRACT = json.loads(CONTRACT_PATH.read_text())
LAUNCH = CONTRACT["launch"]
AGENCY = CONTRACT["spacecraft"]["spacecraft_config"]["agency"]
DOCKING_EVENTS_2_1_0 = json.loads((LL2 / "docking-events-2.1.0.json").read_text())


def import_ll2(*paths):
    """What `import_ll2` writes: (standard output, standard error)."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_ll2", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def dump():
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def flight_567(api):
    return api.get("/2.2.0/spacecraft/flight/567/").json()


def page(*results):
    return {"count": len(results), "next": None, "previous": None, "results": list(results)}


def test_the_contract_into_an_empty_database_is_served_back_exactly(api, contract):
    import_ll2(CONTRACT_PATH)

    assert ordered(flight_567(api)) == ordered(normalise_links(contract))


def test_the_summary_counts_what_was_created_per_kind():
    out, err = import_ll2(CONTRACT_PATH)

    lines = out.splitlines()
    assert lines[0] == "20 objects: 20 created, 0 updated, 0 unchanged"
    assert "  agency: 2 created" in lines
    assert "  spacecraft flight: 1 created" in lines
    assert err == ""


def test_importing_the_same_file_again_changes_nothing():
    import_ll2(CONTRACT_PATH)
    before = dump()

    out, _ = import_ll2(CONTRACT_PATH)

    assert out.splitlines()[0] == "20 objects: 0 created, 0 updated, 20 unchanged"
    assert dump() == before


def test_the_newest_data_wins_and_is_counted_as_an_update(api):
    import_ll2(CONTRACT_PATH)
    renamed = {**copy.deepcopy(LAUNCH), "name": "Soyuz-U | Progress 3 (renamed)"}

    summary = import_documents([("renamed", renamed)])

    assert flight_567(api)["launch"]["name"] == "Soyuz-U | Progress 3 (renamed)"
    assert summary.updated == {"launch": 1}


def test_an_old_shape_does_not_erase_what_a_newer_detail_stored(api, contract):
    import_ll2(CONTRACT_PATH)
    # The launch as a 2021 list item served it: without the fields LL2 added since.
    old_launch = copy.deepcopy(LAUNCH)
    for key in (
        "net_precision",
        "weather_concerns",
        "type",
        "orbital_launch_attempt_count",
        "pad_launch_attempt_count",
    ):
        del old_launch[key]
    for key in ("description", "country_code", "orbital_launch_attempt_count"):
        del old_launch["pad"][key]
    del old_launch["pad"]["location"]["timezone_name"]
    # The agency as LL2 2.1.0 listed it: no `logo_url`.
    old_agency = {key: value for key, value in AGENCY.items() if key != "logo_url"}
    old_agency["url"] = old_agency["url"].replace("2.2.0", "2.1.0")
    # The launch as `?mode=list` serves it: its relations flattened to names.
    listed = {key: LAUNCH[key] for key in ("id", "url", "slug", "name", "status", "net")}
    listed |= {"mission": None, "pad": "31/6", "location": "Baikonur", "lsp_name": "Soviet Space Program"}

    import_documents([("old", page(old_launch, old_agency, listed))])

    assert ordered(flight_567(api)) == ordered(normalise_links(contract))


def test_a_list_shape_launch_is_not_enough_for_a_new_launch():
    listed = {key: LAUNCH[key] for key in ("id", "url", "slug", "name", "status", "net")}

    with pytest.raises(ImportFailed) as failure:
        import_documents([("list", listed)])

    assert [str(problem) for problem in failure.value.problems] == [
        f"list: $: launch {LAUNCH['id']} is new, and the payload has no 'rocket', which it needs"
    ]


def test_standard_input(api, monkeypatch, contract):
    monkeypatch.setattr("sys.stdin", io.StringIO(CONTRACT_PATH.read_text()))

    out, _ = import_ll2("-")

    assert out.startswith("20 objects: 20 created")
    assert ordered(flight_567(api)) == ordered(normalise_links(contract))


def test_a_problem_in_standard_input_is_named_so(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("{"))
    err = io.StringIO()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_ll2", "-", stdout=io.StringIO(), stderr=err)

    assert err.getvalue().startswith("<stdin>: $: truncated")


class Terminal(io.StringIO):
    def isatty(self):
        return True


def agencies(count):
    return page(
        *(
            {**AGENCY, "id": 1000 + n, "url": f"https://ll.thespacedevs.com/2.2.0/agencies/{1000 + n}/"}
            for n in range(count)
        )
    )


def test_a_progress_bar_on_a_terminal_for_a_large_input(tmp_path):
    path = tmp_path / "agencies.json"
    path.write_text(json.dumps(agencies(60)))
    err = Terminal()

    call_command("import_ll2", str(path), stdout=io.StringIO(), stderr=err)

    text = err.getvalue()
    assert "\rimporting [" in text
    assert text.endswith("] 60/60\n")


def test_no_progress_bar_when_standard_error_is_not_a_terminal(tmp_path):
    path = tmp_path / "agencies.json"
    path.write_text(json.dumps(agencies(60)))

    _, err = import_ll2(path)

    assert err == ""


def test_no_progress_bar_for_a_small_input(tmp_path):
    path = tmp_path / "agencies.json"
    path.write_text(json.dumps(agencies(3)))
    err = Terminal()

    call_command("import_ll2", str(path), stdout=io.StringIO(), stderr=err)

    assert err.getvalue() == ""


def test_objects_may_come_before_what_they_need_in_the_same_run(api):
    """A 2.1.0 docking event before the flight's launch, and its port before the station's detail."""
    event = copy.deepcopy(DOCKING_EVENTS_2_1_0[0])
    event["launch_id"] = LAUNCH["id"]
    event["docking_location"] = {"id": 9, "name": "Salyut-6 aft"}

    import_documents([("events", page(event)), ("contract", CONTRACT)])

    served = api.get(f"/2.2.0/docking_event/{event['id']}/").json()
    assert served["launch_id"] == LAUNCH["id"]
    assert served["docking_location"]["spacestation"]["name"] == "Salyut 6"


def test_a_parent_named_before_its_agency_is_listed_is_found(api):
    child = {**AGENCY, "id": 900, "url": "https://ll.thespacedevs.com/2.1.0/agencies/900/", "name": "Child"}
    child["parent"] = "Parent"
    parent = {**AGENCY, "id": 901, "url": "https://ll.thespacedevs.com/2.1.0/agencies/901/", "name": "Parent"}

    import_documents([("agencies", page(child, parent))])

    assert Agency.objects.get(pk=900).parent_id == 901


def test_a_reference_to_nothing_is_a_note_and_leaves_the_field(tmp_path):
    pad = {**copy.deepcopy(LAUNCH["pad"]), "agency_id": 123456}
    path = tmp_path / "pad.json"
    path.write_text(json.dumps(pad))

    out, err = import_ll2(path)

    assert err == (
        f"note: {path}: $.agency_id: agency_id 123456 names no agency; the pad's agency is left as it was\n"
    )
    assert out.startswith("2 objects: 2 created")
    assert Pad.objects.get(pk=pad["id"]).agency is None


def test_a_pad_s_agency_id_names_a_stored_agency():
    agency = AgencyFactory(id=123456)

    import_documents([("pad", {**copy.deepcopy(LAUNCH["pad"]), "agency_id": 123456})])

    assert Pad.objects.get(pk=LAUNCH["pad"]["id"]).agency == agency


def test_a_lookup_served_by_name_is_created_once():
    one = {**AGENCY, "id": 700, "url": "https://ll.thespacedevs.com/2.2.0/agencies/700/", "type": "Academic"}
    two = {**one, "id": 701, "url": "https://ll.thespacedevs.com/2.2.0/agencies/701/"}

    summary = import_documents([("agencies", page(one, two))])

    assert summary.created["agency type"] == 1
    assert (
        Agency.objects.get(pk=700).type
        == Agency.objects.get(pk=701).type
        == AgencyType.objects.get(name="Academic")
    )


def test_an_orbit_known_by_name_is_not_renamed_by_an_ll2_orbit_that_comes_later(api):
    import_ll2(CONTRACT_PATH)
    # The station's orbit was created from its name; now LL2's own orbits arrive, with their ids.
    mission = {"id": 7000, "name": "A mission", "description": "", "launch_designator": None, "type": ""}
    launches = [
        {
            **copy.deepcopy(LAUNCH),
            "mission": {**mission, "orbit": {"id": orbit, "name": f"Orbit {orbit}", "abbrev": "O"}},
        }
        for orbit in range(1, 4)
    ]
    for launch in launches:
        import_documents([("launch", launch)])

    station = api.get("/2.2.0/spacestation/14/").json()
    assert station["orbit"] == "Low Earth Orbit"
    assert list(Orbit.objects.filter(name="Low Earth Orbit").values_list("pk", flat=True)) == [-1]


def test_unknown_keys_are_ignored(api, contract):
    newer = copy.deepcopy(CONTRACT)
    newer["launch"]["a_field_from_2025"] = {"id": 1}
    newer["vehicle_physics"] = [1, 2]

    import_documents([("newer", newer)])

    assert ordered(flight_567(api)) == ordered(normalise_links(contract))


def test_a_launch_s_links_are_replaced_by_the_payload_s(api):
    detail = json.loads((LL2 / "launch-electron-capstone.json").read_text())
    import_documents([("detail", detail)])
    fewer = {**detail, "infoURLs": [], "vidURLs": detail["vidURLs"][:1]}

    summary = import_documents([("fewer", fewer)])

    served = api.get(f"/2.2.0/launch/{detail['id']}/").json()
    assert (served["infoURLs"], served["vidURLs"]) == ([], detail["vidURLs"][:1])
    assert summary.updated == {"launch": 1}


def test_a_list_of_related_objects_is_set_to_the_payload_s(api):
    detail = json.loads((LL2 / "launch-electron-capstone.json").read_text())
    import_documents([("detail", detail)])

    import_documents([("no programs", {**detail, "program": []})])

    assert api.get(f"/2.2.0/launch/{detail['id']}/").json()["program"] == []


def test_new_objects_get_ids_past_the_ll2_ids_imported():
    import_documents(
        [("agency", {**AGENCY, "id": 5000, "url": "https://ll.thespacedevs.com/2.2.0/agencies/5000/"})]
    )

    assert Agency.objects.create(name="A curator's agency").pk > 5000


def test_a_change_undone_in_the_same_run_is_no_change():
    import_ll2(CONTRACT_PATH)
    renamed = {**copy.deepcopy(LAUNCH), "name": "Renamed"}

    summary = import_documents([("renamed", renamed), ("back", copy.deepcopy(LAUNCH))])

    assert summary.updated == {}
    assert Launch.objects.get().name == LAUNCH["name"]


def test_an_object_may_need_another_that_itself_waits_for_a_third(api):
    """The event's port comes with the station's detail, whose expedition's crew member is an astronaut
    of a list further on (the crew's shape does not carry an astronaut's `type`)."""
    base = "https://ll.thespacedevs.com/2.2.0"
    event = copy.deepcopy(DOCKING_EVENTS_2_1_0[0])
    event |= {"launch_id": LAUNCH["id"], "docking_location": {"id": 30, "name": "Aft"}}
    status = {"id": 1, "name": "Active"}
    crew = {
        "id": 77,
        "role": {"id": 1, "role": "Commander", "priority": 0},
        "astronaut": {"id": 88, "url": f"{base}/astronaut/88/", "name": "A. Stronaut", "status": status},
    }
    station = {
        "id": 14,
        "url": f"{base}/spacestation/14/",
        "name": "Salyut 6",
        "status": {"id": 2, "name": "De-Orbited"},
        "active_expeditions": [
            {
                "id": 50,
                "url": f"{base}/expedition/50/",
                "name": "EO-1",
                "start": "1977-12-10T00:00:00Z",
                "crew": [crew],
            }
        ],
        "docking_location": [{"id": 30, "name": "Aft", "docked": None}],
    }
    astronaut = {**crew["astronaut"], "type": {"id": 2, "name": "Government"}}

    import_documents([("event", event), ("station", station), ("astronaut", astronaut), ("launch", LAUNCH)])

    served = api.get(f"/2.2.0/docking_event/{event['id']}/").json()
    assert served["docking_location"]["spacestation"]["name"] == "Salyut 6"
    assert api.get("/2.2.0/expedition/50/").json()["crew"][0]["astronaut"]["name"] == "A. Stronaut"


def test_an_orbit_known_by_name_gives_way_to_the_ll2_orbit_of_that_name(api):
    import_ll2(CONTRACT_PATH)
    mission = {"id": 7000, "name": "A mission", "description": "", "launch_designator": None, "type": ""}
    leo = {"id": 8, "name": "Low Earth Orbit", "abbrev": "LEO"}
    launch = {**copy.deepcopy(LAUNCH), "mission": {**mission, "orbit": leo}}

    summary = import_documents([("launch", launch)])

    assert api.get("/2.2.0/spacestation/", {"orbit": 8}).json()["count"] == 1
    assert list(Orbit.objects.values_list("pk", flat=True)) == [8]
    assert summary.updated == {"launch": 1, "space station": 1}
    assert not import_documents([("launch", launch)]).changed


# Kinds of issue 8: launches sharing a mission, events, updates, lookups, the dashboard.


def test_a_page_of_launches_that_share_a_mission_imports_and_serves_back(api):
    # LL2's first page of `launch/`: the test launches of one programme carry the same mission.
    first = normalise_links(LAUNCH)
    second = {**copy.deepcopy(first), "id": "4ef2a1b4-6b30-4b0e-8a31-7c9a1b5a0f11", "slug": "second-test"}
    second["url"] = first["url"].replace(first["id"], second["id"])
    second["rocket"] = {**first["rocket"], "id": first["rocket"]["id"] + 1}
    shared = {
        "id": 9001,
        "name": "Test flights",
        "description": "",
        "launch_designator": None,
        "type": "Test Flight",
        "orbit": None,
    }
    first["mission"] = second["mission"] = shared

    import_documents([("launches.json", page(first, second))])

    served = [api.get(f"/2.2.0/launch/{launch['id']}/").json()["mission"] for launch in (first, second)]
    assert served[0] == served[1]
    assert served[0]["id"] == 9001
    assert Launch.objects.filter(mission_id=9001).count() == 2


def test_a_page_of_lookups_is_read_by_the_path_of_its_links(api):
    orbits = {
        "count": 2,
        "next": None,
        "previous": "https://ll.thespacedevs.com/2.2.0/config/orbit/?limit=2",
        "results": [
            {"id": 8, "name": "Low Earth Orbit", "abbrev": "LEO"},
            {"id": 15, "name": "Suborbital", "abbrev": "SO"},
        ],
    }

    import_documents([("orbits.json", orbits)])

    assert api.get("/2.2.0/config/orbit/").json()["results"] == orbits["results"]


def test_a_page_of_lookups_is_read_by_the_path_of_its_file(api, tmp_path):
    folder = tmp_path / "config" / "launchstatus"
    folder.mkdir(parents=True)
    statuses = page({"id": 3, "name": "Launch Successful", "abbrev": "Success", "description": "It flew."})
    (folder / "page-0001.json").write_text(json.dumps(statuses))

    import_ll2(folder / "page-0001.json")

    assert api.get("/2.2.0/config/launchstatus/3/").json() == statuses["results"][0]


def test_a_lookup_served_by_name_elsewhere_keeps_the_row_of_its_name(api):
    AgencyType.objects.create(id=50, name="Government")
    types = page({"id": 1, "name": "Government"}, {"id": 2, "name": "Multinational"})

    import_documents([("https://ll.thespacedevs.com/2.2.0/config/agencytype/", types)])

    assert list(AgencyType.objects.order_by("name").values_list("pk", "name")) == [
        (50, "Government"),
        (2, "Multinational"),
    ]


def test_the_dashboard_imports_and_serves_back(transactional_db, api, demo):
    # Transactional: `flush` truncates, which PostgreSQL refuses inside a test's transaction.
    dashboard = api.get("/2.2.0/dashboard/starship/").json()
    call_command("flush", "--no-input", verbosity=0)

    import_documents([("dashboard.json", dashboard)])

    assert api.get("/2.2.0/dashboard/starship/").json() == dashboard
