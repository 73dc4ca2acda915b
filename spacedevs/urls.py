"""Root URLs: the API under `/2.2.0/` (as LL2 serves it) and `/api/2.2.0/`, and the admin."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from spacedevs.api.routers import API_VERSION

urlpatterns = [
    path("", RedirectView.as_view(url=f"/{API_VERSION}/", permanent=False)),
    path(f"{API_VERSION}/", include(("spacedevs.api.urls", "api"), namespace=API_VERSION)),
    path(f"api/{API_VERSION}/", include(("spacedevs.api.urls", "api"), namespace=f"api:{API_VERSION}")),
    path("admin/", admin.site.urls),
]
