"""A realistic clinic site (tests/fixtures/realistic_site: ten articles that mostly agree) with
five planted conflicts: the cross-article packs report exactly those, each with its other side."""

from __future__ import annotations

from pathlib import Path

from corpus_support import check

SITE = Path(__file__).resolve().parent.parent / "fixtures" / "realistic_site"

# Planted by hand; every other statement of the site agrees with the rest or is hedged, negated
# or about something else (infusion vs visit length, NMDA receptors vs glutamate release, a copy
# that only adds "without rushing" or a phone number, compatible kinds of BDNF and glutamate).
PLANTED = {
    # "quieting glutamate" against the supported surge of glutamate release
    ("ketamine-vs-antidepressants.html", 14, "contradiction.glutamate-direction", "anxiety-ptsd-and-pain.html"),
    # BDNF called a neurotransmitter; a protein, a growth factor and a neurotrophin elsewhere
    ("ketamine-vs-antidepressants.html", 15, "consistency.term-kind", "faq.md"),
    # "permanently lifted" against effects that fade and long-term effects still being studied
    ("patient-stories.md", 18, "contradiction.durability", "anxiety-ptsd-and-pain.html"),
    # a 90-minute infusion where three articles give about 40 minutes
    ("cost-and-insurance.md", 8, "consistency.numbers", "faq.md"),
    # the one copy of a shared sentence that lost its "may"
    ("faq.md", 26, "consistency.copy-drift", "first-infusion.md"),
}


def test_exactly_the_planted_conflicts_are_reported_with_their_other_side():
    report = check(SITE)
    found = {(Path(f.path).name, f.location.line, f.rule, Path(f.related[0].path).name) for f in report.findings}
    assert found == PLANTED


def test_every_planted_conflict_names_all_the_articles_on_the_other_side():
    report = check(SITE)
    related = {f.rule: {Path(r.path).name for r in f.related} for f in report.findings}
    assert related["consistency.numbers"] == {"faq.md", "first-infusion.md", "spravato-and-iv-ketamine.txt"}
    assert related["consistency.term-kind"] == {"faq.md", "how-ketamine-works.md", "spravato-and-iv-ketamine.txt"}
    assert related["consistency.copy-drift"] == {"first-infusion.md"}


def test_committing_one_right_article_shows_notes_not_other_files_findings():
    report = check(SITE, names=["faq.md"], corpus=[SITE])
    assert {Path(f.path).name for f in report.findings} == {"faq.md"}
    severities = {(f.location.line, f.rule): f.severity for f in report.findings}
    assert severities[(26, "consistency.copy-drift")] == "warning"  # its own drifted copy
    assert severities[(16, "consistency.term-kind")] == "info"  # BDNF is a protein: right, contradicted elsewhere
    assert severities[(21, "consistency.numbers")] == "info"  # about 40 minutes: most of the site agrees
