"""The astronaut endpoint's filters, with the names LL2 gives them."""

from django_filters import rest_framework as filters

from astronauts.models import Astronaut
from spacedevs.api.filters import (
    COMPARISONS,
    IdFilter,
    IdListFilter,
    LL2FilterSet,
    SearchFilter,
    StableOrderingFilter,
    StrictBooleanFilter,
)


class WholeNumberFilter(IdFilter):
    """A whole number that is not an id (an age, a count): the same checks, 400 for `1.5` or `abc`."""


class AstronautFilter(LL2FilterSet):
    """LL2's astronaut filters. `age`, `flights_count`, `landings_count`, `has_flown` and `in_space`
    filter on what `Astronaut.objects.with_stats()` derives (see there)."""

    name = filters.CharFilter()
    # LL2's `status` and `type__id` are ids; `status_ids` a comma-separated list of them.
    status = IdFilter(field_name="status_id")
    status_ids = IdListFilter(field_name="status_id")
    type__id = IdFilter(field_name="type_id")
    nationality = filters.CharFilter()
    agency__name = filters.CharFilter()
    agency__abbrev = filters.CharFilter()
    comparisons = {
        "age": WholeNumberFilter,
        "flights_count": WholeNumberFilter,
        "landings_count": WholeNumberFilter,
    }
    has_flown = StrictBooleanFilter()
    in_space = StrictBooleanFilter()
    search = SearchFilter(fields=["name", "nationality", "agency__name", "agency__abbrev"])
    ordering = StableOrderingFilter(fields=("id", "name", "status", "date_of_birth"))

    class Meta:
        model = Astronaut
        fields = {"date_of_birth": COMPARISONS, "date_of_death": COMPARISONS}
