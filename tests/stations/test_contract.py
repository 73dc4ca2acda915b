"""LL2's own expeditions (tests/ll2/, 2.1.0), built with LL2's ids and values, are served as LL2 did."""

import json

import pytest

from tests.factories import (
    ExpeditionFactory,
    OrbitFactory,
    SpaceStationFactory,
    SpaceStationStatusFactory,
)
from tests.helpers import LL2, from_ll2_2_1_0, ordered, restricted_to

pytestmark = pytest.mark.django_db

EXPEDITIONS = "/2.2.0/expedition/"
LL2_EXPEDITIONS = json.loads((LL2 / "expeditions-2.1.0.json").read_text())


def _from_ll2(expedition):
    """The expedition (and its station) of an LL2 2.1.0 list item, with the same ids and values."""
    station = expedition["spacestation"]
    return ExpeditionFactory(
        id=expedition["id"],
        name=expedition["name"],
        start=expedition["start"],
        end=expedition["end"],
        spacestation=SpaceStationFactory(
            id=station["id"],
            name=station["name"],
            status=SpaceStationStatusFactory(id=station["status"]["id"], name=station["status"]["name"]),
            orbit=OrbitFactory(name=station["orbit"]),
            image_url=station["image_url"],
        ),
    )


def test_the_list_serves_ll2s_expeditions_with_their_2_2_0_mission_patches(api):
    for expedition in LL2_EXPEDITIONS:
        _from_ll2(expedition)

    served = api.get(EXPEDITIONS).json()["results"]

    expected = from_ll2_2_1_0(LL2_EXPEDITIONS)
    kept, later = restricted_to(served, expected)
    assert ordered(kept) == ordered(expected)
    # 2.2.0 added the mission patches (LL2's `Expedition`), last.
    assert later == {"mission_patches"}
    assert [list(item)[-1] for item in served] == ["mission_patches", "mission_patches"]
