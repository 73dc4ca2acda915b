"""The space station and expedition endpoints."""

from spacedevs.api.views import LL2ViewSet, Mode
from stations import selectors
from stations.api.detailed import ExpeditionDetailedSerializer, SpaceStationDetailedSerializer
from stations.api.filters import (
    DockingLocationFilter,
    ExpeditionFilter,
    SpaceStationFilter,
    SpaceStationStatusFilter,
)
from stations.api.serializers import (
    DockingLocationSerializer,
    ExpeditionSerializer,
    SpaceStationSerializer,
    SpaceStationStatusSerializer,
)


class SpaceStationViewSet(LL2ViewSet):
    """
    API endpoint that allows Space Stations to be viewed.

    GET:
    Return a list of all the existing space stations.

    MODE:
    'normal' (default), 'detailed'
    Example - /2.2.0/spacestation/?mode=detailed

    FILTERS:
    Parameters - 'id', 'name', 'name__contains', 'status', 'owners', 'orbit', 'type', 'owners__name',
    'owners__abbrev'
    Example - /2.2.0/spacestation/?status=1

    SEARCH EXAMPLE:
    Example - /2.2.0/spacestation/?search=ISS
    Searches through 'name', 'owners__name', 'owners__abbrev'

    ORDERING:
    Fields - 'id', 'name', 'status', 'type', 'founded', 'volume'
    Example - /2.2.0/spacestation/?ordering=id
    """

    modes = {
        "normal": Mode(selectors.spacestations, SpaceStationSerializer),
        "detailed": Mode(selectors.spacestations_detailed, SpaceStationDetailedSerializer),
    }
    filterset_class = SpaceStationFilter


class ExpeditionViewSet(LL2ViewSet):
    """
    API endpoint that allows Expeditions to be viewed.

    GET:
    Return a list of all the existing expeditions.

    MODE:
    Normal and Detailed
    /2.2.0/expedition/?mode=detailed

    FILTERS:
    Fields - 'name', 'crew__astronaut', 'crew__astronaut__agency', 'space_station', 'start__gt',
    'start__gte', 'start__lt', 'start__lte', 'end__gt', 'end__gte', 'end__lt', 'end__lte'

    Get all Expeditions with the Space Station ID of 1.
    Example - /2.2.0/expedition/?space_station=1&mode=detailed

    Search for all Expeditions with the Astronaut named John
    Example - /2.2.0/expedition/?search=John

    ORDERING:
    Fields - 'id', 'start', 'end'
    Order reverse via Start date.
    Example - /2.2.0/expedition/?ordering=-start
    """

    modes = {
        "normal": Mode(selectors.expeditions, ExpeditionSerializer),
        "detailed": Mode(selectors.expeditions_detailed, ExpeditionDetailedSerializer),
    }
    filterset_class = ExpeditionFilter


class DockingLocationViewSet(LL2ViewSet):
    """
    API endpoint that allows Docking Locations to be viewed.

    SEARCH:
    Searches through the name and the station's name.
    Example - /2.2.0/config/dockinglocation/?search=Harmony

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.docking_locations, DockingLocationSerializer)}
    filterset_class = DockingLocationFilter


class SpaceStationStatusViewSet(LL2ViewSet):
    """
    API endpoint that allows Space Station Statuses to be viewed.

    SEARCH:
    Searches through the name.
    Example - /2.2.0/config/spacestationstatus/?search=Active

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.spacestation_statuses, SpaceStationStatusSerializer)}
    filterset_class = SpaceStationStatusFilter
