"""Read replicas (`spacedevs.replicas`): which database each query goes to, and a real streaming replica
serving the API while the primary is down."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import transaction

from launches.models import Launch
from spacedevs.replicas import ReplicaRouter, reading_replicas
from tests.servers import REPO, Cluster, free_port

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


@pytest.fixture(scope="module")
def clusters():
    """A private primary on a free port, loaded with the demo, and a streaming replica of it made with
    `pg_basebackup`, on another port."""
    primary = Cluster()
    replica = None
    try:
        env = {**os.environ, "DATABASE_URL": primary.url, "DATABASE_REPLICA_URLS": ""}
        for command in (["migrate", "-v0"], ["loaddata", "demo", "-v0"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=REPO, env=env, check=True)
        replica = Cluster(replica_of=primary)
        yield primary, replica
    finally:
        for cluster in (replica, primary):
            if cluster is not None:
                cluster.remove()


@pytest.mark.slow
def test_a_streaming_replica_serves_the_api_while_the_primary_is_down(clusters, tmp_path):
    primary, replica = clusters
    primary.stop()
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": primary.url,
        "DATABASE_REPLICA_URLS": replica.url,
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
