"""The allocator setting of the export (`spacedevs/memory.py`): large blocks keep their own mappings."""

import platform
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")

# In a fresh process: is a block of a megabyte mapped on its own, after one of that size was freed?
PROBE = """
import ctypes
import sys

from spacedevs.memory import keep_large_blocks_mapped


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
if sys.argv[1] == "kept":
    assert keep_large_blocks_mapped()
libc.free(libc.malloc(1 << 20))
before = libc.mallinfo2().hblks
block = libc.malloc(1 << 20)
print(libc.mallinfo2().hblks - before)
libc.free(block)
"""


def newly_mapped_blocks(mode):
    run = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True)
    return int(run.stdout)


def test_by_default_a_freed_large_block_sends_the_next_ones_to_the_heap():
    assert newly_mapped_blocks("default") == 0


def test_kept_mapped_a_large_block_gets_its_own_mapping_again():
    assert newly_mapped_blocks("kept") == 1
