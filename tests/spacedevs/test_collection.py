"""The garbage collector in a served worker (`spacedevs/collection.py`, `gunicorn.conf.py`'s hooks)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# gunicorn's hooks run as a worker runs them, in a process of its own so that this one's collector is
# left alone: the application loaded, then two requests, the first of which makes cyclic garbage.
WORKER = """
import gc, json, os, runpy, types
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spacedevs.settings")
import spacedevs.wsgi
hooks = runpy.run_path("gunicorn.conf.py")
worker = types.SimpleNamespace()
hooks["post_worker_init"](worker)
seen = {"frozen": gc.get_freeze_count()}
hooks["pre_request"](worker, None)
seen["during"] = gc.isenabled()
before = gc.get_stats()[0]["collections"]
class Node:
    pass
for _ in range(5000):  # cycles, as model instances and their prefetched relations make
    a, b = Node(), Node()
    a.other, b.other = b, a
del a, b
seen["collections during"] = gc.get_stats()[0]["collections"] - before
hooks["post_request"](worker, None, {}, None)
seen["after"] = gc.isenabled()
[object() for _ in range(10)]  # the first allocation after the response runs the collector
seen["cycles left"] = sum(type(o).__name__ == "Node" for o in gc.get_objects())
print(json.dumps(seen))
"""


def run_worker(env):
    out = subprocess.run(
        [sys.executable, "-c", WORKER], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.splitlines()[-1])


@pytest.fixture
def env(monkeypatch):
    monkeypatch.delenv("GC_TUNING", raising=False)
    return dict(os.environ)


def test_a_worker_freezes_what_it_loaded_and_collects_between_requests(env):
    seen = run_worker(env)
    # Django, the apps and the URL patterns: well over 10,000 objects the collector no longer walks.
    assert seen["frozen"] > 10_000
    assert seen["during"] is False
    assert seen["collections during"] == 0
    assert seen["after"] is True
    # The request's cycles are freed once its response is written, not left for a later request.
    assert seen["cycles left"] == 0


def test_gc_tuning_off_leaves_python_s_collector(env):
    seen = run_worker({**env, "GC_TUNING": "off"})
    assert seen["frozen"] == 0
    assert seen["during"] is True
    assert seen["collections during"] > 0
    assert seen["after"] is True


def test_another_application_served_with_the_file_is_left_alone(env):
    # perf-ratio serves its floors with this project's gunicorn.conf.py: no Django, nothing to tune.
    hooks = (
        "import runpy, types; hooks = runpy.run_path('gunicorn.conf.py'); worker = types.SimpleNamespace(); "
        "hooks['post_worker_init'](worker); hooks['pre_request'](worker, None); "
        "import gc; print('served', gc.isenabled())"
    )
    out = subprocess.run([sys.executable, "-c", hooks], cwd=ROOT, env=env, capture_output=True, text=True)
    assert (out.returncode, out.stdout.strip()) == (0, "served True"), out.stderr
