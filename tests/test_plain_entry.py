"""`ketalint check FILE...` runs without click (see `ketalint.cli`); it must print, and exit,
exactly as the same command line run through click does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import make_site
from ketalint.cli import _plain_check_line

ARTICLE = "# Care\n\nKetamine permanently rewires the brain.\n\nThe brain has 100 billion neurons.\n"
PLAIN = "import sys; from ketalint.cli import main; main(sys.argv[1:])"
CLICK = "import sys; from ketalint.commands import main; main(sys.argv[1:])"


def _run(entry: str, args: list[str], cwd: Path, env: dict | None = None, stdout=subprocess.PIPE):
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")} | (env or {})
    proc = subprocess.run([sys.executable, "-c", entry, *args], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, env=environment)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def site(tmp_path: Path) -> Path:
    make_site(tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Care\n\nWe explain risks and benefits.\n", encoding="utf-8")
    (tmp_path / "escape.md").write_text("Ketamine \x1b[31mpermanently rewires\x1b[0m the brain, permanently rewires.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "args, env",
    [
        (["check", "a.md"], None),
        (["check", "clean.md"], None),
        (["check"], None),
        (["check", "a.md", "clean.md", "missing.md"], None),
        (["check", "escape.md"], None),
        (["check", "a.md"], {"GITHUB_ACTIONS": "true"}),
        (["check", "a.md"], {"PYTHONIOENCODING": "ascii"}),
        (["check", "a.md"], {"NO_COLOR": "1"}),
        (["check", "a.md", "-q", "--format", "json"], None),
        (["check", "-f", "sarif", "a.md", "clean.md"], None),
        (["check", "--format=github", "--fail-on", "error", "a.md"], None),
        (["check", "--fail-on=info", "--quiet", "clean.md"], None),
        (["check", "--format", "json", "--format", "text", "--no-color", "a.md"], None),
        (["check", "--no-cache", "-j", "1", "a.md"], None),
        (["check", "--jobs=2", "a.md", "clean.md"], None),
        (["check", "--format", "xml", "a.md"], None),
        (["check", "--fail-on", "Error", "a.md"], None),
        (["check", "-j", "-1", "a.md"], None),
        (["check", "-j", " 1", "a.md"], None),
        (["check", "a.md", "--format"], None),
        (["check", "-q=1", "a.md"], None),
        (["check", "-j=2", "a.md"], None),
    ],
)
def test_the_plain_entry_prints_and_exits_as_click_does(site: Path, args, env):
    plain = _run(PLAIN, args, site, env)
    assert plain == _run(CLICK, args, site, env)
    assert plain[0] in (0, 1, 2)


def test_a_broken_config_is_reported_the_same_way(site: Path):
    (site / ".ketalint.yaml").write_text("default_pack: false\npacks: [pack.yaml]\nfail_onn: error\n", encoding="utf-8")
    plain = _run(PLAIN, ["check", "a.md"], site)
    assert plain == _run(CLICK, ["check", "a.md"], site)
    assert plain[0] == 2 and plain[2].endswith(b".ketalint.yaml:3: unknown key 'fail_onn' (did you mean 'fail_on'?)\n")


def test_a_closed_pipe_ends_both_the_same_way(site: Path):
    results = []
    for entry in (PLAIN, CLICK):
        read, write = os.pipe()
        os.close(read)
        with os.fdopen(write, "wb") as stdout:
            results.append(_run(entry, ["check", "a.md"], site, stdout=stdout))
    assert results[0] == results[1]
    assert results[0][0] == 1


@pytest.mark.parametrize(
    "args, plain",
    [
        (["check", "a.md", "b.html"], (("a.md", "b.html"), {})),
        (["check"], ((), {})),
        (["check", "-q", "a.md"], (("a.md",), {"quiet": True})),
        (["check", "a.md", "--format", "json", "--no-color"], (("a.md",), {"fmt": "json", "no_color": True})),
        (["check", ".", "--format=sarif", "-f", "github", "--no-cache"], ((".",), {"fmt": "github", "no_cache": True})),
        (["check", "--fail-on", "info", "-j", "2", "a.md", "--jobs=0"], (("a.md",), {"fail_on": "info", "jobs": 0})),
        (["check", "--format", "xml", "a.md"], None),
        (["check", "--format"], None),
        (["check", "-f=json", "a.md"], None),
        (["check", "--quiet=yes", "a.md"], None),
        (["check", "-qj2", "a.md"], None),
        (["check", "-j", "+2", "a.md"], None),
        (["check", "--fix", "a.md"], None),
        (["check", "-"], None),
        (["check", "--", "a.md"], None),
        (["check", ""], None),
        (["rules", "list"], None),
        (["--version"], None),
        ([], None),
    ],
)
def test_only_paths_and_the_plain_options_skip_click(args, plain):
    assert _plain_check_line(args) == plain


def test_shell_completion_goes_to_click(monkeypatch):
    monkeypatch.setenv("_KETALINT_COMPLETE", "bash_complete")
    assert _plain_check_line(["check", "a.md"]) is None


@pytest.mark.parametrize("args, imported", [(["check", "a.md"], False), (["check", "a.md", "-q", "--format", "json"], False),
                                            (["check", "a.md", "--fix"], True)])
def test_the_plain_entry_does_not_import_click(site: Path, args, imported):
    code = f"import sys; from ketalint.cli import main\ntry:\n    main({args!r})\nfinally:\n    print('click' in sys.modules, file=sys.stderr)"
    proc = subprocess.run([sys.executable, "-c", code], cwd=site, capture_output=True, text=True)
    assert proc.returncode == 1 and proc.stderr.strip().splitlines()[-1] == str(imported)


_AFTER_MAIN = (
    "import gc, sys\n"
    "from ketalint.cli import main\n"
    "try:\n"
    "    main({argv})\n"
    "except SystemExit:\n"
    "    print('returned', gc.get_freeze_count() > 0)\n"
)


def test_a_caller_of_main_gets_the_exit_and_keeps_its_objects(site: Path):
    """Called with arguments, as by a program that goes on, `main` raises SystemExit and leaves
    the collector as it was."""
    code, out, _ = _run(_AFTER_MAIN.format(argv="sys.argv[1:]"), ["check", "a.md"], site)
    assert out.strip().splitlines()[-1] == b"returned False"


@pytest.mark.parametrize("args, code", [(["check", "a.md"], 1), (["check", "clean.md"], 0), (["check", "--format", "json", "a.md"], 1),
                                        (["check", "--fail-on", "bogus"], 2), (["rules", "list"], 0)])
def test_the_command_line_ends_its_process_with_the_runs_exit_code(site: Path, args, code):
    """Run as the process's own command line, `main` ends the process itself (nothing after it
    runs), with the code and the complete output of the same run through a caller."""
    ended = _run(_AFTER_MAIN.format(argv=""), args, site)
    called = _run(PLAIN, args, site)
    assert b"returned" not in ended[1]
    assert ended == called
    assert ended[0] == code


def test_the_command_line_flushes_a_long_report_into_a_pipe(site: Path):
    """A report far larger than a pipe's buffer arrives whole before the process ends."""
    (site / "long.md").write_text("# Care\n\n" + "Ketamine permanently rewires the brain. " * 3000 + "\n", encoding="utf-8")
    code, out, err = _run(_AFTER_MAIN.format(argv=""), ["check", "--format", "json", "long.md"], site)
    report = json.loads(out)
    assert code == 1 and len(out) > 500_000, err
    assert len(report["findings"]) >= 3000


def test_the_command_line_ends_quietly_when_its_reader_has_gone(site: Path):
    read, write = os.pipe()
    os.close(read)
    with os.fdopen(write, "wb") as stdout:
        code, _, err = _run(_AFTER_MAIN.format(argv=""), ["check", "a.md"], site, stdout=stdout)
    assert code == 1 and err == b""


def _environment(unbuffered: bool) -> dict:
    """This process's environment, with standard output buffered as a user's is, or not."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return environment | {"PYTHONUNBUFFERED": "1"} if unbuffered else environment


_FULL_DISK = ["ketalint: error: cannot write the report: No space left on device"]


@pytest.mark.parametrize("args", [["check", "a.md"], ["check", "clean.md"], ["check", "--format", "json", "a.md"]])
@pytest.mark.parametrize("unbuffered", [False, True])
def test_a_report_that_cannot_be_written_is_one_line_and_exit_code_2(site: Path, args, unbuffered):
    """A full disk is reported once, whether the report is written as it is made or as the
    process ends, without click (options-free) and through it."""
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-c", _AFTER_MAIN.format(argv=""), *args], cwd=site,
                              stdout=full, stderr=subprocess.PIPE, env=_environment(unbuffered))
    assert (proc.returncode, proc.stderr.decode().splitlines()) == (2, _FULL_DISK)


_UNFLUSHED = "import sys; from ketalint.cli import end_process; sys.stdout.write('report\\n'); end_process({code})"


@pytest.mark.parametrize("code", [0, 1, 2])
def test_output_left_in_the_buffer_that_cannot_be_written_ends_the_process_with_2(code):
    """Said once: a run that ended with 2 has reported its error already."""
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-c", _UNFLUSHED.format(code=code)], stdout=full, stderr=subprocess.PIPE,
                              env=_environment(False))
    assert (proc.returncode, proc.stderr.decode().splitlines()) == (2, [] if code == 2 else _FULL_DISK)


@pytest.mark.parametrize("code, ends", [(0, 1), (1, 1), (2, 2)])
def test_output_left_in_the_buffer_for_a_reader_that_went_away_ends_quietly(code, ends):
    read, write = os.pipe()
    os.close(read)
    with os.fdopen(write, "wb") as stdout:
        proc = subprocess.run([sys.executable, "-c", _UNFLUSHED.format(code=code)], stdout=stdout, stderr=subprocess.PIPE,
                              env=_environment(False))
    assert (proc.returncode, proc.stderr) == (ends, b"")


def test_output_left_in_the_buffer_arrives_before_the_process_ends():
    proc = subprocess.run([sys.executable, "-c", _UNFLUSHED.format(code=1)], capture_output=True, env=_environment(False))
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, b"report\n", b"")
