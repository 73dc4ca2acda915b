"""LL2's own launch payloads (tests/ll2/), built with LL2's ids and values, are served as LL2 served them.

Key for key and in LL2's order, apart from the keys LL2 added since, and valid against its schema: a launch
list item and a launch detail, launcher configurations, pads and locations, programmes.
"""

import json

import pytest

from launches.models import NetPrecision
from tests.factories import (
    PadFactory,
    ll2_launch,
    ll2_launcher_config,
    ll2_location,
    ll2_pad,
    ll2_program,
    reset_sequences,
)
from tests.helpers import (
    LAUNCH_LIST_KEYS,
    LL2,
    LOCATION_KEYS,
    PAD_KEYS,
    errors,
    normalise_links,
    ordered,
    restricted_to,
    whole_floats_as_ints,
)

pytestmark = pytest.mark.django_db


# --- launch/ -----------------------------------------------------------------------------------------

LAUNCHES = "/2.2.0/launch/"
LL2_DEV_BASE = "https://lldev.thespacedevs.com/2.2.0/"


def as_ours(payload):
    """A payload of LL2's development server with its links made the test server's."""
    text = json.dumps(payload, ensure_ascii=False).replace(LL2_DEV_BASE, "http://testserver/2.2.0/")
    return json.loads(text)


@pytest.fixture
def ng19():
    """Antares 230+ | Cygnus CRS-2 NG-19 (LL2's upcoming page of Aug 2023, the first launch), built with
    LL2's ids and values, and its payload."""
    payload = json.loads((LL2 / "data" / "launches-upcoming.2.2.0.list-page1.json").read_text())["results"][0]
    launch = ll2_launch(payload)
    reset_sequences()
    # After the reset: PostgreSQL's sequences start at 1, and LL2's "Second" is NET precision 0.
    launch.net_precision = NetPrecision.objects.create(**payload["net_precision"])
    launch.save()
    return payload


def test_a_normal_list_item_is_ll2s_launch(api, ng19):
    served = api.get(LAUNCHES).json()["results"][0]

    kept, later = restricted_to(served, as_ours(ng19))
    # What the contract (2023, later than this page) has and this page does not: the descriptions of the
    # pad and its location (null and empty here: the page does not know them), and `type`, the name of the
    # shape.
    assert later == {"pad.description", "pad.location.description", "type"}
    assert [served["pad"]["description"], served["pad"]["location"]["description"]] == [None, ""]
    assert served["type"] == "normal"
    assert ordered(kept) == ordered(as_ours(ng19))


def test_a_list_mode_item_is_the_short_launch(api, ng19):
    served = api.get(LAUNCHES, {"mode": "list"}).json()["results"][0]

    real = as_ours(ng19)
    expected = {key: real[key] for key in LAUNCH_LIST_KEYS[:14]}
    expected.update(
        lsp_name="Northrop Grumman Space Systems",
        mission="Cygnus CRS-2 NG-19",
        mission_type="Resupply",
        pad="Launch Area 0 A",
        location="Wallops Island, Virginia, USA",
        # No booster is recorded for this launch.
        landing=None,
        landing_success=None,
        launcher=None,
        orbit="Low Earth Orbit",
        image=real["image"],
        infographic=None,
        type="list",
    )
    assert ordered(served) == ordered(expected)


@pytest.fixture
def capstone():
    """Electron | CAPSTONE (LL2's detail of June 2022), built with LL2's ids and values, and its payload."""
    payload = json.loads((LL2 / "launch-electron-capstone.json").read_text())
    ll2_launch(payload)
    reset_sequences()
    return payload


def test_the_detail_is_ll2s_launch_detail(api, capstone):
    served = whole_floats_as_ints(api.get(f"{LAUNCHES}{capstone['id']}/").json())

    expected = normalise_links(capstone)
    kept, later = restricted_to(served, expected)
    # The fields LL2 added to 2.2.0 after June 2022 (the contract and the 2023 upcoming page have them).
    assert later == {
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
    assert ordered(kept) == ordered(expected)


def test_the_real_detail_validates(api, ll2_schema, capstone):
    detail = api.get(f"{LAUNCHES}{capstone['id']}/").json()

    assert errors(ll2_schema, "LaunchDetailed", detail) == []


# --- config/launcher/ --------------------------------------------------------------------------------

LAUNCHER_CONFIGS = "/2.2.0/config/launcher/"


@pytest.fixture(scope="module")
def real_configs():
    return json.loads((LL2 / "data" / "config-launcher.2.2.0.details.json").read_text())


# The keys of our `LauncherConfigDetail` that LL2's configurations in an agency's `launcher_list`
# (tests/ll2/data/config-launcher.2.2.0.details.json) do not carry.
NOT_IN_LAUNCHER_LIST = {
    "active",
    "reusable",
    "manufacturer",
    "program",
    "launch_cost",
    "total_launch_count",
}


def build_from_payload(item):
    """The configuration of an LL2 payload, its counters stored as LL2 serves them."""
    config = ll2_launcher_config(item)
    reset_sequences()
    return config


@pytest.mark.parametrize("index", range(12))
def test_the_detail_serves_ll2s_values_and_counters(api, real_configs, index):
    real = real_configs[index]
    config = build_from_payload(real)

    detail = api.get(f"{LAUNCHER_CONFIGS}{config.id}/").json()

    kept, left_out = restricted_to(detail, real)
    expected = {key: value for key, value in real.items() if key != "launch_library_id"}
    expected["url"] = f"http://testserver{LAUNCHER_CONFIGS}{real['id']}/"
    assert left_out == NOT_IN_LAUNCHER_LIST
    # Key for key, value for value and in LL2's order (the capture wrote whole floats as ints).
    assert ordered(whole_floats_as_ints(kept)) == ordered(expected)


# --- pad/ and location/ ------------------------------------------------------------------------------

PADS = "/2.2.0/pad/"
LOCATIONS = "/2.2.0/location/"

# LL2's `LocationDetail` (no `url`), with the contract's `description` and `timezone_name`.
LOCATION_DETAIL_KEYS = [
    "id",
    "name",
    "country_code",
    "description",
    "map_image",
    "timezone_name",
    "total_launch_count",
    "total_landing_count",
    "pads",
]

# LL2's `PadSerializerNoLocation` (late 2.2.0, with `country_code`), with the pad's `description`.
PAD_IN_LOCATION_KEYS = [
    "id",
    "url",
    "agency_id",
    "name",
    "description",
    "info_url",
    "wiki_url",
    "map_url",
    "latitude",
    "longitude",
    "country_code",
    "map_image",
    "total_launch_count",
]


@pytest.fixture(scope="module")
def contract_pad(contract):
    return contract["launch"]["pad"]


@pytest.fixture(scope="module")
def pads_210():
    """Pads 93, 58, 79, 90, 125, 102, 103 as LL2 2.1.0 lists them (102 and 103 are at Baikonur, 15)."""
    return {item["id"]: item for item in json.loads((LL2 / "pads-2.1.0.json").read_text())}


@pytest.fixture(scope="module")
def locations_210():
    return json.loads((LL2 / "data" / "locations.2.1.0.list-page1.json").read_text())["results"]


def without(payload, *keys):
    return {key: value for key, value in payload.items() if key not in keys}


def plain(payload, *leave_out):
    """A payload's values for a factory: no `url`, none of `leave_out`."""
    return without(payload, "url", *leave_out)


def pad_from(payload):
    """The pad of an LL2 payload (with its location and its agency, by id), with LL2's ids."""
    pad = ll2_pad(payload)
    reset_sequences()
    return pad


def as_22(payload):
    """A 2.1.0 payload's links as ours: LL2 2.2.0's links with our host."""
    text = json.dumps(payload, ensure_ascii=False).replace("/2.1.0/", "/2.2.0/")
    return normalise_links(json.loads(text))


def test_the_contract_pad_is_served_as_ll2_served_it(api, contract_pad):
    pad_from(contract_pad)

    detail = api.get(f"{PADS}{contract_pad['id']}/").json()

    assert ordered(detail) == ordered(normalise_links(contract_pad))


@pytest.mark.parametrize("pad_id", [93, 58, 79, 90, 125, 102, 103])
def test_pads_serve_ll2s_values(api, pads_210, pad_id):
    real = pads_210[pad_id]
    pad_from(real)

    detail = api.get(f"{PADS}{pad_id}/").json()

    kept, left_out = restricted_to(detail, real)
    # What LL2 added to pads and locations after 2.1.0.
    assert left_out == {
        "description",
        "country_code",
        "orbital_launch_attempt_count",
        "location.description",
        "location.timezone_name",
    }
    assert ordered(kept) == ordered(as_22(real))


def test_pad_list_items_have_the_pad_shape(api, contract_pad):
    pad_from(contract_pad)

    item = api.get(PADS).json()["results"][0]

    assert list(item) == PAD_KEYS
    assert list(item["location"]) == LOCATION_KEYS


def test_the_contract_location_is_served_in_the_location_list(api, contract_pad):
    pad_from(contract_pad)

    item = api.get(LOCATIONS).json()["results"][0]

    assert ordered(item) == ordered(normalise_links(contract_pad["location"]))


def test_locations_serve_ll2s_values(api, locations_210):
    for item in locations_210:
        ll2_location(item)

    served = {item["id"]: item for item in api.get(LOCATIONS).json()["results"]}

    for real in locations_210:
        kept, left_out = restricted_to(served[real["id"]], real)
        assert left_out == {"description", "timezone_name"}
        assert ordered(kept) == ordered(as_22(real))


def test_the_location_detail_lists_its_pads_in_id_order(api, contract_pad, pads_210):
    for payload in (contract_pad, pads_210[103], pads_210[102]):
        pad_from(payload)  # Baikonur's pads; the contract's location, with its late fields, comes first
    PadFactory()  # elsewhere

    detail = api.get(f"{LOCATIONS}15/").json()

    assert list(detail) == LOCATION_DETAIL_KEYS
    assert plain(detail, "pads") == plain(contract_pad["location"])
    assert [pad["id"] for pad in detail["pads"]] == [20, 102, 103]
    assert all(list(pad) == PAD_IN_LOCATION_KEYS for pad in detail["pads"])


def test_the_location_detail_serves_its_pads_as_ll2_does(api, contract_pad, pads_210):
    ll2_location(contract_pad["location"])
    for payload in (contract_pad, pads_210[102]):
        pad_from(payload)

    contract_like, listed = api.get(f"{LOCATIONS}15/").json()["pads"]

    # The contract's pad without its location (and, as LL2's `PadSerializerNoLocation` has it, without
    # `orbital_launch_attempt_count`); LL2 2.1.0's pad 102 without its location.
    expected = without(normalise_links(contract_pad), "location", "orbital_launch_attempt_count")
    assert ordered(contract_like) == ordered(expected)
    kept, left_out = restricted_to(listed, pads_210[102])
    assert left_out == {"description", "country_code"}
    assert ordered(kept) == ordered(without(as_22(pads_210[102]), "location"))


def test_the_contract_pad_validates_with_its_nulls(api, ll2_schema, contract_pad):
    pad_from(contract_pad)

    assert errors(ll2_schema, "Pad", api.get(f"{PADS}20/").json()) == []
    assert errors(ll2_schema, "LocationDetail", api.get(f"{LOCATIONS}15/").json()) == []


# --- program/ ----------------------------------------------------------------------------------------

PROGRAMS = "/2.2.0/program/"

# LL2's `Program`.
PROGRAM_KEYS = [
    "id",
    "url",
    "name",
    "description",
    "agencies",
    "image_url",
    "start_date",
    "end_date",
    "info_url",
    "wiki_url",
    "mission_patches",
]


@pytest.fixture(scope="module")
def real_programs():
    """Programmes 11 (Commercial Resupply Services) and 17 (International Space Station), as LL2's
    upcoming launches list them (Aug 2023)."""
    page = json.loads((LL2 / "data" / "launches-upcoming.2.2.0.list-page1.json").read_text())
    return {program["id"]: program for launch in page["results"] for program in launch["program"]}


def program_from(payload):
    """The programme of an LL2 payload, with its agencies (LL2's ids, names and types)."""
    program = ll2_program(payload)
    reset_sequences()
    return program


@pytest.mark.parametrize("program_id", [11, 17])
def test_the_detail_is_served_as_ll2_served_it(api, real_programs, program_id):
    program_from(real_programs[program_id])

    detail = api.get(f"{PROGRAMS}{program_id}/").json()

    # Key for key, value for value, in LL2's order; the agencies by name, not by id.
    assert ordered(detail) == ordered(as_ours(real_programs[program_id]))


def test_list_items_have_the_program_shape_with_agencies_by_name(api, real_programs):
    for payload in real_programs.values():
        program_from(payload)

    page = api.get(PROGRAMS).json()

    assert [item["id"] for item in page["results"]] == [11, 17]
    assert all(list(item) == PROGRAM_KEYS for item in page["results"])
    assert [agency["id"] for agency in page["results"][0]["agencies"]] == [44, 257, 1020, 121]


def test_ll2s_programmes_validate(api, ll2_schema, real_programs):
    for payload in real_programs.values():
        program_from(payload)

    for item in api.get(PROGRAMS).json()["results"]:
        assert errors(ll2_schema, "Program", item) == []
