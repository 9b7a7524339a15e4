"""The rule-side value classes keep what their dataclass versions gave: the same fields and
defaults, equality over the compared fields only, and a way through pickle and the snapshot."""

from __future__ import annotations

import marshal
import pickle

import pytest

from ketalint.language import Context, Cues
from ketalint.packs import Rule
from ketalint.rules.base import Hit, Reference, RuleSpec
from ketalint.rules.section_match import HeadingMatcher
from ketalint.snapshot import _row, _spec
from ketalint.storage import plain


def _full_spec() -> RuleSpec:
    return RuleSpec(
        "house.x", "phrase", "style", "info", "m", suggestion="s", rationale="r",
        references=(Reference("t", "https://example.org", "123", "10.1/x"), Reference("u")),
        scope=("title", "heading"), supersedes=("house.y",), flag_examples=("bad",), pass_examples=("good",),
        options={"phrases": ["a"]}, path="house.yaml", line=7,
    )


def test_every_spec_field_comes_back_from_the_snapshot():
    spec = _full_spec()
    row = _row(spec)
    assert list(row) == list(RuleSpec.__slots__)
    back = _spec(marshal.loads(marshal.dumps(plain(row))))
    assert back == spec
    assert all(getattr(back, name) == getattr(spec, name) for name in RuleSpec.__slots__)


def test_spec_defaults_and_a_new_options_dict_for_each():
    one, two = RuleSpec("a.b", "phrase", "style", "info", "m"), RuleSpec("a.c", "phrase", "style", "info", "m")
    assert (one.scope, one.references, one.path, one.line, one.suggestion) == (("any",), (), "", 0, None)
    assert one.options == {} and one.options is not two.options
    with pytest.raises(AttributeError):
        one.id = "a.d"


def test_heading_verdicts_take_no_part_in_equality_hash_or_repr():
    def matcher():
        return HeadingMatcher.from_options({"headings": ["Side effects"]}, None)

    used, fresh = matcher(), matcher()
    assert used.matches("Side Effects") and not used.matches("Pricing")
    assert used.verdicts and not fresh.verdicts
    assert used == fresh and hash(used) == hash(fresh)
    assert "verdicts" not in repr(used) and "Pricing" not in repr(used)


def test_a_rule_compares_without_its_known_digest():
    spec = _full_spec()
    assert Rule(spec, None, "abc") == Rule(spec, None)
    assert "abc" not in repr(Rule(spec, None, "abc"))
    assert Rule(spec, None, "abc").digest == "abc"


def test_hits_and_contexts_cross_a_process_boundary():
    hit = Hit(3, 9, "x", (("match", "y"),), suggestion="z")
    assert pickle.loads(pickle.dumps(hit)) == hit and pickle.loads(pickle.dumps(hit)) != hit.replace(end=10)
    assert pickle.loads(pickle.dumps(Context(hedged=True))) == Context(hedged=True)


def test_contexts_and_cues_are_equal_and_hashed_by_fields():
    assert Context(hedged=True) == Context(hedged=True) and hash(Context(hedged=True)) == hash(Context(hedged=True))
    assert Context(hedged=True) != Context() and Context() != Cues()
    assert Cues() == Cues() and hash(Cues()) == hash(Cues())
    assert Cues.extended(hedges=("perhaps",)) != Cues()
