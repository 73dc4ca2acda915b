"""What every read-only LL2 viewset shares, and LL2's `api-throttle/`."""

from rest_framework import viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from spacedevs.api.throttling import ApiRateThrottle


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


class ApiThrottleView(APIView):
    """
    API endpoint that shows your API rate limit: the calls you may make per period, how many you made
    in the current period, and in how many seconds the oldest of them stops counting.

    This call is not counted. While the service runs without a limit (the default), it says so with the
    largest limit: 2147483647 calls an hour.
    """

    # Answered whatever the budget, and never counted against it.
    throttle_classes = []

    def get(self, request):
        return Response(ApiRateThrottle().usage(request, self))
