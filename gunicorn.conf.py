"""gunicorn's configuration for the service (`make serve`, the Dockerfile): `gunicorn -c gunicorn.conf.py`.

Each value may be set by the environment (README, "Operations"):

- WEB_CONCURRENCY: worker processes; by default 2 per CPU core, plus 1.
- GUNICORN_TIMEOUT (30 s): a request that takes longer is ended with its worker (the database's own
  timeouts, DATABASE_CONNECT_TIMEOUT and DATABASE_STATEMENT_TIMEOUT, are well within it); workers
  restarting (a deploy, SIGHUP) get as long to finish the requests they hold.
- GUNICORN_MAX_REQUESTS (0, never): a worker is replaced after about that many requests (with up to 10%
  jitter, so that the workers do not all restart at once), which bounds what a leak could hold. Off by
  default: a new worker imports Django again (about a second of a core) and starts with an empty local
  response cache and no prepared statements, and a worker's memory stays flat (`make bench` measures it).
  At 1000 the workers restarted twice a second under load, which cut cached throughput by half.
- GUNICORN_BACKLOG (64): connections waiting for a worker. Past that, the kernel refuses new ones
  rather than queueing work that would wait longer than its client does; and a request whose client
  hung up while it waited is dropped unanswered (`spacedevs.middleware.AbandonedRequestMiddleware`).
- LOG_FORMAT=json: the access and error logs as one JSON object a line, as Django's own logs are.
- GC_TUNING (true): once a worker has loaded the application, what it holds is frozen out of the
  garbage collector's sight, and the collector is paused while a request is served
  (`spacedevs/collection.py`); `off` leaves Python's collector as it is.
- MALLOC_TUNING (true): a worker keeps the memory its large responses freed for the next ones, instead
  of giving it back to the kernel and taking it again a page fault at a time (`spacedevs/memory.py`);
  `off` leaves glibc's malloc as it is.
- PROMETHEUS_MULTIPROC_DIR: where each worker writes its metrics, for `/metrics` to add up those of all
  the workers (prometheus_client's multiprocess mode); a new temporary directory by default.
"""

import multiprocessing
import os
import tempfile

wsgi_app = "spacedevs.wsgi"
bind = [f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"]

workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * multiprocessing.cpu_count() + 1)
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = timeout
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 0)
max_requests_jitter = max_requests // 10
backlog = int(os.environ.get("GUNICORN_BACKLOG") or 64)

# Requests are GETs with query strings: a request line or a header set larger than these is a 400.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# The workers' heartbeat files in memory, not on a disk (or a container's overlay) that may stall.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

accesslog = "-"
errorlog = "-"
# Who, what, the answer, its size, and how long it took (ms).
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
logger_class = "spacedevs.logs.GunicornLogger"
if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
    logger_class = "spacedevs.logs.GunicornJsonLogger"

# Metrics of every worker, not only of the one that answers `/metrics`: each worker writes its own files
# (set before the workers import prometheus_client), and a worker that exits has its live gauges dropped.
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="spacedevs-metrics-")


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def post_worker_init(worker):
    # The worker has loaded the application; its URL patterns (and with them the views) are loaded too,
    # then what it holds is frozen out of the garbage collector's sight (spacedevs/collection.py).
    from django.conf import settings
    from django.urls import get_resolver

    from spacedevs import collection, memory

    if not settings.configured:  # another application served with this file (a benchmark's floor)
        return
    get_resolver().url_patterns  # noqa: B018 - loads them
    if settings.GC_TUNING:
        collection.freeze()
        worker.gc_paused_per_request = True
    if settings.MALLOC_TUNING:
        memory.keep_freed_memory()


def pre_request(worker, req):
    if getattr(worker, "gc_paused_per_request", False):
        from spacedevs import collection

        collection.pause()


def post_request(worker, req, environ, resp):
    if getattr(worker, "gc_paused_per_request", False):
        from spacedevs import collection

        collection.resume()
