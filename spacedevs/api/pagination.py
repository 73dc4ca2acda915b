"""Pagination as LL2 does it: `limit` (default 10, at most 100) and `offset`."""

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from rest_framework import pagination

from spacedevs.api.cache import cached_anchors, cached_count

# From this offset on, a page is found by its keys first (see `LimitOffsetPagination.page`). The
# query-count tests read pages from the start of a table.
DEFERRED_FROM = 1000
# A list in key order keeps the key of every ANCHOR_EVERY-th row (see `LimitOffsetPagination.page`).
ANCHOR_EVERY = 10_000


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

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.limit = self.get_limit(request)
        if self.limit is None:
            return None
        self.count = self.get_count(queryset)
        self.offset = self.get_offset(request)
        if self.count > self.limit and self.template is not None:
            self.display_page_controls = True
        if self.count == 0 or self.offset > self.count:
            return []

        def anchors():
            return cached_anchors(request, lambda: key_anchors(queryset, ANCHOR_EVERY))

        return list(self.page(queryset, offset=self.offset, limit=self.limit, anchors=anchors))

    @staticmethod
    def page(queryset, *, offset, limit, anchors=None):
        """The rows of the page. Deep in a large table (`?offset=500000`) the database walks `offset` rows
        to find the page: the keys of the page are found first, walking only the order's index, and the
        page's rows are then fetched by key (a "deferred join"): one more query, instead of the many-table
        join of half a million rows that PostgreSQL would otherwise build before dropping them (7.7 s at
        a million flights).

        In key order (a list's default), the walk starts from the nearest anchor, the key of every
        `ANCHOR_EVERY`-th row, which `anchors()` gives (found once per data version and filter: 0.2 s
        at a million flights), so it is at most that many index entries, not half a million (18 ms at
        a million flights)."""
        if offset < DEFERRED_FROM or queryset.query.distinct:
            return queryset[offset : offset + limit]
        keys = queryset.values_list("pk", flat=True)
        if anchors is not None and offset >= ANCHOR_EVERY and in_key_order(queryset):
            found = anchors()
            position = offset // ANCHOR_EVERY
            if position < len(found):
                keys = keys.filter(pk__gte=found[position])
                offset -= position * ANCHOR_EVERY
        return queryset.filter(pk__in=list(keys[offset : offset + limit]))

    def get_paginated_response_schema(self, schema):
        """The page as our OpenAPI schema (3.1) documents it: every key always sent, `next` and
        `previous` null on the last and first pages."""
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "properties": {"count": {"type": "integer"}, "next": link, "previous": link, "results": schema},
            "required": ["count", "next", "previous", "results"],
            "additionalProperties": False,
        }


def in_key_order(queryset) -> bool:
    """Whether `queryset` lists its rows by ascending key and nothing else."""
    query = queryset.query
    meta = query.get_meta()
    ordering = tuple(query.order_by) or (tuple(meta.ordering) if query.default_ordering else ())
    return (
        query.standard_ordering
        and not query.extra_order_by
        and ordering in (("pk",), (meta.pk.name,), (meta.pk.attname,))
    )


def key_anchors(queryset, every: int) -> list:
    """The keys of the rows of `queryset` at positions 0, `every`, 2 * `every`... in key order: one walk
    of the key's index, numbering the rows."""
    keys = queryset.prefetch_related(None).order_by().values_list("pk", flat=True)
    numbered = keys.annotate(_n=Window(RowNumber(), order_by=F("pk").asc()), _at=F("_n") % every)
    return list(numbered.filter(_at=1 % every).order_by("pk"))
