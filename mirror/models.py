"""What the mirror keeps for itself: where `sync_ll2` stands with each upstream."""

from django.db import models


class SyncState(models.Model):
    """`sync_ll2`'s progress with one upstream (an LL2-compatible API root, `https://host/2.2.0/`), for
    one kind of sync (`mirror.sync.KINDS`: flights, upcoming launches, upcoming events).

    A run in progress has a `next_url`: the next page to fetch and import. It is saved in the transaction
    that imports a page, so an interrupted run resumes after the last page it imported. When a run ends,
    its start (by the upstream's clock) becomes `synced_at`: the next run fetches what changed since.
    """

    api_root = models.CharField(max_length=1024)
    kind = models.CharField(max_length=32, default="flights")
    # The run in progress: its next page ("" when no run is in progress).
    next_url = models.TextField(blank=True)
    # When the run in progress started, by the upstream's clock (its `Date` header).
    started_at = models.DateTimeField(null=True, blank=True)
    # The run in progress fetches the launches changed since then; null: it pages through every flight.
    changed_since = models.DateTimeField(null=True, blank=True)
    # The links (spacecraft, stations) the run in progress has already followed, to follow each once.
    followed = models.JSONField(default=list, blank=True)
    # The start of the last completed run.
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "sync state"
        constraints = [models.UniqueConstraint(fields=["api_root", "kind"], name="one_sync_state_per_kind")]

    def __str__(self):
        return f"{self.api_root} ({self.kind})"


class SkippedPage(models.Model):
    """A page of the upstream that `sync_ll2` could not import (not JSON, or what the importer refuses:
    NUL characters, nesting too deep, numbers too large...), with the problems, one a line. The sync
    went on with the next page; a later run reads this page again."""

    api_root = models.CharField(max_length=1024)
    kind = models.CharField(max_length=32)
    url = models.TextField()
    problems = models.TextField()
    skipped_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-skipped_at", "-id"]

    def __str__(self):
        return self.url
