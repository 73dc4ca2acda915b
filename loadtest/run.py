"""`make loadtest` (`python -m loadtest.run`): the service under a realistic mix of reads while
`import_ll2` writes, on loopback.

1. Prepares the database (`DATABASE_URL`, or an SQLite file of its own): migrate, the demo.
2. Serves it with gunicorn and the project's gunicorn.conf.py on a free port of 127.0.0.1.
3. Runs `import_ll2` in a loop on the demo's own export, each time with every launch's `last_updated`
   moved on, so that every run writes.
4. Runs wrk (`loadtest/mix.lua`) against it for DURATION seconds (60) with CONNECTIONS connections (32):
   flight details and lists in every mode, launch lists in every mode, `launch/upcoming/`, astronauts,
   spacecraft, agencies, stations.
5. Prints the throughput, the latency percentiles (p99), the errors (non-2xx answers, socket errors),
   and how many imports ran meanwhile; exits non-zero if there was any error.

Everything it starts stops by itself at the end. Nothing leaves the machine.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from tests.servers import free_port

REPO = Path(__file__).resolve().parent.parent

DURATION = int(os.environ.get("DURATION", "60"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "32"))


def manage(*args, env, quiet=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
        stderr=subprocess.PIPE,
        text=True,
    )


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def wait_until_up(base, server):
    for _ in range(240):
        if server.poll() is not None:
            sys.exit("gunicorn exited before it answered")
        try:
            urllib.request.urlopen(f"{base}/health/ready", timeout=5)
            return
        except OSError:
            time.sleep(0.5)
    sys.exit("gunicorn did not answer in time")


def mix(base):
    """The paths of the mix, weighted by repetition, with ids of the data served."""
    api = f"{base}/2.2.0"
    flights = [item["id"] for item in get_json(f"{api}/spacecraft/flight/?limit=100")["results"]]
    astronauts = [item["id"] for item in get_json(f"{api}/astronaut/?limit=100")["results"]]
    launches = [item["id"] for item in get_json(f"{api}/launch/?limit=100&mode=list")["results"]]
    paths = []
    paths += [f"/2.2.0/spacecraft/flight/{flight}/" for flight in flights] * 2
    paths += ["/2.2.0/spacecraft/flight/", "/2.2.0/spacecraft/flight/?mode=detailed&limit=20"] * 4
    paths += [f"/2.2.0/launch/?mode={mode}&limit=10" for mode in ("list", "normal", "detailed")] * 3
    paths += ["/2.2.0/launch/upcoming/", "/2.2.0/launch/upcoming/?mode=list", "/2.2.0/launch/previous/"] * 4
    paths += [f"/2.2.0/launch/{launch}/" for launch in launches[:10]]
    paths += ["/2.2.0/astronaut/?mode=list", "/2.2.0/astronaut/?mode=detailed&limit=5"] * 2
    paths += [f"/2.2.0/astronaut/{astronaut}/" for astronaut in astronauts[:10]]
    paths += ["/2.2.0/spacecraft/?mode=detailed", "/2.2.0/agencies/", "/2.2.0/spacestation/?mode=detailed"]
    return paths


class ImportLoop(threading.Thread):
    """`import_ll2` of the export, again and again, every launch newer each time, until stopped."""

    def __init__(self, export, env):
        super().__init__(daemon=True)
        self.export, self.env = export, env
        self.runs = self.failures = 0
        self.stopping = threading.Event()

    def run(self):
        pages = sorted(self.export.rglob("page-*.json"))
        launch_pages = [page for page in pages if page.parent.name == "launch"]
        while not self.stopping.is_set():
            now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            for page in launch_pages:
                document = json.loads(page.read_text())
                for launch in document["results"]:
                    launch["last_updated"] = now
                page.write_text(json.dumps(document))
            done = subprocess.run(
                [sys.executable, "manage.py", "import_ll2", *map(str, pages)],
                cwd=REPO,
                env=self.env,
                capture_output=True,
                text=True,
            )
            self.runs += 1
            self.failures += done.returncode != 0


def main():
    if subprocess.run(["which", "wrk"], capture_output=True).returncode != 0:
        sys.exit("wrk is not installed: apt-get install wrk (make loadtest installs it where it can)")
    work = Path(tempfile.mkdtemp(prefix="spacedevs-loadtest-"))
    env = {
        **os.environ,
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{work / 'db.sqlite3'}",
        "STATIC_ROOT": str(work / "static"),
        "DEBUG": "",
        "API_THROTTLE_RATE": "",
    }
    print(f"database: {env['DATABASE_URL'].split('@')[-1]}", flush=True)
    manage("migrate", "--no-input", env=env)
    manage("load_demo", env=env)
    manage("export_ll2", str(work / "export"), env=env)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (work / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            Path(sys.executable).parent / "gunicorn",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    imports = ImportLoop(work / "export", env)
    try:
        wait_until_up(base, server)
        paths = work / "paths.txt"
        paths.write_text("\n".join(mix(base)) + "\n")
        imports.start()
        print(f"wrk: {CONNECTIONS} connections for {DURATION} s on {base}, import_ll2 in a loop", flush=True)
        wrk = subprocess.run(
            [
                "wrk",
                "--threads",
                "2",
                "--connections",
                str(CONNECTIONS),
                "--duration",
                f"{DURATION}s",
                "--timeout",
                "10s",
                "--script",
                str(REPO / "loadtest" / "mix.lua"),
                base,
                "--",
                str(paths),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        imports.stopping.set()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        imports.join(timeout=120)
        log.close()
    result = json.loads(wrk.stdout.strip().splitlines()[-1])
    result.update(
        import_runs=imports.runs,
        import_failures=imports.failures,
        workers=os.environ.get("WEB_CONCURRENCY", "2 per core + 1"),
    )
    errors = sum(
        result[name] for name in ("non_2xx", "connect_errors", "read_errors", "write_errors", "timeouts")
    )
    print(
        f"throughput {result['throughput_rps']:.0f} requests/s ({result['requests']} requests), "
        f"p50 {result['p50_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms, errors {errors}, "
        f"imports {result['import_runs']} ({result['import_failures']} failed)"
    )
    print(json.dumps(result))
    sys.exit(1 if errors or imports.failures else 0)


if __name__ == "__main__":
    main()
