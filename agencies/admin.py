"""Admin for agencies and their types."""

from django.contrib import admin

from agencies.models import Agency, AgencyType
from spacedevs.admin import LookupAdmin

admin.site.register(AgencyType, LookupAdmin)


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "abbrev", "type", "country_code", "parent", "featured"]
    list_filter = ["type", "featured"]
    search_fields = ["name", "abbrev", "country_code"]
    autocomplete_fields = ["type", "parent"]
    list_select_related = ["type", "parent"]
    ordering = ["name"]
