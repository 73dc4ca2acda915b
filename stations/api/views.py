from spacedevs.api.views import LL2ViewSet
from stations.api.serializers import SpaceStationSummarySerializer
from stations.models import SpaceStation


class SpaceStationViewSet(LL2ViewSet):
    """
    API endpoint that allows Space Stations to be viewed.

    GET:
    Return a list of all the existing space stations.
    """

    queryset = SpaceStation.objects.select_related("status", "orbit").order_by("id")
    serializer_class = SpaceStationSummarySerializer
    lookup_value_converter = "ll2id"
