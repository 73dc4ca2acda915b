"""Admin for events, and for the Starship dashboard's road closures, notices and live streams."""

from django.contrib import admin

from events.models import Event, EventType, LiveStream, Notice, NoticeType, RoadClosure, RoadClosureStatus
from launches.models import Update
from spacedevs.admin import LookupAdmin

admin.site.register(EventType, LookupAdmin)
admin.site.register(NoticeType, LookupAdmin)
admin.site.register(RoadClosureStatus, LookupAdmin)


class EventUpdateInline(admin.StackedInline):
    """An event's updates, edited on the event."""

    model = Update
    fk_name = "event"
    fields = ["created_by", "profile_image", "comment", "info_url", "created_on"]
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    # `webcast_live` is a filter only: as a column too, the list is wider than a 1280 px screen.
    list_display = ["name", "date", "type", "location"]
    list_filter = ["type", "webcast_live"]
    search_fields = ["name", "slug", "location"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["type", "launches", "expeditions", "spacestations", "program"]
    list_select_related = ["type"]
    ordering = ["-date"]
    inlines = [EventUpdateInline]


@admin.register(RoadClosure)
class RoadClosureAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "window_start", "window_end"]
    list_filter = ["status"]
    search_fields = ["title"]
    date_hierarchy = "window_start"
    list_select_related = ["status"]
    ordering = ["-window_start"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "type", "date", "url"]
    list_filter = ["type"]
    search_fields = ["url", "type__name"]
    list_select_related = ["type"]
    ordering = ["-date"]


@admin.register(LiveStream)
class LiveStreamAdmin(admin.ModelAdmin):
    list_display = ["title", "url"]
    search_fields = ["title", "description", "url"]
    ordering = ["id"]
