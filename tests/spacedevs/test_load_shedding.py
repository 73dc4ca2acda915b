"""Under more load than it can serve, gunicorn (one worker here) drops the requests whose clients gave
up while they waited, instead of working on them: they are logged 499, and never reach a view."""

import os
import socket
import subprocess
import sys
import threading
import time

import pytest

from tests.servers import REPO, call, gunicorn

pytestmark = pytest.mark.slow

HEAVY = "/2.2.0/launch/?mode=detailed&limit=100"


def abandon(port, path):
    """Send a request and hang up at once, as a client whose timeout passed does."""
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())


def test_requests_abandoned_while_waiting_are_not_served(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "PATH": os.environ["PATH"]}
    for command in (["migrate", "-v0"], ["load_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=REPO, env=env, check=True, capture_output=True
        )

    with gunicorn(tmp_path, WEB_CONCURRENCY="1") as base:
        port = int(base.rsplit(":", 1)[1])
        # The one worker is busy with these while the abandoned requests wait behind them: enough of them
        # to outlast the pause below by far (three, at about 80 ms each, once did not).
        busy = [threading.Thread(target=call, args=(f"{base}{HEAVY}",)) for _ in range(12)]
        for thread in busy:
            thread.start()
        time.sleep(0.2)
        for number in range(5):
            abandon(port, f"/2.2.0/agencies/?abandoned={number}")
        for thread in busy:
            thread.join()
        assert call(f"{base}/2.2.0/agencies/?waited=1")[0] == 200
        time.sleep(0.5)

    log = (tmp_path / "serve.log").read_text().splitlines()
    abandoned = [line for line in log if "abandoned=" in line]
    assert len(abandoned) == 5
    assert all('" 499 ' in line for line in abandoned), abandoned
    assert any('waited=1 HTTP/1.1" 200 ' in line for line in log)
