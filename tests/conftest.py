"""Fixtures every test module may use: an API client, the demo data, LL2's contract and schema, ours."""

import json

import pytest
import yaml
from django.core.management import call_command
from rest_framework.test import APIClient

from spacedevs.api.schema import LL2SchemaGenerator
from tests.helpers import LL2, SchemaCheck


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage of production needs `collectstatic`; tests render templates without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def demo(db):
    """The demo data of `make run` (fixtures/demo.json)."""
    call_command("loaddata", "demo", verbosity=0)


@pytest.fixture(scope="session")
def contract():
    """LL2's payload of flight 567, the contract, with its key order."""
    return json.loads((LL2 / "spacecraft-flight-567.json").read_text())


@pytest.fixture(scope="session")
def ll2_schema():
    return yaml.safe_load((LL2 / "ll2-2.2.0-openapi.yaml").read_text())


@pytest.fixture(scope="session")
def our_document():
    """Our OpenAPI schema, as `/2.2.0/schema/` serves it."""
    return LL2SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture(scope="session")
def our_schema(our_document):
    """Our OpenAPI schema read strictly: `our_schema.errors(response)` lists what a response breaks."""
    return SchemaCheck(our_document)
