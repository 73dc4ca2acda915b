"""docker-compose.yml, read as Docker Compose reads it (no Docker daemon here): the production stack of
web, PostgreSQL, Redis and the sync loop, with healthchecks, data volumes and the right commands."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from mirror.management.commands import sync_ll2

REPO = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def test_the_stack_is_web_postgresql_redis_the_sync_loop_and_migrations():
    assert set(SERVICES) == {"db", "redis", "migrate", "web", "sync"}
    assert SERVICES["db"]["image"].startswith("postgres:")
    assert SERVICES["redis"]["image"].startswith("redis:")
    for name in ["migrate", "web", "sync"]:
        assert SERVICES[name]["build"] == "."
        assert SERVICES[name]["image"] == "spacedevs"


def test_web_is_gunicorn_with_its_configuration_file_and_is_published():
    command = SERVICES["web"]["command"]

    assert command[0] == "gunicorn"
    assert command[command.index("--config") + 1] == "gunicorn.conf.py"
    assert command[-1] == "spacedevs.wsgi"
    assert SERVICES["web"]["ports"] == ["${PORT:-8000}:8000"]


def test_the_sync_service_loops_and_stops_cleanly_on_sigterm():
    sync = SERVICES["sync"]

    assert sync["command"] == ["python", "manage.py", "sync_ll2", "--loop"]
    assert sync["stop_signal"] == "SIGTERM"
    assert sync["restart"] == "unless-stopped"


def test_the_sync_service_mirrors_ll2_unless_told_otherwise(monkeypatch):
    environment = SERVICES["sync"]["environment"]
    assert environment["LL2_BASE_URL"] == "${LL2_BASE_URL:-https://ll.thespacedevs.com}"
    assert environment["LL2_TOKEN"] == "${LL2_TOKEN:-}"
    monkeypatch.setenv("LL2_BASE_URL", "https://ll.thespacedevs.com")
    monkeypatch.setenv("LL2_TOKEN", "")

    # The arguments of the service's command, parsed in the service's environment.
    parsed = (
        sync_ll2.Command().create_parser("manage.py", "sync_ll2").parse_args(SERVICES["sync"]["command"][3:])
    )

    assert parsed.base_url == "https://ll.thespacedevs.com"
    assert parsed.token is None
    assert parsed.loop


def test_migrations_run_once_before_web_and_sync():
    assert SERVICES["migrate"]["command"] == ["python", "manage.py", "migrate", "--no-input"]
    assert SERVICES["migrate"]["restart"] == "no"
    for name in ["web", "sync"]:
        assert SERVICES[name]["depends_on"] == {
            "db": {"condition": "service_healthy"},
            "redis": {"condition": "service_healthy"},
            "migrate": {"condition": "service_completed_successfully"},
        }


@pytest.mark.parametrize(
    ("name", "probe"), [("db", "pg_isready"), ("redis", "redis-cli"), ("web", "/health/ready")]
)
def test_postgresql_redis_and_web_have_healthchecks(name, probe):
    healthcheck = SERVICES[name]["healthcheck"]

    assert any(probe in part for part in healthcheck["test"])
    assert healthcheck["retries"] > 1


def test_the_data_of_postgresql_and_redis_live_in_volumes():
    assert set(COMPOSE["volumes"]) == {"postgres-data", "redis-data"}
    assert "postgres-data:/var/lib/postgresql/data" in SERVICES["db"]["volumes"]
    assert "redis-data:/data" in SERVICES["redis"]["volumes"]
    assert "--appendonly" in SERVICES["redis"]["command"]


def test_the_services_share_one_environment_that_requires_a_secret_key():
    environment = SERVICES["migrate"]["environment"]

    assert SERVICES["web"]["environment"].items() > environment.items()
    assert SERVICES["sync"]["environment"].items() > environment.items()
    assert environment["DATABASE_URL"].startswith("postgres://spacedevs:")
    assert environment["DATABASE_URL"].endswith("@db:5432/spacedevs")
    assert environment["REDIS_URL"] == "redis://redis:6379/0"
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    # The healthcheck calls the service as 127.0.0.1, whatever hosts it serves.
    assert environment["ALLOWED_HOSTS"].endswith(",127.0.0.1")


def compose_command():
    if (
        shutil.which("docker")
        and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
    ):
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


@pytest.mark.parametrize("secret_key", ["a-long-random-secret", None])
def test_docker_compose_accepts_the_file_and_asks_for_a_secret_key(secret_key):
    command = compose_command()
    if command is None:
        pytest.skip("neither `docker compose` nor `docker-compose` is installed")
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    if secret_key:
        env["SECRET_KEY"] = secret_key

    result = subprocess.run(
        [*command, "--file", "docker-compose.yml", "config", "--quiet"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )

    if secret_key:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode != 0
        assert "Set SECRET_KEY" in result.stderr


def test_the_image_has_the_healthcheck_of_the_web_service():
    dockerfile = (REPO / "Dockerfile").read_text()
    [healthcheck] = [line for line in dockerfile.splitlines() if line.lstrip().startswith('CMD ["python"')]

    assert "/health/ready" in healthcheck
    assert "HEALTHCHECK --interval=10s" in dockerfile
