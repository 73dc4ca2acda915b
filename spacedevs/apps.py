"""The project's own app: API keys, the health checks, the error pages, the management commands."""

from django.apps import AppConfig


class SpacedevsConfig(AppConfig):
    name = "spacedevs"
    verbose_name = "API access"
