"""Fixtures of the agency tests."""

import pytest

from tests.factories import complete_agency


@pytest.fixture
def agencies():
    """Three agencies with every part their detailed shape shows."""
    return [complete_agency() for _ in range(3)]
