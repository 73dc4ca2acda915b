"""The allocator settings (`spacedevs/memory.py`): the export's large blocks keep their own mappings; a
served worker keeps the heap its responses freed."""

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")

# glibc's malloc, free and statistics, for the probes below.
LIBC = """
import ctypes


class Mallinfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                     "fordblks", "keepcost")
    ]


libc = ctypes.CDLL(None)
libc.malloc.argtypes, libc.malloc.restype = [ctypes.c_size_t], ctypes.c_void_p
libc.free.argtypes, libc.free.restype = [ctypes.c_void_p], None
libc.mallinfo2.restype = Mallinfo2
"""

# In a fresh process: is a block of a megabyte mapped on its own, after one of that size was freed?
PROBE = (
    LIBC
    + """
import sys

from spacedevs.memory import keep_large_blocks_mapped

if sys.argv[1] == "kept":
    assert keep_large_blocks_mapped()
libc.free(libc.malloc(1 << 20))
before = libc.mallinfo2().hblks
block = libc.malloc(1 << 20)
print(libc.mallinfo2().hblks - before)
libc.free(block)
"""
)


def newly_mapped_blocks(mode):
    run = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True)
    return int(run.stdout)


def test_by_default_a_freed_large_block_sends_the_next_ones_to_the_heap():
    assert newly_mapped_blocks("default") == 0


def test_kept_mapped_a_large_block_gets_its_own_mapping_again():
    assert newly_mapped_blocks("kept") == 1


# In a fresh process: how much of the heap that 64 blocks of 100 KB took is still the process's once they
# are freed, as a large response's blocks are once it is written? `worker` runs gunicorn's worker hook.
FREED = (
    LIBC
    + """
import os
import runpy
import sys
import types

from spacedevs.memory import keep_freed_memory

if sys.argv[1] == "served":
    assert keep_freed_memory()
elif sys.argv[1] == "worker":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spacedevs.settings")
    import spacedevs.wsgi  # noqa: F401 - the application, loaded as gunicorn loads it
    runpy.run_path("gunicorn.conf.py")["post_worker_init"](types.SimpleNamespace())
blocks = [libc.malloc(100 * 1024) for _ in range(64)]
taken = libc.mallinfo2().arena
for block in reversed(blocks):
    libc.free(block)
print((libc.mallinfo2().arena - taken + 64 * 100 * 1024) // 1024)
"""
)


def kept_kilobytes(mode, env=None):
    run = subprocess.run(
        [sys.executable, "-c", FREED, mode], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return int(run.stdout.splitlines()[-1])


def test_by_default_freed_heap_is_given_back_to_the_kernel():
    assert kept_kilobytes("default") < 1024


def test_a_served_worker_keeps_what_its_responses_freed():
    assert kept_kilobytes("served") >= 6400


@pytest.mark.parametrize(("setting", "kept"), [(None, True), ("off", False)])
def test_the_worker_hook_follows_malloc_tuning(monkeypatch, setting, kept):
    monkeypatch.delenv("MALLOC_TUNING", raising=False)
    env = dict(os.environ) if setting is None else {**os.environ, "MALLOC_TUNING": setting}
    assert (kept_kilobytes("worker", env) >= 6400) is kept
