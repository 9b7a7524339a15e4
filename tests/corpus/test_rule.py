"""What corpus rules compare: an article's own statements, and those its sentence pairs make
("Is ketamine addictive?" "No."), located at the pair."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "rules"))

from corpus_rule_support import located, shipped  # noqa: E402
from corpus_support import check  # noqa: E402

from ketalint.config import Config  # noqa: E402
from ketalint.document import parse  # noqa: E402
from ketalint.examples import example_hits  # noqa: E402

FAQ = """# Questions we hear

## Is ketamine addictive?

No. Every dose is given in the clinic.
"""
MISUSE = "Ketamine is a Schedule III controlled substance, and it can be misused.\n"


def test_an_answered_question_is_compared_with_other_articles():
    found = located(shipped("contradiction.misuse-risk"), {"faq.md": FAQ, "facts.md": MISUSE})
    assert found == {("faq.md", "Is ketamine addictive? No", ("facts.md",))}


def test_the_pair_is_located_from_the_question_to_the_answer():
    (statement,) = shipped("contradiction.misuse-risk").impl.statements(parse("faq.md", FAQ))
    assert (statement.line, statement.column, statement.end_line, statement.end_column) == (3, 4, 5, 3)
    assert statement.side == "non-addictive"


def test_the_pair_is_quoted_as_the_reader_sees_it():
    html = "<h1>FAQ</h1><h3>Is ketamine addictive?</h3><p>No. Every dose is given here.</p>"
    (statement,) = shipped("contradiction.misuse-risk").impl.statements(parse("faq.html", html))
    assert statement.match == "Is ketamine addictive? No"
    assert html[statement.start:statement.end] == "Is ketamine addictive?</h3><p>No"


def test_a_table_cell_is_quoted_as_its_table_reads_it(tmp_path):
    table = (
        "# Sprays compared\n\n| | Spravato | Compounded ketamine nasal spray |\n|---|---|---|\n"
        "| FDA-approved | Yes (March 2019) | Yes (pharmacy-made) |\n"
    )
    (statement,) = [s for s in shipped("contradiction.nasal-spray").impl.statements(parse("t.md", table))
                    if s.side == "racemic-approved"]
    assert statement.match == "Yes (pharmacy-made)"  # the finding's place and text are the cell's
    assert statement.data["reading"] == "Compounded ketamine nasal spray: FDA-approved, (pharmacy-made)"
    fact = "# Spravato\n\nSpravato, an esketamine nasal spray, was approved by the FDA in March 2019.\n"
    for name, text in (("t.md", table), ("fact.md", fact)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (finding,) = [f for f in check(tmp_path).findings if f.rule == "contradiction.nasal-spray"]
    assert finding.location.match == "Yes (pharmacy-made)"
    assert '("Compounded ketamine nasal spray: FDA-approved, (pharmacy-made)")' in finding.message


def test_an_answer_that_states_the_claim_itself_is_one_statement():
    text = "Is ketamine addictive? No, ketamine is non-addictive.\n"
    statements = shipped("contradiction.misuse-risk").impl.statements(parse("faq.md", text))
    assert [(s.side, s.match) for s in statements] == [("non-addictive", "ketamine is non-addictive")]


def test_an_answer_that_does_not_answer_states_nothing():
    text = "Is ketamine addictive? Not usually, but ketamine can be misused.\n"
    rule = shipped("contradiction.misuse-risk")
    assert [s.side for s in rule.impl.statements(parse("faq.md", text))] == ["misuse-risk"]


def test_an_answer_contradicted_in_its_own_paragraph_is_a_conflict():
    text = "Is ketamine addictive? No. Ketamine is a Schedule III controlled substance.\n"
    statements = shipped("contradiction.misuse-risk").impl.statements(parse("faq.md", text))
    assert [s.side for s in statements] == ["non-addictive", "misuse-risk"]


def test_a_question_without_an_answer_states_nothing():
    text = "Is ketamine addictive?\n\n## Booking\n\nCall us to book.\n"
    assert shipped("contradiction.misuse-risk").impl.statements(parse("faq.md", text)) == []


def test_a_wh_question_and_its_answer_give_a_direction():
    rule = shipped("consistency.direction")
    found = located(rule, {
        "faq.md": "What does ketamine do to BDNF? It lowers it.\n",
        "science.md": "Ketamine increases BDNF levels.\n",
    })
    assert ("faq.md", "What does ketamine do to BDNF? It lowers it.", ("science.md",)) in found


def test_a_how_long_question_and_its_answer_give_a_figure():
    rule = shipped("consistency.numbers")
    found = located(rule, {
        "faq.md": "How long does relief last?\n\nAbout six months.\n",
        "guide.md": "Relief usually lasts about a week.\n",
    })
    assert found == {("faq.md", "How long does relief last? About six months.", ("guide.md",))}


def test_statements_keep_file_order():
    text = FAQ + "\nKetamine is not addictive, our old leaflet said.\n\nIs ketamine habit-forming? Never.\n"
    statements = shipped("contradiction.misuse-risk").impl.statements(parse("faq.md", text))
    starts = [s.start for s in statements]
    assert starts == sorted(starts)
    assert [s.match.split()[0] for s in statements] == ["Is", "Ketamine", "Is"]  # FAQ, sentence, FAQ


def test_rule_examples_may_be_question_and_answer_pairs():
    rule = shipped("contradiction.misuse-risk")
    assert example_hits(rule, "Is ketamine addictive? No. Ketamine is a Schedule III controlled substance.")
    assert not example_hits(rule, "Is ketamine addictive? It can be. Ketamine is a Schedule III controlled substance.")


def test_a_run_reports_the_pair_and_keeps_it_in_the_cache(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "faq.md").write_text(FAQ)
    (root / "facts.md").write_text(MISUSE)
    config = Config(root=root, cache_dir=root / ".cache")

    def found():
        report = check(root, cache=True, config=config)
        return {(Path(f.path).name, f.location.line, f.rule) for f in report.findings}

    cold = found()
    assert ("faq.md", 3, "contradiction.misuse-risk") in cold
    assert found() == cold


def test_a_hook_run_against_the_site_store_sees_the_pair(tmp_path):
    """A pre-commit run names one file and reads the rest of the site from the store: an FAQ
    pair filed there is what the named article contradicts."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "faq.md").write_text(FAQ)
    (root / "facts.md").write_text(MISUSE)
    config = Config(root=root, cache_dir=root / ".cache")
    check(root, cache=True, config=config)  # files the site
    for _ in range(2):  # first from a fresh store entry, then from the store as it is
        report = check(root, ["faq.md"], corpus=[root], cache=True, config=config)
        assert {(Path(f.path).name, f.location.line, f.rule) for f in report.findings} >= {("faq.md", 3, "contradiction.misuse-risk")}
