"""The module layers of README's "Architecture": which modules may import which, and serializer names."""

import ast
import importlib
import importlib.util
import inspect
import re
from pathlib import Path

import pytest
from rest_framework import serializers

from spacedevs import dataversion

ROOT = Path(__file__).resolve().parent.parent
# The domain apps are the ones whose writes change the data version: one list for both.
DOMAIN_APPS = tuple(sorted(dataversion.DOMAIN_APPS))
PROJECT_PACKAGES = (*DOMAIN_APPS, "mirror", "spacedevs", "fixtures")


def imports_of(path: Path) -> set[str]:
    """The project modules a Python file imports, at any depth of the file, as dotted names."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from launches import querysets` imports the module `launches.querysets`.
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        imported.update(name for name in names if name.split(".")[0] in PROJECT_PACKAGES)
    return imported


def module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def layer_violations(root: Path) -> list[str]:
    """Every import under `root` that crosses the layers; empty when the layout holds."""
    problems = set()
    for path in sorted(root.glob("*/**/*.py")):
        if ".venv" in path.parts or "tests" in path.parts[len(root.parts) :][:1]:
            continue
        name = module_name(path, root)
        app = name.split(".")[0]
        if app not in PROJECT_PACKAGES:
            continue
        for imported in sorted(imports_of(path)):
            other_app = imported.split(".")[0]
            if name == f"{app}.api.views" and app in DOMAIN_APPS and other_app not in (app, "spacedevs"):
                problems.add(f"{name} imports {other_app}: a view imports its own app and spacedevs only")
            if name.endswith(".api.serializers") and imported.endswith(".api.detailed"):
                problems.add(f"{name} imports {imported}: embedded shapes never import detailed ones")
            if name.endswith(".api.detailed") and imported.endswith(".api.detailed") and other_app != app:
                problems.add(f"{name} imports {imported}: a detailed module never imports another app's")
            if other_app == "mirror" and app != "mirror":
                problems.add(f"{name} imports {other_app}: nothing that serves imports the mirror")
    return sorted(problems)


def import_cycles(root: Path) -> list[list[str]]:
    """The cycles of the graph of project modules importing each other."""
    graph = {}
    for path in root.glob("*/**/*.py"):
        name = module_name(path, root)
        if name.split(".")[0] in PROJECT_PACKAGES and ".venv" not in path.parts:
            graph[name.removesuffix(".__init__")] = imports_of(path)
    for name, imported in graph.items():
        graph[name] = {module for module in imported if module in graph and module != name}
    cycles, done = [], set()

    def visit(node, stack):
        if node in stack:
            cycles.append([*stack[stack.index(node) :], node])
            return
        if node in done:
            return
        for neighbour in sorted(graph[node]):
            visit(neighbour, [*stack, node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    return cycles


def test_the_project_keeps_its_layers():
    assert layer_violations(ROOT) == []


def test_no_module_import_loops():
    assert import_cycles(ROOT) == []


@pytest.mark.parametrize(
    ("path", "source", "problem"),
    [
        ("launches/api/views.py", "from spacecraft import selectors\n", "a view imports its own app"),
        ("spacecraft/api/serializers.py", "from spacecraft.api.detailed import X\n", "embedded shapes"),
        ("stations/api/detailed.py", "from spacecraft.api import detailed\n", "another app's"),
        ("agencies/selectors.py", "import mirror.exporter\n", "nothing that serves imports the mirror"),
    ],
)
def test_a_crossed_layer_is_reported(tmp_path, path, source, problem):
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_text(source)

    [violation] = layer_violations(tmp_path)

    assert problem in violation


def test_an_import_loop_is_reported(tmp_path):
    (tmp_path / "launches").mkdir()
    (tmp_path / "launches" / "querysets.py").write_text("from spacecraft import querysets\n")
    (tmp_path / "spacecraft").mkdir()
    (tmp_path / "spacecraft" / "querysets.py").write_text("from launches.querysets import with_launch\n")

    assert import_cycles(tmp_path) == [["launches.querysets", "spacecraft.querysets", "launches.querysets"]]


# A serializer is named for its model and its role: nothing (the normal shape, or a lookup's), `Mini` (a
# short reference), `List` (`?mode=list`), `Detailed` (a detail and `?mode=detailed`), or
# `For<Context>` (the shape LL2 gives one embedding context).
SERIALIZER_ROLE = re.compile(r"(|Mini|List|Detailed|For[A-Z][A-Za-z]*)")


def declared_serializers():
    for app in DOMAIN_APPS:
        for module_path in ("api.serializers", "api.detailed"):
            # An app without detailed shapes (events) has no `api/detailed.py`.
            if importlib.util.find_spec(f"{app}.{module_path}") is None:
                continue
            module = importlib.import_module(f"{app}.{module_path}")
            for name, value in vars(module).items():
                if (
                    inspect.isclass(value)
                    and issubclass(value, serializers.ModelSerializer)
                    and value.__module__ == module.__name__
                ):
                    yield name, value


def test_serializers_are_named_for_their_model_and_role():
    misnamed = []
    for name, serializer in declared_serializers():
        model = serializer.Meta.model.__name__
        role = name.removeprefix(model).removesuffix("Serializer")
        if (
            not name.startswith(model)
            or not name.endswith("Serializer")
            or not SERIALIZER_ROLE.fullmatch(role)
        ):
            misnamed.append(name)
    assert misnamed == []


def project_modules():
    for path in sorted(ROOT.glob("*/**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in (*PROJECT_PACKAGES, "tests") and "migrations" not in relative.parts:
            yield relative


def test_every_module_opens_with_a_one_line_docstring():
    undocumented = []
    for relative in project_modules():
        tree = ast.parse((ROOT / relative).read_text())
        docstring = ast.get_docstring(tree, clean=False)
        if tree.body and (docstring is None or not docstring.split("\n")[0].strip()):
            undocumented.append(str(relative))
    assert undocumented == []
