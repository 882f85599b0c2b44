"""Small widget builders shared by the tabs and panels: section titles, buttons and button rows,
splitters, read-only record tables and their column chooser, progress bars, and the number field
that refuses a bad value at the field with the reason."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QWidget,
)

from spacetrash_desktop.ui.views import column_index


def section_title(title: str) -> QLabel:
    lab = QLabel(title)
    lab.setObjectName("sectionTitle")
    return lab


def add_section(layout: QBoxLayout, title: str, *widgets: QWidget) -> None:
    """A section of a form or pane: its title (:func:`section_title`), then ``widgets``, one under the other."""
    layout.addWidget(section_title(title))
    for w in widgets:
        layout.addWidget(w)


def push_button(
    text: str,
    tip: str = "",
    slot: Callable[[], object] | None = None,
    *,
    name: str = "",
    enabled: bool = True,
) -> QPushButton:
    """A button saying ``text`` with the tooltip ``tip`` that calls ``slot`` when clicked; ``name`` is
    its object name (for the stylesheet and the tests), ``enabled=False`` starts it disabled."""
    b = QPushButton(text)
    if name:
        b.setObjectName(name)
    if tip:
        b.setToolTip(tip)
    if slot is not None:
        b.clicked.connect(slot)
    if not enabled:
        b.setEnabled(False)
    return b


def ask_save_path(parent: QWidget, title: str, default_name: str, filters: str) -> str:
    """Ask where to save (``default_name`` in the home folder to start with); "" when cancelled. A
    name typed without one of the ``filters``' extensions gets the chosen filter's ("CSV (*.csv)")."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path.home() / default_name), filters)
    if not path:
        return ""
    extensions = re.findall(r"\*(\.\w+)", filters)
    if not path.lower().endswith(tuple(extensions)):
        path += (re.findall(r"\*(\.\w+)", chosen) or extensions)[0]
    return path


def make_action(
    owner: QWidget,
    text: str,
    slot: Callable[[], object],
    *,
    tip: str = "",
    shortcuts: Sequence[QKeySequence | str] = (),
) -> QAction:
    """An action of ``owner`` (for its menus and buttons) that calls ``slot``, with its tooltip and
    keyboard shortcuts (the first is the one menus show)."""
    action = QAction(text, owner)
    if shortcuts:
        action.setShortcuts([QKeySequence(k) for k in shortcuts])
    if tip:
        action.setToolTip(tip)
    action.triggered.connect(slot)
    return action


def button_row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    """``widgets`` side by side, left-aligned (a stretch after them unless ``stretch=False``)."""
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    if stretch:
        row.addStretch(1)
    return row


class ReflowArea(QScrollArea):
    """A scrollable form of side-by-side columns that flow onto the next row when the view is
    narrower than they want (their size hints), so no field is squeezed (issue 17). A row with fewer
    columns than the widest row lets its last column span the rest. It scrolls vertically and, should
    even one column not fit, horizontally. ``stretch`` weighs the columns of the grid."""

    def __init__(self, *columns: QWidget, stretch: Sequence[int] = (), name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.columns = columns
        self.stretch = list(stretch) or [1] * len(columns)
        inner = QWidget()
        self.grid = QGridLayout(inner)
        self.grid.setContentsMargins(0, 0, 4, 0)
        self.packing: tuple[int, ...] = ()
        self.setWidgetResizable(True)
        self.setWidget(inner)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._place(self._pack(10**6))

    def _pack(self, width: int) -> tuple[int, ...]:
        """How many columns go on each row in ``width`` pixels (at least one a row)."""
        gap = self.grid.horizontalSpacing()
        m = self.grid.contentsMargins()
        rows, n, used = [], 0, m.left() + m.right()
        for c in self.columns:
            w = max(c.sizeHint().width(), c.minimumSizeHint().width(), c.minimumWidth())
            if n and used + gap + w > width:
                rows.append(n)
                n, used = 0, m.left() + m.right()
            used += w + (gap if n else 0)
            n += 1
        rows.append(n)
        return tuple(rows)

    def _place(self, packing: tuple[int, ...]) -> None:
        for c in self.columns:
            self.grid.removeWidget(c)
        width = max(packing)
        k = 0
        for r, n in enumerate(packing):
            for j in range(n):
                c = self.columns[k]
                span = width - j if j == n - 1 else 1
                expand = c.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Expanding
                align = Qt.AlignmentFlag(0) if expand else Qt.AlignmentFlag.AlignTop
                self.grid.addWidget(c, r, j, 1, span, align)
                k += 1
        for j in range(len(self.columns)):
            self.grid.setColumnStretch(j, self.stretch[j] if j < width else 0)
        self.packing = packing

    @property
    def stacked(self) -> bool:
        """True when the columns do not all fit on one row."""
        return len(self.packing) > 1

    def reflow(self) -> None:
        packing = self._pack(self.viewport().width())
        if packing != self.packing:
            self._place(packing)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reflow()


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


def record_table(model: QAbstractItemModel, name: str, accessible: str, widths: Sequence[int], **setup) -> QTableView:
    """A sortable table of ``model``'s records, sorted by its first column, several rows selectable,
    set up by :func:`setup_table` (``setup`` are that function's options)."""
    setup.setdefault("selection", QAbstractItemView.SelectionMode.ExtendedSelection)
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    setup_table(table, widths, **setup)
    return table


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


class ColumnChooser:
    """The columns of a record table can be dragged to another place, and hidden or shown from the
    header's context menu or :attr:`menu` (put it in the window's View menu); the table's header
    state, saved with :func:`save_layout`, keeps the layout.

    ``columns`` are (key, title, tooltip) in the model's order; ``order`` the keys in the order they
    are shown by default; ``widths`` the default widths in the model's order; ``always_shown`` the
    keys that cannot be hidden (what makes a row recognisable). Actions and menu belong to ``owner``."""

    def __init__(
        self,
        table: QTableView,
        columns: Sequence[tuple[str, str, str]],
        *,
        title: str,
        order: Sequence[str],
        widths: Sequence[int],
        always_shown: Sequence[str] = (),
        owner: QWidget,
    ):
        self.table = table
        self.columns = tuple(columns)
        self.index = column_index(self.columns)
        self.order, self.widths = tuple(order), tuple(widths)
        hh = table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setFirstSectionMovable(False)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(lambda pos: self.menu.exec(hh.mapToGlobal(pos)))
        self.menu = QMenu(title, owner)
        self.menu.setToolTipsVisible(True)
        self.actions: dict[str, QAction] = {}
        for col, (key, text, tip) in enumerate(self.columns):
            if key in always_shown:
                continue
            a = QAction(text, owner, checkable=True, checked=True)
            a.setToolTip(tip)
            a.toggled.connect(lambda on, c=col: self.table.setColumnHidden(c, not on))
            self.menu.addAction(a)
            self.actions[key] = a
        self.menu.addSeparator()
        self.menu.addAction(QCoreApplication.translate("ColumnChooser", "Show &all columns"), self.show_all)
        self.menu.addAction(
            QCoreApplication.translate("ColumnChooser", "&Reset the columns (order, widths, all shown)"), self.reset
        )
        self.menu.aboutToShow.connect(self.sync_actions)
        self.default_order()

    def default_order(self) -> None:
        hh = self.table.horizontalHeader()
        for visual, key in enumerate(self.order):
            hh.moveSection(hh.visualIndex(self.index[key]), visual)

    def sync_actions(self) -> None:
        for key, a in self.actions.items():
            a.blockSignals(True)
            a.setChecked(not self.table.isColumnHidden(self.index[key]))
            a.blockSignals(False)

    def show_all(self) -> None:
        for col in range(len(self.columns)):
            self.table.setColumnHidden(col, False)
        self.sync_actions()

    def reset(self) -> None:
        self.default_order()
        self.show_all()
        for col, width in enumerate(self.widths):
            self.table.setColumnWidth(col, width)

    def visible(self) -> list[str]:
        """Keys of the shown columns, in the order they are shown."""
        hh = self.table.horizontalHeader()
        order = sorted(range(len(self.columns)), key=hh.visualIndex)
        return [self.columns[c][0] for c in order if not self.table.isColumnHidden(c)]


class SavedTableLayout:
    """``save_state`` / ``restore_state`` (the window calls them) for a tab whose ``table`` header
    (column order, widths, hidden columns) and ``splitter`` are kept with the window's settings,
    under ``<layout_key>/header`` and ``<layout_key>/splitter``. Mix it in before the Qt class."""

    layout_key = ""
    table: QTableView
    splitter: QSplitter

    def _layout(self) -> dict:
        return {
            f"{self.layout_key}/header": self.table.horizontalHeader(),
            f"{self.layout_key}/splitter": self.splitter,
        }

    def save_state(self, settings) -> None:
        save_layout(settings, self._layout())

    def restore_state(self, settings) -> None:
        restore_layout(settings, self._layout())


# ------------------------------------------------------------------------------------ progress


def progress_bar(name: str, accessible: str) -> QProgressBar:
    """An idle progress bar for a background task (see :func:`progress_busy` and the others)."""
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setAccessibleName(accessible)
    bar.setRange(0, 1)
    bar.setValue(0)
    bar.setFormat(QCoreApplication.translate("Widgets", "idle"))
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
        self.fit_edit_width()
        self.unit_label = QLabel(unit)
        self.error = QLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        for w in (self.label, self.edit, self.unit_label):
            w.setToolTip(tip)
        self.label.setBuddy(self.edit)

    def fit_edit_width(self) -> None:
        """Keep the edit wide enough for a typical value and its placeholder, so that a narrow window
        scrolls or reflows the form instead of squeezing the field to a few pixels (issue 17)."""
        fm = self.edit.fontMetrics()
        text = max(("0000.00", self.edit.placeholderText()), key=fm.horizontalAdvance)
        self.edit.setMinimumWidth(min(self.edit.maximumWidth(), fm.horizontalAdvance(text) + 20))

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
