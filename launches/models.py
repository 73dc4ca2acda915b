"""Launches: where, when, on what and why a rocket flew, and the landings of what it carried."""

import datetime
import uuid

from django.db import models
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from spacedevs.db.models import Model


class LaunchStatus(Model):
    """The state of a launch: Go, TBD, Success, Failure...

    LL2's ids name the statuses everywhere (`?status__ids=3,4`); those below decide a launch's outcome
    in the counters `manage.py recount` derives (`mirror.recount`) and in the launch filters.
    """

    GO, TBD, SUCCESS, FAILURE, HOLD, IN_FLIGHT, PARTIAL_FAILURE, TBC = 1, 2, 3, 4, 5, 6, 7, 8
    SUCCESSFUL = (SUCCESS,)
    FAILED = (FAILURE, PARTIAL_FAILURE)
    # Launched: the rocket has left the pad, whatever came of it.
    LAUNCHED = (SUCCESS, FAILURE, PARTIAL_FAILURE, IN_FLIGHT)
    PENDING = (GO, TBD, HOLD, TBC)
    # Completed: flown, with its outcome known (`?hide_recent_previous=true` hides these; a booster's
    # `flights` count them).
    COMPLETED = SUCCESSFUL + FAILED

    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True)
    description = models.CharField(max_length=2048, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "launch statuses"

    def __str__(self):
        return self.name


class NetPrecision(Model):
    """How precise a launch's NET is (second, minute, hour, day, month...)."""

    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True)
    description = models.CharField(max_length=2048, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "NET precision"

    def __str__(self):
        return self.name


class LauncherConfig(Model):
    """A rocket model ("Soyuz U", "Falcon 9 Block 5").

    Its launch counters (`total_launch_count`, `successful_launches`...) are facts about LL2's whole
    history, which a mirror holds only part of: they are stored as LL2 serves them (README, "Stored
    counters").
    """

    name = models.CharField(max_length=200)
    # Unknown (null) until a source says: LL2's older payloads do not carry them.
    active = models.BooleanField(null=True, blank=True)
    reusable = models.BooleanField(null=True, blank=True)
    description = models.TextField(blank=True)
    family = models.CharField(max_length=200, blank=True)
    full_name = models.CharField(max_length=200, blank=True)
    manufacturer = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="launcher_configs"
    )
    program = models.ManyToManyField("Program", blank=True, related_name="launcher_configs")
    variant = models.CharField(max_length=200, blank=True)
    alias = models.CharField(max_length=200, blank=True)
    min_stage = models.IntegerField(null=True, blank=True)
    max_stage = models.IntegerField(null=True, blank=True)
    length = models.FloatField("length (m)", null=True, blank=True)
    diameter = models.FloatField("max diameter (m)", null=True, blank=True)
    maiden_flight = models.DateField("maiden flight date", null=True, blank=True)
    # LL2 keeps the cost as text ("52000000"), in US dollars.
    launch_cost = models.CharField("launch cost ($)", max_length=200, null=True, blank=True)
    launch_mass = models.IntegerField("mass at launch (t)", null=True, blank=True)
    leo_capacity = models.IntegerField("LEO capacity (kg)", null=True, blank=True)
    gto_capacity = models.IntegerField("GTO capacity (kg)", null=True, blank=True)
    to_thrust = models.IntegerField("thrust at liftoff (kN)", null=True, blank=True)
    apogee = models.IntegerField("apogee, sub-orbital only (km)", null=True, blank=True)
    vehicle_range = models.IntegerField("vehicle range (legacy)", null=True, blank=True)
    image_url = models.URLField(max_length=1024, null=True, blank=True)
    info_url = models.URLField(max_length=1024, null=True, blank=True)
    wiki_url = models.URLField(max_length=1024, null=True, blank=True)
    # The configuration's id in Launch Library 1, LL2's predecessor; none for those added since.
    launch_library_id = models.IntegerField(null=True, blank=True)

    total_launch_count = models.IntegerField(null=True, blank=True)
    consecutive_successful_launches = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    pending_launches = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "launcher configuration"

    def __str__(self):
        return self.full_name or self.name


class Rocket(Model):
    """The rocket of one launch: an instance of a launcher configuration."""

    configuration = models.ForeignKey(LauncherConfig, on_delete=models.PROTECT, related_name="rockets")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.configuration} #{self.pk}"


class Orbit(Model):
    """A target orbit ("Low Earth Orbit", LEO)."""

    name = models.CharField(max_length=50)
    abbrev = models.CharField(max_length=30)

    # The names LL2 has given the suborbital "orbit" ("Sub-Orbital" until 2021, "Suborbital" since).
    SUBORBITAL_NAMES = ("Suborbital", "Sub-Orbital")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class MissionType(Model):
    """The purpose of a mission ("Resupply", "Communications"); served as its name."""

    name = models.CharField(max_length=255, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Mission(Model):
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


class Location(Model):
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


class Pad(Model):
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


class MissionPatch(Model):
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


class Program(Model):
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


def _per_rocket(stages, total):
    """A correlated subquery: `total` aggregated over the `stages` of the outer launch's rocket (NULL when
    it has none)."""
    grouped = stages.filter(rocket=OuterRef("rocket")).order_by().values("rocket")
    return Subquery(grouped.annotate(total=total).values("total"))


class LaunchQuerySet(models.QuerySet):
    # LL2's upcoming launches include those of the last 24 hours.
    RECENT = datetime.timedelta(hours=24)

    def upcoming(self):
        """Launches whose NET is no earlier than 24 hours ago, soonest first (LL2's `launch/upcoming/`)."""
        return self.filter(net__gte=timezone.now() - self.RECENT).order_by("net", "id")

    def previous(self):
        """Launches whose NET has passed, most recent first (LL2's `launch/previous/`)."""
        return self.filter(net__lt=timezone.now()).order_by("-net", "id")

    def with_stage_summary(self):
        """Annotate what LL2's short launch (`?mode=list`) says about the boosters of the rocket:

        - `stages_launcher`: the booster's serial number, or "MX Launchers" when several fly;
        - `stages_landing`: the abbreviation of the landing location of the one booster landing, or
          "MX Landing" when several boosters have a landing;
        - `stages_landing_success`: over those landings, 1 when all succeeded, 2 when some failed and none
          succeeded, 3 when some succeeded and others failed or are not known yet, 0 otherwise (none
          known yet);
        each null when no booster flies (or has a landing).
        """
        stages = FirstStage.objects.all()
        landed = stages.filter(landing__isnull=False)
        return self.alias(
            stage_count=Coalesce(_per_rocket(stages, Count("pk")), 0),
            landing_count=Coalesce(_per_rocket(landed, Count("pk")), 0),
            landing_successes=Coalesce(_per_rocket(landed, Count("pk", filter=Q(landing__success=True))), 0),
            landing_failures=Coalesce(_per_rocket(landed, Count("pk", filter=Q(landing__success=False))), 0),
        ).annotate(
            stages_launcher=Case(
                When(stage_count=1, then=_per_rocket(stages, Max("launcher__serial_number"))),
                When(stage_count__gt=1, then=Value("MX Launchers")),
                default=None,
                output_field=models.CharField(),
            ),
            stages_landing=Case(
                When(landing_count=1, then=_per_rocket(landed, Max("landing__location__abbrev"))),
                When(landing_count__gt=1, then=Value("MX Landing")),
                default=None,
                output_field=models.CharField(),
            ),
            stages_landing_success=Case(
                When(landing_count=0, then=None),
                When(
                    Q(landing_successes__gt=0)
                    & (
                        Q(landing_failures__gt=0)
                        | Q(landing_count__gt=F("landing_successes") + F("landing_failures"))
                    ),
                    then=Value(3),
                ),
                When(landing_failures__gt=0, then=Value(2)),
                When(landing_count=F("landing_successes"), then=Value(1)),
                default=Value(0),
                output_field=models.IntegerField(),
            ),
        )


class Launch(Model):
    """One launch attempt, keyed by its LL2 UUID."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=2048, unique=True)
    name = models.CharField(max_length=2048)
    status = models.ForeignKey(LaunchStatus, on_delete=models.PROTECT, related_name="launches")
    # Set to the time of the change by every edit in the admin; an import keeps the upstream's value.
    last_updated = models.DateTimeField(default=timezone.now)
    # NET: "no earlier than", the time the launch is planned for.
    net = models.DateTimeField("NET", null=True, blank=True, db_index=True)
    window_end = models.DateTimeField(null=True, blank=True)
    window_start = models.DateTimeField(null=True, blank=True)
    net_precision = models.ForeignKey(
        NetPrecision,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="launches",
        verbose_name="NET precision",
    )
    probability = models.IntegerField(null=True, blank=True)
    weather_concerns = models.TextField(null=True, blank=True)
    holdreason = models.CharField("hold reason", max_length=2048, null=True, blank=True)
    failreason = models.CharField("fail reason", max_length=2048, null=True, blank=True)
    hashtag = models.CharField(max_length=2048, null=True, blank=True)
    launch_service_provider = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="launches"
    )
    rocket = models.OneToOneField(Rocket, on_delete=models.PROTECT, related_name="launch")
    # LL2 gives several launches one mission (the test launches of a programme share it).
    mission = models.ForeignKey(
        Mission, null=True, blank=True, on_delete=models.SET_NULL, related_name="launches"
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
    # Flight Club's simulation of the launch's trajectory, where it has one.
    flightclub_url = models.URLField(max_length=1024, null=True, blank=True)
    # The launch's id in the r/SpaceX API (SpaceX launches only).
    r_spacex_api_id = models.CharField("r/SpaceX API id", max_length=255, null=True, blank=True)
    mission_patches = models.ManyToManyField(MissionPatch, blank=True, related_name="launches")

    objects = LaunchQuerySet.as_manager()

    class Meta:
        ordering = ["net", "id"]
        verbose_name_plural = "launches"
        indexes = [
            # `launch/` and `launch/upcoming/` page by NET, ties by id: a page is read from the index in
            # order, with no sort of the rows before it, however many launches there are.
            models.Index(fields=["net", "id"], name="launch_net_id"),
            # A spacecraft's time in space, and whether it is in space, read its flights' launch dates
            # by key from this index alone (PostgreSQL), not from the wide rows of the table.
            models.Index(fields=["id"], include=["net"], name="launch_id_net"),
        ]

    def __str__(self):
        return self.name


class LandingType(Model):
    """How something lands (parachute, ocean, runway, ...)."""

    name = models.CharField(max_length=255)
    abbrev = models.CharField(max_length=255, blank=True)
    description = models.CharField(max_length=2048, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


class LandingLocation(Model):
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


class Landing(Model):
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


class FirstStageType(Model):
    """The role of a booster on a rocket (Core, Strap-On Booster); served as its name."""

    name = models.CharField(max_length=50, unique=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name


def _per_launcher(stages, total):
    """A correlated subquery: `total` aggregated over the `stages` of the outer booster (NULL when none)."""
    grouped = stages.filter(launcher=OuterRef("pk")).order_by().values("launcher")
    return Subquery(grouped.annotate(total=total).values("total"))


class LauncherQuerySet(models.QuerySet):
    def with_flight_stats(self):
        """Annotate each booster with what LL2 derives from its flights, the stages of its launches
        that have flown (`LaunchStatus.COMPLETED`: successful, failed or partially failed):

        - `flights`: how many; `first_launch_date` and `last_launch_date`: their earliest and latest NET;
        - `attempted_landings` and `successful_landings`: their landings attempted, and succeeded.
        """
        flown = FirstStage.objects.filter(rocket__launch__status__in=LaunchStatus.COMPLETED)
        return self.annotate(
            flights=Coalesce(_per_launcher(flown, Count("pk")), 0),
            attempted_landings=Coalesce(_per_launcher(flown.filter(landing__attempt=True), Count("pk")), 0),
            successful_landings=Coalesce(_per_launcher(flown.filter(landing__success=True), Count("pk")), 0),
            first_launch_date=_per_launcher(flown, Min("rocket__launch__net")),
            last_launch_date=_per_launcher(flown, Max("rocket__launch__net")),
        )


class Launcher(Model):
    """One physical booster (a first stage or core, "B1058") that flies on launches' rockets.

    Its `flights`, landings and first and last launch dates are not stored:
    `Launcher.objects.with_flight_stats()` derives them in SQL from its stages.
    """

    serial_number = models.CharField(max_length=10, null=True, blank=True)
    flight_proven = models.BooleanField(default=False)
    # LL2 serves the status as text ("active", "retired", "expended", "lost", "unknown").
    status = models.CharField(max_length=2048, blank=True)
    details = models.CharField(max_length=2048, blank=True)
    image_url = models.URLField(max_length=1024, null=True, blank=True)
    launcher_config = models.ForeignKey(LauncherConfig, on_delete=models.PROTECT, related_name="launchers")

    objects = LauncherQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = "booster"

    def __str__(self):
        return self.serial_number or f"Booster {self.pk}"


class FirstStageQuerySet(models.QuerySet):
    def with_previous_flight(self):
        """Annotate each stage with its booster's previous flight: the launch of the booster's stage with
        the latest NET before this launch's (`previous_flight_id`, `previous_flight_name`,
        `previous_flight_date`), and `turn_around_time`, this launch's NET minus that one's."""
        earlier = FirstStage.objects.filter(
            launcher=OuterRef("launcher"), rocket__launch__net__lt=OuterRef("rocket__launch__net")
        ).order_by("-rocket__launch__net", "-rocket__launch__id")
        return self.annotate(
            previous_flight_id=Subquery(earlier.values("rocket__launch__id")[:1]),
            previous_flight_name=Subquery(earlier.values("rocket__launch__name")[:1]),
            previous_flight_date=Subquery(earlier.values("rocket__launch__net")[:1]),
            turn_around_time=ExpressionWrapper(
                F("rocket__launch__net") - F("previous_flight_date"), output_field=models.DurationField()
            ),
        )


class FirstStage(Model):
    """A booster on one launch's rocket: which booster, in which role, its flight number and landing.

    Its previous flight and the turnaround since are not stored:
    `FirstStage.objects.with_previous_flight()` derives them in SQL from the booster's other stages.
    """

    rocket = models.ForeignKey(Rocket, on_delete=models.CASCADE, related_name="launcher_stages")
    launcher = models.ForeignKey(Launcher, on_delete=models.PROTECT, related_name="stages")
    type = models.ForeignKey(FirstStageType, on_delete=models.PROTECT, related_name="stages")
    reused = models.BooleanField(null=True, blank=True)
    # The booster's count of flights with this one, as LL2 records it.
    launcher_flight_number = models.IntegerField(null=True, blank=True)
    landing = models.OneToOneField(
        Landing, null=True, blank=True, on_delete=models.SET_NULL, related_name="first_stage"
    )

    objects = FirstStageQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = "booster flight"

    def __str__(self):
        return f"{self.launcher} on rocket {self.rocket_id}"


class LaunchLink(Model):
    """What LL2's `infoURLs` and `vidURLs` share: a titled link of a launch, in priority order."""

    priority = models.IntegerField(default=0)
    title = models.CharField(max_length=200, null=True, blank=True)
    description = models.CharField(max_length=350, null=True, blank=True)
    feature_image = models.URLField(max_length=1024, null=True, blank=True)
    url = models.URLField(max_length=1024)

    class Meta:
        abstract = True
        ordering = ["priority", "id"]

    def __str__(self):
        return self.title or self.url


class InfoURL(LaunchLink):
    """A page about a launch (a press kit, a mission page), in priority order."""

    launch = models.ForeignKey(Launch, on_delete=models.CASCADE, related_name="info_urls")

    class Meta(LaunchLink.Meta):
        verbose_name = "info URL"


class VidURL(LaunchLink):
    """A video of a launch (its webcast, a replay), in priority order."""

    launch = models.ForeignKey(Launch, on_delete=models.CASCADE, related_name="vid_urls")

    class Meta(LaunchLink.Meta):
        verbose_name = "video URL"


class Update(Model):
    """A curator's note (a new NET, a scrub, liftoff), newest first: LL2's `updates/`. It is about a
    launch, an event (`events.Event`) or a programme, each listed by its own `updates`."""

    launch = models.ForeignKey(
        Launch, null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )
    # The author's avatar, and their name, as the update was posted.
    profile_image = models.URLField(max_length=1024, blank=True)
    created_by = models.CharField(max_length=255)
    comment = models.TextField(null=True, blank=True)
    info_url = models.URLField(max_length=1024, null=True, blank=True)
    created_on = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_on", "-id"]

    def __str__(self):
        return f"{self.created_by}: {(self.comment or '')[:60]}"
