"""One retraining run in the Model panel: its drift report, the champion and challenger metrics, the
promotion checks and the data it read, in four tabs, from the run's record."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from spacetrash_desktop.services import model as model_service
from spacetrash_desktop.services.model import RunRecord
from spacetrash_desktop.ui.model_tables import TextTableModel, table
from spacetrash_desktop.ui.model_views import (
    DRIFT_COLUMNS,
    FLAG_COLORS,
    RUN_METRIC_COLUMNS,
    checks_html,
    columns,
    data_html,
    drift_rows,
    flag_word,
    fmt_num,
    run_metric_rows,
    short_time,
    verdict_word,
)

TAB_TIPS = (
    QT_TRANSLATE_NOOP("RunDetailsView", "PSI and KS per model input between the training data and the feedback"),
    QT_TRANSLATE_NOOP("RunDetailsView", "The champion and the challenger on held-out data, per property"),
    QT_TRANSLATE_NOOP("RunDetailsView", "Every promotion check and whether it passed"),
    QT_TRANSLATE_NOOP("RunDetailsView", "The feedback the run read and used"),
)


def _scrolled_label(name: str) -> tuple[QLabel, QScrollArea]:
    label = QLabel("")
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(label)
    return label, area


class RunDetailsView(QWidget):
    """The selected run: Drift, Metrics, Checks and Data tabs."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        bl = QVBoxLayout(self)
        bl.setContentsMargins(0, 0, 0, 0)
        self.run_title = QLabel(self.tr("Select a run to see its drift report and metrics."))
        self.run_title.setObjectName("sectionTitle")
        bl.addWidget(self.run_title)
        self.run_tabs = QTabWidget()
        self.run_tabs.setObjectName("runTabs")
        self.run_tabs.addTab(self._build_drift(), self.tr("Drift"))
        self.run_tabs.addTab(self._build_metrics(), self.tr("Metrics"))
        self.checks_label, checks = _scrolled_label("runChecks")
        self.run_data_label, data = _scrolled_label("runData")
        self.run_tabs.addTab(checks, self.tr("Checks"))
        self.run_tabs.addTab(data, self.tr("Data"))
        for i, tip in enumerate(TAB_TIPS):
            self.run_tabs.setTabToolTip(i, QCoreApplication.translate("RunDetailsView", tip))
        bl.addWidget(self.run_tabs, 1)

    def _build_drift(self) -> QWidget:
        drift = QWidget()
        dl = QVBoxLayout(drift)
        self.drift_summary = QLabel("")
        self.drift_summary.setObjectName("driftSummary")
        self.drift_summary.setWordWrap(True)
        dl.addWidget(self.drift_summary)
        self.drift_model = TextTableModel(columns(DRIFT_COLUMNS), self, numeric=(1, 2, 3, 5, 6), color_columns=(4,))
        self.drift_table = table(
            "driftTable", self.tr("Drift report"), self.drift_model, (200, 56, 56, 94, 80, 104, 104)
        )
        dl.addWidget(self.drift_table, 1)
        return drift

    def _build_metrics(self) -> QWidget:
        self.run_metrics_model = TextTableModel([(self.tr("Property"), "")], self)
        metrics = QWidget()
        ml = QVBoxLayout(metrics)
        self.run_metrics_note = QLabel(self.tr("Held-out figures of the champion and the challenger in this run."))
        self.run_metrics_note.setObjectName("hint")
        self.run_metrics_note.setWordWrap(True)
        ml.addWidget(self.run_metrics_note)
        self.run_metrics_table = table(
            "runMetricsTable", self.tr("Champion and challenger metrics"), self.run_metrics_model, sortable=False
        )
        ml.addWidget(self.run_metrics_table, 1)
        return metrics

    def show_run(self, run: RunRecord) -> None:
        self.run_title.setText(
            self.tr("Run {run} · {verdict} · {time}").format(
                run=run.run_id, verdict=verdict_word(run.verdict), time=short_time(run.finished_at)
            )
        )
        self._show_drift(run)
        self._show_metrics(run)
        self.checks_label.setText(checks_html(run))
        self.run_data_label.setText(data_html(run))

    def _show_drift(self, run: RunRecord) -> None:
        rows, summary = drift_rows(run, model_service.drift_in_language(run.drift))
        self.drift_summary.setText(summary or self.tr("No drift report in this run (no usable feedback to compare)."))
        rows.sort(key=lambda r: (-r["level"], -(r["psi"] or 0.0)))  # the most drifted first
        self.drift_model.set_rows(
            [
                (
                    r["feature"],
                    fmt_num(r["psi"], 3),
                    fmt_num(r["ks"], 3),
                    fmt_num(r["ks_pvalue"], 3),
                    flag_word(r["flag"]),
                    fmt_num(r["train_mean"], 3),
                    fmt_num(r["new_mean"], 3),
                )
                for r in rows
            ],
            keys={
                1: [r["psi"] for r in rows],
                2: [r["ks"] for r in rows],
                3: [r["ks_pvalue"] for r in rows],
                4: [r["level"] for r in rows],
                5: [r["train_mean"] for r in rows],
                6: [r["new_mean"] for r in rows],
            },
            colors=[FLAG_COLORS.get(r["flag"]) for r in rows],
        )

    def _show_metrics(self, run: RunRecord) -> None:
        titles, mrows = run_metric_rows(run)
        known = titles == [t for t, _tip in columns(RUN_METRIC_COLUMNS)]
        self.run_metrics_model.columns = columns(RUN_METRIC_COLUMNS) if known else [(t, "") for t in titles]
        self.run_metrics_model.numeric = set(range(1, len(titles) - (2 if known else 0)))
        self.run_metrics_model.set_rows(mrows)
        bold = QFont(self.run_metrics_table.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        for col, title in enumerate(titles):
            self.run_metrics_table.setColumnWidth(col, 150 if col == 0 else max(72, fm.horizontalAdvance(title) + 26))
