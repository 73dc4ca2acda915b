"""Declared DRF serializers compiled once per process into plain functions that build the same dicts.

DRF builds a serializer's field tree again for every response (`get_fields`, deep-copied declared
fields) and runs its generic per-field machinery (`get_attribute`, `to_representation`, exception
handling) for every field of every object: most of the time of a large page. `compiled(Serializer)`
builds the declared field tree once, walks it, and turns each field into a read of its attribute and
the conversion that field would make, and each serializer into one function, generated as Python
source, that builds its dict with those reads written inline. The declared serializers stay the single
definition of every shape: the browsable API, the schema and the tests read them, and
`tests/spacedevs/test_compiler.py` checks that the compiled output equals DRF's own for every serializer
of every endpoint and mode.

The walk is generic, by field class, never by serializer: nested serializers (one, or `many=True`),
dotted and `*` sources, DRF's scalar fields (`CharField`, `IntegerField`, `DateTimeField`...), and the
fields of `spacedevs.api.fields`. A field class it does not know, or a known one whose subclass
overrides `get_attribute` or `to_representation` (a `SerializerMethodField`, a field of an app's own),
runs through DRF's own methods, so the output is the same whatever a serializer declares; only the
speed differs. Where a fast attribute read fails (a null in the middle of a dotted source, a missing
attribute), the field's own `get_attribute` takes over, with DRF's rules for defaults, nulls and
skipped fields.

Fields that read `self.context` (the request, for links) see the context of the response being built:
the compiled tree's root holds a mapping that reads the context set for the current call.
"""

import contextvars
import functools
import inspect
import keyword
import operator
import types
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Any, NamedTuple

from django.conf import settings
from django.db.models import Model
from django.db.models.manager import BaseManager
from django.utils import timezone
from rest_framework import fields, serializers
from rest_framework.relations import PKOnlyObject
from rest_framework.settings import api_settings

from spacedevs.api.durations import format_duration
from spacedevs.api.fields import (
    ConstantField,
    DurationField,
    FirstItemField,
    LinkField,
    NameField,
    WholeDaysField,
)
from spacedevs.relations import LISTED, many_valued

# The serializer context of the response being built: a response sets it around its compiled calls.
_current_context: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "serializer_context", default=None
)
# DRF's default timezone of datetimes (Django's current timezone, or none without USE_TZ), read once per
# compiled call.
_response_timezone: contextvars.ContextVar = contextvars.ContextVar("response_timezone", default=None)

Step = Callable[[Any, dict], None]


class _CurrentContext(MutableMapping):
    """The context of the compiled tree's root: whatever context the current call set."""

    @staticmethod
    def _context() -> dict:
        context = _current_context.get()
        return {} if context is None else context

    def __getitem__(self, key):
        return self._context()[key]

    def __setitem__(self, key, value):
        self._context()[key] = value

    def __delitem__(self, key):
        del self._context()[key]

    def __iter__(self) -> Iterator:
        return iter(self._context())

    def __len__(self) -> int:
        return len(self._context())


class CompiledSerializer:
    """A serializer class compiled: `one(instance, context)` and `many(instances, context)` return what
    `Serializer(instance, context=context).data` and `Serializer(instances, many=True, ...).data` do, as
    plain dicts and lists."""

    def __init__(self, serializer_class: type[serializers.BaseSerializer]):
        self.serializer_class = serializer_class
        self.root = serializer_class(context=_CurrentContext())
        self._represent = _compile_serializer(self.root)

    def one(self, instance: Any, context: dict) -> Any:
        tokens = _enter(context)
        try:
            return self._represent(instance)
        finally:
            _leave(tokens)

    def many(self, instances: Iterable, context: dict) -> list:
        tokens = _enter(context)
        try:
            represent = self._represent
            return [represent(instance) for instance in _items(instances)]
        finally:
            _leave(tokens)


def _enter(context: dict) -> tuple:
    default_timezone = timezone.get_current_timezone() if settings.USE_TZ else None
    return _current_context.set(context), _response_timezone.set(default_timezone)


def _leave(tokens: tuple) -> None:
    context_token, timezone_token = tokens
    _response_timezone.reset(timezone_token)
    _current_context.reset(context_token)


@functools.cache
def compiled(serializer_class: type[serializers.BaseSerializer]) -> CompiledSerializer:
    """The compiled form of `serializer_class`, built on first use and kept for the process."""
    return CompiledSerializer(serializer_class)


def _items(value):
    # What DRF's ListSerializer iterates: a related manager's (prefetched) rows, or the value itself.
    return value.all() if isinstance(value, BaseManager) else value


def overrides(field_class: type, base: type, *names: str) -> bool:
    """Whether `field_class` defines any of the methods `names` otherwise than `base` does (its output is
    then its own, which the compiler, and `spacedevs.api.sqljson`, leave to DRF)."""
    return any(getattr(field_class, name) is not getattr(base, name) for name in names)


# --- serializers ---------------------------------------------------------------------------------------


def _compile_serializer(serializer: serializers.BaseSerializer) -> Callable[[Any], Any]:
    """A function of an instance returning the serializer's representation of it."""
    if isinstance(serializer, serializers.ListSerializer):
        represent_child = _compile_serializer(serializer.child)
        if overrides(type(serializer), serializers.ListSerializer, "to_representation"):
            return serializer.to_representation
        return lambda value: [represent_child(item) for item in _items(value)]
    if not isinstance(serializer, serializers.Serializer) or overrides(
        type(serializer), serializers.Serializer, "to_representation", "_readable_fields"
    ):
        return serializer.to_representation
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    parts = [_compile_field(field, model) for field in serializer._readable_fields]
    return _assembled(parts, f"represent_{type(serializer).__name__}")


class _Constant(NamedTuple):
    """A field whose value is always the same."""

    name: str
    value: Any


class _Read(NamedTuple):
    """A field read by `read` and converted by `convert` (None: as it is); where `read` raises, `drf`
    writes what DRF decides (a default, a null, a skipped field)."""

    name: str
    read: Callable[[Any], Any]
    convert: Callable[[Any], Any] | None
    drf: Step


_Part = _Constant | _Read | Step


def _assembled(parts: list[_Part], name: str) -> Callable[[Any], Any]:
    """One function writing the fields in order, as Python source compiled once.

    Calling a function per field (and, in it, its reader and converter) was most of a large page's
    serialization. The function writes each constant, reads each plain attribute inline
    (`instance.name`) and calls the converter, all in its own body; any other field is a step it calls.
    """
    namespace: dict[str, Any] = {}
    lines = [f"def {name}(instance):", "    out = {}"]
    for i, part in enumerate(parts):
        if isinstance(part, _Constant):
            namespace[f"key{i}"], namespace[f"constant{i}"] = part
            lines.append(f"    out[key{i}] = constant{i}")
        elif isinstance(part, _Read):
            namespace[f"key{i}"], namespace[f"read{i}"], namespace[f"convert{i}"], namespace[f"drf{i}"] = part
            attr = getattr(part.read, "attr", None)
            read = f"instance.{attr}" if _inline(attr) else f"read{i}(instance)"
            value = "value" if part.convert is None else f"convert{i}(value)"
            lines += [
                "    try:",
                f"        value = {read}",
                "    except Exception:",
                f"        drf{i}(instance, out)",
                "    else:",
                f"        out[key{i}] = None if value is None else {value}",
            ]
        else:
            namespace[f"step{i}"] = part
            lines.append(f"    step{i}(instance, out)")
    lines.append("    return out")
    exec("\n".join(lines), namespace)  # our own source: names and indices only, no input of anyone's
    return namespace[name]


def _inline(attr: str | None) -> bool:
    return attr is not None and attr.isidentifier() and not keyword.iskeyword(attr)


# --- fields --------------------------------------------------------------------------------------------


def _compile_field(field: fields.Field, model: type[Model] | None) -> _Part:
    """One field: a constant, a read and a conversion, or a step DRF's own methods run."""
    compile_value = _value_compiler(field)
    if compile_value is None:
        return _drf_step(field)
    convert = compile_value(field)
    if isinstance(field, ConstantField) and not overrides(type(field), ConstantField, "get_attribute"):
        return _Constant(field.field_name, field.value)
    read = _reader(field, model)
    if isinstance(field, NameField):
        read = _name_reader(read, field.null_as)
    return _Read(field.field_name, read, convert, _drf_read(field, convert))


def _drf_read(field: fields.Field, convert: Callable[[Any], Any] | None) -> Step:
    """The field's value as DRF's `get_attribute` finds it, converted: a default, a null, or nothing
    for a skipped field."""
    name = field.field_name
    get_attribute = field.get_attribute

    def drf(instance, out):
        try:
            value = get_attribute(instance)
        except fields.SkipField:
            return
        if value is None:
            out[name] = None
        else:
            out[name] = value if convert is None else convert(value)

    return drf


def _drf_step(field: fields.Field) -> Step:
    """A field run through DRF's own methods, as `Serializer.to_representation` runs it."""
    name = field.field_name
    get_attribute, to_representation = field.get_attribute, field.to_representation

    def step(instance, out):
        try:
            attribute = get_attribute(instance)
        except fields.SkipField:
            return
        value = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
        out[name] = None if value is None else to_representation(attribute)

    return step


def _reader(field: fields.Field, model: type[Model] | None) -> Callable[[Any], Any]:
    """What reads the field's attribute: one `getattr` for a plain attribute of a model instance, a chain
    for a dotted source, the instance itself for `*`. Anything DRF would treat specially (a mapping
    instance, a method it would call) goes to the field's own `get_attribute`."""
    attrs = field.source_attrs
    if model is None or not all(_plain_attribute(model, attr) for attr in attrs[:1]):
        return field.get_attribute
    if not attrs:
        return _identity
    if len(attrs) == 1:
        attr = attrs[0]
        if many_valued(model, attr):
            return _list_reader(attr)

        def read(instance):
            return getattr(instance, attr)

        read.attr = attr  # read inline by the assembled function
        return read

    # Past the first step the classes are other models'; a method met there is DRF's to call. A null
    # before the end fails the next `getattr`, and DRF decides.
    def chain(instance):
        for attr in attrs:
            instance = getattr(instance, attr)
            if isinstance(instance, _CALLED_BY_DRF):
                raise _Irregular
        return instance

    return chain


class _Irregular(Exception):
    """A dotted source met a method, which DRF's `get_attribute` calls."""


# What DRF's `get_attribute` calls when a source reaches it (`rest_framework.fields.is_simple_callable`).
_CALLED_BY_DRF = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, functools.partial)


def _list_reader(attr: str) -> Callable[[Any], Any]:
    """A many-valued relation's rows: the list `spacedevs.relations.as_lists` prefetched, or else the
    relation (its manager, with the rows Django prefetched into it, if any)."""
    listed = LISTED + attr

    def read(instance):
        rows = instance.__dict__.get(listed)
        return getattr(instance, attr) if rows is None else rows

    return read


def _plain_attribute(model: type[Model], attr: str) -> bool:
    # A model attribute DRF would call (a method) is read by DRF; fields, relations, properties and
    # annotations (not on the class) are plain values.
    found = inspect.getattr_static(model, attr, None)
    return not (inspect.isfunction(found) or isinstance(found, (staticmethod, classmethod)))


def _identity(value):
    return value


def _name_reader(read, null_as):
    def read_name(instance):
        related = read(instance)
        return null_as if related is None else related.name

    return read_name


# --- values --------------------------------------------------------------------------------------------


def _value_compiler(field: fields.Field) -> Callable[[fields.Field], Callable | None] | None:
    """The compiler of the field's value conversion, found by class; None: DRF's own methods run it.

    A subclass is compiled as its registered base only if it overrides neither `get_attribute` nor
    `to_representation` (nor is itself registered)."""
    field_class = type(field)
    for base in field_class.__mro__:
        compile_value = VALUE_COMPILERS.get(base)
        if compile_value is None:
            continue
        if base is not field_class and overrides(field_class, base, "get_attribute", "to_representation"):
            return None
        return compile_value
    return None


def _nested(field: serializers.BaseSerializer) -> Callable | None:
    return _compile_serializer(field)


def _first_item(field: FirstItemField) -> Callable:
    represent = _compile_serializer(field.serializer)
    return lambda items: represent(items[0]) if items else None


def _link(field: LinkField) -> Callable:
    view_name = field.view_name

    def link(instance):
        context = _current_context.get()
        templates = context.setdefault("_link_templates", {})
        template = templates.get(view_name)
        if template is None:
            template = templates[view_name] = LinkField.template(view_name, context["request"])
        return template.format(pk=instance.pk)

    return link


def _boolean(field: fields.BooleanField) -> Callable:
    slow = field.to_representation
    return lambda value: value if value is True or value is False else slow(value)


_UNSET = object()


def _datetime(field: fields.DateTimeField) -> Callable:
    output_format = getattr(field, "format", api_settings.DATETIME_FORMAT)
    if output_format is None or output_format.lower() == fields.ISO_8601:
        return field.to_representation
    enforce_timezone = field.enforce_timezone
    # DRF's `enforce_timezone`, with the field's timezone read once per response instead of once per
    # value (Django's current timezone is a context-local lookup): an aware value is converted to it;
    # anything else (a naive value, no timezone, an overflow) is left to DRF.
    own_timezone = field.__dict__.get("timezone", _UNSET)
    if overrides(type(field), fields.DateTimeField, "default_timezone", "enforce_timezone"):

        def drf_datetime(value):
            return value if isinstance(value, str) else enforce_timezone(value).strftime(output_format)

        return drf_datetime

    def datetime(value):
        if isinstance(value, str):
            return value
        field_timezone = _response_timezone.get() if own_timezone is _UNSET else own_timezone
        if field_timezone is not None and value.utcoffset() is not None:
            try:
                return value.astimezone(field_timezone).strftime(output_format)
            except OverflowError:
                pass
        return enforce_timezone(value).strftime(output_format)

    # DRF answers null for any falsy value; a datetime is never falsy, so the None check suffices.
    return datetime


def _date(field: fields.DateField) -> Callable:
    output_format = getattr(field, "format", api_settings.DATE_FORMAT)
    if output_format is None or output_format.lower() != fields.ISO_8601:
        return field.to_representation
    return lambda value: value if isinstance(value, str) else value.isoformat()


def _uuid(field: fields.UUIDField) -> Callable:
    return str if field.uuid_format == "hex_verbose" else field.to_representation


VALUE_COMPILERS: dict[type, Callable[[Any], Callable | None]] = {
    serializers.Serializer: _nested,
    serializers.ListSerializer: _nested,
    FirstItemField: _first_item,
    LinkField: _link,
    NameField: lambda field: None,
    ConstantField: lambda field: None,
    DurationField: lambda field: format_duration,
    WholeDaysField: lambda field: operator.attrgetter("days"),
    fields.ReadOnlyField: lambda field: None,
    fields.CharField: lambda field: str,
    fields.IntegerField: lambda field: int,
    fields.FloatField: lambda field: float,
    fields.BooleanField: _boolean,
    fields.DateTimeField: _datetime,
    fields.DateField: _date,
    fields.UUIDField: _uuid,
}
