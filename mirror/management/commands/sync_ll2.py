"""`manage.py sync_ll2`: keep a mirror current from an LL2-compatible server."""

from django.core.management import BaseCommand, CommandError

from mirror.importer import ImportFailed
from mirror.sync import SyncError, sync


class Command(BaseCommand):
    help = (
        "Bring this database up to date with an LL2-compatible server (LL2, or another instance of this "
        "service): the first run pages through every spacecraft flight in detailed mode with its launch, "
        "spacecraft and stations; later runs fetch the flights of the launches changed since the last "
        "completed run. Paced by the upstream's own budget (its api-throttle/, else 15 calls an hour); "
        "an interrupted run resumes after the last page it imported. See mirror/sync.py."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--base-url",
            required=True,
            help="the upstream: https://ll.thespacedevs.com, or its API root https://ll.thespacedevs.com/2.2.0/",
        )
        parser.add_argument("--token", help="an API key of the upstream, sent as `Authorization: Token KEY`")
        parser.add_argument(
            "--full",
            action="store_true",
            help="page through every flight again, not only those whose launch changed (and start over "
            "rather than resume an interrupted run)",
        )

    def handle(self, *args, base_url, token, full, **options) -> None:
        log = self.stdout.write if options["verbosity"] >= 1 else None
        try:
            report = sync(base_url=base_url, token=token, full=full, log=log)
        except SyncError as error:
            raise CommandError(f"{error}\nThe next run resumes after the last page imported.") from error
        except ImportFailed as failed:
            problems = "\n".join(map(str, failed.problems))
            raise CommandError(
                f"the importer refused the upstream's page, which was not imported:\n{problems}"
            ) from failed
        except KeyboardInterrupt:
            raise CommandError("interrupted: the next run resumes after the last page imported.") from None
        if options["verbosity"] >= 1:
            self.stdout.write(str(report))
