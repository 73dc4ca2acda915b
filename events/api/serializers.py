"""The event shapes (an event, its type, the dashboard's lookups) and `dashboard/starship/`'s shape."""

from rest_framework import serializers

from events.models import Event, EventType, LiveStream, Notice, NoticeType, RoadClosure, RoadClosureStatus
from launches.api.serializers import LauncherSerializer, LaunchSerializer, ProgramSerializer, UpdateSerializer
from spacedevs.api.fields import LinkField
from stations.api.serializers import ExpeditionSerializer, SpaceStationForFlightSerializer


class EventTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventType
        fields = ["id", "name"]


class NoticeTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = NoticeType
        fields = ["id", "name"]


class RoadClosureStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = RoadClosureStatus
        fields = ["id", "name"]


class EventSerializer(serializers.ModelSerializer):
    """An event in a list and its detail (LL2's `Events`): its updates, newest first; its launches (the
    normal shape), expeditions, stations and programmes, as `events.selectors.events()` fetches them."""

    url = LinkField("event-detail")
    updates = UpdateSerializer(many=True)
    type = EventTypeSerializer()
    launches = LaunchSerializer(many=True)
    expeditions = ExpeditionSerializer(many=True)
    spacestations = SpaceStationForFlightSerializer(many=True)
    program = ProgramSerializer(many=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "url",
            "slug",
            "name",
            "updates",
            "type",
            "description",
            "webcast_live",
            "location",
            "news_url",
            "video_url",
            "feature_image",
            "date",
            "launches",
            "expeditions",
            "spacestations",
            "program",
        ]


class LiveStreamSerializer(serializers.ModelSerializer):
    class Meta:
        model = LiveStream
        fields = ["title", "description", "image", "url"]


class RoadClosureSerializer(serializers.ModelSerializer):
    status = RoadClosureStatusSerializer()

    class Meta:
        model = RoadClosure
        fields = ["id", "title", "status", "window_start", "window_end"]


class NoticeSerializer(serializers.ModelSerializer):
    type = NoticeTypeSerializer()

    class Meta:
        model = Notice
        fields = ["id", "type", "date", "url"]


class DashboardSlateSerializer(serializers.Serializer):
    """The programme's launches (the normal shape) and events on one side of now."""

    launches = LaunchSerializer(many=True)
    events = EventSerializer(many=True)


class StarshipDashboardSerializer(serializers.Serializer):
    """`dashboard/starship/`, as LL2 serves it and pylaunches' `StarshipResponse` reads it, from an
    `events.selectors.StarshipDashboard`."""

    upcoming = DashboardSlateSerializer()
    previous = DashboardSlateSerializer()
    live_streams = LiveStreamSerializer(many=True)
    road_closures = RoadClosureSerializer(many=True)
    notices = NoticeSerializer(many=True)
    vehicles = LauncherSerializer(many=True)
