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
  (`_astronaut_history`).

How: one counter family per model, each recounted by two SQL statements whatever the number of rows: a
SELECT that counts, per counter, the rows whose stored value differs from the recomputed one (the
report), then, when one does, an `UPDATE ... FROM (<recomputed rows>)` that writes those rows. The
recomputed rows are the model's rows with window functions (`ROW_NUMBER() OVER (PARTITION BY ...)`) for a
launch's ranks, and for the totals derived tables joined by key, each grouping the launches (or landings,
or seats) once by the row they count for (`GROUP BY launch_service_provider`), with one more window over
each group's launches for the consecutive counts. So each table is read once per family, whatever the
number of agencies or pads: at a million flights, correlated subqueries per row took hours where this
takes minutes. Every piece is an ORM query compiled to SQL; the joins around them are written here.
Everything runs in one transaction: 12 statements, 6 when nothing changes, and on PostgreSQL one
`SET LOCAL jit = off` before them. `UPDATE ... FROM` needs PostgreSQL, or SQLite 3.33 or later.
"""

import datetime
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    Max,
    Min,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.functions import ExtractYear, Now, RowNumber
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
class _Table:
    """A derived table of the recount: compiled SQL and its parameters, whose rows have a `key` column
    (the pk of the row they count for) and named value columns."""

    sql: str
    params: tuple

    @classmethod
    def of(cls, queryset):
        sql, params = queryset.query.sql_with_params()
        return cls(sql, tuple(params))

    def total(self, column):
        """The counter that is this table's `column` (0 for a row the table has no `key` for)."""
        return _Counter(terms=((self, column),))

    def value(self, column):
        """The counter that is this table's `column` (null for a row the table has no `key` for)."""
        return _Counter(terms=((self, column),), zero=False)


@dataclass(frozen=True)
class _Counter:
    """A counter recomputed from derived tables: the sum of their `terms` (table, column), each joined
    to the row by its `key`; with `zero`, a table without a row for it adds 0."""

    terms: tuple[tuple[_Table, str], ...]
    zero: bool = True

    def __add__(self, other):
        return _Counter(terms=self.terms + other.terms, zero=self.zero and other.zero)


@dataclass(frozen=True)
class _Family:
    """The counters of one model: `counters` maps each field to what recomputes it, an expression over
    `rows` (a queryset of the model, with the aliases the expressions use) or a `_Counter`; `stamp` names
    a datetime field set to now on the rows whose counters change."""

    rows: models.QuerySet
    counters: dict[str, models.Expression | _Counter]
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
    launches = _per(
        Launch.objects.all(),
        by="pad",
        launched=Count("pk", filter=LAUNCHED),
        orbital=Count("pk", filter=ORBITAL_ATTEMPT),
    )
    return _Family(
        rows=Pad.objects.all(),
        counters={
            "total_launch_count": launches.total("launched"),
            "orbital_launch_attempt_count": launches.total("orbital"),
        },
    )


def _location_totals():
    launches = _per(Launch.objects.all(), by="pad__location", launched=Count("pk", filter=LAUNCHED))
    # Where the landings land, never where the launches start (LL2's ancestor mixed them up).
    landings = _landings_per(by="landing__location__location", landed=Count("pk"))
    return _Family(
        rows=Location.objects.all(),
        counters={
            "total_launch_count": launches.total("launched"),
            "total_landing_count": _sum(landings, "landed"),
        },
    )


def _agency_totals():
    provider = "{launch}__launch_service_provider"
    landings = _landings_per(
        by=provider,
        landed=Count("pk", filter=LANDED),
        crashed=Count("pk", filter=CRASHED),
        attempted=Count("pk"),
    )
    # Per launch, its landings: one failed landing breaks the streak for the whole launch.
    landings_per_launch = _landings_per_launch(
        by=provider, successes=Count("pk", filter=LANDED), failures=Count("pk", filter=CRASHED)
    )
    return _Family(
        rows=Agency.objects.all(),
        counters={
            **_launch_totals(by="launch_service_provider"),
            "successful_landings": _sum(landings, "landed"),
            "failed_landings": _sum(landings, "crashed"),
            "attempted_landings": _sum(landings, "attempted"),
            "consecutive_successful_landings": _streak(landings_per_launch).total("streak"),
        },
    )


def _config_totals():
    return _Family(rows=LauncherConfig.objects.all(), counters=_launch_totals(by="rocket__configuration"))


def _astronaut_history():
    """What the crews held say of each astronaut's flights (module docstring): the astronauts in a
    flight's launch or landing crew, the others keep what LL2 said."""
    seated = AstronautFlight.objects.filter(
        Q(launch_flights__isnull=False) | Q(landing_flights__isnull=False)
    ).values("astronaut")
    net = "launch_flights__launch__net"
    launched = _per(
        AstronautFlight.objects.filter(**{f"{net}__lte": Now()}),
        by="astronaut",
        first=Min(net),
        last=Max(net),
        flights=Count("launch_flights__launch", distinct=True),
    )
    landed = _per(
        AstronautFlight.objects.filter(landing_flights__mission_end__lte=Now()),
        by="astronaut",
        landings=Count("landing_flights", distinct=True),
    )
    return _Family(
        rows=Astronaut.objects.filter(pk__in=seated),
        counters={
            "first_flight": launched.value("first"),
            "last_flight": launched.value("last"),
            "flights_count": launched.total("flights"),
            "landings_count": landed.total("landings"),
        },
    )


# The totals: derived tables, each grouping a table's rows once by the row they count for (`key`), and
# joined to the family's rows by it. (Correlated subqueries, one per row and counter, took hours at a
# million flights: the planner scanned the stages and landings once per agency.)


def _per(rows, *, by, **aggregates):
    """Per value of `by` among `rows` (its `key`), the `aggregates` (named columns)."""
    return _Table.of(rows.order_by().values(key=F(by)).annotate(**aggregates))


def _sum(tables, column):
    """The counter that sums `column` over `tables`."""
    return sum((table.total(column) for table in tables[1:]), start=tables[0].total(column))


def _launch_totals(*, by):
    """The launch totals of an agency or a launcher configuration: over the launches whose `by` is it."""
    launches = _per(
        Launch.objects.all(),
        by=by,
        launched=Count("pk", filter=LAUNCHED),
        succeeded=Count("pk", filter=SUCCEEDED),
        failed=Count("pk", filter=FAILED),
        pending=Count("pk", filter=PENDING),
    )
    outcomes = Launch.objects.filter(net__isnull=False).values(
        "net",
        key=F(by),
        launch_pk=F("pk"),
        successes=Case(When(SUCCEEDED, then=Value(1)), default=Value(0)),
        failures=Case(When(FAILED, then=Value(1)), default=Value(0)),
    )
    return {
        "total_launch_count": launches.total("launched"),
        "successful_launches": launches.total("succeeded"),
        "consecutive_successful_launches": _streak(_Table.of(outcomes)).total("streak"),
        "failed_launches": launches.total("failed"),
        "pending_launches": launches.total("pending"),
    }


def _counted_landings():
    """Each source of landings, only those that count (attempted, of a launch that has launched), with
    its path to the launch."""
    for rows, launch in LANDING_SOURCES:
        launched = {f"{launch}__status__in": LaunchStatus.LAUNCHED}
        yield rows.order_by().filter(landing__attempt=True, **launched), launch


def _landings_per(*, by, **aggregates):
    """The landings that count per value of `by` (a path from the stage or flight, where `{launch}`
    stands for the path to its launch): one table per source of landings, with the `aggregates`."""
    return [_per(rows, by=by.format(launch=launch), **aggregates) for rows, launch in _counted_landings()]


def _landings_per_launch(*, by, **aggregates):
    """The landings that count, one table of both sources with a row per launch with a NET and landings:
    its `key` (`by`, as for `_landings_per`), the `net` and `launch_pk` that order it, and the
    `aggregates` (the input of `_streak`)."""
    per_source = [
        rows.filter(**{f"{launch}__net__isnull": False})
        .values(key=F(by.format(launch=launch)), net=F(f"{launch}__net"), launch_pk=F(f"{launch}__pk"))
        .annotate(**aggregates)
        for rows, launch in _counted_landings()
    ]
    return _Table.of(per_source[0].union(*per_source[1:], all=True))


def _streak(outcomes):
    """Per `key`, how many successes come after the last failure in launch order, from `outcomes`, a
    table with `key`, `net`, `launch_pk`, `successes` and `failures` per launch (or part of a launch:
    the rows of one launch are peers in the order, and share its failures). A window counts, for each
    row, the failures from it to the group's end; the streak sums the successes of the rows where that
    is none."""
    quote = connection.ops.quote_name
    key, net, launch_pk, successes, failures = map(
        quote, ("key", "net", "launch_pk", "successes", "failures")
    )
    sql = (
        f"SELECT {key}, SUM({successes}) AS {quote('streak')} FROM ("
        f"SELECT {key}, {successes}, SUM(CASE WHEN {failures} > 0 THEN 1 ELSE 0 END) OVER ("
        f"PARTITION BY {key} ORDER BY {net} DESC, {launch_pk} DESC) AS {quote('failures_after')} "
        f"FROM ({outcomes.sql}) AS outcomes) AS ordered "
        f"WHERE {quote('failures_after')} = 0 GROUP BY {key}"
    )
    return _Table(sql, outcomes.params)


# Reporting and writing, two statements per family.


def _plan(family):
    """The family's recomputed rows, as SQL and parameters: per row its `pk` and `new_<field>` for each
    counter, the expressions computed over `family.rows`, the `_Counter`s from their tables joined by
    `key`."""
    quote = connection.ops.quote_name
    expressions = {
        f"new_{field}": counter
        for field, counter in family.counters.items()
        if not isinstance(counter, _Counter)
    }
    rows, params = (
        family.rows.order_by().annotate(**expressions).values("pk", *expressions).query.sql_with_params()
    )
    params = list(params)
    columns = [f"rows.{quote(column)}" for column in ("pk", *expressions)]
    aliases, joins = {}, []
    for field, counter in family.counters.items():
        if not isinstance(counter, _Counter):
            continue
        terms = []
        for table, column in counter.terms:
            if table not in aliases:
                aliases[table] = alias = f"t{len(aliases)}"
                on = f"{alias}.{quote('key')} = rows.{quote('pk')}"
                joins.append(f"LEFT JOIN ({table.sql}) AS {alias} ON {on}")
                params.extend(table.params)
            term = f"{aliases[table]}.{quote(column)}"
            terms.append(f"COALESCE({term}, 0)" if counter.zero else term)
        columns.append(f"{' + '.join(terms)} AS {quote(f'new_{field}')}")
    return f"SELECT {', '.join(columns)} FROM ({rows}) AS rows {' '.join(joins)}", params


def _differences(family):
    """Per counter, SQL that is true, never null, when the stored value differs from the recomputed one
    `r.new_<field>` (`IS DISTINCT FROM`, in the words of SQLite before 3.39)."""
    quote = connection.ops.quote_name
    meta = family.model._meta
    table = quote(meta.db_table)
    differences = {}
    for field in family.counters:
        stored, new = f"{table}.{quote(meta.get_field(field).column)}", f"r.{quote(f'new_{field}')}"
        differences[field] = (
            f"({stored} <> {new} OR ({stored} IS NULL AND {new} IS NOT NULL) "
            f"OR ({stored} IS NOT NULL AND {new} IS NULL))"
        )
    return differences


def _count_changes(plan, family):
    """The report, in one SELECT: per counter, how many rows it changes."""
    quote = connection.ops.quote_name
    meta = family.model._meta
    table = quote(meta.db_table)
    sql, params = plan
    sums = [f"SUM(CASE WHEN {difference} THEN 1 ELSE 0 END)" for difference in _differences(family).values()]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(sums)} FROM {table} JOIN ({sql}) AS r "
            f"ON {table}.{quote(meta.pk.column)} = r.{quote('pk')}",
            params,
        )
        totals = cursor.fetchone()
    return {field: total or 0 for field, total in zip(family.counters, totals, strict=True)}


def _write(plan, family, *, now):
    """Write the recomputed values of the rows that change, in one `UPDATE ... FROM`: a window function
    cannot appear in an UPDATE's SET, so the recomputed rows are joined in as a derived table, and
    compared with the stored ones there (the WHERE of the ORM would compute them a second time)."""
    quote = connection.ops.quote_name
    meta = family.model._meta
    table = quote(meta.db_table)
    select, select_params = plan
    assignments = [
        f"{quote(meta.get_field(field).column)} = r.{quote(f'new_{field}')}" for field in family.counters
    ]
    params = []
    if family.stamp:
        stamp = meta.get_field(family.stamp)
        assignments.append(f"{quote(stamp.column)} = %s")
        params.append(stamp.get_db_prep_value(now, connection))
    sql = (
        f"UPDATE {table} SET {', '.join(assignments)} FROM ({select}) AS r "
        f"WHERE {table}.{quote(meta.pk.column)} = r.{quote('pk')} "
        f"AND ({' OR '.join(_differences(family).values())})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *select_params])
