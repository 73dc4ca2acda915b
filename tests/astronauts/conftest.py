"""Fixtures of the astronaut tests."""

import pytest

from tests.factories import flown_astronaut


@pytest.fixture
def astronauts():
    """Three astronauts with every part their detailed shape shows."""
    return [flown_astronaut() for _ in range(3)]
