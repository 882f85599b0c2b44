"""Trade-offs tab: any two objectives against each other (pyqtgraph), the feasible Pareto front
highlighted and infeasible recipes dimmed, the target's minimum or cap on each axis as a line.
Clicking a point selects the recipe everywhere (Ctrl+click adds it); a selection made in the
Candidates table highlights its points. Two or three selected recipes are compared side by side."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.domain import PROPERTY_NAMES
from spacetrash_desktop.services.files import save_bytes
from spacetrash_desktop.ui.context import MAX_COMPARE, AppContext
from spacetrash_desktop.ui.i18n import current_language, number, percent
from spacetrash_desktop.ui.tasks import Task
from spacetrash_desktop.ui.views import (
    OBJECTIVES,
    STATUS_FEASIBLE,
    STATUS_FRONT,
    CandidateView,
    flags_text,
    fmt_interval,
    fmt_kg,
    fmt_value,
    items_text,
    objective_axis,
    objective_tip,
    objective_title,
    status_text,
    target_limit,
    target_summary_html,
    unit_suffix,
)
from spacetrash_desktop.ui.widgets import ask_save_path, make_action, push_button, restore_layout, save_layout, splitter

FRONT = ("#1d4ed8", "#1e3a8a")  # brush, pen
FEASIBLE = ("#93c5fd", "#60a5fa")
INFEASIBLE = ("#d1d5db", "#9ca3af")
SELECTED_PEN = "#f97316"
CAP_PEN = "#b91c1c"
COMPARE_HINT = QT_TRANSLATE_NOOP(
    "TradeoffsTab",
    "<b>Compare</b> — select two or three recipes (Ctrl+click points here or rows in the Candidates table)",
)


FRONT_NOTE = QT_TRANSLATE_NOOP(
    "TradeoffsTab",
    "Pareto front: no other feasible recipe is better in all five objectives (rigidity, tightness, energy, "
    "water, crew time). In a view of two of them a front point can look beaten: it wins in one of the others.",
)


def _tr(text: str) -> str:
    """A text of this module (marked with QT_TRANSLATE_NOOP("TradeoffsTab", ...)) in the window's language."""
    return QCoreApplication.translate("TradeoffsTab", text)


def tick_strings(values, scale: float, spacing: float) -> list[str]:
    """An axis's tick labels as pyqtgraph writes them (as many decimals as the spacing needs), in the
    window's language."""
    places = max(0, int(np.ceil(-np.log10(spacing * scale)))) if spacing > 0 and scale > 0 else 0
    return [number(float(v) * scale, places) for v in values]


def legend_html() -> str:
    """The legend, as a line of text under the plot (it never hides a point)."""
    dot = "<span style='color:{0}'>●</span>"
    return QCoreApplication.translate(
        "TradeoffsTab",
        "<span>{front} Pareto front (best over all 5 objectives) &nbsp; {dominated} feasible, dominated &nbsp; "
        "{infeasible} infeasible (near misses) &nbsp; {selected} selected &nbsp; {cap} target minimum or cap</span>",
    ).format(
        front=dot.format(FRONT[0]),
        dominated=dot.format(FEASIBLE[0]),
        infeasible=dot.format(INFEASIBLE[1]),
        selected=f"<span style='color:{SELECTED_PEN}'>○</span>",
        cap=f"<span style='color:{CAP_PEN}'>- - -</span>",
    )


def compose_image(plot: QImage, title: str, lines: list[str], legend: str) -> QImage:
    """``plot`` under a bold ``title`` and text ``lines``, with ``legend`` (HTML) below it, on white."""
    width = plot.width()
    doc = QTextDocument()
    doc.setTextWidth(width - 24)
    body = "".join(f"<p style='margin:2px 0'>{html.escape(t)}</p>" for t in lines)
    doc.setHtml(f"<p style='font-size:14pt;margin:0'><b>{html.escape(title)}</b></p>{body}")
    legend_doc = QTextDocument()
    legend_doc.setTextWidth(width - 24)
    legend_doc.setHtml(legend)
    head_h, legend_h = int(doc.size().height()) + 12, int(legend_doc.size().height()) + 12
    out = QImage(width, head_h + plot.height() + legend_h, QImage.Format.Format_ARGB32)
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.translate(12, 6)
    doc.drawContents(painter)
    painter.translate(-12, head_h - 6)
    painter.drawImage(0, 0, plot)
    painter.translate(12, plot.height() + 6)
    legend_doc.drawContents(painter)
    painter.end()
    return out


def _png_bytes(image) -> bytes:
    """Encode a QImage as PNG (safe off the GUI thread: QImage is not a widget)."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


class TradeoffsTab(QWidget):
    plot_updated = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tradeoffsTab")
        self.ctx = ctx
        self.view: CandidateView = CandidateView.empty()
        self.names = list(PROPERTY_NAMES)

        bar = self._build_axis_bar()
        self._build_plot()
        self.counts_text = ""  # the counts sentence of the info line (the exported image repeats it)
        self.info = QLabel(self.tr("Generate recipes in the Candidates tab; they appear here as they are found."))
        self.info.setObjectName("hint")
        self.info.setWordWrap(True)
        self.legend_label = QLabel(legend_html())
        self.legend_label.setObjectName("tradeoffLegend")
        self.legend_label.setToolTip(_tr(FRONT_NOTE))
        self.legend_label.setWordWrap(True)
        cw = self._build_compare()

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.plot, 1)
        tl.addWidget(self.legend_label)
        tl.addWidget(self.info)
        self.splitter = splitter(Qt.Orientation.Vertical, "tradeoffsSplit", (top, cw), (3, 2), (470, 370))

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.splitter, 1)

        for combo in (self.x_combo, self.y_combo):
            combo.currentIndexChanged.connect(lambda _i: self.redraw(autorange=True))
        ctx.results.view_changed.connect(self._view_changed)
        ctx.selection.changed.connect(self._selection_changed)
        self._selection_changed(ctx.selection.ids, ctx.selection.current, "")
        self.redraw(autorange=True)

    def _build_axis_bar(self) -> QHBoxLayout:
        """The axis pickers, Show infeasible, Clear selection and Export PNG, in one row."""
        self.x_combo = QComboBox()
        self.y_combo = QComboBox()
        for combo, acc in ((self.x_combo, self.tr("Horizontal axis")), (self.y_combo, self.tr("Vertical axis"))):
            combo.setAccessibleName(acc)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(150)  # full width when there is room, narrower on a small screen
            for name in self.names:
                combo.addItem(objective_axis(name), name)
                combo.setItemData(combo.count() - 1, objective_tip(name), Qt.ItemDataRole.ToolTipRole)
        self.x_combo.setCurrentIndex(self.names.index("energy_kwh"))
        self.y_combo.setCurrentIndex(self.names.index("rigidity"))
        self.infeasible_check = QCheckBox(self.tr("Show infeasible"))
        self.infeasible_check.setChecked(True)
        self.infeasible_check.setToolTip(self.tr("Show the near misses (dimmed): recipes that miss a target value"))
        self.infeasible_check.toggled.connect(lambda _on: self.redraw(autorange=True))
        self.export_png_action = make_action(
            self,
            self.tr("Export the trade-off plot as &PNG…"),
            self.choose_png_file,
            tip=self.tr("Save the plot as a PNG image"),
        )
        png = push_button(self.tr("Export PNG…"), self.export_png_action.toolTip(), self.export_png_action.trigger)
        clear = push_button(
            self.tr("Clear selection"), self.tr("Unselect every recipe"), lambda: self.ctx.selection.clear("plot")
        )

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Horizontal")))
        bar.addWidget(self.x_combo)
        bar.addWidget(QLabel(self.tr("Vertical")))
        bar.addWidget(self.y_combo)
        bar.addWidget(self.infeasible_check)
        bar.addStretch(1)
        bar.addWidget(clear)
        bar.addWidget(png)
        return bar

    def _build_plot(self) -> None:
        """The plot: its axes and legend, a scatter per kind of recipe, the selection rings, the
        target's minimum or cap on each axis and the notes that point to a cap out of view."""
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("tradeoffPlot")
        self.plot.setAccessibleName(self.tr("Trade-off plot"))
        pi = self.plot.getPlotItem()
        pi.showGrid(x=True, y=True, alpha=0.25)
        pi.setMenuEnabled(False)
        pi.hideButtons()
        for ax in ("left", "bottom"):
            axis = pi.getAxis(ax)
            axis.setTextPen("#374151")
            axis.setPen("#9ca3af")
            axis.enableAutoSIPrefix(False)  # an index from 0 to 1 must not become "600 (x0.001)"
            axis.setStyle(maxTickLevel=0)  # grid on major ticks only: the grid is most of the repaint cost
            if current_language() != "en":  # the tick numbers in the window's language (a decimal comma)
                axis.tickStrings = tick_strings
        # the legend is a line under the plot (legend_html), not a box over the points it would hide
        self.infeasible_item = self._scatter(INFEASIBLE[0], INFEASIBLE[1], 7, self.tr("Infeasible (near misses)"), 1)
        self.feasible_item = self._scatter(FEASIBLE[0], FEASIBLE[1], 8, self.tr("Feasible, dominated"), 2)
        self.front_item = self._scatter(FRONT[0], FRONT[1], 11, self.tr("Pareto front (feasible)"), 3)
        self.selected_item = pg.ScatterPlotItem(
            pxMode=True,
            size=20,
            brush=pg.mkBrush(None),
            pen=pg.mkPen(SELECTED_PEN, width=3),
            name=self.tr("Selected"),
            antialias=True,
        )
        self.selected_item.setZValue(4)
        self.selected_item.sigClicked.connect(self._clicked)  # the ring sits on top of its point: same click
        pi.addItem(self.selected_item)
        cap_pen = pg.mkPen(CAP_PEN, width=1.5, style=Qt.PenStyle.DashLine)
        # the lines carry no label over the data: the axis titles say "target min 0.45 (red dashed line)"
        self.vcap = pg.InfiniteLine(angle=90, pen=cap_pen)
        self.hcap = pg.InfiniteLine(angle=0, pen=cap_pen)
        for line in (self.vcap, self.hcap):
            line.setZValue(0.5)  # under the points
            pi.addItem(line, ignoreBounds=True)
        self.cap_text = ["", ""]  # 'target cap 2 kWh' of the horizontal and vertical axis
        self.cap_off = [None, None]  # 'high' / 'low' when a limit is outside the shown range

    def _scatter(self, brush: str, pen: str, size: int, name: str, z: float) -> pg.ScatterPlotItem:
        item = pg.ScatterPlotItem(
            pxMode=True,
            size=size,
            brush=pg.mkBrush(brush),
            pen=pg.mkPen(pen, width=1),
            name=name,
            hoverable=True,
            tip=self._tip,
            antialias=True,
        )
        item.setZValue(z)
        item.sigClicked.connect(self._clicked)
        self.plot.getPlotItem().addItem(item)
        return item

    def _build_compare(self) -> QWidget:
        """The side-by-side comparison of the selected recipes, under its title."""
        self.compare = QTableWidget()
        self.compare.setObjectName("compareTable")
        self.compare.setAccessibleName(self.tr("Side-by-side comparison"))
        self.compare.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.compare.setWordWrap(True)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.compare_title = QLabel(_tr(COMPARE_HINT))
        self.compare_title.setWordWrap(True)
        cw = QWidget()
        cl = QVBoxLayout(cw)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.compare_title)
        cl.addWidget(self.compare, 1)
        cw.setVisible(False)  # shown once a recipe is selected: until then the plot has the room
        self.compare_side = cw
        return cw

    # ------------------------------------------------------------------ data
    @property
    def x_name(self) -> str:
        return self.x_combo.currentData()

    @property
    def y_name(self) -> str:
        return self.y_combo.currentData()

    def _view_changed(self, view: CandidateView) -> None:
        self.view = view
        self.redraw(autorange=True)  # the front grows while a run streams in
        self._selection_changed(self.ctx.selection.ids, self.ctx.selection.current, "")

    def redraw(self, autorange: bool = False) -> None:
        view = self.view
        ix, iy = self.names.index(self.x_name), self.names.index(self.y_name)
        x, y = view.values[:, ix], view.values[:, iy]
        rows = np.arange(len(view))
        status = view.status
        masks = (
            (self.front_item, status == STATUS_FRONT),
            (self.feasible_item, status == STATUS_FEASIBLE),
            (self.infeasible_item, (status > STATUS_FEASIBLE) & self.infeasible_check.isChecked()),
        )
        for item, m in masks:
            item.setData(x=x[m], y=y[m], data=rows[m])
        target = view.target or self.ctx.target
        lims = []
        for k, (line, name) in enumerate(((self.vcap, self.x_name), (self.hcap, self.y_name))):
            if target is None:
                line.setVisible(False)
                lims.append(None)
                self.cap_text[k] = ""
                continue
            limit, kind = target_limit(target, name)
            line.setValue(limit)
            cap = self.tr("target min {limit}") if kind == "min" else self.tr("target cap {limit}")
            self.cap_text[k] = cap.format(limit=f"{number(float(limit), 6).rstrip('0').rstrip(',.')}") + unit_suffix(
                OBJECTIVES[name][1]
            )
            line.setVisible(True)
            lims.append(limit)
        n_front = int(np.sum(status == STATUS_FRONT))
        n_feas = int(np.sum(status == STATUS_FEASIBLE))
        n_inf = int(np.sum(status > STATUS_FEASIBLE))
        if len(view):
            state = self.tr("final") if view.final else self.tr("streaming in…")
            self.counts_text = self.tr(
                "{front} on the Pareto front · {feasible} feasible but dominated · {near} near misses ({state})."
            ).format(front=n_front, feasible=n_feas, near=n_inf, state=state)
            self.info.setText(
                self.tr(
                    "{counts} The front is the best over all five objectives: a front point can look beaten in "
                    "these two and be better in another. Click a point to select it; Ctrl+click to compare."
                ).format(counts=self.counts_text)
            )
        if autorange:
            self._autorange(x, y, lims)
        self._set_axis_titles()
        self._update_selected_markers()
        self.plot_updated.emit()

    def _autorange(self, x: np.ndarray, y: np.ndarray, lims) -> None:
        """Fit the shown points; include a cap line when it is near the data, else point to it."""
        pi = self.plot.getPlotItem()
        shown = np.zeros(len(x), bool)
        for item in (self.front_item, self.feasible_item, self.infeasible_item):
            d = item.data["data"]
            if len(d):
                shown[np.asarray(d, int)] = True
        ranges = []
        far = []
        for values, lim in ((x[shown], lims[0]), (y[shown], lims[1])):
            vals = [float(v) for v in values if np.isfinite(v)]
            if not vals:
                vals = [0.0, 1.0] if lim is None else [0.0, float(lim)]
            lo, hi = min(vals), max(vals)
            span = hi - lo or max(abs(hi), 1.0) * 0.2
            off = None
            if lim is not None:
                if lo - span <= lim <= hi + span:  # near enough: show the line itself
                    lo, hi = min(lo, lim), max(hi, lim)
                else:
                    off = "high" if lim > hi else "low"
            span = hi - lo or max(abs(hi), 1.0) * 0.2
            ranges.append((lo - 0.06 * span, hi + 0.08 * span))
            far.append(off)
        (x0, x1), (y0, y1) = ranges
        pi.setXRange(x0, x1, padding=0)
        pi.setYRange(y0, y1, padding=0)
        self.cap_off = far

    def _set_axis_titles(self) -> None:
        """Each axis: what it shows, then the target's limit on it (the red dashed line), or where that
        limit is when it is outside the shown range."""
        pi = self.plot.getPlotItem()
        where = {
            ("bottom", "high"): self.tr("beyond the right edge"),
            ("bottom", "low"): self.tr("beyond the left edge"),
            ("left", "high"): self.tr("beyond the top edge"),
            ("left", "low"): self.tr("beyond the bottom edge"),
        }
        for k, (axis, name) in enumerate((("bottom", self.x_name), ("left", self.y_name))):
            unit = OBJECTIVES[name][1]
            # the vertical axis's title runs along the plot's height: the short form fits it
            text = objective_axis(name) if axis == "bottom" else f"{objective_title(name)} ({unit})"
            cap = self.cap_text[k]
            if cap:
                off = self.cap_off[k]
                tail = where[(axis, off)] if off else (self.tr("red dashed line") if axis == "bottom" else "- - -")
                text += f"  ·  <span style='color:{CAP_PEN}'>{cap} ({tail})</span>"
            if pi.getAxis(axis).labelText != text:
                pi.setLabel(axis, text, color="#1f2937", size="10pt")

    def _tip(self, x, y, data) -> str:
        cand = self.view.candidates[int(data)] if 0 <= int(data) < len(self.view) else None
        if cand is None:
            return ""
        status = status_text(cand, int(self.view.status[int(data)]))
        return (
            f"{items_text(cand)}\n{cand.process_name} · {status}\n"
            f"{objective_title(self.x_name)} {fmt_value(self.x_name, x)} · "
            f"{objective_title(self.y_name)} {fmt_value(self.y_name, y)}"
        )

    # ------------------------------------------------------------------ selection
    def _clicked(self, item, points, ev) -> None:
        if points is None or len(points) == 0:
            return
        row = int(points[0].data())
        if not 0 <= row < len(self.view):
            return
        rid = self.view.ids[row]
        additive = bool(ev.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
        if additive:
            self.ctx.selection.toggle(rid, "plot")
        else:
            self.ctx.selection.set([rid], rid, "plot")
        ev.accept()

    def point_position(self, row: int):
        """Where the point of ``row`` is drawn, in the plot widget's viewport coordinates."""
        ix, iy = self.names.index(self.x_name), self.names.index(self.y_name)
        vb = self.plot.getPlotItem().getViewBox()
        scene = vb.mapViewToScene(QPointF(float(self.view.values[row, ix]), float(self.view.values[row, iy])))
        return self.plot.mapFromScene(scene)

    def _update_selected_markers(self) -> None:
        rows = [self.view.row_of[i] for i in self.ctx.selection.ids if i in self.view.row_of]
        ix, iy = self.names.index(self.x_name), self.names.index(self.y_name)
        if rows:
            r = np.array(rows, int)
            self.selected_item.setData(x=self.view.values[r, ix], y=self.view.values[r, iy], data=r)
        else:
            self.selected_item.setData(x=[], y=[])

    @property
    def selected_rows(self) -> list[int]:
        d = self.selected_item.data["data"]
        return [int(v) for v in d] if len(d) else []

    def _selection_changed(self, ids, current, source: str) -> None:
        self._update_selected_markers()
        self._fill_compare(ids)

    def _fill_compare(self, ids) -> None:
        fill_compare(self, ids)

    # ------------------------------------------------------------------ export
    def choose_png_file(self) -> None:
        path = ask_save_path(self, self.tr("Export the plot"), "trade-offs.png", "PNG (*.png)")
        if path:
            self.export_png(path)

    def export_png(self, path: str) -> Task:
        image = self.export_image()  # on the GUI thread; encoding and writing go to the worker

        def work(_c):
            save_bytes(path, _png_bytes(image), what="the plot image")
            return path

        return self.ctx.runner.submit(
            work,
            pool="io",
            label=self.tr("the plot export"),
            on_done=lambda p: self.ctx.say(self.tr("Plot saved to {path}").format(path=p), 8000),
        )

    def export_image(self) -> QImage:
        """The plot as a picture that stands on its own (see :func:`standalone_image`)."""
        return standalone_image(self)

    def save_state(self, settings) -> None:
        settings.setValue("tradeoffs/x", self.x_name)
        settings.setValue("tradeoffs/y", self.y_name)
        save_layout(settings, {"tradeoffs/splitter": self.splitter})

    def restore_state(self, settings) -> None:
        for key, combo in (("tradeoffs/x", self.x_combo), ("tradeoffs/y", self.y_combo)):
            i = combo.findData(settings.value(key, ""))
            if i >= 0:
                combo.setCurrentIndex(i)
        restore_layout(settings, {"tradeoffs/splitter": self.splitter})


def standalone_image(tab: TradeoffsTab) -> QImage:
    """The plot as a picture that stands on its own: a title (the two objectives), the target and
    its limits, the plot, and the legend with the note on the Pareto front."""
    plot = tab.plot.grab().toImage()
    view = tab.view
    target = view.target or tab.ctx.target
    y_title, x_title = objective_title(tab.y_name), objective_title(tab.x_name).lower()
    if target is not None:
        title = QCoreApplication.translate("TradeoffsTab", "{y} against {x} for {target}").format(
            y=y_title, x=x_title, target=target.name
        )
    else:
        title = QCoreApplication.translate("TradeoffsTab", "{y} against {x}").format(y=y_title, x=x_title)
    lines = [
        target_summary_html(target, tab.ctx.time_budget_s).replace("<b>", "").replace("</b>", "")
        if target is not None
        else "",
        tab.counts_text if len(view) else "",
    ]
    lines = [html.unescape(t) for t in lines if t]
    return compose_image(plot, title, lines, legend_html())


def fill_compare(tab: TradeoffsTab, ids) -> None:
    """The side-by-side table of the selected recipes (the last MAX_COMPARE), best values in bold."""
    cands = [c for c in (tab.view.candidate(i) for i in ids) if c is not None][-MAX_COMPARE:]
    if tab.compare_side.isHidden() == bool(cands):
        tab.compare_side.setVisible(bool(cands))
    if not cands and tab.compare.columnCount() == 0 and len(ids) <= MAX_COMPARE:
        tab.compare_title.setText(_tr(COMPARE_HINT))
        return  # nothing to compare before or after: a partial result does not rebuild the table
    target = tab.view.target or tab.ctx.target
    fields = [
        QCoreApplication.translate("TradeoffsTab", "Items"),
        QCoreApplication.translate("TradeoffsTab", "Regolith"),
        QCoreApplication.translate("TradeoffsTab", "Process"),
        *(f"{objective_title(n)} ({OBJECTIVES[n][1]})" for n in PROPERTY_NAMES),
        QCoreApplication.translate("TradeoffsTab", "Feasibility"),
        QCoreApplication.translate("TradeoffsTab", "Pareto rank"),
        QCoreApplication.translate("TradeoffsTab", "Hard waste"),
        QCoreApplication.translate("TradeoffsTab", "Warnings"),
        QCoreApplication.translate("TradeoffsTab", "Recipe ID"),
    ]
    tab.compare.clear()
    tab.compare.setRowCount(len(fields))
    tab.compare.setColumnCount(len(cands))
    tab.compare.setVerticalHeaderLabels(fields)
    tab.compare.setHorizontalHeaderLabels(
        [QCoreApplication.translate("TradeoffsTab", "Recipe {n}").format(n=k + 1) for k in range(len(cands))]
    )
    if len(ids) > MAX_COMPARE:
        tab.compare_title.setText(
            QCoreApplication.translate(
                "TradeoffsTab", "<b>Compare</b> — the last {n} of the {total} selected recipes"
            ).format(n=MAX_COMPARE, total=len(ids))
        )
    elif len(cands) >= 2:
        tab.compare_title.setText(
            QCoreApplication.translate(
                "TradeoffsTab", "<b>Compare</b> — {n} recipes side by side (best value in bold)"
            ).format(n=len(cands))
        )
    else:
        tab.compare_title.setText(_tr(COMPARE_HINT))
    bold = QFont(tab.font())
    bold.setBold(True)
    for col, c in enumerate(cands):
        values = [
            items_text(c),
            f"{percent(c.recipe.regolith_frac)} ({fmt_kg(float(c.details.get('regolith_kg', 0.0)))})",
            c.process_name,
        ]
        values += [fmt_interval(n, c.values[n], c.low[n], c.high[n]) for n in PROPERTY_NAMES]
        values += [
            QCoreApplication.translate("CandidateViews", str(c.status)),  # 'feasible' of views.STATUS_TEXT
            str(c.pareto_rank) if c.pareto_rank > 0 else "–",
            percent(c.preference),
            flags_text(c) or QCoreApplication.translate("TradeoffsTab", "none"),
            c.recipe_id,
        ]
        for row, text in enumerate(values):
            it = QTableWidgetItem(text)
            it.setToolTip(text)
            tab.compare.setItem(row, col, it)
    if len(cands) >= 2:
        for k, name in enumerate(PROPERTY_NAMES):
            higher = OBJECTIVES[name][3]
            vals = [c.values[name] for c in cands]
            best = int(np.argmax(vals) if higher else np.argmin(vals))
            it = tab.compare.item(3 + k, best)
            it.setFont(bold)
            it.setForeground(QBrush(QColor("#166534")))
            if target is not None:
                for col, c in enumerate(cands):
                    limit, kind = target_limit(target, name)
                    bad = c.values[name] < limit if kind == "min" else c.values[name] > limit
                    if bad:
                        tab.compare.item(3 + k, col).setForeground(QBrush(QColor("#b91c1c")))
    tab.compare.resizeRowsToContents()
