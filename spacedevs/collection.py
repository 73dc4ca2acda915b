"""Python's garbage collector tuned for a server process (`spacedevs.wsgi`; `GC_THRESHOLD`).

CPython runs its cyclic collector after every 700 net allocations of tracked objects, and a full
collection now and then walks every object the process holds. A page of 100 flights allocates some
hundreds of thousands (model instances, dicts, lists), so Python collected dozens of times a request,
walking Django's and the apps' own objects (several hundred thousand, never garbage) each time it went
to the oldest generation: about a fifth of a large page's CPU, measured in process. So, once the
application is loaded:

- what it has allocated so far (modules, models, URL patterns, settings) is moved out of the
  collector's sight with `gc.freeze()`, as Instagram and others do with forked servers;
- the thresholds are raised (`GC_THRESHOLD`, by default 50000,20,20): the youngest generation is
  collected every 50,000 allocations instead of 700. A response's objects are freed by their reference
  counts when it ends; only cycles wait for the collector, and they still are collected.

`GC_THRESHOLD=off` leaves Python's collector as it is (for A/B measurements).
"""

import gc

from django.core.exceptions import ImproperlyConfigured

DEFAULT_THRESHOLD = (50000, 20, 20)


def parse_threshold(value: str | None) -> tuple[int, ...] | None:
    """The thresholds `GC_THRESHOLD` names: None for `off`, the default when unset."""
    value = (value or "").strip().lower()
    if not value:
        return DEFAULT_THRESHOLD
    if value in {"off", "false", "0", "no", "python"}:
        return None
    parts = [part.strip() for part in value.split(",")]
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() and int(part) > 0 for part in parts):
        raise ImproperlyConfigured(
            f"GC_THRESHOLD must be one to three positive whole numbers (50000,20,20) or off, not {value!r}."
        )
    return tuple(int(part) for part in parts)


def tune(threshold: tuple[int, ...] | None) -> None:
    """Freeze what the process holds now and set the collector's thresholds; nothing for None."""
    if threshold is None:
        return
    gc.collect()
    gc.freeze()
    gc.set_threshold(*threshold)
