"""The event endpoints' filters, with the names LL2 gives them (and the dashboard lookups')."""

from django.utils import timezone
from django_filters import rest_framework as filters

from events.models import Event, EventType, NoticeType, RoadClosureStatus
from spacedevs.api.filters import (
    RANGE,
    IdFilter,
    LL2FilterSet,
    LookupFilter,
    RepeatedIdFilter,
    SearchFilter,
    StableOrderingFilter,
    StrictBooleanFilter,
)


class EventFilter(LL2FilterSet):
    """The filters of `event/`, `event/upcoming/` and `event/previous/`: the schema's (`id`, `type`,
    `program`, `slug`, `search`) and those clients send for "this day in space" (`date__month=11&
    date__day=28`) and date ranges (`date__gte`...), on the UTC date."""

    id = IdFilter()
    type = IdFilter(field_name="type_id")
    # One programme id, or several (`?program=1&program=17`).
    program = RepeatedIdFilter(field_name="program")
    slug = filters.CharFilter()
    date__day = IdFilter(field_name="date", lookup_expr="day", min_value=1, max_value=31)
    date__month = IdFilter(field_name="date", lookup_expr="month", min_value=1, max_value=12)
    date__year = IdFilter(field_name="date", lookup_expr="year", min_value=1, max_value=9999)
    search = SearchFilter(fields=["name"])
    ordering = StableOrderingFilter(fields=("date",))

    class Meta:
        model = Event
        fields = {"date": RANGE}


class UpcomingEventFilter(EventFilter):
    """`event/upcoming/`: the event filters and `hide_recent_previous`."""

    # true: without the events of the last 24 hours whose date has passed.
    hide_recent_previous = StrictBooleanFilter(method="filter_hide_recent_previous")

    def filter_hide_recent_previous(self, queryset, name, value):
        return queryset.exclude(date__lt=timezone.now()) if value else queryset


class EventTypeFilter(LookupFilter):
    class Meta:
        model = EventType
        fields = []


class NoticeTypeFilter(LookupFilter):
    class Meta:
        model = NoticeType
        fields = []


class RoadClosureStatusFilter(LookupFilter):
    class Meta:
        model = RoadClosureStatus
        fields = []
