"""The routes of the agency endpoint and of its lookup, `config/agencytype/`."""

from agencies.api import views
from spacedevs.api.routers import VersionedRouter

router = VersionedRouter()
router.register("agencies", views.AgencyViewSet, basename="agency")
router.register("config/agencytype", views.AgencyTypeViewSet, basename="agency-type")
