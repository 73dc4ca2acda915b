"""Read replicas (`spacedevs.replicas`): which database each query goes to, and a real streaming replica
serving the API while the primary is down."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import transaction

from launches.models import Launch
from spacedevs.replicas import ReplicaRouter, reading_replicas
from tests.test_serve import free_port

REPO = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
router = ReplicaRouter()


@pytest.fixture
def two_replicas(monkeypatch):
    monkeypatch.setattr("spacedevs.replicas.replica_aliases", lambda: ["replica1", "replica2"])


def test_api_reads_go_to_a_replica(two_replicas):
    with reading_replicas():
        chosen = router.db_for_read(Launch)
        assert router.db_for_read(Launch) == chosen  # one replica per request

    assert chosen in {"replica1", "replica2"}


def test_everything_else_goes_to_the_primary(two_replicas):
    assert router.db_for_read(Launch) == "default"
    with reading_replicas():
        assert router.db_for_write(Launch) == "default"
    assert router.allow_migrate("default", "launches")
    assert not router.allow_migrate("replica1", "launches")


@pytest.mark.django_db
def test_inside_a_transaction_reads_stay_on_the_primary(two_replicas):
    with transaction.atomic(), reading_replicas():
        assert router.db_for_read(Launch) == "default"


def test_without_replicas_the_primary_serves(settings):
    with reading_replicas():
        assert router.db_for_read(Launch) == "default"


# --- a real streaming replica ----------------------------------------------------------------------------


def as_postgres(*command, **kwargs):
    return subprocess.run(["runuser", "-u", "postgres", "--", *map(str, command)], check=True, **kwargs)


@pytest.fixture(scope="module")
def clusters():
    """A private primary on a free port, loaded with the demo, and a streaming replica of it made with
    `pg_basebackup`, on another port."""
    if not (PG_BIN / "pg_basebackup").exists() or os.geteuid() != 0:
        pytest.skip("needs PostgreSQL 15's binaries and root (to run them as postgres)")
    # Outside pytest's temporary folder, which the postgres user cannot enter.
    base = Path(tempfile.mkdtemp(prefix="spacedevs-replication-"))
    shutil.chown(base, "postgres")
    primary, replica = base / "primary", base / "replica"
    primary_port, replica_port = free_port(), free_port()
    started = []
    try:
        as_postgres(PG_BIN / "initdb", "-D", primary, "--auth=trust", "-U", "postgres", capture_output=True)
        options = f"-c listen_addresses=127.0.0.1 -c unix_socket_directories={base} -c wal_level=replica"
        as_postgres(
            PG_BIN / "pg_ctl",
            "-D",
            primary,
            "-o",
            f"-p {primary_port} {options}",
            "-l",
            base / "primary.log",
            "-w",
            "start",
            capture_output=True,
        )
        started.append(primary)
        as_postgres(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", primary_port, "spacedevs")
        primary_url = f"postgres://postgres@127.0.0.1:{primary_port}/spacedevs"
        env = {**os.environ, "DATABASE_URL": primary_url, "DATABASE_REPLICA_URLS": ""}
        for command in (["migrate", "-v0"], ["loaddata", "demo", "-v0"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=REPO, env=env, check=True)
        as_postgres(
            PG_BIN / "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            primary_port,
            "-U",
            "postgres",
            "-D",
            replica,
            "-R",
            "-X",
            "stream",
        )
        as_postgres(
            PG_BIN / "pg_ctl",
            "-D",
            replica,
            "-o",
            f"-p {replica_port} {options}",
            "-l",
            base / "replica.log",
            "-w",
            "start",
            capture_output=True,
        )
        started.append(replica)
        yield primary_url, f"postgres://postgres@127.0.0.1:{replica_port}/spacedevs", primary
    finally:
        for data in started:
            subprocess.run(
                ["runuser", "-u", "postgres", "--", PG_BIN / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
                capture_output=True,
            )


@pytest.mark.slow
def test_a_streaming_replica_serves_the_api_while_the_primary_is_down(clusters, tmp_path):
    primary_url, replica_url, primary_data = clusters
    as_postgres(PG_BIN / "pg_ctl", "-D", primary_data, "-m", "fast", "stop", capture_output=True)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": primary_url,
        "DATABASE_REPLICA_URLS": replica_url,
        "RESPONSE_CACHE": "off",
        "DATA_VERSION_FILE": str(tmp_path / "data-version"),
    }
    server = subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "spacedevs.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/2.2.0"
        flight = _get_json(f"{base}/spacecraft/flight/567/")
        page = _get_json(f"{base}/spacecraft/flight/?mode=detailed&limit=100")
        launches = _get_json(f"{base}/launch/?limit=5")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    # Served with the primary stopped: the API read nothing from it.
    assert flight["destination"] == "Salyut 6"
    assert page["count"] >= 20
    assert len(launches["results"]) == 5


def _get_json(url):
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(
                urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=10
            ) as response:
                return json.load(response)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
