"""Launches: where, when, on what and why a rocket flew, and the landings of what it carried."""

import uuid

from django.db import models
from django.utils import timezone


class LaunchStatus(models.Model):
    """The state of a launch: Go, TBD, Success, Failure..."""

    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True)
    description = models.CharField(max_length=2048, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "launch statuses"

    def __str__(self):
        return self.name


class NetPrecision(models.Model):
    """How precise a launch's NET is (second, minute, hour, day, month...)."""

    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True)
    description = models.CharField(max_length=2048, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class LauncherConfig(models.Model):
    """A rocket model ("Soyuz U", "Falcon 9 Block 5")."""

    name = models.CharField(max_length=200)
    family = models.CharField(max_length=200, blank=True)
    full_name = models.CharField(max_length=200, blank=True)
    variant = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "launcher configuration"

    def __str__(self):
        return self.full_name or self.name


class Rocket(models.Model):
    """The rocket of one launch: an instance of a launcher configuration."""

    configuration = models.ForeignKey(LauncherConfig, on_delete=models.PROTECT, related_name="rockets")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.configuration} #{self.pk}"


class Orbit(models.Model):
    """A target orbit ("Low Earth Orbit", LEO)."""

    name = models.CharField(max_length=50)
    abbrev = models.CharField(max_length=30)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class MissionType(models.Model):
    """The purpose of a mission ("Resupply", "Communications"); served as its name."""

    name = models.CharField(max_length=255, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Mission(models.Model):
    """What a launch is for, and where it goes."""

    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    launch_designator = models.CharField(max_length=255, null=True, blank=True)
    type = models.ForeignKey(
        MissionType, null=True, blank=True, on_delete=models.PROTECT, related_name="missions"
    )
    orbit = models.ForeignKey(Orbit, null=True, blank=True, on_delete=models.PROTECT, related_name="missions")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Location(models.Model):
    """A launch site (a cosmodrome or spaceport) holding one or more pads."""

    name = models.CharField(max_length=255)
    country_code = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    map_image = models.URLField(max_length=1024, null=True, blank=True)
    timezone_name = models.CharField(max_length=255, blank=True)
    # Totals over LL2's whole history, stored as LL2 stores them (see README, "Stored counters").
    total_launch_count = models.IntegerField(null=True, blank=True)
    total_landing_count = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Pad(models.Model):
    """A launch pad at a location."""

    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="pads"
    )
    name = models.CharField(max_length=255)
    description = models.TextField(null=True, blank=True)
    info_url = models.URLField(max_length=1024, null=True, blank=True)
    wiki_url = models.URLField(max_length=1024, null=True, blank=True)
    map_url = models.URLField(max_length=1024, null=True, blank=True)
    latitude = models.CharField(max_length=30, null=True, blank=True)
    longitude = models.CharField(max_length=30, null=True, blank=True)
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="pads")
    country_code = models.CharField(max_length=255, blank=True)
    map_image = models.URLField(max_length=1024, null=True, blank=True)
    total_launch_count = models.IntegerField(null=True, blank=True)
    orbital_launch_attempt_count = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.name} ({self.location})"


class MissionPatch(models.Model):
    """A mission or programme patch image."""

    name = models.CharField(max_length=200)
    priority = models.IntegerField(default=0)
    image_url = models.URLField(max_length=1024)
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="mission_patches"
    )

    class Meta:
        ordering = ["priority", "id"]
        verbose_name_plural = "mission patches"

    def __str__(self):
        return self.name


class Program(models.Model):
    """A programme that launches belong to (ISS, Commercial Resupply Services, Artemis...)."""

    name = models.CharField(max_length=255)
    description = models.TextField(null=True, blank=True)
    agencies = models.ManyToManyField("agencies.Agency", blank=True, related_name="programs")
    image_url = models.URLField(max_length=1024, blank=True)
    start_date = models.DateTimeField(null=True, blank=True)
    end_date = models.DateTimeField(null=True, blank=True)
    info_url = models.URLField(max_length=1024, null=True, blank=True)
    wiki_url = models.URLField(max_length=1024, null=True, blank=True)
    mission_patches = models.ManyToManyField(MissionPatch, blank=True, related_name="programs")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Launch(models.Model):
    """One launch attempt, keyed by its LL2 UUID."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=2048, unique=True)
    name = models.CharField(max_length=2048)
    status = models.ForeignKey(LaunchStatus, on_delete=models.PROTECT, related_name="launches")
    # Set to the time of the change by every edit in the admin; an import keeps the upstream's value.
    last_updated = models.DateTimeField(default=timezone.now)
    net = models.DateTimeField(null=True, blank=True, db_index=True)
    window_end = models.DateTimeField(null=True, blank=True)
    window_start = models.DateTimeField(null=True, blank=True)
    net_precision = models.ForeignKey(
        NetPrecision, null=True, blank=True, on_delete=models.PROTECT, related_name="launches"
    )
    probability = models.IntegerField(null=True, blank=True)
    weather_concerns = models.TextField(null=True, blank=True)
    holdreason = models.CharField(max_length=2048, null=True, blank=True)
    failreason = models.CharField(max_length=2048, null=True, blank=True)
    hashtag = models.CharField(max_length=2048, null=True, blank=True)
    launch_service_provider = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="launches"
    )
    rocket = models.OneToOneField(Rocket, on_delete=models.PROTECT, related_name="launch")
    mission = models.OneToOneField(
        Mission, null=True, blank=True, on_delete=models.SET_NULL, related_name="launch"
    )
    pad = models.ForeignKey(Pad, null=True, blank=True, on_delete=models.PROTECT, related_name="launches")
    webcast_live = models.BooleanField(default=False)
    image = models.URLField(max_length=1024, null=True, blank=True)
    infographic = models.URLField(max_length=1024, null=True, blank=True)
    program = models.ManyToManyField(Program, blank=True, related_name="launches")
    # Counters over LL2's whole history (see README, "Stored counters"): the launch's rank among all
    # orbital attempts, and among those of its location, pad and provider, overall and in its NET's year.
    orbital_launch_attempt_count = models.IntegerField(null=True, blank=True)
    location_launch_attempt_count = models.IntegerField(null=True, blank=True)
    pad_launch_attempt_count = models.IntegerField(null=True, blank=True)
    agency_launch_attempt_count = models.IntegerField(null=True, blank=True)
    orbital_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    location_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    pad_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    agency_launch_attempt_count_year = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["net", "id"]

    def __str__(self):
        return self.name


class LandingType(models.Model):
    """How something lands (parachute, ocean, runway, ...)."""

    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True)
    description = models.CharField(max_length=2048, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class LandingLocation(models.Model):
    """Where something lands (a droneship, a landing zone, a steppe)."""

    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True)
    description = models.CharField(max_length=2048, null=True, blank=True)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.PROTECT, related_name="landing_locations"
    )
    successful_landings = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class Landing(models.Model):
    """The landing (or planned end) of a spacecraft flight or a booster."""

    attempt = models.BooleanField(default=False)
    success = models.BooleanField(null=True, blank=True)
    description = models.CharField(max_length=2048, blank=True)
    downrange_distance = models.FloatField(null=True, blank=True)
    location = models.ForeignKey(
        LandingLocation, null=True, blank=True, on_delete=models.PROTECT, related_name="landings"
    )
    type = models.ForeignKey(
        LandingType, null=True, blank=True, on_delete=models.PROTECT, related_name="landings"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"Landing {self.pk}: {self.description[:60]}"
