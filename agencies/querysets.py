"""Agency fetch pieces that other apps' querysets reuse."""

from django.db.models import QuerySet

from agencies.models import Agency

# What the embedded agency shapes read, for a queryset of another model to prefix
# (`launch_service_provider__type`): AgencyMiniSerializer and AgencyForLaunchSerializer serve the type by
# name, AgencySerializer the type and the parent. Their counters are columns (see `Agency`).
MINI_RELATED = ("type",)
RELATED = ("type", "parent")


def agencies() -> QuerySet[Agency]:
    """Agencies with what AgencySerializer reads."""
    return Agency.objects.select_related(*RELATED)


def agencies_mini() -> QuerySet[Agency]:
    """Agencies with what AgencyMiniSerializer reads."""
    return Agency.objects.select_related(*MINI_RELATED)
