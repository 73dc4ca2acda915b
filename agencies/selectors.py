"""Querysets that fetch, in a fixed number of queries, everything the agency serializers read."""

from django.db.models import QuerySet

from agencies.models import Agency

# AgencyDetailedCommonSerializer: the agency's type (its counters are columns, see `Agency`). A queryset
# of another model that embeds the agency prefixes these ("launch_service_provider__type").
AGENCY_DETAILED_COMMON_RELATED = ("type",)

# AgencySerializer (and the detailed agency): type and parent, both served as their names.
AGENCY_RELATED = ("type", "parent")


def agencies() -> QuerySet[Agency]:
    """Agencies in id order with what AgencySerializer and AgencyDetailedCommonSerializer read."""
    return Agency.objects.select_related(*AGENCY_RELATED).order_by("id")
