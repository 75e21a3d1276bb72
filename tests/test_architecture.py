"""Imports point one way: ``bot`` depends on ``index``, and ``index`` never imports Discord."""

from __future__ import annotations

import subprocess
import sys

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
