"""Many articles on one side make one finding per statement, with a few representatives."""

from __future__ import annotations

from corpus_support import check


def test_many_agreeing_articles_do_not_multiply_findings(tmp_path):
    for i in range(60):
        (tmp_path / f"a{i:02}.md").write_text(f"# Page {i}\n\nKetamine causes a brief glutamate surge.\n", encoding="utf-8")
    (tmp_path / "odd.md").write_text("# Odd\n\nKetamine calms glutamate.\n", encoding="utf-8")
    report = check(tmp_path, select=("contradiction.glutamate-direction",))
    (finding,) = report.findings
    assert finding.path.endswith("odd.md")
    assert len(finding.related) == 3
    assert len({r.path for r in finding.related}) == 3
    assert "(and 59 more)" in finding.message


def test_the_findings_against_one_side_share_its_places(tmp_path):
    """Sixty articles contradicting one make sixty findings with the same representatives: one
    tuple of places, not sixty copies (the report writes it once)."""
    for i in range(60):
        (tmp_path / f"a{i:02}.md").write_text(f"# Page {i}\n\nKetamine calms glutamate.\n", encoding="utf-8")
    (tmp_path / "odd.md").write_text("# Odd\n\nKetamine causes a brief glutamate surge.\n", encoding="utf-8")
    report = check(tmp_path, select=("contradiction.glutamate-direction",))
    against_odd = [f for f in report.findings if not f.path.endswith("odd.md")]
    assert len(against_odd) == 60
    assert all(f.related[0].path.endswith("odd.md") for f in against_odd)
    assert len({id(f.related) for f in against_odd}) == 1
