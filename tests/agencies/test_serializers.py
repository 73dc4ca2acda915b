"""The agency a launch detail or a launcher configuration embeds (LL2's `AgencySerializerDetailedCommon`)."""

import pytest
from django.urls import resolve
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from agencies.api.serializers import AgencyForLaunchSerializer
from agencies.models import Agency
from agencies.querysets import MINI_RELATED
from tests.factories import AgencyFactory
from tests.helpers import errors

pytestmark = pytest.mark.django_db

# LL2's schema order; a real late 2.2.0 launch detail's `launch_service_provider` has the same keys.
COMMON_KEYS = [
    "id",
    "url",
    "name",
    "featured",
    "type",
    "country_code",
    "abbrev",
    "description",
    "administrator",
    "founding_year",
    "launchers",
    "spacecraft",
    "launch_library_url",
    "total_launch_count",
    "consecutive_successful_launches",
    "successful_launches",
    "failed_launches",
    "pending_launches",
    "consecutive_successful_landings",
    "successful_landings",
    "failed_landings",
    "attempted_landings",
    "info_url",
    "wiki_url",
    "logo_url",
    "image_url",
    "nation_url",
]


def serialize(agency_id):
    request = Request(APIRequestFactory().get("/2.2.0/agencies/"))
    request.resolver_match = resolve("/2.2.0/agencies/")
    agency = Agency.objects.select_related(*MINI_RELATED).get(pk=agency_id)
    return AgencyForLaunchSerializer(agency, context={"request": request}).data


def test_key_order():
    agency = AgencyFactory()

    assert list(serialize(agency.id)) == COMMON_KEYS


def test_validates_against_ll2_s_schema(ll2_schema):
    agency = AgencyFactory(parent=AgencyFactory())

    assert errors(ll2_schema, "AgencySerializerDetailedCommon", serialize(agency.id)) == []


def test_reads_nothing_beyond_its_related_fields(django_assert_num_queries):
    agency = AgencyFactory(parent=AgencyFactory())

    with django_assert_num_queries(1):
        shown = serialize(agency.id)

    assert shown["type"] == agency.type.name
    assert shown["url"] == f"http://testserver/2.2.0/agencies/{agency.id}/"
