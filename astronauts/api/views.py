"""The astronaut endpoint."""

from astronauts import selectors
from astronauts.api.detailed import AstronautDetailedSerializer
from astronauts.api.filters import (
    AstronautFilter,
    AstronautRoleFilter,
    AstronautStatusFilter,
    AstronautTypeFilter,
)
from astronauts.api.serializers import (
    AstronautListSerializer,
    AstronautRoleSerializer,
    AstronautSerializer,
    AstronautStatusSerializer,
    AstronautTypeSerializer,
)
from spacedevs.api.views import LL2ViewSet, Mode


class AstronautViewSet(LL2ViewSet):
    """
    API endpoint that allows Astronaut to be viewed.

    GET:
    Return a list of all the existing astronauts.

    MODE:
    'list', 'normal' (default), 'detailed'
    Example - /2.2.0/astronaut/?mode=detailed

    FILTERS:
    Parameters - 'name', 'status', 'status_ids', 'type__id', 'nationality', 'agency__name',
    'agency__abbrev', 'has_flown', 'in_space', 'date_of_birth', 'date_of_death', 'age', 'flights_count',
    'landings_count' (the last five also with __gt, __gte, __lt, __lte)
    Example - /2.2.0/astronaut/?nationality=American
    'has_flown': a 'flights_count' above 0. 'in_space': in the launch or onboard crew of a flight that
    has launched and has no mission end. 'flights_count', 'landings_count', 'first_flight' and
    'last_flight' are stored as LL2 serves them (a mirror holds only part of a career).

    SEARCH EXAMPLE:
    /2.2.0/astronaut/?search=armstrong
    Searches through name, nationality, agency name and agency abbreviation

    ORDERING:
    Fields - 'id', 'name', 'status', 'date_of_birth'
    Example - /2.2.0/astronaut/?ordering=name
    """

    modes = {
        "list": Mode(selectors.astronauts_list, AstronautListSerializer),
        "normal": Mode(selectors.astronauts, AstronautSerializer),
        "detailed": Mode(selectors.astronauts_detailed, AstronautDetailedSerializer),
    }
    filterset_class = AstronautFilter


class AstronautRoleViewSet(LL2ViewSet):
    """
    API endpoint that allows Astronaut Roles to be viewed.

    SEARCH:
    Searches through the role.
    Example - /2.2.0/config/astronautrole/?search=Commander

    ORDERING:
    Fields - 'id', 'role', 'priority'
    """

    modes = {"normal": Mode(selectors.astronaut_roles, AstronautRoleSerializer)}
    filterset_class = AstronautRoleFilter


class AstronautStatusViewSet(LL2ViewSet):
    """
    API endpoint that allows Astronaut Statuses to be viewed.

    SEARCH:
    Searches through the name.
    Example - /2.2.0/config/astronautstatus/?search=Active

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.astronaut_statuses, AstronautStatusSerializer)}
    filterset_class = AstronautStatusFilter


class AstronautTypeViewSet(LL2ViewSet):
    """
    API endpoint that allows Astronaut Types to be viewed.

    SEARCH:
    Searches through the name.
    Example - /2.2.0/config/astronauttype/?search=Government

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.astronaut_types, AstronautTypeSerializer)}
    filterset_class = AstronautTypeFilter
