"""Admin for spacecraft, their flights (with crews and dockings) and their configurations."""

from django.contrib import admin

from astronauts.admin import CrewMemberInline
from spacecraft.models import (
    DockingEvent,
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)
from spacedevs.admin import AnomalyWarningsMixin, LookupAdmin, NamedByRelationsAdmin
from stations.models import DockingLocation

admin.site.register(SpacecraftConfigType, LookupAdmin)


@admin.register(SpacecraftConfig)
class SpacecraftConfigAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "agency", "in_use", "human_rated", "crew_capacity"]
    list_filter = ["type", "in_use", "human_rated"]
    search_fields = ["name", "agency__name", "agency__abbrev"]
    autocomplete_fields = ["type", "agency"]
    list_select_related = ["type", "agency"]
    ordering = ["name"]


admin.site.register(SpacecraftStatus, LookupAdmin)


@admin.register(Spacecraft)
class SpacecraftAdmin(admin.ModelAdmin):
    list_display = ["name", "serial_number", "status", "spacecraft_config", "is_placeholder"]
    list_filter = ["status", "spacecraft_config__type", "is_placeholder"]
    search_fields = ["name", "serial_number", "spacecraft_config__name"]
    autocomplete_fields = ["status", "spacecraft_config"]
    list_select_related = ["status", "spacecraft_config"]
    ordering = ["name"]


class LaunchCrewInline(CrewMemberInline):
    model = SpacecraftFlight.launch_crew.through
    verbose_name = "launch crew member"
    verbose_name_plural = "launch crew"


class OnboardCrewInline(CrewMemberInline):
    model = SpacecraftFlight.onboard_crew.through
    verbose_name = "onboard crew member"
    verbose_name_plural = "onboard crew"


class LandingCrewInline(CrewMemberInline):
    model = SpacecraftFlight.landing_crew.through
    verbose_name = "landing crew member"
    verbose_name_plural = "landing crew"


class DockingEventInline(admin.TabularInline):
    model = DockingEvent
    autocomplete_fields = ["docking_location"]
    extra = 0

    def get_queryset(self, request):
        # A docking event's name shows its port, whose name shows its station.
        return super().get_queryset(request).select_related("docking_location__spacestation")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "docking_location":
            kwargs["queryset"] = DockingLocation.objects.select_related("spacestation")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(SpacecraftFlight)
class SpacecraftFlightAdmin(AnomalyWarningsMixin, NamedByRelationsAdmin):
    list_display = ["spacecraft", "launch", "launch_net", "mission_end"]
    list_filter = ["launch__status", "spacecraft__spacecraft_config__type"]
    search_fields = [
        "spacecraft__name",
        "spacecraft__serial_number",
        "launch__name",
        "launch__slug",
        "destination",
    ]
    autocomplete_fields = ["spacecraft", "launch", "landing"]
    list_select_related = ["spacecraft", "launch"]
    # The crews are edited in their inlines, a row per crew member.
    exclude = ["launch_crew", "onboard_crew", "landing_crew"]
    inlines = [LaunchCrewInline, OnboardCrewInline, LandingCrewInline, DockingEventInline]
    ordering = ["-launch__net", "-id"]

    @admin.display(description="launch NET", ordering="launch__net")
    def launch_net(self, obj):
        return obj.launch.net


@admin.register(DockingEvent)
class DockingEventAdmin(AnomalyWarningsMixin, admin.ModelAdmin):
    list_display = ["flight", "docking_location", "docking", "departure"]
    list_filter = ["docking_location__spacestation"]
    search_fields = [
        "flight__spacecraft__name",
        "flight__launch__name",
        "docking_location__spacestation__name",
        "docking_location__name",
    ]
    date_hierarchy = "docking"
    autocomplete_fields = ["flight", "docking_location"]
    list_select_related = [
        "flight__spacecraft",
        "flight__launch",
        "docking_location__spacestation",
    ]
    ordering = ["-docking"]
