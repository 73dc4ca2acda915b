"""The admin of expeditions: their crews are picked with an autocomplete of crew assignments."""

import pytest
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.urls import reverse

from tests.factories import ExpeditionFactory, SpaceStationFactory

pytestmark = pytest.mark.django_db


def test_an_expeditions_crew_is_edited_with_an_autocomplete(admin_client):
    expedition = ExpeditionFactory()

    response = admin_client.get(reverse("admin:stations_expedition_change", args=[expedition.pk]))

    assert response.status_code == 200
    crew = response.context["adminform"].form.fields["crew"]
    assert isinstance(crew.widget.widget, AutocompleteSelectMultiple)
    assert list(crew.queryset.filter(pk__in=expedition.crew.all())) == list(expedition.crew.all())


def test_the_crew_autocomplete_finds_assignments_by_astronaut_name(admin_client):
    member = ExpeditionFactory().crew.get()
    params = {
        "app_label": "stations",
        "model_name": "expedition",
        "field_name": "crew",
        "term": member.astronaut.name,
    }

    response = admin_client.get(reverse("admin:autocomplete"), params)

    assert response.status_code == 200
    assert {"id": str(member.pk), "text": str(member)} in response.json()["results"]


def test_a_stations_owners_and_type_are_edited_in_the_admin(admin_client):
    station = SpaceStationFactory()

    response = admin_client.get(reverse("admin:stations_spacestation_change", args=[station.pk]))

    fields = response.context["adminform"].form.fields
    assert {"type", "deorbited", "height", "width", "mass", "volume", "owners"} <= set(fields)
