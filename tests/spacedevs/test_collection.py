"""The garbage collector's tuning in a served worker (`spacedevs/collection.py`, `gunicorn.conf.py`)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from spacedevs.collection import FREEZE_ONLY, parse_threshold

ROOT = Path(__file__).resolve().parents[2]

# A worker's hook run in a process of its own, so that this one's collector is left alone.
HOOK = """
import gc, json, os, runpy
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spacedevs.settings")
import spacedevs.wsgi
before = gc.get_threshold()
runpy.run_path("gunicorn.conf.py")["post_worker_init"](None)
print(json.dumps({"before": before, "after": gc.get_threshold(), "frozen": gc.get_freeze_count()}))
"""


def run_hook(env):
    out = subprocess.run(
        [sys.executable, "-c", HOOK], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.splitlines()[-1])


@pytest.fixture
def env(monkeypatch):
    monkeypatch.delenv("GC_THRESHOLD", raising=False)
    return dict(os.environ)


def test_a_worker_freezes_what_it_loaded(env):
    seen = run_hook(env)
    assert seen["before"] == [700, 10, 10]
    # Python's own thresholds: higher ones let a large response's garbage outlive it.
    assert seen["after"] == [700, 10, 10]
    # Django, the apps and the URL patterns: well over 10,000 objects the collector no longer walks.
    assert seen["frozen"] > 10_000


def test_another_application_served_with_the_file_is_left_alone(env):
    # perf-ratio serves its floors with this project's gunicorn.conf.py: no Django, nothing to tune.
    hook = 'import runpy; runpy.run_path("gunicorn.conf.py")["post_worker_init"](None); print("served")'
    out = subprocess.run([sys.executable, "-c", hook], cwd=ROOT, env=env, capture_output=True, text=True)
    assert (out.returncode, out.stdout.strip()) == (0, "served"), out.stderr


def test_gc_threshold_names_the_thresholds(env):
    seen = run_hook({**env, "GC_THRESHOLD": "20000,5"})
    assert seen["after"] == [20000, 5, 10]
    assert seen["frozen"] > 10_000


def test_gc_threshold_off_leaves_python_s_collector(env):
    seen = run_hook({**env, "GC_THRESHOLD": "off"})
    assert seen["after"] == [700, 10, 10]
    assert seen["frozen"] == 0


@pytest.mark.parametrize("value", ["fast", "0,10", "1,2,3,4", "-5", "1.5"])
def test_a_threshold_that_is_not_one_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="GC_THRESHOLD"):
        parse_threshold(value)


@pytest.mark.parametrize(("value", "expected"), [("", FREEZE_ONLY), (" 30000 ", (30000,)), ("OFF", None)])
def test_thresholds_read(value, expected):
    assert parse_threshold(value) == expected
