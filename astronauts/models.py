"""Astronauts and the roles they fill on flights and expeditions."""

from django.db import models
from django.db.models import Max, Min, OuterRef, Subquery
from django.db.models.functions import Now


class AstronautStatus(models.Model):
    """Active, Retired, Deceased..."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "astronaut statuses"

    def __str__(self):
        return self.name


class AstronautType(models.Model):
    """Government, Private, Non-Human..."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class AstronautRole(models.Model):
    """A crew role (Commander, Pilot, Mission Specialist 1...); crews are listed by its priority."""

    role = models.CharField(max_length=255)
    priority = models.IntegerField(default=0)

    class Meta:
        ordering = ["priority", "id"]

    def __str__(self):
        return self.role


class AstronautQuerySet(models.QuerySet):
    def with_flight_dates(self):
        """Annotate `first_flight` and `last_flight`: the earliest and latest NET, not in the future,
        of the launches whose launch crew lists the astronaut.

        Crews belong to spacecraft flights (the `spacecraft` app); they are reached here by relation
        name, so this module imports nothing from that app.
        """
        flown = (
            AstronautFlight.objects.filter(astronaut=OuterRef("pk"), launch_flights__launch__net__lte=Now())
            .order_by()
            .values("astronaut")
        )
        return self.annotate(
            first_flight=Subquery(flown.annotate(net=Min("launch_flights__launch__net")).values("net")),
            last_flight=Subquery(flown.annotate(net=Max("launch_flights__launch__net")).values("net")),
        )


class Astronaut(models.Model):
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
    wiki = models.CharField(max_length=255, null=True, blank=True)
    profile_image = models.URLField(max_length=1024, null=True, blank=True)
    profile_image_thumbnail = models.URLField(max_length=1024, null=True, blank=True)

    objects = AstronautQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class AstronautFlight(models.Model):
    """One astronaut in one role, as listed in a flight's crew (LL2's `AstronautFlight`)."""

    role = models.ForeignKey(AstronautRole, on_delete=models.PROTECT, related_name="assignments")
    astronaut = models.ForeignKey(Astronaut, on_delete=models.PROTECT, related_name="assignments")

    class Meta:
        ordering = ["role__priority", "id"]
        verbose_name = "crew assignment"

    def __str__(self):
        return f"{self.astronaut} ({self.role})"
