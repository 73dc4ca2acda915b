"""Every app's API routes, in one versioned router (its root view lists them all), `api-throttle/` and
`dashboard/starship/`."""

from django.urls import path

from agencies.api.urls import router as agencies_router
from astronauts.api.urls import router as astronauts_router
from events.api.urls import router as events_router
from events.api.urls import urlpatterns as events_urlpatterns
from launches.api.urls import router as launches_router
from spacecraft.api.urls import router as spacecraft_router
from spacedevs.api.docs import RedocView, SchemaView, SwaggerView
from spacedevs.api.routers import VersionedRouter
from spacedevs.api.views import ApiThrottleView
from stations.api.urls import router as stations_router

router = VersionedRouter()
for app_router in (
    spacecraft_router,
    agencies_router,
    launches_router,
    stations_router,
    astronauts_router,
    events_router,
):
    router.extend(app_router)

urlpatterns = [
    # LL2's budget report: not a resource, so not in the router (nor in its root's list).
    path("api-throttle/", ApiThrottleView.as_view(), name="api-throttle"),
    # Views that are not viewsets (`dashboard/starship/`), which the router's root lists all the same.
    *events_urlpatterns,
    # Our OpenAPI schema (YAML; JSON with `?format=json`), and Swagger UI and ReDoc reading it.
    path("schema/", SchemaView.as_view(), name="schema"),
    path("swagger/", SwaggerView.as_view(), name="swagger"),
    path("redoc/", RedocView.as_view(), name="redoc"),
    *router.urls,
]
