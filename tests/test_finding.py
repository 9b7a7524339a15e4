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
