"""Admin for space stations and their docking ports."""

from django.contrib import admin

from stations.models import DockingLocation, SpaceStation, SpaceStationStatus


@admin.register(SpaceStationStatus)
class SpaceStationStatusAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    ordering = ["id"]


@admin.register(SpaceStation)
class SpaceStationAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "orbit", "founded"]
    list_filter = ["status"]
    search_fields = ["name"]
    autocomplete_fields = ["status", "orbit"]
    list_select_related = ["status", "orbit"]
    ordering = ["name"]


@admin.register(DockingLocation)
class DockingLocationAdmin(admin.ModelAdmin):
    list_display = ["name", "spacestation"]
    list_filter = ["spacestation"]
    search_fields = ["name", "spacestation__name"]
    autocomplete_fields = ["spacestation"]
    list_select_related = ["spacestation"]
    ordering = ["spacestation__name", "name"]

    def get_queryset(self, request):
        # A port's name shows its station: join for every view (autocomplete too). The changelist
        # then adds no join of its own, so `list_select_related` covers the name's relations.
        return super().get_queryset(request).select_related(*self.list_select_related)
