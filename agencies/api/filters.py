"""The agency endpoint's filters, with the names LL2 gives them."""

from django.core.validators import RegexValidator
from django.db.models import Q, Value
from django.db.models.functions import Concat, Replace
from django_filters import rest_framework as filters

from agencies.models import Agency, AgencyType
from spacedevs.api.filters import (
    CharListFilter,
    IdFilter,
    LL2FilterSet,
    LookupFilter,
    SearchFilter,
    StableOrderingFilter,
    StrictBooleanFilter,
)


class CountryCodeFilter(CharListFilter):
    """`?country_code=USA,FRA`: the agencies whose own comma list of codes ("FRA,ITA", "FRA, RUS")
    holds any of the given codes, whole (`US` does not match "USA"), ignoring case and spaces."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "validators", [RegexValidator(r"^[A-Za-z]+$", "Enter country codes (USA) separated by commas.")]
        )
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        codes = [code for code in value or () if code]
        if not codes:
            return queryset
        # ",USA,FRA,": each code of the agency between commas, so that a code matches whole.
        listed = Concat(Value(","), Replace(self.field_name, Value(" "), Value("")), Value(","))
        matches = Q()
        for code in codes:
            matches |= Q(listed_country_codes__icontains=f",{code},")
        return queryset.alias(listed_country_codes=listed).filter(matches)


class AgencyFilter(LL2FilterSet):
    id = IdFilter()
    name = filters.CharFilter()
    name__contains = filters.CharFilter(field_name="name", lookup_expr="contains")
    abbrev = filters.CharFilter()
    abbrev__contains = filters.CharFilter(field_name="abbrev", lookup_expr="contains")
    featured = StrictBooleanFilter()
    # LL2's `agency_type` is the type's id (an integer in its schema).
    agency_type = IdFilter(field_name="type_id")
    country_code = CountryCodeFilter(field_name="country_code")
    parent = IdFilter(field_name="parent_id")
    search = SearchFilter(fields=["name", "abbrev"])
    ordering = StableOrderingFilter(fields=("id", "name", "featured"))

    class Meta:
        model = Agency
        fields = []


class AgencyTypeFilter(LookupFilter):
    class Meta:
        model = AgencyType
        fields = []
