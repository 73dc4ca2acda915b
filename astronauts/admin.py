"""Admin for astronauts and their crew assignments."""

from django.contrib import admin

from astronauts.models import Astronaut, AstronautFlight, AstronautRole, AstronautStatus, AstronautType


@admin.register(AstronautStatus)
class AstronautStatusAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    ordering = ["id"]


@admin.register(AstronautType)
class AstronautTypeAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    ordering = ["id"]


@admin.register(AstronautRole)
class AstronautRoleAdmin(admin.ModelAdmin):
    list_display = ["role", "priority"]
    search_fields = ["role"]
    ordering = ["priority", "id"]


@admin.register(Astronaut)
class AstronautAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "type", "agency", "nationality", "date_of_birth"]
    list_filter = ["status", "type"]
    search_fields = ["name", "nationality"]
    autocomplete_fields = ["status", "type", "agency"]
    list_select_related = ["status", "type", "agency"]
    ordering = ["name"]


@admin.register(AstronautFlight)
class AstronautFlightAdmin(admin.ModelAdmin):
    """Crew assignments: one astronaut in one role, listed in spacecraft flights' crews."""

    list_display = ["id", "astronaut", "role"]
    list_filter = ["role"]
    search_fields = ["astronaut__name", "role__role"]
    autocomplete_fields = ["astronaut", "role"]
    list_select_related = ["astronaut", "role"]
    ordering = ["astronaut__name", "role__priority", "id"]

    def get_queryset(self, request):
        # An assignment's name shows its astronaut and role: join for every view (autocomplete too). The
        # changelist then adds no join of its own, so `list_select_related` covers the name's relations.
        return super().get_queryset(request).select_related(*self.list_select_related)
