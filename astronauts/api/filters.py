from django_filters import rest_framework as filters

from astronauts.models import Astronaut
from spacedevs.api.filters import (
    IdFilter,
    IdListFilter,
    LL2FilterSet,
    SearchFilter,
    StableOrderingFilter,
    StrictBooleanFilter,
    mode_filter,
)


class WholeNumberFilter(IdFilter):
    """A whole number that is not an id (an age, a count): the same checks, 400 for `1.5` or `abc`."""


class AstronautFilter(LL2FilterSet):
    """LL2's astronaut filters. `age`, `flights_count`, `landings_count`, `has_flown` and `in_space`
    filter on what `Astronaut.objects.with_stats()` derives (see there)."""

    mode = mode_filter("list", "normal", "detailed")
    name = filters.CharFilter()
    # LL2's `status` and `type__id` are ids; `status_ids` a comma-separated list of them.
    status = IdFilter(field_name="status_id")
    status_ids = IdListFilter(field_name="status_id")
    type__id = IdFilter(field_name="type_id")
    nationality = filters.CharFilter()
    agency__name = filters.CharFilter()
    agency__abbrev = filters.CharFilter()
    date_of_birth = filters.DateFilter()
    date_of_birth__gt = filters.DateFilter(field_name="date_of_birth", lookup_expr="gt")
    date_of_birth__gte = filters.DateFilter(field_name="date_of_birth", lookup_expr="gte")
    date_of_birth__lt = filters.DateFilter(field_name="date_of_birth", lookup_expr="lt")
    date_of_birth__lte = filters.DateFilter(field_name="date_of_birth", lookup_expr="lte")
    date_of_death = filters.DateFilter()
    date_of_death__gt = filters.DateFilter(field_name="date_of_death", lookup_expr="gt")
    date_of_death__gte = filters.DateFilter(field_name="date_of_death", lookup_expr="gte")
    date_of_death__lt = filters.DateFilter(field_name="date_of_death", lookup_expr="lt")
    date_of_death__lte = filters.DateFilter(field_name="date_of_death", lookup_expr="lte")
    age = WholeNumberFilter()
    age__gt = WholeNumberFilter(field_name="age", lookup_expr="gt")
    age__gte = WholeNumberFilter(field_name="age", lookup_expr="gte")
    age__lt = WholeNumberFilter(field_name="age", lookup_expr="lt")
    age__lte = WholeNumberFilter(field_name="age", lookup_expr="lte")
    flights_count = WholeNumberFilter()
    flights_count__gt = WholeNumberFilter(field_name="flights_count", lookup_expr="gt")
    flights_count__gte = WholeNumberFilter(field_name="flights_count", lookup_expr="gte")
    flights_count__lt = WholeNumberFilter(field_name="flights_count", lookup_expr="lt")
    flights_count__lte = WholeNumberFilter(field_name="flights_count", lookup_expr="lte")
    landings_count = WholeNumberFilter()
    landings_count__gt = WholeNumberFilter(field_name="landings_count", lookup_expr="gt")
    landings_count__gte = WholeNumberFilter(field_name="landings_count", lookup_expr="gte")
    landings_count__lt = WholeNumberFilter(field_name="landings_count", lookup_expr="lt")
    landings_count__lte = WholeNumberFilter(field_name="landings_count", lookup_expr="lte")
    has_flown = StrictBooleanFilter()
    in_space = StrictBooleanFilter()
    search = SearchFilter(fields=["name", "nationality", "agency__name", "agency__abbrev"])
    ordering = StableOrderingFilter(fields=("id", "name", "status", "date_of_birth"))

    class Meta:
        model = Astronaut
        fields = []
