"""When the cyclic garbage collector runs in a ketalint process.

Start-up (modules, configuration, the rule set and its snapshot) allocates some 70,000 objects
that live until the process exits and hold no garbage. A collection during start-up walks them
all and frees nothing: a one-article run spent about a twentieth of its time in one. The command
line therefore pauses the collector while the process starts, and once the rules are loaded
moves everything allocated so far out of the collector's reach (`gc.freeze`) and lets it run
again over what the checking allocates. Forked workers inherit that state, so no collection in
a worker touches (and copies) the pages the rules live on.

Only a process that owns its interpreter pauses (the command line, not a test or a program that
calls the API); elsewhere `rules_loaded` does nothing.
"""

from __future__ import annotations

import gc

_paused: list[bool] = []


def pause_for_startup() -> None:
    if gc.isenabled():
        gc.disable()
        _paused.append(True)


def rules_loaded() -> None:
    if _paused:
        _paused.clear()
        gc.freeze()
        gc.enable()
