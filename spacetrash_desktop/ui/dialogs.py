"""Dialogs: the import report (rejected rows), adding a stock line, About / help."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop._version import __version__
from spacetrash_desktop.domain import WasteItem
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.inventory import ImportIssue, ImportResult, parse_composition
from spacetrash_desktop.ui.i18n import number
from spacetrash_desktop.ui.inventory_doc import parse_field
from spacetrash_desktop.ui.qtmodels import RIGHT, RowsTableModel

# what a good file looks like, shown under the problems (the columns of datasets/waste_inventory.csv)
# the column names and material keys are what the import reads: only the names of the items are translated
EXAMPLE_CSV_HEADER = "id,name,category,composition,mass_kg,count,moisture_pct,flags,difficulty"
EXAMPLE_CSV_ROWS = (
    QT_TRANSLATE_NOOP("ImportReportDialog", "W101,Cotton towels,Fabrics,cotton 100%,12.5,40,5,,1"),
    QT_TRANSLATE_NOOP(
        "ImportReportDialog", "W102,Food pouches,Food Packaging,pet 60%; aluminium 25%; ldpe 15%,8.2,0,2,multilayer,3"
    ),
)
EXAMPLE_CSV = "\n".join((EXAMPLE_CSV_HEADER, *EXAMPLE_CSV_ROWS))
EXAMPLE_HELP = QT_TRANSLATE_NOOP(
    "ImportReportDialog",
    "<b>Expected format</b> (CSV, one stock line a row; Excel and Parquet files use the same columns): "
    "<i>composition</i> is 'material percent' parts separated by ';', <i>flags</i> are separated by ';' "
    "(multilayer, foam, pfas...), <i>count</i> 0 = not counted, <i>difficulty</i> a whole number 1-3.",
)


def example_csv() -> str:
    """:data:`EXAMPLE_CSV` in the window's language (the header and material keys stay as the import reads them)."""
    rows = (QCoreApplication.translate("ImportReportDialog", r) for r in EXAMPLE_CSV_ROWS)
    return "\n".join((EXAMPLE_CSV_HEADER, *rows))


class IssuesModel(RowsTableModel):
    """One row per :class:`ImportIssue` of an import (the reason wrapped, never cut)."""

    columns = (
        QT_TRANSLATE_NOOP("IssuesModel", "Line"),
        QT_TRANSLATE_NOOP("IssuesModel", "Column"),
        QT_TRANSLATE_NOOP("IssuesModel", "Value"),
        QT_TRANSLATE_NOOP("IssuesModel", "Reason"),
        QT_TRANSLATE_NOOP("IssuesModel", "Outcome"),
    )

    def __init__(self, rows: Sequence = (), parent=None):
        super().__init__(rows, parent)
        self.columns = tuple(QCoreApplication.translate("IssuesModel", c) for c in IssuesModel.columns)

    def cell(self, i: ImportIssue, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return str(i.line) if i.line else QCoreApplication.translate("IssuesModel", "file")
            if col == 1:
                return i.column or "–"
            if col == 2:
                return i.value or "–"
            if col == 3:
                if i.severity == "error":
                    return i.message
                return QCoreApplication.translate("IssuesModel", "{message} (warning: the row is kept)").format(
                    message=i.message
                )
            if col == 4:
                if i.severity != "error":
                    return QCoreApplication.translate("IssuesModel", "row kept")
                if i.line > 1:
                    return QCoreApplication.translate("IssuesModel", "row rejected")
                return QCoreApplication.translate("IssuesModel", "file refused")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return RIGHT
        return None


class ImportReportDialog(QDialog):
    """Lists every rejected row (line, column, value, reason); "Keep the good rows" or "Cancel"."""

    def __init__(
        self, filename: str, result: ImportResult | None, issues: Sequence[ImportIssue], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("importReport")
        self.result = result
        self.setWindowTitle(self.tr("Import {file}").format(file=filename))
        ok = len(result.items) if result is not None else 0
        lay = QVBoxLayout(self)
        head = QLabel()
        head.setWordWrap(True)
        head.setObjectName("dialogHeading")
        self.heading = head
        if result is None:
            head.setText(
                self.tr("<b>{file} cannot be imported.</b> Nothing was changed.").format(file=html.escape(filename))
            )
        else:
            rejected = result.rows_rejected
            parts = [
                self.tr("<b>{ok} of {total} rows can be imported.</b>").format(
                    ok=number(ok), total=number(result.rows_total)
                )
            ]
            if rejected == 1:
                parts.append(self.tr("1 row was rejected; each problem is listed below with its line in the file."))
            elif rejected:
                parts.append(
                    self.tr("{n} rows were rejected; each problem is listed below with its line in the file.").format(
                        n=number(rejected)
                    )
                )
            if result.warnings:
                parts.append(self.tr("{n} warning(s) do not stop the import.").format(n=number(len(result.warnings))))
            if ok:
                parts.append(self.tr("Keeping the good rows replaces the current inventory (Ctrl+Z brings it back)."))
            else:
                parts.append(self.tr("No row can be used, so nothing will change."))
            head.setText("<br>".join(parts))  # one sentence a line (and one message each)
        lay.addWidget(head)
        self.table = QTableView()
        self.table.setObjectName("issuesTable")
        self.issues_model = IssuesModel(issues, self)
        self.table.setModel(self.issues_model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)  # a long reason wraps onto more lines instead of being cut
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        for col, width in enumerate((56, 120, 160, 420, 110)):
            self.table.setColumnWidth(col, width)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Rejected rows"))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.table, 1)
        self.example = QLabel(self.tr(EXAMPLE_HELP))
        self.example.setWordWrap(True)
        self.example_text = QTextBrowser()
        self.example_text.setObjectName("importExample")
        self.example_text.setAccessibleName(self.tr("Example of the expected format"))
        self.example_text.setPlainText(example_csv())
        self.example_text.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        self.example_text.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        lay.addWidget(self.example)
        lay.addWidget(self.example_text)
        if result is not None and result.error_log:
            note = QLabel(self.tr("The same list was saved in the data folder (import_errors)."))
            note.setObjectName("hint")
            lay.addWidget(note)
        buttons = QDialogButtonBox()
        self.keep_button = None
        if result is not None and ok:
            keep = self.tr("Keep the 1 good row") if ok == 1 else self.tr("Keep the {n} good rows").format(n=number(ok))
            self.keep_button = buttons.addButton(keep, QDialogButtonBox.ButtonRole.AcceptRole)
            self.keep_button.setDefault(True)
            self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(920, 520)


class AddItemDialog(QDialog):
    """A new stock line. Composition as text ("ldpe 60%; pet 40%"); every field checked as typed."""

    def __init__(self, lookup: dict, categories: Sequence[str], new_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a stock line"))
        self.setObjectName("addItemDialog")
        self.lookup = lookup
        self.new_id = new_id
        self.item: WasteItem | None = None
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Drink pouches (used)"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(sorted(set(categories)))
        self.composition = QLineEdit()
        self.composition.setPlaceholderText(self.tr("e.g. ldpe 65%; aluminium_foil 24%; pet 11%"))
        self.composition.setToolTip(
            self.tr("Materials and their share of the mass, separated by ';'. Known materials: ")
            + ", ".join(sorted(set(lookup.values())))
        )
        self.mass = QLineEdit("1")
        self.mass.setToolTip(self.tr("Mass of the stock line in kilograms"))
        self.count = QLineEdit("0")
        self.moisture = QLineEdit("0")
        self.moisture.setToolTip(self.tr("Water content, % of the wet mass"))
        self.flags = QLineEdit()
        self.flags.setPlaceholderText(self.tr("optional: multilayer, foam, pfas..."))
        self.difficulty = QSpinBox()
        self.difficulty.setRange(1, 3)
        self.difficulty.setToolTip(self.tr("NASA difficulty factor: 1 = easy, 3 = most problematic"))
        form.addRow(self.tr("Item name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Composition"), self.composition)
        form.addRow(self.tr("Mass (kg)"), self.mass)
        form.addRow(self.tr("Count"), self.count)
        form.addRow(self.tr("Moisture (%)"), self.moisture)
        form.addRow(self.tr("Flags"), self.flags)
        form.addRow(self.tr("Difficulty (1–3)"), self.difficulty)
        self.reason = QLabel("")
        self.reason.setObjectName("fieldError")
        self.reason.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.reason)
        lay.addWidget(buttons)
        for w in (self.name, self.composition, self.mass, self.count, self.moisture):
            w.textEdited.connect(self._check)
        self._check()
        self.setMinimumWidth(520)

    def _build(self) -> WasteItem:
        name = self.name.text().strip()
        if not name:
            raise BadInputError(self.tr("Give the item a name."))
        comp, problem = parse_composition(self.composition.text(), self.lookup)
        if problem:
            raise BadInputError(self.tr("Composition: {problem}.").format(problem=problem[1]))
        mass = parse_field("mass_kg", self.mass.text())
        count = parse_field("count", self.count.text() or "0")
        moisture = parse_field("moisture_pct", self.moisture.text() or "0")
        flags = tuple(sorted({f.strip().lower() for f in self.flags.text().replace(";", ",").split(",") if f.strip()}))
        return WasteItem(
            item_id=self.new_id,
            name=name,
            category=self.category.currentText().strip() or self.tr("Added"),
            composition=tuple(comp),
            mass_kg=float(mass),
            count=int(count),
            moisture_pct=float(moisture),
            flags=flags,
            difficulty=int(self.difficulty.value()),
        )

    def _check(self, *_):
        try:
            self._build()
        except BadInputError as exc:
            self.reason.setText(exc.message)
            self.ok_button.setEnabled(False)
            return False
        self.reason.setText("")
        self.ok_button.setEnabled(True)
        return True

    def _accept(self):
        if self._check():
            self.item = self._build()
            self.accept()


SHORTCUTS = (
    ("Ctrl+G", QT_TRANSLATE_NOOP("AboutDialog", "Generate recipes for the current target")),
    ("Esc", QT_TRANSLATE_NOOP("AboutDialog", "Cancel the running generation (keeps what was found)")),
    ("Ctrl+Z / Ctrl+Shift+Z", QT_TRANSLATE_NOOP("AboutDialog", "Undo / redo an inventory edit")),
    ("Ctrl+I", QT_TRANSLATE_NOOP("AboutDialog", "Import an inventory (CSV or Parquet)")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("AboutDialog", "Export the results (CSV or JSON)")),
    (
        QT_TRANSLATE_NOOP("AboutDialog", "Ctrl+N / Delete"),
        QT_TRANSLATE_NOOP("AboutDialog", "Add a stock line / delete the selected lines"),
    ),
    ("Ctrl+F", QT_TRANSLATE_NOOP("AboutDialog", "Filter the inventory")),
    ("Ctrl+1 … Ctrl+6", QT_TRANSLATE_NOOP("AboutDialog", "Inventory, Target, Candidates, Trade-offs, Feedback, Model")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("AboutDialog", "Save the feedback report (in the Feedback panel)")),
    (
        QT_TRANSLATE_NOOP("AboutDialog", "F2 or double-click"),
        QT_TRANSLATE_NOOP("AboutDialog", "Edit a mass, count or moisture cell"),
    ),
    ("F1", QT_TRANSLATE_NOOP("AboutDialog", "This help")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("AboutDialog", "Quit (everything is already saved)")),
)


class AboutDialog(QDialog):
    def __init__(
        self,
        versions: dict,
        sources: dict,
        data_dir: str,
        log_file: str,
        model: dict,
        parent: QWidget | None = None,
        start_tab: int = 0,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Space Trash Desktop"))
        self.setObjectName("aboutDialog")
        tabs = QTabWidget()
        about = QTextBrowser()
        about.setOpenExternalLinks(False)
        rows = "".join(
            f"<tr><td>{html.escape(k)}</td><td><b>{html.escape(v)}</b></td></tr>" for k, v in versions.items()
        )
        mrow = (
            "<p><b>" + self.tr("Model:") + f"</b> {html.escape(str(model.get('name', self.tr('physics'))))} "
            f"{html.escape(str(model.get('version', '')))} — {html.escape(str(model.get('status', '')))}"
            f"<br><span style='color:#555'>{html.escape(str(model.get('reason', '')))}</span></p>"
        )
        about.setHtml(
            f"<h2>Space Trash Desktop {html.escape(__version__)}</h2><p>"
            + self.tr(
                "Turns a Mars habitat's non-metabolic waste and MGS-1 regolith into things the crew needs: "
                "it proposes recipes from what is in stock and shows their trade-offs (rigidity, tightness, "
                "energy, water, crew time) with 95% intervals. Works fully offline."
            )
            + f"</p>{mrow}<table cellspacing='6'>{rows}</table><p><b>"
            + self.tr("Your data folder:")
            + f"</b> {html.escape(data_dir)}<br><b>"
            + self.tr("Log file:")
            + f"</b> {html.escape(log_file)}</p>"
        )
        guide = QTextBrowser()
        keys = "".join(
            f"<tr><td><b>{html.escape(self.tr(k))}</b></td><td>{html.escape(self.tr(v))}</td></tr>"
            for k, v in SHORTCUTS
        )
        guide.setHtml(
            self.tr(
                "<h3>From stock to a recipe in four steps</h3><ol>"
                "<li><b>Inventory</b> (Ctrl+1): check the stock; edit masses, import a file. Edits save themselves.</li>"
                "<li><b>Target</b> (Ctrl+2): pick a preset or scenario; adjust the requirements.</li>"
                "<li><b>Candidates</b> (Ctrl+3): press <b>Generate</b> (Ctrl+G). Recipes appear as they are found; "
                "Esc stops and keeps them. Select one to see its mass flow and safety notes.</li>"
                "<li><b>Trade-offs</b> (Ctrl+4): compare recipes on any two objectives; click a point to select it.</li>"
                "</ol><h3>After making a recipe</h3><ul>"
                "<li><b>Feedback</b> (Ctrl+5): select the recipe you made and press <b>Report how it turned out…</b>; "
                "enter what you measured or judged and press <b>Save</b> (Ctrl+S). It is on disk at once.</li>"
                "<li><b>Model</b> (Ctrl+6): which model predicts, how good it is, install or roll back a model, and "
                "<b>Retrain from feedback</b>.</li></ul>"
            )
            + "<h3>"
            + self.tr("Keyboard")
            + f"</h3><table cellspacing='6'>{keys}</table>"
        )
        src = QTextBrowser()
        src.setOpenExternalLinks(False)
        items = []
        for key, s in sources.items():
            cite = html.escape(s.get("citation", ""))
            url = html.escape(s.get("url", ""))
            items.append(
                f"<li><b>{html.escape(key)}</b>: {cite}"
                + (f"<br><span style='color:#555'>{url}</span>" if url else "")
                + "</li>"
            )
        src.setHtml(
            self.tr(
                "<h3>Where the numbers come from</h3><p>Every figure in the bundled datasets has a source "
                "or a declared assumption (datasets/*.provenance.csv).</p>"
            )
            + "<ul>"
            + "".join(items)
            + "</ul>"
        )
        tabs.addTab(about, self.tr("About"))
        tabs.addTab(guide, self.tr("Help and keyboard"))
        tabs.addTab(src, self.tr("Data sources"))
        tabs.setCurrentIndex(start_tab)
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(buttons)
        self.resize(760, 560)
