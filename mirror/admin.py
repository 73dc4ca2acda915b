"""Admin for what the mirror keeps for itself: where each sync stands, and the pages it skipped."""

from django.contrib import admin

from mirror.models import SkippedPage, SyncState


@admin.register(SyncState)
class SyncStateAdmin(admin.ModelAdmin):
    list_display = ["api_root", "kind", "synced_at", "started_at", "next_url"]
    list_filter = ["kind"]
    search_fields = ["api_root"]
    readonly_fields = ["followed"]
    ordering = ["api_root", "kind"]


@admin.register(SkippedPage)
class SkippedPageAdmin(admin.ModelAdmin):
    """The upstream's pages `sync_ll2` could not import, with their problems; read-only."""

    list_display = ["url", "kind", "skipped_at"]
    list_filter = ["kind"]
    search_fields = ["url", "problems"]
    ordering = ["-skipped_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
