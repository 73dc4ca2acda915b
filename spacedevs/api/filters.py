"""Filtering that refuses what it cannot apply."""

from django import forms
from django_filters import rest_framework as filters

from spacedevs.api.exceptions import BadQueryParameter
from spacedevs.api.routers import INT_MAX


class StrictFilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, answering 400 (with `detail`) for an invalid filter value.

    Parameters that no filterset declares are ignored, as LL2 ignores them (clients add cache-busters).
    """

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise BadQueryParameter(filterset.errors)
        return filterset.qs


class ModeFilterSet(filters.FilterSet):
    """A filterset with LL2's `mode` parameter: it changes the shape of the response, not the rows.

    Validating it here makes a bad `mode` a 400 like any other bad value; the viewset reads the valid
    value through `response_mode()`.
    """

    MODES = ("normal", "detailed")

    mode = filters.ChoiceFilter(choices=[(m, m) for m in MODES], method="keep_rows")

    def keep_rows(self, queryset, name, value):
        return queryset


class IdFilter(filters.NumberFilter):
    """An LL2 integer id. `1.5`, `abc`, a NUL byte or a number outside the ids' range are refused (400),
    not rounded, ignored or sent to the database."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", INT_MAX)
        super().__init__(*args, **kwargs)
