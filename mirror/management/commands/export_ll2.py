"""`manage.py export_ll2`: the whole database as LL2 2.2.0 list pages."""

from pathlib import Path

from django.core.management import BaseCommand, CommandError

from mirror.exporter import DEFAULT_BASE_URL, ExportError, export_database
from spacedevs.memory import keep_large_blocks_mapped


class Command(BaseCommand):
    help = (
        "Write the whole database as LL2 2.2.0 list pages, one folder per endpoint "
        "(DIR/spacecraft/flight/page-0001.json...), each page what the API serves with limit=100 in the "
        "endpoint's richest mode. `import_ll2` loads them into an empty instance, which then serves every "
        "list and detail as this one does."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", metavar="DIR", type=Path, help="an empty (or new) directory")
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"where the links of the pages point (default {DEFAULT_BASE_URL}): "
            "https://mirror.example.org/ gives https://mirror.example.org/2.2.0/...",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="write into a directory that is not empty: replace a previous export's pages, and "
            "remove those it had beyond this export's; other files are left alone",
        )

    def handle(self, *args, directory, base_url, force, **options) -> None:
        def progress(summary, path):
            if options["verbosity"] >= 1:
                self.stdout.write(summary.endpoint_line(path))

        # Page after page of up to a megabyte, in constant memory (spacedevs/memory.py).
        keep_large_blocks_mapped()
        try:
            summary = export_database(directory=directory, base_url=base_url, force=force, progress=progress)
        except ExportError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] >= 1:
            self.stdout.write(summary.total_line())
