"""Agencies: the organisations that build, launch and operate spacecraft."""

from django.db import models

from spacedevs.db.models import Model


class AgencyType(Model):
    """The kind of an agency (Government, Commercial, Multinational...); served as its name."""

    name = models.CharField(max_length=255, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Agency(Model):
    """A space agency, company or programme, keyed by its LL2 id.

    Its launch and landing counters (`total_launch_count` ... `consecutive_successful_landings`) are
    facts about LL2's whole history, like a pad's or a location's totals (README, "Stored counters"):
    they are stored as LL2 stores them (nullable integers, null when unknown) and served as stored,
    never derived from the launches this database happens to hold, which are only part of that history.
    A mirror imports LL2's values; an instance that is its own source of truth recomputes them from its
    launches and landings with the `recount` command (issue 4), not per request.
    """

    name = models.CharField(max_length=200)
    featured = models.BooleanField(default=False)
    type = models.ForeignKey(
        AgencyType, null=True, blank=True, on_delete=models.PROTECT, related_name="agencies"
    )
    # LL2 keeps a comma-separated list of ISO 3166-1 alpha-3 codes here ("USA,FRA"; some have spaces).
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
    # The agency's page in Launch Library 1.4, LL2's predecessor; none for agencies added since.
    launch_library_url = models.URLField(max_length=1024, null=True, blank=True)
    total_launch_count = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    consecutive_successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    pending_launches = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    consecutive_successful_landings = models.IntegerField(null=True, blank=True)
    info_url = models.URLField(max_length=1024, null=True, blank=True)
    wiki_url = models.URLField(max_length=1024, null=True, blank=True)
    image_url = models.URLField(max_length=1024, null=True, blank=True)
    logo_url = models.URLField(max_length=1024, null=True, blank=True)
    nation_url = models.URLField(max_length=1024, null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name
