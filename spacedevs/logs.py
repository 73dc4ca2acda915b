"""`LOG_FORMAT=json`: Django's logs and gunicorn's error and access logs as one JSON object a line."""

import datetime
import json
import logging

from gunicorn.glogging import Logger

# gunicorn's access-log atoms, under the names a log pipeline expects.
ACCESS_FIELDS = {
    "h": "remote_addr",
    "m": "method",
    "U": "path",
    "q": "query",
    "H": "protocol",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "f": "referer",
    "a": "user_agent",
}


class WithoutTraceback(logging.Filter):
    """A record kept to its message: for the errors a client causes, which no traceback explains (a
    `Host` that ALLOWED_HOSTS does not list, sent by every scanner of the internet)."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        return True


class JsonFormatter(logging.Formatter):
    """A record as `{"time", "level", "logger", "message", ...}`; an access record with its request's
    fields (`method`, `path`, `status`, `duration_ms`...); an exception as its `traceback`."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(
                {name: record.args.get(atom) for atom, name in ACCESS_FIELDS.items()},
            )
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class GunicornJsonLogger(Logger):
    """gunicorn's logger (`logger_class` in gunicorn.conf.py), writing its error and access logs with
    `JsonFormatter`."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())
