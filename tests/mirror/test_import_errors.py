"""Bad input to `import_ll2` is refused: one line per problem naming the file and the JSON path, a
non-zero exit, and the database exactly as it was (a dump before and after), whatever part of the input
was good."""

import copy
import io
import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from mirror.importer import ImportFailed, import_documents
from tests.helpers import LL2

pytestmark = pytest.mark.django_db

CONTRACT = json.loads((LL2 / "spacecraft-flight-567.json").read_text())
LAUNCH = CONTRACT["launch"]
AGENCY = CONTRACT["spacecraft"]["spacecraft_config"]["agency"]


def dump():
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def refused(*paths, stdin=None):
    """The problem lines `import_ll2 paths` writes before failing (and asserts that it fails)."""
    err = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_ll2", *map(str, paths), stdout=io.StringIO(), stderr=err)
    assert failure.value.returncode == 1
    assert str(failure.value).startswith("nothing was imported")
    return err.getvalue().splitlines()


def write(tmp_path, name, payload):
    path = tmp_path / name
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload))
    return path


def page(*results):
    return {"count": len(results), "next": None, "previous": None, "results": list(results)}


def launch(**changes):
    """The contract's launch as a top-level object, with `changes` (a None value removes the key)."""
    payload = {**copy.deepcopy(LAUNCH), **changes}
    return {key: value for key, value in payload.items() if value is not None}


def other_launch(**changes):
    """Another launch (its own id, slug and rocket), valid as it is."""
    uuid = "4a0c3b41-1111-4a1f-9c8b-3a3d9f1c2a10"
    own = {
        "id": uuid,
        "url": f"https://ll.thespacedevs.com/2.2.0/launch/{uuid}/",
        "slug": "another-launch",
        "rocket": {**LAUNCH["rocket"], "id": 999001},
    }
    return launch(**{**own, **changes})


@pytest.fixture
def stored(db):
    """Flight 567 (the contract) imported, and the dump of the database: every refusal must leave it
    exactly so."""
    import_documents([("contract", CONTRACT)])
    return dump()


def test_not_json(tmp_path, stored):
    path = write(tmp_path, "launch.json", "<html>429 Too Many Requests</html>")

    assert refused(path) == [f"{path}: $: not JSON: Expecting value at line 1 column 1"]
    assert dump() == stored


def test_truncated_json(tmp_path, stored):
    text = json.dumps(page(launch()), indent=1)
    path = write(tmp_path, "page.json", text[: len(text) // 2])

    [line] = refused(path)

    assert line.startswith(f"{path}: $: truncated: the JSON ends at line ")
    assert dump() == stored


def test_an_empty_file(tmp_path, stored):
    path = write(tmp_path, "empty.json", "")

    assert refused(path) == [f"{path}: $: empty, not JSON"]
    assert dump() == stored


def test_a_file_that_does_not_exist(tmp_path, stored):
    assert refused(tmp_path / "nowhere.json") == [f"{tmp_path / 'nowhere.json'}: $: no such file"]
    assert dump() == stored


def test_an_object_of_an_unknown_kind(tmp_path, stored):
    path = write(tmp_path, "rocket.json", {"id": 5, "url": "https://ll.thespacedevs.com/2.2.0/rocket/5/"})

    assert refused(path) == [
        f"{path}: $.url: unknown kind of object: 'https://ll.thespacedevs.com/2.2.0/rocket/5/' names no "
        "endpoint this service mirrors"
    ]


def test_a_new_event_without_what_it_needs(tmp_path, stored):
    path = write(tmp_path, "event.json", {"id": 5, "url": "https://ll.thespacedevs.com/2.2.0/event/5/"})

    assert refused(path) == [
        f"{path}: $: event 5 is new, and the payload has no 'name', 'slug', 'type', which it needs"
    ]
    assert dump() == stored


def test_an_object_without_url_of_an_unknown_shape(tmp_path, stored):
    path = write(tmp_path, "thing.json", page({"id": 5, "name": "A thing"}))

    assert refused(path) == [
        f"{path}: $.results[0]: unknown shape: an object without a 'url' (keys: id, name)"
    ]
    assert dump() == stored


def test_a_document_that_is_not_an_object(tmp_path, stored):
    path = write(tmp_path, "number.json", "42")

    assert refused(path) == [f"{path}: $: expected an LL2 object, a page or a list of objects, got 42"]
    assert dump() == stored


def test_an_id_of_the_wrong_type(tmp_path, stored):
    path = write(tmp_path, "agency.json", {**AGENCY, "id": "forty"})

    assert refused(path) == [f"{path}: $.id: 'forty' is not an integer"]
    assert dump() == stored


def test_a_page_whose_second_item_is_broken(tmp_path, stored):
    # The first item is good and updates the stored launch; it is rolled back with the rest.
    path = write(tmp_path, "launches.json", page(launch(name="Renamed"), other_launch(net="not a date")))

    assert refused(path) == [f"{path}: $.results[1].net: 'not a date' is not a datetime"]
    assert dump() == stored


def test_a_nested_object_of_the_wrong_type(tmp_path, stored):
    path = write(tmp_path, "launch.json", launch(status="Success"))

    assert refused(path) == [f"{path}: $.status: expected an object, got 'Success'"]
    assert dump() == stored


def test_a_new_launch_without_its_status_is_refused(tmp_path, stored):
    path = write(tmp_path, "launch.json", other_launch(status=None))

    assert refused(path) == [
        f"{path}: $: launch 4a0c3b41-1111-4a1f-9c8b-3a3d9f1c2a10 is new, and the payload has no 'status', "
        "which it needs"
    ]
    assert dump() == stored


def test_a_stored_launch_without_its_status_keeps_its_own(api, stored, contract, tmp_path):
    path = write(tmp_path, "launch.json", launch(status=None))

    call_command("import_ll2", str(path), stdout=io.StringIO())

    assert api.get("/2.2.0/spacecraft/flight/567/").json()["launch"]["status"] == contract["launch"]["status"]


def test_a_null_status_is_refused(tmp_path, stored):
    payload = launch()
    payload["status"] = None
    path = write(tmp_path, "launch.json", payload)

    assert refused(path) == [f"{path}: $.status: null, but a launch needs a status"]
    assert dump() == stored


def test_a_text_too_long_for_its_field(tmp_path, stored):
    path = write(tmp_path, "agency.json", {**AGENCY, "abbrev": "X" * 300})

    [line] = refused(path)

    assert line.startswith(f"{path}: $.abbrev: 'XXX")
    assert line.endswith("Ensure this value has at most 255 characters (it has 300).")
    assert dump() == stored


def test_what_the_database_refuses_is_a_problem_of_its_object(tmp_path, stored):
    # Another launch with the stored launch's slug, which is unique.
    path = write(tmp_path, "launch.json", page(other_launch(slug=LAUNCH["slug"])))

    [line] = refused(path)

    assert line.startswith(f"{path}: $.results[0]: the database refused it: ")
    assert dump() == stored


def test_every_problem_of_every_file_is_listed_in_input_order(tmp_path, stored):
    bad_values = write(
        tmp_path, "a.json", page({**AGENCY, "featured": "yes"}, launch(net=5, probability="high"))
    )
    missing = tmp_path / "b.json"
    not_json = write(tmp_path, "c.json", "{")

    assert refused(bad_values, missing, not_json) == [
        f"{missing}: $: no such file",
        f"{not_json}: $: truncated: the JSON ends at line 1 column 2 before the document does",
        f"{bad_values}: $.results[0].featured: 'yes' is not a boolean",
        f"{bad_values}: $.results[1].net: 5 is not a datetime",
        f"{bad_values}: $.results[1].probability: 'high' is not an integer",
    ]
    assert dump() == stored


def test_a_problem_found_when_a_deferred_object_is_tried_again_keeps_its_place(tmp_path, stored):
    path = write(tmp_path, "launches.json", page(other_launch(status=None), {**AGENCY, "featured": "yes"}))

    lines = refused(path)

    assert [line.split(": ")[1] for line in lines] == ["$.results[0]", "$.results[1].featured"]
    assert dump() == stored


def test_import_documents_raises_with_the_problems_and_writes_nothing(stored):
    with pytest.raises(ImportFailed) as failure:
        import_documents([("mine", page(launch(name="Renamed"), {**AGENCY, "id": "forty"}))])

    assert [str(problem) for problem in failure.value.problems] == [
        "mine: $.results[1].id: 'forty' is not an integer"
    ]
    assert dump() == stored


def test_the_command_exits_non_zero_with_the_problem_lines_and_no_traceback(tmp_path):
    bad = write(tmp_path, "bad.json", "nope")
    # A database of its own (nothing is read from it): the test database is not visible to another process.
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "PATH": "/usr/bin:/bin"}

    result = subprocess.run(
        [sys.executable, "manage.py", "import_ll2", str(bad), str(tmp_path / "none.json")],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{bad}: $: not JSON: Expecting value at line 1 column 1",
        f"{tmp_path / 'none.json'}: $: no such file",
        "CommandError: nothing was imported: 2 problem(s)",
    ]


# --- What no LL2 server serves: NUL characters, deep nesting, huge numbers ------------------------------


def test_a_nul_character_in_a_string(tmp_path, stored):
    path = write(tmp_path, "launch.json", page(launch(name="Soyuz\u0000MS-01")))

    assert refused(path) == [
        f"{path}: $.results[0].name: a string holding a NUL character, which no database column stores"
    ]
    assert dump() == stored


def test_a_nul_character_anywhere_refuses_the_document(tmp_path, stored):
    path = write(tmp_path, "launch.json", launch(name="Renamed", comment={"note": "\u0000"}))

    assert refused(path) == [
        f"{path}: $.comment.note: a string holding a NUL character, which no database column stores"
    ]
    assert dump() == stored


def test_json_too_deep_to_be_read(tmp_path, stored):
    path = write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)

    assert refused(path) == [f"{path}: $: nested too deep to be read (LL2's payloads nest 8 levels)"]
    assert dump() == stored


def test_json_nested_deeper_than_any_ll2_payload(tmp_path, stored):
    nested = "leaf"
    for _ in range(40):
        nested = {"inner": nested}
    path = write(tmp_path, "launch.json", launch(name="Renamed", comment=nested))

    [line] = refused(path)

    assert line == f"{path}: $.comment{'.inner' * 31}: nested deeper than 32 levels (LL2's payloads nest 8)"
    assert dump() == stored


def test_a_number_too_large_for_its_field(tmp_path, stored):
    path = write(tmp_path, "launch.json", launch(orbital_launch_attempt_count=99_999_999_999))

    assert refused(path) == [
        f"{path}: $.orbital_launch_attempt_count: 99999999999 is out of range for this field "
        "(-2147483648 to 2147483647)"
    ]
    assert dump() == stored


def test_a_number_beyond_any_column(tmp_path, stored):
    path = write(tmp_path, "agency.json", page({**AGENCY, "id": 10**25}))

    assert refused(path) == [
        f"{path}: $.results[0].id: 10000000000000000000000000 is beyond a 64-bit integer"
    ]
    assert dump() == stored


@pytest.mark.parametrize(("number", "shown"), [("1e400", "inf"), ("NaN", "nan"), ("-Infinity", "-inf")])
def test_a_number_that_is_not_finite(tmp_path, stored, number, shown):
    text = json.dumps(launch()).replace('"probability": ', f'"probability": {number}, "_was": ', 1)
    path = write(tmp_path, "launch.json", text)

    assert refused(path) == [f"{path}: $.probability: {shown} is not a finite number"]
    assert dump() == stored


def test_a_number_too_long_to_be_read(tmp_path, stored):
    path = write(tmp_path, "agency.json", '{"id": ' + "9" * 5000 + "}")

    [line] = refused(path)

    assert line.startswith(f"{path}: $: a number too long to be read")
    assert dump() == stored


def test_import_documents_refuses_what_no_ll2_server_serves(stored):
    # What `sync_ll2` hands over: pages it parsed itself.
    with pytest.raises(ImportFailed) as failure:
        import_documents([("page 2", page(launch(name="\u0000")))])

    assert [str(problem) for problem in failure.value.problems] == [
        "page 2: $.results[0].name: a string holding a NUL character, which no database column stores"
    ]
    assert dump() == stored


def test_the_command_refuses_deep_json_in_one_line_without_a_traceback(tmp_path):
    deep = write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "PATH": "/usr/bin:/bin"}

    result = subprocess.run(
        [sys.executable, "manage.py", "import_ll2", str(deep)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{deep}: $: nested too deep to be read (LL2's payloads nest 8 levels)",
        "CommandError: nothing was imported: 1 problem(s)",
    ]
