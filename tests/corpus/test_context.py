"""Named files and the rest of the site: context files are read, only findings that involve a
named file are reported, and a file's results do not depend on who shares its invocation."""

from __future__ import annotations

from pathlib import Path

from corpus_support import check, copy_site, places, summary

from ketalint.config import Config

SITE_FILES = ("brain-chemistry.html", "calm-mind.html", "faq.md", "glutamate-basics.md", "long-term.md", "safety.txt", "what-to-expect.txt")


def test_a_named_file_gets_its_findings_and_notes_on_what_contradicts_it(tmp_path):
    root = copy_site(tmp_path)
    report = check(root, ["glutamate-basics.md"], corpus=[root])
    # its own disputed statement; and one note at each of its statements that other articles
    # contradict while the sources (or most of the site) agree with it: nothing located elsewhere
    assert {(Path(f.path).name, f.location.line, f.rule, f.severity) for f in report.findings} == {
        ("glutamate-basics.md", 7, "consistency.direction", "warning"),
        ("glutamate-basics.md", 3, "contradiction.glutamate-direction", "info"),
        ("glutamate-basics.md", 6, "consistency.term-kind", "info"),
        ("glutamate-basics.md", 9, "consistency.numbers", "info"),
        ("glutamate-basics.md", 11, "consistency.copy-drift", "info"),
    }
    (note,) = [f for f in report.findings if f.rule == "contradiction.glutamate-direction"]
    assert {Path(r.path).name for r in note.related} == {"calm-mind.html", "brain-chemistry.html"}
    assert "2 statements in 2 other articles contradict this article" in note.message


def test_notes_are_bounded_however_many_articles_contradict(tmp_path):
    (tmp_path / "right.md").write_text("# Right\n\nKetamine causes a brief glutamate surge.\n", encoding="utf-8")
    for i in range(40):
        (tmp_path / f"w{i:02}.md").write_text(f"# Page {i}\n\nKetamine calms glutamate.\n", encoding="utf-8")
    report = check(tmp_path, ["right.md"], corpus=[tmp_path], select=("contradiction.glutamate-direction",))
    (note,) = report.findings
    assert (Path(note.path).name, note.severity, len(note.related)) == ("right.md", "info", 3)
    assert "40 statements in 40 other articles" in note.message and "and 39 more" in note.message


def test_without_a_corpus_there_are_no_notes(tmp_path):
    root = copy_site(tmp_path)
    report = check(root, ["glutamate-basics.md", "calm-mind.html"])
    assert not any(f.severity == "info" for f in report.findings)


def test_context_files_per_document_findings_are_not_reported(tmp_path):
    root = copy_site(tmp_path)
    (root / "calm-mind.html").write_text(
        (root / "calm-mind.html").read_text(encoding="utf-8").replace("</body>", "<p>This one is literally magic.</p></body>"),
        encoding="utf-8",
    )
    pack = tmp_path / "extra.yaml"
    pack.write_text(
        "pack: extra\nrules:\n  - {id: extra.literally, type: phrase, category: style, severity: warning, message: m, phrases: [literally]}\n",
        encoding="utf-8",
    )
    config = Config(root=root, cache_dir=root / ".cache", packs=(pack,))
    named = check(root, ["faq.md"], corpus=[root], config=config, select=("extra", "contradiction"))
    assert ("calm-mind.html", 11, "extra.literally") not in places(named)
    alone = check(root, ["calm-mind.html"], config=config, select=("extra",))
    assert ("calm-mind.html", 11, "extra.literally") in places(alone)


def test_results_for_a_file_do_not_depend_on_the_other_named_files(tmp_path):
    root = copy_site(tmp_path)
    together = summary(check(root, list(SITE_FILES), corpus=[root]))
    for name in SITE_FILES:
        alone = summary(check(root, [name], corpus=[root]))
        assert {f for f in together if f[0] == name} == {f for f in alone if f[0] == name}, name
    # split runs report the same findings; only which representatives fill `related` first
    # follows the named file
    union = set().union(*(places(check(root, [n], corpus=[root])) for n in SITE_FILES))
    assert union == {f[:3] for f in together}


def test_corpus_globs_in_the_config_are_relative_to_it(tmp_path):
    root = copy_site(tmp_path)
    config = Config(root=tmp_path, cache_dir=tmp_path / ".cache", corpus=("site/*.md", "site/*.txt"))
    report = check(root, ["calm-mind.html"], config=config)
    found = places(report)
    assert ("calm-mind.html", 7, "contradiction.durability") in found  # partners in .md and .txt files
    assert ("calm-mind.html", 6, "contradiction.glutamate-direction") in found  # faq.md, glutamate-basics.md
    assert not any(name == "brain-chemistry.html" for name, _, _ in found)  # not in the corpus globs


def test_without_a_corpus_the_named_files_are_the_site(tmp_path):
    root = copy_site(tmp_path)
    report = check(root, ["calm-mind.html", "safety.txt"])
    assert places(report) == {("calm-mind.html", 9, "contradiction.misuse-risk")}


def test_the_rest_of_the_site_is_not_read_when_no_corpus_rule_is_selected(tmp_path, monkeypatch):
    import ketalint.files

    root = copy_site(tmp_path)
    read: list[str] = []
    real = ketalint.files.read_bytes

    def counting(path, max_bytes):
        read.append(path)
        return real(path, max_bytes)

    monkeypatch.setattr(ketalint.files, "read_bytes", counting)
    check(root, ["faq.md"], corpus=[root], select=("overclaim",))
    assert [p.rsplit("/", 1)[-1] for p in read] == ["faq.md"]
    read.clear()
    check(root, ["faq.md"], corpus=[root])
    assert len(set(read)) == 7  # every article (a reported copy's text may be read back too)


def test_copies_are_shown_as_written_in_the_named_file_and_in_the_filed_site(tmp_path):
    root = copy_site(tmp_path)
    for cache in (True, True, False):  # filing the site, then reading it back, then without a store
        report = check(root, ["glutamate-basics.md"], corpus=[root], cache=cache, select=("consistency.copy-drift",))
        (note,) = report.findings
        assert note.location.match in (root / "glutamate-basics.md").read_text(encoding="utf-8")
        assert note.related and all(r.match in Path(r.path).read_text(encoding="utf-8") for r in note.related)
        assert all(len(r.match.split()) >= 8 for r in [note.location, *note.related])
