"""Stations with what LL2 derives from now: expeditions under way and flights docked at their ports."""

import datetime

from django.utils import timezone

from tests.factories import (
    AgencyFactory,
    DockingEventFactory,
    DockingLocationFactory,
    ExpeditionFactory,
    LaunchFactory,
    SpacecraftFlightFactory,
    SpaceStationFactory,
    complete_flight,
)


def days(n):
    """Now plus `n` days (a negative `n` is in the past)."""
    return timezone.now() + datetime.timedelta(days=n)


def dock(location, *, docked=-2, departs=None, flight=None):
    """A docking event at `location`: docked `docked` days from now, departing `departs` days from now
    (None: no departure yet). The flight is a new one launched a day before, unless given."""
    if flight is None:
        flight = SpacecraftFlightFactory(launch=LaunchFactory(net=days(docked - 1)), mission_end=None)
    departure = None if departs is None else days(departs)
    return DockingEventFactory(
        flight=flight, docking_location=location, docking=days(docked), departure=departure
    )


def busy_station(**kwargs):
    """A station with every part LL2 shows: an owner, an expedition under way (with its crew), and a
    port holding a complete flight (crews, programmes) docked now."""
    station = SpaceStationFactory(owners=[AgencyFactory()], **kwargs)
    ExpeditionFactory(spacestation=station, start=days(-30))
    dock(DockingLocationFactory(spacestation=station), flight=complete_flight())
    return station
