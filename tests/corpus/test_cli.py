"""Corpus mode from the command line: --corpus, --no-cache, --cache-dir, JSON output."""

from __future__ import annotations

import json

import pytest
from corpus_support import copy_site

from ketalint.cache import ResultCache
from ketalint.cli import main


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
