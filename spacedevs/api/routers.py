"""The versioned router: one registry for every app's viewsets, served under each API prefix."""

import uuid

from django.urls import register_converter
from rest_framework import routers

API_VERSION = "2.2.0"
# The API's paths start with one of these: LL2's own, and ours under `/api/`.
API_PREFIXES = (f"/{API_VERSION}/", f"/api/{API_VERSION}/")
INT_MAX = 2**31 - 1


class LL2IdConverter:
    """An LL2 integer id in a path; one out of the database's range is no match (404), not a 500."""

    regex = "[0-9]{1,10}"

    def to_python(self, value):
        number = int(value)
        if number > INT_MAX:
            raise ValueError(f"{value} is out of range")
        return number

    def to_url(self, value):
        return str(value)


class LL2UUIDConverter:
    """A UUID in a path (a launch's id), in any case, as LL2 matches it; Django's `uuid` converter
    matches lower case only."""

    regex = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

    def to_python(self, value):
        return uuid.UUID(value)

    def to_url(self, value):
        return str(value)


register_converter(LL2IdConverter, "ll2id")
register_converter(LL2UUIDConverter, "ll2uuid")


class VersionedRouter(routers.DefaultRouter):
    """DRF's default router with path converters for lookups and no `.json` suffix routes.

    A viewset names its converter in `lookup_value_converter` (`ll2id`, or `ll2uuid` for launches), so a
    malformed id never reaches the database. Detail routes are list routes plus `<pk>/`, which
    `spacedevs.api.fields.LinkField` relies on.
    """

    include_format_suffixes = False

    def __init__(self):
        super().__init__(use_regex_path=False)
        # Endpoints that are not viewsets (`dashboard/starship/`), listed in the API root all the same.
        self.root_entries = {}

    def extend(self, router):
        """Take over the registrations of an app's router."""
        self.registry.extend(router.registry)
        self.root_entries.update(router.root_entries)

    def list_in_root(self, prefix, url_name):
        """List the view of the URL named `url_name` in the API root, under `prefix`."""
        self.root_entries[prefix] = url_name

    def get_api_root_view(self, api_urls=None):
        list_name = self.routes[0].name
        api_root_dict = {prefix: list_name.format(basename=basename) for prefix, _, basename in self.registry}
        return self.APIRootView.as_view(api_root_dict={**api_root_dict, **self.root_entries})
