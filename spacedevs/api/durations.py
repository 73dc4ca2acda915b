"""ISO 8601 durations as LL2 writes them.

No zero padding and zero parts dropped: `P15DT18H13M38S`, `PT14H50M`, `P0D`.
"""

import datetime


def format_duration(value: datetime.timedelta) -> str:
    """Format a non-negative duration to whole seconds; a negative one keeps its sign in front."""
    seconds = int(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    days, rest = divmod(abs(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    date_part = f"{days}D" if days else ""
    time_part = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    if not date_part and not time_part:
        return "P0D"
    return f"{sign}P{date_part}" + (f"T{time_part}" if time_part else "")
