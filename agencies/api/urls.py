"""The agency endpoint's route."""

from agencies.api import views
from spacedevs.api.routers import VersionedRouter

router = VersionedRouter()
router.register("agencies", views.AgencyViewSet, basename="agency")
