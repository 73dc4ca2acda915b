"""The base of the domain models: Django's `Model`, with rows turned into instances faster.

A page of 100 detailed flights is some 3,500 model instances (each flight's launch, rocket, pad,
agencies, statuses... through `select_related`, and its prefetched crews and dockings), and Django's
`Model.__init__` (a signal sent before and after, a loop of `setattr` per field) was about a third of
the Python time of fetching them. `from_db` builds the same instance directly: the row's values in the
instance's `__dict__` under the fields' attribute names, and the same `_state`, which is what
`Model.__init__` leaves on an instance built from a whole row.

Django's own `from_db` runs instead wherever the shortcut could differ: a row with deferred fields, a
model whose `__init__` is its own, one with `pre_init` or `post_init` receivers (an `ImageField` with
dimension fields), or a field whose attribute is a descriptor that acts when set (other than a foreign
key's id, which only forgets a cached related object, and a new instance has none).
"""

import inspect

from django.db import models
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.signals import post_init, pre_init
from django.dispatch.dispatcher import NO_RECEIVERS

# Per concrete model class: its fields' attribute names in row order, or None where Django's own
# `from_db` must run.
_ATTNAMES: dict[type, tuple[str, ...] | None] = {}


def _attnames(model: type[models.Model]) -> tuple[str, ...] | None:
    if model.__init__ is not models.Model.__init__:
        return None
    names = []
    for field in model._meta.concrete_fields:
        descriptor = inspect.getattr_static(model, field.attname, None)
        if hasattr(type(descriptor), "__set__") and not isinstance(descriptor, ForeignKeyDeferredAttribute):
            return None
        names.append(field.attname)
    return tuple(names)


def _heard(sender) -> bool:
    """Whether `pre_init` or `post_init` has receivers for `sender`: `has_listeners`, after the test
    Django's own `send` makes first (no receiver at all, or none for this sender, cached), which costs a
    fraction of it."""
    for signal in (pre_init, post_init):
        if (
            signal.receivers
            and signal.sender_receivers_cache.get(sender) is not NO_RECEIVERS
            and signal.has_listeners(sender)
        ):
            return True
    return False


class Model(models.Model):
    """A domain model: Django's `Model`, whose instances read from the database are built directly."""

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        try:
            attnames = _ATTNAMES[cls]
        except KeyError:
            attnames = _ATTNAMES[cls] = _attnames(cls)
        if attnames is None or len(values) != len(attnames) or _heard(cls):
            return super().from_db(db, field_names, values)
        new = cls.__new__(cls)
        new.__dict__.update(zip(attnames, values, strict=True))
        state = new._state = ModelState()
        state.adding = False
        state.db = db
        return new
