"""The agency endpoint."""

from agencies import selectors
from agencies.api.detailed import AgencyDetailedSerializer
from agencies.api.filters import AgencyFilter, AgencyTypeFilter
from agencies.api.serializers import AgencySerializer, AgencyTypeSerializer
from spacedevs.api.views import LL2ViewSet, Mode


class AgencyViewSet(LL2ViewSet):
    """
    API endpoint that allows Agencies to be viewed.

    GET:
    Return a list of all the existing agencies.

    MODE:
    Normal and Detailed
    /2.2.0/agencies/?mode=detailed

    FILTERS:
    Parameters - 'featured', 'agency_type', 'country_code'
    Example - /2.2.0/agencies/?featured=true

    SEARCH EXAMPLE:
    /2.2.0/agencies/?search=nasa

    ORDERING:
    Fields - 'id', 'name', 'featured'
    Example - /2.2.0/agencies/?ordering=featured

    The 'country_code' field is a string of comma separated ISO 3166 alpha-3 codes.
    """

    modes = {
        "normal": Mode(selectors.agencies, AgencySerializer),
        "detailed": Mode(selectors.agencies_detailed, AgencyDetailedSerializer),
    }
    filterset_class = AgencyFilter


class AgencyTypeViewSet(LL2ViewSet):
    """
    API endpoint that allows Agency Types to be viewed.

    SEARCH:
    Searches through the name.
    Example - /2.2.0/config/agencytype/?search=Government

    ORDERING:
    Fields - 'id', 'name'
    """

    modes = {"normal": Mode(selectors.agency_types, AgencyTypeSerializer)}
    filterset_class = AgencyTypeFilter
