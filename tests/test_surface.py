"""Every path of LL2's 2.2.0 schema (tests/ll2/ll2-2.2.0-openapi.yaml) answers 200 on the demo, in each
of its modes, with a body valid against the schema wherever the schema describes one.

The modes of a list are those its viewset serves (LL2's schema names no `mode` parameter; its endpoint
descriptions name them): `normal` validates against the list's item component, `detailed` against the
component of the path's detail. LL2's schema describes no body for `dashboard/starship/` and no `list`
shape (`?mode=list` of `launch/`...); those answer 200 with their own keys (tests of their apps pin them).
"""

import pytest
import yaml
from django.urls import Resolver404, resolve

from tests.helpers import LL2, errors

pytestmark = pytest.mark.django_db

SCHEMA = yaml.safe_load((LL2 / "ll2-2.2.0-openapi.yaml").read_text())
PATHS = sorted(SCHEMA["paths"])
LISTS = [path for path in PATHS if "{id}" not in path]

# The shapes LL2's schema does give for a `?mode=list` item: the astronaut's (`Astronaut`).
LIST_MODE_COMPONENTS = {"/2.2.0/astronaut/": "Astronaut"}


def component(path):
    """The component of the JSON body a path's 200 answer has, or None where the schema has none."""
    schema = SCHEMA["paths"][path]["get"]["responses"]["200"].get("content", {})
    reference = schema.get("application/json", {}).get("schema", {}).get("$ref")
    return reference.rsplit("/", 1)[1] if reference else None


def item_component(path):
    """The component of the items of a list path's `results`."""
    page = SCHEMA["components"]["schemas"][component(path)]
    return page["properties"]["results"]["items"]["$ref"].rsplit("/", 1)[1]


def list_modes(path):
    """The modes the viewset of a list path serves (one, `normal`, for a view without modes)."""
    view = resolve(path).func
    viewset = getattr(view, "cls", None)
    return viewset.get_list_modes() if hasattr(viewset, "get_list_modes") else ("normal",)


@pytest.fixture(scope="module")
def surface(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module as `make run` loads it (with the synthetic upcoming rows)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--no-input", verbosity=0)


def test_the_schema_has_every_path_we_test():
    assert len(PATHS) == 71
    assert len(LISTS) == 36


@pytest.mark.parametrize("path", PATHS)
def test_every_path_of_the_schema_is_routed(path):
    # A launch's id is its UUID.
    some_id = "a330c94f-5191-42a2-9401-59a6268f590a" if path.startswith("/2.2.0/launch/") else "1"
    concrete = path.replace("{id}", some_id)
    try:
        resolve(concrete)
    except Resolver404:
        pytest.fail(f"{path} is not routed")


@pytest.mark.parametrize("path", LISTS)
def test_every_list_answers_in_each_of_its_modes_with_a_valid_body(api, ll2_schema_corrected, surface, path):
    if component(path) is None:
        response = api.get(path)
        assert response.status_code == 200, path
        return
    for mode in list_modes(path):
        response = api.get(path, {"mode": mode, "limit": 100})
        assert response.status_code == 200, (path, mode)
        page = response.json()
        assert page["results"], f"{path}?mode={mode}: the demo holds nothing here"
        assert errors(ll2_schema_corrected, component(path), {**page, "results": []}) == []
        shape = {
            "normal": item_component(path),
            "detailed": component(f"{path}{{id}}/"),
            "list": LIST_MODE_COMPONENTS.get(path),
        }[mode]
        if shape is None:
            continue
        problems = {
            f"{item['id']}: {problem}"
            for item in page["results"]
            for problem in errors(ll2_schema_corrected, shape, item)
        }
        assert sorted(problems) == [], (path, mode)


@pytest.mark.parametrize("path", [path for path in PATHS if "{id}" in path])
def test_every_detail_answers_with_a_valid_body(api, ll2_schema_corrected, surface, path):
    listed = api.get(path.replace("{id}/", ""), {"limit": 100}).json()["results"]
    assert listed, f"{path}: the demo holds nothing here"
    for item in listed:
        response = api.get(path.replace("{id}", str(item["id"])))
        assert response.status_code == 200, item["url"]
        assert errors(ll2_schema_corrected, component(path), response.json()) == [], item["url"]
