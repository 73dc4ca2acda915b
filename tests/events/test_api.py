"""The event endpoints' payloads (LL2's `Events`), the split of upcoming and previous events, their
lookups, and `dashboard/starship/`."""

import datetime
import json

import pytest
from django.test import override_settings

from tests.factories import (
    EventFactory,
    LaunchFactory,
    NoticeFactory,
    RoadClosureFactory,
    UpdateFactory,
    at,
    complete_event,
    days,
    starship_program,
)
from tests.helpers import LL2, component_keys

pytestmark = pytest.mark.django_db

EVENTS = "/2.2.0/event/"
UPCOMING = "/2.2.0/event/upcoming/"
PREVIOUS = "/2.2.0/event/previous/"


def ids(api, path, **params):
    return [item["id"] for item in api.get(path, {"limit": 100, **params}).json()["results"]]


def test_an_event_has_ll2_s_keys_in_ll2_s_order(api, ll2_schema):
    event = complete_event()

    shown = api.get(f"{EVENTS}{event.id}/").json()

    reference = json.loads((LL2 / "data" / "event-266.2.2.0.list-item.json").read_text())
    # LL2's 2021 item predates `webcast_live`, which its schema has (after `description`).
    assert list(shown) == component_keys(ll2_schema, "Events")
    assert [key for key in shown if key in reference] == list(reference)
    assert shown["type"] == {"id": event.type.id, "name": "Docking"}
    assert [launch["id"] for launch in shown["launches"]] == [str(event.launches.get().id)]
    assert shown["launches"][0]["type"] == "normal"
    assert [station["id"] for station in shown["spacestations"]] == [event.spacestations.get().id]
    assert shown["expeditions"][0]["spacestation"]["id"] == event.expeditions.get().spacestation_id
    assert shown["program"][0]["id"] == event.program.get().id
    assert [update["comment"] for update in shown["updates"]] == ["NET moved."]


def test_an_event_s_updates_are_newest_first(api):
    event = EventFactory()
    older = UpdateFactory(launch=None, event=event, created_on=at(2021, 1, 1))
    newer = UpdateFactory(launch=None, event=event, created_on=at(2021, 2, 1))

    shown = api.get(f"{EVENTS}{event.id}/").json()

    assert [update["id"] for update in shown["updates"]] == [newer.id, older.id]


def test_the_list_is_by_date_with_undated_events_last(api):
    late = EventFactory(date=at(2022, 1, 1))
    undated = EventFactory(date=None)
    early = EventFactory(date=at(2021, 1, 1))

    assert ids(api, EVENTS) == [early.id, late.id, undated.id]


def test_upcoming_is_from_24_hours_ago_soonest_first_and_previous_is_the_past_newest_first(api):
    two_days_ago = EventFactory(date=days(-2))
    an_hour_ago = EventFactory(date=days(0) - datetime.timedelta(hours=1))
    tomorrow = EventFactory(date=days(1))
    next_week = EventFactory(date=days(7))
    EventFactory(date=None)

    assert ids(api, UPCOMING) == [an_hour_ago.id, tomorrow.id, next_week.id]
    assert ids(api, PREVIOUS) == [an_hour_ago.id, two_days_ago.id]
    # LL2's `hide_recent_previous`: without those of the last 24 hours whose date has passed.
    assert ids(api, UPCOMING, hide_recent_previous="true") == [tomorrow.id, next_week.id]


def test_upcoming_and_previous_details_are_the_event(api):
    event = complete_event(date=days(1))

    detail = api.get(f"{EVENTS}{event.id}/").json()

    assert api.get(f"{UPCOMING}{event.id}/").json() == detail
    assert detail["url"] == f"http://testserver{EVENTS}{event.id}/"


def test_an_unknown_event_is_a_404(api):
    assert api.get(f"{EVENTS}99999/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_not_allowed(api, method):
    event = EventFactory()

    assert getattr(api, method)(f"{EVENTS}{event.id}/", {"name": "x"}, format="json").status_code == 405


def test_the_event_lookups_are_id_and_name(api):
    event = EventFactory()

    assert api.get("/2.2.0/config/eventtype/").json()["results"] == [{"id": event.type.id, "name": "Docking"}]
    assert api.get(f"/2.2.0/config/eventtype/{event.type.id}/").json() == {
        "id": event.type.id,
        "name": "Docking",
    }


# dashboard/starship/


DASHBOARD = "/2.2.0/dashboard/starship/"


def test_the_dashboard_shows_the_programme_on_both_sides_of_now(api):
    program = starship_program()
    LaunchFactory(net=days(3))  # of no programme of the dashboard

    dashboard = api.get(DASHBOARD).json()

    assert list(dashboard) == ["upcoming", "previous", "live_streams", "road_closures", "notices", "vehicles"]
    upcoming, previous = dashboard["upcoming"], dashboard["previous"]
    assert [launch["id"] for launch in upcoming["launches"]] == [
        str(launch.id) for launch in program.launches.filter(net__gt=days(0))
    ]
    assert [launch["id"] for launch in previous["launches"]] == [
        str(launch.id) for launch in program.launches.filter(net__lt=days(0))
    ]
    assert upcoming["launches"][0]["type"] == "normal"
    assert len(upcoming["events"]) == len(previous["events"]) == 1
    assert list(upcoming["events"][0]) == list(api.get(EVENTS).json()["results"][0])
    assert list(dashboard["live_streams"][0]) == ["title", "description", "image", "url"]
    assert list(dashboard["road_closures"][0]) == ["id", "title", "status", "window_start", "window_end"]
    assert list(dashboard["road_closures"][0]["status"]) == ["id", "name"]
    assert list(dashboard["notices"][0]) == ["id", "type", "date", "url"]
    assert list(dashboard["vehicles"][0]) == [
        "id",
        "url",
        "flight_proven",
        "serial_number",
        "status",
        "details",
        "launcher_config",
        "image_url",
        "flights",
        "last_launch_date",
        "first_launch_date",
    ]


def test_the_dashboard_shows_road_closures_under_way_or_to_come_and_the_newest_notices(api):
    RoadClosureFactory(window_start=days(-3), window_end=days(-2))
    under_way = RoadClosureFactory(window_start=days(-1), window_end=days(1))
    to_come = RoadClosureFactory(window_start=days(2), window_end=days(3))
    notices = [NoticeFactory() for _ in range(12)]

    dashboard = api.get(DASHBOARD).json()

    assert [closure["id"] for closure in dashboard["road_closures"]] == [under_way.id, to_come.id]
    assert [notice["id"] for notice in dashboard["notices"]] == [notice.id for notice in notices[::-1][:10]]


def test_the_dashboard_s_programme_is_named_by_a_setting(api):
    starship_program(name="Super Heavy Programme")

    assert api.get(DASHBOARD).json()["vehicles"] == []
    with override_settings(STARSHIP_PROGRAM="Super Heavy Programme"):
        assert len(api.get(DASHBOARD).json()["vehicles"]) == 1


def test_without_the_programme_the_dashboard_is_empty_not_an_error(api):
    dashboard = api.get(DASHBOARD).json()

    assert dashboard["upcoming"] == dashboard["previous"] == {"launches": [], "events": []}
    assert dashboard["vehicles"] == []


def test_the_api_root_lists_the_new_endpoints(api):
    root = api.get("/2.2.0/").json()

    for name in (
        "event",
        "event/upcoming",
        "event/previous",
        "updates",
        "dashboard/starship",
        "config/orbit",
    ):
        assert root[name] == f"http://testserver/2.2.0/{name}/", name
    assert (
        api.get("/api/2.2.0/").json()["dashboard/starship"]
        == "http://testserver/api/2.2.0/dashboard/starship/"
    )
