"""`Frozen` gives a written-out value class what `@dataclass(frozen=True)` gave it."""

from __future__ import annotations

import pickle

import pytest

from ketalint.values import Frozen


class Point(Frozen):
    __slots__ = ("x", "y", "label")

    def __init__(self, x: int, y: int, label: str = ""):
        self.assign(x=x, y=y, label=label)


class Tagged(Frozen):
    """Compares its key only; the note rides along."""

    __slots__ = ("key", "note")
    _compared = ("key",)

    def __init__(self, key: str, note: str = ""):
        self.assign(key=key, note=note)


def test_fields_cannot_be_assigned_or_deleted_after_init():
    point = Point(1, 2)
    with pytest.raises(AttributeError, match="immutable"):
        point.x = 3
    with pytest.raises(AttributeError, match="immutable"):
        del point.y
    assert point.x == 1 and point.y == 2


def test_equal_and_hashed_by_fields_and_never_equal_to_another_class():
    assert Point(1, 2, "a") == Point(1, 2, "a")
    assert Point(1, 2, "a") != Point(1, 2, "b")
    assert len({Point(1, 2), Point(1, 2), Point(2, 1)}) == 2
    assert Point(1, 2) != (1, 2, "")
    assert Tagged("k") != Point(1, 2)


def test_compared_fields_limit_equality_and_hash():
    assert Tagged("k", "one") == Tagged("k", "two")
    assert hash(Tagged("k", "one")) == hash(Tagged("k", "two"))
    assert Tagged("k") != Tagged("j")


def test_repr_names_every_field():
    assert repr(Point(1, 2, "a")) == "Point(x=1, y=2, label='a')"


def test_replace_copies_with_changes_and_rejects_unknown_fields():
    point = Point(1, 2, "a")
    moved = point.replace(y=5)
    assert moved == Point(1, 5, "a") and point == Point(1, 2, "a")
    with pytest.raises(TypeError, match="'z'"):
        point.replace(z=1)


def test_pickles_through_init():
    assert pickle.loads(pickle.dumps(Point(1, 2, "a"))) == Point(1, 2, "a")
    copied = pickle.loads(pickle.dumps(Tagged("k", "note")))
    assert (copied.key, copied.note) == ("k", "note")


_DATACLASSES_AFTER_A_RUN = """
import sys
from ketalint.cli import main
try:
    main(["check", "a.md"])
except SystemExit:
    pass
found = sorted(
    f"{name}.{attribute}"
    for name, module in list(sys.modules.items()) if name.startswith("ketalint")
    for attribute, value in vars(module).items()
    if isinstance(value, type) and value.__module__ == name and "__dataclass_fields__" in vars(value)
)
print(" ".join(found), file=sys.stderr)
"""


def test_a_one_article_run_defines_no_dataclass_but_the_reports_own_values(tmp_path):
    """Each dataclass costs start-up about 0.35 ms to define (see `ketalint.values`)."""
    import subprocess
    import sys

    (tmp_path / "a.md").write_text("# Care\n\nKetamine permanently rewires the brain.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _DATACLASSES_AFTER_A_RUN], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.split() == ["ketalint.finding.Finding", "ketalint.finding.Fix", "ketalint.finding.Location"]
