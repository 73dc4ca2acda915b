#!/usr/bin/env python3
"""The resident memory of each gunicorn worker after REQUESTS (10,000) mixed API calls.

Run from the project root with DATABASE_URL set (make bench runs it after perf-ratio). The calls mix
every list endpoint in every mode, pages deep into the flights and launches, and details of random
flights, astronauts and launches, with the response cache on (its default), 4 at a time.
"""

import concurrent.futures
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request

REQUESTS = int(os.environ.get("REQUESTS", "10000"))
LISTS = [
    "spacecraft/flight/?mode=detailed",
    "spacecraft/flight/",
    "spacecraft/?mode=detailed",
    "config/spacecraft/",
    "agencies/?mode=detailed",
    "launch/?mode=detailed",
    "launch/upcoming/",
    "launch/previous/?mode=list",
    "launcher/?mode=detailed",
    "config/launcher/?mode=detailed",
    "pad/",
    "location/",
    "program/",
    "spacestation/?mode=detailed",
    "docking_event/?mode=detailed",
    "expedition/?mode=detailed",
    "astronaut/?mode=detailed",
    "astronaut/?mode=list",
]


def main():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            ".venv/bin/gunicorn",
            "spacedevs.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--log-level",
            "warning",
        ],
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/2.2.0/"
    try:
        flights = wait_for(f"{base}spacecraft/flight/?limit=1")["count"]
        launches = get(f"{base}launch/?limit=100")["results"]
        astronauts = get(f"{base}astronaut/?limit=100")["results"]
        rng = random.Random(1)
        paths = []
        for _ in range(REQUESTS):
            kind = rng.random()
            if kind < 0.4:
                paths.append(f"{base}{rng.choice(LISTS)}&limit={rng.choice([10, 100])}".replace("/&", "/?"))
            elif kind < 0.6:
                paths.append(f"{base}spacecraft/flight/?limit=100&offset={rng.randrange(max(flights, 1))}")
            elif kind < 0.8:
                paths.append(f"{base}spacecraft/flight/{rng.randrange(1, flights)}/")
            elif kind < 0.9:
                paths.append(rng.choice(launches)["url"])
            else:
                paths.append(rng.choice(astronauts)["url"])
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(status, paths))
        workers = children(server.pid)
        rss = {pid: vm_rss(pid) for pid in workers}
        print(
            f"{REQUESTS} mixed requests in {time.monotonic() - started:.0f} s; statuses "
            f"{ {code: statuses.count(code) for code in sorted(set(statuses))} }"
        )
        for pid, kilobytes in rss.items():
            print(f"worker {pid}: RSS {kilobytes / 1024:.0f} MB")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def get(url):
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def status(url):
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=300
        ) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(url):
    for _ in range(200):
        try:
            return get(url)
        except OSError:
            time.sleep(0.3)
    sys.exit(f"no answer at {url}")


def children(pid):
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(child) for child in found]


def vm_rss(pid):
    with open(f"/proc/{pid}/status") as status_file:
        for line in status_file:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


if __name__ == "__main__":
    main()
