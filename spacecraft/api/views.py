"""The spacecraft flight, spacecraft, spacecraft configuration and docking event endpoints."""

from spacecraft import selectors
from spacecraft.api.detailed import (
    DockingEventDetailedSerializer,
    SpacecraftDetailedSerializer,
    SpacecraftFlightDetailedSerializer,
)
from spacecraft.api.filters import (
    DockingEventFilter,
    SpacecraftConfigFilter,
    SpacecraftFilter,
    SpacecraftFlightFilter,
    SpacecraftStatusFilter,
)
from spacecraft.api.serializers import (
    DockingEventSerializer,
    SpacecraftConfigDetailedSerializer,
    SpacecraftConfigSerializer,
    SpacecraftFlightSerializer,
    SpacecraftSerializer,
    SpacecraftStatusSerializer,
)
from spacedevs.api.views import LL2ViewSet, Mode


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

    modes = {
        "normal": Mode(selectors.flights, SpacecraftFlightSerializer),
        "detailed": Mode(selectors.flights_detailed, SpacecraftFlightDetailedSerializer),
    }
    filterset_class = SpacecraftFlightFilter


class SpacecraftViewSet(LL2ViewSet):
    """
    API endpoint that allows Spacecrafts to be viewed.
    A Spacecraft is a physically manufactured instance of a Spacecraft Configuration

    GET:
    Return a list of all the existing spacecraft.

    MODE:
    'normal' (default), 'detailed' (with its flights)
    Example - /2.2.0/spacecraft/?mode=detailed

    FILTERS:
    Parameters - 'name', 'status', 'spacecraft_config'
    Example - /2.2.0/spacecraft/?status=1

    SEARCH EXAMPLE:
    Example - /2.2.0/spacecraft/?search=Dragon
    Searches through name and configuration name

    ORDERING:
    Fields - 'id'
    Example - /2.2.0/spacecraft/?ordering=id
    """

    modes = {
        "normal": Mode(selectors.spacecraft, SpacecraftSerializer),
        "detailed": Mode(selectors.spacecraft_detailed, SpacecraftDetailedSerializer),
    }
    filterset_class = SpacecraftFilter


class SpacecraftConfigViewSet(LL2ViewSet):
    """
    API endpoint that allows Spacecraft Configs to be viewed.

    GET:
    Return a list of all the existing spacecraft configurations.

    MODE:
    'normal' (default), 'detailed'
    Example - /2.2.0/config/spacecraft/?mode=detailed

    FILTERS:
    Parameters - 'name', 'manufacturer' (the agency's id), 'in_use', 'human_rated'
    Example - /2.2.0/config/spacecraft/?in_use=true

    SEARCH EXAMPLE:
    Example - /2.2.0/config/spacecraft/?search=Dragon
    Searches through name, agency name and agency abbreviation

    ORDERING:
    Fields - 'id', 'name'
    Example - /2.2.0/config/spacecraft/?ordering=name
    """

    modes = {
        "normal": Mode(selectors.spacecraft_configs, SpacecraftConfigSerializer),
        "detailed": Mode(selectors.spacecraft_configs, SpacecraftConfigDetailedSerializer),
    }
    filterset_class = SpacecraftConfigFilter


class DockingEventViewSet(LL2ViewSet):
    """
    API endpoint that allows Docking Events to be viewed.

    GET:
    Return a list of all the docking events.

    FILTERS:
    Fields - 'space_station__id', 'flight_vehicle__id', 'docking_location__id', 'docking__gt',
    'docking__gte', 'docking__lt', 'docking__lte'


    MODE:
    'detailed'
    EXAMPLE: ?mode=detailed

    ORDERING:
    Fields - 'id', 'docking', 'departure'
    Order reverse via Docking date.
    Example - /2.2.0/docking_event/?ordering=-docking
    """

    modes = {
        "normal": Mode(selectors.docking_events, DockingEventSerializer),
        "detailed": Mode(selectors.docking_events, DockingEventDetailedSerializer),
    }
    filterset_class = DockingEventFilter


class SpacecraftStatusViewSet(LL2ViewSet):
    """
    API endpoint that allows Spacecraft Statuses to be viewed.

    SEARCH:
    Searches through the name.
    Example - /2.2.0/config/spacecraftstatus/?search=Active

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.spacecraft_statuses, SpacecraftStatusSerializer)}
    filterset_class = SpacecraftStatusFilter
