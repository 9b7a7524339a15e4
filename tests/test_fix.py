"""Safe autofix: exact bytes outside the fixed spans, encodings, refusals, idempotence, --diff."""

from __future__ import annotations

import os
import stat

from cli_support import make_site, run
from ketalint.api import CheckOptions, run_check
from ketalint.config import load_config
from ketalint.files import FileText, decode
from ketalint.finding import Finding, Fix, Location
from ketalint.fix import apply_fixes, choose_fixes, plan_fixes, write_fixes


def _site(tmp_path, monkeypatch, name: str, data: bytes):
    make_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data)
    return tmp_path / name


def _leftovers(folder) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".ketalint-tmp")]


def test_crlf_file_changes_only_the_replaced_span(tmp_path, monkeypatch, capsys):
    post = _site(tmp_path, monkeypatch, "post.md", b"Notes\r\n\r\nAdults have 100 billion neurons.\r\nA second line stays.\r\n")
    code, out, err = run(["check", "post.md", "--fix"], capsys)
    assert post.read_bytes() == b"Notes\r\n\r\nAdults have 86 billion neurons.\r\nA second line stays.\r\n"
    assert code == 0
    assert "No problems found" in out
    assert err == "ketalint: fixed 1 problem in 1 file\n"


def test_bom_is_kept(tmp_path, monkeypatch, capsys):
    post = _site(tmp_path, monkeypatch, "post.md", b"\xef\xbb\xbfWe count 100 billion neurons.\n")
    run(["check", "post.md", "--fix"], capsys)
    assert post.read_bytes() == b"\xef\xbb\xbfWe count 86 billion neurons.\n"


def test_non_ascii_text_round_trips(tmp_path, monkeypatch, capsys):
    text = "Caf\u00e9 \u201cnotes\u201d \u2014 na\u00efve: 100 billion neurons \u2713 \u65e5\u672c\n"
    post = _site(tmp_path, monkeypatch, "post.md", text.encode("utf-8"))
    run(["check", "post.md", "--fix"], capsys)
    expected = "Caf\u00e9 \u201cnotes\u201d \u2014 na\u00efve: 86 billion neurons \u2713 \u65e5\u672c\n"
    assert post.read_bytes() == expected.encode("utf-8")


def test_invalid_utf8_file_is_refused_and_untouched(tmp_path, monkeypatch, capsys):
    data = b"Caf\xe9 staff say 100 billion neurons.\n"
    post = _site(tmp_path, monkeypatch, "post.md", data)
    code, out, err = run(["check", "post.md", "--fix"], capsys)
    assert post.read_bytes() == data
    assert "not fixed: the file is not valid UTF-8" in err
    assert code == 1
    assert "[demo.neurons]" in out


def test_permissions_are_kept_and_no_temporary_file_is_left(tmp_path, monkeypatch, capsys):
    post = _site(tmp_path, monkeypatch, "post.md", b"Adults have 100 billion neurons.\n")
    post.chmod(0o640)
    run(["check", "post.md", "--fix"], capsys)
    assert stat.S_IMODE(post.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


def test_second_run_changes_nothing(tmp_path, monkeypatch, capsys):
    post = _site(tmp_path, monkeypatch, "post.md", b"One: 100 billion neurons.\nTwo: 100 Billion neurons.\n")
    run(["check", "post.md", "--fix"], capsys)
    once = post.read_bytes()
    assert once == b"One: 86 billion neurons.\nTwo: 86 billion neurons.\n"
    code, _, err = run(["check", "post.md", "--fix"], capsys)
    assert post.read_bytes() == once
    assert "fixed" not in err
    assert code == 0


def test_remaining_findings_are_reported_at_their_new_position(tmp_path, monkeypatch, capsys):
    # "86" is one character shorter than "100", so the phrase after it moves one column left.
    _site(tmp_path, monkeypatch, "post.md", b"Adults have 100 billion neurons and it permanently rewires them.\n")
    code, out, _ = run(["check", "post.md", "--fix"], capsys)
    assert "post.md:1:39: warning [demo.forever]" in out
    assert "demo.neurons" not in out
    assert code == 1


def test_diff_prints_the_change_and_writes_nothing(tmp_path, monkeypatch, capsys):
    data = b"Intro line.\nAdults have 100 billion neurons.\n"
    post = _site(tmp_path, monkeypatch, "post.md", data)
    code, out, _ = run(["check", "post.md", "--diff"], capsys)
    assert out == (
        "--- a/post.md\n"
        "+++ b/post.md\n"
        "@@ -1,2 +1,2 @@\n"
        " Intro line.\n"
        "-Adults have 100 billion neurons.\n"
        "+Adults have 86 billion neurons.\n"
    )
    assert code == 1
    assert post.read_bytes() == data


def test_diff_marks_a_missing_final_newline(tmp_path, monkeypatch, capsys):
    _site(tmp_path, monkeypatch, "post.md", b"Adults have 100 billion neurons.")
    _, out, _ = run(["check", "post.md", "--diff"], capsys)
    assert out.splitlines()[2:] == [
        "@@ -1 +1 @@",
        "-Adults have 100 billion neurons.",
        "\\ No newline at end of file",
        "+Adults have 86 billion neurons.",
        "\\ No newline at end of file",
    ]


def test_diff_without_fixes_is_empty_and_exits_0(tmp_path, monkeypatch, capsys):
    _site(tmp_path, monkeypatch, "post.md", b"It permanently rewires nothing fixable.\n")
    code, out, _ = run(["check", "post.md", "--diff"], capsys)
    assert (code, out) == (0, "")


def test_fix_refuses_standard_input(tmp_path, monkeypatch, capsys):
    make_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["check", "-", "--fix"], capsys)
    assert code == 2
    assert "--fix cannot write to standard input" in err


def test_file_changed_since_it_was_read_is_refused(tmp_path, monkeypatch):
    post = _site(tmp_path, monkeypatch, "post.md", b"Adults have 100 billion neurons.\n")
    report = run_check(load_config(start=tmp_path), CheckOptions(paths=["post.md"]))
    plans = plan_fixes(report.findings, report.texts)
    post.write_bytes(b"Someone else edited this: 100 billion neurons.\n")
    outcome = write_fixes(plans)
    assert post.read_bytes() == b"Someone else edited this: 100 billion neurons.\n"
    assert outcome.fixed == 0
    assert [p.message for p in outcome.problems] == ["not fixed: the file changed since it was read"]


def test_failed_write_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    post = _site(tmp_path, monkeypatch, "post.md", b"Adults have 100 billion neurons.\n")
    report = run_check(load_config(start=tmp_path), CheckOptions(paths=["post.md"]))
    plans = plan_fixes(report.findings, report.texts)

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    outcome = write_fixes(plans)
    assert post.read_bytes() == b"Adults have 100 billion neurons.\n"
    assert outcome.problems[0].message == "not fixed: cannot write the file: Permission denied"
    assert _leftovers(tmp_path) == []


def test_overlapping_fixes_keep_the_earliest():
    fixes = [Fix(2, 6, "Y"), Fix(0, 4, "X"), Fix(6, 8, "Z")]
    kept, skipped = choose_fixes("abcdefghij", fixes)
    assert kept == (Fix(0, 4, "X"), Fix(6, 8, "Z"))
    assert skipped == 1
    assert apply_fixes("abcdefghij", kept) == "XefZij"


def test_identical_fixes_count_once():
    kept, skipped = choose_fixes("abcdef", [Fix(0, 2, "Q"), Fix(0, 2, "Q")])
    assert (kept, skipped) == ((Fix(0, 2, "Q"),), 0)


def test_fixes_that_cross_a_line_are_skipped():
    kept, skipped = choose_fixes("ab\r\ncd", [Fix(1, 5, "x"), Fix(5, 6, "y\nz")])
    assert (kept, skipped) == ((), 2)


def test_plan_groups_fixes_by_file_and_ignores_findings_without_one():
    def finding(path, start, end, fix):
        return Finding(Location(path, 1, start + 1, 1, end + 1, "x"), "r.x", "style", "info", "m", fix=fix)

    texts = {p: FileText(p, "abcdefgh", "d") for p in ("b.md", "a.md")}
    findings = [
        finding("b.md", 0, 2, Fix(0, 2, "B")),
        finding("a.md", 4, 6, Fix(4, 6, "A")),
        finding("a.md", 5, 7, Fix(5, 7, "C")),
        finding("a.md", 0, 1, None),
    ]
    plans = plan_fixes(findings, texts)
    assert [(p.path, p.fixes, p.skipped) for p in plans] == [
        ("a.md", (Fix(4, 6, "A"),), 1),
        ("b.md", (Fix(0, 2, "B"),), 0),
    ]
    assert plans[0].fixed_text() == "abcdAgh"


def test_skipped_fixes_are_counted_in_the_summary(tmp_path, monkeypatch):
    post = _site(tmp_path, monkeypatch, "post.md", b"abcdefghij\n")
    source, _ = decode("post.md", post.read_bytes())
    plans = plan_fixes(
        [Finding(Location("post.md", 1, s + 1, 1, e + 1, "x"), "r.x", "style", "info", "m", fix=Fix(s, e, r))
         for s, e, r in ((0, 4, "X"), (2, 6, "Y"), (6, 8, "Z"))],
        {"post.md": source},
    )
    outcome = write_fixes(plans)
    assert post.read_bytes() == b"XefZij\n"
    assert outcome.summary() == "fixed 2 problems in 1 file; 1 overlapping or multi-line fix skipped"
