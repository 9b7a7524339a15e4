"""Lists framed by a hedged lead-in.

Science pages often state a model as a numbered list under one hedged sentence: "The
most-cited model, built mostly on rodent experiments, runs like this:" followed by "1. Ketamine
quiets inhibitory GABA interneurons." Each item then reads as a bare claim, but the writer has
hedged the whole list once. A paragraph that ends with a colon and carries a hedge cue frames
the list items right after it, up to the next block that is not a list item. An item that
claims evidence of its own ("Ketamine has been shown to increase …") speaks for itself and is
not framed.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ketalint.document.model import Document
from ketalint.language import HEDGES, compile_cues

# Besides the usual hedges, words that name what follows as a model rather than a fact.
_LEAD_IN = compile_cues(HEDGES + (
    "model", "models", "rodent", "rodents", "animal", "animals", "candidate", "candidates", "proposed",
    "explanations", "hypotheses", "theories", "leading explanation", "leading idea",
))

_OWN_EVIDENCE = re.compile(
    r"\b(?:(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:shown|proven|demonstrated|established|confirmed)"
    r"|(?:studies|research|science|trials|evidence)\s+(?:clearly\s+)?(?:shows?|proves?|confirms?|demonstrates?)"
    r"|clinically\s+proven|scientifically\s+proven)\b",
    re.IGNORECASE,
)


def framed_spans(doc: Document) -> list[tuple[int, int]]:
    """Source spans (start, end) of the list items that a hedged lead-in frames, in order."""
    spans: list[tuple[int, int]] = []
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind != "paragraph" or not block.text.rstrip().endswith(":"):
            continue
        lead = block.sentences[-1].text if block.sentences else block.text
        if not _LEAD_IN.search(lead):
            continue
        for item in blocks[i + 1:]:
            if item.kind != "list_item":
                break
            if not _OWN_EVIDENCE.search(item.text):
                spans.append((item.source_start, item.source_end))
    return spans


def is_framed(spans: list[tuple[int, int]], position: int) -> bool:
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]
