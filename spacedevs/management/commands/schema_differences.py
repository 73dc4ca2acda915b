"""`manage.py schema_differences`: writes docs/schema-differences.md, how our schema differs from LL2's."""

from django.core.management.base import BaseCommand, CommandError

from spacedevs.schema_differences import DOCUMENT, render


class Command(BaseCommand):
    help = (
        "Write docs/schema-differences.md: every difference between our OpenAPI schema and LL2's, with its "
        "proof. Fails (after writing) when a difference has none."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Write nothing; fail if the file is out of date."
        )

    def handle(self, *args, check=False, **options):
        text, unproven = render()
        if check:
            if not DOCUMENT.exists() or DOCUMENT.read_text() != text:
                raise CommandError(f"{DOCUMENT} is out of date: run `manage.py schema_differences`.")
        else:
            DOCUMENT.write_text(text)
            self.stdout.write(f"Wrote {DOCUMENT}.")
        if unproven:
            listed = "\n".join(f"- {difference.place}: {difference.text}" for difference in unproven)
            raise CommandError(f"{len(unproven)} differences have no proof:\n{listed}")
