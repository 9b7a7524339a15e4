"""A released document holds no reference cycles, so dropping it frees it at once."""

from __future__ import annotations

import gc

from ketalint.api import analyze_file, load_rules
from ketalint.config import Config
from ketalint.document import parse
from ketalint.files import FileText
from ketalint.selection import Selection

ARTICLE = """# Ketamine care at our clinic

Ketamine may ease symptoms of depression for some adults. It is not a cure.

## Side effects

Dissociation, nausea and raised blood pressure are common during an infusion.
"""


def _cyclic_garbage(make) -> int:
    gc.collect()
    gc.disable()
    try:
        make()
        return gc.collect()
    finally:
        gc.enable()


def test_a_released_document_leaves_no_cyclic_garbage():
    def parse_and_release():
        doc = parse("a.md", ARTICLE)
        assert doc.sentences and doc.blocks[1].sentences
        doc.release()

    assert _cyclic_garbage(lambda: parse("a.md", ARTICLE)) > 0  # blocks and sentences refer to each other
    assert _cyclic_garbage(parse_and_release) == 0


def test_analysing_a_file_leaves_no_cyclic_garbage(tmp_path):
    config = Config(root=tmp_path)
    rules = load_rules(config)
    pairs = Selection(rules, config, (), ()).for_path("a.md")
    text = FileText("a.md", ARTICLE, "digest")
    analyze_file(text, pairs)  # first run: patterns compiled, tables filled
    assert _cyclic_garbage(lambda: analyze_file(text, pairs)) == 0
