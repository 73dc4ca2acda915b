"""The routes of the space station and expedition endpoints and of their lookups."""

from spacedevs.api.routers import VersionedRouter
from stations.api import views

router = VersionedRouter()
router.register("spacestation", views.SpaceStationViewSet, basename="spacestation")
router.register("expedition", views.ExpeditionViewSet, basename="expedition")
router.register("config/dockinglocation", views.DockingLocationViewSet, basename="docking-location")
router.register("config/spacestationstatus", views.SpaceStationStatusViewSet, basename="spacestation-status")
