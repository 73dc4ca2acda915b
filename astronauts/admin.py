"""Admin for astronauts and their crew assignments."""

from django.contrib import admin

from astronauts.models import Astronaut, AstronautFlight, AstronautRole, AstronautStatus, AstronautType
from spacedevs.admin import AnomalyWarningsMixin, LookupAdmin, NamedByRelationsAdmin

admin.site.register(AstronautStatus, LookupAdmin)


admin.site.register(AstronautType, LookupAdmin)


@admin.register(AstronautRole)
class AstronautRoleAdmin(admin.ModelAdmin):
    list_display = ["role", "priority"]
    search_fields = ["role"]
    ordering = ["priority", "id"]


@admin.register(Astronaut)
class AstronautAdmin(AnomalyWarningsMixin, admin.ModelAdmin):
    list_display = ["name", "status", "type", "agency", "nationality", "date_of_birth"]
    list_filter = ["status", "type"]
    search_fields = ["name", "nationality"]
    autocomplete_fields = ["status", "type", "agency"]
    list_select_related = ["status", "type", "agency"]
    ordering = ["name"]


@admin.register(AstronautFlight)
class AstronautFlightAdmin(NamedByRelationsAdmin):
    """Crew assignments: one astronaut in one role, listed in spacecraft flights' crews."""

    list_display = ["id", "astronaut", "role"]
    list_filter = ["role"]
    search_fields = ["astronaut__name", "role__role"]
    autocomplete_fields = ["astronaut", "role"]
    list_select_related = ["astronaut", "role"]
    ordering = ["astronaut__name", "role__priority", "id"]
