"""The event lists' filters: the schema's (`id`, `type`, `program`, `slug`, `search`), the dates clients
send ("this day in space": `date__month=11&date__day=28`), `ordering`, and the 400 for a bad value."""

import pytest

from tests.factories import EventFactory, EventTypeFactory, ProgramFactory, at

pytestmark = pytest.mark.django_db

EVENTS = "/2.2.0/event/"


@pytest.fixture
def events():
    iss, starship = ProgramFactory(name="ISS"), ProgramFactory(name="Starship")
    spacewalk = EventTypeFactory(name="EVA")
    return {
        "docking": EventFactory(
            name="Progress MS-17 Docking", slug="progress-ms-17-docking", date=at(2021, 7, 2), program=[iss]
        ),
        "eva": EventFactory(name="US EVA 75", type=spacewalk, date=at(2021, 11, 28, 12), program=[iss]),
        "fire": EventFactory(name="Static Fire", date=at(2023, 11, 28, 23, 59), program=[starship]),
        "programmes": (iss, starship),
        "spacewalk": spacewalk,
    }


def names(api, params, path=EVENTS):
    response = api.get(path, {**params, "limit": 100})
    assert response.status_code == 200, response.json()
    return [item["name"] for item in response.json()["results"]]


def test_this_day_in_space(api, events):
    assert names(api, {"date__month": 11, "date__day": 28}) == ["US EVA 75", "Static Fire"]
    assert names(api, {"date__month": 11, "date__day": 28, "date__year": 2023}) == ["Static Fire"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"date__gt": "2021-07-02T00:00:00Z"}, ["US EVA 75", "Static Fire"]),
        ({"date__gte": "2021-07-02T00:00:00Z"}, ["Progress MS-17 Docking", "US EVA 75", "Static Fire"]),
        ({"date__lt": "2021-11-28T12:00:00Z"}, ["Progress MS-17 Docking"]),
        ({"date__lte": "2021-11-28T12:00:00Z"}, ["Progress MS-17 Docking", "US EVA 75"]),
        ({"slug": "progress-ms-17-docking"}, ["Progress MS-17 Docking"]),
        ({"search": "eva"}, ["US EVA 75"]),
        ({"ordering": "-date"}, ["Static Fire", "US EVA 75", "Progress MS-17 Docking"]),
    ],
)
def test_filter_search_and_ordering(api, events, params, expected):
    assert names(api, params) == expected


def test_by_id_type_and_programme(api, events):
    iss, starship = events["programmes"]

    assert names(api, {"id": events["eva"].id}) == ["US EVA 75"]
    assert names(api, {"type": events["spacewalk"].id}) == ["US EVA 75"]
    assert names(api, {"program": starship.id}) == ["Static Fire"]
    assert len(names(api, {"program": [iss.id, starship.id]})) == 3


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"date__month": "13"}, "date__month"),
        ({"date__day": "x"}, "date__day"),
        ({"date__gte": "yesterday"}, "date__gte"),
        ({"type": "docking"}, "type"),
        ({"program": "1.5"}, "program"),
        ({"id": "-1"}, "id"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(api, events, params, parameter):
    response = api.get(EVENTS, params)

    assert response.status_code == 400
    assert parameter in response.json()["detail"]
    assert response.json()["parameters"] == [parameter]


@pytest.mark.parametrize("path", ["config/eventtype/", "config/noticetype/", "config/roadclosurestatus/"])
def test_a_lookup_searches_and_orders_by_name(api, events, path):
    response = api.get(f"/2.2.0/{path}", {"search": "zzz-nothing", "ordering": "-name"})

    assert response.status_code == 200
    assert response.json()["results"] == []
