"""The project package as an app: its templates and its management commands."""

from django.apps import AppConfig


class SpacedevsConfig(AppConfig):
    name = "spacedevs"
