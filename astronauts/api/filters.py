"""The astronaut endpoint's filters, with the names LL2 gives them."""

from django.db.models import Q
from django_filters import rest_framework as filters

from astronauts.models import Astronaut, AstronautRole, AstronautStatus, AstronautType
from spacedevs.api.filters import (
    COMPARISONS,
    IdFilter,
    IdListFilter,
    LL2FilterSet,
    LookupFilter,
    SearchFilter,
    StableOrderingFilter,
    StrictBooleanFilter,
)


class WholeNumberFilter(IdFilter):
    """A whole number that is not an id (an age, a count): the same checks, 400 for `1.5` or `abc`."""


class AstronautFilter(LL2FilterSet):
    """LL2's astronaut filters. `age` and `in_space` filter on what `Astronaut.objects.with_stats()`
    derives (see there); `flights_count`, `landings_count` and `has_flown` on the stored counts."""

    name = filters.CharFilter()
    # LL2's `status` and `type__id` are ids; `status_ids` a comma-separated list of them.
    status = IdFilter(field_name="status_id")
    status_ids = IdListFilter(field_name="status_id")
    type__id = IdFilter(field_name="type_id")
    nationality = filters.CharFilter()
    agency__name = filters.CharFilter()
    agency__abbrev = filters.CharFilter()
    comparisons = {"age": WholeNumberFilter}
    # true: a stored `flights_count` above 0; false: 0 or unknown.
    has_flown = StrictBooleanFilter(method="filter_has_flown")
    in_space = StrictBooleanFilter()
    search = SearchFilter(fields=["name", "nationality", "agency__name", "agency__abbrev"])
    ordering = StableOrderingFilter(fields=("id", "name", "status", "date_of_birth"))

    class Meta:
        model = Astronaut
        fields = {
            "date_of_birth": COMPARISONS,
            "date_of_death": COMPARISONS,
            "flights_count": COMPARISONS,
            "landings_count": COMPARISONS,
        }

    def filter_has_flown(self, queryset, name, value):
        flown = Q(flights_count__gt=0)
        return queryset.filter(flown) if value else queryset.exclude(flown)


class AstronautRoleFilter(LookupFilter):
    # A role is named by its `role`, and crews are listed by its priority.
    search = SearchFilter(fields=["role"])
    ordering = StableOrderingFilter(fields=("id", "role", "priority"))

    class Meta:
        model = AstronautRole
        fields = []


class AstronautStatusFilter(LookupFilter):
    class Meta:
        model = AstronautStatus
        fields = []


class AstronautTypeFilter(LookupFilter):
    class Meta:
        model = AstronautType
        fields = []
