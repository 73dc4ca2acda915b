"""`/health/live` and `/health/ready`: for load balancers, uncounted by the throttle."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def throttled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1/hour"}}


def test_live_answers(api):
    response = api.get("/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_answers_when_the_database_does(api):
    response = api.get("/health/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_ready_is_a_503_when_the_database_does_not_answer(api, monkeypatch):
    def refuse(self, sql, params=None):
        raise OperationalError("timeout expired")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    response = api.get("/health/ready")

    assert response.status_code == 503
    assert response["Retry-After"]
    assert api.get("/health/live").status_code == 200


def test_health_checks_are_not_counted_by_the_throttle(api, throttled):
    for _ in range(5):
        assert api.get("/health/ready").status_code == 200
        assert api.get("/health/live").status_code == 200

    assert api.get("/2.2.0/agencies/").status_code == 200
    assert api.get("/2.2.0/agencies/").status_code == 429


def test_health_checks_are_never_cached(api):
    assert "no-cache" in api.get("/health/ready")["Cache-Control"]
