"""A relation along a lookup path, that Django prefetches like any other; many-valued prefetches stored
as lists."""

from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Field, ForeignObjectRel, Model, Prefetch, QuerySet
from django.db.models.constants import LOOKUP_SEP


class PathRelation:
    """A read-only relation from a model to the rows of another that reach it along a lookup path.

    `Astronaut.crew_launches = PathRelation("launches.Launch", "spacecraft_flights__launch_crew__astronaut")`
    lets `Prefetch("crew_launches", queryset=<ordered launches>, to_attr="flown_launches")` fetch, in one
    query for a whole page, the launches whose launch crew lists each astronaut: each launch once per
    astronaut, in the queryset's order. Django prefetches through any class attribute that answers
    `get_prefetch_querysets`, as it does through its own relation descriptors. Reading the attribute
    on an instance is refused: a serializer reads the prefetched `to_attr`, never a query.
    """

    def __init__(self, model: str, path: str):
        self.model = model
        self.path = path

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        raise AttributeError(
            f"{type(instance).__name__}.{self.name} is fetched only by Prefetch({self.name!r}, to_attr=...)."
        )

    def is_cached(self, instance) -> bool:
        return False

    def get_prefetch_querysets(
        self, instances, querysets=None
    ) -> tuple[QuerySet, Callable[[Model], Any], Callable[[Model], Any], bool, str, bool]:
        queryset = querysets[0] if querysets else apps.get_model(self.model)._default_manager.all()
        # One row per (row, instance it reaches): the instance's key is a column of the row.
        rows = (
            queryset.filter(**{f"{self.path}__in": instances}).annotate(_path_owner=F(self.path)).distinct()
        )
        return rows, attrgetter("_path_owner"), attrgetter("pk"), False, self.name, False


# --- many-valued prefetches as lists -----------------------------------------------------------------------

# Where `as_lists` stores the rows of a many-valued relation (`launch.program`): `launch._listed_program`.
LISTED = "_listed_"


def as_lists(queryset: QuerySet) -> QuerySet:
    """`queryset` with each of its prefetches of a many-valued relation (a many-to-many, or the reverse of
    a foreign key, named by its field) stored as a plain list in `LISTED + name`, at every depth
    (the querysets of `Prefetch` objects too).

    Django stores a prefetched relation in a related manager's cache: it builds a manager and clones the
    `Prefetch` queryset for every instance (half of a page of 100 launches), and a manager again for
    every read. A list (`Prefetch(..., to_attr=...)`) costs neither. The compiled serializers
    (`spacedevs.api.compiler`) read the list where it is, and the relation otherwise, so the declared
    serializers stay as they are; the views apply this to the querysets they build once per process.
    """
    lookups = [_listed(queryset.model, lookup) for lookup in queryset._prefetch_related_lookups]
    return queryset.prefetch_related(None).prefetch_related(*lookups)


def _listed(model: type[Model], lookup: str | Prefetch) -> str | Prefetch:
    prefetch = lookup if isinstance(lookup, Prefetch) else Prefetch(lookup)
    queryset = prefetch.queryset
    if queryset is not None and queryset._prefetch_related_lookups:
        queryset = as_lists(queryset)
    if prefetch.to_attr or not many_valued(model, prefetch.prefetch_through):
        if queryset is prefetch.queryset:
            return lookup
        return Prefetch(prefetch.prefetch_through, queryset=queryset, to_attr=prefetch.to_attr)
    last = prefetch.prefetch_through.rsplit(LOOKUP_SEP, 1)[-1]
    return Prefetch(prefetch.prefetch_through, queryset=queryset, to_attr=LISTED + last)


def many_valued(model: type[Model], path: str) -> bool:
    """Whether the last step of `path` from `model` is a many-valued relation named by its field (an
    accessor such as `x_set`, or an attribute that is not a field, is left alone): where `as_lists`
    stores a list."""
    parts = path.split(LOOKUP_SEP)
    walked = list(fields_along(model, parts))
    if len(walked) < len(parts):
        return False
    field = walked[-1]
    return (field.many_to_many or field.one_to_many) and _accessor(field) == parts[-1]


def fields_along(model: type[Model] | None, parts: Iterable[str]) -> Iterator[Field | ForeignObjectRel]:
    """The fields that the parts of a lookup path (`["launch", "pad", "location"]`) name from `model`,
    one step after the other; the walk stops where a part names no field (an annotation, a property)."""
    for part in parts:
        if model is None:
            return
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return
        yield field
        model = field.related_model if field.is_relation else None


def _accessor(field) -> str:
    # A reverse relation's attribute is its accessor (`related_name`, or `x_set`), not its query name.
    return field.get_accessor_name() if field.auto_created and not field.concrete else field.name
