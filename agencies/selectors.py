"""One queryset per shape of the agency endpoint, each fetching in a fixed number of queries everything
its serializer reads."""

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower

from agencies import querysets
from agencies.models import Agency, AgencyType
from launches.models import LauncherConfig
from spacecraft.querysets import spacecraft_configs


def agencies() -> QuerySet[Agency]:
    """Agencies in id order with what AgencySerializer reads."""
    return querysets.agencies().order_by("id")


def agencies_detailed() -> QuerySet[Agency]:
    """Agencies in id order with what AgencyDetailedSerializer reads: type and parent, and the launcher
    configurations it manufactures and its spacecraft configurations, each in name order (as LL2 lists
    them), ignoring case."""
    return agencies().prefetch_related(
        # launcher_list: LauncherConfigForAgencySerializer, with its launch counters (columns).
        Prefetch("launcher_configs", queryset=LauncherConfig.objects.order_by(Lower("name"), "id")),
        # spacecraft_list: SpacecraftConfigDetailedSerializer.
        Prefetch("spacecraft_configs", queryset=spacecraft_configs().order_by(Lower("name"), "id")),
    )


def agency_types() -> QuerySet[AgencyType]:
    """Agency types in id order (AgencyTypeSerializer reads no relation)."""
    return AgencyType.objects.order_by("id")
