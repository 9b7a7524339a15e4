"""The JSON report: valid JSON one finding per line, written in pieces that add up to `render`."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.api import Report
from ketalint.finding import Finding, Location
from ketalint.formatters.json import chunks, render


def _report(count: int) -> Report:
    findings = [
        Finding(Location(f"posts/{i:04}.md", i + 1, 3, i + 1, 9, "cures \"all\""), "demo.x", "overclaim", "warning", f"message {i} – é", suggestion="may help")
        for i in range(count)
    ]
    return Report(findings, files=count, problems=[], rules=[])


@pytest.mark.parametrize("count", [0, 1, 499, 500, 501, 1234])
def test_the_pieces_make_the_whole_report_as_valid_json(count):
    report = _report(count)
    pieces = list(chunks(report))
    text = render(report)
    assert "".join(pieces) == text
    data = json.loads(text)
    assert data["version"] == 1
    assert [f["message"] for f in data["findings"]] == [f"message {i} – é" for i in range(count)]
    assert data["summary"]["findings"] == count
    assert len(pieces) == 2 + -(-count // 500)  # header, one piece per 500 findings, summary


def test_each_finding_is_one_line():
    lines = render(_report(3)).splitlines()
    assert [line.lstrip().startswith('{"path": "posts/000') for line in lines].count(True) == 3


_TEXT = st.text(max_size=30)
_LOCATION = st.builds(Location, _TEXT, st.integers(1, 10**6), st.integers(1, 999), st.integers(1, 10**6), st.integers(1, 999), _TEXT)


@settings(max_examples=200, deadline=None)
@given(st.builds(
    Finding, _LOCATION, _TEXT, _TEXT, st.sampled_from(["error", "warning", "info"]), _TEXT,
    st.none() | _TEXT, st.lists(_LOCATION, max_size=3).map(tuple),
))
def test_a_finding_is_written_as_json_dumps_writes_its_dict(finding):
    from ketalint.formatters.json import encoded_finding

    assert encoded_finding(finding) == json.dumps(finding.to_dict(), ensure_ascii=False)


def test_findings_that_share_their_related_places_each_list_them():
    """The places a contradiction's findings share are written once and repeated in each."""
    shared = (Location("b.md", 4, 1, 4, 9, "raises it"), Location("c.md", 7, 2, 7, 8, "boosts"))
    own = (Location("d.md", 1, 1, 1, 5, "other"),)
    findings = [
        Finding(Location(f"a{i}.md", 1, 1, 1, 6, "calms"), "demo.c", "contradiction", "warning", "m", None, related)
        for i, related in enumerate([shared, shared, own, shared, ()])
    ]
    data = json.loads(render(Report(findings, files=5, problems=[], rules=[])))
    assert [f["related"] for f in data["findings"]] == [[r.to_dict() for r in f.related] for f in findings]
