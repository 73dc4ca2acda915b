"""Serializer fields every app shares."""

import functools

from django.urls import get_script_prefix, reverse
from rest_framework import serializers

from spacedevs.api.durations import format_duration

# LL2 carries these `?format=` values of the request onto every hyperlink of the body.
CARRIED_FORMATS = {"json", "api"}


class LinkField(serializers.HyperlinkedIdentityField):
    """The absolute `url` of an object, as LL2 writes it.

    The link is built from the request's host and API prefix (`/2.2.0/` or `/api/2.2.0/`), ends with a
    slash, and carries `?format=json` or `?format=api` when the request had it. The prefix is reversed
    once per response and view name; each object then costs one string format.
    """

    def __init__(self, view_name, **kwargs):
        super().__init__(view_name=view_name, **kwargs)

    def to_representation(self, value):
        cache = self.context.setdefault("_link_templates", {})
        template = cache.get(self.view_name)
        if template is None:
            template = cache[self.view_name] = self.template(self.view_name, self.context["request"])
        return template.format(pk=value.pk)

    @staticmethod
    def template(view_name, request):
        """The link of `view_name`'s objects for `request`, a format string with a `{pk}` field: the API
        root, the list's route, the key and "/" (detail routes are the list route plus "<pk>/", see
        spacedevs.api.routers), and the suffix."""
        root, suffix = LinkField.api_root(request)
        list_url = root + LinkField.list_route(view_name)
        return list_url.replace("{", "{{").replace("}", "}}") + "{pk}/" + suffix

    @staticmethod
    def api_root(request):
        """What every link of `request` starts and ends with: the absolute URL of the API root in the
        request's namespace ("2.2.0" or "api:2.2.0", so that links keep the request's prefix:
        `http://host/2.2.0/`), and the `?format=` suffix ("" without one). (Not named `root`, which DRF's
        fields have.)"""
        root = request.build_absolute_uri(
            LinkField.root_path(request.resolver_match.namespace, get_script_prefix())
        )
        requested_format = request.query_params.get("format")
        return root, f"?format={requested_format}" if requested_format in CARRIED_FORMATS else ""

    @staticmethod
    @functools.lru_cache(maxsize=64)
    def root_path(namespace, script_prefix):
        """The path of the API root in `namespace` under `script_prefix` (the request's, which `reverse`
        reads): the same for every request the server answers at that prefix."""
        return reverse(f"{namespace}:api-root")

    @staticmethod
    @functools.cache
    def list_route(view_name):
        """The route of `view_name`'s list from the API root (`spacecraft/flight/`), the same under every
        prefix the API is served at (the script prefix included)."""
        root, route = reverse("2.2.0:api-root"), reverse(f"2.2.0:{view_name.replace('-detail', '-list')}")
        assert route.startswith(root), (root, route)
        return route[len(root) :]


class DurationField(serializers.ReadOnlyField):
    """A duration as an ISO 8601 string (`P15DT18H13M38S`)."""

    def to_representation(self, value):
        return format_duration(value)


class WholeDaysField(serializers.ReadOnlyField):
    """A duration as its whole days, rounded down as `timedelta.days` rounds (LL2's
    `turn_around_time_days`)."""

    def to_representation(self, value):
        return value.days


class NameField(serializers.ReadOnlyField):
    """A related lookup object served as its name (an agency's `type`, a mission's `type`)."""

    def __init__(self, *, null_as=None, **kwargs):
        self.null_as = null_as
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        return self.null_as if related is None else related.name

    def to_representation(self, value):
        return value


class ConstantField(serializers.Field):
    """A key whose value is the same for every object of a shape (a launch's `type`, which names the
    shape LL2 serves: "list", "normal", "detailed")."""

    def __init__(self, value, **kwargs):
        self.value = value
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return self.value


class FirstItemField(serializers.Field):
    """The first item of a prefetched list in the shape of `serializer`, or null for an empty list.

    For a one-of-many that LL2 serves as one object (a port's `docked` flight, a launch's
    `spacecraft_stage`): the queryset fetches the list in order (`Prefetch(..., to_attr=...)`), this
    field reads its head. The nested serializer is declared once, so its fields are built once per
    serializer tree, not once per object.
    """

    def __init__(self, serializer, **kwargs):
        self.serializer = serializer
        kwargs["read_only"] = True
        kwargs["allow_null"] = True  # an empty list is served as null
        super().__init__(**kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.serializer.bind(field_name="", parent=self)

    def to_representation(self, items):
        return self.serializer.to_representation(items[0]) if items else None
