"""Root URLs: the API under `/2.2.0/` (as LL2 serves it) and `/api/2.2.0/`, the admin, and `/metrics`."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from spacedevs.api.routers import API_VERSION
from spacedevs.metrics import metrics

versioned_api = [path(f"{API_VERSION}/", include(("spacedevs.api.urls", "ll2"), namespace=API_VERSION))]

urlpatterns = [
    path("", RedirectView.as_view(url=f"/{API_VERSION}/", permanent=False)),
    # Link names resolve in the namespace of the request: "2.2.0:..." or "api:2.2.0:...".
    *versioned_api,
    path("api/", include((versioned_api, "api"), namespace="api")),
    path("admin/", admin.site.urls),
    # Prometheus metrics, for the addresses of METRICS_ALLOWED_IPS.
    path("metrics", metrics, name="metrics"),
]
