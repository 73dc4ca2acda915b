"""What every read-only LL2 viewset shares, and LL2's `api-throttle/`."""

import functools
from collections.abc import Callable
from typing import ClassVar, NamedTuple

import orjson
from django.conf import settings
from django.db import connections, router
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response
from rest_framework.utils import formatting
from rest_framework.views import APIView

from spacedevs.api import details, sqljson
from spacedevs.api.compiler import CompiledSerializer, compiled
from spacedevs.api.fields import LinkField
from spacedevs.api.renderers import ORJSONRenderer
from spacedevs.api.throttling import ApiRateThrottle
from spacedevs.relations import as_lists
from spacedevs.replicas import reading_replicas
from spacedevs.statements import compiled_once


class Mode(NamedTuple):
    """One shape of an endpoint: the selector that fetches everything the serializer reads, and the
    serializer."""

    selector: Callable[[], QuerySet]
    serializer: type[serializers.BaseSerializer]


@functools.cache
def built(selector: Callable[[], QuerySet]) -> QuerySet:
    """The queryset `selector` returns, built once per process: a selector builds it from the models
    alone (what depends on the request, or on the time, is applied to a clone, or is SQL's `Now()`).
    Its many-valued prefetches are stored as lists, which the compiled serializers read
    (`spacedevs.relations.as_lists`), and its SQL is compiled once per shape
    (`spacedevs.statements.compiled_once`)."""
    return compiled_once(as_lists(selector()))


@functools.cache
def keys_of(selector: Callable[[], QuerySet]) -> QuerySet:
    """The keys of `built(selector)`'s rows (`values_list("pk", flat=True)`), without what only a payload
    reads (its `select_related` joins and prefetches), built once per process and compiled once per
    shape: a list written by the database finds the keys of its page in it."""
    keys = built(selector).select_related(None).prefetch_related(None).values_list("pk", flat=True)
    return compiled_once(keys)


class LL2ViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only viewset whose shape follows LL2's `?mode=`.

    A subclass declares its shapes, `modes = {"normal": Mode(selector, serializer), ...}`, its
    `filterset_class`, and LL2's description as its docstring (the browsable API shows it). The mode is
    read once, here, before a queryset or a serializer is chosen: a detail serves `detail_mode` (the
    default mode where the endpoint has no such shape); a list serves the `?mode=` it asks for among
    `list_modes` (every mode unless a subclass narrows them). Ids in paths are LL2's integer ids
    (`ll2id`, see `spacedevs.api.routers`) unless a subclass names another converter.
    """

    modes: ClassVar[dict[str, Mode]]
    default_mode: ClassVar[str] = "normal"
    detail_mode: ClassVar[str] = "detailed"
    list_modes: ClassVar[tuple[str, ...] | None] = None
    lookup_value_converter = "ll2id"

    @classmethod
    def get_list_modes(cls) -> tuple[str, ...]:
        return tuple(cls.modes) if cls.list_modes is None else cls.list_modes

    @cached_property
    def mode(self) -> str:
        if self.action == "retrieve":
            return self.detail_mode if self.detail_mode in self.modes else self.default_mode
        requested = self.request.query_params.get("mode")
        return requested if requested in self.get_list_modes() else self.default_mode

    def dispatch(self, request, *args, **kwargs):
        # The API's reads go to a read replica when there are some (DATABASE_REPLICA_URLS).
        with reading_replicas():
            return super().dispatch(request, *args, **kwargs)

    # Whether `get_queryset` serves the keys of a list written by the database (`keys_of`).
    _reading_keys = False

    def get_queryset(self):
        # As DRF's own `queryset` attribute: built once per process, a fresh clone for each request
        # (`.all()`), so that its many joins and prefetches are not put together again every time.
        selector = self.modes[self.mode].selector
        return (keys_of if self._reading_keys else built)(selector).all()

    def get_view_description(self, html=False):
        """The list's description is LL2's, the docstring; a detail's says what the detail serves."""
        if self.action != "retrieve":
            return super().get_view_description(html)
        meta = self.modes[self.mode].serializer.Meta.model._meta
        model = meta.verbose_name
        key = "UUID" if meta.pk.get_internal_type() == "UUIDField" else "id"
        list_modes = self.get_list_modes()
        if self.mode in list_modes and len(list_modes) > 1:
            shape = f"in its '{self.mode}' shape, as ?mode={self.mode} lists it"
        elif self.mode in list_modes:
            shape = "in the shape the list gives it"
        else:
            shape = f"in its '{self.mode}' shape"
        text = f"API endpoint that returns one {model}, by its {key}.\n\nGET:\nReturn the {model} {shape}."
        return formatting.markup_description(text) if html else text

    def get_serializer_class(self):
        return self.modes[self.mode].serializer

    # The payloads are built by the mode's serializer compiled (`spacedevs.api.compiler`): the same
    # dicts as DRF's `serializer.data`, without building the serializer's fields again per response.

    # On PostgreSQL, a JSON response whose serializer translates to SQL (`spacedevs.api.sqljson`) is
    # written by the database: the rows' keys are found as the Python path finds the rows (filters,
    # ordering, pagination), and one statement writes their JSON text, which passes through.

    def list(self, request, *args, **kwargs):
        # A list written by the database is its count, its keys and its payload: three queries, fewer
        # than the Python path's only where that prefetches something (a count, a page, a prefetch).
        prefetches = built(self.modes[self.mode].selector)._prefetch_related_lookups
        statement = self._statement() if prefetches else None
        if statement is not None:
            self._reading_keys = True
            keys = self.filter_queryset(self.get_queryset())
            page = self.paginate_queryset(keys)
            results = orjson.Fragment(self._written(statement, list(keys if page is None else page)))
            return self._written_response(
                results if page is None else self.get_paginated_response(results).data
            )
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        if page is None:
            return Response(self._compiled().many(queryset, self.get_serializer_context()))
        return self.get_paginated_response(self._compiled().many(page, self.get_serializer_context()))

    def retrieve(self, request, *args, **kwargs):
        statement = self._statement()
        if statement is not None and self._found_by_key_alone():
            key_kwarg = self.lookup_url_kwarg or self.lookup_field
            links = LinkField.api_root(self.request)
            written = self._written(statement, [self.kwargs[key_kwarg]], links)
            if written == b"[]":
                raise Http404  # as DRF's `get_object` answers an unknown id

            # What `spacedevs.api.details` answers the next details of this kind with, without Django.
            request.META[details.WRITTEN] = details.Written(statement, *links, key_kwarg)
            return self._written_response(orjson.Fragment(written[1:-1]))
        return Response(self._compiled().one(self.get_object(), self.get_serializer_context()))

    def _compiled(self) -> CompiledSerializer:
        return compiled(self.get_serializer_class())

    def _statement(self) -> sqljson.Statement | None:
        """The statement writing this response's JSON, or None: not PostgreSQL, not a compact JSON
        response (the browsable API, `?indent=`), or a serializer without an exact SQL form."""
        renderer = getattr(self.request, "accepted_renderer", None)
        if not (
            settings.SQL_PAYLOADS
            and isinstance(renderer, ORJSONRenderer)
            and renderer.get_indent(self.request.accepted_media_type, {}) is None
            # The SQL writes datetimes in UTC, the only timezone the service serves.
            and timezone.get_current_timezone_name() == "UTC"
        ):
            return None
        selector = self.modes[self.mode].selector
        using = router.db_for_read(self.modes[self.mode].serializer.Meta.model)
        if connections[using].vendor != "postgresql":
            return None
        return sqljson.translate(self.get_serializer_class(), selector, using)

    def _found_by_key_alone(self) -> bool:
        """Whether a detail is the selector's row of that key: DRF finds it in the list's queryset, with
        the request's filters, which only the Python path applies (the SQL reads the selector's rows)."""
        return (
            type(self).get_queryset is LL2ViewSet.get_queryset
            and type(self).get_object is LL2ViewSet.get_object
            and self.lookup_field == "pk"
            and not set(self.request.query_params) - {"format", "mode"}
        )

    def _written(
        self, statement: sqljson.Statement, keys: list, links: tuple[str, str] | None = None
    ) -> bytes:
        """The JSON text of the rows of `keys`, in order, as the database writes it, with the links of
        this request (`LinkField.api_root`) unless given."""
        if not keys:
            return b"[]"
        root, suffix = links or LinkField.api_root(self.request)
        return statement.run(keys, root, suffix, using=router.db_for_read(statement.model))

    @staticmethod
    def _written_response(data) -> Response:
        response = Response(data)
        response.written_by_database = True
        return response


class ApiThrottleSerializer(serializers.Serializer):
    """LL2's `api-throttle/` answer: the calls a client may make per period and how many it made."""

    your_request_limit = serializers.IntegerField()
    limit_frequency_secs = serializers.IntegerField()
    current_use = serializers.IntegerField()
    next_use_secs = serializers.IntegerField()
    ident = serializers.CharField()


class ApiThrottleView(APIView):
    """
    API endpoint that shows your API rate limit: the calls you may make per period, how many you made
    in the current period, and in how many seconds the oldest of them stops counting.

    This call is not counted. While the service runs without a limit (the default), it says so with the
    largest limit: 2147483647 calls an hour.
    """

    # Answered whatever the budget, and never counted against it.
    throttle_classes = []

    @extend_schema(responses=ApiThrottleSerializer)
    def get(self, request):
        return Response(ApiThrottleSerializer(ApiRateThrottle().usage(request, self)).data)
