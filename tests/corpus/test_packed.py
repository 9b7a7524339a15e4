"""Packed statements: the same statements back, in order, for far less memory."""

from __future__ import annotations

import pickle

from ketalint.corpus.packed import PackedStatements, SiteStatements
from ketalint.corpus.statement import Statement


def _sentences(path: str, n: int) -> list[Statement]:
    return [Statement(path, 10 * i, 10 * i + 9, i + 1, 1, i + 1, 10, f"Sentence {i % 3}.", f"sentence {i % 3}", "") for i in range(n)]


def test_packed_statements_come_back_equal_and_in_order():
    items = _sentences("a.md", 7)
    packed = PackedStatements.pack("a.md", items)
    assert isinstance(packed, PackedStatements)
    assert len(packed) == 7
    assert list(packed) == items
    assert list(packed.having({"sentence 1"})) == [s for s in items if s.key == "sentence 1"]


def test_statements_with_sides_or_data_stay_as_they_are():
    items = [Statement("a.md", 0, 5, 1, 1, 1, 6, "x", "k", "up"), Statement("a.md", 6, 9, 1, 7, 1, 10, "y", "k", "", "", {"object": "y"})]
    for kept in (items[:1], items[1:], items):
        assert PackedStatements.pack("a.md", kept) is kept


def test_wording_arriving_from_another_process_is_shared():
    first, second = (pickle.loads(pickle.dumps(PackedStatements.pack(p, _sentences(p, 3)))) for p in ("a.md", "b.md"))
    assert first.keys[0] is second.keys[0] and first.matches[2] is second.matches[2]
    assert list(second) == _sentences("b.md", 3)


def test_a_site_reads_keys_and_chosen_statements_in_file_order():
    a, b = _sentences("a.md", 4), _sentences("b.md", 2)
    site = SiteStatements([PackedStatements.pack("a.md", a), [], b])
    assert list(site.keys()) == [s.key for s in a + b]
    assert site.having({"sentence 0"}) == [s for s in a + b if s.key == "sentence 0"]
    assert list(site) == a + b
    assert not SiteStatements([[], ()])
    assert site.paths() == {"a.md", "b.md"}
    assert SiteStatements([PackedStatements.pack("a.md", a)]).paths() == {"a.md"}


def test_numbers_take_four_bytes_each_unless_one_needs_more():
    small = PackedStatements.pack("a.md", _sentences("a.md", 3))
    assert small.numbers.itemsize == 4
    far = Statement("a.md", 2**31 + 5, 2**31 + 9, 1, 2**31, 1, 2**31 + 4, "x.", "x", "")
    large = PackedStatements.pack("a.md", [far])
    assert large.numbers.itemsize == 8
    assert list(large) == [far]


def test_matched_texts_left_behind_are_read_back_from_the_unchanged_file(tmp_path):
    from ketalint.files import read_article

    path = tmp_path / "a.md"
    path.write_text("# T\n\nOne <em>long</em> sentence.\n", encoding="utf-8")
    text = read_article(str(path), 10**6)[0]
    start = text.text.index("One")
    end = text.text.index(".") + 1
    statement = Statement(str(path), start, end, 3, 1, 3, end - start, text.text[start:end], "one long sentence", "")
    left = PackedStatements.pack(str(path), [statement]).without_matches(text.digest)
    assert left.matches is None
    arrived = pickle.loads(pickle.dumps(left))
    assert list(arrived) == [statement] and list(arrived.having({"one long sentence"})) == [statement]
    path.write_text("# T\n\nAnother sentence here, edited meanwhile.\n", encoding="utf-8")
    assert [s.match for s in arrived] == ["one long sentence"]  # the file changed: shown as compared
