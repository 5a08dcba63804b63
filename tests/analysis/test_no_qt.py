"""analysis/ never imports Qt or gui/ (napari-style ban, enforced two ways)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BANNED = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "gui")


def _modules() -> list[str]:
    return sorted(".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
                  for p in (ROOT / "analysis").rglob("*.py"))


def test_no_banned_import_statement():
    offenders = []
    for path in (ROOT / "analysis").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names
                          if n.split(".")[0] in BANNED]
    assert offenders == []


def test_no_banned_module_named_in_a_string():
    """``importlib.import_module("gui.x")`` or ``__import__("PySide6")`` would dodge the import check:
    no string constant in analysis/ may name a banned module."""
    offenders = []
    for path in (ROOT / "analysis").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                root = node.value.split(".")[0].split(":")[0]
                if root in BANNED and " " not in node.value and node.value != root.lower():
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert offenders == []


def test_importing_every_analysis_module_loads_no_qt():
    code = ("import sys\n"
            f"for m in {_modules()!r}:\n    __import__(m)\n"
            f"bad = [m for m in sys.modules if m.split('.')[0] in {BANNED!r}]\n"
            "print(bad)\nsys.exit(1 if bad else 0)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
