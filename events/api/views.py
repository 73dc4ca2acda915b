"""The event endpoints, their lookups, and `dashboard/starship/`."""

from django.conf import settings
from rest_framework.response import Response
from rest_framework.views import APIView

from events import selectors
from events.api.filters import (
    EventFilter,
    EventTypeFilter,
    NoticeTypeFilter,
    RoadClosureStatusFilter,
    UpcomingEventFilter,
)
from events.api.serializers import (
    EventSerializer,
    EventTypeSerializer,
    NoticeTypeSerializer,
    RoadClosureStatusSerializer,
    StarshipDashboardSerializer,
)
from spacedevs.api.views import LL2ViewSet, Mode


class EventViewSet(LL2ViewSet):
    """
    API endpoint that allows all Events to be viewed.

    GET:
    Return a list of all Events, by date.

    FILTERS:
    Parameters - 'id', 'type', 'program', 'slug', 'date__gt', 'date__gte', 'date__lt', 'date__lte',
    'date__day', 'date__month', 'date__year'
    Example - /2.2.0/event/?date__month=11&date__day=28

    SEARCH EXAMPLE:
    /2.2.0/event/?search=Dragon
    Searches through name

    ORDERING:
    Fields - 'date'
    Example - /2.2.0/event/?ordering=-date
    """

    modes = {"normal": Mode(selectors.events, EventSerializer)}
    filterset_class = EventFilter


class UpcomingEventViewSet(EventViewSet):
    """
    API endpoint that returns future Event objects and events from the last twenty-four hours.

    FILTERS:
    'hide_recent_previous', and those of /2.2.0/event/

    GET:
    Return a list of future Events, soonest first.
    """

    filterset_class = UpcomingEventFilter

    def get_queryset(self):
        return super().get_queryset().upcoming()


class PreviousEventViewSet(EventViewSet):
    """
    API endpoint that allows past Events to be viewed.

    FILTERS:
    Those of /2.2.0/event/

    GET:
    Return a list of past Events, most recent first.
    """

    def get_queryset(self):
        return super().get_queryset().previous()


class EventTypeViewSet(LL2ViewSet):
    """
    API endpoint that allows Event Types to be viewed.

    SEARCH:
    Searches through the name.
    Example - /2.2.0/config/eventtype/?search=Docking

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.event_types, EventTypeSerializer)}
    filterset_class = EventTypeFilter


class NoticeTypeViewSet(LL2ViewSet):
    """
    API endpoint that allows Notice Types to be viewed.

    SEARCH:
    Searches through the name.

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.notice_types, NoticeTypeSerializer)}
    filterset_class = NoticeTypeFilter


class RoadClosureStatusViewSet(LL2ViewSet):
    """
    API endpoint that allows Road Closure Statuses to be viewed.

    SEARCH:
    Searches through the name.

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.road_closure_statuses, RoadClosureStatusSerializer)}
    filterset_class = RoadClosureStatusFilter


class StarshipDashboardView(APIView):
    """
    Return a dashboard of SpaceX operations for Starship development.

    'upcoming' and 'previous': the programme's next and last launches and events; 'vehicles': its boosters
    and ships; 'road_closures' under way or to come; the newest 'notices'; 'live_streams'.
    """

    # Its one shape (the schema reads it here too).
    serializer_class = StarshipDashboardSerializer

    def get(self, request):
        dashboard = selectors.starship_dashboard(program_name=settings.STARSHIP_PROGRAM)
        return Response(self.serializer_class(dashboard, context={"request": request}).data)
