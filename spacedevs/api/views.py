"""What every read-only LL2 viewset shares."""

from rest_framework import viewsets


class LL2ViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only viewset whose list shape follows `?mode=` (validated by its `LL2FilterSet`).

    `mode` is "detailed" for a detail request, else the list's `?mode=` or `default_mode`; `detailed`
    says whether it is "detailed". `get_queryset` and `get_serializer_class` of a subclass read them
    to pick their shape.
    """

    default_mode = "normal"

    @property
    def mode(self):
        if self.action == "retrieve":
            return "detailed"
        return self.request.query_params.get("mode") or self.default_mode

    @property
    def detailed(self):
        return self.mode == "detailed"
