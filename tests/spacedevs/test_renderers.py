"""The orjson renderer writes the bytes DRF's JSONRenderer writes: on every list of the demo, and on the
values where orjson and Python's json module differ."""

import datetime
import uuid

import pytest
from rest_framework.renderers import JSONRenderer

from spacedevs.api.renderers import ORJSONRenderer
from spacedevs.api.urls import router
from tests.factories import busy_station, complete_launch, flown_astronaut


@pytest.fixture
def demo(read_only_demo):
    """The demo, loaded once for this module: its tests only read it (tests/conftest.py)."""


LISTS = [
    pytest.param(f"/2.2.0/{prefix}/", name, id=f"{prefix}?mode={name}")
    for prefix, viewset, _basename in router.registry
    for name in viewset.get_list_modes()
]


@pytest.fixture
def demo_and_more(demo):
    complete_launch()
    flown_astronaut()
    busy_station()


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "mode"), LISTS)
def test_every_list_is_drf_json_byte_for_byte(api, settings, demo_and_more, path, mode):
    # The payloads as Python writes them (the database's are compared with these in test_sqljson.py).
    settings.SQL_PAYLOADS = False
    response = api.get(path, {"mode": mode, "limit": 100}, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response.content == JSONRenderer().render(response.data)


@pytest.mark.django_db
def test_the_contract_detail_is_drf_json_byte_for_byte(api, settings, demo):
    settings.SQL_PAYLOADS = False
    response = api.get("/2.2.0/spacecraft/flight/567/?format=json")

    assert response.content == JSONRenderer().render(response.data)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(
            {"height": 3.0, "mass": 11.0, "volume": 1e16, "big": 1.2345678901234568e16}, id="floats"
        ),
        pytest.param({"tiny": 1e-05, "tinier": -2.5e-07}, id="floats-under-0.0001"),
        pytest.param({"name": "Байконур, Kourou, 酒泉 \u2028 \u2029 </script>"}, id="non-ascii"),
        pytest.param(
            {
                "utc": datetime.datetime(2021, 3, 8, 12, 30, tzinfo=datetime.UTC),
                "micro": datetime.datetime(2021, 3, 8, 12, 30, 0, 5, tzinfo=datetime.UTC),
                "date": datetime.date(2021, 3, 8),
                "id": uuid.UUID("e3df2ecd-c239-472f-95e4-2b89b4f75800"),
            },
            id="datetimes-and-uuids",
        ),
        pytest.param({"huge": 2**70, 1: "not a string key"}, id="what-orjson-refuses"),
        pytest.param([{"b": 1, "a": [True, False, None]}], id="key-order"),
    ],
)
def test_values_are_encoded_as_drf_encodes_them(value):
    assert ORJSONRenderer().render(value) == JSONRenderer().render(value)


def test_an_indented_response_is_drf_s():
    value = {"a": [1, 2], "b": {"c": 3.0}}
    context = {"indent": 4}

    assert ORJSONRenderer().render(value, "application/json", context) == JSONRenderer().render(
        value, "application/json", context
    )
