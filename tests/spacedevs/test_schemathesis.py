"""Schemathesis over every GET operation of the schema, in process against the WSGI application, on the
suite's database: whatever it generates (offsets of 19 hours, the year 1, NUL bytes, huge numbers,
unknown ids), the answer is never a 5xx.

Two runs of its fuzzing phase: a few cases per operation of our own schema (`/2.2.0/schema/`, loaded
from the application) with every suite, and more cases per operation of LL2's own 2.2.0 schema, what
its clients were written against, with the slow suites (`tests/spacedevs/test_fuzz.py` sends every
parameter its boundary values).
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig

from spacedevs.wsgi import application
from tests.factories import complete_flight, complete_launch
from tests.helpers import LL2

# Fuzzing only: schemathesis' coverage phase sends thousands of cases to LL2's launch endpoints alone.
CONFIG = SchemathesisConfig.from_dict(
    {"phases": {"examples": {"enabled": False}, "coverage": {"enabled": False}, "fuzzing": {"enabled": True}}}
)
OURS = schemathesis.openapi.from_wsgi("/2.2.0/schema/", application, config=CONFIG).include(method="GET")
LL2S = schemathesis.openapi.from_path(LL2 / "ll2-2.2.0-openapi.yaml", config=CONFIG).include(method="GET")


def bounded(examples_per_operation):
    """So many cases for each operation, the same cases every run."""
    return settings(
        max_examples=examples_per_operation,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )


@pytest.fixture
def data(db):
    """A flight with everything it links to, and an upcoming launch, for the filters to meet; the
    application called in process keeps the test's connection (and transaction), as Django's test client
    does."""
    complete_flight()
    complete_launch(net=timezone.now())
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call(case):
    case.call_and_validate(base_url="http://testserver", app=application, checks=[not_a_server_error])


@OURS.parametrize()
@bounded(10)
def test_no_generated_request_is_a_server_error(data, case):
    call(case)


@pytest.mark.slow
@LL2S.parametrize()
@bounded(25)
def test_no_request_generated_from_ll2s_schema_is_a_server_error(data, case):
    call(case)
