"""The routes of the launch, booster, configuration, pad, location, programme and update endpoints, and
of their lookups (`config/launchstatus/`...)."""

from launches.api import views
from spacedevs.api.routers import VersionedRouter

router = VersionedRouter()
# "launch/upcoming" and "launch/previous" before "launch" (its uuid converter keeps them from reading as
# launch ids anyway).
router.register("launch/upcoming", views.UpcomingLaunchViewSet, basename="launch-upcoming")
router.register("launch/previous", views.PreviousLaunchViewSet, basename="launch-previous")
router.register("launch", views.LaunchViewSet, basename="launch")
router.register("launcher", views.LauncherViewSet, basename="launcher")
router.register("config/launcher", views.LauncherConfigViewSet, basename="launcher-config")
router.register("pad", views.PadViewSet, basename="pad")
router.register("location", views.LocationViewSet, basename="location")
router.register("program", views.ProgramViewSet, basename="program")
router.register("updates", views.UpdateViewSet, basename="update")
router.register("config/firststagetype", views.FirstStageTypeViewSet, basename="first-stage-type")
router.register("config/landinglocation", views.LandingLocationViewSet, basename="landing-location")
router.register("config/launchstatus", views.LaunchStatusViewSet, basename="launch-status")
router.register("config/missiontype", views.MissionTypeViewSet, basename="mission-type")
router.register("config/orbit", views.OrbitViewSet, basename="orbit")
