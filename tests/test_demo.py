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


def test_the_demo_holds_the_astronauts_and_expeditions_of_the_ll2_files(api, demo):
    astronauts = api.get("/2.2.0/astronaut/", {"limit": 100}).json()
    expeditions = api.get("/2.2.0/expedition/").json()

    assert astronauts["count"] == 100
    assert len(astronauts["results"]) == 100
    assert expeditions["count"] == 137


def test_nasa_in_the_demo_lists_the_configurations_it_manufactures(api, demo):
    nasa = api.get("/2.2.0/agencies/44/").json()

    # The 12 of NASA's `launcher_list`, and the Space Shuttle, whose maker no file names (public record).
    assert len(nasa["launcher_list"]) == 13
    # Not the Apollo CSM (10): data/config-spacecraft-10.2.2.0.list-item.json, read after NASA's
    # detail, names North American Aviation as its agency.
    assert {config["id"] for config in nasa["spacecraft_list"]} == {4, 11, 12, 13, 14}
    assert nasa["launch_library_url"] == "https://launchlibrary.net/1.4/agency/44"


def test_the_demo_keeps_what_the_launcher_file_gives_and_nothing_more(demo):
    from launches.models import LauncherConfig

    saturn_v = LauncherConfig.objects.get(id=93)

    assert saturn_v.manufacturer_id == 44
    assert saturn_v.launch_library_id == 136
    assert saturn_v.successful_launches == 13
    assert saturn_v.total_launch_count is None
