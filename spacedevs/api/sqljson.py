"""Payloads written by PostgreSQL: declared serializers translated once per process into SQL that builds
their JSON text.

A page of 100 detailed flights is 3,500 model instances that Django builds from eleven queries' rows
and assigns to each other, and that the compiled serializers (`spacedevs.api.compiler`) then turn into
dicts: about 30 ms of Python for 15 ms of PostgreSQL. Here each serializer becomes the columns of one
row, a value per field named by its key, which `row_to_json` writes as the object's JSON (compact, keys
in order, text escaped as `to_json` does, a `json` value as it is), and a page is one query returning
the text of its `results`; Python passes it through (`orjson.Fragment`). Each value is one that
`row_to_json` writes as DRF writes the field: a number, text or a boolean as it is, a datetime as LL2's
text, a float, a constant or a field's own SQL (`sql_json()`) as `json`, a nested object as `json`
(`row_to_json` of its row), a list as a `json` array of them.

The translation is generic, by field class, as the compiler's is, and strict: a serializer is
translated only if every field of it, at every depth, is one whose output the SQL writes byte for byte
as DRF would (`translate` returns None otherwise, and the view serves the compiled Python path):

- a model field or a queryset annotation read by a field of DRF's scalar classes whose conversion
  has an exact SQL form (`CharField` of text, `IntegerField`, `FloatField` written as Python's `repr`,
  `BooleanField`, `DateTimeField` in the `DATETIME_FORMAT` of UTC, `DateField`, `UUIDField`), and
  `DurationField`, `WholeDaysField`, `LinkField`, `NameField` and `ConstantField` of
  `spacedevs.api.fields`;
- a field that writes its own JSON text in SQL: its `sql_json()` returns that expression over the
  row's columns and annotations (`template` and `text_json` below are its pieces), beside its
  `to_representation` (`PreviousFlightField`);
- a nested serializer over a foreign key (a correlated subquery by key: null where the key is), or
  back over the one-to-one field its row was reached by (`rocket.launch` on a launch's rocket, with
  that launch's prefetches), or `many=True` over a reverse foreign key or a many-to-many relation (an
  ordered `ARRAY` subquery).

A detail writes its nested objects in place. A page writes each object its rows share once
(`_page_sql`): its rows in a CTE, then each nested object over a foreign key and each listed row once
per distinct key, joined back, so that the pads, providers and programmes many launches share are not
written again for each.

Each level reads its rows from the queryset the Python path fetches them with, found along the
selector's prefetches (a `Prefetch` queryset brings its annotations, such as a spacecraft's flight
statistics, and its ordering), so both paths read the same rows in the same order.
`tests/spacedevs/test_sqljson.py` compares the two paths' bytes for every object of every endpoint
and mode it translates.

Written as one `concat` of keys and values, each value wrapped to be JSON text (`to_json`, `COALESCE`
to `null`), a flight detail's statement had expressions enough that PostgreSQL spent half its time
compiling them each time it started (a prepared statement's plan is kept, its executor state is not);
as rows, PostgreSQL runs 3.21 M instructions instead of 3.85 M for flight 567 (demo + 10,000 flights;
README, "Measuring it"). A page pays 1 to 4% more: `row_to_json` forms each row, then reads it back
column by column.

The request's part of a payload (the API root's URL and the `?format=` suffix of its links) is two
parameters, beside the keys; the SQL is built once per serializer and queryset, with the selector's
own values written in, and psycopg prepares it on each connection.
"""

import functools
import re
import uuid
from collections.abc import Sequence
from typing import Any, NamedTuple

import orjson
from django.conf import settings
from django.db import connections, models
from django.db.models import Expression, F, Func, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.constants import LOOKUP_SEP
from django.db.models.expressions import Col, RawSQL, Window
from django.db.models.functions import RowNumber
from psycopg import sql as psycopg_sql
from psycopg.adapt import Loader
from rest_framework import fields, serializers
from rest_framework.settings import api_settings

from spacedevs.api.compiler import overrides
from spacedevs.api.fields import (
    ConstantField,
    DurationField,
    FirstItemField,
    LinkField,
    NameField,
    WholeDaysField,
)
from spacedevs.relations import many_valued

# --- SQL pieces ------------------------------------------------------------------------------------------


_PLACE = re.compile(r"%\((\d+)\)s")


class _Sql(Func):
    """A text expression from a template over expressions (`%(0)s`, `%(1)s`, ...)."""

    output_field = models.TextField()

    def __init__(self, template: str, *expressions):
        super().__init__(*expressions)
        self.sql_template = template

    def as_sql(self, compiler, connection, **extra_context):
        compiled = [compiler.compile(expression) for expression in self.source_expressions]
        template = self.sql_template
        bound, bound_params = [], []
        for i, expression in enumerate(self.source_expressions):
            if len(re.findall(rf"%\({i}\)s", template)) > 1 and not isinstance(expression, Col):
                # An expression written more than once (a duration's parts) that is more than a column
                # (an annotation's subquery) is evaluated once: PostgreSQL would run each copy.
                sql, params = compiled[i]
                bound.append(f"{sql} AS v{i}")
                bound_params.extend(params)
                compiled[i] = (f"_v.v{i}", [])
        params = list(bound_params)

        def place(match):
            sql, expression_params = compiled[int(match.group(1))]
            params.extend(expression_params)  # once per place the expression is written
            return sql

        sql = _PLACE.sub(place, template)
        if bound:
            # OFFSET 0 keeps PostgreSQL from pulling the subquery up, which would copy the expression back.
            sql = f"(SELECT {sql} FROM (SELECT {', '.join(bound)} OFFSET 0) AS _v)"
        return sql, params


class _Literal(Expression):
    """A constant string written into the SQL itself, not sent as a parameter (a route, a constant
    field's JSON): each parameter costs the driver per execution."""

    output_field = models.TextField()

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def as_sql(self, compiler, connection):
        # '%' doubled: the statement is run with parameters.
        return "'" + self.text.replace("'", "''").replace("%", "%%") + "'", []

    def __repr__(self):
        return f"_Literal({self.text!r})"


class _Row(NamedTuple):
    """One row's JSON object: its keys, and for each the SQL value that `row_to_json` writes as DRF
    writes the field (a number, text, a boolean, or `json` written as it is; null where SQL's is)."""

    names: tuple[str, ...]
    values: tuple[Expression, ...]

    def columns(self) -> dict[str, Expression]:
        """The values as a queryset's `values()` selects them, in order (`_0`, `_1`...)."""
        return {f"_{i}": value for i, value in enumerate(self.values)}

    def aliases(self) -> str:
        """The column aliases that rename those columns to the keys (`AS _r("id", "url", ...)`)."""
        return _aliases(self.names)


def _aliases(names) -> str:
    return ", ".join(_identifier(name) for name in names)


def _identifier(name: str) -> str:
    # PostgreSQL cuts a longer name to its first 63 bytes, which would change the key.
    if not name or len(name.encode()) > 63:
        raise _Untranslatable(f"key {name!r}")
    return '"' + name.replace('"', '""').replace("%", "%%") + '"'


class _RowOf(Subquery):
    """The object of the one row of a queryset selecting a `_Row`'s columns, as `json`; null without
    one. The queryset is a plain subquery of the row's columns, which PostgreSQL pulls up into the
    query around it: a key costs nothing to execute, where writing each into the text cost its own
    expressions (half the time PostgreSQL took to start a flight detail's statement)."""

    template = "(SELECT row_to_json(_r) FROM (%(subquery)s) AS _r(%(names)s))"
    output_field = models.TextField()


class _RowsOf(_RowOf):
    """The objects of a queryset's rows, in its order, as a `json` array."""

    template = "array_to_json(ARRAY(SELECT row_to_json(_r) FROM (%(subquery)s) AS _r(%(names)s)))"


def _row_of(queryset: QuerySet, row: _Row, kind: type[_RowOf] = _RowOf) -> Expression:
    return kind(queryset.values(**row.columns()), names=row.aliases())


def _json(text: Expression) -> Expression:
    """JSON text as a `json` value, which `row_to_json` writes as it is."""
    return _Sql("(%(0)s)::json", text)


def _or_null(json: Expression) -> Expression:
    return _Sql("COALESCE(%(0)s, 'null')", json)


# --- what a level of the payload reads its rows from -----------------------------------------------------


class _Prefetched(NamedTuple):
    """A prefetch below a level: the attribute path its rows are read at (`to`: the relation's path, or
    the `to_attr` that replaces its last step), the relation's path (`through`), and its queryset."""

    to: str
    through: str
    queryset: QuerySet | None


class _Back(NamedTuple):
    """How a level reached over a one-to-one field (a launch's `rocket`) leads back to the row it was
    reached from: the reverse accessor (`launch`), that row's level, and its column holding the key."""

    attr: str
    level: "_Level"
    column: str


class _Level(NamedTuple):
    """The queryset a serializer's rows come from, the prefetches below it, and the way back to the row
    it was reached from over a one-to-one field (None otherwise)."""

    queryset: QuerySet
    prefetches: tuple[_Prefetched, ...]
    back: _Back | None = None


def _level(queryset: QuerySet) -> _Level:
    return _Level(queryset, _prefetches(queryset))


def _prefetches(queryset: QuerySet) -> tuple[_Prefetched, ...]:
    found = []
    for lookup in queryset._prefetch_related_lookups:
        prefetch = lookup if isinstance(lookup, Prefetch) else Prefetch(lookup)
        found.append(_Prefetched(prefetch.prefetch_to, prefetch.prefetch_through, prefetch.queryset))
    return tuple(found)


def _below(level: _Level, attr: str, related_model: type[models.Model], *, many: bool) -> _Level:
    """The level of the relation read at `attr`: its `Prefetch` queryset if the selector has one, else
    the rows Django would read (its default manager for a prefetch, its base manager for a joined
    relation)."""
    queryset = None
    nested = []
    prefix, through_prefix = attr + LOOKUP_SEP, _relation(level, attr) + LOOKUP_SEP
    for prefetched in level.prefetches:
        if prefetched.to == attr:
            queryset = prefetched.queryset
        elif prefetched.to.startswith(prefix):
            nested.append(_below_prefix(prefetched, prefix, through_prefix))
    if queryset is None:
        manager = related_model._default_manager if many else related_model._base_manager
        queryset = manager.all()
    return _Level(queryset, _prefetches(queryset) + tuple(nested))


def _below_prefix(prefetched: _Prefetched, to_prefix: str, through_prefix: str) -> _Prefetched:
    """A prefetch of a deeper level (`crew__agency` below `crew`), as that level sees it."""
    if not prefetched.through.startswith(through_prefix):
        raise _Untranslatable(f"prefetch {prefetched.through} to {prefetched.to}")
    return prefetched._replace(
        to=prefetched.to[len(to_prefix) :], through=prefetched.through[len(through_prefix) :]
    )


def _relation(level: _Level, attr: str) -> str:
    """The relation whose rows are read at `attr`: `attr` itself, or the relation a `Prefetch(...,
    to_attr=attr)` lists (a list of the rows of its queryset, in its order, as a many-valued relation's)."""
    for prefetched in level.prefetches:
        if prefetched.to == attr and prefetched.through != attr:
            through = prefetched.through.split(LOOKUP_SEP)
            if prefetched.to.split(LOOKUP_SEP)[:-1] != through[:-1]:
                raise _Untranslatable(f"prefetch {prefetched.through} to {prefetched.to}")
            return through[-1]
    return attr


def _rows(level: _Level) -> QuerySet:
    """The level's queryset as a subquery: its rows, filter and annotations, without what only the
    Python path needs."""
    return level.queryset.select_related(None).prefetch_related(None)


# --- serializers -----------------------------------------------------------------------------------------


class _Untranslatable(Exception):
    """A field whose output the SQL does not write exactly as DRF does."""


def _check_serializer(serializer: serializers.BaseSerializer) -> None:
    if not isinstance(serializer, serializers.Serializer) or overrides(
        type(serializer), serializers.Serializer, "to_representation", "_readable_fields"
    ):
        raise _Untranslatable(type(serializer).__name__)


def _object(serializer: serializers.BaseSerializer, level: _Level) -> _Row:
    """One row of `level` as `serializer` writes it."""
    keys = _parts(serializer, level, _field)
    return _Row(tuple(name for name, _ in keys), tuple(value for _, value in keys))


def _parts(serializer: serializers.BaseSerializer, level: _Level, write) -> list[tuple[str, Any]]:
    """Each key of a row's object in order, with the field's value as `write(field, model, level)` gives
    it."""
    _check_serializer(serializer)
    model = level.queryset.model
    parts = [(field.field_name, write(field, model, level)) for field in serializer._readable_fields]
    if not parts:
        raise _Untranslatable(f"{type(serializer).__name__} has no fields")
    return parts


def _field(field: fields.Field, model: type[models.Model], level: _Level) -> Expression:
    """One field's value of a row, as `row_to_json` is to write it."""
    field_class = type(field)
    if hasattr(field, "sql_json"):
        return _json(field.sql_json())
    if isinstance(field, ConstantField) and not overrides(field_class, ConstantField, "get_attribute"):
        return _json(_Literal(_json_constant(field.value)))
    if isinstance(field, LinkField) and not overrides(
        field_class, LinkField, "get_attribute", "to_representation"
    ):
        return _link(field)
    attrs = field.source_attrs
    if not attrs:
        raise _Untranslatable(f"{field.field_name}: source *")
    if len(attrs) > 1:
        return _through(field, model, attrs, level)
    return _value(field, model, attrs[0], level)


def _value(field: fields.Field, model: type[models.Model], attr: str, level: _Level) -> Expression:
    """The field's value of the attribute `attr` of the level's row."""
    if isinstance(field, serializers.ListSerializer):
        return _many(field, model, attr, level)
    if isinstance(field, serializers.BaseSerializer):
        return _related(field, model, attr, level, lambda related: _object(field, related))
    if isinstance(field, FirstItemField) and not overrides(
        type(field), FirstItemField, "get_attribute", "to_representation"
    ):
        return _first(field, model, attr, level)
    if isinstance(field, NameField) and not overrides(type(field), NameField, "get_attribute"):
        null_as = _Literal(_json_constant(field.null_as))
        return _related(field, model, attr, level, lambda related: F("name"), null_as)
    return _scalar(field, model, attr, level)


def _through(
    field: fields.Field, model: type[models.Model], attrs: Sequence[str], level: _Level
) -> Expression:
    """A dotted source (`docking_location.spacestation`): foreign keys followed to the row holding the
    last attribute. Where one of them is null, DRF writes null for a field that allows it, and anything
    else (a default, a skipped key, an error) is not translated."""
    attr, rest = attrs[0], attrs[1:]
    join, _ = _related_level(field, model, attr, level)
    if join.nullable and (not field.allow_null or field.default is not fields.empty):
        raise _Untranslatable(f"{field.field_name}: source {field.source} may be null")

    def write(related: _Level) -> Expression:
        if len(rest) == 1:
            return _value(field, related.queryset.model, rest[0], related)
        return _through(field, related.queryset.model, rest, related)

    # A NameField turns the null DRF reads into its `null_as`.
    null_json = _Literal(_json_constant(field.null_as)) if isinstance(field, NameField) else None
    return _related(field, model, attr, level, write, null_json)


def template(text: str, *expressions: Expression) -> Expression:
    """SQL `text` in which `%(0)s`, `%(1)s`... stand for the `expressions` (for a field's `sql_json`)."""
    return _Sql(text, *expressions)


def text_json(value: Expression) -> Expression:
    """The JSON text of a text value, as `str` and the renderer write it: a string, or null."""
    return _or_null(_Sql(_TEXT_JSON, value))


def _json_constant(value: Any) -> str:
    return orjson.dumps(value).decode()


def _link(field: LinkField) -> Expression:
    # The API root's URL and the `?format=` suffix are the request's: two parameters of the statement,
    # columns of its `_links` row (`Statement`), which every link reads.
    route = _Literal(LinkField.list_route(field.view_name))
    return _Sql("_links.root || %(0)s || %(1)s::text || '/' || _links.suffix", route, F("pk"))


def _related(field, model, attr, level, write, null_json: Expression | None = None) -> Expression:
    """The related row's object (or one value of it, `write(related)`) over a foreign key, found by key:
    null without one, or the JSON text `null_json`."""
    join, related = _related_level(field, model, attr, level)
    rows = _rows(related).filter(**{join.target: OuterRef(join.column)}).order_by()
    written = write(related)
    if isinstance(written, _Row):
        value = _row_of(rows, written)
    else:
        value = Subquery(rows.values(_value=written), output_field=models.TextField())
    if null_json is None:
        return value
    return _Sql("COALESCE(to_json(%(0)s), %(1)s::json)", value, null_json)


class _Join(NamedTuple):
    """How a row finds the one row read at one of its attributes: the related row's `target` column
    equals the row's `column`; `nullable` when the row may have none."""

    column: str
    target: str
    nullable: bool


def _related_level(field: fields.Field, model: type[models.Model], attr: str, level: _Level):
    """How the row reaches the row read at `attr`, and that row's level: over the foreign key `attr`, or
    back over the one-to-one field the row itself was reached by (`rocket.launch`, on a launch's
    rocket: as in Python, that launch, with the prefetches of its level)."""
    if level.back is not None and level.back.attr == attr:
        above = level.back.level
        # Its rows by key, as Python reads them (the row is the one the level came from): not the
        # selector's queryset, whose filters (`net >= now()`) could drop it meanwhile.
        back = _Level(above.queryset.model._base_manager.all(), above.prefetches, above.back)
        return _Join("pk", level.back.column, nullable=False), back
    model_field = _foreign_key(field, model, attr)
    related = _below(level, attr, model_field.related_model, many=False)
    if model_field.one_to_one:
        related = related._replace(
            back=_Back(model_field.remote_field.get_accessor_name(), level, model_field.attname)
        )
    return _Join(model_field.attname, model_field.target_field.attname, model_field.null), related


def _foreign_key(field: fields.Field, model: type[models.Model], attr: str) -> models.ForeignKey:
    try:
        model_field = model._meta.get_field(attr)
    except Exception as error:
        raise _Untranslatable(f"{field.field_name}: {attr}") from error
    if not (model_field.many_to_one or model_field.one_to_one) or not model_field.concrete:
        raise _Untranslatable(f"{field.field_name}: {attr} is not a foreign key")
    return model_field


def _many(field: serializers.ListSerializer, model, attr, level) -> Expression:
    """A list over a reverse foreign key or a many-to-many relation, in the Python path's order."""
    lookup, related = _many_relation(field, model, attr, level)
    rows = _rows(related).filter(**{lookup: OuterRef("pk")})
    return _row_of(rows, _object(field.child, related), _RowsOf)


def _first(field: FirstItemField, model, attr, level) -> Expression:
    """The first row of a many-valued relation in its order, or null without one (`FirstItemField`)."""
    lookup, related = _many_relation(field, model, attr, level)
    rows = _rows(related).filter(**{lookup: OuterRef("pk")})[:1]
    return _row_of(rows, _object(field.serializer, related))


def _many_relation(field: fields.Field, model, attr, level) -> tuple[str, _Level]:
    """The lookup from the related rows of a many-valued relation to the row holding them, and their
    level, which must be ordered."""
    if isinstance(field, serializers.ListSerializer) and overrides(
        type(field), serializers.ListSerializer, "to_representation"
    ):
        raise _Untranslatable(type(field).__name__)
    relation = _relation(level, attr)
    if not many_valued(model, relation):
        raise _Untranslatable(f"{field.field_name}: {attr} is not a many-valued relation's attribute")
    model_field = model._meta.get_field(relation)
    # The related rows, as the relation's query name reaches this row: a reverse relation's field, or a
    # many-to-many field's query name.
    lookup = model_field.related_query_name() if model_field.concrete else model_field.field.name
    related = _below(level, attr, model_field.related_model, many=True)
    if not related.queryset.ordered:
        # In no order, the two paths could list the rows in different ones.
        raise _Untranslatable(f"{field.field_name}: {attr} in no order")
    return lookup, related


# --- a page's shared objects ------------------------------------------------------------------------------


class _One(NamedTuple):
    """An object over a foreign key of the page's rows, written once per distinct key: `column` holds
    the key in the page's rows, `target` in the related ones."""

    column: str
    target: str
    related: _Level
    serializer: serializers.Serializer


class _Many(NamedTuple):
    """A list over a many-valued relation of the page's rows; each related row is written once, however
    many of the page's rows list it. `lookup` goes from the related rows to the page's."""

    lookup: str
    related: _Level
    serializer: serializers.Serializer


def _page_parts(serializer: serializers.BaseSerializer, level: _Level) -> list[Expression | _One | _Many]:
    """The parts of a page's row as `_object` writes them, with its nested objects over foreign keys and
    its lists left to be written once per distinct related row (`_page_sql`)."""
    return _parts(
        serializer,
        level,
        lambda field, model, level: _shared(field, model, level) or _field(field, model, level),
    )


def _shared(field: fields.Field, model: type[models.Model], level: _Level) -> _One | _Many | None:
    attrs = field.source_attrs
    if len(attrs) != 1 or not isinstance(field, serializers.BaseSerializer):
        return None
    if isinstance(field, serializers.ListSerializer):
        lookup, related = _many_relation(field, model, attrs[0], level)
        _check_serializer(field.child)
        return _Many(lookup, related, field.child)
    _check_serializer(field)
    join, related = _related_level(field, model, attrs[0], level)
    return _One(join.column, join.target, related, field)


def _page_sql(level: _Level, parts: list, connection, keys: str) -> str:
    """One statement writing a page: its rows (`_page`), each object they share written once (`_oN`,
    `_mN`), then the rows' objects joined in the keys' order."""
    columns: dict[str, Expression] = {"_key": F("pk")}
    ctes, joins, values = [], [], []
    for i, (_, part) in enumerate(parts):
        if isinstance(part, _One):
            columns[f"_f{i}"] = F(part.column)
            row = _object(part.serializer, part.related)
            rows = (
                _rows(part.related)
                .filter(**{f"{part.target}__in": RawSQL(f"SELECT _page._f{i} FROM _page", ())})
                .order_by()
                .values(_key=F(part.target), **row.columns())
            )
            ctes.append(f"_o{i} AS MATERIALIZED ({_keyed_objects(rows, row, connection)})")
            joins.append(f"LEFT JOIN _o{i} ON _o{i}._key = _page._f{i}")
            values.append(f"_o{i}._json")
        elif isinstance(part, _Many):
            query = part.related.queryset.query
            ordering = list(query.order_by) or list(query.get_meta().ordering)
            listed = (
                _rows(part.related)
                .annotate(_owner=F(part.lookup))
                .filter(_owner__in=RawSQL("SELECT _page._key FROM _page", ()))
                .order_by()
                .values(
                    "_owner",
                    _item=F("pk"),
                    _n=Window(RowNumber(), partition_by=[F("_owner")], order_by=ordering),
                )
            )
            row = _object(part.serializer, part.related)
            items = (
                _rows(part.related)
                .filter(pk__in=RawSQL(f"SELECT _l{i}._item FROM _l{i}", ()))
                .order_by()
                .values(_key=F("pk"), **row.columns())
            )
            ctes += [
                f"_l{i} AS MATERIALIZED ({_sql(listed, connection)})",
                f"_i{i} AS MATERIALIZED ({_keyed_objects(items, row, connection)})",
                f"_m{i} AS MATERIALIZED (SELECT _l{i}._owner,"
                f" array_to_json(array_agg(_i{i}._json ORDER BY _l{i}._n)) AS _json"
                f" FROM _l{i} JOIN _i{i} ON _i{i}._key = _l{i}._item GROUP BY _l{i}._owner)",
            ]
            joins.append(f"LEFT JOIN _m{i} ON _m{i}._owner = _page._key")
            values.append(f"COALESCE(_m{i}._json, '[]'::json)")
        else:
            columns[f"_p{i}"] = part
            values.append(f"_page._p{i}")
    page = _rows(level).filter(pk=RawSQL("k.key", ())).order_by().values(**columns)
    page_cte = (
        f"_page AS MATERIALIZED (SELECT k.n, s.* FROM {keys}"
        f" CROSS JOIN _links CROSS JOIN LATERAL ({_sql(page, connection)}) s)"
    )
    return (
        "WITH _links AS (SELECT %s::text AS root, %s::text AS suffix), "
        + ", ".join([page_cte, *ctes])
        + " SELECT '[' || COALESCE(string_agg(row_to_json(_r)::text, ',' ORDER BY _page.n), '') || ']'"
        + " FROM _page "
        + " ".join(joins)
        + _lateral_object(values, _aliases(name for name, _ in parts))
    )


def _keyed_objects(queryset: QuerySet, row: _Row, connection) -> str:
    """The key (`_key`) and object (`_json`) of each row of `queryset`, which selects `_key` and the
    row's columns; its links read the request's `_links`."""
    selected = [f"x._{i}" for i in range(len(row.values))]
    return (
        "SELECT x._key, row_to_json(_r) AS _json"
        f" FROM _links CROSS JOIN LATERAL ({_sql(queryset, connection)}) x"
        + _lateral_object(selected, row.aliases())
    )


def _lateral_object(values: list[str], aliases: str) -> str:
    """The row `_r` of `values` named by `aliases`, beside the rows they are read from: a subquery
    without rows of its own, which PostgreSQL pulls up, so that `row_to_json(_r)` is each one's object."""
    return f" CROSS JOIN LATERAL (SELECT {', '.join(values)}) AS _r({aliases})"


def _sql(queryset: QuerySet, connection) -> str:
    """The queryset's SQL, its parameters written in."""
    sql, params = queryset.query.get_compiler(connection=connection).as_sql()
    return _inlined(sql, params)


# --- scalar values ---------------------------------------------------------------------------------------

_TEXT = (models.CharField, models.TextField)
_INTEGER = (models.IntegerField, models.BigIntegerField, models.SmallIntegerField, models.AutoField)


def _value_type(model: type[models.Model], attr: str, level: _Level) -> models.Field:
    """The model field or annotation that `attr` names on the level's rows."""
    annotation = level.queryset.query.annotations.get(attr)
    if annotation is not None:
        return annotation.output_field
    for found in model._meta.concrete_fields:
        if found.attname == attr and not found.is_relation:
            return found
        if found.attname == attr:  # a foreign key's column (`agency_id`): its target's type
            return found.target_field
    raise _Untranslatable(attr)


def _scalar(field: fields.Field, model, attr, level) -> Expression:
    """A value of the row, written as the field's class writes it from the type of the value it reads."""
    value_type = _value_type(model, attr, level)
    field_class = type(field)
    if field_class is fields.ReadOnlyField:  # the value as it is: JSON of its type
        kinds = _READ_AS_IS
    else:
        kinds = [
            kind
            for kind in _CONVERTED
            if isinstance(field, kind.field) and not overrides(field_class, kind.field, "to_representation")
        ]
    for kind in kinds:
        if isinstance(value_type, kind.values) and kind.exact(field, value_type):
            return kind.write(field, F(attr))
    raise _Untranslatable(f"{field.field_name}: {field_class.__name__} of {type(value_type).__name__}")


_TEXT_JSON = "to_json(%(0)s::text)::text"


def _always(field, value_type) -> bool:
    return True


class _Kind(NamedTuple):
    """A field class (`field`) reading a value of one of the model field classes `values`, and, where
    `exact` says the output is DRF's exactly, how SQL writes it."""

    field: type[fields.Field]
    values: tuple[type[models.Field], ...]
    write: Any
    exact: Any = _always


_CONVERTED = [
    _Kind(DurationField, (models.DurationField,), lambda field, value: _duration(value)),
    # `timedelta.days`: rounded down, of the exact seconds (PostgreSQL's epoch of an interval is numeric).
    _Kind(
        WholeDaysField,
        (models.DurationField,),
        lambda field, value: _Sql("floor(EXTRACT(EPOCH FROM %(0)s) / 86400)::bigint", value),
    ),
    # `row_to_json` writes a UUID hyphenated, a boolean `true` or `false`, a number as it is, text as a
    # JSON string, as DRF's fields do.
    _Kind(
        fields.UUIDField,
        (models.UUIDField,),
        lambda field, value: value,
        lambda field, value_type: field.uuid_format == "hex_verbose",
    ),
    _Kind(fields.BooleanField, (models.BooleanField,), lambda field, value: value),
    _Kind(fields.DateTimeField, (models.DateTimeField,), lambda field, value: _datetime(field, value)),
    _Kind(
        fields.DateField,
        (models.DateField,),
        lambda field, value: _Sql("to_char(%(0)s, 'YYYY-MM-DD')", value),
        lambda field, value_type: (
            not isinstance(value_type, models.DateTimeField)
            and getattr(field, "format", api_settings.DATE_FORMAT).lower() == fields.ISO_8601
        ),
    ),
    _Kind(fields.IntegerField, _INTEGER, lambda field, value: value),
    # `float(value)`: of an integer column too.
    _Kind(fields.FloatField, (models.FloatField, *_INTEGER), lambda field, value: _json(_float(value))),
    # `str(value)`, of text or a UUID (hyphenated, in both) only (`str(True)` is not JSON's `true`).
    _Kind(fields.CharField, (*_TEXT, models.UUIDField), lambda field, value: value),
]

_READ_AS_IS = [
    _Kind(fields.ReadOnlyField, (*_TEXT, *_INTEGER, models.BooleanField), lambda field, value: value),
]


def _datetime(field: fields.DateTimeField, value: Expression) -> Expression:
    output_format = getattr(field, "format", api_settings.DATETIME_FORMAT)
    if output_format != "%Y-%m-%dT%H:%M:%SZ" or settings.TIME_ZONE != "UTC" or not settings.USE_TZ:
        raise _Untranslatable(field.field_name)
    if field.__dict__.get("timezone") is not None or overrides(
        type(field), fields.DateTimeField, "default_timezone", "enforce_timezone"
    ):
        raise _Untranslatable(field.field_name)
    # strftime's %Y writes a year under 1000 without zeros, as FMYYYY does.
    return _Sql("to_char(%(0)s AT TIME ZONE 'UTC', 'FMYYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')", value)


def _float(value: Expression) -> Expression:
    """Python's `repr` of a float. PostgreSQL writes the same shortest digits, but no `.0` on a whole
    number, and an exponent from 1e15 where Python's starts at 1e16: between the two, its digits are
    read back as an exact numeric, which writes them in full.

    A whole number below 1e15 is known by comparing it with its `trunc`, not by matching its text with
    a regular expression; and a column is read where the template names it, not bound in a sub-select
    first (`_Sql` binds what is more than a column). That saved PostgreSQL 1.8 M of the 216 M
    instructions of a page of 100 detailed flights (0.005 M of a detail's 3.06 M)."""
    number = "(%(0)s)::double precision"
    return _Sql(
        f"(CASE WHEN abs({number}) >= 1e15 AND abs({number}) < 1e16"
        f" THEN regexp_replace((({number})::text::numeric)::text, '^(-?[0-9]+)$', '\\1.0')"
        f" WHEN {number} = trunc({number}) AND abs({number}) < 1e15 THEN ({number})::text || '.0'"
        f" ELSE ({number})::text END)",
        value,
    )


def _duration(value: Expression) -> Expression:
    """`spacedevs.api.durations.format_duration`: whole seconds, zero parts dropped, the sign in front.

    The whole seconds are one expression of the template, so that `_Sql` evaluates them once: each of
    the ten places that read them would otherwise extract and truncate the interval's numeric epoch again
    (0.07 M of a flight detail's 3.14 M instructions in PostgreSQL, for its two durations)."""
    seconds = _Sql("trunc(EXTRACT(EPOCH FROM %(0)s))::bigint", value)
    total = "abs(%(0)s)"
    days = f"({total} / 86400)"

    def part(number: str, unit: str) -> str:
        return f"CASE WHEN {number} > 0 THEN {number}::text || '{unit}' ELSE '' END"

    time = " || ".join(
        (
            part(f"(mod({total}, 86400) / 3600)", "H"),
            part(f"(mod({total}, 3600) / 60)", "M"),
            part(f"mod({total}, 60)", "S"),
        )
    )
    sign = "CASE WHEN %(0)s < 0 THEN '-' ELSE '' END"
    time_part = f"CASE WHEN mod({total}, 86400) > 0 THEN 'T' || {time} ELSE '' END"
    return _Sql(
        f"(CASE WHEN %(0)s IS NULL THEN NULL WHEN {total} = 0 THEN 'P0D'"
        f" ELSE {sign} || 'P' || {part(days, 'D')} || {time_part} END)",
        seconds,
    )


# --- statements ------------------------------------------------------------------------------------------


class Statement:
    """One serializer over one queryset, translated: `run(keys, root, suffix, using)` returns the JSON text
    of the rows with those keys, in that order, as a list, with links from `root` ending in `suffix`.

    Its parameters are the two parts of a link that are the request's, and the keys; the selector's own
    values are written into the SQL (`_inlined`). The driver prepares it on each connection (psycopg's
    prepared statements, see `spacedevs.settings`), so PostgreSQL plans it once per connection."""

    def __init__(self, model: type[models.Model], one: str, many: str):
        self.model = model
        self._one, self._many = one, many

    def run(self, keys: Sequence, root: str, suffix: str, using: str) -> bytes:
        sql, params = self.query(keys, root, suffix)
        with connections[using].cursor() as cursor:
            # The text as the bytes PostgreSQL sent (UTF-8), not decoded to be encoded again.
            cursor.cursor.adapters.register_loader("text", _TextAsBytes)
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def query(self, keys: Sequence, root: str, suffix: str) -> tuple[str, list]:
        """The SQL `run` executes for these keys and links, and its parameters."""
        if len(keys) == 1:
            return self._one, [root, suffix, keys[0]]
        return self._many, [root, suffix, _array_literal(keys)]


def _array_literal(keys: Sequence) -> str | list:
    """Integer or UUID keys as one array literal (`{1,2,3}`), which the statement casts: the driver
    then sends one string instead of adapting each key (100 UUIDs cost it 0.1 ms)."""
    if all(isinstance(key, (int, uuid.UUID)) for key in keys):
        return "{" + ",".join(map(str, keys)) + "}"
    return list(keys)


class _TextAsBytes(Loader):
    def load(self, data) -> bytes:
        return bytes(data)


@functools.cache
def translate(
    serializer_class: type[serializers.BaseSerializer], selector, using: str = "default"
) -> Statement | None:
    """The statement writing `serializer_class`'s payload of the rows `selector()` fetches, or None
    where some field of it has no exact SQL form (the compiled Python path serves it). It is compiled
    for the database `using` that will run it (a read replica, while the primary may be down)."""
    queryset = selector()
    serializer = serializer_class(context={})
    try:
        level = _level(queryset)
        row = _object(serializer, level)
        page_parts = _page_parts(serializer, level)
    except _Untranslatable:
        return None
    connection = connections[using]
    key_type = queryset.model._meta.pk.db_type(connection)
    key_type = {"serial": "integer", "bigserial": "bigint"}.get(key_type, key_type)
    # One key (a detail) is a statement of its own: PostgreSQL keeps one plan for a prepared statement
    # (a generic plan) only where it costs no more than one planned for the parameters' values, and for
    # an array of keys it estimates ten. The detail writes its objects in place; a page writes each
    # object its rows share once (`_page_sql`): its pads, providers and programmes, listed by many.
    one_key = f"(SELECT %s::{key_type} AS key, 1 AS n) AS k"
    rows = _rows(level).filter(pk=RawSQL("k.key", ())).order_by().values(**row.columns())
    one = (
        "SELECT '[' || COALESCE(string_agg(row_to_json(s)::text, ',' ORDER BY k.n), '') || ']'"
        f" FROM (SELECT %s::text AS root, %s::text AS suffix) AS _links CROSS JOIN {one_key}"
        f" CROSS JOIN LATERAL ({_sql(rows, connection)}) AS s({row.aliases()})"
    )
    many_keys = f"unnest(%s::{key_type}[]) WITH ORDINALITY AS k(key, n)"
    many = _page_sql(level, page_parts, connection, many_keys)
    return Statement(queryset.model, one, many)


def _inlined(sql: str, params: Sequence) -> str:
    """Django's SQL with its parameters written in as literals (constants of the selector: a zero
    duration, a status name), as psycopg adapts them (a `%` in them doubled, as in the rest)."""
    literals = iter(params)

    def place(match):
        if match.group(0) == "%%":
            return "%%"
        return psycopg_sql.Literal(next(literals)).as_string(None).replace("%", "%%")

    inlined = re.sub(r"%%|%s", place, sql)
    if next(literals, _END) is not _END:
        raise ValueError("more parameters than placeholders")
    return inlined


_END = object()
