import pytest

from tests.factories import AgencyFactory, LauncherConfigFactory, LaunchFactory, SpacecraftConfigFactory


def complete_agency(**kwargs):
    """An agency with every part its detailed shape shows: a parent, launcher configurations it
    manufactures (each with a launch) and spacecraft configurations."""
    if "parent" not in kwargs:
        kwargs["parent"] = AgencyFactory()
    agency = AgencyFactory(**kwargs)
    for config in LauncherConfigFactory.create_batch(2, manufacturer=agency):
        LaunchFactory(rocket__configuration=config, launch_service_provider=agency)
    SpacecraftConfigFactory.create_batch(2, agency=agency)
    return agency


@pytest.fixture
def agencies():
    return [complete_agency() for _ in range(3)]
