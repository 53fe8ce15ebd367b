"""The layout rules of README.md: dependencies point one way, DRF stays in api/, modules stay small."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ("products", "lifecycle", "catalogue", "api")
# Each app may import only the apps after it: api → catalogue → lifecycle → products.
FORBIDDEN = {
    "products": {"lifecycle", "catalogue", "api"},
    "lifecycle": {"catalogue", "api"},
    "catalogue": {"api"},
    "api": set(),
}
LONGEST_MODULE = 700
DEMO_DATA = ROOT / "catalogue" / "demo" / "data.py"


def modules(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, at the top or inside a function, with its line number."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("app", APPS)
def test_dependencies_point_one_way_even_inside_functions(app):
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in modules(app)
        for line, name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN[app]
    ]
    assert wrong == []


def test_django_rest_framework_is_imported_only_in_api():
    wrong = [
        f"{path.relative_to(ROOT)}:{line}"
        for app in APPS
        if app != "api"
        for path in modules(app)
        for line, name in imported_modules(path)
        if name.split(".")[0] in {"rest_framework", "drf_spectacular"}
    ]
    assert wrong == []


def test_selectors_never_answer_http():
    wrong = [
        f"{path.relative_to(ROOT)}:{line}"
        for app in APPS
        for path in modules(app)
        if path.name == "selectors.py"
        for line, name in imported_modules(path)
        if name in {"django.http", "django.shortcuts"}
    ]
    assert wrong == []


def test_no_module_is_longer_than_700_lines():
    long = {
        str(path.relative_to(ROOT)): length
        for app in APPS
        for path in modules(app)
        if path != DEMO_DATA and (length := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    }
    assert long == {}


def test_the_catalogue_root_holds_the_project_package_and_few_shared_modules():
    root_modules = sorted(path.name for path in (ROOT / "catalogue").glob("*.py"))
    assert len(root_modules) <= 10, root_modules
    assert {"settings.py", "urls.py", "wsgi.py", "asgi.py", "apps.py", "__init__.py"} <= set(root_modules)


def test_every_module_has_a_docstring():
    missing = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in modules(app)
        if path.read_text(encoding="utf-8").strip() and ast.get_docstring(ast.parse(path.read_text())) is None
    ]
    assert missing == []
