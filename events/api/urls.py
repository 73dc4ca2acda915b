"""The routes of the event endpoints, their lookups, and `dashboard/starship/`."""

from django.urls import path

from events.api import views
from spacedevs.api.routers import VersionedRouter

router = VersionedRouter()
# "event/upcoming" and "event/previous" before "event" (the id converter keeps them from reading as ids).
router.register("event/upcoming", views.UpcomingEventViewSet, basename="event-upcoming")
router.register("event/previous", views.PreviousEventViewSet, basename="event-previous")
router.register("event", views.EventViewSet, basename="event")
router.register("config/eventtype", views.EventTypeViewSet, basename="event-type")
router.register("config/noticetype", views.NoticeTypeViewSet, basename="notice-type")
router.register("config/roadclosurestatus", views.RoadClosureStatusViewSet, basename="road-closure-status")
router.list_in_root("dashboard/starship", "dashboard-starship")

urlpatterns = [
    path("dashboard/starship/", views.StarshipDashboardView.as_view(), name="dashboard-starship"),
]
