"""Pagination as LL2 does it: `limit` (default 10, at most 100) and `offset`."""

from rest_framework import pagination

from spacedevs.api.cache import cached_count


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    """DRF's limit/offset pagination, as LL2 configures it.

    A `limit` over `max_limit` is capped; one that is not a positive whole number (`abc`, `-3`, `0`) is
    the default, and so is an `offset` that is not a whole number, as DRF answers them in LL2.
    """

    default_limit = 10
    max_limit = 100

    def get_count(self, queryset):
        # Counted once per data version and filter (see spacedevs.api.cache), not on every page.
        return cached_count(self.request, queryset.count)
