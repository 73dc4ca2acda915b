"""LL2's JSON values as the values of our model fields, checked by the field that stores them."""

import datetime
import math
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.dateparse import parse_date, parse_datetime

# What a model field stores, as `field_value` reads it from JSON.
FieldValue = bool | int | float | str | datetime.datetime | datetime.date | uuid.UUID | None


class BadValue(Exception):
    """A JSON value that the field cannot store; its message says why, for the problem's line."""


def shown(raw) -> str:
    """A JSON value as a problem line quotes it: Python's repr, cut short."""
    text = repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def field_value(field, raw) -> FieldValue:
    """The value that `field` stores for the JSON value `raw`; raises `BadValue`.

    JSON types are checked strictly (an integer field takes a JSON integer, or a whole float, never a
    string, so `"id": "forty"` is refused rather than guessed at), then the field's own `to_python` and
    validators run (lengths, the database's integer range, URLs).
    """
    if raw is None:
        if field.null:
            return None
        if isinstance(field, models.CharField | models.TextField) and field.blank:
            # LL2 serves null for some text it stores as "" here (both mean "none").
            return ""
        raise BadValue("null, but a value is required")
    value = _typed(field, raw)
    try:
        field.run_validators(value)
    except ValidationError as error:
        raise BadValue(f"{shown(raw)}: {' '.join(error.messages)}") from None
    return value


def _typed(field, raw):
    for kinds, read in READERS:
        if isinstance(field, kinds):
            return read(raw, field)
    raise TypeError(f"no JSON reading for {field!r}")  # a model field this module has not met


def _boolean(raw, field):
    if not isinstance(raw, bool):
        raise BadValue(f"{shown(raw)} is not a boolean")
    return raw


def _integer(raw, field):
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise BadValue(f"{shown(raw)} is not an integer")
    # The range of the column on PostgreSQL, the production database, on every database alike (SQLite
    # would store more, and the same input must not import on one and fail on the other).
    low, high = BaseDatabaseOperations.integer_field_ranges.get(field.get_internal_type(), (None, None))
    if low is not None and not low <= raw <= high:
        raise BadValue(f"{shown(raw)} is out of range for this field ({low} to {high})")
    return raw


def _number(raw, field):
    if not isinstance(raw, int | float) or isinstance(raw, bool) or not math.isfinite(raw):
        raise BadValue(f"{shown(raw)} is not a finite number")
    return float(raw)


def _string(raw, field):
    if not isinstance(raw, str):
        raise BadValue(f"{shown(raw)} is not a string")
    if "\x00" in raw:
        raise BadValue(f"{shown(raw)} holds a NUL character, which no database column stores")
    return raw


def _fail(raw, what):
    raise BadValue(f"{shown(raw)} is not {what}")


def _uuid(raw, field):
    try:
        value = uuid.UUID(raw) if isinstance(raw, str) else None
    except ValueError:
        value = None
    if value is None:
        _fail(raw, "a UUID")
    return value


def _datetime(raw, field):
    try:
        value = parse_datetime(raw) if isinstance(raw, str) else None
    except ValueError:
        value = None
    if value is None:
        _fail(raw, "a datetime")
    # LL2's datetimes are UTC ("...Z"); one without an offset is read as UTC too.
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


def _date(raw, field):
    try:
        value = parse_date(raw) if isinstance(raw, str) else None
    except ValueError:
        value = None
    if value is None:
        _fail(raw, "a date")
    return value


# How each kind of model field reads its JSON value, the more specific kinds first (a DateTimeField is
# a DateField).
READERS = (
    (models.BooleanField, _boolean),
    (models.IntegerField | models.AutoField, _integer),
    (models.FloatField, _number),
    (models.DateTimeField, _datetime),
    (models.DateField, _date),
    (models.UUIDField, _uuid),
    (models.CharField | models.TextField, _string),
)
