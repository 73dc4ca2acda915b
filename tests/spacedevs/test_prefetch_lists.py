"""Many-valued prefetches stored as lists (`spacedevs.relations.as_lists`), which the compiled serializers
read, and the filterset left unbuilt for a request that names none of its parameters."""

import pytest
from django.db.models import Prefetch

from launches import querysets as launch_querysets
from launches.api.filters import LaunchFilter
from spacecraft import querysets as spacecraft_querysets
from spacecraft.api.filters import SpacecraftFilter, SpacecraftFlightFilter
from spacecraft.models import SpacecraftFlight
from spacedevs.api.filters import names_a_filter
from spacedevs.relations import LISTED, as_lists
from tests.factories import ProgramFactory, complete_flight

pytestmark = pytest.mark.django_db

FLIGHTS = "/2.2.0/spacecraft/flight/"


def lookups(queryset):
    return {
        (lookup.prefetch_through, lookup.to_attr): lookup
        for lookup in queryset._prefetch_related_lookups
        if isinstance(lookup, Prefetch)
    }


def test_many_valued_relations_become_lists_at_every_depth_and_the_rest_stays():
    flights = as_lists(spacecraft_querysets.flights_for_launch())

    found = lookups(flights)

    # The crews (many-to-many) and the docking events (a foreign key's reverse) are lists.
    assert {through for through, to_attr in found if to_attr} == {
        "launch_crew",
        "onboard_crew",
        "landing_crew",
        "docking_events",
    }
    assert found[("docking_events", f"{LISTED}docking_events")]
    # The spacecraft is one object per flight (a foreign key): Django's own cache, as before.
    assert ("spacecraft", None) in found
    # Inside a Prefetch's queryset too: a launch's programmes, and their agencies and patches.
    launches = lookups(as_lists(launch_querysets.launches()))
    programs = launches[("program", f"{LISTED}program")].queryset
    assert set(lookups(programs)) == {
        ("agencies", f"{LISTED}agencies"),
        ("mission_patches", f"{LISTED}mission_patches"),
    }


def test_a_lookup_that_already_names_its_list_is_kept():
    queryset = SpacecraftFlight.objects.prefetch_related(Prefetch("docking_events", to_attr="events"))

    assert set(lookups(as_lists(queryset))) == {("docking_events", "events")}


def test_the_lists_hold_what_the_relations_hold(api):
    flight = complete_flight()
    programs = ProgramFactory.create_batch(2)
    flight.launch.program.set(programs)

    [listed] = as_lists(spacecraft_querysets.flights_for_launch()).filter(pk=flight.pk)
    [managed] = spacecraft_querysets.flights_for_launch().filter(pk=flight.pk)

    for name in ("launch_crew", "onboard_crew", "landing_crew", "docking_events"):
        assert getattr(listed, LISTED + name) == list(getattr(managed, name).all())
    served = api.get(f"{FLIGHTS}{flight.pk}/").json()
    assert [program["id"] for program in served["launch"]["program"]] == sorted(p.pk for p in programs)
    assert len(served["docking_events"]) == flight.docking_events.count() > 0


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({}, False),
        ({"limit": "10", "offset": "5", "format": "json", "mode": "detailed", "cachebuster": "1"}, False),
        ({"spacecraft": "1"}, True),
        # The flight endpoint has no `ordering` (nor has LL2's): ignored.
        ({"ordering": "-id"}, False),
    ],
)
def test_a_request_names_a_filter_only_by_a_parameter_of_the_filterset(params, names):
    assert names_a_filter(params, SpacecraftFlightFilter) is names


def test_ordering_is_a_parameter_where_the_filterset_has_it():
    assert names_a_filter({"ordering": "-id"}, SpacecraftFilter)


def test_a_filter_read_under_a_longer_name_counts():
    # `net__gte` and the like: a parameter that begins with a filter's name is given to the filterset.
    assert names_a_filter({"net__gte": "2020-01-01"}, LaunchFilter)
    assert not names_a_filter({"nothing": "1"}, LaunchFilter)


def test_a_bad_filter_value_among_ignored_parameters_is_still_refused(api):
    answer = api.get(FLIGHTS, {"limit": "5", "spacecraft": "abc", "cachebuster": "1"})

    assert answer.status_code == 400
    assert "spacecraft" in answer.json()["detail"]
