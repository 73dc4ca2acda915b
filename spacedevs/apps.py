"""The project's own app: its templates (the admin's and the browsable API's), API keys, the health
checks, the error pages, the management commands, and the data version every write of the domain apps
bumps."""

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class SpacedevsConfig(AppConfig):
    name = "spacedevs"
    verbose_name = "API access"

    def ready(self):
        from spacedevs import dataversion

        # Any model of the domain apps, those added later included (see spacedevs.dataversion).
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(dataversion.changed, dispatch_uid="spacedevs.dataversion.changed")
