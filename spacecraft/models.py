"""Spacecraft: configurations, the vehicles built to them, their flights and dockings."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Case,
    Count,
    DurationField,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Now
from django.db.models.lookups import GreaterThan

from spacedevs.db.models import Model


class SpacecraftConfigType(Model):
    """The role of a spacecraft configuration (Cargo Resupply, Crewed...)."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class SpacecraftConfig(Model):
    """A spacecraft model ("Progress 7K-TG", "Crew Dragon")."""

    name = models.CharField(max_length=200)
    type = models.ForeignKey(SpacecraftConfigType, on_delete=models.PROTECT, related_name="configs")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="spacecraft_configs")
    in_use = models.BooleanField(default=True)
    capability = models.CharField(max_length=2048, blank=True)
    history = models.TextField(blank=True)
    details = models.TextField(blank=True)
    maiden_flight = models.DateField(null=True, blank=True)
    height = models.FloatField("length (m)", null=True, blank=True)
    diameter = models.FloatField("diameter (m)", null=True, blank=True)
    human_rated = models.BooleanField(default=False)
    crew_capacity = models.IntegerField(null=True, blank=True)
    payload_capacity = models.IntegerField("payload capacity (kg)", null=True, blank=True)
    payload_return_capacity = models.IntegerField("payload return capacity (kg)", null=True, blank=True)
    flight_life = models.CharField(max_length=2048, null=True, blank=True)
    image_url = models.URLField(max_length=1024, null=True, blank=True)
    nation_url = models.URLField(max_length=1024, null=True, blank=True)
    wiki_link = models.URLField(max_length=1024, blank=True)
    info_link = models.URLField(max_length=1024, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "spacecraft configuration"

    def __str__(self):
        return self.name


ZERO = Value(datetime.timedelta(0), output_field=DurationField())


def span(start, end):
    """The length of a span from `start` to `end`, or to now while `end` is null; nothing (0) where the
    end precedes the start, a typo of LL2's data (`manage.py check_data` lists them), or where a span
    without an end has not started yet (a docking to come): a duration derived from it never goes
    negative."""
    until = Coalesce(end, Now())
    return Case(
        When(**{f"{start}__gt": until}, then=ZERO),
        default=until - F(start),
        output_field=DurationField(),
    )


def _per_spacecraft(queryset, *, key, total):
    """A correlated subquery: `total` aggregated over the rows of `queryset` whose `key` is the outer pk
    (a spacecraft's, or a flight's)."""
    grouped = queryset.filter(**{key: OuterRef("pk")}).order_by().values(key)
    return Subquery(grouped.annotate(total=total).values("total"))


class SpacecraftQuerySet(models.QuerySet):
    def with_flight_stats(self):
        """Annotate each spacecraft with what LL2 derives from its flights and docking events.

        - `flights_count`: its flights; `mission_ends_count`: those with a mission end.
        - `in_space`: one of its flights has launched (NET in the past) and has no mission end yet.
        - `time_in_space`: the sum over launched flights of mission end (or now) minus launch NET.
        - `time_docked`: the sum over its docking events of departure (or now) minus docking.

        A span whose end precedes its start (a typo) adds nothing (`span`): no duration is negative.
        """
        flights = SpacecraftFlight.objects.all()
        launched = flights.filter(launch__net__lte=Now())
        return self.annotate(
            flights_count=Coalesce(_per_spacecraft(flights, key="spacecraft", total=Count("pk")), 0),
            mission_ends_count=Coalesce(
                _per_spacecraft(flights, key="spacecraft", total=Count("mission_end")), 0
            ),
            # Counted per spacecraft rather than `Exists`, which PostgreSQL plans as a hash of every
            # spacecraft in space from all launched launches: 5 of the 34 ms of a page of 100 flights.
            in_space=GreaterThan(
                Coalesce(
                    _per_spacecraft(
                        launched.filter(mission_end__isnull=True), key="spacecraft", total=Count("pk")
                    ),
                    0,
                ),
                0,
            ),
            time_in_space=Coalesce(
                _per_spacecraft(
                    launched,
                    key="spacecraft",
                    total=Sum(span("launch__net", "mission_end")),
                ),
                ZERO,
            ),
            # Docking time per flight first, then per spacecraft: a join of the docking events to the
            # flights inside one subquery is planned as a scan of every docking event per spacecraft.
            time_docked=Coalesce(
                _per_spacecraft(
                    flights.annotate(
                        docked=_per_spacecraft(
                            DockingEvent.objects.all(), key="flight", total=Sum(span("docking", "departure"))
                        )
                    ),
                    key="spacecraft",
                    total=Sum("docked"),
                ),
                ZERO,
            ),
        )


class SpacecraftStatus(Model):
    """Active, Retired, Single Use, Destroyed..."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "spacecraft statuses"

    def __str__(self):
        return self.name


class Spacecraft(Model):
    """One physical spacecraft built to a configuration.

    Its flight statistics (`in_space`, `time_in_space`, `time_docked`, `flights_count`,
    `mission_ends_count`) are not stored: `Spacecraft.objects.with_flight_stats()` derives them in SQL.
    """

    name = models.CharField(max_length=255)
    serial_number = models.CharField(max_length=255, null=True, blank=True)
    is_placeholder = models.BooleanField(default=False)
    status = models.ForeignKey(SpacecraftStatus, on_delete=models.PROTECT, related_name="spacecraft")
    description = models.TextField(blank=True)
    spacecraft_config = models.ForeignKey(
        SpacecraftConfig, on_delete=models.PROTECT, related_name="spacecraft"
    )

    objects = SpacecraftQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "spacecraft"

    def __str__(self):
        return self.name


class SpacecraftFlight(Model):
    """One flight of a spacecraft: the launch that carried it, its crews, dockings and landing."""

    # Indexed by `flight_spacecraft` below, which covers what a spacecraft's statistics read.
    spacecraft = models.ForeignKey(
        Spacecraft, on_delete=models.PROTECT, related_name="flights", db_index=False
    )
    launch = models.ForeignKey("launches.Launch", on_delete=models.PROTECT, related_name="spacecraft_flights")
    destination = models.CharField(max_length=255, null=True, blank=True)
    mission_end = models.DateTimeField(null=True, blank=True)
    landing = models.OneToOneField(
        "launches.Landing", null=True, blank=True, on_delete=models.SET_NULL, related_name="spacecraft_flight"
    )
    launch_crew = models.ManyToManyField(
        "astronauts.AstronautFlight", blank=True, related_name="launch_flights"
    )
    onboard_crew = models.ManyToManyField(
        "astronauts.AstronautFlight", blank=True, related_name="onboard_flights"
    )
    landing_crew = models.ManyToManyField(
        "astronauts.AstronautFlight", blank=True, related_name="landing_flights"
    )

    # What `manage.py check_data` and the admin report: impossible data, by what is wrong.
    ANOMALIES = {"it lands (mission end) before its launch": Q(mission_end__lt=F("launch__net"))}

    class Meta:
        ordering = ["id"]
        indexes = [
            # A spacecraft's flight statistics (`SpacecraftQuerySet.with_flight_stats`), computed live for
            # each spacecraft of a page, read its flights' keys, launches and mission ends from the index
            # alone (PostgreSQL; elsewhere an index of the spacecraft). With `docking_event_flight` and
            # `launch_id_net`, a page of 100 detailed flights costs PostgreSQL 13% fewer instructions.
            models.Index(
                fields=["spacecraft"], include=["id", "launch", "mission_end"], name="flight_spacecraft"
            ),
        ]

    def __str__(self):
        return f"{self.spacecraft} on {self.launch}"

    def clean(self):
        # A mission end before launch would make the spacecraft's time in space shrink.
        net = self.launch.net if self.launch_id else None
        if self.mission_end and net and self.mission_end < net:
            raise ValidationError({"mission_end": f"The mission cannot end before its launch ({net})."})


class DockingEvent(Model):
    """A flight's stay at a station's docking port, from docking to departure.

    Its station is its docking location's (LL2 serves it as the event's `spacestation`).
    """

    # Indexed by `docking_event_flight` below, which covers a flight's time docked.
    flight = models.ForeignKey(
        SpacecraftFlight, on_delete=models.CASCADE, related_name="docking_events", db_index=False
    )
    docking_location = models.ForeignKey(
        "stations.DockingLocation", on_delete=models.PROTECT, related_name="docking_events"
    )
    docking = models.DateTimeField()
    departure = models.DateTimeField(null=True, blank=True)

    ANOMALIES = {"it departs before it docks": Q(departure__lt=F("docking"))}

    class Meta:
        ordering = ["docking", "id"]
        indexes = [
            models.Index(fields=["flight"], include=["docking", "departure"], name="docking_event_flight"),
        ]

    def __str__(self):
        return f"{self.flight.spacecraft} at {self.docking_location}"

    def clean(self):
        if self.departure and self.departure < self.docking:
            raise ValidationError({"departure": "The departure cannot come before the docking."})
