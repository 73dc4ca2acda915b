"""`manage.py populate --flights N [--seed S]`: synthetic spacecraft flights in bulk, for measuring."""

import sys

from django.core.management import BaseCommand, CommandError

from mirror.populate import populate


class Command(BaseCommand):
    help = (
        "Add N synthetic spacecraft flights, each with a launch, crews, a docking event and a landing, "
        "named 'Synthetic ...', the same for the same seed; then recount. For benchmarks, never for a "
        "mirror of real data. See mirror/populate.py."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--flights", type=int, required=True, metavar="N", help="how many flights to add")
        parser.add_argument("--seed", type=int, default=0, metavar="S", help="the random seed (default 0)")

    def handle(self, *args, flights, seed, **options) -> None:
        if flights < 1:
            raise CommandError("--flights must be at least 1.")
        show = options["verbosity"] >= 1 and sys.stderr.isatty()

        def progress(done, total):
            if show:
                self.stderr.write(
                    f"\rpopulating: {done}/{total} flights", ending="\n" if done == total else ""
                )

        added = populate(flights=flights, seed=seed, progress=progress)
        if options["verbosity"] >= 1:
            self.stdout.write(f"Added {added} synthetic flights (seed {seed}) and recounted.")
