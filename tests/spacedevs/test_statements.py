"""The views' SQL compiled once per shape (`spacedevs.statements`): the same statements and rows as Django's
own compilation, with only the WHERE clause compiled again per run."""

import pytest
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError
from django.db.models import Count, Q
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.query import Query

from spacecraft import querysets as spacecraft_querysets
from spacecraft.models import SpacecraftFlight
from spacedevs import statements
from spacedevs.relations import as_lists
from spacedevs.statements import compiled_once, shape_of
from tests.factories import SpacecraftFlightFactory, complete_flight

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_kept_shapes():
    statements.clear()
    yield
    statements.clear()


@pytest.fixture
def selects(monkeypatch, settings):
    """The models whose select list Django worked out (what a kept shape spares). The suite's check,
    which compiles every statement again as Django does, is off where this counts."""
    settings.STATEMENT_CACHE_CHECK = False
    calls = []
    get_select = SQLCompiler.get_select

    def counted(self, *args, **kwargs):
        calls.append(self.query.model)
        return get_select(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "get_select", counted)
    return calls


def ours(queryset):
    return queryset.query.get_compiler(using="default").as_sql()


def djangos(queryset):
    query = queryset.query.clone()
    query.__class__ = Query
    return query.get_compiler(using="default").as_sql()


def marked_flights():
    return compiled_once(SpacecraftFlight.objects.select_related("launch__pad__location", "spacecraft"))


def test_a_second_query_of_a_shape_compiles_only_its_where(selects, django_assert_num_queries):
    first, second = SpacecraftFlightFactory(), SpacecraftFlightFactory()
    flights = marked_flights()

    assert flights.get(pk=first.pk) == first
    assert selects
    selects.clear()
    with django_assert_num_queries(1):
        found = flights.get(pk=second.pk)
        # What select_related fetched came with it, from the kept select list.
        assert found.launch.pad.location.name == second.launch.pad.location.name
        assert found.spacecraft.name == second.spacecraft.name
    assert found == second
    assert selects == []  # neither the select list, nor the joins, nor the ordering were worked out again
    assert ours(flights.filter(pk=first.pk)) == djangos(flights.filter(pk=first.pk))


# Queries derived from one marked queryset as requests derive them, each differing from the others in
# one part of its shape.
DERIVED = {
    "by key": lambda flights, flight: flights.filter(pk=flight.pk),
    "by key, for get()": lambda flights, flight: flights.filter(pk=flight.pk).order_by()[:21],
    "across a join": lambda flights, flight: flights.filter(launch__name=flight.launch.name),
    "a join of its own": lambda flights, flight: flights.filter(
        launch__mission__name=flight.launch.mission.name
    ),
    "excluded": lambda flights, flight: flights.exclude(pk=flight.pk),
    "or": lambda flights, flight: flights.filter(Q(pk=flight.pk) | Q(destination=flight.destination)),
    "ordered": lambda flights, flight: flights.order_by("-id"),
    "ordered by a join": lambda flights, flight: flights.order_by("-launch__net", "-id"),
    "sliced": lambda flights, flight: flights.order_by("-id")[1:3],
    "sliced elsewhere": lambda flights, flight: flights.order_by("-id")[2:4],
    "more select_related": lambda flights, flight: flights.select_related("landing"),
    "deferred": lambda flights, flight: flights.defer("destination"),
    "nothing to find": lambda flights, flight: flights.filter(pk__in=[]),
    "no where": lambda flights, flight: flights.all(),
    "distinct": lambda flights, flight: flights.distinct(),
}


def test_shapes_kept_side_by_side_each_give_djangos_statement_and_rows():
    # All kept together: a shape that missed a difference between two of them would give one the
    # other's statement. The suite's check is on; the statements are compared here as well.
    created = [SpacecraftFlightFactory() for _ in range(4)]
    flights, plain = (
        marked_flights(),
        SpacecraftFlight.objects.select_related("launch__pad__location", "spacecraft"),
    )

    kept = []
    for flight in created[:3]:  # the first round keeps the shapes, the next ones use them
        for name, derive in DERIVED.items():
            query = derive(flights, flight)
            assert list(query) == list(derive(plain, flight)), name
            try:
                expected = djangos(query)
            except EmptyResultSet:  # nothing can match: Django runs no query
                with pytest.raises(EmptyResultSet):
                    ours(query)
            else:
                assert ours(query) == expected, name
        kept.append(len(statements._templates))
    assert kept[0] == kept[1] == kept[2]  # each shape was kept once, whatever its values


def test_a_query_holding_what_the_marked_queryset_did_not_is_compiled_by_django(selects):
    flights = marked_flights()
    complete_flight()

    counted = flights.annotate(events=Count("docking_events"))

    assert shape_of(counted.query) is None
    assert [flight.events for flight in counted] == [1]
    selects.clear()
    assert [flight.events for flight in counted.all()] == [1]
    assert selects  # compiled again, as Django does


def test_prefetches_are_marked_and_keep_their_shape_from_run_to_run(selects):
    created = [complete_flight() for _ in range(3)]
    # A flight detail's queryset: a prefetched spacecraft with its statistics (subqueries), docking
    # events, and the three crews as lists.
    flights = compiled_once(as_lists(spacecraft_querysets.flights_for_launch()))

    list(flights.filter(pk=created[0].pk))
    selects.clear()
    (found,) = flights.filter(pk=created[1].pk)
    assert selects == []
    assert found == created[1]
    assert found.spacecraft == created[1].spacecraft
    assert found._listed_docking_events == list(created[1].docking_events.all())
    assert found._listed_launch_crew == list(created[1].launch_crew.all())
    # A page of them is another shape (its prefetches name more rows) and gets its own statements.
    assert [flight.pk for flight in flights.filter(pk__in=[f.pk for f in created])] == [f.pk for f in created]


def test_a_template_that_does_not_give_djangos_statement_is_not_kept(monkeypatch, selects):
    first, second = SpacecraftFlightFactory(), SpacecraftFlightFactory()
    made = statements._template

    def wrong(*args):
        template = made(*args)
        template.tail += " ORDER BY 1"
        return template

    monkeypatch.setattr(statements, "_template", wrong)
    flights = marked_flights()

    assert flights.get(pk=first.pk) == first
    assert list(statements._templates.values()) == [None]
    selects.clear()
    assert flights.get(pk=second.pk) == second
    assert selects  # compiled by Django, every time
    assert ours(flights.filter(pk=second.pk)) == djangos(flights.filter(pk=second.pk))


def test_the_check_catches_a_kept_statement_that_differs_from_djangos(settings):
    flight = SpacecraftFlightFactory()
    flights = marked_flights()
    flights.get(pk=flight.pk)
    (template,) = statements._templates.values()
    template.tail += " AND NOT"

    settings.STATEMENT_CACHE_CHECK = True
    with pytest.raises(AssertionError, match="differs from Django's"):
        flights.get(pk=flight.pk)
    settings.STATEMENT_CACHE_CHECK = False
    with pytest.raises(DatabaseError):  # the wrong statement would have run
        flights.get(pk=flight.pk)


def test_switched_off_nothing_is_kept(settings):
    settings.STATEMENT_CACHE = False
    flight = SpacecraftFlightFactory()

    assert marked_flights().get(pk=flight.pk) == flight
    assert statements._templates == {}


def test_a_filter_on_an_aggregate_of_the_shape_is_compiled_by_django():
    busy, idle = complete_flight(), SpacecraftFlightFactory()
    # The marked queryset holds the aggregate, so a filter on it has the same shape as the query without
    # the filter, which was kept: but it is a HAVING clause, which a template does not hold.
    flights = compiled_once(SpacecraftFlight.objects.annotate(events=Count("docking_events")).order_by("id"))

    assert [(flight, flight.events) for flight in flights] == [(busy, 1), (idle, 0)]
    assert list(flights.filter(events__gt=0)) == [busy]
    assert list(flights.filter(events=0)) == [idle]
    assert ours(flights.filter(events=0)) == djangos(flights.filter(events=0))
