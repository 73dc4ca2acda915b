"""`manage.py sync_ll2`: keep a mirror current from an LL2-compatible server, once or in a loop."""

import os
import signal
import threading

from django.core.management import BaseCommand, CommandError

from mirror.progress import progress_bar
from mirror.sync import FLIGHTS, KINDS, Stopped, SyncError, SyncReport, sync

# Seconds between two rounds of `--loop` (on top of the upstream's own pacing of every call).
DEFAULT_PAUSE = 60


class Command(BaseCommand):
    help = (
        "Bring this database up to date with an LL2-compatible server (LL2, or another instance of this "
        "service). --kind says what: flights (the default: the first run pages through every spacecraft "
        "flight in detailed mode with its launch, spacecraft and stations; later runs fetch the flights "
        "of the launches changed since the last completed run), upcoming-launches, upcoming-events; "
        "repeat it for several. Paced by the upstream's own budget (its api-throttle/, else 15 calls an "
        "hour); an interrupted run resumes after the last page it imported; a page that is bad input is "
        "recorded and skipped. --loop repeats the runs until SIGTERM. See mirror/sync.py."
    )

    def add_arguments(self, parser) -> None:
        # Either may come from the environment instead (LL2_BASE_URL, LL2_TOKEN), as in docker-compose.yml.
        parser.add_argument(
            "--base-url",
            default=os.environ.get("LL2_BASE_URL") or None,
            required=not os.environ.get("LL2_BASE_URL"),
            help="the upstream: https://ll.thespacedevs.com, or its API root "
            "https://ll.thespacedevs.com/2.2.0/ (default: LL2_BASE_URL)",
        )
        parser.add_argument(
            "--token",
            default=os.environ.get("LL2_TOKEN") or None,
            help="an API key of the upstream, sent as `Authorization: Token KEY` (default: LL2_TOKEN)",
        )
        parser.add_argument(
            "--kind",
            action="append",
            choices=KINDS,
            help=f"what to sync: {', '.join(KINDS)} (default: {FLIGHTS}); repeat it for several, run in "
            "that order",
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="page through every flight again, not only those whose launch changed (and start over "
            "rather than resume an interrupted run)",
        )
        parser.add_argument(
            "--loop",
            action="store_true",
            help="sync again and again, until SIGTERM or SIGINT (which stop it between two calls, its "
            "progress saved)",
        )
        parser.add_argument(
            "--pause",
            type=float,
            default=DEFAULT_PAUSE,
            help=f"with --loop, seconds to wait between two rounds (default {DEFAULT_PAUSE})",
        )

    def handle(self, *args, base_url, token, kind, full, loop, pause, **options) -> None:
        kinds = kind or [FLIGHTS]
        log = self.stdout.write if options["verbosity"] >= 1 else None
        stop = threading.Event()
        previous = _stop_on_signals(stop) if loop else {}
        try:
            while True:
                for one in kinds:
                    report = self.run_one(
                        base_url=base_url, token=token, kind=one, full=full, log=log, stop=stop
                    )
                    if stop.is_set() or report.stopped:
                        return
                # `--full` starts over once; the rounds after it fetch what changed.
                full = False
                if not loop or stop.wait(pause):
                    return
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def run_one(self, *, base_url, token, kind, full, log, stop) -> SyncReport:
        """One run of `kind`; a failure of the upstream ends the command in one line."""

        def sleep(seconds):
            # A wait for the upstream's budget that SIGTERM cuts short: the run stops before its next call.
            if stop.wait(seconds):
                raise Stopped

        try:
            report = sync(
                base_url=base_url,
                token=token,
                full=full,
                kind=kind,
                log=log,
                sleep=sleep,
                progress=progress_bar(self.stderr, label=f"syncing {kind}"),
                should_stop=stop.is_set,
            )
        except SyncError as error:
            raise CommandError(f"{error}\nThe next run resumes after the last page imported.") from error
        except KeyboardInterrupt:
            raise CommandError("interrupted: the next run resumes after the last page imported.") from None
        if log is not None:
            log(f"{kind}: {report}")
        return report


def _stop_on_signals(stop):
    """Set `stop` on SIGTERM and SIGINT (a container's stop, Ctrl-C); returns the handlers replaced."""
    previous = {}
    for signum in (signal.SIGTERM, signal.SIGINT):
        previous[signum] = signal.signal(signum, lambda *_: stop.set())
    return previous
