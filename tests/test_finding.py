"""The report's values travel from worker processes by pickle and arrive equal."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.finding import Finding, Fix, Location

_TEXT = st.text(max_size=20)
_LOCATION = st.builds(Location, _TEXT, st.integers(1, 10**6), st.integers(1, 999), st.integers(1, 10**6), st.integers(1, 999), _TEXT)


@settings(max_examples=100, deadline=None)
@given(
    _LOCATION, _TEXT, st.sampled_from(["error", "warning", "info"]), _TEXT, st.none() | _TEXT,
    st.lists(_LOCATION, max_size=3).map(tuple), st.none() | st.builds(Fix, st.integers(0, 99), st.integers(100, 199), _TEXT),
    st.integers(0, 10**6), st.integers(0, 10**6),
)
def test_a_finding_comes_back_from_pickle_equal_with_its_places_and_fix(location, rule, severity, message, suggestion, related, fix, start, end):
    finding = Finding(location, rule, "style", severity, message, suggestion, related, fix, start, end)
    back = pickle.loads(pickle.dumps(finding, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == finding
    assert (back.location, back.related, back.fix, back.start, back.end) == (location, related, fix, start, end)
    assert type(back.location) is Location and all(type(r) is Location for r in back.related)


def _copy(text: str) -> str:
    """An equal string that is another object, as each worker's or cache entry's copy is."""
    return "".join(list(text))


def test_findings_that_arrive_apart_share_their_repeated_texts():
    message, suggestion, phrase = "Ketamine is not a cure-all.", "Say what the studies found.", "cures everything"

    def finding(path: str) -> Finding:
        location = Location(path, 3, 1, 3, 17, _copy(phrase))
        return Finding(location, _copy("overclaim.cure"), _copy("overclaim"), _copy("warning"), _copy(message), _copy(suggestion), (location,))

    first, second = (pickle.loads(pickle.dumps(finding(path))) for path in ("a.md", "b.md"))
    assert first == finding("a.md") and second == finding("b.md")
    for name in ("rule", "category", "severity", "message", "suggestion"):
        assert getattr(first, name) is getattr(second, name), name
    assert first.location.match is second.location.match is first.related[0].match
