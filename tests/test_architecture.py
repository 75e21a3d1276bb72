"""Imports point one way: ``bot`` depends on ``index``, and ``index`` never imports Discord."""

from __future__ import annotations

import ast
import subprocess
import sys

from index.settings import PROJECT_ROOT

PROBE = """
import pkgutil, importlib, sys
import index
for module in pkgutil.walk_packages(index.__path__, "index."):
    importlib.import_module(module.name)
print("discord" in sys.modules, any(name.startswith("bot") for name in sys.modules))
"""


def test_index_never_imports_discord_or_the_front_ends() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


CHARTS_PROBE = """
import pkgutil, importlib, sys
import bot.charts
for module in pkgutil.walk_packages(bot.charts.__path__, "bot.charts."):
    importlib.import_module(module.name)
print("discord" in sys.modules, "vl_convert" in sys.modules, "pygal" in sys.modules)
"""


def test_pictures_never_import_discord_and_load_the_renderer_only_to_draw() -> None:
    """``bot/charts`` serves both front ends: no Discord, and no drawing library on import."""
    done = subprocess.run(
        [sys.executable, "-c", CHARTS_PROBE], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False", "False"]


def _discord_app_imports() -> dict[str, set[str]]:
    """Each module of ``bot/discord_app`` and the package's modules it imports, counting
    imports made only for type checking."""
    folder = PROJECT_ROOT / "bot" / "discord_app"
    modules = {path.stem for path in folder.glob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in folder.glob("*.py"):
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "bot.discord_app":
                imported |= {alias.name for alias in node.names} & modules
            elif isinstance(node, ast.ImportFrom) and node.module:
                prefix, _, name = node.module.rpartition(".")
                if prefix == "bot.discord_app":
                    imported.add(name)
        graph[path.stem] = imported
    return graph


def test_the_discord_front_end_imports_point_one_way() -> None:
    """Views and checks never import the client back: the modules form no cycle."""
    graph = _discord_app_imports()
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        assert module not in path, " -> ".join([*path, module])
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert "client" not in set().union(*(graph[m] for m in graph if m != "runner"))


LAYERS_PROBE = """
import ast, pathlib, sys
root = pathlib.Path("index")
below = {"language": ("index.reading", "index.search", "index.structured"),
         "reading": ("index.search", "index.structured")}
found = []
for package, forbidden in below.items():
    for path in (root / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            found += [f"{path}: {name}" for name in names if name.startswith(forbidden)]
print("\\n".join(found))
"""


def test_shared_words_sit_below_the_reader_and_retrieval() -> None:
    """``index.language`` serves the reader and retrieval alike, and the reader never reaches
    up into retrieval or the answers: each layer imports only what sits below it."""
    done = subprocess.run(
        [sys.executable, "-c", LAYERS_PROBE], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
