"""Pagination as LL2 does it: `limit` (default 10, at most 100) and `offset`."""

from rest_framework import pagination

from spacedevs.api.exceptions import BadQueryParameter


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    """DRF's limit/offset pagination, strict about its parameters.

    A `limit` over `max_limit` is capped, as LL2 does; a `limit` or `offset` that is not a whole number
    in range is refused with 400 rather than silently replaced by the default.
    """

    default_limit = 10
    max_limit = 100

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if raw is None:
            return self.default_limit
        limit = _parse_int(self.limit_query_param, raw, minimum=1)
        return min(limit, self.max_limit)

    def get_offset(self, request):
        raw = request.query_params.get(self.offset_query_param)
        if raw is None:
            return 0
        return _parse_int(self.offset_query_param, raw, minimum=0)


def _parse_int(name, raw, *, minimum):
    if not (raw.isascii() and raw.isdigit()) or int(raw) < minimum:
        raise BadQueryParameter({name: [f"Must be a whole number of at least {minimum}."]})
    return int(raw)
