"""The routes of the astronaut endpoint and of its lookups (`config/astronautrole/`...)."""

from astronauts.api import views
from spacedevs.api.routers import VersionedRouter

router = VersionedRouter()
router.register("astronaut", views.AstronautViewSet, basename="astronaut")
router.register("config/astronautrole", views.AstronautRoleViewSet, basename="astronaut-role")
router.register("config/astronautstatus", views.AstronautStatusViewSet, basename="astronaut-status")
router.register("config/astronauttype", views.AstronautTypeViewSet, basename="astronaut-type")
