"""The space station and expedition endpoints' routes."""

from spacedevs.api.routers import VersionedRouter
from stations.api import views

router = VersionedRouter()
router.register("spacestation", views.SpaceStationViewSet, basename="spacestation")
router.register("expedition", views.ExpeditionViewSet, basename="expedition")
