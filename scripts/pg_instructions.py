#!/usr/bin/env python3
"""PostgreSQL's instructions per execution of the statement that writes an API path's payload.

    DATABASE_URL=postgres://... .venv/bin/python scripts/pg_instructions.py PATH [PATH ...]

Timings on a shared machine drift by 10 to 30% between runs of the same code; instructions counted by
valgrind repeat to 0.1%, so this is how a change to the statements `spacedevs.api.sqljson` writes is
judged (README, "Measuring it"). For each path (`/2.2.0/spacecraft/flight/567/`,
`"/2.2.0/launch/upcoming/?limit=100"`), the service answers it once in process, and the statement its
payload was written by is kept with its parameters. The database is copied (`pg_dump`) into a cluster
of its own in a temporary directory; each statement is prepared and executed in a single-user backend
(`postgres --single`) under `valgrind --tool=callgrind`, `WARM` times (10) then `WARM + RUNS` times
(30 more), and the difference of the two totals is divided by `RUNS`: one execution of the generic
plan PostgreSQL keeps, after its caches have filled. Needs valgrind, PostgreSQL's server binaries
(`PG_BIN`, /usr/lib/postgresql/15/bin) and root, to run them as `postgres`. Slow: a page of 100
detailed flights takes minutes (`RUNS=6` shortens it).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
WARM = int(os.environ.get("WARM", "10"))
RUNS = int(os.environ.get("RUNS", "30"))
PORT = os.environ.get("PG_INSTRUCTIONS_PORT", "5441")


def statements(paths: list[str]) -> list[tuple[str, list]]:
    """The statement and parameters that wrote each path's payload, as the service ran them."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spacedevs.settings")
    os.environ["RESPONSE_CACHE"] = "off"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.test import Client

    from spacedevs.api import sqljson

    ran = []
    run = sqljson.Statement.run

    def kept(self, keys, root, suffix, using):
        ran.append(self.query(keys, root, suffix))
        return run(self, keys, root, suffix, using)

    sqljson.Statement.run = kept
    found = []
    for path in paths:
        ran.clear()
        response = Client().get(path, HTTP_ACCEPT="application/json", HTTP_HOST="127.0.0.1")
        if not ran:  # a 404 of a detail is found by the statement too
            sys.exit(f"{path}: answered {response.status_code}, not written by the database")
        found.append(ran[-1])
    return found


def literal(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def script(sql: str, params: list, executions: int) -> str:
    numbered = iter(range(1, len(params) + 1))
    body = re.sub(r"%%|%s", lambda m: "%" if m.group(0) == "%%" else f"${next(numbered)}", sql)
    execute = f"EXECUTE p({', '.join(literal(value) for value in params)});\n\n"
    return "SET jit = off;\n\n" + f"PREPARE p AS {' '.join(body.split())};\n\n" + execute * executions


def as_postgres(*command: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, **kwargs)


def instructions(data: Path, work: Path, text: str) -> int:
    (work / "script.sql").write_text(text)
    out = work / "callgrind.out"
    with open(work / "script.sql") as stdin:
        done = as_postgres(
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
            str(PG_BIN / "postgres"), "--single", "-j", "-D", str(data), "measured",
            stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
    return int(re.search(r"Collected : ([\d,]+)", done.stderr).group(1).replace(",", ""))


def pg_ctl(data: Path, *args: str) -> None:
    as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-w", *args, stdout=subprocess.DEVNULL)


def copy_database(data: Path, work: Path) -> None:
    """A cluster of its own in `data`, holding a copy of DATABASE_URL's database as `measured`."""
    initdb = [str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "root"]
    as_postgres(*initdb, stdout=subprocess.DEVNULL)
    pg_ctl(data, "-o", f"-p {PORT} -k {work} -c listen_addresses=127.0.0.1", "-l", str(work / "log"), "start")
    server = f"postgres://root@127.0.0.1:{PORT}"
    try:
        subprocess.run(["psql", "-q", f"{server}/postgres", "-c", "CREATE DATABASE measured"], check=True)
        dump = subprocess.Popen(["pg_dump", os.environ["DATABASE_URL"]], stdout=subprocess.PIPE)
        load = ["psql", "-q", "-v", "ON_ERROR_STOP=1", f"{server}/measured"]
        subprocess.run(load, stdin=dump.stdout, stdout=subprocess.DEVNULL, check=True)
        if dump.wait():
            sys.exit("pg_dump failed")
        subprocess.run(["psql", "-q", f"{server}/measured", "-c", "VACUUM ANALYZE"], check=True)
    finally:
        pg_ctl(data, "-m", "fast", "stop")


def main(paths: list[str]) -> None:
    if not paths:
        sys.exit(__doc__)
    measured = statements(paths)
    work = Path(tempfile.mkdtemp(prefix="pg-instructions-"))
    shutil.chown(work, "postgres")
    try:
        data = work / "data"
        copy_database(data, work)
        for path, (sql, params) in zip(paths, measured, strict=True):
            warm = instructions(data, work, script(sql, params, WARM))
            more = instructions(data, work, script(sql, params, WARM + RUNS))
            print(f"{path}: {(more - warm) / RUNS / 1e6:.2f} M instructions per execution", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
