"""Admin pieces every app shares, the admin site's name, and the admin of API keys."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse

from spacedevs.models import ApiKey

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


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """API keys: made here (the key is shown once, on the page after saving), renamed, re-rated, turned
    off. The secret itself can never be seen again nor changed; a lost key is replaced by a new one."""

    list_display = ["name", "prefix", "rate", "active", "created"]
    list_filter = ["active"]
    search_fields = ["name", "prefix"]
    fields = ["name", "rate", "active", "prefix", "created"]
    readonly_fields = ["prefix", "created"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.new_key = obj.set_new_key()
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        context = {
            **self.admin_site.each_context(request),
            "title": "API key made",
            "opts": self.opts,
            "api_key": obj,
            "key": obj.new_key,
            "changelist_url": reverse("admin:spacedevs_apikey_changelist"),
        }
        return TemplateResponse(request, "admin/spacedevs/apikey/created.html", context)


def anomalies_of(model, pk) -> list[str]:
    """What is impossible about the object `pk` of `model`, by its model's `ANOMALIES` (`{what is wrong:
    the Q that finds the rows where it is}`): the descriptions of those it matches."""
    rules = getattr(model, "ANOMALIES", {})
    return [text for text, rule in rules.items() if model._default_manager.filter(rule, pk=pk).exists()]


class AnomalyWarningsMixin:
    """A ModelAdmin whose change page warns of the impossible data (`anomalies_of`) its object holds, as
    `manage.py check_data` lists them: what a curator should correct."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET" and object_id:
            try:
                problems = anomalies_of(self.model, object_id)
            except (ValueError, ValidationError):
                problems = []  # not an id: the admin answers as it does for any
            for problem in problems:
                messages.warning(request, f"Impossible data: {problem} (see manage.py check_data).")
        return super().change_view(request, object_id, form_url, extra_context)
