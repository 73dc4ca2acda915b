"""The astronaut endpoint's route."""

from astronauts.api import views
from spacedevs.api.routers import VersionedRouter

router = VersionedRouter()
router.register("astronaut", views.AstronautViewSet, basename="astronaut")
