"""Filtering that refuses what it cannot apply, and the filter types LL2's parameters need.

Every filterset of the API derives from `LL2FilterSet`; `StrictFilterBackend` answers 400 naming the
parameter for any value its filters refuse. Parameters no filterset declares are ignored, as LL2
ignores them (clients add cache-busters), and so is a `mode` the endpoint does not have.
"""

import datetime
import functools
from typing import ClassVar

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django_filters import rest_framework as filters
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import ChoiceField
from django_filters.widgets import BooleanWidget
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from spacedevs.api.exceptions import BadQueryParameter
from spacedevs.api.routers import INT_MAX


class StrictFilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, answering 400 (with `detail`) for an invalid filter value.

    A request that names none of the filterset's parameters gets the queryset as it is, without the
    filterset's form being built (a deep copy of every field: a few ms for the launch lists' hundred
    filters): every filter leaves a queryset unchanged for a parameter that is absent.
    """

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or not names_a_filter(request.query_params, filterset_class):
            return queryset
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise BadQueryParameter(filterset.errors)
        return filterset.qs


def names_a_filter(params, filterset_class) -> bool:
    """Whether `params` holds a parameter one of the filters of `filterset_class` reads (`mode`, which
    picks a shape and never filters, aside). A prefix is enough: a range filter reads `<name>_min`..."""
    prefixes = _filter_names(filterset_class)
    return any(param.startswith(prefixes) for param in params)


@functools.cache
def _filter_names(filterset_class) -> tuple[str, ...]:
    return tuple(
        name for name, filter_ in filterset_class.base_filters.items() if not isinstance(filter_, ModeFilter)
    )


class _AnyChoiceField(ChoiceField):
    """A choice field that offers its choices and refuses nothing."""

    def valid_value(self, value):
        return True


class ModeFilter(filters.ChoiceFilter):
    """LL2's `mode`: it picks the shape of a list, not its rows, and `LL2ViewSet` reads it. Declared as a
    filter so that the browsable API's Filters form offers the endpoint's modes; a value outside them is
    the default mode, as LL2 serves it, never a 400."""

    field_class = _AnyChoiceField

    def filter(self, qs, value):
        return qs


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(filters.NumberFilter):
    """An LL2 integer id. `1.5`, `abc`, a NUL byte or a number outside the ids' range are refused (400),
    not rounded, ignored or sent to the database."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", INT_MAX)
        super().__init__(*args, **kwargs)


class _UTCDateTimeField(forms.DateTimeField):
    """Django's datetime field (ISO 8601, with or without an offset; without one, UTC), converted to UTC.

    The database stores UTC: PostgreSQL refuses an offset of 16 hours or more (`-19:00`), and a value
    whose UTC time falls outside the years 1 to 9999 (`0001-01-01T00:00:00+05:00`) cannot be stored at
    all. Converting here refuses them alike on every database, as a bad value of the parameter.
    """

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError(
                "Enter a date and time between the years 1 and 9999 in UTC.", code="out_of_range"
            ) from None


class DateTimeFilter(filters.DateTimeFilter):
    """A datetime parameter (`?net__gt=2020-01-01T00:00:00-05:00`), in UTC: one the database cannot
    store is refused (400) rather than sent to it. `LL2FilterSet` gives it to every datetime column."""

    field_class = _UTCDateTimeField


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


class StableOrderingFilter(filters.OrderingFilter):
    """LL2's `ordering`: the fields it names that the endpoint orders by, each maybe with `-`, then the
    primary key, so that rows tied on them (`?ordering=featured`) keep one order across pages.

    An unknown field is dropped, as DRF's `OrderingFilter` (LL2's) drops it; with none left, the
    endpoint's own order stands.
    """

    field_class = _AnyChoiceField

    def __init__(self, *args, fields=(), **kwargs):
        # The choices in words: "NET", "NET (descending)", "Date of birth".
        kwargs.setdefault("field_labels", {name: capitalized(in_words(name.split("__"))) for name in fields})
        super().__init__(*args, fields=fields, **kwargs)

    def filter(self, qs, value):
        known = [param for param in value or () if param.removeprefix("-") in self.param_map]
        if not known:
            return qs
        ordered = super().filter(qs, known)
        return ordered.order_by(*ordered.query.order_by, "pk")


class _StrictBooleanWidget(BooleanWidget):
    """django-filter's widget reads `true`/`false`/`1`/`0` (any case) and turns any other value into
    None, "no filter"; this one hands that other value on, for the field to refuse."""

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return data.get(name) if value is None else value


class _StrictBooleanField(forms.NullBooleanField):
    def to_python(self, value):
        if value in EMPTY_VALUES or isinstance(value, bool):
            return None if value in EMPTY_VALUES else value
        raise forms.ValidationError("Enter true or false.", code="invalid")


class StrictBooleanFilter(filters.BooleanFilter):
    """A boolean parameter (`?in_use=true`): django-filter's `BooleanFilter` reads `?in_use=maybe` as
    no filter at all; this one refuses it (400)."""

    field_class = _StrictBooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", _StrictBooleanWidget)
        super().__init__(*args, **kwargs)


class _RepeatedIdField(forms.Field):
    """Every value of a repeated parameter (`?owners=1&owners=2`), each an LL2 id."""

    widget = forms.MultipleHiddenInput  # reads every value of the parameter, not only the last

    def to_python(self, value):
        one_id = forms.IntegerField(min_value=0, max_value=INT_MAX)
        return [one_id.clean(item) for item in value or []]


@extend_schema_field({"type": "array", "items": {"type": "integer"}})
class RepeatedIdFilter(filters.Filter):
    """An LL2 id parameter that may be repeated (`?owners=1&owners=2`, the schema's `explode: true`
    array): the rows matching any of them, each once. A bad value of any of them is refused (400)."""

    field_class = _RepeatedIdField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "in")
        kwargs.setdefault("distinct", True)
        super().__init__(*args, **kwargs)


# LL2's comparisons of a value: `name` (exact), `name__gt`, `name__gte`, `name__lt` and `name__lte`;
# `RANGE` without the exact match (datetimes).
COMPARISONS = ("exact", "gt", "gte", "lt", "lte")
RANGE = ("gt", "gte", "lt", "lte")

# How the label of a filter (`label_in_words`) says its lookup and the words of its parameter name.
LOOKUP_WORDS = {
    "gt": "greater than",
    "gte": "at least",
    "lt": "less than",
    "lte": "at most",
    "contains": "contains",
    "icontains": "contains (any case)",
}
DATE_LOOKUP_WORDS = {"gt": "after", "gte": "on or after", "lt": "before", "lte": "on or before"}
WORDS = {
    "lsp": "launch service provider",
    "net": "NET",
    "id": "ID",
    "ids": "IDs",
    "spacecraftflight": "spacecraft flight",
    "r_spacex_api_id": "r/SpaceX API ID",
    "abbrev": "abbreviation",
}


def in_words(parts):
    """The words of a parameter's parts: `["lsp", "ids"]` is "launch service provider IDs"."""
    return " ".join(WORDS.get(word, word) for part in parts for word in WORDS.get(part, part).split("_"))


def capitalized(text):
    return text[0].upper() + text[1:]


def _names_an_id(model, field_name):
    """Whether a filter on `field_name` of `model` takes an object's id (a relation, or a key)."""
    if field_name == "id" or field_name.endswith("_id"):
        return True
    for part in field_name.split("__"):
        try:
            field = model._meta.get_field(part)
        except (FieldDoesNotExist, AttributeError):
            return False
        model = field.related_model
    return field.is_relation


def label_in_words(name, filter_, model):
    """The label of a filter in the browsable API's Filters form (and its description in our
    schema), from its parameter's name: `rocket__configuration__full_name__icontains` is "Rocket
    configuration full name contains (any case)", `net__gte` "NET on or after", `lsp__ids` "Launch
    service provider IDs (comma-separated)", `status` (an id) "Status ID".

    django-filter labels a filter from the model field it names, and "[invalid name]" where it names
    none (an annotation, a renamed parameter); our labels name every parameter the same way.
    """
    *parts, last = name.split("__")
    lookup = ""
    if parts and last in LOOKUP_WORDS:
        dated = isinstance(filter_, filters.DateFilter | filters.DateTimeFilter)
        lookup = (DATE_LOOKUP_WORDS if dated and last in DATE_LOOKUP_WORDS else LOOKUP_WORDS)[last]
    else:
        parts.append(last)
    words = in_words(parts)
    listed = isinstance(filter_, filters.BaseCSVFilter | RepeatedIdFilter)
    names_ids = isinstance(filter_, IdFilter | RepeatedIdFilter) and _names_an_id(
        model, filter_.field_name or name
    )
    if names_ids and not words.endswith(("ID", "IDs")):
        words += " IDs" if listed else " ID"
    if isinstance(filter_, RepeatedIdFilter):
        words += " (repeatable)"
    elif listed and not isinstance(filter_, filters.OrderingFilter):
        words += " (comma-separated)"
    return capitalized(f"{words} {lookup}".strip())


class LL2FilterSet(filters.FilterSet):
    """The base of every filterset: `mode`, with the modes of the view that uses it.

    The filters `Meta.fields` generates for integers (ids, stored counters) and booleans refuse a bad
    value (400), where django-filter's defaults round `1.5` or read `maybe` as no filter; those for
    datetimes convert to UTC and refuse what the database cannot store. Values that are
    annotations, not columns, which `Meta.fields` cannot name, are declared in `comparisons`,
    `{name: filter class}`: each gets LL2's five `COMPARISONS`.
    """

    FILTER_DEFAULTS: ClassVar[dict] = {
        **filters.FilterSet.FILTER_DEFAULTS,
        models.AutoField: {"filter_class": IdFilter},
        models.IntegerField: {"filter_class": IdFilter},
        models.BooleanField: {"filter_class": StrictBooleanFilter},
        models.DateTimeField: {"filter_class": DateTimeFilter},
    }
    comparisons: ClassVar[dict[str, type[filters.Filter]]] = {}

    mode = ModeFilter(choices=[("normal", "normal"), ("detailed", "detailed")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The modes are the view's (see `LL2ViewSet`); a list of one shape has no `mode` to offer.
        view = getattr(self.request, "parser_context", {}).get("view")
        if view is not None and hasattr(view, "get_list_modes"):
            modes = view.get_list_modes()
            if len(modes) > 1:
                mode_filter = self.filters["mode"]
                mode_filter.extra["choices"] = [(mode, mode) for mode in modes]
                # A form field built earlier (on the class's filter, copied here) has the old choices.
                mode_filter.__dict__.pop("_field", None)
            else:
                del self.filters["mode"]

    @classmethod
    def get_filters(cls):
        declared = super().get_filters()
        for name, filter_class in cls.comparisons.items():
            for lookup in COMPARISONS:
                parameter = name if lookup == "exact" else f"{name}__{lookup}"
                declared[parameter] = filter_class(field_name=name, lookup_expr=lookup)
        for parameter, filter_ in declared.items():
            if filter_.label is None:
                filter_.label = label_in_words(parameter, filter_, cls._meta.model)
        return declared


class LookupFilter(LL2FilterSet):
    """The filters of a `config/...` lookup (a status, a type): LL2's schema gives each `search` and
    `ordering` only. A subclass names its model in `Meta`; one whose name is not `name` redeclares them."""

    search = SearchFilter(fields=["name"])
    ordering = StableOrderingFilter(fields=("id", "name"))
