"""CPython's regex parser, compiler and constants, under one name on every supported Python.

The prefilter, case folding and stored programs read patterns the way `re` itself does; Python
3.11 moved these modules into `re` (3.10 has them as `sre_*`).
"""

try:  # Python 3.11+
    from re import _compiler as compiler, _constants as constants, _parser as parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as compiler
    import sre_constants as constants
    import sre_parse as parser

__all__ = ["compiler", "constants", "parser"]
