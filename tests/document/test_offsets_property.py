"""The offset round trip, as a property over generated articles in all three formats.

For every sentence, each of its characters maps (through its block's offset map) to the same
character in the source, except characters decoded from an entity; for plain text without
markup the source slice at the sentence's span is the sentence itself.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.document import parse

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüßñ中"
word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
quoted_word = st.builds(lambda w, q: q[0] + w + q[1], word, st.sampled_from([("“", "”"), ("‘", "’"), ("", "’s"), ("(", ")")]))
token = st.one_of(word, word, word, quoted_word)
sentence = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    word, st.lists(token, max_size=12), st.sampled_from([".", "!", "?", "…", "...", ".”"]),
)
paragraph = st.lists(sentence, min_size=1, max_size=4)
article = st.lists(paragraph, min_size=1, max_size=5)


def _check_chars(doc, decoded_ok=frozenset()) -> None:
    for s in doc.sentences:
        assert (s.source_start, s.source_end) == (s.block.offsets.start(s.start), s.block.offsets.end(s.end))
        for i, ch in enumerate(s.text):
            src = doc.text[s.block.offsets.start(s.start + i)]
            if ch == "\n":
                assert src in "\n\r"
            elif src != ch:
                assert src == "&" and ch in decoded_ok, (s.text, i, ch, src)


@settings(max_examples=150, deadline=None)
@given(article)
def test_plain_text_source_slice_is_the_sentence(paragraphs):
    text = "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
    doc = parse("a.txt", text)
    assert doc.sentences
    for s in doc.sentences:
        assert doc.text[s.source_start:s.source_end] == s.text
        assert (s.source_start, s.source_end) == (s.block.offsets.start(s.start), s.block.offsets.end(s.end))


def _markdown(paragraphs, marks) -> str:
    out = []
    for k, p in enumerate(paragraphs):
        mark = marks[k % len(marks)]
        words = " ".join(p).split(" ")
        words[0] = f"{mark}{words[0]}{mark}" if mark in ("**", "*") else words[0]
        if mark == "link":
            words[-1] = f"[{words[-1]}](https://example.org/{k})"
        out.append(("- " if mark == "list" else "") + " ".join(words))
    return "# Title here\n\n" + "\n\n".join(out) + "\n"


@settings(max_examples=150, deadline=None)
@given(article, st.lists(st.sampled_from(["", "**", "*", "link", "list"]), min_size=1, max_size=5))
def test_markdown_characters_map_to_the_same_source_characters(paragraphs, marks):
    doc = parse("a.md", _markdown(paragraphs, marks))
    assert doc.sentences
    _check_chars(doc)


@settings(max_examples=150, deadline=None)
@given(article, st.booleans())
def test_html_characters_map_to_the_same_source_characters(paragraphs, entity):
    body = []
    for p in paragraphs:
        text = html.escape(" ".join(p), quote=False)
        if entity:
            text = text.replace(" ", " &amp; ", 1)
        body.append(f"<p><b>{text.split(' ', 1)[0]}</b> {text.split(' ', 1)[1] if ' ' in text else ''}</p>")
    doc = parse("a.html", "<html><body><h1>Title</h1>\n" + "\n".join(body) + "\n</body></html>\n")
    assert doc.sentences
    _check_chars(doc, decoded_ok=frozenset("&"))


_FIXTURES = Path(__file__).parent.parent / "fixtures"
_ARTICLES = sorted(p for p in _FIXTURES.rglob("*") if p.suffix in (".md", ".html", ".txt"))


@pytest.mark.parametrize("path", _ARTICLES, ids=lambda p: str(p.relative_to(_FIXTURES)))
def test_sentence_source_span_is_what_its_offset_map_gives(path):
    doc = parse(str(path), path.read_text(encoding="utf-8"))
    assert doc.sentences
    for s in doc.sentences:
        assert (s.source_start, s.source_end) == (s.block.offsets.start(s.start), s.block.offsets.end(s.end))


@pytest.mark.parametrize("text", [
    "Intro with &amp; an entity. Then more.\n",
    "Line one\r\nwraps here. And ends.\r\n",
    "A *soft*\nbreak. `code` and [link](https://x.org) text.\n",
    "Caf\u00e9 \u201cquoted\u201d text. \\*Escaped\\* star.\n",
])
def test_markdown_sentence_source_spans_around_markup_and_escapes(text):
    doc = parse("a.md", text)
    for s in doc.sentences:
        assert (s.source_start, s.source_end) == (s.block.offsets.start(s.start), s.block.offsets.end(s.end))
        assert s.block.offsets.shift() is None or doc.text[s.source_start:s.source_end] == s.text
