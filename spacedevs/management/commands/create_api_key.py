"""`python manage.py create_api_key NAME [--rate 300/hour]`: make an API key and print it, once."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from spacedevs.models import ApiKey


class Command(BaseCommand):
    help = (
        "Make an API key, throttled at its own rate, and print it: the only time it is shown (only its "
        "hash is stored). Clients send it as `Authorization: Token KEY`."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", help="who holds the key, or what for (unique)")
        parser.add_argument(
            "--rate", default="", help="calls per period: 300/hour, 100/minute, 10000/day (default: no limit)"
        )

    def handle(self, *args, name, rate, **options) -> None:
        api_key = ApiKey(name=name, rate=rate.strip())
        key = api_key.set_new_key()
        try:
            api_key.full_clean()
        except ValidationError as error:
            raise CommandError(
                "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            ) from None
        api_key.save()
        self.stdout.write(key)
