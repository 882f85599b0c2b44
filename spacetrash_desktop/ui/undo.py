"""A Qt-free undo/redo command stack.

A command is any object with ``label`` (a short phrase such as "edit mass of Towels"), ``do()`` and
``undo()``. The stack executes a command when it is pushed, keeps a bounded history, and tells its
listeners after every change so the Edit menu can derive its text and enabled state from it
(``undo_text`` / ``redo_text``), as Anki and glue do. Nothing here knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Command(Protocol):
    label: str

    def do(self) -> None: ...

    def undo(self) -> None: ...


class FunctionCommand:
    """A command built from two callables (handy for small edits and tests)."""

    def __init__(self, label: str, do: Callable[[], None], undo: Callable[[], None]):
        self.label = label
        self._do = do
        self._undo = undo

    def do(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()


class CommandStack:
    """Bounded undo history. ``push`` runs the command; a command that raises is not recorded."""

    def __init__(self, limit: int = 500):
        self.limit = max(1, int(limit))
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._listeners: list[Callable[[], None]] = []

    # ------------------------------------------------------------------ listeners
    def subscribe(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def _changed(self) -> None:
        for cb in list(self._listeners):
            cb()

    # ------------------------------------------------------------------ actions
    def push(self, command: Command) -> None:
        command.do()  # raises -> nothing recorded, nothing changed
        self._undo.append(command)
        self._redo.clear()
        if len(self._undo) > self.limit:
            del self._undo[: len(self._undo) - self.limit]
        self._changed()

    def undo(self) -> bool:
        return self._replay(self._undo, self._redo, lambda command: command.undo())

    def redo(self) -> bool:
        return self._replay(self._redo, self._undo, lambda command: command.do())

    def _replay(self, source: list[Command], target: list[Command], run: Callable[[Command], None]) -> bool:
        """Take the newest command off ``source``, ``run`` it (undo or do it again) and keep it on
        ``target``; False when there is nothing to take. A command that raises is dropped."""
        if not source:
            return False
        command = source.pop()
        run(command)
        target.append(command)
        self._changed()
        return True

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._changed()

    # ------------------------------------------------------------------ state
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        return _menu_text("Undo", self._undo)

    @property
    def redo_text(self) -> str:
        return _menu_text("Redo", self._redo)

    @property
    def undo_label(self) -> str:
        """The newest command's label ("" when there is nothing to undo): the window puts it into its
        own, translated "Undo …" text (this module stays Qt-free)."""
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def __len__(self) -> int:
        return len(self._undo)


def _menu_text(verb: str, commands: list[Command]) -> str:
    """'Undo edit mass of Towels' for the newest command, or the bare verb when there is none."""
    return f"{verb} {commands[-1].label}" if commands else verb
