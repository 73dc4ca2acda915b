"""A relation along a lookup path, that Django prefetches like any other."""

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from django.apps import apps
from django.db.models import F, Model, QuerySet


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
