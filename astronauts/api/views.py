from astronauts.api.serializers import AstronautSerializer
from astronauts.models import Astronaut
from spacedevs.api.views import LL2ViewSet


class AstronautViewSet(LL2ViewSet):
    """
    API endpoint that allows Astronauts to be viewed.

    GET:
    Return a list of all the existing astronauts.
    """

    queryset = (
        Astronaut.objects.with_flight_dates().select_related("type", "status", "agency__type").order_by("id")
    )
    serializer_class = AstronautSerializer
    lookup_value_converter = "ll2id"
