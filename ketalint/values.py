"""Slotted value classes, without the start-up cost of `dataclasses`.

`dataclasses` builds each method of each class by compiling source text when the class is
defined (about 0.35 ms a class), and importing it imports `inspect`. Start-up defined some
thirty such classes: a sixth of a one-article run, the pre-commit case. The classes a run needs
while it starts are therefore written out, with `__slots__` and an `__init__` whose parameters
follow the slots' order. Those that are values derive from `Frozen`, which gives them what
`@dataclass(frozen=True)` did: no assignment after `__init__`, equality and a hash over their
fields, a repr, `replace`, and pickling (forked workers send their results back). The report's
own values (`ketalint.finding`) stay dataclasses; they are part of the API.
"""

from __future__ import annotations

# For the `__init__` of a value class made per sentence or per match: a call per field costs no
# more than the dataclass `__init__` did, where `Frozen.assign` builds a dict first.
set_field = object.__setattr__


class Frozen:
    """An immutable value: its fields are its `__slots__`, set once by `__init__` (with
    `Frozen.assign`). A subclass that compares only some fields names them in `_compared`."""

    __slots__ = ()
    _compared: tuple[str, ...] | None = None

    def assign(self, **values) -> None:
        """Set fields from `__init__`, where plain assignment is refused."""
        for name, value in values.items():
            set_field(self, name, value)

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in (self._compared or self.__slots__))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__qualname__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot assign to {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot delete {name!r}")

    def __reduce__(self):
        return type(self), tuple(getattr(self, name) for name in self.__slots__)

    def replace(self, **changes):
        """A copy with `changes` applied, as `dataclasses.replace` makes one."""
        values = {name: getattr(self, name) for name in self.__slots__}
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return type(self)(**values)
