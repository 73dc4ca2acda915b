"""Our OpenAPI schema and the pages that read it (Swagger UI, ReDoc), under each API prefix."""

from typing import ClassVar

from django.urls import reverse
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.response import Response

from spacedevs.api.schema import api_prefix


class SchemaView(SpectacularAPIView):
    """OpenAPI 3 schema of this API: YAML, or JSON with `?format=json`. Not counted by the throttle.

    The schema follows the code alone, so each process builds it once per prefix (it takes most of a
    second) and serves that.
    """

    throttle_classes = []
    built: ClassVar[dict[str, dict]] = {}

    def _get_schema_response(self, request):
        prefix = api_prefix(request.path)
        if prefix not in self.built:
            self.built[prefix] = super()._get_schema_response(request).data
        filename = self._get_filename(request, None)
        return Response(self.built[prefix], headers={"Content-Disposition": f'inline; filename="{filename}"'})


class SchemaLinkMixin:
    """The schema these pages read is the one under their own prefix (`/api/2.2.0/swagger/` reads
    `/api/2.2.0/schema/`); their scripts and styles are ours (drf-spectacular-sidecar)."""

    throttle_classes = []

    def _get_schema_url(self, request):
        self.url = reverse(f"{request.resolver_match.namespace}:schema")
        return super()._get_schema_url(request)


class SwaggerView(SchemaLinkMixin, SpectacularSwaggerView):
    pass


class RedocView(SchemaLinkMixin, SpectacularRedocView):
    pass
