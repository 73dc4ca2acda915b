"""Events (a docking, a spacewalk, a static fire...) and what the Starship dashboard shows beside its
launches: road closures, notices and live streams."""

import datetime

from django.db import models
from django.utils import timezone

from spacedevs.db.models import Model


class EventType(Model):
    """The kind of an event (Docking, EVA, Static Fire...)."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class EventQuerySet(models.QuerySet):
    # LL2's upcoming events include those of the last 24 hours, as its upcoming launches do.
    RECENT = datetime.timedelta(hours=24)

    def upcoming(self):
        """Events dated no earlier than 24 hours ago, soonest first (LL2's `event/upcoming/`)."""
        return self.filter(date__gte=timezone.now() - self.RECENT).order_by("date", "id")

    def previous(self):
        """Events whose date has passed, most recent first (LL2's `event/previous/`)."""
        return self.filter(date__lt=timezone.now()).order_by("-date", "id")


class Event(Model):
    """Something that happens in spaceflight besides a launch, with the launches, expeditions, stations
    and programmes it concerns; its `updates` are curators' notes (`launches.Update.event`)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=255, unique=True)
    type = models.ForeignKey(EventType, on_delete=models.PROTECT, related_name="events")
    description = models.CharField(max_length=2048, blank=True)
    webcast_live = models.BooleanField(default=False)
    # Where it happens, as text ("International Space Station", "Starbase, TX").
    location = models.CharField(max_length=100, null=True, blank=True)
    news_url = models.URLField(max_length=250, null=True, blank=True)
    video_url = models.URLField(max_length=250, null=True, blank=True)
    feature_image = models.URLField(max_length=1024, blank=True)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    launches = models.ManyToManyField("launches.Launch", blank=True, related_name="events")
    expeditions = models.ManyToManyField("stations.Expedition", blank=True, related_name="events")
    spacestations = models.ManyToManyField("stations.SpaceStation", blank=True, related_name="events")
    program = models.ManyToManyField("launches.Program", blank=True, related_name="events")

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]

    def __str__(self):
        return self.name


class RoadClosureStatus(Model):
    """The state of a road closure ("Closure Scheduled", "Closure Revoked"...)."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "road closure statuses"

    def __str__(self):
        return self.name


class RoadClosure(Model):
    """A closure of the road to a launch site (Starbase's Highway 4) for tests and launches."""

    title = models.CharField(max_length=255)
    status = models.ForeignKey(RoadClosureStatus, on_delete=models.PROTECT, related_name="road_closures")
    window_start = models.DateTimeField()
    window_end = models.DateTimeField()

    class Meta:
        ordering = ["window_start", "id"]

    def __str__(self):
        return f"{self.title} ({self.window_start:%Y-%m-%d})"


class NoticeType(Model):
    """The kind of a notice ("Notice to Mariners", "TFR"...)."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Notice(Model):
    """An official notice about a launch site's activity (to mariners, to airmen...), with its link."""

    type = models.ForeignKey(NoticeType, on_delete=models.PROTECT, related_name="notices")
    date = models.DateTimeField()
    url = models.URLField(max_length=1024)

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.type} ({self.date:%Y-%m-%d})"


class LiveStream(Model):
    """A live stream the dashboard links to (a site camera, a channel covering the programme)."""

    title = models.CharField(max_length=255)
    description = models.CharField(max_length=2048, blank=True)
    image = models.URLField(max_length=1024, blank=True)
    url = models.URLField(max_length=1024)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.title
