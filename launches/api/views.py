from launches import selectors
from launches.api.serializers import (
    LauncherConfigMiniSerializer,
    LaunchSerializer,
    LocationSerializer,
    PadSerializer,
    ProgramSerializer,
)
from launches.models import LauncherConfig, Location, Pad
from spacedevs.api.views import LL2ViewSet


class LaunchViewSet(LL2ViewSet):
    """
    API endpoint that allows Launches to be viewed.

    GET:
    Return a list of all the existing launches, by NET.
    """

    queryset = selectors.launches().order_by("net", "id")
    serializer_class = LaunchSerializer
    lookup_value_converter = "uuid"


class LauncherConfigViewSet(LL2ViewSet):
    """
    API endpoint that allows Launcher Configurations to be viewed.

    GET:
    Return a list of all the existing launcher configurations.
    """

    queryset = LauncherConfig.objects.order_by("id")
    serializer_class = LauncherConfigMiniSerializer
    lookup_value_converter = "ll2id"


class PadViewSet(LL2ViewSet):
    """
    API endpoint that allows Pads to be viewed.

    GET:
    Return a list of all the existing pads.
    """

    queryset = Pad.objects.select_related("location").order_by("id")
    serializer_class = PadSerializer
    lookup_value_converter = "ll2id"


class LocationViewSet(LL2ViewSet):
    """
    API endpoint that allows Locations to be viewed.

    GET:
    Return a list of all the existing launch locations.
    """

    queryset = Location.objects.order_by("id")
    serializer_class = LocationSerializer
    lookup_value_converter = "ll2id"


class ProgramViewSet(LL2ViewSet):
    """
    API endpoint that allows Programs to be viewed.

    GET:
    Return a list of all the existing programs.
    """

    queryset = selectors.programs().order_by("id")
    serializer_class = ProgramSerializer
    lookup_value_converter = "ll2id"
