"""Filtering that refuses what it cannot apply, and the filter types LL2's parameters need.

Every filterset of the API derives from `LL2FilterSet`; `StrictFilterBackend` answers 400 naming the
parameter for any value its filters refuse. Parameters no filterset declares are ignored, as LL2
ignores them (clients add cache-busters).
"""

from django import forms
from django.db.models import Q
from django_filters import rest_framework as filters

from spacedevs.api.exceptions import BadQueryParameter
from spacedevs.api.routers import INT_MAX


class StrictFilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, answering 400 (with `detail`) for an invalid filter value."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise BadQueryParameter(filterset.errors)
        return filterset.qs


def _keep_rows(queryset, name, value):
    return queryset


def mode_filter(*modes):
    """LL2's `mode`: it picks the shape of a list (the viewset reads it), not its rows. Declaring it
    in the filterset makes a value outside `modes` a 400 like any other bad value."""
    return filters.ChoiceFilter(choices=[(mode, mode) for mode in modes], method=_keep_rows)


class LL2FilterSet(filters.FilterSet):
    """The base of every filterset: `mode=normal|detailed` (redeclare `mode` for other modes)."""

    mode = mode_filter("normal", "detailed")


class IdFilter(filters.NumberFilter):
    """An LL2 integer id. `1.5`, `abc`, a NUL byte or a number outside the ids' range are refused (400),
    not rounded, ignored or sent to the database."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", INT_MAX)
        super().__init__(*args, **kwargs)


class IdListFilter(filters.BaseInFilter, IdFilter):
    """A comma-separated list of ids (`?lsp__ids=121,44`): the rows matching any of them."""


class CharListFilter(filters.BaseInFilter, filters.CharFilter):
    """A comma-separated list of values (`?country_code=USA,FRA`): the rows matching any of them."""


class SearchFilter(filters.CharFilter):
    """LL2's `search`: the rows where any of `fields` contains the term, ignoring case.

    Matches through many-valued relations (`owners__name`) count each row once.
    """

    def __init__(self, *, fields, **kwargs):
        self.search_fields = fields
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        matches = Q()
        for field in self.search_fields:
            matches |= Q(**{f"{field}__icontains": value})
        return queryset.filter(pk__in=queryset.model._default_manager.filter(matches).values("pk"))
