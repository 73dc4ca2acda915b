"""The stations app."""

from django.apps import AppConfig


class StationsConfig(AppConfig):
    name = "stations"
