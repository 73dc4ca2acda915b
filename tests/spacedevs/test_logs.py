"""`LOG_FORMAT=json`: Django's logs and gunicorn's access and error logs, one JSON object a line."""

import json
import logging
import os
import subprocess
import sys
import time

import pytest

from spacedevs.logs import JsonFormatter
from tests.servers import REPO, call, gunicorn


def formatted(record):
    return json.loads(JsonFormatter().format(record))


def test_a_record_is_one_json_object():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/x/",), exc_info=None
    )
    record.status_code = 404

    entry = formatted(record)

    assert entry | {"time": None} == {
        "time": None,
        "level": "WARNING",
        "logger": "django.request",
        "message": "Not Found: /x/",
        "status": 404,
    }
    assert entry["time"].endswith("+00:00")


def test_an_exception_is_its_traceback_within_the_object():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("app", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())

    text = JsonFormatter().format(record)

    assert "\n" not in text
    assert "ValueError: boom" in json.loads(text)["traceback"]


def test_an_access_record_carries_the_request():
    atoms = {"h": "127.0.0.1", "m": "GET", "U": "/2.2.0/", "q": "limit=5", "s": "200", "M": 12, "B": 99}
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(h)s %(s)s", (atoms,), None)

    entry = formatted(record)

    assert entry["message"] == "127.0.0.1 200"
    assert (entry["method"], entry["path"], entry["query"], entry["status"], entry["duration_ms"]) == (
        "GET",
        "/2.2.0/",
        "limit=5",
        "200",
        12,
    )


@pytest.mark.slow
def test_a_server_with_log_format_json_writes_only_json_lines(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "PATH": os.environ["PATH"]}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=REPO, env=env, check=True)

    with gunicorn(tmp_path, LOG_FORMAT="json", WEB_CONCURRENCY="1") as base:
        assert call(f"{base}/2.2.0/agencies/")[0] == 200
        assert call(f"{base}/2.2.0/nonexistent/")[0] == 404
        assert call(f"{base}/2.2.0/", headers={"Host": "evil.example"})[0] == 400
        time.sleep(0.5)

    entries = [json.loads(line) for line in (tmp_path / "serve.log").read_text().splitlines() if line.strip()]
    loggers = {entry["logger"] for entry in entries}
    assert {"gunicorn.error", "gunicorn.access", "django.request"} <= loggers
    access = [entry for entry in entries if entry["logger"] == "gunicorn.access"]
    assert {(entry["method"], entry["path"], entry["status"]) for entry in access} >= {
        ("GET", "/2.2.0/agencies/", "200"),
        ("GET", "/2.2.0/nonexistent/", "404"),
    }
    assert all(isinstance(entry["duration_ms"], int) for entry in access)
