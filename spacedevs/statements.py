"""The SQL of the querysets the views build once per process, compiled once per shape, not per request.

Django compiles a queryset into SQL again every time it runs: for a flight detail, whose 16-join select
and prefetches name some 400 columns, that was over half of the request's time in Python, although
from one request to the next only the values of the `WHERE` clause change (the id asked for, the rows
a prefetch completes). `compiled_once(queryset)` marks a queryset, and the querysets of its `Prefetch`
objects, so that each query derived from them (filtered, ordered, sliced, prefetched) is compiled by
`StatementCompilerMixin`: it keeps, per shape, everything but the `WHERE` clause and the `LIMIT/OFFSET`
(the select list, the joins, the ordering, and what Django needs to build instances from the rows) and
compiles only those two per run.

The shape is the query's whole state but its `WHERE` clause and its limits (`shape_of`): its joins,
their reference counts, `select_related`, annotations, ordering, whether it is sliced, extras... A
query with anything it does not know (a Django version's new attribute, a combinator, `FOR UPDATE`,
`EXPLAIN`, an expression the marked queryset did not hold) has no shape, and Django compiles it as
always. A shape is kept only once the SQL assembled from it has been checked equal to Django's own
for the query it was made from. With `STATEMENT_CACHE_CHECK` on (the test suite), every query
assembled from a kept shape is also compiled by Django and compared, so that a shape that misses a
difference fails a test instead of answering another query's rows. `STATEMENT_CACHE=off` compiles
everything as Django does.
"""

import functools
import threading
from collections.abc import Hashable
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db.models import Prefetch, QuerySet
from django.db.models.sql.datastructures import BaseTable, Join
from django.db.models.sql.query import Query
from django.db.models.sql.where import ExtraWhere, WhereNode

# The WHERE clause of the query compiled to make a template: replaced by each run's own.
_MARK = "__spacedevs_where__"
_MARKED_WHERE = f"WHERE ({_MARK})"

# The most shapes kept per process: far more than the endpoints have (a shape per query of a mode and
# ordering, whatever the values, the page and its size); past it, new shapes are compiled as Django does.
MAX_SHAPES = 1000


class StatementQuery(Query):
    """A query of a marked queryset: compiled by the backend's compiler with `StatementCompilerMixin`.
    Django's clones keep the class, so every query derived from a marked one is one too."""

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        compiler = super().get_compiler(using, connection, elide_empty)
        compiler.__class__ = _statement_compiler(type(compiler))
        return compiler


def compiled_once(queryset: QuerySet) -> QuerySet:
    """A clone of `queryset` whose queries, and those of its `Prefetch` querysets at every depth, are
    compiled once per shape (see the module's docstring). Meant for querysets built once per process:
    the expressions they hold are the ones a shape may name."""
    clone = queryset.all()
    query = clone.query
    query.__class__ = StatementQuery
    query.owned_expressions = _expressions_of(query)
    lookups = [_marked(lookup) for lookup in clone._prefetch_related_lookups]
    if lookups:
        clone = clone.prefetch_related(None).prefetch_related(*lookups)
    return clone


def _marked(lookup):
    if not isinstance(lookup, Prefetch) or lookup.queryset is None:
        return lookup
    return Prefetch(lookup.prefetch_through, queryset=compiled_once(lookup.queryset), to_attr=lookup.to_attr)


# Every expression a marked query ever held, by id: kept alive for the process, so that an id in a
# shape is never that of another expression made later at the same address.
_expressions: dict[int, Any] = {}


def _expressions_of(query: Query) -> frozenset[int]:
    """The ids of the expressions a marked query holds (kept alive in `_expressions`)."""
    found = [
        *query.annotations.values(),
        *query.order_by,
        *query.select,
        *query.extra_order_by,
        *(query.group_by if isinstance(query.group_by, tuple) else ()),
        *((query.selected or {}).values()),
    ]
    held = {id(expression): expression for expression in found if not isinstance(expression, (str, int))}
    _expressions.update(held)
    return frozenset(held)


# --- the shape -------------------------------------------------------------------------------------------


class _NoShape(Exception):
    """The query holds something a shape cannot name: Django compiles it."""


# Attributes of a query that never change its SQL (or are compiled per run: `where`), or that are
# caches Django rebuilds, and ours.
_IGNORED = frozenset(
    {
        "where",
        "used_aliases",
        "filter_is_sticky",
        "_annotation_select_cache",
        "_extra_select_cache",
        "base_table",
        "owned_expressions",
        "_lookup_joins",  # which joins a filter made, for split_exclude: not read by the compiler
    }
)
# Attributes whose value is plain data (strings, numbers, fields, models, tuples and dicts of them).
_PLAIN = frozenset(
    {
        "model",
        "alias_cols",
        "default_cols",
        "default_ordering",
        "standard_ordering",
        "subquery",
        "distinct",
        "distinct_fields",
        "max_depth",
        "values_select",
        "annotation_select_mask",
        "extra_select_mask",
        "extra",
        "extra_tables",
        "deferred_loading",
        "table_map",
        "external_aliases",
        "select_related",
        "subq_aliases",
        "combinator",
        "select_for_update",
        "explain_info",
        "combined_queries",
        "_filtered_relations",
        "alias_prefix",
    }
)
# Attributes that hold expressions: named by the ids of the marked query's own.
_EXPRESSIONS = frozenset({"annotations", "order_by", "select", "extra_order_by", "group_by", "selected"})
# Values that a query with a shape must have (a shape would not be worth the risk otherwise).
_REQUIRED = {
    "combinator": None,
    "select_for_update": False,
    "explain_info": None,
    "combined_queries": (),
    "_filtered_relations": {},
    "extra_tables": (),
}


def shape_of(query: Query) -> tuple | None:
    """Everything of `query` that its SQL depends on, but the values compiled per run; None if the query
    holds something a shape cannot name."""
    try:
        return tuple(
            _part(query, name, value) for name, value in query.__dict__.items() if name not in _IGNORED
        )
    except _NoShape:
        return None


def _part(query: Query, name: str, value: Any) -> Hashable:
    if name in _REQUIRED and value != _REQUIRED[name]:
        raise _NoShape
    if name == "alias_map":
        return name, tuple(_join(alias, join) for alias, join in value.items())
    if name in ("low_mark", "high_mark"):
        # The LIMIT/OFFSET clause is written per run (a page deep in a table is not a shape of its own):
        # the shape says only whether there is one.
        return name, bool(value)
    if name == "alias_refcount":
        # The compiler reads whether an alias is referenced, and a join it reuses and then trims may take
        # a count of 1 to 0: 0, 1 and more are told apart. Higher counts are not, which a prefetch grows
        # on the queryset it is given, by one per run (ForwardManyToOneDescriptor's `resolve_ref`).
        return name, tuple((alias, min(count, 2)) for alias, count in value.items())
    if name in _EXPRESSIONS:
        return name, _owned(query.owned_expressions, value)
    if name in _PLAIN:
        return name, _plain(value)
    raise _NoShape  # an attribute this module does not know


def _join(alias: str, join) -> Hashable:
    if type(join) is BaseTable:
        return alias, join.table_name, join.table_alias
    if type(join) is Join and join.filtered_relation is None:
        return (
            alias,
            join.table_name,
            join.parent_alias,
            join.table_alias,
            join.join_type,
            id(join.join_field),  # a field or relation of a model's _meta: alive as long as the process
            join.nullable,
        )
    raise _NoShape


def _owned(owned: frozenset[int], value: Any) -> Hashable:
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, (tuple, list)):
        return tuple(_owned(owned, item) for item in value)
    if isinstance(value, dict):
        return tuple((key, _owned(owned, item)) for key, item in value.items())
    if id(value) in owned:
        return ("expression", id(value))
    raise _NoShape


def _plain(value: Any) -> Hashable:
    if value is None or isinstance(value, (str, int, bool, float, type)):
        return value
    if isinstance(value, (tuple, list)):
        return tuple(_plain(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_plain(item) for item in value)
    if isinstance(value, dict):
        return tuple((_plain(key), _plain(item)) for key, item in value.items())
    raise _NoShape


# --- the compiler ----------------------------------------------------------------------------------------


class _Template:
    """A shape's SQL around its WHERE clause, with the compiler state Django reads after `as_sql`."""

    __slots__ = ("head", "head_params", "state", "tail", "tail_params")

    def __init__(self, head, tail, head_params, tail_params, state):
        self.head, self.tail = head, tail
        self.head_params, self.tail_params = head_params, tail_params
        self.state = state

    def sql(self, where: str, where_params, limits: str) -> tuple[str, tuple]:
        head, tail = self.head, self.tail + limits
        if where:
            return f"{head} WHERE {where}{tail}", (*self.head_params, *where_params, *self.tail_params)
        return f"{head}{tail}", (*self.head_params, *self.tail_params)


_templates: dict[Hashable, _Template | None] = {}
_templates_lock = threading.Lock()
# The compiler state that `as_sql` sets and that Django reads afterwards (ModelIterable, results_iter).
_STATE = ("select", "klass_info", "annotation_col_map", "col_count", "has_extra_select")


class StatementCompilerMixin:
    """`as_sql` from a kept template, compiling only the WHERE clause; on a query without one yet, Django's
    own `as_sql`, and a template made and checked for the next."""

    def as_sql(self, with_limits=True, with_col_aliases=False):
        if not getattr(settings, "STATEMENT_CACHE", True):
            return super().as_sql(with_limits, with_col_aliases)
        shape = shape_of(self.query)
        if shape is None:
            return super().as_sql(with_limits, with_col_aliases)
        key = (type(self), self.connection.vendor, self.elide_empty, with_limits, with_col_aliases, shape)
        template = _templates.get(key, False)
        if template is False:
            return self._compile_and_keep(key, with_limits, with_col_aliases)
        if template is None:  # a shape whose template could not be made
            return super().as_sql(with_limits, with_col_aliases)
        self.where, self.having, self.qualify = self.query.where.split_having_qualify(
            must_group_by=self.query.group_by is not None
        )
        if self.having is not None or self.qualify is not None:
            # A filter on an aggregate or a window of the shape's (HAVING, QUALIFY): Django's way.
            return super().as_sql(with_limits, with_col_aliases)
        for name, value in zip(_STATE, template.state, strict=True):
            setattr(self, name, value)
        result = template.sql(*self._where(), _limits(self, with_limits))
        if getattr(settings, "STATEMENT_CACHE_CHECK", False):
            _check(self, result, with_limits, with_col_aliases)
        return result

    def _where(self) -> tuple[str, Any]:
        # The WHERE part of what Django's `pre_sql_setup` split, compiled as its `as_sql` does.
        try:
            return self.compile(self.where)
        except EmptyResultSet:
            if self.elide_empty:
                raise
            return "0 = 1", []
        except FullResultSet:
            return "", []

    def _compile_and_keep(self, key, with_limits, with_col_aliases):
        marked = self.query.clone()
        result = super().as_sql(with_limits, with_col_aliases)
        template = None
        if (
            self.having is None
            and self.qualify is None
            and not (self.query.subquery and self.has_extra_select)
        ):
            template = _template(self, marked, with_limits, with_col_aliases)
        if template is not None and template.sql(*self._where(), _limits(self, with_limits)) != result:
            template = None  # the assembled SQL must be Django's, or the shape is compiled as Django does
        with _templates_lock:
            if len(_templates) < MAX_SHAPES:
                _templates[key] = template
        return result


def _template(compiler, marked: Query, with_limits, with_col_aliases) -> _Template | None:
    """The template of `compiler`'s query, from the SQL Django compiles for a clone of it (made before the
    compilation, which adds joins) whose WHERE clause is a mark."""
    marked.where = WhereNode([ExtraWhere([_MARK], [])])
    sql, params = _djangos(marked, compiler, with_limits, with_col_aliases)
    if sql.count(_MARKED_WHERE) != 1:
        return None
    head, tail = sql.split(_MARKED_WHERE)
    limits = _limits(compiler, with_limits)
    if not head.endswith(" ") or not tail.endswith(limits):
        return None
    tail = tail[: len(tail) - len(limits)]
    split = head.replace("%%", "").count("%s")
    state = tuple(getattr(compiler, name) for name in _STATE)
    return _Template(head[:-1], tail, tuple(params[:split]), tuple(params[split:]), state)


def _limits(compiler, with_limits) -> str:
    """The query's LIMIT/OFFSET clause as Django's `as_sql` ends the statement with it, or nothing."""
    query = compiler.query
    if not (with_limits and query.is_sliced):
        return ""
    return " " + compiler.connection.ops.limit_offset_sql(query.low_mark, query.high_mark)


def _djangos(query: Query, compiler, with_limits, with_col_aliases) -> tuple[str, tuple]:
    """The statement Django's own compiler makes of `query` (a clone: compiling it adds joins), for the
    connection of `compiler`."""
    query.__class__ = Query
    return query.get_compiler(connection=compiler.connection, elide_empty=compiler.elide_empty).as_sql(
        with_limits, with_col_aliases
    )


def _check(compiler, result, with_limits, with_col_aliases):
    expected = _djangos(compiler.query.clone(), compiler, with_limits, with_col_aliases)
    if expected != result:
        raise AssertionError(f"A kept statement differs from Django's:\n{result}\n!=\n{expected}")


@functools.cache
def _statement_compiler(base: type) -> type:
    """The backend's compiler class with `StatementCompilerMixin` (one class per backend compiler)."""
    return type(f"Statement{base.__name__}", (StatementCompilerMixin, base), {})


def clear() -> None:
    """Forget every kept template (tests)."""
    with _templates_lock:
        _templates.clear()
