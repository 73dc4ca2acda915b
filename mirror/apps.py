"""The mirror app."""

from django.apps import AppConfig


class MirrorConfig(AppConfig):
    """Running a mirror of LL2: importing its JSON, syncing from a live instance, exporting ours, and
    recounting the counters LL2 stores. It writes to every domain app, so it sits above them all."""

    name = "mirror"
