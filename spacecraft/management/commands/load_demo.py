"""`manage.py load_demo`: the demo data, into an empty database only."""

from django.core.management import BaseCommand, call_command

from spacecraft.models import SpacecraftFlight


class Command(BaseCommand):
    help = (
        "Load the demo data (fixtures/demo.json) into an empty database. A database that already holds "
        "flights is left alone, so that `make run` never overwrites what curators changed; use "
        "`loaddata demo` to load it regardless."
    )

    def handle(self, *args, **options):
        if SpacecraftFlight.objects.exists():
            self.stdout.write("The database already holds flights; the demo data was not loaded.")
            return
        call_command("loaddata", "demo", verbosity=options["verbosity"])
