from spacecraft import selectors
from spacecraft.api.filters import SpacecraftFlightFilter
from spacecraft.api.serializers import (
    SpacecraftConfigSerializer,
    SpacecraftFlightSerializer,
    SpacecraftFlightSummarySerializer,
    SpacecraftSerializer,
)
from spacecraft.models import SpacecraftConfig
from spacedevs.api.views import LL2ViewSet


class SpacecraftFlightViewSet(LL2ViewSet):
    """
    API endpoint that allows a flight of a specific Spacecraft instances to be viewed.

    GET:
    Return a list of all the existing Spacecraft flights, in id order.

    MODE:
    'normal' (default), 'detailed'
    Example - /2.2.0/spacecraft/flight/?mode=detailed

    FILTERS:
    Parameters - 'spacecraft'
    Example - /2.2.0/spacecraft/flight/?spacecraft=37
    """

    filterset_class = SpacecraftFlightFilter
    lookup_value_converter = "ll2id"

    def get_queryset(self):
        return selectors.flights(detailed=self.detailed)

    def get_serializer_class(self):
        return SpacecraftFlightSerializer if self.detailed else SpacecraftFlightSummarySerializer


class SpacecraftViewSet(LL2ViewSet):
    """
    API endpoint that allows Spacecrafts to be viewed.
    A Spacecraft is a physically manufactured instance of a Spacecraft Configuration

    GET:
    Return a list of all the existing spacecraft.
    """

    queryset = selectors.spacecraft().order_by("id")
    serializer_class = SpacecraftSerializer
    lookup_value_converter = "ll2id"


class SpacecraftConfigViewSet(LL2ViewSet):
    """
    API endpoint that allows Spacecraft Configurations to be viewed.

    GET:
    Return a list of all the existing spacecraft configurations.
    """

    queryset = SpacecraftConfig.objects.select_related("type", "agency__type", "agency__parent").order_by(
        "id"
    )
    serializer_class = SpacecraftConfigSerializer
    lookup_value_converter = "ll2id"
