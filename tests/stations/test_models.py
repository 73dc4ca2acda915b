"""Station models: names and the checks a curator's edit goes through."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import ExpeditionFactory, SpaceStationTypeFactory, at

pytestmark = pytest.mark.django_db


def test_an_expedition_cannot_end_before_it_starts():
    expedition = ExpeditionFactory.build(start=at(2020, 10, 20), end=at(2020, 10, 19))

    with pytest.raises(ValidationError) as raised:
        expedition.clean()

    assert "end" in raised.value.message_dict


def test_an_expedition_under_way_has_no_end_to_check():
    ExpeditionFactory.build(start=at(2020, 10, 20), end=None).clean()


def test_names():
    assert str(ExpeditionFactory(name="Expedition 64")) == "Expedition 64"
    assert str(SpaceStationTypeFactory(name="Government")) == "Government"
