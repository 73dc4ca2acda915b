from agencies.api.serializers import AgencySerializer
from agencies.models import Agency
from spacedevs.api.views import LL2ViewSet


class AgencyViewSet(LL2ViewSet):
    """
    API endpoint that allows Agencies to be viewed.

    GET:
    Return a list of all the existing agencies.
    """

    queryset = Agency.objects.select_related("type", "parent").order_by("id")
    serializer_class = AgencySerializer
    lookup_value_converter = "ll2id"
