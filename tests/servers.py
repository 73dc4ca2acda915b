"""Servers and clusters of the slow suites' own: `make serve` (gunicorn) and a private PostgreSQL cluster.

Each binds a free port on 127.0.0.1, lives in a temporary folder, and is stopped by its test's fixture.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def make_serve(tmp, **env):
    """`make serve` (migrate, demo, collectstatic, gunicorn) on a free port, with `env` added to the
    environment (an SQLite file of its own unless `DATABASE_URL` is given); yields the base URL.

    The server's output is in `tmp / "serve.log"`."""
    command = ["make", "--no-print-directory", "serve", f"BIN={Path(sys.executable).parent}", "PORT={port}"]
    with _served(command, tmp, env) as base:
        yield base


# The admin `serving` makes: (username, password).
CURATOR = ("curator", "a-long-curator-password")


@contextlib.contextmanager
def serving(tmp):
    """`make serve` on a fresh SQLite file in `tmp` with an admin, CURATOR; yields the base URL. Three
    workers: a browser's idle connection holds a sync worker, and the others keep the API answering."""
    with make_serve(tmp, WEB_CONCURRENCY="3") as base:
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "createsuperuser",
                "--no-input",
                "--username",
                CURATOR[0],
                "--email",
                "curator@example.org",
            ],
            cwd=REPO,
            env={
                **os.environ,
                "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
                "DJANGO_SUPERUSER_PASSWORD": CURATOR[1],
            },
            check=True,
            capture_output=True,
        )
        yield base


@contextlib.contextmanager
def gunicorn(tmp, **env):
    """gunicorn alone, with the project's gunicorn.conf.py, on a database already made; as `make_serve`."""
    bin_dir = Path(sys.executable).parent
    command = [str(bin_dir / "gunicorn"), "--config", "gunicorn.conf.py", "--bind", "127.0.0.1:{port}"]
    with _served(command, tmp, env) as base:
        yield base


@contextlib.contextmanager
def _served(command, tmp, env):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "DEBUG": "",
        **env,
    }
    log_path = tmp / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [part.format(port=port) for part in command],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(f"{base}/health/live", server, log_path)
            yield base
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)


def wait_for(url, server, log_path, *, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server exited with {server.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    pytest.fail(f"the server did not answer in time:\n{log_path.read_text()}")


def call(url, *, headers=None, timeout=30):
    """(status, headers, body) of a GET, whatever the status."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Cluster:
    """A PostgreSQL cluster of a test's own, run as the `postgres` user (when the tests run as root) in
    a temporary folder, on a free port: it can be stopped, started, frozen and thawed. With `replica_of`,
    a streaming replica of that cluster, made with `pg_basebackup`."""

    def __init__(self, *, replica_of=None):
        if not (PG_BIN / "initdb").exists():
            pytest.skip(f"PostgreSQL's server programs are not in {PG_BIN} (set PG_BIN)")
        self.root = Path(tempfile.mkdtemp(prefix="spacedevs-cluster-"))
        self.data = self.root / "data"
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        if replica_of is not None:
            self._run(
                "pg_basebackup",
                *("--host", "127.0.0.1", "--port", replica_of.port, "--username", "postgres"),
                *("--pgdata", self.data, "--write-recovery-conf", "--wal-method", "stream"),
                # At once: the default, a spread checkpoint, waited 2.5 minutes on an idle cluster.
                *("--checkpoint", "fast"),
            )
            self.start()
            return
        self._run("initdb", "--pgdata", self.data, "--auth", "trust", "--username", "postgres", "--no-sync")
        self.start()
        self._run(
            "createdb", "--host", "127.0.0.1", "--port", self.port, "--username", "postgres", "spacedevs"
        )

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/spacedevs"

    def _run(self, program, *args):
        command = [str(PG_BIN / program), *map(str, args)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root)

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off"
        self._run(
            "pg_ctl",
            "--pgdata",
            self.data,
            "--options",
            options,
            "--log",
            self.root / "log",
            "--wait",
            "start",
        )

    def stop(self):
        self._run("pg_ctl", "--pgdata", self.data, "--mode", "fast", "--wait", "stop")

    def _pids(self):
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout
        return [postmaster, *map(int, children.split())]

    def freeze(self):
        for pid in self._pids():
            os.kill(pid, signal.SIGSTOP)

    def thaw(self):
        for pid in self._pids():
            os.kill(pid, signal.SIGCONT)

    def remove(self):
        with contextlib.suppress(Exception):
            self.thaw()
        with contextlib.suppress(Exception):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
