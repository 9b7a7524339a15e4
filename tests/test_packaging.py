"""The wheel: built from the checkout, installed into a fresh virtual environment, and run from
a folder outside the checkout, where the default pack must be found inside the installed package.

This is the slow test of the suite (about a minute): it builds a wheel and installs its
dependencies from the package index into a new environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "# Ketamine at our clinic\n\nOne infusion permanently rewires your brain, so low mood never returns.\n"


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh environment that has the freshly built wheel installed."""
    work = tmp_path_factory.mktemp("wheel")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work / "dist"), str(ROOT)], work)
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("ketalint-*.whl")
    venv.EnvBuilder(with_pip=True).create(work / "env")
    bin_dir = work / "env" / "bin"
    pip = _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], work)
    assert pip.returncode == 0, pip.stderr
    return bin_dir


def test_installed_wheel_lists_the_checkouts_default_rules(installed: Path, tmp_path: Path):
    from ketalint.packs import load_packs

    expected = sorted(rule.id for rule in load_packs([ROOT / "rules"]))
    listed = _run([str(installed / "ketalint"), "rules", "list"], tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert sorted(line.split()[0] for line in listed.stdout.splitlines()) == expected
    assert expected, "the default pack is empty"


def test_installed_wheel_lints_outside_the_checkout(installed: Path, tmp_path: Path):
    assert ROOT not in tmp_path.parents
    (tmp_path / "post.md").write_text(ARTICLE, encoding="utf-8")
    result = _run([str(installed / "ketalint"), "check", ".", "--format", "json"], tmp_path)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 1
    assert any(f["category"] == "overclaim" and f["line"] == 3 for f in report["findings"])
    module = _run([str(installed / "python"), "-m", "ketalint", "--version"], tmp_path)
    assert module.returncode == 0 and module.stdout.startswith("ketalint ")


def test_installed_package_holds_the_pack_files(installed: Path, tmp_path: Path):
    code = "from ketalint.packs import default_pack_dir; print(default_pack_dir())"
    where = _run([str(installed / "python"), "-c", code], tmp_path)
    pack_dir = Path(where.stdout.strip())
    assert "site-packages" in pack_dir.parts and ROOT not in pack_dir.parents
    assert sorted(p.name for p in pack_dir.glob("*.yaml")) == sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
