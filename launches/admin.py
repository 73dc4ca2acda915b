"""Admin for launches and what they refer to: rockets, missions, pads, programmes, landings."""

from django.contrib import admin
from django.utils import timezone

from launches.models import (
    FirstStage,
    FirstStageType,
    InfoURL,
    Landing,
    LandingLocation,
    LandingType,
    Launch,
    Launcher,
    LauncherConfig,
    LaunchStatus,
    Location,
    Mission,
    MissionPatch,
    MissionType,
    NetPrecision,
    Orbit,
    Pad,
    Program,
    Rocket,
    Update,
    VidURL,
)
from spacedevs.admin import LookupAdmin, LookupWithAbbrevAdmin, NamedByRelationsAdmin

admin.site.register(LaunchStatus, LookupWithAbbrevAdmin)


admin.site.register(NetPrecision, LookupWithAbbrevAdmin)


@admin.register(LauncherConfig)
class LauncherConfigAdmin(admin.ModelAdmin):
    list_display = ["name", "family", "variant", "manufacturer", "active", "reusable"]
    list_filter = ["active", "reusable", ("manufacturer", admin.RelatedOnlyFieldListFilter), "family"]
    search_fields = ["name", "full_name", "family", "variant", "alias", "manufacturer__name"]
    autocomplete_fields = ["manufacturer", "program"]
    list_select_related = ["manufacturer"]
    ordering = ["name"]


class FirstStageInline(admin.TabularInline):
    """A rocket's boosters (its `launcher_stage`), edited on the rocket."""

    model = FirstStage
    fk_name = "rocket"
    extra = 0
    autocomplete_fields = ["launcher", "type", "landing"]


@admin.register(Rocket)
class RocketAdmin(NamedByRelationsAdmin):
    list_display = ["id", "configuration", "launch_name"]
    search_fields = ["configuration__name", "configuration__full_name", "launch__name", "launch__slug"]
    autocomplete_fields = ["configuration"]
    inlines = [FirstStageInline]
    list_select_related = ["configuration", "launch"]
    ordering = ["-id"]

    @admin.display(description="launch", ordering="launch__name")
    def launch_name(self, obj):
        launch = getattr(obj, "launch", None)  # a rocket not yet attached to a launch has none
        return launch.name if launch else None


admin.site.register(Orbit, LookupWithAbbrevAdmin)


admin.site.register(MissionType, LookupAdmin)


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "orbit", "launch_designator"]
    list_filter = ["type", "orbit"]
    search_fields = ["name", "launch_designator"]
    autocomplete_fields = ["type", "orbit"]
    list_select_related = ["type", "orbit"]
    ordering = ["-id"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "country_code", "timezone_name", "total_launch_count", "total_landing_count"]
    search_fields = ["name", "country_code"]
    ordering = ["name"]


@admin.register(Pad)
class PadAdmin(NamedByRelationsAdmin):
    list_display = ["name", "location", "agency", "country_code", "total_launch_count"]
    search_fields = ["name", "location__name", "country_code"]
    autocomplete_fields = ["agency", "location"]
    list_select_related = ["location", "agency"]
    ordering = ["location__name", "name"]


@admin.register(MissionPatch)
class MissionPatchAdmin(admin.ModelAdmin):
    list_display = ["name", "priority", "agency"]
    search_fields = ["name", "agency__name"]
    autocomplete_fields = ["agency"]
    list_select_related = ["agency"]
    ordering = ["priority", "id"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "start_date", "end_date"]
    search_fields = ["name"]
    autocomplete_fields = ["agencies", "mission_patches"]
    ordering = ["name"]


class UpdateInline(admin.StackedInline):
    model = Update
    fields = ["created_by", "profile_image", "comment", "info_url", "created_on"]
    extra = 0


class InfoURLInline(admin.TabularInline):
    model = InfoURL
    extra = 0


class VidURLInline(admin.TabularInline):
    model = VidURL
    extra = 0


@admin.register(Launch)
class LaunchAdmin(admin.ModelAdmin):
    list_display = ["name", "net", "status", "launch_service_provider"]
    list_filter = ["status", ("launch_service_provider", admin.RelatedOnlyFieldListFilter), "webcast_live"]
    search_fields = ["name", "slug"]
    date_hierarchy = "net"
    autocomplete_fields = [
        "rocket",
        "mission",
        "pad",
        "launch_service_provider",
        "net_precision",
        "program",
        "mission_patches",
    ]
    list_select_related = ["status", "launch_service_provider", "pad__location"]
    readonly_fields = ["last_updated"]
    ordering = ["-net"]
    inlines = [UpdateInline, InfoURLInline, VidURLInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "last_updated"]}),
        (
            "When",
            {
                "description": "All times are UTC. The window opens at its start and closes at its end.",
                "fields": [
                    ("net", "net_precision"),
                    ("window_start", "window_end"),
                    "probability",
                    "weather_concerns",
                    "holdreason",
                    "failreason",
                ],
            },
        ),
        (
            "What flies, who flies it, from where",
            {"fields": ["launch_service_provider", "rocket", "mission", "pad", "program", "mission_patches"]},
        ),
        (
            "Coverage and links",
            {
                "fields": [
                    "webcast_live",
                    "hashtag",
                    "image",
                    "infographic",
                    "flightclub_url",
                    "r_spacex_api_id",
                ]
            },
        ),
        (
            "Launch attempt counters",
            {
                "description": "Ranks over LL2's whole history, served as stored (empty when unknown).",
                "classes": ["collapse"],
                "fields": [
                    ("orbital_launch_attempt_count", "orbital_launch_attempt_count_year"),
                    ("location_launch_attempt_count", "location_launch_attempt_count_year"),
                    ("pad_launch_attempt_count", "pad_launch_attempt_count_year"),
                    ("agency_launch_attempt_count", "agency_launch_attempt_count_year"),
                ],
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        """Bump `last_updated`: the API serves it, and every edit must show there."""
        obj.last_updated = timezone.now()
        super().save_model(request, obj, form, change)


admin.site.register(LandingType, LookupWithAbbrevAdmin)


@admin.register(LandingLocation)
class LandingLocationAdmin(admin.ModelAdmin):
    list_display = ["name", "abbrev", "location", "successful_landings"]
    search_fields = ["name", "abbrev", "location__name"]
    autocomplete_fields = ["location"]
    list_select_related = ["location"]
    ordering = ["name"]


@admin.register(Landing)
class LandingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "type", "location", "attempt", "success", "downrange_distance"]
    list_filter = ["attempt", "success", "type"]
    search_fields = ["description", "location__name", "type__name"]
    autocomplete_fields = ["location", "type"]
    list_select_related = ["type", "location"]
    ordering = ["-id"]


admin.site.register(FirstStageType, LookupAdmin)


@admin.register(Launcher)
class LauncherAdmin(admin.ModelAdmin):
    list_display = ["serial_number", "launcher_config", "status", "flight_proven"]
    list_filter = ["flight_proven", "status"]
    search_fields = ["serial_number", "status", "launcher_config__name", "launcher_config__full_name"]
    autocomplete_fields = ["launcher_config"]
    list_select_related = ["launcher_config"]
    ordering = ["serial_number", "id"]


@admin.register(FirstStage)
class FirstStageAdmin(NamedByRelationsAdmin):
    list_display = ["__str__", "rocket", "type", "launcher_flight_number", "reused"]
    list_filter = ["type", "reused"]
    search_fields = ["launcher__serial_number", "rocket__launch__name"]
    autocomplete_fields = ["rocket", "launcher", "type", "landing"]
    list_select_related = ["launcher", "rocket__configuration", "type"]
    ordering = ["-id"]


@admin.register(Update)
class UpdateAdmin(admin.ModelAdmin):
    list_display = ["__str__", "launch", "event", "program", "created_by", "created_on"]
    search_fields = ["comment", "created_by", "launch__name", "event__name", "program__name"]
    autocomplete_fields = ["launch", "event", "program"]
    list_select_related = ["launch", "event", "program"]
    ordering = ["-created_on", "-id"]


@admin.register(InfoURL)
class InfoURLAdmin(admin.ModelAdmin):
    list_display = ["__str__", "launch", "priority"]
    search_fields = ["title", "url", "launch__name"]
    autocomplete_fields = ["launch"]
    list_select_related = ["launch"]
    ordering = ["launch__name", "priority", "id"]


@admin.register(VidURL)
class VidURLAdmin(admin.ModelAdmin):
    list_display = ["__str__", "launch", "priority"]
    search_fields = ["title", "url", "launch__name"]
    autocomplete_fields = ["launch"]
    list_select_related = ["launch"]
    ordering = ["launch__name", "priority", "id"]
