"""Importing a module without, yet, a module it imports at once but seldom uses.

A one-article run is mostly start-up, and some standard modules import large ones for a rare
path: `dataclasses` imports `inspect` (with `ast`, `dis` and `tokenize`) only to write a
signature into a class that has no docstring. While such a module is first imported, a stand-in
takes the heavy module's place in `sys.modules`; it is removed as soon as that import is done,
and the importing module is given the real one the first time it reads a name from it.
"""

from __future__ import annotations

import sys
import types


class _StandIn(types.ModuleType):
    def __init__(self, name: str, holder: str):
        super().__init__(name)
        self._holder = holder

    def __getattr__(self, attribute: str):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]  # read while the holder is still being imported
        __import__(self.__name__)
        real = sys.modules[self.__name__]
        holder = sys.modules.get(self._holder)
        if holder is not None and vars(holder).get(self.__name__) is self:
            setattr(holder, self.__name__, real)
        return getattr(real, attribute)


def import_deferring(name: str, deferred: str) -> types.ModuleType:
    """The top-level module `name`, imported with the top-level module `deferred` loaded only
    when `name` first reads from it; an ordinary import when either is loaded already."""
    if name in sys.modules or deferred in sys.modules:
        __import__(name)
        return sys.modules[name]
    stand_in = _StandIn(deferred, name)
    sys.modules[deferred] = stand_in
    try:
        __import__(name)
    finally:
        if sys.modules.get(deferred) is stand_in:
            del sys.modules[deferred]
    return sys.modules[name]
