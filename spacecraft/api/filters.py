from spacecraft.models import SpacecraftFlight
from spacedevs.api.filters import IdFilter, LL2FilterSet


class SpacecraftFlightFilter(LL2FilterSet):
    spacecraft = IdFilter(field_name="spacecraft_id")

    class Meta:
        model = SpacecraftFlight
        fields = ["spacecraft"]
