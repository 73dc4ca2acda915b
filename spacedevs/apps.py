"""The project's own app: it ties the data version to every write of the domain apps."""

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class SpacedevsConfig(AppConfig):
    name = "spacedevs"

    def ready(self):
        from spacedevs import dataversion

        # Any model of the domain apps, those added later included (see spacedevs.dataversion).
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(dataversion.changed, dispatch_uid="spacedevs.dataversion.changed")
