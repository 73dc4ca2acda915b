"""Our OpenAPI 3 schema (drf-spectacular): a component per mode, every key required, null where it can be.

Nothing here names an endpoint: a viewset's `modes`, its filterset and its serializers say everything,
so an endpoint added to the router is documented as it is registered.

- Each shape a viewset declares in `modes` is a component, named for its serializer
  (`SpacecraftFlightDetailedSerializer` is `SpacecraftFlightDetailed`). A list with several modes
  answers `oneOf` them (every component has `additionalProperties: false`, so one item matches one
  shape), and documents `mode` with its choices; a detail answers its detail mode's component.
- Every key a component declares is `required`: a serializer writes every field, every time.
- `nullable` follows the data: a model field with `null=True`, or any nullable relation along a
  field's source (`mission.orbit` is null without a mission), or a field declared `allow_null` (the
  annotations that can be null).
- The shared fields (`LinkField`, `NameField`, `DurationField`, `WholeDaysField`, `FirstItemField`,
  `ConstantField`) are mapped by the extensions below; URLs, dates, datetimes and durations carry their
  formats.
"""

from django.db import models
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiSerializerFieldExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer
from rest_framework import serializers

from spacedevs.api.fields import NameField
from spacedevs.api.routers import API_VERSION
from spacedevs.relations import fields_along

# The proxy of each set of mode serializers, made once: `launch/`, `launch/upcoming/` and
# `launch/previous/` share theirs, and drf-spectacular knows a component by the object behind it.
_MODE_PROXIES: dict[tuple[type, ...], PolymorphicProxySerializer] = {}
MODES_SUFFIX = "Modes"


def component_name(serializer_class: type) -> str:
    """The component of a serializer, as drf-spectacular names it: its class name without `Serializer`."""
    return serializer_class.__name__.removesuffix("Serializer")


def api_prefix(path: str | None) -> str:
    """`/2.2.0/` or `/api/2.2.0/`: the prefix of `path`, where the schema was asked for."""
    marker = f"/{API_VERSION}/"
    if path is None or marker not in path:
        return marker
    return path[: path.index(marker) + len(marker)]


class LL2SchemaGenerator(SchemaGenerator):
    """Documents the endpoints under the prefix the schema is served from: `/2.2.0/schema/` documents
    `/2.2.0/...`, `/api/2.2.0/schema/` documents `/api/2.2.0/...` (one API, two prefixes)."""

    def get_schema(self, request=None, public=False):
        self.api_prefix = api_prefix(getattr(request, "path", None))
        return super().get_schema(request=request, public=public)

    def _get_paths_and_endpoints(self):
        prefix = getattr(self, "api_prefix", api_prefix(None))
        return [endpoint for endpoint in super()._get_paths_and_endpoints() if endpoint[0].startswith(prefix)]


def source_nullable(model: type[models.Model] | None, source_attrs: list[str]) -> bool:
    """Whether a value read along `source_attrs` from a `model` instance can be null: a field on the way
    is `null=True` (a missing relation makes the rest null). Attributes that are not model fields
    (annotations, prefetched lists) say nothing: their serializer field declares `allow_null`."""
    for field in fields_along(model, source_attrs):
        if getattr(field, "null", False) or (field.one_to_one and field.auto_created):
            # A reverse one-to-one (`rocket.launch`) may have no row.
            return True
        if field.many_to_many or field.one_to_many:
            return False
    return False


def field_nullable(field: serializers.Field) -> bool:
    """Whether a serializer field can write null (see the module's docstring)."""
    if isinstance(field, NameField) and field.null_as is not None:
        return False
    if field.allow_null:
        return True
    if isinstance(field, serializers.ListSerializer) or field.source == "*":
        return False
    parent = field.parent
    model = getattr(getattr(parent, "Meta", None), "model", None)
    return source_nullable(model, field.source_attrs)


class LL2AutoSchema(AutoSchema):
    """drf-spectacular's inspector, reading `LL2ViewSet.modes` and our fields' nullability."""

    def _modes_view(self):
        """The view if it is an `LL2ViewSet` (known by its `modes`: that module imports this one)."""
        return self.view if hasattr(self.view, "modes") else None

    def get_description(self):
        view = self._modes_view()
        return view.get_view_description() if view is not None else super().get_description()

    def get_response_serializers(self):
        view = self._modes_view()
        if view is None or view.action != "list":
            return super().get_response_serializers()
        shapes = list(dict.fromkeys(view.modes[mode].serializer for mode in view.get_list_modes()))
        if len(shapes) == 1:
            return shapes[0]
        key = tuple(shapes)
        if key not in _MODE_PROXIES:
            default = view.modes[view.default_mode].serializer
            _MODE_PROXIES[key] = PolymorphicProxySerializer(
                component_name=component_name(default) + MODES_SUFFIX,
                serializers=shapes,
                resource_type_field_name=None,
            )
        return _MODE_PROXIES[key]

    def get_paginated_name(self, serializer_name):
        # `PaginatedSpacecraftFlightList`, as LL2 names it, whose items are any of the flight's modes.
        return super().get_paginated_name(serializer_name.removesuffix(MODES_SUFFIX))

    def get_override_parameters(self):
        view = self._modes_view()
        if view is None or view.action != "list":
            return super().get_override_parameters()
        modes = view.get_list_modes()
        if len(modes) < 2:
            # One shape: no `mode` to choose (any value is the default mode, as LL2 answers).
            return [OpenApiParameter("mode", exclude=True)]
        shapes = ", ".join(
            f"`{mode}`: {component_name(view.modes[mode].serializer)}"
            + (" (the default)" if mode == view.default_mode else "")
            for mode in modes
        )
        return [
            OpenApiParameter(
                "mode",
                str,
                enum=list(modes),
                default=view.default_mode,
                description=(
                    f"The shape of each item: {shapes}. Another value serves the default, as LL2 does."
                ),
            )
        ]

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        if isinstance(field, serializers.Field) and field_nullable(field):
            meta["nullable"] = True
        return meta

    def _insert_min_max(self, field, content):
        """No bounds: they are what a write would accept (and differ by database), and the API only reads."""

    def _insert_field_validators(self, field, schema):
        """No `maxLength` or `pattern` either, for the same reason."""

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        # The API only reads: every field is written every time, and no other key.
        schema["required"] = list(schema["properties"])
        schema["additionalProperties"] = False
        return schema


class ApiKeyAuthenticationExtension(OpenApiAuthenticationExtension):
    """An API key, sent as LL2's clients send theirs: optional (anonymous calls are served), it only
    gives its holder a throttle rate of its own."""

    target_class = "spacedevs.api.authentication.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token KEY`: a key made with `manage.py create_api_key` (optional).",
        }


class LinkFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "spacedevs.api.fields.LinkField"

    def map_serializer_field(self, auto_schema, direction):
        return build_basic_type(OpenApiTypes.URI)


class NameFieldExtension(OpenApiSerializerFieldExtension):
    """A related lookup served as its name: a string."""

    target_class = "spacedevs.api.fields.NameField"

    def map_serializer_field(self, auto_schema, direction):
        return build_basic_type(OpenApiTypes.STR)


class DurationFieldExtension(OpenApiSerializerFieldExtension):
    """An ISO 8601 duration (`P15DT18H13M38S`)."""

    target_class = "spacedevs.api.fields.DurationField"

    def map_serializer_field(self, auto_schema, direction):
        return {
            **build_basic_type(OpenApiTypes.DURATION),
            "pattern": r"^-?P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$",
        }


class WholeDaysFieldExtension(OpenApiSerializerFieldExtension):
    """A duration's whole days: an integer."""

    target_class = "spacedevs.api.fields.WholeDaysField"

    def map_serializer_field(self, auto_schema, direction):
        return build_basic_type(OpenApiTypes.INT)


class ConstantFieldExtension(OpenApiSerializerFieldExtension):
    """The one value of a constant key, as an enum of one."""

    target_class = "spacedevs.api.fields.ConstantField"

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "string", "enum": [self.target.value]}


class FirstItemFieldExtension(OpenApiSerializerFieldExtension):
    """The head of a prefetched list: its serializer's component (null when the list is empty)."""

    target_class = "spacedevs.api.fields.FirstItemField"

    def map_serializer_field(self, auto_schema, direction):
        return auto_schema.resolve_serializer(self.target.serializer, direction).ref


class LL2FilterExtension(DjangoFilterExtension):
    """django-filter's parameters, each described by its label in words (`label_in_words`), the one the
    browsable API's Filters form shows; ordering keeps its list of choices."""

    target_class = "spacedevs.api.filters.StrictFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        for parameter in parameters:
            choices = parameter.get("description", "").partition("\n\n*")[1:]
            parameter["description"] = str(filter_field.label) + "".join(choices)
        return parameters
