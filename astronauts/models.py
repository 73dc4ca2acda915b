"""Astronauts and the roles they fill on flights and expeditions."""

from django.db import models
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, When
from django.db.models.functions import Cast, ExtractDay, ExtractMonth, ExtractYear, Now

from spacedevs.db.models import Model
from spacedevs.relations import PathRelation


class AstronautStatus(Model):
    """Active, Retired, Deceased..."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "astronaut statuses"

    def __str__(self):
        return self.name


class AstronautType(Model):
    """Government, Private, Non-Human..."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class AstronautRole(Model):
    """A crew role (Commander, Pilot, Mission Specialist 1...); crews are listed by its priority."""

    role = models.CharField(max_length=255)
    priority = models.IntegerField(default=0)

    class Meta:
        ordering = ["priority", "id"]

    def __str__(self):
        return self.role


class AstronautQuerySet(models.QuerySet):
    def with_stats(self):
        """Annotate what LL2 derives for an astronaut per request, in SQL for the whole page: `age`,
        whole years from `date_of_birth` to `date_of_death`, or to today while alive (null without a
        date of birth).

        And alias, for filtering, `in_space`: a flight that lists them in its launch or onboard crew
        has launched (NET in the past) and has no mission end, which is when its spacecraft is
        `in_space`. (Their flight dates and counts are stored: see `Astronaut`.)
        """
        seats = AstronautFlight.objects.filter(astronaut=OuterRef("pk"))
        aboard = seats.filter(
            Q(launch_flights__launch__net__lte=Now(), launch_flights__mission_end__isnull=True)
            | Q(onboard_flights__launch__net__lte=Now(), onboard_flights__mission_end__isnull=True)
        )
        # A death before the birth (a typo) counts as no death: an age never goes negative.
        until = Case(
            When(date_of_death__gte=F("date_of_birth"), then=_date_number("date_of_death")),
            default=_date_number(Now()),
        )
        return self.annotate(age=(until - _date_number("date_of_birth")) / 10000).alias(
            in_space=Exists(aboard)
        )


def _date_number(date):
    """A date as the integer YYYYMMDD: the whole years between two dates are their difference // 10000
    (an integer division: PostgreSQL's EXTRACT gives numerics, hence the cast)."""
    return Cast(ExtractYear(date) * 10000 + ExtractMonth(date) * 100 + ExtractDay(date), IntegerField())


class Astronaut(Model):
    """A person who flew, or trains to fly, to space."""

    name = models.CharField(max_length=255)
    status = models.ForeignKey(AstronautStatus, on_delete=models.PROTECT, related_name="astronauts")
    type = models.ForeignKey(AstronautType, on_delete=models.PROTECT, related_name="astronauts")
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="astronauts"
    )
    date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    nationality = models.CharField(max_length=255, blank=True)
    bio = models.TextField(blank=True)
    twitter = models.CharField(max_length=255, null=True, blank=True)
    instagram = models.CharField(max_length=255, null=True, blank=True)
    wiki = models.URLField(max_length=255, null=True, blank=True)
    profile_image = models.URLField(max_length=1024, null=True, blank=True)
    profile_image_thumbnail = models.URLField(max_length=1024, null=True, blank=True)
    # Facts about their whole career, which a mirror holds only part of: stored as LL2 serves them
    # (null when unknown), recomputed from the crews held here by `manage.py recount` (README, "Stored
    # counters"). Their `flights` and `landings` lists are derived from crews, never stored.
    flights_count = models.IntegerField(null=True, blank=True)
    landings_count = models.IntegerField(null=True, blank=True)
    last_flight = models.DateTimeField(null=True, blank=True)
    first_flight = models.DateTimeField(null=True, blank=True)

    objects = AstronautQuerySet.as_manager()

    ANOMALIES = {"they die before they are born": Q(date_of_death__lt=F("date_of_birth"))}

    # What the crews the astronaut sat in reach, fetched only by `Prefetch(..., to_attr=...)` (see
    # `PathRelation`): the launches whose launch crew lists them, the flights whose landing crew does.
    crew_launches = PathRelation("launches.Launch", "spacecraft_flights__launch_crew__astronaut")
    crew_landings = PathRelation("spacecraft.SpacecraftFlight", "landing_crew__astronaut")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class AstronautFlight(Model):
    """One astronaut in one role, as listed in a flight's crew (LL2's `AstronautFlight`)."""

    role = models.ForeignKey(AstronautRole, on_delete=models.PROTECT, related_name="assignments")
    astronaut = models.ForeignKey(Astronaut, on_delete=models.PROTECT, related_name="assignments")

    class Meta:
        ordering = ["role__priority", "id"]
        verbose_name = "crew assignment"

    def __str__(self):
        return f"{self.astronaut} ({self.role})"
