"""`manage.py check_data`: list the impossible data the database holds, with each object's admin URL."""

from django.apps import apps
from django.core.management import BaseCommand, CommandError
from django.urls import reverse


class Command(BaseCommand):
    help = (
        "List every object whose data is impossible (LL2's typos): a flight that lands before its launch, "
        "a docking event that departs before it docks, an expedition that ends before it starts, an "
        "astronaut who dies before being born. Each line names the object, what is wrong and its admin "
        "URL, where the admin shows the same warning. Exits with status 1 when there is any."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--base-url", default="", help="prefix the admin URLs with it (https://mirror.example.org)"
        )

    def handle(self, *args, base_url, **options) -> None:
        found = 0
        for model in apps.get_models():
            for problem, rule in getattr(model, "ANOMALIES", {}).items():
                for instance in model._default_manager.filter(rule).order_by("pk"):
                    found += 1
                    meta = model._meta
                    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk])
                    where = f"{base_url.rstrip('/')}{url}"
                    self.stdout.write(f"{meta.verbose_name} {instance.pk} ({instance}): {problem}: {where}")
        if found:
            raise CommandError(f"{found} object(s) hold impossible data.", returncode=1)
        if options["verbosity"] > 0:
            self.stdout.write("No impossible data.")
