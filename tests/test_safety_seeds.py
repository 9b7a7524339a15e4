"""On the shared development articles, `missing-section` is reported for exactly the articles
annotated as having no safety section. Skipped where the shared folder is not beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ketalint.document import parse
from ketalint.engine import check_document
from ketalint.packs import default_pack_dir, load_packs

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not (SHARED / "seeds-expected.yaml").is_file(), reason="shared corpus not present")


def test_missing_section_matches_the_annotations():
    expected = yaml.safe_load((SHARED / "seeds-expected.yaml").read_text(encoding="utf-8"))["documents"]
    rules = [(r, r.spec.severity) for r in load_packs([default_pack_dir()]) if r.spec.category == "missing-section"]
    annotated = {name: doc["has_safety_section"] for name, doc in expected.items()
                 if doc.get("has_safety_section") is not None}
    assert annotated, "no article is annotated"
    for name, has_section in annotated.items():
        path = SHARED / "seeds" / name
        found = check_document(parse(str(path), path.read_text(encoding="utf-8")), rules)
        assert bool(found) is not has_section, name
