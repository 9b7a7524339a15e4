"""The README's YAML examples are copied into configs, rule files and CI workflows as they are:
each must parse, and the CI examples must cache the folder ketalint actually writes."""

import re
from pathlib import Path

import yaml

from ketalint.config import load_config

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", README, re.S)


def test_readme_has_yaml_examples():
    assert len(YAML_BLOCKS) >= 5


def test_every_yaml_example_parses():
    for block in YAML_BLOCKS:
        yaml.safe_load(block)


def _cached_paths(document) -> list[str]:
    """Paths cached by a GitHub Actions `actions/cache` step or a GitLab `cache:` entry."""
    found = []
    if not isinstance(document, dict):
        return found
    for job in (document.get("jobs") or {}).values():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/cache"):
                found.append(step["with"]["path"])
    for job in document.values():
        if isinstance(job, dict) and isinstance(job.get("cache"), dict):
            found.extend(job["cache"]["paths"])
    return found


def test_ci_examples_cache_the_default_cache_folder(tmp_path):
    default = load_config(start=tmp_path).cache_dir.name
    cached = [path for block in YAML_BLOCKS for path in _cached_paths(yaml.safe_load(block))]
    assert len(cached) == 2  # the GitHub Actions and the GitLab CI examples
    assert all(path.rstrip("/") == default for path in cached)
