"""The pad and location lists and details: shapes (against LL2's payloads and schema), the location's
pads, filters, search, ordering, query counts and bad input."""

import json

import pytest

from tests.factories import AgencyFactory, LocationFactory, PadFactory, ll2_location, ll2_pad, reset_sequences
from tests.helpers import LL2, errors, normalise_links, ordered, restricted_to

pytestmark = pytest.mark.django_db

PADS = "/2.2.0/pad/"
LOCATIONS = "/2.2.0/location/"

# LL2's `Pad`, as the contract (tests/ll2/spacecraft-flight-567.json) serves a launch's pad.
PAD_KEYS = [
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
    "location",
    "country_code",
    "map_image",
    "total_launch_count",
    "orbital_launch_attempt_count",
]
# LL2's `Location`, as the contract serves a pad's location.
LOCATION_KEYS = [
    "id",
    "url",
    "name",
    "country_code",
    "description",
    "map_image",
    "timezone_name",
    "total_launch_count",
    "total_landing_count",
]
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


def names(response):
    return [item["name"] for item in response.json()["results"]]


def ids(response):
    return [item["id"] for item in response.json()["results"]]


# LL2's payloads


@pytest.fixture(scope="module")
def contract_pad(contract):
    return contract["launch"]["pad"]


@pytest.fixture(scope="module")
def pads_210():
    """Pads 93, 58, 79, 90, 125, 102, 103 as LL2 2.1.0 lists them (102 and 103 are at Baikonur, 15)."""
    return {item["id"]: item for item in json.loads((LL2 / "pads-2.1.0.json").read_text())}


@pytest.fixture(scope="module")
def locations_210():
    return json.loads((LL2 / "locations-2.1.0-page1.json").read_text())["results"]


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


def test_a_location_without_pads_lists_none(api):
    location = LocationFactory()

    assert api.get(f"{LOCATIONS}{location.id}/").json()["pads"] == []


def test_the_location_list_has_no_mode_a_detailed_one_stays_a_list(api):
    PadFactory()

    # LL2's locations have no `mode`: like any parameter the endpoint does not know, it is ignored.
    for mode in ("detailed", "bogus"):
        response = api.get(LOCATIONS, {"mode": mode})
        assert response.status_code == 200
        assert list(response.json()["results"][0]) == LOCATION_KEYS


def test_pads_have_no_mode(api):
    PadFactory()

    response = api.get(PADS, {"mode": "bogus"})

    assert response.status_code == 200
    assert list(response.json()["results"][0]) == PAD_KEYS


# Schema


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


@pytest.fixture
def pads():
    return [complete_pad() for _ in range(3)]


def test_pad_pages_and_details_validate(api, ll2_schema, pads):
    page = api.get(PADS, {"limit": 2}).json()
    detail = api.get(f"{PADS}{pads[0].id}/").json()

    assert errors(ll2_schema, "PaginatedPadList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for item in [*page["results"], detail]:
        assert errors(ll2_schema, "Pad", item) == []


def test_location_pages_and_details_validate(api, ll2_schema, pads):
    page = api.get(LOCATIONS, {"limit": 2}).json()
    detail = api.get(f"{LOCATIONS}{pads[0].location_id}/").json()

    assert errors(ll2_schema, "PaginatedLocationList", {**page, "results": []}) == []
    assert len(page["results"]) == 2
    for item in page["results"]:
        assert errors(ll2_schema, "Location", item) == []
    assert len(detail["pads"]) == 1
    assert errors(ll2_schema, "LocationDetail", detail) == []


def test_the_contract_pad_validates_with_its_nulls(api, ll2_schema, contract_pad):
    pad_from(contract_pad)

    assert errors(ll2_schema, "Pad", api.get(f"{PADS}20/").json()) == []
    assert errors(ll2_schema, "LocationDetail", api.get(f"{LOCATIONS}15/").json()) == []


def test_the_schema_check_catches_a_wrong_location(ll2_schema):
    wrong = {"id": 15, "pads": [{"id": "20", "url": "x", "total_launch_count": "many"}]}

    problems = errors(ll2_schema, "LocationDetail", wrong)

    assert any(problem.startswith("pads/0/id:") for problem in problems)
    assert any(problem.startswith("pads/0/total_launch_count:") for problem in problems)


# Pad filters, search and ordering


@pytest.fixture
def florida_and_baikonur():
    spacex = AgencyFactory(name="SpaceX")
    kennedy = LocationFactory(name="Kennedy Space Center, FL, USA", country_code="USA")
    canaveral = LocationFactory(name="Cape Canaveral SFS, FL, USA", country_code="USA")
    baikonur = LocationFactory(name="Baikonur Cosmodrome, Republic of Kazakhstan", country_code="KAZ")
    return {
        "39A": PadFactory(
            name="Launch Complex 39A",
            agency=spacex,
            location=kennedy,
            latitude="28.60822681",
            longitude="-80.60428186",
            country_code="USA",
            total_launch_count=150,
            orbital_launch_attempt_count=150,
        ),
        "40": PadFactory(
            name="Space Launch Complex 40",
            agency=None,
            location=canaveral,
            latitude="28.56194122",
            longitude="-80.57735736",
            country_code="USA",
            total_launch_count=200,
            orbital_launch_attempt_count=190,
        ),
        "31/6": PadFactory(
            name="31/6",
            agency=None,
            location=baikonur,
            latitude="45.996034",
            longitude="63.564003",
            country_code="KAZ",
            total_launch_count=415,
            orbital_launch_attempt_count=415,
        ),
    }


def pad_filter_cases():
    both_florida = ["Launch Complex 39A", "Space Launch Complex 40"]
    return [
        ("id", lambda pads: pads["40"].id, ["Space Launch Complex 40"]),
        ("agency_id", lambda pads: pads["39A"].agency_id, ["Launch Complex 39A"]),
        ("agency_id", "999999", []),
        ("name", "31/6", ["31/6"]),
        ("name", "Launch Complex", []),
        ("name__contains", "Launch Complex", both_florida),
        ("latitude", "45.996034", ["31/6"]),
        ("latitude__contains", "28.", both_florida),
        ("longitude", "-80.57735736", ["Space Launch Complex 40"]),
        ("longitude__contains", "63.5", ["31/6"]),
        ("location__name", "Kennedy Space Center, FL, USA", ["Launch Complex 39A"]),
        ("location__name__contains", "FL, USA", both_florida),
        ("location__id", lambda pads: pads["31/6"].location_id, ["31/6"]),
        ("location__id", "999999", []),
        ("country_code", "KAZ", ["31/6"]),
        ("country_code", "USA,KAZ", [*both_florida, "31/6"]),
        ("country_code", "FRA", []),
        ("total_launch_count", "200", ["Space Launch Complex 40"]),
        ("total_launch_count__gt", "200", ["31/6"]),
        ("total_launch_count__gte", "200", ["Space Launch Complex 40", "31/6"]),
        ("total_launch_count__lt", "200", ["Launch Complex 39A"]),
        ("total_launch_count__lte", "200", both_florida),
        ("orbital_launch_attempt_count", "190", ["Space Launch Complex 40"]),
        ("orbital_launch_attempt_count__gt", "150", ["Space Launch Complex 40", "31/6"]),
        ("orbital_launch_attempt_count__gte", "415", ["31/6"]),
        ("orbital_launch_attempt_count__lt", "190", ["Launch Complex 39A"]),
        ("orbital_launch_attempt_count__lte", "190", both_florida),
    ]


@pytest.mark.parametrize(("parameter", "value", "expected"), pad_filter_cases())
def test_pad_filters(api, florida_and_baikonur, parameter, value, expected):
    if callable(value):  # an id: of a pad, its agency or its location
        value = value(florida_and_baikonur)

    assert names(api.get(PADS, {parameter: value})) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("complex 40", ["Space Launch Complex 40"]),  # the pad's name, ignoring case
        ("baikonur", ["31/6"]),  # the location's name
        ("fl, usa", ["Launch Complex 39A", "Space Launch Complex 40"]),
        ("Vandenberg", []),
    ],
)
def test_pad_search(api, florida_and_baikonur, term, expected):
    assert names(api.get(PADS, {"search": term})) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("id", ["Launch Complex 39A", "Space Launch Complex 40", "31/6"]),
        ("-id", ["31/6", "Space Launch Complex 40", "Launch Complex 39A"]),
        ("name", ["31/6", "Launch Complex 39A", "Space Launch Complex 40"]),
        ("-name", ["Space Launch Complex 40", "Launch Complex 39A", "31/6"]),
    ],
)
def test_pad_ordering(api, florida_and_baikonur, ordering, expected):
    assert names(api.get(PADS, {"ordering": ordering})) == expected


def test_pads_are_in_id_order_by_default(api, florida_and_baikonur):
    assert ids(api.get(PADS)) == sorted(pad.id for pad in florida_and_baikonur.values())


@pytest.mark.parametrize(
    "query",
    [
        {"id": "abc"},
        {"agency_id": "1.5"},
        {"location__id": "-1"},
        {"total_launch_count": "many"},
        {"total_launch_count__gte": "2147483648"},
        {"orbital_launch_attempt_count__lt": "1e3"},
        {"name": "\x00"},
        {"name__contains": "\x00"},
        {"latitude": "\x00"},
        {"location__name__contains": "\x00"},
        {"country_code": "USA,\x00"},
        {"search": "\x00"},
        {"ordering": "latitude"},
        {"ordering": "bogus"},
    ],
)
def test_bad_pad_filter_values_are_refused_naming_the_parameter(api, florida_and_baikonur, query):
    response = api.get(PADS, query)

    assert response.status_code == 400
    assert response.json()["parameters"] == list(query)


# Location filters, search and ordering


@pytest.fixture
def sites():
    return {
        name: LocationFactory(
            name=name, country_code=country, total_launch_count=launches, total_landing_count=landings
        )
        for name, country, launches, landings in [
            ("Kennedy Space Center, FL, USA", "USA", 250, 20),
            ("Baikonur Cosmodrome, Republic of Kazakhstan", "KAZ", 1548, 0),
            ("Guiana Space Centre, French Guiana", "GUF", 320, 0),
        ]
    }


KSC, BAIKONUR, KOUROU = (
    "Kennedy Space Center, FL, USA",
    "Baikonur Cosmodrome, Republic of Kazakhstan",
    "Guiana Space Centre, French Guiana",
)


@pytest.mark.parametrize(
    ("parameter", "value", "expected"),
    [
        ("name", KOUROU, [KOUROU]),
        ("name", "Guiana", []),
        ("name__contains", "Space Cent", [KSC, KOUROU]),
        ("country_code", "KAZ", [BAIKONUR]),
        ("country_code", "GUF,USA", [KSC, KOUROU]),
        ("country_code__contains", "U", [KSC, KOUROU]),
        ("total_launch_count", "320", [KOUROU]),
        ("total_launch_count__gt", "320", [BAIKONUR]),
        ("total_launch_count__gte", "320", [BAIKONUR, KOUROU]),
        ("total_launch_count__lt", "320", [KSC]),
        ("total_launch_count__lte", "320", [KSC, KOUROU]),
        ("total_landing_count", "20", [KSC]),
        ("total_landing_count__gt", "0", [KSC]),
        ("total_landing_count__gte", "20", [KSC]),
        ("total_landing_count__lt", "20", [BAIKONUR, KOUROU]),
        ("total_landing_count__lte", "0", [BAIKONUR, KOUROU]),
    ],
)
def test_location_filters(api, sites, parameter, value, expected):
    assert names(api.get(LOCATIONS, {parameter: value})) == expected


@pytest.mark.parametrize(
    ("lookup", "expected"),
    [
        ("", [BAIKONUR]),
        ("__gt", [KOUROU]),
        ("__gte", [BAIKONUR, KOUROU]),
        ("__lt", [KSC]),
        ("__lte", [KSC, BAIKONUR]),
    ],
)
def test_location_id_filters(api, sites, lookup, expected):
    assert names(api.get(LOCATIONS, {f"id{lookup}": sites[BAIKONUR].id})) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("cosmodrome", [BAIKONUR]),  # the name, ignoring case
        ("guf", [KOUROU]),  # the country code
        ("us", [KSC]),
        ("Wallops", []),
    ],
)
def test_location_search(api, sites, term, expected):
    assert names(api.get(LOCATIONS, {"search": term})) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        (None, [KSC, BAIKONUR, KOUROU]),  # by id
        ("-id", [KOUROU, BAIKONUR, KSC]),
        ("name", [BAIKONUR, KOUROU, KSC]),
        ("-name", [KSC, KOUROU, BAIKONUR]),
    ],
)
def test_location_ordering(api, sites, ordering, expected):
    assert names(api.get(LOCATIONS, {"ordering": ordering} if ordering else {})) == expected


@pytest.mark.parametrize(
    "query",
    [
        {"id": "abc"},
        {"id__gt": "1.5"},
        {"total_launch_count__lte": "-3"},
        {"total_landing_count": "none"},
        {"name": "\x00"},
        {"country_code": "\x00"},
        {"country_code__contains": "\x00"},
        {"search": "\x00"},
        {"ordering": "country_code"},
        {"ordering": "-bogus"},
    ],
)
def test_bad_location_filter_values_are_refused_naming_the_parameter(api, sites, query):
    response = api.get(LOCATIONS, query)

    assert response.status_code == 400
    assert response.json()["parameters"] == list(query)


# Queries

# Pads: the count, then the pads joined with their location; the detail: the pad with its location.
PAD_LIST_QUERIES = 2
PAD_DETAIL_QUERIES = 1
# Locations: the count, then the locations; the detail: the location, then its pads.
LOCATION_LIST_QUERIES = 2
LOCATION_DETAIL_QUERIES = 2


@pytest.fixture
def many_pads():
    """Twelve locations with two pads each."""
    return [
        complete_pad(location=location) for location in LocationFactory.create_batch(12) for _ in range(2)
    ]


@pytest.mark.parametrize("limit", [1, 100])
def test_pad_list_queries_do_not_grow_with_the_page(api, many_pads, django_assert_num_queries, limit):
    with django_assert_num_queries(PAD_LIST_QUERIES):
        page = api.get(PADS, {"limit": limit}).json()

    assert len(page["results"]) == min(limit, len(many_pads))


def test_pad_detail_queries(api, many_pads, django_assert_num_queries):
    with django_assert_num_queries(PAD_DETAIL_QUERIES):
        response = api.get(f"{PADS}{many_pads[0].id}/")

    assert response.status_code == 200


@pytest.mark.parametrize("limit", [1, 100])
def test_location_list_queries_do_not_grow_with_the_page(api, many_pads, django_assert_num_queries, limit):
    with django_assert_num_queries(LOCATION_LIST_QUERIES):
        page = api.get(LOCATIONS, {"limit": limit}).json()

    assert len(page["results"]) == min(limit, 12)


def test_location_detail_queries(api, many_pads, django_assert_num_queries):
    with django_assert_num_queries(LOCATION_DETAIL_QUERIES):
        response = api.get(f"{LOCATIONS}{many_pads[0].location_id}/")

    assert len(response.json()["pads"]) == 2


# Bad paths and methods


@pytest.mark.parametrize("base", [PADS, LOCATIONS])
@pytest.mark.parametrize("path", ["999999/", "abc/", "2147483648/", "1.5/"])
def test_unknown_or_malformed_ids_are_404(api, pads, base, path):
    assert api.get(f"{base}{path}").status_code == 404


@pytest.mark.parametrize("base", [PADS, LOCATIONS])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_endpoints_are_read_only(api, pads, base, method):
    detail = f"{base}{pads[0].id if base == PADS else pads[0].location_id}/"

    assert getattr(api, method)(base).status_code == 405
    assert getattr(api, method)(detail).status_code == 405
