""" "How did you measure it?" in the Feedback panel: a measurement protocol a crew can run with what a
habitat has (docs/MEASURING.md), its readings, and the value and uncertainty they give, put into the
report's field (index fields stay: whoever has an index types it directly)."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from spacetrash_desktop.services import suggest as suggest_service
from spacetrash_desktop.services.suggest import Measurement
from spacetrash_desktop.ui.widgets import push_button, section_title

FIELD_WORDS = {
    "rigidity": "rigidity",
    "tightness": "tightness",
    "water_l": "water",
    "energy_kwh": "energy",
    "product_mass_kg": "product mass",
}
UNITS = {"rigidity": "", "tightness": "", "water_l": " L", "energy_kwh": " kWh", "product_mass_kg": " kg"}


class MeasureWidget(QWidget):
    """Protocol choice, readings (each with its reading uncertainty), the result, "Use this value"."""

    applied = Signal(object)  # Measurement

    def __init__(self, entry, parent: QWidget | None = None):
        """``entry``: the form's ReportEntry (``fields[key].edit``, ``methods``, ``hows``)."""
        super().__init__(parent)
        self.setObjectName("measureWidget")
        self.entry = entry
        self.result: Measurement | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(section_title("How did you measure it?"))
        top = QHBoxLayout()
        self.protocol = QComboBox()
        self.protocol.setObjectName("measureProtocol")
        self.protocol.setAccessibleName("Measurement")
        self.protocol.addItem("choose a measurement…", None)
        for p in suggest_service.measurement_protocols():
            self.protocol.addItem(p.title, p.key)
        self.protocol.currentIndexChanged.connect(self._protocol_changed)
        top.addWidget(self.protocol, 1)
        lay.addLayout(top)
        self.steps = QLabel("")
        self.steps.setObjectName("hint")
        self.steps.setWordWrap(True)
        lay.addWidget(self.steps)
        self.grid = QGridLayout()
        lay.addLayout(self.grid)
        self.result_label = QLabel("")
        self.result_label.setObjectName("measureResult")
        self.result_label.setWordWrap(True)
        lay.addWidget(self.result_label)
        self.apply_button = push_button(
            "Use this value", "Put the value into the report (found by: measured; how: these readings)", self.apply
        )
        row = QHBoxLayout()
        row.addWidget(self.apply_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.values: dict[str, QDoubleSpinBox] = {}
        self.uncs: dict[str, QDoubleSpinBox] = {}
        self._protocol_changed()

    def choose(self, key: str) -> None:
        i = self.protocol.findData(key)
        if i >= 0:
            self.protocol.setCurrentIndex(i)

    def set_reading(self, key: str, value: float) -> None:
        self.values[key].setValue(value)

    def _protocol_changed(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.values, self.uncs = {}, {}
        key = self.protocol.currentData()
        p = suggest_service.measurement_protocols_by_key().get(key) if key else None
        self.steps.setText(html.escape(p.steps) if p else "")
        if p is not None:
            self.grid.addWidget(QLabel("<b>Reading</b>"), 0, 0)
            self.grid.addWidget(QLabel("<b>Value</b>"), 0, 1)
            self.grid.addWidget(QLabel("<b>± reading</b>"), 0, 2)
            for r, q in enumerate(p.quantities, start=1):
                v = _spin(f"measure_{q.key}", f"{q.label} ({q.unit})", q.unit)
                if q.key == "gravity":
                    v.setValue(suggest_service.LOCAL_GRAVITY)
                u = _spin(f"measure_{q.key}_unc", f"Reading uncertainty of {q.label.lower()}", q.unit)
                u.setValue(q.resolution)
                v.valueChanged.connect(self._recompute)
                u.valueChanged.connect(self._recompute)
                self.values[q.key], self.uncs[q.key] = v, u
                self.grid.addWidget(QLabel(q.label), r, 0)
                self.grid.addWidget(v, r, 1)
                self.grid.addWidget(u, r, 2)
        self._recompute()

    def _recompute(self) -> None:
        key = self.protocol.currentData()
        self.result = None
        if not key:
            self.result_label.setText("")
            self.apply_button.setEnabled(False)
            return
        values = {k: s.value() for k, s in self.values.items()}
        uncs = {k: s.value() for k, s in self.uncs.items()}
        try:
            self.result = suggest_service.measure(key, values, uncs)
        except suggest_service.MeasurementError as exc:
            self.result_label.setText(f"<span style='color:#b91c1c'>{html.escape(str(exc))}</span>")
        else:
            self.result_label.setText(describe(self.result))
        self.apply_button.setEnabled(self.result is not None)

    def apply(self) -> None:
        m = self.result
        if m is None:
            return
        field = self.entry.fields.get(m.field)
        if field is not None:
            field.edit.setText(_number(m.value, m.field))
        if m.field in self.entry.methods:
            combo = self.entry.methods[m.field]
            combo.setCurrentIndex(combo.findData("measured"))
            self.entry.hows[m.field].setText(f"{m.how}; {describe_plain(m)}")
        self.applied.emit(m)


def _spin(name: str, accessible: str, unit: str) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setObjectName(name)
    s.setAccessibleName(accessible)
    s.setRange(0.0, 1e6)
    s.setDecimals(3 if unit in ("kg", "kWh") else 2)
    s.setSuffix(f" {unit}")
    return s


def _number(x: float, field: str) -> str:
    if field in ("rigidity", "tightness"):
        return f"{x:.3f}"
    return f"{x:.3g}" if abs(x) < 1000 else f"{x:.0f}"


def describe_plain(m: Measurement) -> str:
    word = FIELD_WORDS.get(m.field, m.field)
    bound = {"lower": " (at least)", "upper": " (at most)"}.get(m.bound, "")
    u = f"{m.uncertainty:.3f}" if m.field in ("rigidity", "tightness") else f"{m.uncertainty:.3g}"
    return f"{word} {_number(m.value, m.field)}{UNITS.get(m.field, '')} ± {u}{bound}"


def describe(m: Measurement) -> str:
    lo, hi = m.low, m.high
    span = f"95% range {_number(lo, m.field)} to {_number(hi, m.field)}" if math.isfinite(hi) else ""
    return f"<b>→ {html.escape(describe_plain(m))}</b> &nbsp; {span}<br><span style='color:#4b5563'>{html.escape(m.how)}</span>"
