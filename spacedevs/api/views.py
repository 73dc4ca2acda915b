"""What every read-only LL2 viewset shares."""

from rest_framework import viewsets


class LL2ViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only viewset whose list shape follows `?mode=` (validated by its `ModeFilterSet`).

    `detailed` is true for a detail request, and for a list asked for with `?mode=detailed`;
    `get_queryset` and `get_serializer_class` of a subclass read it to pick their shape.
    """

    @property
    def detailed(self):
        return self.action == "retrieve" or self.request.query_params.get("mode") == "detailed"
