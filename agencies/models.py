"""Agencies: the organisations that build, launch and operate spacecraft."""

from django.db import models


class AgencyType(models.Model):
    """The kind of an agency (Government, Commercial, Multinational...); served as its name."""

    name = models.CharField(max_length=255, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Agency(models.Model):
    """A space agency, company or programme, keyed by its LL2 id."""

    name = models.CharField(max_length=200)
    featured = models.BooleanField(default=False)
    type = models.ForeignKey(
        AgencyType, null=True, blank=True, on_delete=models.PROTECT, related_name="agencies"
    )
    # LL2 keeps a comma-separated list of ISO 3166-1 alpha-3 codes here ("USA,FRA").
    country_code = models.CharField(max_length=1048, blank=True)
    abbrev = models.CharField(max_length=255, blank=True)
    description = models.TextField(null=True, blank=True)
    administrator = models.CharField(max_length=200, null=True, blank=True)
    founding_year = models.CharField(max_length=20, null=True, blank=True)
    launchers = models.CharField(max_length=500, blank=True)
    spacecraft = models.CharField(max_length=500, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    image_url = models.URLField(max_length=1024, null=True, blank=True)
    logo_url = models.URLField(max_length=1024, null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name
