"""Our own fuzzer: every parameter of every endpoint, with values a client may send by mistake or
malice, is answered below 500, in JSON; a refused value is a 400 that names its parameter.

It runs on the database of the suite, PostgreSQL and SQLite alike: what one of them cannot store (an
offset of 16 hours, the year 0 in UTC) is what it is for.
"""

import pytest
from django.utils import timezone
from django_filters import rest_framework as filters

from spacedevs.api.filters import DateTimeFilter
from spacedevs.api.urls import router
from tests.factories import complete_flight, complete_launch

pytestmark = pytest.mark.django_db

ENDPOINTS = [(f"/2.2.0/{prefix}/", viewset) for prefix, viewset, _basename in router.registry]

# What the fuzzers of issue 10 found, and their kin: for every parameter, and by the kind of value it takes.
ANY = ["abc", "\x00", "99999999999999999999999", "ü" * 300]
BY_KIND = {
    DateTimeFilter: [
        "2020-01-01T00:00:00-19:00",
        "2020-01-01T00:00:00+23:59",
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:00:00-05:00",
        "2020-02-30",
    ],
    filters.DateFilter: ["0000-00-00", "2020-02-30", "9999-12-31"],
    filters.NumberFilter: ["-1", "1.5", "1e400", "1,,x", "2147483648"],
    filters.BooleanFilter: ["maybe", "2"],
    filters.CharFilter: ["%", "_", "\\", "'; SELECT 1; --", "a\x00b"],
}
PAGING = {"limit": ["-1", "1e400", "\x00"], "offset": ["-1", "99999999999999999999"], "format": ["bogus"]}

DATETIME_PARAMETERS = sorted(
    (endpoint, name)
    for endpoint, viewset in ENDPOINTS
    for name, value in viewset.filterset_class.base_filters.items()
    if isinstance(value, DateTimeFilter)
)


@pytest.fixture
def data():
    complete_flight()
    complete_launch(net=timezone.now())


def values_of(filter_):
    return ANY + next((values for kind, values in BY_KIND.items() if isinstance(filter_, kind)), [])


def fuzzed(viewset, *, seen):
    """(parameter, value) pairs for an endpoint; a filter already met on an endpoint of the same model
    (`launch/upcoming/` shares `launch/`'s) builds the same SQL and is not sent again."""
    model = viewset.filterset_class._meta.model
    for name, filter_ in sorted(viewset.filterset_class.base_filters.items()):
        if (model, name) in seen:
            continue
        seen.add((model, name))
        for value in values_of(filter_):
            yield name, value
    for name, values in PAGING.items():
        for value in values:
            yield name, value


SEEN = set()
FUZZED = [(endpoint, list(fuzzed(viewset, seen=SEEN))) for endpoint, viewset in ENDPOINTS]


@pytest.mark.parametrize(("endpoint", "pairs"), FUZZED, ids=[endpoint for endpoint, _ in FUZZED])
def test_no_value_of_any_parameter_is_a_server_error(api, data, endpoint, pairs):
    failures = []
    for name, value in pairs:
        response = api.get(endpoint, {name: value})
        if response.status_code >= 500 or response["Content-Type"] != "application/json":
            failures.append((name, value, response.status_code))
        elif response.status_code == 400 and response.json().get("parameters") != [name]:
            failures.append((name, value, response.json()))
    assert failures == []


@pytest.mark.parametrize(("endpoint", "viewset"), ENDPOINTS, ids=[path for path, _ in ENDPOINTS])
def test_no_detail_path_is_a_server_error(api, data, endpoint, viewset):
    for bad_id in ("abc", "-1", "1.5", "99999999999", "%00", "0", "C3A3C65B-5BD8-4181-8557-B693BF299365"):
        response = api.get(f"{endpoint}{bad_id}/")
        assert response.status_code == 404, bad_id
        assert response.json() == {"detail": "Not found."}


def test_every_datetime_filter_is_strict():
    # LL2's schema lists 26 datetime parameters: launch/ (net, window_start, window_end, last_updated),
    # docking_event/ (docking), expedition/ (start, end); its event lists take 4 more each (`date`,
    # rule *event-dates* of docs/schema-differences.md) on event/, event/upcoming/, event/previous/.
    assert len(DATETIME_PARAMETERS) == 26 + 3 * 4


@pytest.mark.parametrize(("endpoint", "name"), DATETIME_PARAMETERS)
@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"])
def test_a_datetime_the_database_cannot_store_is_a_400_naming_the_parameter(api, endpoint, name, value):
    response = api.get(endpoint, {name: value})

    assert response.status_code == 400
    assert response.json() == {
        "detail": f"Invalid value for '{name}': Enter a date and time between the years 1 and 9999 in UTC.",
        "parameters": [name],
    }


@pytest.mark.parametrize(("endpoint", "name"), DATETIME_PARAMETERS)
@pytest.mark.parametrize("offset", ["-19:00", "+23:59", "-05:00", "Z"])
def test_a_datetime_with_any_offset_is_accepted(api, endpoint, name, offset):
    assert api.get(endpoint, {name: f"2020-01-01T00:00:00{offset}"}).status_code == 200
