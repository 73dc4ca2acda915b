from agencies import selectors
from agencies.api.filters import AgencyFilter
from agencies.api.serializers import AgencySerializer
from spacecraft import selectors as spacecraft_selectors
from spacecraft.api.serializers import AgencyDetailedSerializer
from spacedevs.api.views import LL2ViewSet


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

    filterset_class = AgencyFilter
    lookup_value_converter = "ll2id"

    def get_queryset(self):
        return spacecraft_selectors.agencies_detailed() if self.detailed else selectors.agencies()

    def get_serializer_class(self):
        return AgencyDetailedSerializer if self.detailed else AgencySerializer
