"""Packed statements: the same statements back, in order, for far less memory."""

from __future__ import annotations

import pickle

import pytest

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


def _left_behind(path):
    from ketalint.files import read_article

    path.write_text("# T\n\nOne <em>long</em> sentence.\n", encoding="utf-8")
    text = read_article(str(path), 10**6)[0]
    start = text.text.index("One")
    end = text.text.index(".") + 1
    statement = Statement(str(path), start, end, 3, 1, 3, end - start + 1, text.text[start:end], "one long sentence", "")
    left = PackedStatements.pack(str(path), [statement]).without_matches(text.digest)
    assert left.matches is None
    return statement, pickle.loads(pickle.dumps(left))


def test_matched_texts_left_behind_are_read_back_from_the_unchanged_file(tmp_path, monkeypatch):
    import ketalint.files

    statement, arrived = _left_behind(tmp_path / "a.md")
    read = []
    real = ketalint.files.read_bytes
    monkeypatch.setattr(ketalint.files, "read_bytes", lambda path, limit: (read.append(path), real(path, limit))[1])
    assert list(arrived) == [statement] and list(arrived.having({"one long sentence"})) == [statement]
    assert len(read) == 1  # a text read back is kept for the next question about the file


def test_a_file_changed_before_its_texts_are_read_back_shows_them_as_compared(tmp_path):
    path = tmp_path / "b.md"
    _, arrived = _left_behind(path)
    path.write_text("# T\n\nAnother sentence here, edited meanwhile.\n", encoding="utf-8")
    assert [s.match for s in arrived] == ["one long sentence"]


def test_matched_texts_are_taken_back_from_the_text_as_read():
    text = "# T\n\nOne sentence. Another one.\n"
    items = [Statement("a.md", start, end, 3, start - 4, 3, end - 4, text[start:end], text[start:end].lower().rstrip("."), "")
             for start, end in ((5, 18), (19, 31))]
    left = PackedStatements.pack("a.md", items).without_matches("digest of a file gone since")
    back = left.with_matches(text)
    assert back.matches == ("One sentence.", "Another one.") and list(back) == items


def test_a_cached_result_for_standard_input_keeps_its_texts(tmp_path):
    # Standard input cannot be read again: texts a cache entry leaves behind come from what was read.
    from ketalint.api import CheckOptions, _run_check
    from ketalint.cache import ResultCache
    from ketalint.config import load_config

    config = load_config(start=tmp_path)
    text = b"# Ketamine\n\nKetamine therapy is given in a clinic under supervision by our team.\n"
    options = CheckOptions(paths=[], stdin_text=text, stdin_filename=str(tmp_path / "gone.md"))
    cache = ResultCache(tmp_path / ".cache")
    seen = []
    import ketalint.api as api

    original = api.run_corpus

    def corpus(results, *args):
        seen.extend(results)
        return original(results, *args)

    api.run_corpus = corpus
    try:
        for _ in range(2):  # the second run reads its result from the cache
            _run_check(config, options, None, cache)
            cache.flush()
    finally:
        api.run_corpus = original
    first, second = (r.statements["consistency.copy-drift"] for r in seen)
    assert second.matches == first.matches and "under supervision" in "".join(second.matches)


def test_an_analysed_file_leaves_its_sentences_texts_in_the_file(tmp_path):
    # Most runs drop the texts before the corpus pass: the analysis does not copy them out at all.
    from ketalint.api import analyze_file, load_rules
    from ketalint.config import load_config
    from ketalint.files import read_article
    from ketalint.selection import Selection

    path = tmp_path / "a.md"
    path.write_text("# Care\n\nOur clinicians stay with you through every part of your first infusion today.\n", encoding="utf-8")
    config = load_config(start=tmp_path)
    pairs = Selection(load_rules(config, (), None), config, (), ()).for_path("a.md")
    file_text = read_article(str(path), 10**6)[0]
    packed = analyze_file(file_text, pairs).statements["consistency.copy-drift"]
    assert packed.matches is None and packed.digest == file_text.digest
    assert [s.match for s in packed] == ["Our clinicians stay with you through every part of your first infusion today."]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_statements_kept_as_offsets_come_back_as_extracted_with_their_texts(tmp_path, newline):
    # Left in the file, a statement is its offsets: text, line and column come back from the file.
    from ketalint.api import load_rules
    from ketalint.config import load_config
    from ketalint.document import parse
    from ketalint.files import read_article

    lines = ["# Care", "", "Our clinicians stay with you through every part of your *first* infusion today.",
             "", "- Each visit ends with a short talk about how the next days may feel for you.",
             "", "> Nurses check your blood pressure before, during and after every single infusion."]
    path = tmp_path / "a.md"
    path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
    config = load_config(start=tmp_path)
    rule = next(r for r in load_rules(config, (), None) if r.id == "consistency.copy-drift").impl
    file_text = read_article(str(path), 10**6)[0]
    doc = parse(file_text.path, file_text.text)
    extracted = rule.extract(doc)
    packed = rule.extract_packed(doc, file_text.digest)
    assert len(extracted) == 3 and packed.matches is None
    assert len(packed.numbers) == 2 * len(extracted)
    assert list(packed) == extracted
    assert list(pickle.loads(pickle.dumps(packed)).with_matches(file_text.text)) == extracted
