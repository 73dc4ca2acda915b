"""Admin for space stations and their docking ports."""

from django.contrib import admin

from spacedevs.admin import LookupAdmin, NamedByRelationsAdmin
from stations.models import DockingLocation, SpaceStation, SpaceStationStatus

admin.site.register(SpaceStationStatus, LookupAdmin)


@admin.register(SpaceStation)
class SpaceStationAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "orbit", "founded"]
    list_filter = ["status"]
    search_fields = ["name"]
    autocomplete_fields = ["status", "orbit"]
    list_select_related = ["status", "orbit"]
    ordering = ["name"]


@admin.register(DockingLocation)
class DockingLocationAdmin(NamedByRelationsAdmin):
    list_display = ["name", "spacestation"]
    list_filter = ["spacestation"]
    search_fields = ["name", "spacestation__name"]
    autocomplete_fields = ["spacestation"]
    list_select_related = ["spacestation"]
    ordering = ["spacestation__name", "name"]
