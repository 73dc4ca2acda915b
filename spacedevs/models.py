"""API keys: a client sends one as `Authorization: Token KEY`, as LL2's clients send theirs."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import models

from spacedevs.rates import parse_rate


def hash_key(key) -> str:
    """The stored form of a key. A key is 160 random bits, so a fast hash is as safe as a slow one and
    lets a request's key be found by an index lookup."""
    return hashlib.sha256(key.encode()).hexdigest()


def validate_rate(value):
    if value and parse_rate(value) is None:
        raise ValidationError(
            "Enter a number of calls per period: 300/hour, 100/minute, 10000/day.", code="invalid"
        )


class ApiKey(models.Model):
    """A key that the API throttles at its own rate, not at its caller's address's.

    Only its hash is stored: the key itself is shown once, when it is made (`manage.py create_api_key`,
    or the admin's add form). A key that is not active, like a key we do not know, is served as
    anonymous.
    """

    name = models.CharField(max_length=100, unique=True, help_text="Who holds the key, or what for.")
    prefix = models.CharField(
        max_length=8, editable=False, help_text="The key's first characters, to tell keys apart."
    )
    hashed_key = models.CharField(max_length=64, unique=True, editable=False)
    rate = models.CharField(
        max_length=20,
        blank=True,
        validators=[validate_rate],
        help_text="Calls per period (300/hour, 100/minute, 10000/day); empty for no limit.",
    )
    active = models.BooleanField(default=True, help_text="An inactive key is served as anonymous.")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "API key"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def set_new_key(self) -> str:
        """Give this key a new secret (40 hexadecimal digits, as LL2's keys are) and return it: the only
        time it is seen."""
        key = secrets.token_hex(20)
        self.prefix = key[:8]
        self.hashed_key = hash_key(key)
        return key
