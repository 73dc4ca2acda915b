"""One queryset per shape of the event endpoints, each fetching in a fixed number of queries everything
its serializer reads; and the Starship dashboard, a few such querysets."""

from dataclasses import dataclass

from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone

from events.models import Event, EventType, LiveStream, Notice, NoticeType, RoadClosure, RoadClosureStatus
from launches import querysets as launch_querysets
from launches.models import Launch, Launcher, Program, Update
from stations import querysets as station_querysets

# How many launches, events and notices the dashboard shows on each side of now.
DASHBOARD_ITEMS = 10


def events() -> QuerySet[Event]:
    """Events by date (undated ones last) with what EventSerializer reads."""
    return (
        Event.objects.order_by(F("date").asc(nulls_last=True), "id")
        # type: EventTypeSerializer.
        .select_related("type")
        .prefetch_related(
            # updates: UpdateSerializer, newest first.
            Prefetch("updates", queryset=Update.objects.order_by("-created_on", "-id")),
            # launches: LaunchSerializer, by NET.
            Prefetch("launches", queryset=launch_querysets.launches().order_by("net", "id")),
            # expeditions: ExpeditionSerializer, by start.
            Prefetch("expeditions", queryset=station_querysets.expeditions().order_by("start", "id")),
            # spacestations: SpaceStationForFlightSerializer.
            Prefetch("spacestations", queryset=station_querysets.spacestations_for_flight().order_by("id")),
            # program: ProgramSerializer.
            Prefetch("program", queryset=launch_querysets.programs().order_by("id")),
        )
    )


def event_types() -> QuerySet[EventType]:
    """Event types in id order (EventTypeSerializer reads no relation)."""
    return EventType.objects.order_by("id")


def notice_types() -> QuerySet[NoticeType]:
    """Notice types in id order (NoticeTypeSerializer reads no relation)."""
    return NoticeType.objects.order_by("id")


def road_closure_statuses() -> QuerySet[RoadClosureStatus]:
    """Road closure statuses in id order (RoadClosureStatusSerializer reads no relation)."""
    return RoadClosureStatus.objects.order_by("id")


@dataclass(frozen=True)
class Slate:
    """A programme's launches and events on one side of now."""

    launches: QuerySet[Launch]
    events: QuerySet[Event]


@dataclass(frozen=True)
class StarshipDashboard:
    """What StarshipDashboardSerializer reads, each part a queryset with what its serializer reads."""

    upcoming: Slate
    previous: Slate
    live_streams: QuerySet[LiveStream]
    road_closures: QuerySet[RoadClosure]
    notices: QuerySet[Notice]
    vehicles: QuerySet[Launcher]


def starship_dashboard(*, program_name: str) -> StarshipDashboard:
    """The dashboard of the programme named `program_name` (the oldest of that name; none: no launches,
    events or vehicles):

    - `upcoming` and `previous`: its next and its last `DASHBOARD_ITEMS` launches and events, split as
      `launch/upcoming/` and `launch/previous/` (and `event/...`) split them;
    - `vehicles`: the boosters and ships of its launcher configurations, in id order;
    - `road_closures`: those under way or to come, soonest first; `notices`: the newest
      `DASHBOARD_ITEMS`; `live_streams`: all of them.
    """
    program = Program.objects.filter(name=program_name).order_by("id").first()
    launches = launch_querysets.launches().filter(program=program)
    events_of_program = events().filter(program=program)
    vehicles = launch_querysets.launchers().filter(launcher_config__program=program).distinct().order_by("id")
    if program is None:
        launches, events_of_program, vehicles = launches.none(), events_of_program.none(), vehicles.none()
    return StarshipDashboard(
        upcoming=Slate(
            launches=launches.upcoming()[:DASHBOARD_ITEMS],
            events=events_of_program.upcoming()[:DASHBOARD_ITEMS],
        ),
        previous=Slate(
            launches=launches.previous()[:DASHBOARD_ITEMS],
            events=events_of_program.previous()[:DASHBOARD_ITEMS],
        ),
        live_streams=LiveStream.objects.order_by("id"),
        # status: RoadClosureStatusSerializer.
        road_closures=RoadClosure.objects.select_related("status")
        .filter(window_end__gte=timezone.now())
        .order_by("window_start", "id"),
        # type: NoticeTypeSerializer.
        notices=Notice.objects.select_related("type").order_by("-date", "-id")[:DASHBOARD_ITEMS],
        vehicles=vehicles,
    )
