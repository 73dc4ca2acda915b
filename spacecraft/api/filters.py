from spacecraft.models import SpacecraftFlight
from spacedevs.api.filters import IdFilter, ModeFilterSet


class SpacecraftFlightFilter(ModeFilterSet):
    spacecraft = IdFilter(field_name="spacecraft_id")

    class Meta:
        model = SpacecraftFlight
        fields = ["spacecraft"]
