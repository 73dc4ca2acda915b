"""Space stations, the ports where visiting spacecraft dock, and the expeditions that crew them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now

from spacedevs.db.models import Model


class SpaceStationStatus(Model):
    """Active, De-Orbited..."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "space station statuses"

    def __str__(self):
        return self.name


class SpaceStationType(Model):
    """Government, Commercial, Research..."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class SpaceStation(Model):
    """A crewed orbital station (Salyut 6, Mir, the ISS...).

    What LL2 derives (its active expeditions, onboard crew, docked vehicles) is not stored: the
    selectors of the station endpoints compute it in SQL.
    """

    name = models.CharField(max_length=255)
    status = models.ForeignKey(SpaceStationStatus, on_delete=models.PROTECT, related_name="stations")
    # Nullable: the LL2 reference files name the stations of the demo without their type.
    type = models.ForeignKey(
        SpaceStationType, null=True, blank=True, on_delete=models.PROTECT, related_name="stations"
    )
    founded = models.DateField(null=True, blank=True)
    deorbited = models.DateField(null=True, blank=True)
    height = models.FloatField("height (m)", null=True, blank=True)
    width = models.FloatField("width (m)", null=True, blank=True)
    mass = models.FloatField("mass (T)", null=True, blank=True)
    volume = models.IntegerField("volume (m³)", null=True, blank=True)
    description = models.TextField(blank=True)
    orbit = models.ForeignKey(
        "launches.Orbit", null=True, blank=True, on_delete=models.PROTECT, related_name="stations"
    )
    owners = models.ManyToManyField("agencies.Agency", blank=True, related_name="spacestations")
    image_url = models.URLField(max_length=1024, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class DockingLocation(Model):
    """A docking port of a station ("Salyut-6 aft", "Harmony forward")."""

    name = models.CharField(max_length=255)
    spacestation = models.ForeignKey(SpaceStation, on_delete=models.CASCADE, related_name="docking_locations")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.spacestation}: {self.name}"


class ExpeditionQuerySet(models.QuerySet):
    def active(self):
        """The expeditions under way: started, and not ended yet (no end, or an end in the future)."""
        return self.filter(Q(start__lte=Now()), Q(end__isnull=True) | Q(end__gt=Now()))


class Expedition(Model):
    """A crew's stay aboard a station ("Expedition 64"), from start to end."""

    name = models.CharField(max_length=255)
    start = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)
    spacestation = models.ForeignKey(SpaceStation, on_delete=models.PROTECT, related_name="expeditions")
    crew = models.ManyToManyField("astronauts.AstronautFlight", blank=True, related_name="expeditions")
    mission_patches = models.ManyToManyField("launches.MissionPatch", blank=True, related_name="expeditions")

    objects = ExpeditionQuerySet.as_manager()

    ANOMALIES = {"it ends before it starts": Q(end__lt=F("start"))}

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": "The expedition cannot end before it starts."})
