""" "How did you measure it?" in the Feedback panel: a measurement protocol a crew can run with what a
habitat has (docs/MEASURING.md), its readings, and the value and uncertainty they give, put into the
report's field (index fields stay: whoever has an index types it directly)."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from spacetrash_desktop.services import suggest as suggest_service
from spacetrash_desktop.services.suggest import Measurement
from spacetrash_desktop.ui.widgets import push_button, section_title

FIELD_WORDS = {
    "rigidity": QT_TRANSLATE_NOOP("MeasureWidget", "rigidity"),
    "tightness": QT_TRANSLATE_NOOP("MeasureWidget", "tightness"),
    "water_l": QT_TRANSLATE_NOOP("MeasureWidget", "water"),
    "energy_kwh": QT_TRANSLATE_NOOP("MeasureWidget", "energy"),
    "product_mass_kg": QT_TRANSLATE_NOOP("MeasureWidget", "product mass"),
}
# The protocols' titles, steps, readings and refusals (ml.measurements, English there) in the window's language
PROTOCOL_TEXTS = (
    QT_TRANSLATE_NOOP("MeasureWidget", "Three-point bend (known weight, ruler)"),
    QT_TRANSLATE_NOOP(
        "MeasureWidget",
        "Cut a straight strip, rest it on two supports, hang a known weight at the middle and read the sag "
        "against a ruler held beside it.",
    ),
    QT_TRANSLATE_NOOP("MeasureWidget", "Soak test (kitchen scale, ruler)"),
    QT_TRANSLATE_NOOP(
        "MeasureWidget", "Weigh a cut sample dry, keep it under water for a day, wipe the surface and weigh it again."
    ),
    QT_TRANSLATE_NOOP("MeasureWidget", "Water-column drip test (tube, ruler, scale, clock)"),
    QT_TRANSLATE_NOOP(
        "MeasureWidget",
        "Seal a tube on the part, fill it to a marked height, catch what comes through the wall and weigh it.",
    ),
    QT_TRANSLATE_NOOP("MeasureWidget", "Water used (tank on the scale)"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Weigh the water tank before and after the batch."),
    QT_TRANSLATE_NOOP("MeasureWidget", "Product mass (kitchen scale)"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Weigh the finished product."),
    QT_TRANSLATE_NOOP("MeasureWidget", "Energy used (meter)"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Read the energy meter before and after the batch."),
    QT_TRANSLATE_NOOP("MeasureWidget", "Weight hung at mid-span"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Span between the supports"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Width of the strip"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Thickness of the strip"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Sag at mid-span under the weight"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Local gravity"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Mass dry"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Mass after a day under water, wiped"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Length of the sample"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Width of the sample"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Thickness of the sample"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Height of the water column"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Wetted area of the wall"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Wall thickness"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Time watched"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Water that came through (weighed)"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Water tank before the batch"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Water tank after the batch"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Product on the kitchen scale"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Energy meter before the batch"),
    QT_TRANSLATE_NOOP("MeasureWidget", "Energy meter after the batch"),
    QT_TRANSLATE_NOOP("MeasureWidget", "The wet mass is below the dry mass: weigh again."),
    QT_TRANSLATE_NOOP("MeasureWidget", "More water than the sample's volume: check the dimensions."),
    QT_TRANSLATE_NOOP("MeasureWidget", "The tank weighs more after the batch than before."),
    QT_TRANSLATE_NOOP("MeasureWidget", "The meter reads less after the batch than before."),
)


def _tr(text: str) -> str:
    """A text of this module or of a protocol in the window's language (as it is when not translated)."""
    return QCoreApplication.translate("MeasureWidget", text)


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
        lay.addWidget(section_title(self.tr("How did you measure it?")))
        top = QHBoxLayout()
        self.protocol = QComboBox()
        self.protocol.setObjectName("measureProtocol")
        self.protocol.setAccessibleName(self.tr("Measurement"))
        self.protocol.addItem(self.tr("choose a measurement…"), None)
        for p in suggest_service.measurement_protocols():
            self.protocol.addItem(_tr(p.title), p.key)
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
            self.tr("Use this value"),
            self.tr("Put the value into the report (found by: measured; how: these readings)"),
            self.apply,
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
        self.steps.setText(html.escape(_tr(p.steps)) if p else "")
        if p is not None:
            self.grid.addWidget(QLabel("<b>" + self.tr("Reading") + "</b>"), 0, 0)
            self.grid.addWidget(QLabel("<b>" + self.tr("Value") + "</b>"), 0, 1)
            self.grid.addWidget(QLabel("<b>" + self.tr("± reading") + "</b>"), 0, 2)
            for r, q in enumerate(p.quantities, start=1):
                label = _tr(q.label)
                v = _spin(f"measure_{q.key}", f"{label} ({q.unit})", q.unit)
                if q.key == "gravity":
                    v.setValue(suggest_service.LOCAL_GRAVITY)
                u = _spin(
                    f"measure_{q.key}_unc",
                    self.tr("Reading uncertainty of {reading}").format(reading=label.lower()),
                    q.unit,
                )
                u.setValue(q.resolution)
                v.valueChanged.connect(self._recompute)
                u.valueChanged.connect(self._recompute)
                self.values[q.key], self.uncs[q.key] = v, u
                self.grid.addWidget(QLabel(label), r, 0)
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
            reason = refusal(str(exc), suggest_service.measurement_protocols_by_key()[key])
            self.result_label.setText(f"<span style='color:#b91c1c'>{html.escape(reason)}</span>")
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


def refusal(message: str, protocol) -> str:
    """The engine's reason a reading cannot give a value (ml.measurements), in the window's language."""
    for q in protocol.quantities:
        label, unit = q.label.lower(), q.unit
        if message == f"Enter the {label} ({unit}).":
            return _tr("Enter the {reading} ({unit}).").format(reading=_tr(q.label).lower(), unit=unit)
        if message == f"The {label} must be more than {q.minimum:g} {unit}.":
            return _tr("The {reading} must be more than {minimum} {unit}.").format(
                reading=_tr(q.label).lower(), minimum=QLocale().toString(float(q.minimum), "g", 6), unit=unit
            )
    return _tr(message)


QT_TRANSLATE_NOOP("MeasureWidget", "Enter the {reading} ({unit}).")
QT_TRANSLATE_NOOP("MeasureWidget", "The {reading} must be more than {minimum} {unit}.")


def _spin(name: str, accessible: str, unit: str) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setObjectName(name)
    s.setAccessibleName(accessible)
    s.setRange(0.0, 1e6)
    s.setDecimals(3 if unit in ("kg", "kWh") else 2)
    s.setSuffix(f" {unit}")
    return s


QT_TRANSLATE_NOOP("MeasureWidget", "95% range {low} to {high}")


def _number(x: float, field: str) -> str:
    """The value as the report's field takes it, in the window's language (0,523 in Spanish)."""
    locale = QLocale()
    if field in ("rigidity", "tightness"):
        return locale.toString(float(x), "f", 3)
    return locale.toString(float(x), "g", 3) if abs(x) < 1000 else locale.toString(float(x), "f", 0)


def describe_plain(m: Measurement) -> str:
    word = _tr(FIELD_WORDS[m.field]) if m.field in FIELD_WORDS else m.field
    bound = {"lower": _tr(" (at least)"), "upper": _tr(" (at most)")}.get(m.bound, "")
    locale = QLocale()
    unc = float(m.uncertainty)
    u = locale.toString(unc, "f", 3) if m.field in ("rigidity", "tightness") else locale.toString(unc, "g", 3)
    return QCoreApplication.translate("MeasureWidget", "{word} {value}{unit} ± {uncertainty}{bound}").format(
        word=word, value=_number(m.value, m.field), unit=UNITS.get(m.field, ""), uncertainty=u, bound=bound
    )


_BOUNDS = (QT_TRANSLATE_NOOP("MeasureWidget", " (at least)"), QT_TRANSLATE_NOOP("MeasureWidget", " (at most)"))


def describe(m: Measurement) -> str:
    lo, hi = m.low, m.high
    span = (
        _tr("95% range {low} to {high}").format(low=_number(lo, m.field), high=_number(hi, m.field))
        if math.isfinite(hi)
        else ""
    )
    return f"<b>→ {html.escape(describe_plain(m))}</b> &nbsp; {span}<br><span style='color:#4b5563'>{html.escape(m.how)}</span>"
