"""Our OpenAPI schema and the pages that read it (Swagger UI, ReDoc), under each API prefix."""

from django.urls import reverse
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView


class SchemaView(SpectacularAPIView):
    """OpenAPI 3 schema of this API: YAML, or JSON with `?format=json`. Not counted by the throttle."""

    throttle_classes = []


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
