"""Rates as DRF writes them, "15/hour": calls per second, minute, hour or day (settings, API keys)."""

import re

PATTERN = re.compile(r"([0-9]+)/(s|sec|second|m|min|minute|h|hour|d|day)")
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(text) -> tuple[int, int] | None:
    """(calls, period in seconds) of a rate, or None if `text` is not one (or allows no call at all)."""
    match = PATTERN.fullmatch(text.strip())
    if match is None or int(match[1]) == 0:
        return None
    return int(match[1]), SECONDS[match[2][0]]
