import datetime

import pytest

from tests.factories import (
    AstronautFactory,
    AstronautFlightFactory,
    LaunchFactory,
    SpacecraftFlightFactory,
    at,
)

FUTURE = at(2999, 1, 1)


def seat(flight, crew, astronaut):
    """Put `astronaut` in the `crew` ("launch_crew", "onboard_crew", "landing_crew") of `flight`."""
    getattr(flight, crew).add(AstronautFlightFactory(astronaut=astronaut))
    return flight


def flight_at(net, *, mission_end=datetime.timedelta(days=10)):
    """A flight launched at `net`, ending `mission_end` after it (None: no mission end yet)."""
    end = None if mission_end is None else net + mission_end
    return SpacecraftFlightFactory(launch=LaunchFactory(net=net), mission_end=end)


def flown_astronaut(**kwargs):
    """An astronaut with every part the detailed shape shows: launched on two past flights (landing on
    the second), and in the launch crew of an upcoming one."""
    astronaut = AstronautFactory(**kwargs)
    seat(flight_at(at(2001, 3, 8)), "launch_crew", astronaut)
    second = seat(flight_at(at(2005, 7, 26)), "launch_crew", astronaut)
    seat(second, "landing_crew", astronaut)
    seat(flight_at(FUTURE, mission_end=None), "launch_crew", astronaut)
    return astronaut


@pytest.fixture
def astronauts():
    return [flown_astronaut() for _ in range(3)]
