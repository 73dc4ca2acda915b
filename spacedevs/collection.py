"""Python's garbage collector in a served worker (`gunicorn.conf.py`'s hooks; `GC_TUNING`).

CPython's cyclic collector runs after every 700 net allocations of tracked objects, and each run walks
every young object still alive; now and then it walks the older generations, and the oldest holds every
object of the process. A page of 100 detailed flights allocates some hundreds of thousands of objects
(model instances, their dicts, the payload's dicts and lists) that stay alive until the response is
written, so the collector ran hundreds of times during one response, walking the same growing set of
live objects again and again, and with it Django's and the apps' own objects (several hundred thousand,
never garbage). So:

- once a worker has loaded the application, what it holds (modules, models, URL patterns, settings) is
  moved out of the collector's sight with `gc.freeze()`, as Instagram and others do with forked
  servers;
- the collector is paused while a request is served and resumed once its response is written: its
  first run then finds the request's cyclic garbage (model instances and their prefetched relations
  point at each other) all in the youngest generation, and frees it before the next request.

Raising the collector's thresholds instead was measured and not kept: the garbage of one large response
then outlived it, and two workers grew to 310-360 MB after 1,500 uncached mixed requests instead of
180-190 MB. `GC_TUNING=off` leaves the collector as Python runs it (A/B measurements).
"""

import gc


def freeze() -> None:
    """Move what the process holds now out of the collector's sight."""
    gc.collect()
    gc.freeze()


def pause() -> None:
    """A request begins: no collection until it ends."""
    gc.disable()


def resume() -> None:
    """The response is written: collections again, the first one right away."""
    gc.enable()
