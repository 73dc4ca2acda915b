"""The demo data, and what loading it leaves behind."""

import pytest
from django.core.management import call_command

from agencies.models import Agency
from launches.models import Launch
from spacecraft.models import SpacecraftFlight

pytestmark = pytest.mark.django_db


def test_the_demo_holds_at_least_20_flights(demo):
    assert SpacecraftFlight.objects.count() >= 20


def test_objects_created_after_loading_get_fresh_ids(demo):
    loaded = set(Agency.objects.values_list("id", flat=True))

    created = Agency.objects.create(name="A curator's new agency")

    assert created.id not in loaded
    assert created.id > max(loaded)


def test_load_demo_loads_into_an_empty_database():
    call_command("load_demo", verbosity=0)

    assert SpacecraftFlight.objects.filter(id=567).exists()


def test_load_demo_leaves_a_database_with_flights_alone(demo):
    launch = Launch.objects.get(slug="soyuz-u-progress-3")
    launch.name = "Corrected by a curator"
    launch.save()

    call_command("load_demo", verbosity=0)

    launch.refresh_from_db()
    assert launch.name == "Corrected by a curator"
