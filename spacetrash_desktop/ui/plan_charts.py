"""The Plan tab's charts (pyqtgraph): the stock burn-down of the items the plan uses most, the daily
use of energy, water and crew time against the caps per period, and the what-if sweep of one budget
(demand met and waste diverted against it). Each has a title, axis labels with units and a legend
beside the plot (never over the data)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from spacetrash_desktop.ui.plan_views import BUDGET_INDEX, USE_KINDS, Series, tr_text, unit_title

PALETTE = ("#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#a16207")
CAP_PEN = "#b91c1c"
TEXT = "#111827"


def _plot_area(name: str, accessible: str) -> pg.GraphicsLayoutWidget:
    glw = pg.GraphicsLayoutWidget()
    glw.setBackground("w")
    glw.setObjectName(name)
    glw.setAccessibleName(accessible)
    glw.setMinimumHeight(160)
    return glw


def _setup(plot: pg.PlotItem, title: str, x: str, y: str) -> None:
    plot.setTitle(title, color=TEXT, size="10pt")
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setLabel("bottom", x, color=TEXT)
    plot.setLabel("left", y, color=TEXT)
    for ax in ("left", "bottom"):
        plot.getAxis(ax).setTextPen(TEXT)
        plot.getAxis(ax).setPen("#6b7280")


def _legend_below(glw: pg.GraphicsLayoutWidget, row: int = 1, columns: int = 2) -> pg.LegendItem:
    """A legend in its own row under the plot (``columns`` entries a row), so it never covers a line."""
    legend = pg.LegendItem(labelTextColor=TEXT, labelTextSize="8pt", colCount=columns)
    glw.addItem(legend, row=row, col=0)
    return legend


def _finite(values: Sequence[float]) -> np.ndarray:
    return np.array([v if v is not None and math.isfinite(v) else np.nan for v in values], dtype=float)


class BurnDownChart(QWidget):
    """Stock left (kg) of the top items, sol by sol as the plan uses them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.glw = _plot_area("planBurnDown", self.tr("Stock burn-down chart"))
        self.plot = self.glw.addPlot(row=0, col=0)
        _setup(
            self.plot, self.tr("Stock left of the items the plan uses most"), self.tr("Sol"), self.tr("Stock left (kg)")
        )
        self.legend = _legend_below(self.glw)
        self.curves: list[pg.PlotDataItem] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.glw)

    def show_series(self, series: Sequence[Series]) -> None:
        self.plot.clear()
        self.legend.clear()
        self.curves = []
        for k, s in enumerate(series):
            pen = pg.mkPen(PALETTE[k % len(PALETTE)], width=2)
            curve = self.plot.plot(list(s.x), list(s.y), pen=pen, stepMode=None)
            self.legend.addItem(curve, s.name if len(s.name) <= 28 else s.name[:27].rstrip() + "…")
            self.curves.append(curve)
        self.plot.enableAutoRange()


class DailyUseChart(QWidget):
    """Use per sol against the cap, per period, for energy, water or crew time (picked above)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Budget shown in the daily-use chart"))
        for key, title, unit in USE_KINDS:
            self.kind.addItem(unit_title(tr_text(title), tr_text(unit)), key)
        self.kind.currentIndexChanged.connect(lambda _i: self._draw())
        self.glw = _plot_area("planDailyUse", self.tr("Daily use against the cap chart"))
        self.plot = self.glw.addPlot(row=0, col=0)
        self.legend = _legend_below(self.glw)
        self.data: dict[str, tuple[Series, Series]] = {}
        self.bars: pg.BarGraphItem | None = None
        self.cap_curve: pg.PlotDataItem | None = None
        top = QHBoxLayout()
        label = QLabel(self.tr("Show"))
        label.setBuddy(self.kind)
        top.addWidget(label)
        top.addWidget(self.kind)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.glw, 1)
        self._draw()

    def show_use(self, data: dict[str, tuple[Series, Series]]) -> None:
        self.data = data
        self._draw()

    def _draw(self) -> None:
        key = self.kind.currentData()
        _k, title, unit = next(k for k in USE_KINDS if k[0] == key)
        title, unit = tr_text(title), tr_text(unit)
        self.plot.clear()
        self.legend.clear()
        _setup(
            self.plot,
            self.tr("{budget} used per sol against the daily cap").format(budget=title),
            self.tr("Sol (start of each period)"),
            unit_title(title, unit),
        )
        used, cap = self.data.get(key, (Series("used per sol", (), ()), Series("cap per sol", (), ())))
        if not used.x:
            return
        xs = np.array(used.x, dtype=float)
        width = float(np.min(np.diff(xs))) * 0.8 if len(xs) > 1 else 1.0
        self.bars = pg.BarGraphItem(
            x=xs + width / 2, height=_finite(used.y), width=width, brush="#93c5fd", pen="#1d4ed8"
        )
        self.plot.addItem(self.bars)
        self.legend.addItem(self.bars, self.tr("used per sol"))
        caps = _finite(cap.y)
        if np.isfinite(caps).any():
            step = width / 0.8
            cx = np.append(xs, xs[-1] + step)
            self.cap_curve = self.plot.plot(
                cx, caps, stepMode="center", pen=pg.mkPen(CAP_PEN, width=2, style=Qt.PenStyle.DashLine)
            )
            self.legend.addItem(self.cap_curve, self.tr("daily cap"))
        self.plot.enableAutoRange()


class SweepChart(QWidget):
    """Demand met (%) and waste diverted (kg) against the swept budget: two plots, one x axis."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.glw = _plot_area("planSweep", self.tr("What-if sweep chart"))
        self.met_plot = self.glw.addPlot(row=0, col=0)
        self.waste_plot = self.glw.addPlot(row=1, col=0)
        self.waste_plot.setXLink(self.met_plot)
        energy = BUDGET_INDEX["kwh_per_sol"]
        self.label = energy.title_text
        self._titles()
        self.met_curve = self.met_plot.plot([], [], pen=pg.mkPen(PALETTE[0], width=2), symbol="o", symbolSize=6)
        self.waste_curve = self.waste_plot.plot(
            [], [], pen=pg.mkPen(PALETTE[2], width=2), symbol="s", symbolSize=6, symbolBrush=PALETTE[2]
        )
        self.met_curve.setSymbolBrush(PALETTE[0])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.glw)

    def _titles(self) -> None:
        _setup(self.met_plot, self.tr("What if: demand met (priority-weighted)"), "", self.tr("Met (%)"))
        _setup(self.waste_plot, self.tr("Waste turned into products"), self.label, self.tr("Waste (kg)"))
        self.met_plot.setYRange(0, 100, padding=0.05)

    def set_axis(self, label: str) -> None:
        self.label = label
        self._titles()
        self.show_points([])

    def show_points(self, points: Sequence[tuple[float, float, float]]) -> None:
        """``points``: (budget value, demand met %, waste diverted kg), in budget order."""
        pts = sorted(points)
        xs = [p[0] for p in pts]
        self.met_curve.setData(xs, _finite([p[1] for p in pts]))
        self.waste_curve.setData(xs, _finite([p[2] for p in pts]))
        if xs:
            self.met_plot.enableAutoRange(axis="x")
            self.met_plot.setYRange(0, 100, padding=0.05)
            waste = [p[2] for p in pts if math.isfinite(p[2])]
            self.waste_plot.setYRange(0, max(1.0, max(waste, default=1.0)) * 1.05, padding=0)
