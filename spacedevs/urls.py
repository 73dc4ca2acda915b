"""Root URLs: the API under `/2.2.0/` (as LL2 serves it) and `/api/2.2.0/`, the admin (at `ADMIN_URL`),
the health checks, `/metrics`, and the error handlers."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from spacedevs import health
from spacedevs.api.routers import API_VERSION
from spacedevs.metrics import metrics

versioned_api = [path(f"{API_VERSION}/", include(("spacedevs.api.urls", "ll2"), namespace=API_VERSION))]

urlpatterns = [
    path("", RedirectView.as_view(url=f"/{API_VERSION}/", permanent=False)),
    # Link names resolve in the namespace of the request: "2.2.0:..." or "api:2.2.0:...".
    *versioned_api,
    path("api/", include((versioned_api, "api"), namespace="api")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("health/live", health.live, name="health-live"),
    path("health/ready", health.ready, name="health-ready"),
    # Prometheus metrics, for the addresses of METRICS_ALLOWED_IPS.
    path("metrics", metrics, name="metrics"),
]

# JSON for programs, a styled page for browsers (spacedevs.errors).
handler400 = "spacedevs.errors.bad_request"
handler403 = "spacedevs.errors.permission_denied"
handler404 = "spacedevs.errors.not_found"
handler500 = "spacedevs.errors.server_error"
