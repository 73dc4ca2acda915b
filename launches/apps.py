"""The launches app."""

from django.apps import AppConfig


class LaunchesConfig(AppConfig):
    name = "launches"
