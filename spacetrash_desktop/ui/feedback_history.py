"""Past feedback: a sortable, filterable table (by recipe, who or model version) with predicted vs
actual for every property, the details of the selected report below it, and the File menu's
"Export feedback for trainers…" and "Import feedback files…"."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.services import feedback as feedback_service
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.feedback_views import (
    FEEDBACK_COLUMNS,
    FILTER_FIELDS,
    PVA_COLUMNS,
    REPORT_PROPS,
    FeedbackListView,
    feedback_columns,
    load_feedback_list,
    outcome_words,
    pva_columns,
    pva_rows,
    tr_text,
)
from spacetrash_desktop.ui.i18n import number
from spacetrash_desktop.ui.qtmodels import LEFT, RIGHT, RowsTableModel, SnapshotTableModel
from spacetrash_desktop.ui.tasks import Task, TaskFailure
from spacetrash_desktop.ui.widgets import section_title, setup_table, splitter

FEEDBACK_COLUMN_WIDTHS = (136, 80, 200, 100, 104, 104, 120, 100, 100, 116, 70, 190, 270)
NO_SELECTION = QT_TRANSLATE_NOOP(
    "FeedbackHistory", "Select a report to compare what was predicted with what the crew found."
)
GOOD, BAD = "#166534", "#b91c1c"


class FeedbackListModel(SnapshotTableModel):
    """Past feedback (a :class:`FeedbackListView` snapshot, replaced wholesale)."""

    columns = FEEDBACK_COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns = feedback_columns()  # in the window's language
        self.view = FeedbackListView.empty()
        self.field = "all"
        self._good = QBrush(QColor(GOOD))
        self._bad = QBrush(QColor(BAD))
        self._sort_col, self._sort_desc = 0, True  # newest first

    def set_field(self, key: str) -> None:
        if key != self.field:
            self.field = key
            if self._filter:
                self._relayout()

    def _haystack(self) -> np.ndarray:
        return self.view.hay.get(self.field, self.view.hay["all"])

    def row_id(self, view_row: int) -> str | None:
        return self.id_at(view_row)

    def cell(self, src: int, col: int, role: int) -> Any:
        key = FEEDBACK_COLUMNS[col][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.view.display[src][col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if key in REPORT_PROPS or key == "inside" else LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(src, col, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(src, col, key)
        return None

    def _foreground(self, src: int, col: int, key: str) -> QBrush | None:
        if key in REPORT_PROPS:
            inside = self.view.inside[src].get(key)
            return self._good if inside is True else self._bad if inside is False else None
        if key == "outcome":
            text = self.view.display[src][col]
            words = outcome_words()
            return self._good if text == words["passed"] else self._bad if text == words["failed"] else None
        return None

    def _tooltip(self, src: int, col: int, key: str) -> str | None:
        if key in REPORT_PROPS and self.view.display[src][col]:
            inside = self.view.inside[src].get(key)
            if inside is True:
                return self.tr("actual vs predicted: inside the predicted 95% interval")
            if inside is False:
                return self.tr("actual vs predicted: outside the predicted 95% interval")
            return self.tr("actual vs predicted: no interval was predicted")
        if key in ("recipe", "row_id", "model"):
            return self.view.display[src][col]
        if key == "recorded":
            notes = self.view.records[src].get("notes")
            return self.tr("Notes: {notes}").format(notes=notes) if notes else self.tr("No notes")
        return None


class PvaModel(RowsTableModel):
    """Predicted vs actual, per property, for the selected report: rows of (cells, inside)."""

    columns = PVA_COLUMNS

    def __init__(self, parent=None):
        super().__init__((), parent)
        self.columns = pva_columns()  # in the window's language
        self._good = QBrush(QColor(GOOD))
        self._bad = QBrush(QColor(BAD))

    def cell(self, row, col: int, role: int) -> Any:
        cells, inside = row
        key = PVA_COLUMNS[col][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[col]
        if role == Qt.ItemDataRole.ToolTipRole and key == "how":
            return cells[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if key in ("property", "how", "inside") else RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and key in ("inside", "actual"):
            return self._good if inside is True else self._bad if inside is False else None
        return None


class ImportOutcomeModel(RowsTableModel):
    """One row per imported file (``ImportSummary.files``)."""

    columns = ("File", "Outcome", "Rows", "Added", "Already here", "Reason")

    def __init__(self, rows, parent=None):
        super().__init__(rows, parent)
        self.columns = (
            self.tr("File"),
            self.tr("Outcome"),
            self.tr("Rows"),
            self.tr("Added"),
            self.tr("Already here"),
            self.tr("Reason"),
        )

    def cell(self, f, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                Path(f.file).name if role == Qt.ItemDataRole.DisplayRole else f.file,
                f.status,
                str(f.rows),
                str(f.added),
                str(f.duplicates),
                f.reason or "–",
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and f.status == "refused":
            return QBrush(QColor(BAD))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col in (2, 3, 4) else LEFT
        return None


class ImportSummaryDialog(QDialog):
    """What an import did: rows added, already present, files refused with the reason."""

    def __init__(self, summary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackImportReport")
        self.setWindowTitle(self.tr("Import feedback files"))
        self.summary = summary
        lay = QVBoxLayout(self)
        head = QLabel()
        head.setObjectName("dialogHeading")
        head.setWordWrap(True)
        added = self.tr("1 report added.") if summary.added == 1 else self.tr("{n} reports added.")
        parts = ["<b>" + added.format(n=summary.added) + "</b>"]
        if summary.duplicates:
            parts.append(
                self.tr("{n} were already here (same row id) and were not added again.").format(n=summary.duplicates)
            )
        if summary.refused:
            refused = (
                self.tr("1 file was refused; none of its rows was taken (the reason is listed).")
                if summary.refused == 1
                else self.tr("{n} files were refused; none of their rows was taken (the reason is listed).")
            )
            parts.append(refused.format(n=summary.refused))
        head.setText(" ".join(parts))
        self.heading = head
        lay.addWidget(head)
        self.table = QTableView()
        self.table.setObjectName("importOutcomes")
        self.table.setAccessibleName(self.tr("Imported files"))
        self.model = ImportOutcomeModel(summary.files, self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(True)
        for col, width in enumerate((260, 80, 60, 60, 100)):
            self.table.setColumnWidth(col, width)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(860, 320)


class FeedbackHistory(QWidget):
    """The past feedback, predicted vs actual for the selected report, export and import."""

    list_loaded = Signal(object)  # FeedbackListView
    exported = Signal(object)  # ExportResult
    imported = Signal(object)  # ImportSummary
    report_again_requested = Signal(object)  # the selected report's record (a dict)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._list_task: Task | None = None
        self.loaded_once = False
        self.last_saved: str | None = None  # selected after the next load when nothing else is
        self.message_box: QMessageBox | None = None
        self.import_dialog: ImportSummaryDialog | None = None
        self._build_actions()
        self.list_model = FeedbackListModel(self)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(section_title(self.tr("Past feedback")))
        tl.addLayout(self._build_filter_bar())
        tl.addWidget(self._legend())
        tl.addWidget(self._build_table(), 1)
        tl.addWidget(self.count_label)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(section_title(self.tr("Predicted vs actual")))
        self._build_pva(bl)
        self.list_splitter = splitter(
            Qt.Orientation.Vertical, "feedbackListSplit", (top, bottom), (3, 2), (420, 360), collapsible=False
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list_splitter)

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        self.export_action = QAction(self.tr("E&xport feedback for trainers…"), self)
        self.export_action.setToolTip(
            self.tr(
                "Write every feedback report to a folder (e.g. a USB stick) as a sealed "
                "Parquet file with a manifest of row counts and checksums"
            )
        )
        self.export_action.triggered.connect(self.choose_export_folder)
        self.import_action = QAction(self.tr("I&mport feedback files…"), self)
        self.import_action.setToolTip(
            self.tr(
                "Merge feedback exported on other laptops (checked first; a report already here is not added twice)"
            )
        )
        self.import_action.triggered.connect(self.choose_import_files)

    def file_actions(self) -> list[QAction]:
        """Actions the window puts in its File menu."""
        return [self.export_action, self.import_action]

    def _build_filter_bar(self) -> QHBoxLayout:
        self.field_combo = QComboBox()
        self.field_combo.setAccessibleName(self.tr("Filter by"))
        self.field_combo.setToolTip(self.tr("Which part of a report the filter looks at"))
        for key, title in FILTER_FIELDS:
            self.field_combo.addItem(tr_text(title), key)
        self.field_combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("feedbackFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by recipe, who or model version"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter past feedback"))
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(
            self.tr("Read the saved feedback again (e.g. after an import from the command line)")
        )
        self.reload_button.clicked.connect(self.refresh)
        self.again_button = QPushButton(self.tr("Report on this recipe again…"))
        self.again_button.setToolTip(
            self.tr(
                "Fill the form with the recipe, target and prediction of the selected report "
                "(e.g. a second batch of the same recipe)"
            )
        )
        self.again_button.clicked.connect(self.report_again)
        self.again_button.setEnabled(False)
        fl = QHBoxLayout()
        fl.addWidget(QLabel(self.tr("Filter")))
        fl.addWidget(self.field_combo)
        fl.addWidget(self.filter_edit, 1)
        fl.addWidget(self.reload_button)
        fl.addWidget(self.again_button)
        return fl

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("feedbackTable")
        self.table.setAccessibleName(self.tr("Past feedback"))
        self.table.setModel(self.list_model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        setup_table(self.table, FEEDBACK_COLUMN_WIDTHS, font=self.font())
        self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.table.doubleClicked.connect(lambda _i: self.report_again())
        self.count_label = QLabel("")
        self.count_label.setObjectName("hint")
        return self.table

    def _legend(self) -> QLabel:
        legend = QLabel(
            self.tr(
                "Each property shows <b>actual vs predicted</b>: <span style='color:{good}'>green</span> "
                "inside the predicted 95% interval, <span style='color:{bad}'>red</span> outside it."
            ).format(good=GOOD, bad=BAD)
        )
        legend.setObjectName("hint")
        legend.setWordWrap(True)
        return legend

    def _build_pva(self, lay: QVBoxLayout) -> None:
        self.pva_model = PvaModel(self)
        self.pva_table = QTableView()
        self.pva_table.setObjectName("pvaTable")
        self.pva_table.setAccessibleName(self.tr("Predicted vs actual for the selected report"))
        self.pva_table.setModel(self.pva_model)
        self.pva_table.verticalHeader().setVisible(False)
        self.pva_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pva_table.setAlternatingRowColors(True)
        self.pva_table.setWordWrap(False)
        self.pva_table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((160, 90, 124, 80, 100, 70)):
            self.pva_table.setColumnWidth(col, width)
        self.pva_title = QLabel(self.tr(NO_SELECTION))
        self.pva_title.setObjectName("hint")
        self.pva_title.setWordWrap(True)
        lay.addWidget(self.pva_title)
        lay.addWidget(self.pva_table, 1)

    # ------------------------------------------------------------------ the list
    def refresh(self) -> Task:
        self.loaded_once = True
        self.count_label.setText(self.tr("Reading the saved feedback…"))
        self._list_task = self.ctx.runner.submit(
            load_feedback_list,
            slot="feedback-list",
            pool="io",
            label="reading the saved feedback",
            on_done=self._list_done,
            on_error=self._list_failed,
        )
        return self._list_task

    def show_saved(self, ids: list[str]) -> None:
        """Rows were just saved: read the list again and select the last of them."""
        if ids:
            self.last_saved = ids[-1]
        self.refresh()

    def selected_id(self) -> str | None:
        idx = self.table.currentIndex()
        return self.list_model.row_id(idx.row()) if idx.isValid() else None

    def _list_done(self, view: FeedbackListView) -> None:
        self._list_task = None
        current = self.selected_id()
        self.list_model.set_view(view)
        self._apply_filter()
        if current is not None and current in view.ids:
            self._select_row_id(current)
        elif self.last_saved in view.ids:
            self._select_row_id(self.last_saved)
        else:
            self._row_selected()
        self.list_loaded.emit(view)

    def _list_failed(self, failure: TaskFailure) -> None:
        self._list_task = None
        self.count_label.setText(
            f"<span style='color:{BAD}'>"
            + self.tr("The saved feedback could not be read: {reason}").format(reason=html.escape(failure.message))
            + "</span>"
        )
        self.ctx.report(failure)

    def _select_row_id(self, row_id: str) -> None:
        src = self.list_model.view.ids.index(row_id)
        vr = self.list_model.view_row(src)
        if vr >= 0:
            self.table.selectRow(vr)
            self.table.scrollTo(self.list_model.index(vr, 0))
        self._row_selected()

    def _apply_filter(self, *_):
        self.list_model.set_field(self.field_combo.currentData() or "all")
        self.list_model.set_filter(self.filter_edit.text())
        total, shown = self.list_model.source_count, self.list_model.rowCount()
        if total == 0:
            self.count_label.setText(self.tr("No feedback recorded yet."))
        elif shown == total:
            self.count_label.setText(
                self.tr("1 report.") if total == 1 else self.tr("{n} reports.").format(n=number(total))
            )
        else:
            self.count_label.setText(
                self.tr("{shown} of {total} reports match the filter.").format(shown=number(shown), total=number(total))
            )
        self._row_selected()

    def _row_selected(self, *_):
        rid = self.selected_id()
        rec = self.list_model.view.record(rid) if rid else None
        self.again_button.setEnabled(rec is not None)
        if rid is None or rec is None:
            self.pva_model.set_rows([])
            self.pva_title.setText(self.tr(NO_SELECTION))
            return
        lines = self.list_model.view.lines.get(rid, [])
        self.pva_model.set_rows(pva_rows(rec, lines))
        who = rec.get("who") or self.tr("someone")
        passed = rec.get("passed")
        words = outcome_words()
        outcome = (
            words["passed"] if passed is True else words["failed"] if passed is False else self.tr("outcome not said")
        )
        notes = rec.get("notes")
        model = f"{rec.get('model_name') or 'physics'} {rec.get('model_version') or ''}".strip()
        self.pva_title.setText(
            self.tr("Recipe <b>{recipe}</b>, reported by {who} ({outcome}); predicted by {model}. Row {row}.").format(
                recipe=html.escape(str(rec.get("recipe_id"))),
                who=html.escape(str(who)),
                outcome=outcome,
                model=html.escape(model),
                row=html.escape(rid),
            )
            + ("<br>" + self.tr("Notes: {notes}").format(notes=html.escape(str(notes))) if notes else "")
            + ("" if lines else "<br>" + self.tr("No property was reported."))
        )

    def report_again(self) -> None:
        rid = self.selected_id()
        rec = self.list_model.view.record(rid) if rid else None
        if rec is not None:
            self.report_again_requested.emit(rec)

    # ------------------------------------------------------------------ export / import
    def choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export feedback for trainers: choose a folder"), str(Path.home())
        )
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> Task:
        def work(_c):
            return feedback_service.export_feedback(folder)

        self.ctx.say(self.tr("Exporting the feedback…"), 0)
        return self.ctx.runner.submit(work, pool="io", label="the feedback export", on_done=self._exported)

    def _exported(self, result) -> None:
        self.ctx.say(
            self.tr("Exported {n} feedback report(s) to {path}").format(n=number(result.rows), path=result.path), 10000
        )
        exported = self.tr("1 report exported") if result.rows == 1 else self.tr("{n} reports exported")
        self._message(
            self.tr("Feedback exported"),
            "<b>"
            + exported.format(n=number(result.rows))
            + "</b> "
            + self.tr(
                "to<br>{path}<br><br>The folder's manifest.json lists the file with its row count and checksum, "
                "so a trainer's import can check it is complete and unchanged."
            ).format(path=html.escape(str(result.path))),
        )
        self.exported.emit(result)

    def choose_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import feedback files"),
            str(Path.home()),
            self.tr("Feedback exports") + " (*.parquet manifest.json);;" + self.tr("All files") + " (*)",
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> Task:
        paths = list(paths)

        def work(_c):
            return feedback_service.import_feedback(paths)

        self.ctx.say(self.tr("Importing feedback…"), 0)
        return self.ctx.runner.submit(work, pool="io", label="the feedback import", on_done=self._imported)

    def _imported(self, summary) -> None:
        self.ctx.say(
            self.tr("Feedback import: {added} added, {duplicates} already here, {refused} file(s) refused").format(
                added=summary.added, duplicates=summary.duplicates, refused=summary.refused
            ),
            10000,
        )
        dlg = ImportSummaryDialog(summary, self.window())
        self.import_dialog = dlg
        dlg.open()
        self.refresh()
        self.imported.emit(summary)

    def _message(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window())
        box.setObjectName("feedbackMessage")
        box.setTextFormat(Qt.TextFormat.RichText)
        self.message_box = box
        box.open()
