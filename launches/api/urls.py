from launches.api import views
from spacedevs.api.routers import VersionedRouter

router = VersionedRouter()
router.register("launch", views.LaunchViewSet, basename="launch")
router.register("config/launcher", views.LauncherConfigViewSet, basename="launcher-config")
router.register("pad", views.PadViewSet, basename="pad")
router.register("location", views.LocationViewSet, basename="location")
router.register("program", views.ProgramViewSet, basename="program")
