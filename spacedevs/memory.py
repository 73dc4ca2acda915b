"""The C allocator in a process that writes thousands of large payloads (`manage.py export_ll2`).

glibc's `malloc` serves a block of at least `M_MMAP_THRESHOLD` bytes (128 KB) from a mapping of its own,
unmapped when freed. But by default it raises that threshold to the size of each such block freed, up
to 32 MB: once the first page of a megabyte was freed, every later one comes from the heap, whose freed
space the process keeps and fragments among the small blocks allocated meanwhile. A process writing
page after page of a megabyte then grew with their number: the export of a million flights went from
177 to 266 MB in its first 1,500 pages, although Python's own objects did not grow (`tracemalloc`).
Setting the threshold explicitly turns the raising off; the process then stays flat (99 MB over 80
pages of detailed launches that added 28 MB before).

It is not set in the served workers: a response cached in process memory is a new bytes object of the
same size on every hit, and a mapping per hit would cost the cached path page faults that the heap
does not.
"""

import ctypes

# mallopt's parameter number for the threshold (malloc.h).
M_MMAP_THRESHOLD = -3
# glibc's own default, kept, only no longer raised.
THRESHOLD = 128 * 1024


def keep_large_blocks_mapped(threshold: int = THRESHOLD) -> bool:
    """Serve blocks of `threshold` bytes and more from their own mappings, given back when freed, for the
    rest of the process. False where the C library has no `mallopt` (not glibc): nothing changes."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, threshold) == 1
