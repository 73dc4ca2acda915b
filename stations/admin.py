"""Admin for space stations, their docking ports and their expeditions."""

from django.contrib import admin

from spacedevs.admin import AnomalyWarningsMixin, LookupAdmin, NamedByRelationsAdmin
from stations.models import DockingLocation, Expedition, SpaceStation, SpaceStationStatus, SpaceStationType

admin.site.register(SpaceStationStatus, LookupAdmin)
admin.site.register(SpaceStationType, LookupAdmin)


@admin.register(SpaceStation)
class SpaceStationAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "type", "orbit", "founded", "deorbited"]
    list_filter = ["status", "type"]
    search_fields = ["name", "owners__name", "owners__abbrev"]
    autocomplete_fields = ["status", "type", "orbit", "owners"]
    list_select_related = ["status", "type", "orbit"]
    ordering = ["name"]


@admin.register(DockingLocation)
class DockingLocationAdmin(NamedByRelationsAdmin):
    list_display = ["name", "spacestation"]
    list_filter = ["spacestation"]
    search_fields = ["name", "spacestation__name"]
    autocomplete_fields = ["spacestation"]
    list_select_related = ["spacestation"]
    ordering = ["spacestation__name", "name"]


@admin.register(Expedition)
class ExpeditionAdmin(AnomalyWarningsMixin, admin.ModelAdmin):
    list_display = ["name", "spacestation", "start", "end"]
    list_filter = ["spacestation"]
    search_fields = ["name", "spacestation__name", "crew__astronaut__name"]
    date_hierarchy = "start"
    autocomplete_fields = ["spacestation", "crew", "mission_patches"]
    list_select_related = ["spacestation"]
    ordering = ["-start", "-id"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "crew":
            # A crew member's name is its astronaut and role: fetch them with it for the widget. The
            # model is reached through the field: `astronauts` is not an app `stations` builds on.
            kwargs["queryset"] = db_field.remote_field.model.objects.select_related("astronaut", "role")
        return super().formfield_for_manytomany(db_field, request, **kwargs)
