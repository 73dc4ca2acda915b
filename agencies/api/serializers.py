"""The agency shapes other payloads embed: LL2's mini, normal, launch and station agencies."""

from rest_framework import serializers

from agencies.models import Agency, AgencyType
from spacedevs.api.fields import LinkField, NameField


class AgencyMiniSerializer(serializers.ModelSerializer):
    """An agency embedded in another object (LL2's `AgencySerializerMini`)."""

    url = LinkField("agency-detail")
    type = NameField()

    class Meta:
        model = Agency
        fields = ["id", "url", "name", "type"]


class AgencySerializer(serializers.ModelSerializer):
    """An agency with its descriptive fields (LL2's `Agency`, as a spacecraft configuration embeds it)."""

    url = LinkField("agency-detail")
    type = NameField()
    parent = NameField()

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
            "image_url",
            "logo_url",
        ]


class AgencyForLaunchSerializer(serializers.ModelSerializer):
    """An agency with its counters and links (LL2's `AgencySerializerDetailedCommon`): a launch detail's
    `launch_service_provider`, and the `manufacturer` of a launcher configuration in full (a launch
    detail's rocket).

    It reads the agency's `type`: fetch it with `agencies.querysets.MINI_RELATED`.
    """

    url = LinkField("agency-detail")
    type = NameField()

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
            "launch_library_url",
            "total_launch_count",
            "consecutive_successful_launches",
            "successful_launches",
            "failed_launches",
            "pending_launches",
            "consecutive_successful_landings",
            "successful_landings",
            "failed_landings",
            "attempted_landings",
            "info_url",
            "wiki_url",
            "logo_url",
            "image_url",
            "nation_url",
        ]


class AgencyForStationSerializer(serializers.ModelSerializer):
    """An agency named by a space station's `owners` (LL2's `AgencyList`)."""

    url = LinkField("agency-detail")

    class Meta:
        model = Agency
        fields = ["id", "url", "name", "abbrev"]


class AgencyTypeSerializer(serializers.ModelSerializer):
    """An agency type in `config/agencytype/` (LL2's `AgencyType`; agencies serve it by name)."""

    class Meta:
        model = AgencyType
        fields = ["id", "name"]
