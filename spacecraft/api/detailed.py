"""The spacecraft endpoints' detailed shapes: a flight, a spacecraft and a docking event in full."""

from launches.api.serializers import LaunchSerializer
from spacecraft.api.serializers import (
    DockingEventSerializer,
    SpacecraftFlightForDockingEventSerializer,
    SpacecraftFlightForLaunchSerializer,
    SpacecraftFlightSerializer,
    SpacecraftForFlightSerializer,
)
from stations.api.serializers import SpaceStationForDockingEventSerializer


class SpacecraftFlightDetailedSerializer(SpacecraftFlightForLaunchSerializer):
    """A flight in full: the detail, and a list with `?mode=detailed` (LL2's `SpacecraftFlightDetailed`):
    a launch's spacecraft stage with its launch."""

    launch = LaunchSerializer()

    class Meta(SpacecraftFlightForLaunchSerializer.Meta):
        fields = [
            "id",
            "url",
            "mission_end",
            "destination",
            "launch_crew",
            "onboard_crew",
            "landing_crew",
            "spacecraft",
            "launch",
            "landing",
            "docking_events",
        ]


class SpacecraftDetailedSerializer(SpacecraftForFlightSerializer):
    """A spacecraft in full with its flights, in id order (LL2's `SpacecraftDetailed`, late 2.2.0 shape).

    `flights` reads the prefetched `flights` of `selectors.spacecraft_with_flights()`.
    """

    flights = SpacecraftFlightSerializer(many=True)

    class Meta(SpacecraftForFlightSerializer.Meta):
        fields = [*SpacecraftForFlightSerializer.Meta.fields, "flights"]


class SpacecraftFlightForDockingEventDetailedSerializer(SpacecraftFlightForDockingEventSerializer):
    """The flight of a docking event's detail: the same, with the spacecraft in full
    (LL2's `SpacecraftFlightSerializerForDockingEventDetailed`)."""

    spacecraft = SpacecraftForFlightSerializer()


class DockingEventDetailedSerializer(DockingEventSerializer):
    """A docking event in full: the detail, and a list with `?mode=detailed` (LL2's
    `DockingEventDetailed`)."""

    flight_vehicle = SpacecraftFlightForDockingEventDetailedSerializer(source="flight")
    space_station = SpaceStationForDockingEventSerializer(source="docking_location.spacestation")

    class Meta(DockingEventSerializer.Meta):
        fields = [*DockingEventSerializer.Meta.fields, "space_station"]
