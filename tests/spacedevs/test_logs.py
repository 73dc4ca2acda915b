"""`LOG_FORMAT=json`: Django's logs and gunicorn's access and error logs, one JSON object a line."""

import ast
import datetime
import json
import logging
import os
import subprocess
import sys
import time

import pytest

from spacedevs.logs import JsonFormatter
from tests.servers import REPO, call, gunicorn


def _configured(name):
    """A constant that gunicorn.conf.py sets (the file is not run: it sets up the metrics' directory)."""
    for node in ast.parse((REPO / "gunicorn.conf.py").read_text()).body:
        if isinstance(node, ast.Assign) and [target.id for target in node.targets] == [name]:
            return ast.literal_eval(node.value)
    raise LookupError(name)


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


class _Response:
    status = "404 Not Found"
    sent = 6704
    headers = [("Content-Type", "application/json"), ("X-Request-Id", "abc")]


class _Request:
    headers = [("HOST", "127.0.0.1"), ("X-REQUEST-ID", "r-1")]


def _logged(logger_class, access_log_format, path, environ, durations):
    """The access log `logger_class` writes to `path` for one request per duration."""
    from gunicorn.config import Config

    config = Config()
    config.set("accesslog", str(path))
    config.set("access_log_format", access_log_format)
    logger = logger_class(config)
    for took in durations:
        logger.access(_Response(), _Request(), environ, took)
    for handler in logger.access_log.handlers:
        handler.flush()
    return path.read_text()


def _access_lines(logger_class, access_log_format, tmp_path):
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/2.2.0/launch/?limit=5",
        "PATH_INFO": "/2.2.0/launch/",
        "QUERY_STRING": "limit=5",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.7",
        "HTTP_USER_AGENT": 'client "quoted"/1.0',
        "HTTP_REFERER": "https://example.com/",
    }
    durations = (datetime.timedelta(microseconds=700), datetime.timedelta(seconds=2, microseconds=31_000))
    path = tmp_path / f"{logger_class.__name__}.log"
    return _logged(logger_class, access_log_format, path, environ, durations).splitlines()


@pytest.mark.parametrize(
    "access_log_format",
    [
        pytest.param(_configured("access_log_format"), id="ours"),
        pytest.param(
            '%(h)s %(l)s "%(r)s" %(m)s %(U)s %(q)s %(H)s %(s)s %(b)s %(B)s %(T)s %(D)s %(L)s %(p)s "%(f)s"',
            id="all-built-here",
        ),
        pytest.param(
            '%(h)s %(t)s "%(f)s" %({x-request-id}i)s %({x-request-id}o)s %(u)s', id="gunicorns-atoms"
        ),
    ],
)
def test_the_access_line_is_gunicorns_own(access_log_format, tmp_path):
    from gunicorn.glogging import Logger

    from spacedevs.logs import GunicornLogger

    ours = _access_lines(GunicornLogger, access_log_format, tmp_path)

    assert ours == _access_lines(Logger, access_log_format, tmp_path)
    assert len(ours) == 2


def test_the_json_access_record_carries_the_request_whatever_the_format(tmp_path):
    from spacedevs.logs import GunicornJsonLogger

    environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/2.2.0/?a=1", "PATH_INFO": "/2.2.0/"}
    environ |= {"QUERY_STRING": "a=1", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "10.0.0.7"}
    durations = [datetime.timedelta(milliseconds=12)]
    text = _logged(GunicornJsonLogger, "%(s)s", tmp_path / "access.log", environ, durations)

    entry = json.loads(text)

    assert entry["message"] == "404"
    assert (entry["method"], entry["path"], entry["query"], entry["status"], entry["duration_ms"]) == (
        "GET",
        "/2.2.0/",
        "a=1",
        "404",
        12,
    )
    assert (entry["remote_addr"], entry["bytes"], entry["user_agent"]) == ("10.0.0.7", 6704, "-")
