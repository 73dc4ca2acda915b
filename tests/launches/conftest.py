"""Fixtures that several modules of the launch tests share."""

import pytest

from tests.factories import (
    AgencyFactory,
    LauncherConfigFactory,
    LauncherFactory,
    ProgramFactory,
    booster_flight,
    complete_launcher_config,
    complete_pad,
)


@pytest.fixture
def boosters():
    """B1058: three flights (two landings attempted, one landed), flight proven, SpaceX's Falcon 9;
    B1000: no flight yet, by another manufacturer."""
    falcon = LauncherConfigFactory(name="Falcon 9", manufacturer=AgencyFactory(name="SpaceX"))
    reflown = LauncherFactory(
        serial_number="B1058", status="active", flight_proven=True, launcher_config=falcon
    )
    for day, landed in [(1, True), (2, False), (3, None)]:
        booster_flight(reflown, day=day, landed=landed)
    new = LauncherFactory(serial_number="B1000", status="expended", flight_proven=False)
    return {"B1058": reflown, "B1000": new}


@pytest.fixture
def configs():
    return [complete_launcher_config() for _ in range(3)]


@pytest.fixture
def pads():
    return [complete_pad() for _ in range(3)]


@pytest.fixture
def programs():
    return ProgramFactory.create_batch(3)
