"""A progress bar the mirror's commands draw on a terminal, and leave out of a log."""

from collections.abc import Callable

BAR_WIDTH = 30


def progress_bar(stream, *, label: str, minimum: int = 0) -> Callable[[int, int | None], None] | None:
    """A callback `progress(done, total)` that draws `label [####....] done/total` on `stream` (a
    management command's `OutputWrapper`) when it is a terminal; None otherwise, so that a log gets
    no bar. Totals under `minimum` draw nothing (too quick to watch); an unknown total (None) draws the
    count alone. It redraws at each whole percent, and ends its line when done reaches total."""
    if not stream.isatty():
        return None

    def progress(done, total):
        if total is not None and (
            total < minimum or (done < total and 100 * done // total == 100 * (done - 1) // total)
        ):
            return
        if total is None:
            line = f"\r{label} {done}"
        else:
            filled = BAR_WIDTH * min(done, total) // total
            line = f"\r{label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        stream.write(line, style_func=str, ending="\n" if total is not None and done >= total else "")
        stream.flush()

    return progress
