"""`manage.py check_data` lists the impossible data (LL2's typos) with each object's admin URL; what
we derive from such data never goes negative."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import (
    AstronautFactory,
    DockingEventFactory,
    ExpeditionFactory,
    LaunchFactory,
    SpacecraftFlightFactory,
    at,
)

pytestmark = pytest.mark.django_db


def check_data(*args):
    out = io.StringIO()
    try:
        call_command("check_data", *args, stdout=out)
    except CommandError as error:
        return out.getvalue().splitlines(), str(error)
    return out.getvalue().splitlines(), None


def sts_72():
    # Endeavour's flight 119: LL2 has its mission end in 1966, its launch in 1996.
    return SpacecraftFlightFactory(
        launch=LaunchFactory(net=at(1996, 1, 11, 9, 41)), mission_end=at(1966, 1, 20)
    )


def test_nothing_impossible_is_said_so(db):
    SpacecraftFlightFactory()

    assert check_data() == (["No impossible data."], None)


def test_a_landing_before_its_launch():
    flight = sts_72()

    lines, error = check_data()

    assert lines == [
        f"spacecraft flight {flight.pk} ({flight}): it lands (mission end) before its launch: "
        f"/admin/spacecraft/spacecraftflight/{flight.pk}/change/"
    ]
    assert error == "1 object(s) hold impossible data."


@pytest.mark.parametrize(
    ("make", "problem", "admin"),
    [
        (
            lambda: DockingEventFactory(docking=at(2020, 1, 2), departure=at(2020, 1, 1)),
            "it departs before it docks",
            "spacecraft/dockingevent",
        ),
        (
            lambda: ExpeditionFactory(start=at(2020, 1, 2), end=at(2020, 1, 1)),
            "it ends before it starts",
            "stations/expedition",
        ),
        (
            lambda: AstronautFactory(
                date_of_birth=datetime.date(1930, 1, 1), date_of_death=datetime.date(1920, 1, 1)
            ),
            "they die before they are born",
            "astronauts/astronaut",
        ),
    ],
)
def test_each_rule(make, problem, admin):
    anomaly = make()

    lines, error = check_data("--base-url", "https://mirror.example.org/")

    assert [line for line in lines if problem in line] == [
        f"{anomaly._meta.verbose_name} {anomaly.pk} ({anomaly}): {problem}: "
        f"https://mirror.example.org/admin/{admin}/{anomaly.pk}/change/"
    ]
    assert error is not None


def test_a_flight_that_lands_before_its_launch_adds_no_time_in_space(api):
    flight = sts_72()
    SpacecraftFlightFactory(
        spacecraft=flight.spacecraft, launch=LaunchFactory(net=at(2000, 1, 1)), mission_end=at(2000, 1, 11)
    )

    shown = api.get(f"/2.2.0/spacecraft/{flight.spacecraft_id}/").json()

    assert shown["time_in_space"] == "P10D"


def test_a_departure_before_the_docking_adds_no_time_docked(api):
    event = DockingEventFactory(docking=at(2020, 1, 2), departure=at(2020, 1, 1))

    shown = api.get(f"/2.2.0/spacecraft/{event.flight.spacecraft_id}/").json()

    assert shown["time_docked"] == "P0D"


def test_a_death_before_the_birth_counts_as_no_death(api):
    today = datetime.datetime.now(datetime.UTC).date()
    born = (
        today.replace(year=today.year - 40) - datetime.timedelta(days=1)
        if today.month != 2
        else today.replace(year=today.year - 40, day=1)
    )
    astronaut = AstronautFactory(date_of_birth=born, date_of_death=datetime.date(1900, 1, 1))

    assert api.get(f"/2.2.0/astronaut/{astronaut.pk}/").json()["age"] == 40
