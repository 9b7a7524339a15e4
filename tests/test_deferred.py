"""`import_deferring`: a module imported with one of its imports loaded only on first use."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


def _run(code: str, cwd: Path | None = None) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


@pytest.fixture
def modules(tmp_path: Path) -> Path:
    """A heavy module that records its loading, and holders that import it."""
    (tmp_path / "heavy.py").write_text("import sys\nsys.heavy_loads = getattr(sys, 'heavy_loads', 0) + 1\nvalue = 42\n")
    (tmp_path / "holder.py").write_text("import heavy\n\ndef use():\n    return heavy.value\n")
    (tmp_path / "eager.py").write_text("import heavy\nread_at_import = heavy.value\n")
    return tmp_path


def test_the_deferred_module_loads_on_first_use_and_replaces_its_stand_in(modules: Path):
    out = _run("""
        import sys
        from ketalint.deferred import import_deferring
        holder = import_deferring("holder", "heavy")
        print("heavy" in sys.modules, getattr(sys, "heavy_loads", 0))
        print(holder.use())
        print(holder.heavy is sys.modules["heavy"], sys.heavy_loads)
        import heavy
        print(heavy is holder.heavy, sys.heavy_loads)
    """, cwd=modules)
    assert out == ["False", "0", "42", "True", "1", "True", "1"]


def test_a_module_read_while_its_holder_is_imported_loads_at_once(modules: Path):
    out = _run("""
        import sys
        from ketalint.deferred import import_deferring
        eager = import_deferring("eager", "heavy")
        print(eager.read_at_import, sys.heavy_loads, type(sys.modules["heavy"]).__name__)
    """, cwd=modules)
    assert out == ["42", "1", "module"]


def test_nothing_is_deferred_when_the_module_is_already_loaded(modules: Path):
    out = _run("""
        import sys
        import heavy
        from ketalint.deferred import import_deferring
        holder = import_deferring("holder", "heavy")
        print(holder.heavy is heavy, sys.heavy_loads)
    """, cwd=modules)
    assert out == ["True", "1"]


def test_the_report_values_are_defined_without_inspect_and_dataclasses_still_work():
    out = _run("""
        import sys
        import ketalint.finding
        print("inspect" in sys.modules, "ast" in sys.modules)
        import dataclasses

        @dataclasses.dataclass(frozen=True)
        class Undocumented:
            x: int

        print(Undocumented.__doc__.replace(" ", ""))
        import inspect
        print(dataclasses.inspect is inspect)
    """)
    assert out == ["False", "False", "Undocumented(x:int)", "True"]


def test_a_one_article_run_does_not_load_inspect(tmp_path: Path):
    (tmp_path / "a.md").write_text("# Care\n\nKetamine permanently rewires the brain.\n", encoding="utf-8")
    out = _run("""
        import sys
        from ketalint.cli import main
        try:
            main(["check", "a.md"])
        except SystemExit as stop:
            print(stop.code, "inspect" in sys.modules)
    """, cwd=tmp_path)
    assert out[-2:] == ["1", "False"]
