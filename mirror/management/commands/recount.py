"""`manage.py recount`: the counters LL2 stores, recomputed from our own data."""

from django.core.management import BaseCommand

from mirror.recount import recount


class Command(BaseCommand):
    help = (
        "Recompute the counters LL2 stores (launch attempt ranks, pad, location, agency and launcher "
        "configuration totals, astronauts' flight dates and counts) from this database's launches, "
        "landings and crews, overwriting the stored or "
        "imported values, and print how many rows each counter changed. The rules are in the docstring "
        "of mirror/recount.py and in the README."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would change, and write nothing."
        )

    def handle(self, *args, **options) -> None:
        self.stdout.write(str(recount(dry_run=options["dry_run"])))
