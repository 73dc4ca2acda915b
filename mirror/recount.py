"""Recount: recompute the counters LL2 stores from this database's own launches and landings.

A mirror serves the counters it imported from LL2 (facts about LL2's whole history, README "Stored
counters"). An instance that is its own source of truth recomputes them here instead; `recount()`
overwrites every counter below, on every row of its model (an agency without launches gets zeros).

The rules:

- A launch has **launched** when its status is Success, Failure, Partial Failure or In Flight
  (`LaunchStatus.LAUNCHED`). It is **pending** when Go, TBD, Hold or TBC (`LaunchStatus.PENDING`);
  **successful** when Success; **failed** when Failure or Partial Failure.
- An **orbital attempt** is a launch that has launched, has a NET, and whose mission's orbit is not
  suborbital (`Orbit.SUBORBITAL_NAMES`). A launch without a mission, or whose mission has no orbit,
  counts as orbital: most such launches in LL2 are early orbital launches, and LL2 itself excludes only
  the suborbital orbit. A launched launch without a NET has no place in the order, so it is no attempt
  (LL2 never serves one); the totals below still count it by its status.
- **Order.** Launches are ordered by NET, ties on NET by id. The year is the NET's UTC year.
- **A launch's counters** are its 1-based rank, itself included, among the orbital attempts:
  `orbital_launch_attempt_count` among all of them, `location_launch_attempt_count` among those at its
  pad's location, `pad_launch_attempt_count` at its pad, `agency_launch_attempt_count` by its launch
  service provider; each `*_year` variant among those whose NET is in the same UTC year. A launch that
  is not an orbital attempt gets null in all eight; a launch without a pad gets null for pad and
  location, one without a provider null for agency (it still counts overall). A launch whose counters
  change gets `last_updated` set to now, so mirrors syncing from this instance (`last_updated__gte`)
  fetch it again.
- **A pad**: `total_launch_count` counts its launches that have launched (suborbital ones included);
  `orbital_launch_attempt_count` its orbital attempts of all time (not only this year's).
- **A location**: `total_launch_count` counts the launched launches at its pads;
  `total_landing_count` the landings at its landing locations (not its launches).
- **Landings** are `Landing` rows, of spacecraft flights and of boosters (`FirstStage.landing`), each
  counted once: a launch whose three boosters land counts three landings. A landing counts only when it
  was attempted (`attempt`) and its launch has launched: a planned landing of an upcoming launch has not
  been attempted yet. It is successful when `success` is true, failed when `success` is false; one whose
  outcome is unknown (null) counts only as attempted.
- **An agency**, from the launches it provides (`launch_service_provider`): `total_launch_count`
  (launched), `successful_launches`, `failed_launches`, `pending_launches`,
  `consecutive_successful_launches` (its successful launches after its last failed one, in launch
  order; all of them when none failed); from the landings of those launches: `attempted_landings`,
  `successful_landings`, `failed_landings`, `consecutive_successful_landings` (its successful landings
  on launches after the last launch with a failed landing: the landings of one launch share its place,
  so a failed landing breaks the streak for its whole launch). Launches without a NET have no place in
  the order, so the consecutive counts ignore them.
- **A launcher configuration**, from the launches of rockets of that configuration: `total_launch_count`
  (launched), `successful_launches`, `failed_launches`, `pending_launches`,
  `consecutive_successful_launches`, as for an agency.
- **An astronaut** who sits in the launch or landing crew of a spacecraft flight held here (the others
  keep what LL2 said: we hold none of their flights): `first_flight` and `last_flight`, the earliest and
  latest NET, not in the future, of the launches whose launch crew lists them; `flights_count`, those
  launches; `landings_count`, the flights whose landing crew lists them and whose mission has ended
  (`Astronaut.objects.with_crew_history()`).

How: one counter family per model, each recounted by two SQL statements whatever the number of rows: a
SELECT that counts, per counter, the rows whose stored value differs from the recomputed one (the
report), then, when one does, an `UPDATE ... FROM (<recomputed rows>)` that writes those rows. The
recomputed rows are an ORM query: window functions (`ROW_NUMBER() OVER (PARTITION BY ...)`) for a
launch's ranks, correlated subqueries looked up by foreign key for the totals (with a running total
over each group's launches for the consecutive counts). Everything runs in one transaction: 12
statements, 6 when nothing changes, and on PostgreSQL one `SET LOCAL jit = off` before them.
`UPDATE ... FROM` needs PostgreSQL, or SQLite 3.33 or later.
"""

import datetime
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    RowRange,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, ExtractYear, RowNumber
from django.utils import timezone

from agencies.models import Agency
from astronauts.models import Astronaut, AstronautFlight
from launches.models import FirstStage, Launch, LauncherConfig, LaunchStatus, Location, Orbit, Pad
from spacecraft.models import SpacecraftFlight
from spacedevs import dataversion

# A launch's outcome, by its status (module docstring).
LAUNCHED = Q(status__in=LaunchStatus.LAUNCHED)
SUCCEEDED = Q(status__in=LaunchStatus.SUCCESSFUL)
FAILED = Q(status__in=LaunchStatus.FAILED)
PENDING = Q(status__in=LaunchStatus.PENDING)
# An orbital attempt: launched, with a NET, not suborbital. The negation keeps the launches without
# mission or orbit (Django adds `IS NOT NULL` to it).
ORBITAL_ATTEMPT = LAUNCHED & Q(net__isnull=False) & ~Q(mission__orbit__name__in=Orbit.SUBORBITAL_NAMES)
# Launch order, and the order of ties on NET.
LAUNCH_ORDER = ("net", "id")

# Where landings hang, and the path from there to their launch: a landing is a booster stage's or a
# spacecraft flight's (both one-to-one). One that is both is counted once, as the stage's.
LANDING_SOURCES = (
    (FirstStage.objects.all(), "rocket__launch"),
    (SpacecraftFlight.objects.filter(landing__first_stage__isnull=True), "launch"),
)
# A landing's outcome (of the landings that count: attempted, of a launch that has launched).
LANDED = Q(landing__success=True)
CRASHED = Q(landing__success=False)


@dataclass(frozen=True)
class RecountSummary:
    """What a recount changed (or, in a dry run, would change): `changed[model label][field]` is the
    number of rows whose stored value differs from the recomputed one (every counter, zeros included)."""

    changed: dict[str, dict[str, int]]
    dry_run: bool = False

    @property
    def total(self) -> int:
        return sum(sum(fields.values()) for fields in self.changed.values())

    def __str__(self):
        verb = "would change" if self.dry_run else "changed"
        lines = [
            f"{label}.{field}: {count} {verb}"
            for label, fields in self.changed.items()
            for field, count in fields.items()
            if count
        ]
        return "\n".join(lines) if lines else f"Nothing {verb}: every counter is up to date."


@dataclass(frozen=True)
class _Family:
    """The counters of one model: `counters` maps each field to the expression recomputing it over
    `rows` (a queryset of the model, with the aliases the expressions use); `stamp` names a datetime
    field set to now on the rows whose counters change."""

    rows: models.QuerySet
    counters: dict[str, models.Expression]
    stamp: str | None = None

    @property
    def model(self) -> type[models.Model]:
        return self.rows.model


def recount(*, dry_run: bool = False) -> RecountSummary:
    """Recompute every stored counter from the launches and landings held (rules: module docstring), in
    one transaction and a fixed number of queries. With `dry_run`, report what would change and write
    nothing."""
    now = timezone.now()
    changed = {}
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The subqueries make PostgreSQL's cost estimates large enough to compile them with JIT,
            # which takes ten times as long as running them.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        for family in (
            _launch_ranks(),
            _pad_totals(),
            _location_totals(),
            _agency_totals(),
            _config_totals(),
            _astronaut_history(),
        ):
            plan = _plan(family)
            counts = _count_changes(plan, family)
            changed[family.model._meta.label] = counts
            if not dry_run and any(counts.values()):
                _write(plan, family, now=now)
                # Set-based SQL sends no signal: the cached responses are made stale here.
                dataversion.bump_on_commit()
    return RecountSummary(changed=changed, dry_run=dry_run)


# The counter families.


def _launch_ranks():
    def rank(*among, yearly=False):
        """The launch's rank among the orbital attempts sharing its `among` fields (and NET year), or
        null when it is no attempt or one of its `among` fields is null."""
        partition = [F("is_orbital_attempt"), *(F(field) for field in among)]
        if yearly:
            partition.append(ExtractYear("net", tzinfo=datetime.UTC))
        ranked = Q(is_orbital_attempt=True, **{f"{field}__isnull": False for field in among})
        order = [F(field).asc() for field in LAUNCH_ORDER]
        return Case(
            When(ranked, then=Window(RowNumber(), partition_by=partition, order_by=order)),
            default=None,
            output_field=models.IntegerField(),
        )

    scopes = {
        "orbital": (),
        "location": ("pad__location",),
        "pad": ("pad",),
        "agency": ("launch_service_provider",),
    }
    counters = {}
    for yearly in (False, True):
        for scope, among in scopes.items():
            field = f"{scope}_launch_attempt_count" + ("_year" if yearly else "")
            counters[field] = rank(*among, yearly=yearly)
    rows = Launch.objects.alias(
        is_orbital_attempt=ExpressionWrapper(ORBITAL_ATTEMPT, output_field=models.BooleanField())
    )
    return _Family(rows=rows, counters=counters, stamp="last_updated")


def _pad_totals():
    return _Family(
        rows=Pad.objects.all(),
        counters={
            "total_launch_count": _launches_per(by="pad", when=LAUNCHED),
            "orbital_launch_attempt_count": _launches_per(by="pad", when=ORBITAL_ATTEMPT),
        },
    )


def _location_totals():
    return _Family(
        rows=Location.objects.all(),
        counters={
            "total_launch_count": _launches_per(by="pad__location", when=LAUNCHED),
            # Where the landings land, never where the launches start (LL2's ancestor mixed them up).
            "total_landing_count": _landings_per(by="landing__location__location"),
        },
    )


def _agency_totals():
    provider = "{launch}__launch_service_provider"
    return _Family(
        rows=Agency.objects.all(),
        counters={
            **_launch_totals(by="launch_service_provider"),
            "successful_landings": _landings_per(by=provider, when=LANDED),
            "failed_landings": _landings_per(by=provider, when=CRASHED),
            "attempted_landings": _landings_per(by=provider),
            "consecutive_successful_landings": _streak(
                launches=Launch.objects.filter(LAUNCHED),
                by="launch_service_provider",
                # Per launch, its landings: one failed landing breaks the streak for the whole launch.
                successes=_landings_per(by="{launch}", when=LANDED),
                failures=_landings_per(by="{launch}", when=CRASHED),
            ),
        },
    )


def _config_totals():
    return _Family(rows=LauncherConfig.objects.all(), counters=_launch_totals(by="rocket__configuration"))


def _astronaut_history():
    # Those in a flight's launch or landing crew: what we hold of their flights.
    seated = AstronautFlight.objects.filter(
        Q(launch_flights__isnull=False) | Q(landing_flights__isnull=False)
    ).values("astronaut")
    return _Family(
        rows=Astronaut.objects.filter(pk__in=seated).with_crew_history(),
        counters={
            "first_flight": F("crew_first_flight"),
            "last_flight": F("crew_last_flight"),
            "flights_count": F("crew_flights_count"),
            "landings_count": F("crew_landings_count"),
        },
    )


# The totals: correlated subqueries, each finding the outer row's launches (or landings) through the
# index of the foreign key `by`, so that the database never scans every launch once per row.


def _launch_totals(*, by):
    """The launch totals of an agency or a launcher configuration: over the launches whose `by` is it."""
    return {
        "total_launch_count": _launches_per(by=by, when=LAUNCHED),
        "successful_launches": _launches_per(by=by, when=SUCCEEDED),
        "consecutive_successful_launches": _streak(
            launches=Launch.objects.all(),
            by=by,
            successes=Case(When(SUCCEEDED, then=Value(1)), default=Value(0)),
            failures=Case(When(FAILED, then=Value(1)), default=Value(0)),
        ),
        "failed_launches": _launches_per(by=by, when=FAILED),
        "pending_launches": _launches_per(by=by, when=PENDING),
    }


def _launches_per(*, by, when):
    """How many launches whose `by` is the outer row match `when` (0 when none)."""
    return _count_per(Launch.objects.all(), by=by, when=when)


def _landings_per(*, by, when=None):
    """How many landings that count (attempted, of a launch that has launched) have `by` (a path from
    the stage or flight, where `{launch}` stands for the path to its launch) equal to the outer row and
    match `when` (0 when none)."""
    counts = [
        _count_per(
            rows.filter(landing__attempt=True, **{f"{launch}__status__in": LaunchStatus.LAUNCHED}),
            by=by.format(launch=launch),
            when=when,
        )
        for rows, launch in LANDING_SOURCES
    ]
    return sum(counts[1:], start=counts[0])


def _streak(*, launches, by, successes, failures):
    """How many successes come after the last failure, in launch order, among the `launches` with a NET
    whose `by` is the outer row; `successes` and `failures` count them per launch (the launch's own
    outcome, or its landings'). Window functions over the group's launches, so that each group is sorted
    once: on its last launch with a failure, the group's successes minus the running total of successes
    up to and including that launch; in a group without failure, all its successes."""
    rows = launches.filter(net__isnull=False, **{by: OuterRef("pk")}).alias(
        successes=successes, failures=failures
    )
    order = [F(field).asc() for field in LAUNCH_ORDER]
    in_group = Window(Sum("successes"))
    so_far = Window(Sum("successes"), order_by=order, frame=RowRange(start=None, end=0))
    failed = Q(failures__gt=0)
    last_failure_first = [
        Case(When(failed, then=Value(1)), default=Value(0)).desc(),
        *(F(field).desc() for field in LAUNCH_ORDER),
    ]
    streak = rows.annotate(streak=Case(When(failed, then=in_group - so_far), default=in_group))
    return Coalesce(Subquery(streak.order_by(*last_failure_first).values("streak")[:1]), 0)


def _count_per(rows, *, by, when=None):
    """A correlated subquery: how many of `rows` whose `by` is the outer row's pk match `when` (0 when
    none). `when` filters in the count, not the WHERE, so that the database looks rows up by `by`."""
    grouped = rows.filter(**{by: OuterRef("pk")}).order_by().values(by)
    return Coalesce(Subquery(grouped.annotate(n=Count("pk", filter=when)).values("n")), 0)


# Reporting and writing, two statements per family.


def _plan(family):
    """The family's rows, each with `new_<field>`, the recomputed value of each counter."""
    return family.rows.order_by().annotate(
        **{f"new_{field}": expr for field, expr in family.counters.items()}
    )


def _differs(field):
    """1 when the stored value of `field` differs from the recomputed one (nulls equal), else 0."""
    same = Q(**{field: F(f"new_{field}")}) | Q(**{f"{field}__isnull": True, f"new_{field}__isnull": True})
    return Case(When(same, then=Value(0)), default=Value(1))


def _count_changes(plan, family):
    """The report, in one SELECT: per counter, how many rows it changes."""
    totals = plan.aggregate(**{field: Coalesce(Sum(_differs(field)), 0) for field in family.counters})
    return {field: totals[field] for field in family.counters}


def _write(plan, family, *, now):
    """Write the recomputed values of the rows that change, in one `UPDATE ... FROM`: a window function
    cannot appear in an UPDATE's SET, so the recomputed rows are joined in as a derived table, and
    compared with the stored ones there (the WHERE of the ORM would compute them a second time)."""
    quote = connection.ops.quote_name
    meta = family.model._meta
    table = quote(meta.db_table)
    select, select_params = plan.values(
        "pk", *(f"new_{field}" for field in family.counters)
    ).query.sql_with_params()
    assignments, differences = [], []
    for field in family.counters:
        stored, new = f"{table}.{quote(meta.get_field(field).column)}", f"r.{quote(f'new_{field}')}"
        assignments.append(f"{quote(meta.get_field(field).column)} = {new}")
        # `IS DISTINCT FROM`, in the words of SQLite before 3.39 (true, never null, when one is null).
        differences.append(
            f"({stored} <> {new} OR ({stored} IS NULL AND {new} IS NOT NULL) "
            f"OR ({stored} IS NOT NULL AND {new} IS NULL))"
        )
    params = []
    if family.stamp:
        stamp = meta.get_field(family.stamp)
        assignments.append(f"{quote(stamp.column)} = %s")
        params.append(stamp.get_db_prep_value(now, connection))
    sql = (
        f"UPDATE {table} SET {', '.join(assignments)} FROM ({select}) AS r "
        f"WHERE {table}.{quote(meta.pk.column)} = r.{quote('pk')} AND ({' OR '.join(differences)})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *select_params])
