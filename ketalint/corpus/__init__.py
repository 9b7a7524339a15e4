"""Cross-article rules: statements extracted per file, compared across the whole site.

A corpus rule type extracts small `Statement`s from each article (cacheable, so a pre-commit run
need not parse the rest of the site), then compares them all at once. The comparison is indexed
by what statements are about (axis, term, object, quantity), never by pairs of articles.
"""
