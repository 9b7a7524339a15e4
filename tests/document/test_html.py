"""HTML parsing: block structure, skipped markup, entity mapping, directives, robustness."""

from __future__ import annotations

import html
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ketalint.document import parse

ARTICLE = """<!DOCTYPE html>
<html>
<head>
  <title>Page title in the head</title>
  <style>p { color: red; } /* styled text */</style>
  <script>var hidden = "<p>script text</p>";</script>
</head>
<body>
<nav><ul><li>Home</li><li>Navigation link</li></ul></nav>
<article>
<h1>The Keto Guide</h1>
<p>Keto diets change how you eat. Results vary.</p>
<h2>Benefits</h2>
<ul>
  <li>Steadier energy</li>
  <li>Fewer cravings</li>
</ul>
<h3>Macros</h3>
<table>
  <tr><th>Nutrient</th><th>Share</th></tr>
  <tr><td>Fat</td><td>70 percent</td></tr>
</table>
<blockquote><p>I lost weight quickly.</p>Said a reader.</blockquote>
<pre>preformatted sample</pre>
<p>Run <code>inline_code()</code> daily.</p>
</article>
<footer>Footer copyright text</footer>
</body>
</html>
"""


def blocks_of(text: str) -> list[tuple[str, int, bool, str]]:
    doc = parse("page.html", text)
    return [(b.kind, b.level, b.quoted, b.text.strip()) for b in doc.blocks]


def assert_maps_back(doc) -> int:
    """Every clean character maps to its own source character, or to the reference it decodes.

    Returns how many characters came from character references, so tests can check that the
    entity branch was really exercised.
    """
    from_entities = 0
    for sentence in doc.sentences:
        offsets = sentence.block.offsets
        for i, ch in enumerate(sentence.text):
            start = offsets.start(sentence.start + i)
            end = offsets.end(sentence.start + i + 1)
            span = doc.text[start:end]
            if span.startswith("&") and len(span) > 1:
                assert html.unescape(span) == ch, (sentence.text, i, span)
                from_entities += 1
            elif span.lower().startswith(("<br", "</br")):
                assert ch == "\n"
            else:
                assert span == ch == doc.text[start], (sentence.text, i, span)
    return from_entities


def test_article_block_kinds_levels_and_quoting():
    assert blocks_of(ARTICLE) == [
        ("heading", 1, False, "The Keto Guide"),
        ("paragraph", 0, False, "Keto diets change how you eat. Results vary."),
        ("heading", 2, False, "Benefits"),
        ("list_item", 0, False, "Steadier energy"),
        ("list_item", 0, False, "Fewer cravings"),
        ("heading", 3, False, "Macros"),
        ("table_cell", 0, False, "Nutrient"),
        ("table_cell", 0, False, "Share"),
        ("table_cell", 0, False, "Fat"),
        ("table_cell", 0, False, "70 percent"),
        ("paragraph", 0, True, "I lost weight quickly."),
        ("paragraph", 0, True, "Said a reader."),
        ("paragraph", 0, False, "Run  daily."),
    ]
    doc = parse("page.html", ARTICLE)
    assert doc.title is not None and doc.title.text == "The Keto Guide"
    assert [s.heading.text for s in doc.sections] == ["The Keto Guide"]


def test_non_prose_elements_are_absent():
    doc = parse("page.html", ARTICLE)
    prose = "\n".join(b.text for b in doc.blocks)
    for hidden in ("Page title", "color", "styled", "script text", "hidden", "Home",
                   "Navigation", "preformatted", "inline_code", "Footer", "copyright"):
        assert hidden not in prose


def test_nested_skipped_elements_use_a_depth_counter():
    text = "<div><nav>a<nav>b</nav>still nav</nav>Shown</div><form><button>x</button>y</form>Also shown"
    assert [b[3] for b in blocks_of(text)] == ["Shown", "Also shown"]


def test_body_ends_an_unclosed_head():
    text = "<html><head><title>Hidden title<meta charset=utf-8><body><p>Shown.</p></body></html>"
    assert [b[3] for b in blocks_of(text)] == ["Shown."]


def test_unclosed_inline_code_ends_with_its_paragraph():
    text = "<p>Use <code>x() here.</p><p>Next paragraph.</p>"
    assert [b[3] for b in blocks_of(text)] == ["Use", "Next paragraph."]


def test_bare_text_in_containers_is_split_at_block_tags():
    text = "<body>Intro text<div>Inner text</div>Outro text<section>More<p>Para</p>Tail</section></body>"
    assert blocks_of(text) == [
        ("paragraph", 0, False, "Intro text"),
        ("paragraph", 0, False, "Inner text"),
        ("paragraph", 0, False, "Outro text"),
        ("paragraph", 0, False, "More"),
        ("paragraph", 0, False, "Para"),
        ("paragraph", 0, False, "Tail"),
    ]


def test_inline_tags_do_not_break_blocks_and_br_is_a_newline():
    text = '<p>Ketones <a href="/x"><strong>may</strong></a> <em>help</em>.<br>Ask a <abbr>GP</abbr>.</p>'
    doc = parse("page.html", text)
    assert [b.text for b in doc.blocks] == ["Ketones may help.\nAsk a GP."]
    assert [s.text for s in doc.sentences] == ["Ketones may help.", "Ask a GP."]
    # 3 + 8 + 13 + 8 + 3 + 9 + 4 + 1 + 4 + 4 + 5 + 1 + 4 = 67 characters precede "Ask".
    assert doc.source.line_col(doc.sentences[1].source_start) == (1, 68)
    assert assert_maps_back(doc) == 0


def test_a_cell_knows_its_table_row_and_column_as_a_browser_lays_them_out():
    text = (
        "<table><thead><tr><td></td><td>IV</td><td>Spray</td></tr></thead>"
        "<tr><th>Onset<td colspan=2><p>Hours.</p><p>Both.</p>"
        "<tr><td>Cost<td>$<td>$$</table>"
        "<p>Between.</p><table><tr><td>x<td><table><tr><td>inner</table><td>y</table>"
    )
    doc = parse("x.html", text)
    cells = [(b.text, b.cell.table, b.cell.row, b.cell.column, b.cell.header) for b in doc.blocks if b.cell is not None]
    assert cells == [
        ("IV", 0, 0, 1, True), ("Spray", 0, 0, 2, True),
        ("Onset", 0, 1, 0, True), ("Hours.", 0, 1, 1, False), ("Both.", 0, 1, 1, False),
        ("Cost", 0, 2, 0, False), ("$", 0, 2, 1, False), ("$$", 0, 2, 2, False),
        ("x", 1, 0, 0, False), ("inner", 2, 0, 0, False), ("y", 1, 0, 2, False),
    ]
    assert next(b for b in doc.blocks if b.text == "Between.").cell is None


def test_unclosed_p_li_td_close_like_a_browser():
    text = "<p>One<p>Two<ul><li>A<li>B<ul><li>B1</ul><li>C</ul><table><tr><td>x<td>y<tr><td>z</table>"
    assert blocks_of(text) == [
        ("paragraph", 0, False, "One"),
        ("paragraph", 0, False, "Two"),
        ("list_item", 0, False, "A"),
        ("list_item", 0, False, "B"),
        ("list_item", 0, False, "B1"),
        ("list_item", 0, False, "C"),
        ("table_cell", 0, False, "x"),
        ("table_cell", 0, False, "y"),
        ("table_cell", 0, False, "z"),
    ]


def test_entities_are_decoded_and_columns_stay_right():
    text = (
        "<article>\n"
        "<h1>Keto &amp; You</h1>\n"
        "<p>It&rsquo;s simple &amp; safe. Ketones burn fat&#8217;s reserves. Caf&#xe9; &foo; ok.</p>\n"
        "</article>\n"
    )
    doc = parse("page.html", text)
    assert [b.text for b in doc.blocks] == [
        "Keto & You",
        "It’s simple & safe. Ketones burn fat’s reserves. Café &foo; ok.",
    ]
    second = doc.sentences[2]
    assert second.text == "Ketones burn fat’s reserves."
    # Line 3 is `<p>It&rsquo;s simple &amp; safe. Ketones`: 3 + 2 + 7 + 9 + 5 + 7 = 33 characters
    # precede "Ketones", so it is at column 34.
    assert doc.source.line_col(second.source_start) == (3, 34)
    # "reserves" follows `fat&#8217;s `, whose reference is 7 characters for 1.
    start, _ = second.source_span(second.text.index("reserves"), len(second.text))
    assert doc.source.line_col(start) == (3, 34 + len("Ketones burn fat&#8217;s "))
    assert doc.text[start:].startswith("reserves")
    # A reference maps to its whole source span.
    amp = doc.blocks[1].text.index("&")
    assert doc.text[doc.blocks[1].offsets.start(amp):doc.blocks[1].offsets.end(amp + 1)] == "&amp;"
    assert assert_maps_back(doc) == 5


@pytest.mark.parametrize("text", [
    ARTICLE,
    "<p>Tom &amp; Jerry&#x2019;s &quot;fix&quot;.\r\nNext line &lt;here&gt;. Done&hellip; now!</p>",
    "Bare &#233;t&eacute; text &bogus; &amp &#8217 and &#;<p>After.</p>",
    "<li>Caf\u00e9 na\u00efve \U0001F600 emoji&nbsp;space. Then &mdash; more.</li>",
    "<p>Salt&amp-pepper &copy2024 R&D AT&T &amp.</p>",
])
def test_every_character_maps_back_to_the_source(text):
    doc = parse("page.html", text)
    assert doc.sentences
    assert_maps_back(doc)


def test_legacy_reference_without_semicolon_replaces_only_its_name():
    doc = parse("page.html", "<p>Salt&amp-pepper &copy2024 here.</p>")
    block = doc.blocks[0]
    assert block.text == "Salt&-pepper \u00a92024 here."
    dash = block.text.index("-")
    assert block.offsets.start(dash) == doc.text.index("-pepper")
    assert block.offsets.start(block.text.index("2024")) == doc.text.index("2024")


def test_directives_come_from_comments():
    text = (
        "<!-- ketalint-disable-file keto/cure -->\n"
        "<p>One.</p>\n"
        "<!-- ketalint-disable overclaim, weight-loss -- quoting a study -->\n"
        "<p>Two.</p>\n"
        "<nav><!-- ketalint-enable overclaim --></nav>\n"
        "<p>Three. <!-- ketalint-disable-next-line x --> <!-- an ordinary comment --></p>\n"
        "<script>// <!-- ketalint-disable not-a-comment --></script>\n"
    )
    doc = parse("page.html", text)
    assert [(d.kind, d.rules, d.line) for d in doc.directives] == [
        ("disable-file", ("keto/cure",), 1),
        ("disable", ("overclaim", "weight-loss"), 3),
        ("enable", ("overclaim",), 5),
        ("disable-next-line", ("x",), 6),
    ]
    first = doc.directives[1]
    assert doc.text[first.start:first.end].startswith("<!-- ketalint-disable overclaim")
    assert doc.text[first.start:first.end].endswith("-->")
    assert "ketalint" not in " ".join(b.text for b in doc.blocks)


@pytest.mark.parametrize("text", [
    "<<<p>>>&&&<",
    "<p>unclosed paragraph<li>unclosed item",
    "<p><li><td><h2><blockquote>deep<p>",
    "</p></li></div></blockquote>stray end tags",
    "<![foo[ marked ]]>text<![ [",
    "<!-- unclosed comment <p>text",
    "<p>text <a href=\"unterminated",
    "&#xZZ; &#99999999; &#0; &#x110000; &;",
    "<svg/><br/><p/>x<script/>y</br>",
    "<code>" * 50 + "</p>" * 50,
    "",
])
def test_malformed_input_does_not_raise(text):
    doc = parse("page.html", text)
    for block in doc.blocks:
        assert block.text.strip()
    assert_maps_back(doc)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "<", ">", "/", "!", "-", "&", "#", ";", "x", "p", "li", "=", "'", '"', "[", "]", " ", "\n",
    "amp", "<p>", "</p>", "<li>", "<!--", "-->", "<![", "<code>", "<nav>", "</nav>", "<br>", "<td>",
]), max_size=60))
def test_arbitrary_markup_soup_does_not_raise(pieces):
    doc = parse("page.html", "".join(pieces))
    assert_maps_back(doc)


def test_unclosed_comment_is_not_a_directive():
    doc = parse("page.html", "<p>Text.</p><!-- ketalint-disable-file x")
    assert doc.directives == []
    assert [b.text for b in doc.blocks] == ["Text."]


def test_large_input_parses_in_linear_time():
    unit = "<section><h2>T &amp; U</h2><p>Keto &rsquo;works&#8217; <a href='x'>here</a>.</p><ul><li>a<li>b</ul></section>\n"
    doc = parse("big.html", unit * 20_000)  # about 2 MB
    assert len(doc.blocks) == 80_000
    start = time.perf_counter()
    parse("bad.html", "<a " * 200_000 + "<!--" * 100_000)  # no '>': quadratic if rescanned
    assert time.perf_counter() - start < 5


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8)
ENTITIES = ["&amp;", "&rsquo;", "&#8217;", "&#x2019;", "&eacute;", "&quot;", "&#233;", "&lt;"]
TOKEN = st.one_of(WORD, WORD, WORD, st.sampled_from([" ", " ", "  ", ".", ",", "!", "?", "\n"]),
                  st.sampled_from(ENTITIES))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(TOKEN, min_size=1, max_size=40), min_size=1, max_size=6))
def test_random_paragraphs_map_back_to_the_source(paragraphs):
    text = "\n".join("<p>" + " ".join(tokens) + "</p>" for tokens in paragraphs)
    doc = parse("page.html", text)
    assert_maps_back(doc)
    clean = "".join(b.text for b in doc.blocks)
    expected = "".join(html.unescape(" ".join(tokens)) for tokens in paragraphs
                       if html.unescape(" ".join(tokens)).strip())
    assert clean == expected
