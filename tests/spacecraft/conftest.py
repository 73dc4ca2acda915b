"""Fixtures that several modules of the spacecraft tests share."""

import pytest

from tests.factories import SpacecraftConfigFactory, SpacecraftFactory, complete_flight


@pytest.fixture
def fleet():
    """Three spacecraft, each with two flights with every part a flight shows."""
    fleet = SpacecraftFactory.create_batch(3)
    for vehicle in fleet:
        for _ in range(2):
            complete_flight(spacecraft=vehicle)
    return fleet


@pytest.fixture
def configs():
    return SpacecraftConfigFactory.create_batch(3)
