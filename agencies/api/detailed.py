"""The agency endpoint's detailed shape: an agency with its launcher and spacecraft configurations."""

from rest_framework import serializers

from agencies.models import Agency
from launches.api.serializers import LauncherConfigForAgencySerializer
from spacecraft.api.serializers import SpacecraftConfigDetailedSerializer
from spacedevs.api.fields import LinkField, NameField


class AgencyDetailedSerializer(serializers.ModelSerializer):
    """An agency in full: the detail, and a list with `?mode=detailed` (LL2's `AgencySerializerDetailed`).

    Its queryset is `agencies.selectors.agencies_detailed()`. The counters are stored (see `Agency`).
    """

    url = LinkField("agency-detail")
    type = NameField()
    parent = NameField()
    launcher_list = LauncherConfigForAgencySerializer(many=True, source="launcher_configs")
    spacecraft_list = SpacecraftConfigDetailedSerializer(many=True, source="spacecraft_configs")

    class Meta:
        model = Agency
        fields = [
            "id",
            "url",
            "name",
            "featured",
            "type",
            "country_code",
            "abbrev",
            "description",
            "administrator",
            "founding_year",
            "launchers",
            "spacecraft",
            "parent",
            "launch_library_url",
            "total_launch_count",
            "successful_launches",
            "consecutive_successful_launches",
            "failed_launches",
            "pending_launches",
            "successful_landings",
            "failed_landings",
            "attempted_landings",
            "consecutive_successful_landings",
            "info_url",
            "wiki_url",
            "logo_url",
            "image_url",
            "nation_url",
            "launcher_list",
            "spacecraft_list",
        ]
