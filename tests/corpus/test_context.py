"""Named files and the rest of the site: context files are read, only findings that involve a
named file are reported, and a file's results do not depend on who shares its invocation."""

from __future__ import annotations

from corpus_support import check, copy_site, places, summary

from ketalint.config import Config

SITE_FILES = ("brain-chemistry.html", "calm-mind.html", "faq.md", "glutamate-basics.md", "long-term.md", "safety.txt", "what-to-expect.txt")


def test_a_named_file_gets_the_conflicts_that_involve_it(tmp_path):
    root = copy_site(tmp_path)
    report = check(root, ["glutamate-basics.md"], corpus=[root])
    # its own statements; and statements elsewhere that contradict one of its statements which
    # has no finding of its own (it is the supported side, or the hedged twin)
    assert places(report) == {
        ("glutamate-basics.md", 7, "consistency.direction"),
        ("calm-mind.html", 6, "contradiction.glutamate-direction"),
        ("brain-chemistry.html", 4, "contradiction.glutamate-direction"),
        ("calm-mind.html", 8, "consistency.term-kind"),
        ("calm-mind.html", 10, "consistency.copy-drift"),
        ("long-term.md", 7, "consistency.numbers"),
    }
    glutamate = [f for f in report.findings if f.rule == "contradiction.glutamate-direction"]
    assert all(any(r.path.endswith("glutamate-basics.md") for r in f.related) for f in glutamate)


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
