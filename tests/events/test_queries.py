"""The number of queries of every event endpoint, its lookups' and the dashboard's, at page size 1 and
100: a literal, which does not grow with the rows a page holds."""

import pytest

from tests.factories import (
    LauncherFactory,
    LaunchFactory,
    NoticeTypeFactory,
    RoadClosureStatusFactory,
    complete_event,
    days,
    starship_program,
)

# The queries of the selectors, which the compiled serializers read (on SQLite, in the browsable API);
# on PostgreSQL the database writes most payloads in one statement (tests/spacedevs/test_sqljson.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("python_payloads")]


@pytest.fixture
def events():
    """Events on both sides of now, each with every part its shape shows, and the Starship programme."""
    for n in range(3):
        complete_event(date=days(-5 + 5 * n))
        NoticeTypeFactory()
        RoadClosureStatusFactory()
    starship_program()


# An event: its page, then type (joined), updates, launches (with their programmes: programmes, their
# agencies, their mission patches), expeditions (with their mission patches), stations, programmes
# (with their agencies and mission patches); and the count.
EVENT_LIST_QUERIES = 13


@pytest.mark.parametrize("path", ["/2.2.0/event/", "/2.2.0/event/upcoming/", "/2.2.0/event/previous/"])
@pytest.mark.parametrize("limit", [1, 100])
def test_an_event_list(api, events, django_assert_num_queries, path, limit):
    with django_assert_num_queries(EVENT_LIST_QUERIES):
        page = api.get(path, {"limit": limit}).json()
    assert page["results"]


def test_an_event_detail(api, events, django_assert_num_queries):
    event = api.get("/2.2.0/event/").json()["results"][0]

    with django_assert_num_queries(12):
        api.get(f"/2.2.0/event/{event['id']}/")


@pytest.mark.parametrize("path", ["config/eventtype/", "config/noticetype/", "config/roadclosurestatus/"])
@pytest.mark.parametrize("limit", [1, 100])
def test_a_lookup_list_is_its_count_and_its_page(api, events, django_assert_num_queries, path, limit):
    with django_assert_num_queries(2):
        assert api.get(f"/2.2.0/{path}", {"limit": limit}).json()["results"]


@pytest.mark.parametrize("path", ["config/eventtype/", "config/noticetype/", "config/roadclosurestatus/"])
def test_a_lookup_detail_is_one_query(api, events, django_assert_num_queries, path):
    item = api.get(f"/2.2.0/{path}").json()["results"][0]

    with django_assert_num_queries(1):
        api.get(f"/2.2.0/{path}{item['id']}/")


@pytest.mark.parametrize("more", [0, 3])
def test_the_dashboard(api, django_assert_num_queries, more):
    # More launches, events and vehicles of the programme do not add queries.
    program = starship_program()
    for n in range(more):
        LaunchFactory(net=days(20 + n), program=[program])
        LaunchFactory(net=days(-20 - n), program=[program])
        complete_event(date=days(20 + n), program=[program])
        complete_event(date=days(-20 - n), program=[program])
        LauncherFactory(launcher_config=program.launcher_configs.get())

    with django_assert_num_queries(37):
        dashboard = api.get("/2.2.0/dashboard/starship/").json()
    assert len(dashboard["vehicles"]) == 1 + more
    assert len(dashboard["upcoming"]["launches"]) == 1 + more
