"""The C allocator: in a process that writes thousands of large payloads (`manage.py export_ll2`), and in a
served worker (`gunicorn.conf.py`'s `post_worker_init`; `MALLOC_TUNING`).

glibc's `malloc` serves a block of at least `M_MMAP_THRESHOLD` bytes (128 KB) from a mapping of its own,
unmapped when freed. But by default it raises that threshold to the size of each such block freed, up
to 32 MB: once the first page of a megabyte was freed, every later one comes from the heap, whose freed
space the process keeps and fragments among the small blocks allocated meanwhile. A process writing
page after page of a megabyte then grew with their number: the export of a million flights went from
177 to 266 MB in its first 1,500 pages, although Python's own objects did not grow (`tracemalloc`).
Setting the threshold explicitly turns the raising off; the process then stays flat (99 MB over 80
pages of detailed launches that added 28 MB before).

That is not what a served worker needs: a response cached in process memory is a new bytes object of
the same size on every hit, and a mapping per hit would cost the cached path page faults that the heap
does not. Nor does glibc's default serve it well. A large uncached page passes through several blocks
of its size (the statement's result in libpq, its bytes, orjson's output, the body gunicorn writes);
once freed they leave more than `M_TRIM_THRESHOLD` free at the top of the heap, which glibc then gives
back to the kernel, and the next page takes it again, a page fault per 4 KB. `/2.2.0/launch/upcoming/
?limit=100` (331 KB) cost a worker 173 page faults and 0.96 ms of system time per request, 4.4 ms of
CPU in all. So a served worker keeps what it freed, up to `SERVED_TRIM_THRESHOLD`, and serves blocks up
to `SERVED_MMAP_THRESHOLD` from the heap: 1 page fault, 0.38 ms of system time, 3.5 ms in all; a page of
100 detailed flights (746 KB) went from 350 faults and 5.8 ms to 16 and 4.6 ms (2026-11-29, one worker,
one connection). What it keeps is the space its largest responses use, taken again by later ones: after
10,000 mixed requests (`make bench`) the two workers held 196 and 210 MB, against 194 and 165 MB
without.
"""

import ctypes

# mallopt's parameter numbers (malloc.h).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# glibc's own default, kept, only no longer raised.
THRESHOLD = 128 * 1024


# A served worker's: the largest glibc accepts for the mapping threshold (32 MB on 64-bit systems), so
# that every response's blocks come from the heap, and twice that of free heap kept.
SERVED_MMAP_THRESHOLD = 32 * 1024 * 1024
SERVED_TRIM_THRESHOLD = 64 * 1024 * 1024


def keep_large_blocks_mapped(threshold: int = THRESHOLD) -> bool:
    """Serve blocks of `threshold` bytes and more from their own mappings, given back when freed, for the
    rest of the process. False where the C library has no `mallopt` (not glibc): nothing changes."""
    return _mallopt(M_MMAP_THRESHOLD, threshold)


def keep_freed_memory() -> bool:
    """A served worker's setting: blocks up to `SERVED_MMAP_THRESHOLD` from the heap, and up to
    `SERVED_TRIM_THRESHOLD` of freed heap kept for the next requests rather than given back. False
    where the C library has no `mallopt` (not glibc): nothing changes."""
    kept = _mallopt(M_TRIM_THRESHOLD, SERVED_TRIM_THRESHOLD)
    return kept and _mallopt(M_MMAP_THRESHOLD, SERVED_MMAP_THRESHOLD)


def _mallopt(parameter: int, value: int) -> bool:
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(parameter, value) == 1
