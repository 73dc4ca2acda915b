"""Space stations and the ports where visiting spacecraft dock."""

from django.db import models


class SpaceStationStatus(models.Model):
    """Active, De-Orbited..."""

    name = models.CharField(max_length=255)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "space station statuses"

    def __str__(self):
        return self.name


class SpaceStation(models.Model):
    """A crewed orbital station (Salyut 6, Mir, the ISS...)."""

    name = models.CharField(max_length=255)
    status = models.ForeignKey(SpaceStationStatus, on_delete=models.PROTECT, related_name="stations")
    founded = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    orbit = models.ForeignKey(
        "launches.Orbit", null=True, blank=True, on_delete=models.PROTECT, related_name="stations"
    )
    image_url = models.URLField(max_length=1024, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class DockingLocation(models.Model):
    """A docking port of a station ("Salyut-6 aft", "Harmony forward")."""

    name = models.CharField(max_length=255)
    spacestation = models.ForeignKey(SpaceStation, on_delete=models.CASCADE, related_name="docking_locations")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.spacestation}: {self.name}"
