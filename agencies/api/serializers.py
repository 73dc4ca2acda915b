from rest_framework import serializers

from agencies.models import Agency
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
