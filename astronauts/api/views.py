"""The astronaut endpoint."""

from astronauts import selectors
from astronauts.api.detailed import AstronautDetailedSerializer
from astronauts.api.filters import AstronautFilter
from astronauts.api.serializers import AstronautListSerializer, AstronautSerializer
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
    'has_flown': in the launch crew of a launch in the past. 'in_space': in the launch or onboard crew
    of a flight that has launched and has no mission end. 'flights_count' counts the past launches
    among 'flights'; 'landings_count' the flights among 'landings' whose mission has ended.

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
