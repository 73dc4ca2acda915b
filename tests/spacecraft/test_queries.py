"""Every spacecraft endpoint runs a fixed number of queries, whatever the page size (literal numbers).

The endpoints: `spacecraft/flight/`, `spacecraft/`, `config/spacecraft/` and `docking_event/`.
"""

import pytest

from tests.factories import (
    AgencyFactory,
    SpacecraftConfigFactory,
    complete_flight,
)

# The queries of the selectors, which the compiled serializers read (on SQLite, in the browsable API);
# on PostgreSQL the database writes most payloads in one statement (tests/spacedevs/test_sqljson.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("python_payloads")]


# --- spacecraft/flight/ ------------------------------------------------------------------------------

FLIGHTS = "/2.2.0/spacecraft/flight/"

# normal: count, flights (with launch and its relations), spacecraft (with statistics), programmes,
# programme agencies, mission patches.
FLIGHT_NORMAL_LIST_QUERIES = 6

# detailed: the same, plus docking events, and each of the three crews with its astronauts (2 each).
FLIGHT_DETAILED_LIST_QUERIES = 13

# detail: the detailed list without the count.
FLIGHT_DETAIL_QUERIES = 12


@pytest.fixture
def flights():
    return [complete_flight() for _ in range(12)]


@pytest.mark.parametrize(
    ("mode", "queries"), [("normal", FLIGHT_NORMAL_LIST_QUERIES), ("detailed", FLIGHT_DETAILED_LIST_QUERIES)]
)
@pytest.mark.parametrize("limit", [1, 100])
def test_flight_list_queries_do_not_grow_with_the_page(
    api, flights, django_assert_num_queries, mode, queries, limit
):
    with django_assert_num_queries(queries):
        page = api.get(FLIGHTS, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, len(flights))


def test_flight_detail_queries(api, flights, django_assert_num_queries):
    with django_assert_num_queries(FLIGHT_DETAIL_QUERIES):
        response = api.get(f"{FLIGHTS}{flights[0].id}/")

    assert response.status_code == 200


# --- spacecraft/ -------------------------------------------------------------------------------------

SPACECRAFT = "/2.2.0/spacecraft/"

# normal: the count, then the spacecraft with statistics, status and configuration.
SPACECRAFT_LIST_QUERIES = 2

# detailed: the same, plus the flights with their launches, and the launches' programmes (3).
SPACECRAFT_DETAILED_LIST_QUERIES = 6

# detail: the detailed list without the count.
SPACECRAFT_DETAIL_QUERIES = 5


@pytest.mark.parametrize(
    ("mode", "queries"), [("normal", SPACECRAFT_LIST_QUERIES), ("detailed", SPACECRAFT_DETAILED_LIST_QUERIES)]
)
@pytest.mark.parametrize("limit", [1, 100])
def test_spacecraft_list_queries_do_not_grow_with_the_page(
    api, fleet, django_assert_num_queries, mode, queries, limit
):
    with django_assert_num_queries(queries):
        page = api.get(SPACECRAFT, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, 3)


def test_spacecraft_detail_queries(api, fleet, django_assert_num_queries):
    with django_assert_num_queries(SPACECRAFT_DETAIL_QUERIES):
        shown = api.get(f"{SPACECRAFT}{fleet[0].id}/").json()

    assert shown["flights"][0]["launch"]["program"][0]["mission_patches"]


# --- config/spacecraft/ ------------------------------------------------------------------------------

SPACECRAFT_CONFIGS = "/2.2.0/config/spacecraft/"

# the count, then the configurations with type and agency (its type and parent).
SPACECRAFT_CONFIG_LIST_QUERIES = 2

# the configuration alone.
SPACECRAFT_CONFIG_DETAIL_QUERIES = 1


@pytest.mark.parametrize("mode", ["normal", "detailed"])
@pytest.mark.parametrize("limit", [1, 100])
def test_spacecraft_config_list_queries_do_not_grow_with_the_page(
    api, django_assert_num_queries, mode, limit
):
    SpacecraftConfigFactory.create_batch(4, agency__parent=AgencyFactory())

    with django_assert_num_queries(SPACECRAFT_CONFIG_LIST_QUERIES):
        page = api.get(SPACECRAFT_CONFIGS, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, 4)
    assert page["results"][0]["agency"]["parent"]


def test_spacecraft_config_detail_queries(api, configs, django_assert_num_queries):
    with django_assert_num_queries(SPACECRAFT_CONFIG_DETAIL_QUERIES):
        response = api.get(f"{SPACECRAFT_CONFIGS}{configs[0].id}/")

    assert response.status_code == 200


# --- docking_event/ ----------------------------------------------------------------------------------

DOCKING_EVENTS = "/2.2.0/docking_event/"

# normal and detailed: count, events (with flight, docking location and station), spacecraft (with
# statistics, status, configuration and its agency).
DOCKING_EVENT_LIST_QUERIES = 3

# detail: the list without the count.
DOCKING_EVENT_DETAIL_QUERIES = 2


@pytest.mark.parametrize("mode", ["normal", "detailed"])
@pytest.mark.parametrize("limit", [1, 100])
def test_docking_event_list_queries_do_not_grow_with_the_page(api, django_assert_num_queries, mode, limit):
    for _ in range(6):
        complete_flight()

    with django_assert_num_queries(DOCKING_EVENT_LIST_QUERIES):
        page = api.get(DOCKING_EVENTS, {"mode": mode, "limit": limit}).json()

    assert len(page["results"]) == min(limit, 6)


def test_docking_event_detail_queries(api, django_assert_num_queries):
    flights = [complete_flight() for _ in range(3)]
    event = flights[0].docking_events.get()

    with django_assert_num_queries(DOCKING_EVENT_DETAIL_QUERIES):
        response = api.get(f"{DOCKING_EVENTS}{event.id}/")

    assert response.status_code == 200
