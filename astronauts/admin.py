"""Admin for astronauts and their crew assignments, and the crew rows that flights edit inline."""

import copy

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, RelatedFieldWidgetWrapper

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


class CrewMemberForm(forms.ModelForm):
    """A row of a crew (a row of its through table): pick the astronaut, pick the role.

    The row points to a crew assignment (`AstronautFlight`), LL2's crew entry. A new row, or a row whose
    astronaut or role changed, gets an assignment of its own: one another crew lists is never changed
    from here.
    """

    astronaut = forms.ModelChoiceField(queryset=Astronaut.objects.all())
    role = forms.ModelChoiceField(queryset=AstronautRole.objects.all())

    class Meta:
        fields = ["astronaut", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        assignment = getattr(self.instance, "astronautflight", None)
        if assignment is not None:
            self.initial.setdefault("astronaut", assignment.astronaut_id)
            self.initial.setdefault("role", assignment.role_id)

    def save(self, commit=True):
        astronaut, role = self.cleaned_data["astronaut"], self.cleaned_data["role"]
        assignment = getattr(self.instance, "astronautflight", None)
        if assignment is None or (assignment.astronaut_id, assignment.role_id) != (astronaut.pk, role.pk):
            self.instance.astronautflight = AstronautFlight.objects.create(astronaut=astronaut, role=role)
        return super().save(commit)


class CrewMemberInline(admin.TabularInline):
    """A crew edited on the page of what it crews, row by row: an astronaut (found by name, or added
    with the "+" beside it) and a role. A subclass names the crew's through table in `model`."""

    form = CrewMemberForm
    extra = 0

    def get_queryset(self, request):
        # Each row shows its assignment's astronaut and role.
        return super().get_queryset(request).select_related("astronautflight")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        fields = dict(formset.form.base_fields)
        for name in ["astronaut", "role"]:
            # The admin's own widgets for a relation: an autocomplete, with "+" to add one.
            relation = AstronautFlight._meta.get_field(name)
            related_admin = self.admin_site._registry[relation.related_model]
            fields[name] = copy.deepcopy(fields[name])
            fields[name].widget = RelatedFieldWidgetWrapper(
                AutocompleteSelect(relation, self.admin_site),
                relation.remote_field,
                self.admin_site,
                can_add_related=related_admin.has_add_permission(request),
                can_change_related=related_admin.has_change_permission(request),
                can_view_related=related_admin.has_view_permission(request),
            )
        formset.form.base_fields = fields
        return formset
