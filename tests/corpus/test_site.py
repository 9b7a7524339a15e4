"""The whole test site, checked as one: every kind of conflict, with both locations."""

from __future__ import annotations

import json

from corpus_support import check, copy_site, places, summary

from ketalint.formatters import get as get_formatter

# Worked out by hand from the articles in tests/fixtures/site.
EXPECTED = {
    # glutamate: "calming" and "block" contradict the supported side (a surge, increased release)
    ("calm-mind.html", 6, "contradiction.glutamate-direction", (("faq.md", 5), ("glutamate-basics.md", 3))),
    ("brain-chemistry.html", 4, "contradiction.glutamate-direction", (("faq.md", 5), ("glutamate-basics.md", 3))),
    # durability: "permanently rewires" against two "long-term effects unknown" statements
    ("calm-mind.html", 7, "contradiction.durability", (("long-term.md", 3), ("what-to-expect.txt", 8))),
    ("calm-mind.html", 9, "contradiction.misuse-risk", (("safety.txt", 5),)),
    ("faq.md", 13, "contradiction.side-effect-frequency", (("safety.txt", 3),)),
    # BDNF called a neurotransmitter; a protein and a growth factor elsewhere (which agree)
    ("calm-mind.html", 8, "consistency.term-kind", (("brain-chemistry.html", 6), ("faq.md", 9), ("glutamate-basics.md", 6))),
    # BDNF up in one article, down in another, no evidence declared: both sides
    ("glutamate-basics.md", 7, "consistency.direction", (("brain-chemistry.html", 5),)),
    ("brain-chemistry.html", 5, "consistency.direction", (("glutamate-basics.md", 7),)),
    # numbers: 40 minutes vs two hours (both); 100 billion neurons vs the sourced 86 billion (one)
    ("what-to-expect.txt", 3, "consistency.numbers", (("long-term.md", 5),)),
    ("long-term.md", 5, "consistency.numbers", (("what-to-expect.txt", 3),)),
    ("long-term.md", 7, "consistency.numbers", (("glutamate-basics.md", 9),)),
    # copy drift: a lost "may" (the stronger copy only) and a changed number (both copies)
    ("calm-mind.html", 10, "consistency.copy-drift", (("glutamate-basics.md", 11),)),
    ("what-to-expect.txt", 5, "consistency.copy-drift", (("faq.md", 17),)),
    ("faq.md", 17, "consistency.copy-drift", (("what-to-expect.txt", 5),)),
}


def test_every_conflict_is_reported_once_with_its_other_side(tmp_path):
    report = check(copy_site(tmp_path))
    assert summary(report) == EXPECTED


def test_negated_hedged_and_agreeing_statements_are_not_reported(tmp_path):
    found = places(check(copy_site(tmp_path)))
    lines = {(name, line) for name, line, _ in found}
    assert ("what-to-expect.txt", 7) not in lines  # "does not permanently change the brain"
    assert ("brain-chemistry.html", 7) not in lines  # "does not calm glutamate"
    assert ("faq.md", 5) not in lines  # "causes a glutamate surge" agrees with "increases glutamate release"
    assert ("glutamate-basics.md", 6) not in lines  # "a protein" agrees with "a growth factor"
    assert ("safety.txt", 7) not in lines  # hedged, and nothing says the opposite


def test_messages_quote_both_sides_and_name_the_other_file(tmp_path):
    report = check(copy_site(tmp_path))
    (finding,) = [f for f in report.findings if f.rule == "contradiction.durability"]
    assert '"Ketamine permanently"' in finding.message
    assert "long-term.md:3" in finding.message
    assert "still being studied" in finding.message
    assert "(and 1 more)" in finding.message
    assert "The sources support: temporary" in finding.message
    assert finding.category == "contradiction" and finding.severity == "error"


def test_json_report_carries_related_locations(tmp_path):
    report = check(copy_site(tmp_path))
    payload = json.loads(get_formatter("json")(report))
    (term,) = [f for f in payload["findings"] if f["rule"] == "consistency.term-kind"]
    assert term["category"] == "contradiction"
    assert term["match"] == "BDNF, a neurotransmitter"
    first = term["related"][0]
    assert first["path"].endswith("brain-chemistry.html")
    assert (first["line"], first["column"], first["end_line"]) == (6, 4, 6)
    assert first["match"] == "Growth factors such as BDNF"
    assert first["end_column"] == first["column"] + len(first["match"])


def test_one_article_can_contradict_itself(tmp_path):
    (tmp_path / "one.md").write_text(
        "# One page\n\nKetamine calms glutamate.\n\nLater: ketamine triggers a glutamate surge.\n", encoding="utf-8"
    )
    report = check(tmp_path, ["one.md"], select=("contradiction.glutamate-direction",))
    assert summary(report) == {("one.md", 3, "contradiction.glutamate-direction", (("one.md", 5),))}


def test_messages_quote_claims_made_across_markup_as_prose(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "classes.html").write_text(
        "<html><body><p>Ketamine is a <em>dissociative anesthetic</em> that blocks NMDA receptors.</p></body></html>\n",
        encoding="utf-8",
    )
    (root / "blog.md").write_text("# Our view\n\nKetamine is a **classic psychedelic** like psilocybin.\n", encoding="utf-8")
    (finding,) = [f for f in check(root).findings if f.rule == "contradiction.drug-class"]
    assert finding.path.endswith("blog.md")
    assert '("Ketamine is a classic psychedelic")' in finding.message
    assert '("Ketamine is a dissociative anesthetic")' in finding.message
    assert "**" in finding.location.match and "<em>" in finding.related[0].match  # the places keep the source text
