"""The spacecraft app."""

from django.apps import AppConfig


class SpacecraftConfig(AppConfig):
    name = "spacecraft"
