"""Pagination as LL2 does it: `limit` (default 10, at most 100) and `offset`."""

from rest_framework import pagination


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    """DRF's limit/offset pagination, as LL2 configures it.

    A `limit` over `max_limit` is capped; one that is not a positive whole number (`abc`, `-3`, `0`) is
    the default, and so is an `offset` that is not a whole number, as DRF answers them in LL2.
    """

    default_limit = 10
    max_limit = 100

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
