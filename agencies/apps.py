"""The agencies app."""

from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "agencies"
