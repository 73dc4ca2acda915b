"""Fixtures of the astronaut tests."""

import pytest

from mirror.recount import recount
from tests.factories import flown_astronaut


@pytest.fixture
def astronauts():
    """Three astronauts with every part their detailed shape shows, their flight dates and counts stored
    as `manage.py recount` derives them from their crews."""
    cast = [flown_astronaut() for _ in range(3)]
    recount()
    return cast
