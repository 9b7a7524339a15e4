"""The pre-commit hook, end to end with the real `pre-commit` tool and `git commit`.

pre-commit installs a hook repository at a commit, and this checkout's work may not be committed,
so the test copies the checkout into a repository of its own and points a site's
`.pre-commit-config.yaml` at that copy. Installing the hook's environment takes a while (it is
a fresh virtual environment with ketalint and its dependencies); the environment is cached for
the test session in a temporary PRE_COMMIT_HOME.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", ".ci-venv", "venv", "__pycache__", "*.egg-info", "build", "dist",
    ".pytest_cache", ".ketalint_cache", ".hypothesis", "*.pyc",
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="the pre-commit test needs git")


def _git(cwd: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _init_repo(path: Path, env: dict) -> None:
    _git(path, "init", "-q", env=env)
    for key, value in (("user.email", "writer@example.org"), ("user.name", "Writer"), ("commit.gpgsign", "false")):
        _git(path, "config", key, value, env=env)


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("pre-commit-home")
    out = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    out.update(PRE_COMMIT_HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    return out


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env) -> tuple[Path, str]:
    """A committed copy of this checkout: (path, commit)."""
    copy = tmp_path_factory.mktemp("hook-repo") / "ketalint"
    shutil.copytree(CHECKOUT, copy, ignore=NOT_COPIED)
    _init_repo(copy, env)
    _git(copy, "add", "-A", env=env)
    committed = _git(copy, "commit", "-q", "-m", "snapshot", env=env)
    assert committed.returncode == 0, committed.stderr
    return copy, _git(copy, "rev-parse", "HEAD", env=env).stdout.strip()


@pytest.fixture
def site(tmp_path, env, hook_repo) -> Path:
    repo, rev = hook_repo
    _init_repo(tmp_path, env)
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: ketalint\n",
        encoding="utf-8",
    )
    _git(tmp_path, "add", ".pre-commit-config.yaml", env=env)
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return tmp_path


def _commit(site: Path, env: dict, name: str, text: str) -> subprocess.CompletedProcess:
    (site / name).write_text(text, encoding="utf-8")
    _git(site, "add", name, env=env)
    return _git(site, "commit", "-m", f"Add {name}", env=env)


def test_overclaim_makes_the_commit_fail_with_the_finding_shown(site, env):
    result = _commit(site, env, "article.md", "# Our clinic\n\nKetamine permanently rewires your brain.\n")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "ketalint" in output and "Failed" in output
    assert "article.md:3:10: warning [overclaim." in output
    assert _git(site, "rev-parse", "--verify", "-q", "HEAD", env=env).returncode != 0


def test_clean_article_is_committed(site, env):
    result = _commit(site, env, "article.md", "# Opening hours\n\nThe clinic is open on weekdays from nine to five.\n")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "ketalint" in output and "Passed" in output
    assert _git(site, "rev-parse", "--verify", "-q", "HEAD", env=env).returncode == 0


def test_the_readme_local_hook_runs_what_the_shipped_hook_runs():
    import re

    import yaml

    shipped = yaml.safe_load((CHECKOUT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    readme = (CHECKOUT / "README.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "repo: local" in b]
    assert len(blocks) == 1
    local = blocks[0]["repos"][0]["hooks"][0]
    assert (local["id"], local["entry"], local["types_or"]) == (shipped["id"], shipped["entry"], shipped["types_or"])
