"""`manage.py populate`: synthetic flights with everything a real one has, the same for the same seed."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.utils import timezone

from launches.models import Launch
from mirror import populate as populate_module
from mirror.populate import populate
from spacecraft.models import SpacecraftFlight
from spacedevs import dataversion

pytestmark = pytest.mark.django_db


class _Undo(Exception):
    pass


def snapshot():
    """What the synthetic flights hold, without the database's own ids (sequences do not roll back)."""
    return [
        (
            flight.launch.id,
            flight.launch.slug,
            flight.launch.net,
            flight.launch.status.name,
            flight.spacecraft.name,
            flight.destination,
            sorted(seat.astronaut.name for seat in flight.launch_crew.all()),
            [event.docking_location.name for event in flight.docking_events.all()],
        )
        for flight in SpacecraftFlight.objects.select_related("launch__status", "spacecraft").order_by("id")
    ]


def populated(*, flights, seed):
    try:
        with transaction.atomic():
            populate(flights=flights, seed=seed)
            taken = snapshot()
            raise _Undo
    except _Undo:
        return taken


def test_the_same_seed_gives_the_same_flights():
    first = populated(flights=30, seed=7)

    assert populated(flights=30, seed=7) == first
    assert populated(flights=30, seed=8) != first


def test_at_least_a_page_of_launches_is_upcoming():
    populate(flights=150, seed=1)

    assert Launch.objects.upcoming().count() >= 100
    assert Launch.objects.previous().exists()


def test_names_say_the_data_is_synthetic():
    populate(flights=20, seed=1)

    assert all(
        name.startswith("Synthetic Spacecraft")
        for name in SpacecraftFlight.objects.values_list("spacecraft__name", flat=True)
    )
    assert all("Synthetic Mission" in name for name in Launch.objects.values_list("name", flat=True))


def test_spacecraft_and_astronauts_are_reused_across_flights():
    populate(flights=200, seed=1)

    flights = SpacecraftFlight.objects.all()
    assert flights.values("spacecraft").distinct().count() <= 200 // 10
    crewed = flights.filter(launch_crew__isnull=False).distinct()
    assert crewed.count() > 40
    seats = [seat.astronaut_id for flight in crewed for seat in flight.launch_crew.all()]
    assert len(set(seats)) < len(seats)


def test_every_field_the_contract_fills_is_filled(api, contract):
    populate(flights=300, seed=1)
    flight = (
        SpacecraftFlight.objects.filter(
            launch_crew__isnull=False, docking_events__isnull=False, mission_end__lt=timezone.now()
        )
        .order_by("id")
        .first()
    )

    payload = api.get(f"/2.2.0/spacecraft/flight/{flight.id}/").json()

    assert unfilled(payload, contract) == []
    assert payload["launch_crew"]
    assert payload["landing_crew"]
    assert payload["docking_events"]


def unfilled(payload, reference, path=""):
    """The key paths that the reference fills (not null) and the payload leaves null or out."""
    missing = []
    for key, value in reference.items():
        inner = f"{path}.{key}"
        if value is None:
            continue
        if payload.get(key) is None:
            missing.append(inner)
        elif isinstance(value, dict):
            missing += unfilled(payload[key], value, inner)
        elif isinstance(value, list) and value and isinstance(value[0], dict) and payload[key]:
            missing += unfilled(payload[key][0], value[0], inner)
    return missing


def test_it_bumps_the_data_version_and_recounts(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        call_command("populate", "--flights", "150", stdout=io.StringIO())

    assert dataversion.bump in callbacks
    assert Launch.objects.filter(orbital_launch_attempt_count__isnull=False).exists()


def test_no_flights_is_refused():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("populate", "--flights", "0")


def test_the_planner_knows_the_new_rows_before_the_recount(monkeypatch):
    """Without statistics of the crews just written, PostgreSQL planned the recount's per-astronaut
    crew history as a scan of every crew seat for each astronaut: hours at a million flights."""
    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    seats = SpacecraftFlight.launch_crew.through._meta.db_table
    seen = {}

    def recount():
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [seats])
            seen["estimated"] = cursor.fetchone()[0]

    monkeypatch.setattr(populate_module, "recount", recount)
    populate(flights=30, seed=1)

    assert seen["estimated"] == SpacecraftFlight.launch_crew.through.objects.count() > 0
