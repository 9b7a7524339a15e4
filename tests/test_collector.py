"""The collector is paused while a ketalint process starts and runs again once its rules are
loaded, with what start-up built frozen; only the process's own command line does this."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cli_support import make_site

_PROBE = """
import gc, sys
from ketalint import collector
{setup}
collector.rules_loaded()
print(gc.isenabled(), gc.get_freeze_count() > 0)
"""


def _probe(setup: str) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", _PROBE.format(setup=setup)], capture_output=True, text=True, check=True)
    return proc.stdout.split()


def test_rules_loaded_freezes_start_up_and_runs_the_collector_again_after_a_pause():
    assert _probe("collector.pause_for_startup(); assert not gc.isenabled()") == ["True", "True"]


def test_rules_loaded_without_a_pause_leaves_the_collector_alone():
    assert _probe("") == ["True", "False"]


def test_a_collector_disabled_by_the_host_stays_disabled():
    assert _probe("gc.disable(); collector.pause_for_startup()") == ["False", "False"]


_COMMAND_LINE = """
import gc, sys
from ketalint import api
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))
load = api.load_rules
def traced(*args, **kwargs):
    rules = load(*args, **kwargs)
    print(len(collections), gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)
    return rules
api.load_rules = traced
sys.argv = ["ketalint", "check", "a.md"]
from ketalint.cli import main
collections.clear()  # what importing this probe's modules collected, before the command line starts
main()
"""


def test_the_command_line_collects_nothing_while_it_loads_its_rules(tmp_path: Path):
    make_site(tmp_path)
    text = "# Care\n\n" + "Ketamine permanently rewires the brain. " * 50 + "\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _COMMAND_LINE], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.split()[:3] == ["0", "True", "True"]
