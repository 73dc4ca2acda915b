"""Spacecraft flight and docking event models: the checks a curator's edit goes through."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import DockingEventFactory, LaunchFactory, SpacecraftFlightFactory, at

pytestmark = pytest.mark.django_db


def test_a_mission_cannot_end_before_its_launch():
    flight = SpacecraftFlightFactory(launch=LaunchFactory(net=at(1996, 1, 11)))
    flight.mission_end = at(1966, 1, 20)

    with pytest.raises(ValidationError) as refused:
        flight.full_clean()

    assert "mission_end" in refused.value.error_dict


def test_a_mission_may_end_when_it_launched():
    flight = SpacecraftFlightFactory(launch=LaunchFactory(net=at(1996, 1, 11)))
    flight.mission_end = flight.launch.net

    flight.full_clean()


def test_a_departure_cannot_come_before_the_docking():
    event = DockingEventFactory()
    event.departure = event.docking - datetime.timedelta(seconds=1)

    with pytest.raises(ValidationError) as refused:
        event.full_clean()

    assert "departure" in refused.value.error_dict
