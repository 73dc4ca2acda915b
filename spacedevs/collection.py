"""Python's garbage collector in a server process (`gunicorn.conf.py`'s `post_worker_init`;
`GC_THRESHOLD`).

CPython's cyclic collector runs after every 700 net allocations of tracked objects, and now and then
collects the oldest generation, which walks every object the process holds. A page of 100 flights
allocates some hundreds of thousands (model instances, dicts, lists), and each collection of the oldest
generation walked Django's and the apps' own objects too: several hundred thousand that are never
garbage. So, once a worker has loaded the application, what it holds (modules, models, URL patterns,
settings) is moved out of the collector's sight with `gc.freeze()`, as Instagram and others do with
forked servers. The flight detail's CPU went from 20 to 16 ms in process.

`GC_THRESHOLD` may also set the collector's thresholds (`50000,20,20`): fewer collections, a little
faster again, but the garbage of one large response (cycles between model instances and their
prefetched relations) then outlives it, and two workers grew to 310-360 MB after 1,500 mixed requests
instead of 180-190 MB. Python's own thresholds are kept unless it is set. `GC_THRESHOLD=off` leaves the
collector entirely as it is (for A/B measurements).
"""

import gc

from django.core.exceptions import ImproperlyConfigured

FREEZE_ONLY: tuple[int, ...] = ()


def parse_threshold(value: str | None) -> tuple[int, ...] | None:
    """What `GC_THRESHOLD` asks for: None for `off`, no thresholds (freeze only) when unset, else the
    thresholds."""
    value = (value or "").strip().lower()
    if not value:
        return FREEZE_ONLY
    if value in {"off", "false", "0", "no"}:
        return None
    parts = [part.strip() for part in value.split(",")]
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() and int(part) > 0 for part in parts):
        raise ImproperlyConfigured(
            f"GC_THRESHOLD must be one to three positive whole numbers (50000,20,20) or off, not {value!r}."
        )
    return tuple(int(part) for part in parts)


def tune(threshold: tuple[int, ...] | None) -> None:
    """Freeze what the process holds now, and set the collector's thresholds if some are given; nothing
    for None."""
    if threshold is None:
        return
    gc.collect()
    gc.freeze()
    if threshold:
        gc.set_threshold(*threshold)
