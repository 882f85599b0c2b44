"""Small widget builders shared by the tabs and panels: section titles, splitters, read-only record
tables, progress bars, and the number field that refuses a bad value at the field with the reason."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QTableView,
    QWidget,
)


def section_title(title: str) -> QLabel:
    lab = QLabel(title)
    lab.setObjectName("sectionTitle")
    return lab


def splitter(
    orientation: Qt.Orientation,
    name: str,
    widgets: Sequence[QWidget],
    stretch: Sequence[int],
    sizes: Sequence[int],
    *,
    collapsible: bool = True,
) -> QSplitter:
    """A splitter holding ``widgets``, with their stretch factors and starting sizes."""
    split = QSplitter(orientation)
    split.setObjectName(name)
    for w in widgets:
        split.addWidget(w)
    for i, factor in enumerate(stretch):
        split.setStretchFactor(i, factor)
    split.setSizes(list(sizes))
    if not collapsible:
        split.setChildrenCollapsible(False)
    return split


def setup_table(
    table: QTableView,
    widths: Sequence[int] = (),
    *,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
    edit_triggers: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.NoEditTriggers,
    font: QFont | None = None,
    row_pad: int = 10,
    stretch_last: bool = False,
) -> None:
    """A table of records: whole rows selected, alternating colours, no word wrap, no row numbers,
    rows as high as ``font``'s lines (the table's own font by default) plus ``row_pad``, columns
    resized by hand from ``widths``."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(edit_triggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(
        QFontMetrics(font if font is not None else table.font()).height() + row_pad
    )
    hh = table.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    hh.setHighlightSections(False)
    hh.setStretchLastSection(stretch_last)
    for col, width in enumerate(widths):
        table.setColumnWidth(col, width)


def save_layout(settings, parts: dict) -> None:
    """Save the state of each splitter or header view in ``parts`` (settings key -> widget)."""
    for key, w in parts.items():
        settings.setValue(key, w.saveState())


def restore_layout(settings, parts: dict) -> None:
    """Restore each part of :func:`save_layout` whose state was saved (the others keep theirs)."""
    for key, w in parts.items():
        state = settings.value(key)
        if state is not None:
            w.restoreState(state)


# ------------------------------------------------------------------------------------ progress


def progress_bar(name: str, accessible: str) -> QProgressBar:
    """An idle progress bar for a background task (see :func:`progress_busy` and the others)."""
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setAccessibleName(accessible)
    bar.setRange(0, 1)
    bar.setValue(0)
    bar.setFormat("idle")
    return bar


def progress_busy(bar: QProgressBar, text: str) -> None:
    """Busy (no known total yet), saying ``text``."""
    bar.setRange(0, 0)
    bar.setFormat(text)


def progress_step(bar: QProgressBar, done: int, total: int) -> None:
    """``done`` of ``total`` as a percentage (a report without a total changes nothing)."""
    if total > 0:
        bar.setRange(0, total)
        bar.setValue(min(done, total))
        bar.setFormat("%p%")


def progress_end(bar: QProgressBar, text: str, value: int = 0) -> None:
    """Stopped: empty (``value`` 0) or full (1), saying ``text``."""
    bar.setRange(0, 1)
    bar.setValue(value)
    bar.setFormat(text)


# ------------------------------------------------------------------------------------ fields


def mark_invalid(w: QWidget, on: bool) -> None:
    """Set the ``invalid`` property app.qss draws a refused value with (re-polished only on a change)."""
    if bool(w.property("invalid")) == on:
        return
    w.setProperty("invalid", on)
    w.style().unpolish(w)
    w.style().polish(w)


class CheckedNumberField(QWidget):
    """A number typed with its unit, checked as it is typed. The parts go in the caller's grid row:
    ``label`` (the edit's buddy), ``edit``, ``unit_label`` and ``error``, the reason a value is
    refused (shown only then). Subclasses check the text and call :meth:`_set_reason` ("" = valid)."""

    changed = Signal()

    def __init__(
        self,
        key: str,
        title: str,
        unit: str,
        lo: float,
        hi: float | None,
        *,
        edit_name: str,
        accessible: str,
        tip: str,
        width: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.key, self.unit, self.lo, self.hi = key, unit, lo, hi
        self.reason = ""
        self._value: float | None = None
        self.label = QLabel(title)
        self.edit = QLineEdit()
        self.edit.setObjectName(edit_name)
        self.edit.setAccessibleName(accessible)
        self.edit.setMaximumWidth(width)
        self.unit_label = QLabel(unit)
        self.error = QLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        for w in (self.label, self.edit, self.unit_label):
            w.setToolTip(tip)
        self.label.setBuddy(self.edit)

    def value(self) -> float | None:
        return self._value

    @property
    def valid(self) -> bool:
        return not self.reason

    def _set_reason(self, reason: str) -> None:
        self.reason = reason
        self.error.setText(reason)
        self.error.setVisible(bool(reason))
        mark_invalid(self.edit, bool(reason))
        self.edit.setAccessibleDescription(reason or "valid")
