"""The wheel holds every package and data file, and runs outside the checkout (issue 10, part 6)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
NOT_SHIPPED = ("analysis.bench",)       # benchmarks, test helpers and samples: source checkout only


def _code_packages() -> set[str]:
    found = set()
    for init in [*ROOT.glob("analysis/**/__init__.py"), *ROOT.glob("gui/**/__init__.py")]:
        name = ".".join(init.parent.relative_to(ROOT).parts)
        if not name.startswith(NOT_SHIPPED):
            found.add(name)
    return found


def test_every_code_package_is_listed_for_the_wheel():
    listed = set(CONFIG["packages"])
    assert _code_packages() - listed == set()
    assert not any(p.startswith(NOT_SHIPPED) for p in listed)


def test_every_bundled_file_matches_the_package_data():
    data = CONFIG["package-data"]
    for package, folder in CONFIG["package-dir"].items():
        files = [p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts
                 and p.name != "__init__.py"]
        unmatched = [p for p in files if not any(p.relative_to(ROOT / folder).match(pat) for pat in data[package])]
        assert files and unmatched == [], (package, unmatched)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Built from a copy: a build in the checkout would leave build/ behind, whose stale files could
    # end up in a later wheel.
    source = tmp_path_factory.mktemp("source") / "parallax"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info",
                                                                 "__pycache__", ".hypothesis", ".pytest_cache"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(source)], check=True, capture_output=True, text=True)
    (path,) = out.glob("parallax-*.whl")
    return path


def test_wheel_leaves_out_the_benchmarks_and_holds_the_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert not any(n.startswith("analysis/bench/") for n in names)
    assert "parallax_resources/lexicons/hedges.txt" in names
    assert sum(n.startswith("parallax_seeds/") and n.endswith(".txt") for n in names) == 5
    assert "main.py" in names


def test_installed_wheel_compares_the_seeds_outside_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    out = tmp_path / "seeds.json"
    code = ("import sys, analysis, main\n"
            "from analysis.resources import seed_paths\n"
            f"assert analysis.__file__.startswith({str(site)!r}), analysis.__file__\n"
            f"sys.exit(main.main(['compare', *map(str, seed_paths()), '--json', {str(out)!r}]))\n")
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert len(result["articles"]) == 5 and result["findings"]
    assert all(str(site) in a["path"] for a in result["articles"])
