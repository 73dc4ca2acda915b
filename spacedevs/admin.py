"""Admin pieces every app shares, and the admin site's name."""

from django.contrib import admin

admin.site.site_header = "spacedevs administration"
admin.site.site_title = "spacedevs administration"
# The list of every model beside each page takes 280 px of a 1280 px screen, which the lists need; the
# breadcrumbs and the home page lead everywhere it does.
admin.site.enable_nav_sidebar = False


class LookupAdmin(admin.ModelAdmin):
    """A lookup table (a status, a type): its names, searchable, in LL2's id order."""

    list_display = ["id", "name"]
    search_fields = ["name"]
    ordering = ["id"]


class LookupWithAbbrevAdmin(LookupAdmin):
    list_display = ["id", "name", "abbrev"]
    search_fields = ["name", "abbrev"]


class NamedByRelationsAdmin(admin.ModelAdmin):
    """For a model whose name (`__str__`) shows related rows: `list_select_related` is joined in every
    view, autocomplete and inline choices too, not only in the changelist (which then adds no join of
    its own, so the same list covers the columns)."""

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.list_select_related)
