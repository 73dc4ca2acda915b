"""Admin for agencies and their types."""

from django.contrib import admin

from agencies.models import Agency, AgencyType
from spacedevs.admin import LookupAdmin

admin.site.register(AgencyType, LookupAdmin)


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "abbrev", "type", "country_code", "featured"]
    list_filter = ["type", "featured"]
    search_fields = ["name", "abbrev", "country_code"]
    autocomplete_fields = ["type", "parent"]
    list_select_related = ["type", "parent"]
    ordering = ["name"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "abbrev",
                    "type",
                    "featured",
                    "country_code",
                    "parent",
                    "description",
                    "administrator",
                    "founding_year",
                    "launchers",
                    "spacecraft",
                ]
            },
        ),
        (
            "Links and images",
            {"fields": ["info_url", "wiki_url", "launch_library_url", "image_url", "logo_url", "nation_url"]},
        ),
        (
            "Launch and landing counters",
            {
                "description": "Totals over LL2's whole history, served as stored (empty when unknown).",
                "fields": [
                    ("total_launch_count", "pending_launches"),
                    ("successful_launches", "failed_launches", "consecutive_successful_launches"),
                    ("attempted_landings", "successful_landings", "failed_landings"),
                    "consecutive_successful_landings",
                ],
            },
        ),
    ]
