"""`recount` on hand-built histories: each test builds the launches and landings its rule is about and
reads the counters `recount()` stores (rules: the docstring of mirror/recount.py)."""

import collections
import datetime
import io
import random
import uuid
import zoneinfo

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from agencies.models import Agency
from launches.models import FirstStage, Landing, Launch, LauncherConfig, LaunchStatus, Location, Orbit, Pad
from mirror import recount as recount_module
from mirror.recount import recount
from spacecraft.models import SpacecraftFlight
from tests.factories import (
    LL2_LAUNCH_STATUSES,
    AgencyFactory,
    AstronautFactory,
    FirstStageFactory,
    LandingFactory,
    LandingLocationFactory,
    LauncherConfigFactory,
    LaunchFactory,
    LocationFactory,
    MissionFactory,
    OrbitFactory,
    PadFactory,
    RocketFactory,
    SpacecraftFlightFactory,
    at,
    flight_at,
    ll2_launch_status,
    seat,
)

pytestmark = pytest.mark.django_db

RANKS = (
    "orbital_launch_attempt_count",
    "location_launch_attempt_count",
    "pad_launch_attempt_count",
    "agency_launch_attempt_count",
)
YEAR_RANKS = tuple(f"{field}_year" for field in RANKS)
S, F, P, IN_FLIGHT = (
    LaunchStatus.SUCCESS,
    LaunchStatus.FAILURE,
    LaunchStatus.PARTIAL_FAILURE,
    LaunchStatus.IN_FLIGHT,
)
GO, TBD, HOLD, TBC = LaunchStatus.GO, LaunchStatus.TBD, LaunchStatus.HOLD, LaunchStatus.TBC


def launch(net, status=S, *, orbit="Low Earth Orbit", **kwargs):
    """A launch at `net` with LL2's status `status`, to an orbit named `orbit` (None: a mission without
    orbit); pad, provider and rocket are new ones unless given."""
    kwargs.setdefault("mission", MissionFactory(orbit=OrbitFactory(name=orbit) if orbit else None))
    return LaunchFactory(net=net, status=ll2_launch_status(status), program=[], **kwargs)


def stored(obj, *fields):
    """The stored values of `fields` of `obj`, read again from the database."""
    obj.refresh_from_db()
    values = tuple(getattr(obj, field) for field in fields)
    return values[0] if len(fields) == 1 else values


def landing(launch, *, success=True, attempt=True, where=None, booster=True):
    """A landing of `launch`: of a booster on its rocket, or (booster=False) of a spacecraft flight."""
    landed = LandingFactory(
        success=success, attempt=attempt, location=LandingLocationFactory(location=where or LocationFactory())
    )
    if booster:
        FirstStageFactory(rocket=launch.rocket, landing=landed)
    else:
        SpacecraftFlightFactory(launch=launch, landing=landed, mission_end=None)
    return landed


# A launch's ranks.


def test_a_launch_ranks_among_orbital_attempts_by_net_not_by_creation():
    third = launch(at(2020, 3, 1))
    first = launch(at(2020, 1, 1))
    second = launch(at(2020, 2, 1))
    recount()
    assert [stored(x, "orbital_launch_attempt_count") for x in (first, second, third)] == [1, 2, 3]


def test_ties_on_net_are_ordered_by_id():
    later_id = launch(at(2020, 1, 1), id=uuid.UUID(int=2))
    earlier_id = launch(at(2020, 1, 1), id=uuid.UUID(int=1))
    recount()
    assert stored(earlier_id, "orbital_launch_attempt_count") == 1
    assert stored(later_id, "orbital_launch_attempt_count") == 2


def test_year_variants_rank_within_the_nets_utc_year():
    pad, provider = PadFactory(), AgencyFactory()
    mid_year = launch(at(2020, 6, 1), pad=pad, launch_service_provider=provider)
    new_years_eve = launch(at(2020, 12, 31, 23, 59), pad=pad, launch_service_provider=provider)
    new_year = launch(at(2021, 1, 1, 0, 0), pad=pad, launch_service_provider=provider)
    # In New York, both the last two are on Dec 31: the year must not be the current time zone's.
    with timezone.override(zoneinfo.ZoneInfo("America/New_York")):
        recount()
    assert [stored(x, *YEAR_RANKS) for x in (mid_year, new_years_eve, new_year)] == [
        (1, 1, 1, 1),
        (2, 2, 2, 2),
        (1, 1, 1, 1),
    ]
    assert stored(new_year, *RANKS) == (3, 3, 3, 3)


@pytest.mark.parametrize("name", ["Suborbital", "Sub-Orbital"])
def test_suborbital_launches_are_no_attempt_and_get_null(name):
    pad = PadFactory()
    hop = launch(at(2020, 1, 1), orbit=name, pad=pad)
    orbital = launch(at(2020, 2, 1), pad=pad)
    recount()
    assert stored(hop, *RANKS, *YEAR_RANKS) == (None,) * 8
    assert stored(orbital, "orbital_launch_attempt_count", "pad_launch_attempt_count") == (1, 1)


@pytest.mark.parametrize("mission", ["without orbit", "without mission"])
def test_a_launch_whose_orbit_is_unknown_counts_as_orbital(mission):
    first = launch(
        at(2020, 1, 1),
        orbit=None,
        mission=None if mission == "without mission" else MissionFactory(orbit=None),
    )
    second = launch(at(2020, 2, 1))
    recount()
    assert stored(first, "orbital_launch_attempt_count") == 1
    assert stored(second, "orbital_launch_attempt_count") == 2


@pytest.mark.parametrize("status", [GO, TBD, HOLD, TBC])
def test_pending_launches_are_no_attempt_and_get_null(status):
    pending = launch(at(2020, 1, 1), status)
    flown = launch(at(2020, 2, 1))
    recount()
    assert stored(pending, *RANKS, *YEAR_RANKS) == (None,) * 8
    assert stored(flown, "orbital_launch_attempt_count") == 1


def test_a_launch_that_is_no_longer_an_attempt_loses_its_counters():
    scrubbed = launch(at(2020, 1, 1), HOLD, orbital_launch_attempt_count=7, pad_launch_attempt_count_year=3)
    recount()
    assert stored(scrubbed, "orbital_launch_attempt_count", "pad_launch_attempt_count_year") == (None, None)


def test_failed_partially_failed_and_in_flight_launches_are_attempts():
    launches = [launch(at(2020, 1, day), status) for day, status in ((1, F), (2, P), (3, IN_FLIGHT), (4, S))]
    recount()
    assert [stored(x, "orbital_launch_attempt_count") for x in launches] == [1, 2, 3, 4]


def test_a_launched_launch_without_net_is_no_attempt():
    undated = launch(None)
    dated = launch(at(2020, 1, 1))
    recount()
    assert stored(undated, "orbital_launch_attempt_count") is None
    assert stored(dated, "orbital_launch_attempt_count") == 1


def test_pad_location_and_agency_ranks_count_only_their_own_launches():
    site = LocationFactory()
    east, west, elsewhere = PadFactory(location=site), PadFactory(location=site), PadFactory()
    nasa, esa = AgencyFactory(), AgencyFactory()
    a = launch(at(2020, 1, 1), pad=east, launch_service_provider=nasa)
    b = launch(at(2020, 2, 1), pad=elsewhere, launch_service_provider=esa)
    c = launch(at(2020, 3, 1), pad=west, launch_service_provider=esa)
    d = launch(at(2020, 4, 1), pad=east, launch_service_provider=nasa)
    recount()
    fields = ("location_launch_attempt_count", "pad_launch_attempt_count", "agency_launch_attempt_count")
    assert [stored(x, *fields) for x in (a, b, c, d)] == [(1, 1, 1), (1, 1, 1), (2, 1, 2), (3, 2, 2)]


def test_a_launch_without_pad_gets_null_pad_and_location_ranks_and_still_counts_overall():
    padless = launch(at(2020, 1, 1), pad=None)
    later = launch(at(2020, 2, 1))
    recount()
    assert stored(padless, *RANKS, *YEAR_RANKS) == (1, None, None, 1, 1, None, None, 1)
    assert stored(later, "orbital_launch_attempt_count", "location_launch_attempt_count") == (2, 1)


def test_a_launch_without_provider_gets_a_null_agency_rank_and_counts_for_nobody():
    provider = AgencyFactory()
    orphan = launch(at(2020, 1, 1), launch_service_provider=None)
    provided = launch(at(2020, 2, 1), launch_service_provider=provider)
    recount()
    assert stored(orphan, *RANKS, *YEAR_RANKS) == (1, 1, 1, None, 1, 1, 1, None)
    assert stored(provided, "agency_launch_attempt_count") == 1
    assert stored(provider, "total_launch_count") == 1


# Pad and location totals.


def test_a_pads_totals_count_every_year_and_suborbital_launches_only_in_the_total():
    pad = PadFactory()
    launch(at(2000, 1, 1), pad=pad)
    launch(at(2001, 1, 1), F, pad=pad)
    launch(at(2002, 1, 1), orbit="Suborbital", pad=pad)
    launch(timezone.now() + datetime.timedelta(days=30), GO, pad=pad)
    recount()
    assert stored(pad, "total_launch_count", "orbital_launch_attempt_count") == (3, 2)


def test_a_location_counts_the_launches_at_its_pads_and_the_landings_at_its_landing_locations():
    launch_site, landing_site = LocationFactory(), LocationFactory()
    first = launch(at(2020, 1, 1), pad=PadFactory(location=launch_site))
    launch(at(2020, 2, 1), pad=PadFactory(location=launch_site))
    landing(first, where=landing_site)
    recount()
    assert stored(launch_site, "total_launch_count", "total_landing_count") == (2, 0)
    assert stored(landing_site, "total_launch_count", "total_landing_count") == (0, 1)


def test_every_landing_of_a_multi_booster_launch_counts_once():
    zone, droneship = LocationFactory(), LocationFactory()
    heavy = launch(at(2020, 1, 1))
    landing(heavy, where=zone)
    landing(heavy, where=zone)
    landing(heavy, where=droneship, success=False)
    landing(heavy, where=zone, booster=False)
    recount()
    assert stored(zone, "total_landing_count") == 3
    assert stored(droneship, "total_landing_count") == 1
    provider = heavy.launch_service_provider
    assert stored(provider, "attempted_landings", "successful_landings", "failed_landings") == (4, 3, 1)


def test_landings_not_attempted_or_of_launches_not_launched_do_not_count():
    site = LocationFactory()
    landing(launch(at(2020, 1, 1)), attempt=False, success=None, where=site)
    upcoming = launch(timezone.now() + datetime.timedelta(days=3), GO)
    landing(upcoming, success=None, where=site)
    recount()
    assert stored(site, "total_landing_count") == 0
    assert stored(upcoming.launch_service_provider, "attempted_landings") == 0


def test_a_landing_that_is_both_a_boosters_and_a_flights_counts_once():
    site = LocationFactory()
    flown = launch(at(2020, 1, 1))
    shared = landing(flown, where=site)
    SpacecraftFlightFactory(launch=flown, landing=shared)
    recount()
    assert stored(site, "total_landing_count") == 1
    assert stored(flown.launch_service_provider, "attempted_landings") == 1


# Agency and launcher configuration totals.


def test_an_agencys_launch_totals_by_status():
    agency = AgencyFactory()
    for day, status in enumerate((S, S, F, P, IN_FLIGHT, GO, TBD, HOLD, TBC), start=1):
        launch(at(2020, 1, day), status, launch_service_provider=agency)
    recount()
    fields = ("total_launch_count", "successful_launches", "failed_launches", "pending_launches")
    assert stored(agency, *fields) == (5, 2, 2, 4)


@pytest.mark.parametrize(
    ("history", "streak"),
    [
        ((S, F, S, S), 2),
        ((S, S, S), 3),
        ((S, P, S), 1),
        ((S, S, F), 0),
        # In flight and pending launches neither extend nor break the streak.
        ((F, S, IN_FLIGHT, GO, S), 2),
    ],
)
def test_consecutive_successful_launches_follow_the_last_failure_by_net(history, streak):
    agency, config = AgencyFactory(), LauncherConfigFactory()
    # Created newest first: the order is the NET's, not the rows'.
    for day, status in reversed(list(enumerate(history, start=1))):
        launch(
            at(2020, 1, day),
            status,
            launch_service_provider=agency,
            rocket=RocketFactory(configuration=config),
        )
    recount()
    assert stored(agency, "consecutive_successful_launches") == streak
    assert stored(config, "consecutive_successful_launches") == streak


def test_a_failure_and_a_success_at_the_same_net_are_ordered_by_id():
    first_failed, first_succeeded = AgencyFactory(), AgencyFactory()
    launch(at(2020, 1, 1), F, id=uuid.UUID(int=1), launch_service_provider=first_failed)
    launch(at(2020, 1, 1), S, id=uuid.UUID(int=2), launch_service_provider=first_failed)
    launch(at(2020, 1, 1), S, id=uuid.UUID(int=3), launch_service_provider=first_succeeded)
    launch(at(2020, 1, 1), F, id=uuid.UUID(int=4), launch_service_provider=first_succeeded)
    recount()
    assert stored(first_failed, "consecutive_successful_launches") == 1
    assert stored(first_succeeded, "consecutive_successful_launches") == 0


def test_a_successful_launch_without_net_counts_as_a_success_but_not_in_the_streak():
    agency = AgencyFactory()
    launch(at(2020, 1, 1), launch_service_provider=agency)
    launch(None, launch_service_provider=agency)
    recount()
    assert stored(agency, "successful_launches", "consecutive_successful_launches") == (2, 1)


def test_an_agencys_landing_totals():
    agency = AgencyFactory()
    flown = launch(at(2020, 1, 1), launch_service_provider=agency)
    landing(flown)
    landing(flown, success=False)
    landing(flown, success=None)
    landing(flown, booster=False)
    recount()
    fields = ("attempted_landings", "successful_landings", "failed_landings")
    assert stored(agency, *fields) == (4, 2, 1)


@pytest.mark.parametrize(
    ("history", "streak"),
    [
        # One tuple per launch, in NET order: its landings' outcomes.
        (((True,), (False,), (True, True), (True,)), 3),
        (((True,), (True, True)), 3),
        # A failed landing breaks the streak for its whole launch, whatever the landings' ids.
        (((True,), (True, False, True)), 0),
        (((False,), (True, None)), 1),
    ],
)
def test_consecutive_successful_landings_follow_the_last_launch_with_a_failed_landing(history, streak):
    agency = AgencyFactory()
    for day, outcomes in enumerate(history, start=1):
        flown = launch(at(2020, 1, day), launch_service_provider=agency)
        for success in outcomes:
            landing(flown, success=success)
    recount()
    assert stored(agency, "consecutive_successful_landings") == streak


def test_a_launcher_configurations_totals_count_the_launches_of_its_rockets():
    config, other = LauncherConfigFactory(), LauncherConfigFactory()
    for day, status in enumerate((S, F, P, IN_FLIGHT, GO, TBC), start=1):
        launch(at(2020, 1, day), status, rocket=RocketFactory(configuration=config))
    launch(at(2020, 2, 1), rocket=RocketFactory(configuration=other))
    recount()
    fields = ("total_launch_count", "successful_launches", "failed_launches", "pending_launches")
    assert stored(config, *fields) == (4, 1, 2, 2)
    assert stored(other, *fields) == (1, 1, 0, 0)


def test_agencies_configurations_pads_and_locations_without_launches_get_zeros():
    agency, config, pad = AgencyFactory(), LauncherConfigFactory(manufacturer=None), PadFactory()
    recount()
    assert stored(agency, "total_launch_count", "successful_landings", "consecutive_successful_launches") == (
        0,
        0,
        0,
    )
    assert stored(config, "total_launch_count", "pending_launches") == (0, 0)
    assert stored(pad, "total_launch_count", "orbital_launch_attempt_count") == (0, 0)
    assert stored(pad.location, "total_launch_count", "total_landing_count") == (0, 0)


# What it reports and writes.


def test_the_report_counts_per_model_and_field_the_rows_that_changed():
    pad = PadFactory(total_launch_count=2, orbital_launch_attempt_count=2)
    agency = AgencyFactory()
    Agency.objects.filter(pk=agency.pk).update(total_launch_count=2)
    config = LauncherConfigFactory(manufacturer=agency)
    LauncherConfig.objects.filter(pk=config.pk).update(total_launch_count=2, pending_launches=0)
    for day in (1, 2):
        launch(
            at(2020, 1, day),
            pad=pad,
            launch_service_provider=agency,
            rocket=RocketFactory(configuration=config),
            orbital_launch_attempt_count=day,
        )
    summary = recount()
    assert summary.changed["launches.Launch"] == {
        "orbital_launch_attempt_count": 0,
        "location_launch_attempt_count": 2,
        "pad_launch_attempt_count": 2,
        "agency_launch_attempt_count": 2,
        "orbital_launch_attempt_count_year": 2,
        "location_launch_attempt_count_year": 2,
        "pad_launch_attempt_count_year": 2,
        "agency_launch_attempt_count_year": 2,
    }
    assert summary.changed["launches.Pad"] == {"total_launch_count": 0, "orbital_launch_attempt_count": 0}
    # The location's factory default total (10) changes; its landing total (0) does not.
    assert summary.changed["launches.Location"] == {"total_launch_count": 1, "total_landing_count": 0}
    assert summary.changed["agencies.Agency"]["total_launch_count"] == 0
    assert summary.changed["launches.LauncherConfig"] == {
        "total_launch_count": 0,
        "consecutive_successful_launches": 1,
        "successful_launches": 1,
        "failed_launches": 1,
        "pending_launches": 0,
    }
    assert "launches.Launch.pad_launch_attempt_count: 2 changed" in str(summary).splitlines()


def test_a_second_run_changes_nothing():
    history = [launch(at(2020, 1, day), status) for day, status in ((1, S), (2, F), (3, GO))]
    landing(history[0])
    first = recount()
    second = recount()
    assert first.total > 0
    assert second.total == 0
    assert str(second) == "Nothing changed: every counter is up to date."


def test_a_dry_run_reports_what_a_run_would_change_and_writes_nothing():
    flown = launch(at(2020, 1, 1))
    dry = recount(dry_run=True)
    assert stored(flown, "orbital_launch_attempt_count") is None
    assert dry.changed == recount().changed
    assert "launches.Launch.orbital_launch_attempt_count: 1 would change" in str(dry).splitlines()


def test_only_launches_whose_counters_change_get_a_new_last_updated():
    unchanged = launch(at(2020, 1, 1), GO, last_updated=at(2021, 1, 1))
    changed = launch(at(2020, 2, 1), last_updated=at(2021, 1, 1))
    recount()
    assert stored(unchanged, "last_updated") == at(2021, 1, 1)
    assert stored(changed, "last_updated") > at(2021, 1, 1)


def test_everything_is_written_or_nothing(monkeypatch):
    flown = launch(at(2020, 1, 1))
    write = recount_module._write

    def fail_on_pads(plan, family, *, now):
        if family.model is Pad:
            raise RuntimeError("disk full")
        write(plan, family, now=now)

    monkeypatch.setattr(recount_module, "_write", fail_on_pads)
    with pytest.raises(RuntimeError):
        recount()
    assert stored(flown, "orbital_launch_attempt_count") is None


def history_of(size):
    """`size` launches at three pads of one location, by two providers, with a booster landing each and
    some suborbital or pending."""
    site = LocationFactory()
    pads = [PadFactory(location=site) for _ in range(3)]
    providers = [AgencyFactory(), AgencyFactory()]
    for n in range(size):
        flown = launch(
            at(2019 + n % 3, 1 + n % 12, 1),
            (S, F, GO)[n % 3],
            orbit=("Low Earth Orbit", "Suborbital")[n % 2],
            pad=pads[n % 3],
            launch_service_provider=providers[n % 2],
        )
        landing(flown, success=n % 4 != 0)
        seat(SpacecraftFlightFactory(launch=flown), "launch_crew", AstronautFactory())


@pytest.mark.parametrize("size", [3, 30])
def test_a_recount_runs_a_fixed_number_of_queries(size, django_assert_num_queries):
    history_of(size)
    # A savepoint and its release, PostgreSQL's `SET LOCAL jit = off`, then per model (6) a report and
    # a write.
    jit = 1 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(14 + jit):
        recount()
    # Nothing to write: the reports only.
    with django_assert_num_queries(8 + jit):
        recount()


# The command.


def test_the_command_prints_what_changed():
    launch(at(2020, 1, 1))
    out = io.StringIO()
    call_command("recount", stdout=out)
    assert "launches.Launch.orbital_launch_attempt_count: 1 changed" in out.getvalue().splitlines()
    assert Launch.objects.get().orbital_launch_attempt_count == 1


def test_the_command_with_dry_run_writes_nothing():
    flown = launch(at(2020, 1, 1))
    out = io.StringIO()
    call_command("recount", "--dry-run", stdout=out)
    assert "launches.Launch.orbital_launch_attempt_count: 1 would change" in out.getvalue().splitlines()
    assert stored(flown, "orbital_launch_attempt_count") is None


# The rules read directly, in Python, against a random history.


def random_history(seed):
    """Launches with ties on NET and across a new year, of every status, to orbit, suborbital or
    unknown, with and without pad, provider or NET, with from none to three boosters and a spacecraft,
    whose landings are attempted or not, succeed, fail or are unknown."""
    rng = random.Random(seed)
    pads = [*(PadFactory(location=site) for site in (LocationFactory(),) * 2), PadFactory(), None]
    providers, configs = [AgencyFactory(), AgencyFactory(), None], [LauncherConfigFactory() for _ in range(2)]
    sites = [LocationFactory(), pads[0].location]
    nets = [at(2020, 12, 31, 23, 59), at(2021, 1, 1), at(2021, 1, 1, 0, 1), at(2021, 6, 1), None]
    orbits = ["Low Earth Orbit", "Suborbital", "Sub-Orbital", None, "no mission"]
    for _ in range(40):
        orbit = rng.choice(orbits)
        flown = launch(
            rng.choice(nets),
            rng.choice(list(LL2_LAUNCH_STATUSES)),
            orbit=None if orbit == "no mission" else orbit,
            **({"mission": None} if orbit == "no mission" else {}),
            pad=rng.choice(pads),
            launch_service_provider=rng.choice(providers),
            rocket=RocketFactory(configuration=rng.choice(configs)),
        )
        for booster in [True] * rng.randrange(4) + [False] * rng.randrange(2):
            attempt = rng.random() < 0.8
            success = rng.choice([True, False, None]) if attempt else None
            landing(flown, success=success, attempt=attempt, where=rng.choice(sites), booster=booster)


def _in_order(rows):
    return sorted(rows, key=lambda each: (each["net"], each["id"]))


def _launched(each):
    return each["status"] in LaunchStatus.LAUNCHED


def _streak(outcomes):
    """Successes after the last failure; `outcomes`, in launch order: (successes, failures)."""
    count = 0
    for successes, failures in outcomes:
        count = 0 if failures else count + successes
    return count


def _ranks(launches, attempts):
    ranks = {each["id"]: dict.fromkeys(RANKS + YEAR_RANKS) for each in launches}
    for field, group in zip(RANKS, (None, "pad__location", "pad", "launch_service_provider"), strict=True):
        seen = collections.Counter()
        for each in attempts:
            place = group and each[group]
            if group and place is None:
                continue
            seen[place] += 1
            seen[place, each["net"].astimezone(datetime.UTC).year] += 1
            ranks[each["id"]][field] = seen[place]
            ranks[each["id"]][f"{field}_year"] = seen[place, each["net"].astimezone(datetime.UTC).year]
    return ranks


def _launch_totals(launches, group, pk):
    mine = [each for each in launches if each[group] == pk]
    return {
        "total_launch_count": sum(_launched(each) for each in mine),
        "successful_launches": sum(each["status"] in LaunchStatus.SUCCESSFUL for each in mine),
        "failed_launches": sum(each["status"] in LaunchStatus.FAILED for each in mine),
        "pending_launches": sum(each["status"] in LaunchStatus.PENDING for each in mine),
        "consecutive_successful_launches": _streak(
            (each["status"] in LaunchStatus.SUCCESSFUL, each["status"] in LaunchStatus.FAILED)
            for each in _in_order(each for each in mine if each["net"])
        ),
    }


def _landings(by_id):
    """Each landing once, with its launch: the booster's when a flight's too."""
    launch_of = dict(SpacecraftFlight.objects.filter(landing__isnull=False).values_list("landing", "launch"))
    launch_of.update(
        FirstStage.objects.filter(landing__isnull=False).values_list("landing", "rocket__launch")
    )
    return [
        (row, by_id[launch_of[row["id"]]])
        for row in Landing.objects.values("id", "attempt", "success", "location__location")
        if row["attempt"] and row["id"] in launch_of and _launched(by_id[launch_of[row["id"]]])
    ]


def _landing_totals(landings, pk):
    mine = [(row, each) for row, each in landings if each["launch_service_provider"] == pk]
    per_launch = collections.defaultdict(lambda: [0, 0])
    for row, each in mine:
        if each["net"]:
            per_launch[each["net"], each["id"]][0] += row["success"] is True
            per_launch[each["net"], each["id"]][1] += row["success"] is False
    return {
        "attempted_landings": len(mine),
        "successful_landings": sum(row["success"] is True for row, _ in mine),
        "failed_landings": sum(row["success"] is False for row, _ in mine),
        "consecutive_successful_landings": _streak(per_launch[key] for key in sorted(per_launch)),
    }


def expected_counters():
    """Every counter as the rules of mirror/recount.py say, computed row by row in Python:
    {model label: {pk: {field: value}}}."""
    launches = list(
        Launch.objects.values(
            "id",
            "net",
            "status",
            "pad",
            "pad__location",
            "launch_service_provider",
            "rocket__configuration",
            "mission__orbit__name",
        )
    )
    attempts = _in_order(
        each
        for each in launches
        if _launched(each) and each["net"] and each["mission__orbit__name"] not in Orbit.SUBORBITAL_NAMES
    )
    landings = _landings({each["id"]: each for each in launches})
    return {
        "launches.Launch": _ranks(launches, attempts),
        "launches.Pad": {
            pk: {
                "total_launch_count": sum(_launched(each) for each in launches if each["pad"] == pk),
                "orbital_launch_attempt_count": sum(each["pad"] == pk for each in attempts),
            }
            for pk in Pad.objects.values_list("pk", flat=True)
        },
        "launches.Location": {
            pk: {
                "total_launch_count": sum(
                    _launched(each) for each in launches if each["pad__location"] == pk
                ),
                "total_landing_count": sum(row["location__location"] == pk for row, _ in landings),
            }
            for pk in Location.objects.values_list("pk", flat=True)
        },
        "agencies.Agency": {
            pk: {**_launch_totals(launches, "launch_service_provider", pk), **_landing_totals(landings, pk)}
            for pk in Agency.objects.values_list("pk", flat=True)
        },
        "launches.LauncherConfig": {
            pk: _launch_totals(launches, "rocket__configuration", pk)
            for pk in LauncherConfig.objects.values_list("pk", flat=True)
        },
    }


@pytest.mark.parametrize("seed", range(3))
def test_a_random_history_gets_the_counters_the_rules_give(seed):
    random_history(seed)
    recount()
    expected = expected_counters()
    for label, rows in expected.items():
        fields = list(next(iter(rows.values())))
        model = apps.get_model(label)
        assert {
            pk: dict(zip(fields, values, strict=True))
            for pk, *values in model.objects.values_list("pk", *fields)
        } == rows, label


# Astronauts.


def test_an_astronauts_flight_dates_and_counts_come_from_the_crews_held():
    astronaut = AstronautFactory(flights_count=7, landings_count=7)
    first = seat(flight_at(at(2001, 3, 8)), "launch_crew", astronaut)
    seat(first, "landing_crew", astronaut)
    seat(flight_at(at(2005, 7, 26), mission_end=None), "launch_crew", astronaut)
    seat(flight_at(at(2999, 1, 1), mission_end=None), "launch_crew", astronaut)

    summary = recount()

    astronaut.refresh_from_db()
    assert (astronaut.first_flight, astronaut.last_flight) == (at(2001, 3, 8), at(2005, 7, 26))
    assert (astronaut.flights_count, astronaut.landings_count) == (2, 1)
    assert summary.changed["astronauts.Astronaut"]["flights_count"] == 1


def test_an_astronaut_none_of_whose_flights_are_held_keeps_what_ll2_said():
    astronaut = AstronautFactory(flights_count=3, first_flight=at(2008, 3, 11))

    recount()

    astronaut.refresh_from_db()
    assert (astronaut.flights_count, astronaut.first_flight) == (3, at(2008, 3, 11))
