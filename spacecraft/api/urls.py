"""The routes of the spacecraft flight, spacecraft, configuration and docking event endpoints."""

from spacecraft.api import views
from spacedevs.api.routers import VersionedRouter

router = VersionedRouter()
# "spacecraft/flight" before "spacecraft": the id converter keeps "flight" from reading as an id anyway.
router.register("spacecraft/flight", views.SpacecraftFlightViewSet, basename="spacecraft-flight")
router.register("spacecraft", views.SpacecraftViewSet, basename="spacecraft")
router.register("config/spacecraft", views.SpacecraftConfigViewSet, basename="spacecraft-config")
router.register("docking_event", views.DockingEventViewSet, basename="docking-event")
router.register("config/spacecraftstatus", views.SpacecraftStatusViewSet, basename="spacecraft-status")
