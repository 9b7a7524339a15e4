"""Corpus mode from the command line: --corpus, --no-cache, --cache-dir, JSON output."""

from __future__ import annotations

import json

import pytest
from corpus_support import copy_site

import ketalint.api
from ketalint.cache import ResultCache
from ketalint.cli import main
from ketalint.config import Config


def _run(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out = capsys.readouterr()
    return exc.value.code, out.out


def test_corpus_option_and_json(tmp_path, capsys, monkeypatch):
    root = copy_site(tmp_path)
    monkeypatch.chdir(root)
    code, out = _run(["check", "faq.md", "--corpus", ".", "--select", "contradiction", "--format", "json", "--cache-dir", str(tmp_path / "c")], capsys)
    assert code == 1
    findings = json.loads(out)["findings"]
    # faq.md's own wrong statement; its right one, which two other articles contradict, gets a note
    assert [(f["path"], f["line"], f["rule"], f["severity"]) for f in findings] == [
        ("faq.md", 5, "contradiction.glutamate-direction", "info"),
        ("faq.md", 13, "contradiction.side-effect-frequency", "error"),
    ]
    assert sorted(r["path"] for r in findings[0]["related"]) == ["./brain-chemistry.html", "./calm-mind.html"]
    assert findings[1]["related"][0]["path"].endswith("safety.txt")
    assert ResultCache(tmp_path / "c").keys()


def test_no_cache_writes_nothing(tmp_path, capsys, monkeypatch):
    root = copy_site(tmp_path)
    monkeypatch.chdir(root)
    code, out = _run(["check", "--no-cache", "--select", "contradiction.misuse-risk", "-q"], capsys)
    assert code == 1
    assert "calm-mind.html:9:29" in out and "safety.txt:5" in out
    assert not (root / ".ketalint_cache").exists()


def test_a_site_run_holds_no_matched_texts_and_reports_the_drifted_copy_as_written(tmp_path, monkeypatch):
    hedged = "Ketamine infusions <em>may</em> ease low mood within a few hours for many adults we treat."
    plain = "Ketamine infusions ease low mood within a few hours for many adults we treat."
    (tmp_path / "a.html").write_text(f"<html><body><h1>A</h1><p>{hedged}</p></body></html>\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# B\n\nOur team says so. {plain}\n", encoding="utf-8")
    held = []
    real = ketalint.api.run_corpus

    def corpus(results, *args, **kwargs):
        held.extend(r.statements.get("consistency.copy-drift") for r in results)
        return real(results, *args, **kwargs)

    monkeypatch.setattr(ketalint.api, "run_corpus", corpus)
    report = ketalint.api.run_check(Config(root=tmp_path), ketalint.api.CheckOptions(paths=[str(tmp_path)], select=("consistency.copy-drift",), cache=False))
    assert held and all(packed.matches is None for packed in held)
    (finding,) = report.findings
    assert (finding.location.match, [r.match for r in finding.related]) == (plain, [hedged])
