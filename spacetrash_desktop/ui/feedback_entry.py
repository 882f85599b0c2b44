"""The crew's report on one recipe, as typed: the results (rigidity and tightness 0–1, each measured
or judged and how; energy, water, crew time, product mass), pass / fail / not known, notes and who
(remembered). Every number is checked as it is typed and refused at its field with the reason; the
form (``feedback_form.py``) saves what :meth:`ReportEntry.report` returns."""

from __future__ import annotations

import json
import math
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.common import parse_number
from spacetrash_desktop.ui.feedback_views import PROP_UNITS, REPORT_PROPS, MadeRecipe, prop_title
from spacetrash_desktop.ui.widgets import CheckedNumberField, mark_invalid, section_title

FIELD_TIPS = {
    "rigidity": QT_TRANSLATE_NOOP(
        "ReportEntry",
        "How stiff the product turned out, as the 0–1 rigidity index: 0 = soft foam or draped fabric, "
        "0.37 = LDPE sheet, 0.57 = HDPE board, 0.71 = PET/nylon part, 0.86 = fibre composite, "
        "1 = metal frame.",
    ),
    "tightness": QT_TRANSLATE_NOOP(
        "ReportEntry",
        "How well it holds liquid and gas, 0–1: 0 = loose shred or mesh, 0.2 = woven fabric (dust), "
        "0.5 = compacted tile (splash-proof), 0.8 = fused sheet (water-tight), 1 = gas-tight film.",
    ),
    "energy_kwh": QT_TRANSLATE_NOOP(
        "ReportEntry", "Electrical energy the batch actually used (heater, press, machine), in kilowatt-hours."
    ),
    "water_l": QT_TRANSLATE_NOOP(
        "ReportEntry",
        "Water the batch actually used (rinsing, cleaning, process water), net of what was recovered, in litres.",
    ),
    "crew_min": QT_TRANSLATE_NOOP(
        "ReportEntry", "Hands-on crew time the batch actually took (sorting, loading, finishing), in minutes."
    ),
    "product_mass_kg": QT_TRANSLATE_NOOP(
        "ReportEntry", "Mass of usable product that came out of the batch, in kilograms."
    ),
}
HOW_PLACEHOLDER = {
    "rigidity": QT_TRANSLATE_NOOP("ReportEntry", "how: e.g. 3-point bend of a 10 cm strip, or pressed by hand"),
    "tightness": QT_TRANSLATE_NOOP("ReportEntry", "how: e.g. held 1 L of water for an hour without a drip"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportEntry", text)


def _g(x: float) -> str:
    """A limit or a typed value in the window's language (decimal comma in Spanish)."""
    return QLocale().toString(float(x), "g", 6)


INDEX_PROPS = ("rigidity", "tightness")  # 0–1, each measured or judged, and how
WHO_HISTORY = 12


class ReportField(CheckedNumberField):
    """An optional number with its unit: empty is allowed (not reported); anything else must be a
    number in range, or it is refused here with the reason."""

    def __init__(self, key: str, unit: str, lo: float, hi: float | None, parent: QWidget | None = None):
        title = prop_title(key)
        allowed = (
            QCoreApplication.translate("ReportEntry", "{lo} to {hi}").format(lo=_g(lo), hi=_g(hi))
            if hi is not None
            else QCoreApplication.translate("ReportEntry", "{lo} or more").format(lo=_g(lo))
        )
        tip = (
            _tr(FIELD_TIPS[key])
            + "\n"
            + QCoreApplication.translate(
                "ReportEntry", "Allowed: {allowed} {unit}. Leave it empty if it was not measured or judged."
            ).format(allowed=allowed, unit=unit)
        )
        super().__init__(
            key,
            title,
            unit,
            lo,
            hi,
            edit_name=f"feedback_{key}",
            accessible=f"{title} ({unit})",
            tip=tip,
            width=110,
            parent=parent,
        )
        self.edit.setPlaceholderText(QCoreApplication.translate("ReportEntry", "not reported"))
        self.fit_edit_width()
        self.edit.textChanged.connect(self._edited)

    def _edited(self, text: str) -> None:
        s = text.strip()
        unit = "" if self.unit == "0–1" else f" {self.unit}"
        self._value = None
        if not s:
            self._set_reason("")
        else:
            x = parse_number(s, decimal_comma=QLocale().decimalPoint() == ",")  # 0,523 in Spanish
            if x is None or not math.isfinite(x):
                reason = (
                    QCoreApplication.translate(
                        "ReportEntry",
                        "'{text}' is not a number: type a value from {lo} to {hi}{unit}, or leave it empty.",
                    )
                    if self.hi is not None
                    else QCoreApplication.translate(
                        "ReportEntry",
                        "'{text}' is not a number: type a value of {lo} or more{unit}, or leave it empty.",
                    )
                )
                hi = _g(self.hi) if self.hi is not None else ""
                self._set_reason(reason.format(text=s[:30], lo=_g(self.lo), hi=hi, unit=unit))
            elif x < self.lo:
                reason = (
                    QCoreApplication.translate("ReportEntry", "Cannot be negative: {x} is below {lo}{unit}.")
                    if self.lo == 0
                    else QCoreApplication.translate("ReportEntry", "Too low: {x} is below the minimum of {lo}{unit}.")
                )
                self._set_reason(reason.format(x=_g(x), lo=_g(self.lo), unit=unit))
            elif self.hi is not None and x > self.hi:
                self._set_reason(
                    QCoreApplication.translate(
                        "ReportEntry", "Too high: {x} is above the maximum of {hi}{unit}."
                    ).format(x=_g(x), hi=_g(self.hi), unit=unit)
                )
            else:
                self._value = float(x)
                self._set_reason("")
        self.changed.emit()


class ReportEntry(QWidget):
    """What the crew found and the outcome; :attr:`changed` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackReport")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(section_title(self.tr("What the crew found")))
        lay.addLayout(self._build_results())
        lay.addWidget(section_title(self.tr("Outcome")))
        lay.addLayout(self._build_outcome())

    def _build_results(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel("<b>" + self.tr("Actual") + "</b>"), 0, 1, 1, 2)
        grid.addWidget(QLabel("<b>" + self.tr("Found by") + "</b>"), 0, 3)
        grid.addWidget(QLabel("<b>" + self.tr("Predicted [95% interval]") + "</b>"), 0, 4)
        self.fields: dict[str, ReportField] = {}
        self.methods: dict[str, QComboBox] = {}
        self.hows: dict[str, QLineEdit] = {}
        self.method_errors: dict[str, QLabel] = {}
        self.predicted_labels: dict[str, QLabel] = {}
        row = 1
        for key in REPORT_PROPS:
            index = key in INDEX_PROPS
            f = ReportField(key, PROP_UNITS[key], 0.0, 1.0 if index else None)
            f.changed.connect(self.changed)
            self.fields[key] = f
            pred = QLabel("–")
            pred.setObjectName("hint")
            pred.setToolTip(
                self.tr("What was predicted for {property}, with its 95% interval").format(
                    property=prop_title(key).lower()
                )
            )
            self.predicted_labels[key] = pred
            grid.addWidget(f.label, row, 0)
            grid.addWidget(f.edit, row, 1)
            grid.addWidget(f.unit_label, row, 2)
            grid.addWidget(pred, row, 4)
            if index:
                self._add_method_rows(grid, key, row)
                grid.addWidget(f.error, row + 2, 1, 1, 4)
                grid.addWidget(self.method_errors[key], row + 3, 1, 1, 4)
                row += 4
            else:
                grid.addWidget(f.error, row + 1, 1, 1, 4)
                row += 2
        grid.setColumnStretch(4, 1)
        return grid

    def _add_method_rows(self, grid: QGridLayout, key: str, row: int) -> None:
        """ "Found by" (measured / judged) and "how" for a 0–1 index."""
        title = prop_title(key).lower()
        combo = QComboBox()
        combo.setObjectName(f"feedback_{key}_method")
        combo.setAccessibleName(self.tr("How {property} was found").format(property=title))
        combo.addItem(self.tr("choose…"), None)
        combo.addItem(self.tr("measured"), "measured")
        combo.addItem(self.tr("judged"), "judged")
        combo.setToolTip(self.tr("measured: with an instrument or a repeatable test; judged: by hand and eye"))
        combo.currentIndexChanged.connect(self.changed)
        how = QLineEdit()
        how.setObjectName(f"feedback_{key}_how")
        how.setPlaceholderText(_tr(HOW_PLACEHOLDER[key]))
        how.setAccessibleName(self.tr("What was measured for {property} and how").format(property=title))
        how.setToolTip(
            self.tr(
                "What was measured and how (the test, the instrument, the sample), or what the judgement was based on"
            )
        )
        how.setMaxLength(2000)
        merr = QLabel("")
        merr.setObjectName("fieldError")
        merr.setWordWrap(True)
        merr.setVisible(False)
        self.methods[key], self.hows[key], self.method_errors[key] = combo, how, merr
        grid.addWidget(combo, row, 3)
        grid.addWidget(how, row + 1, 1, 1, 4)

    def _build_outcome(self) -> QGridLayout:
        ol = QGridLayout()
        ol.setHorizontalSpacing(8)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        rb = QHBoxLayout()
        for key, text, tip in (
            ("passed", self.tr("Passed"), self.tr("The product does the job it was made for")),
            ("failed", self.tr("Failed"), self.tr("The product does not do the job")),
            ("unknown", self.tr("Not known yet"), self.tr("Not tried in use yet")),
        ):
            b = QRadioButton(text)
            b.setObjectName(f"feedback_outcome_{key}")
            b.setToolTip(tip)
            self.outcome_group.addButton(b)
            self.outcome_buttons[key] = b
            rb.addWidget(b)
        rb.addStretch(1)
        self.outcome_buttons["unknown"].setChecked(True)
        for b in self.outcome_buttons.values():
            b.toggled.connect(self.changed)
        ol.addWidget(QLabel(self.tr("Pass / fail")), 0, 0)
        ol.addLayout(rb, 0, 1)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("feedback_notes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Anything worth knowing: defects, smell, what you would change…"))
        self.notes.setToolTip(self.tr("Free notes about the batch and the product"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(QFontMetrics(self.font()).height() * 4 + 14)
        notes_label = QLabel(self.tr("Notes"))
        notes_label.setBuddy(self.notes)
        ol.addWidget(notes_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        ol.addWidget(self.notes, 1, 1)
        self.who = QComboBox()
        self.who.setObjectName("feedback_who")
        self.who.setEditable(True)
        self.who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.who.setAccessibleName(self.tr("Who reports"))
        self.who.setToolTip(self.tr("Your name or call sign (remembered for next time)"))
        self.who.lineEdit().setPlaceholderText(self.tr("your name"))
        self.who.lineEdit().setMaxLength(200)
        who_label = QLabel(self.tr("Who"))
        who_label.setBuddy(self.who)
        ol.addWidget(who_label, 2, 0)
        ol.addWidget(self.who, 2, 1)
        ol.setColumnStretch(1, 1)
        return ol

    def show_predicted(self, made: MadeRecipe | None) -> None:
        """What was predicted for each property of the chosen recipe ("–" when none)."""
        for key, lab in self.predicted_labels.items():
            lab.setText("–" if made is None else made.predicted_text(key))

    def report(self) -> dict[str, Any]:
        """The crew's report as services.feedback REPORT_FIELDS (only what was given)."""
        out: dict[str, Any] = {}
        for key, f in self.fields.items():
            v = f.value()
            if v is not None:
                out[key] = v
        for key, combo in self.methods.items():
            if key in out and combo.currentData():
                out[f"{key}_method"] = combo.currentData()
            how = self.hows[key].text().strip()
            if key in out and how:
                out[f"{key}_how"] = how
        if self.outcome_buttons["passed"].isChecked():
            out["passed"] = True
        elif self.outcome_buttons["failed"].isChecked():
            out["passed"] = False
        notes = self.notes.toPlainText().strip()
        if notes:
            out["notes"] = notes
        who = self.who.currentText().strip()
        if who:
            out["who"] = who
        return out

    def problems(self) -> list[tuple[bool, str]]:
        """(shown at a field?, why) for everything in the report that stops Save; marks the
        "found by" boxes left open."""
        out: list[tuple[bool, str]] = []
        for key, f in self.fields.items():
            if f.reason:
                out.append((True, f"{prop_title(key)}: {f.reason}"))
        for key, combo in self.methods.items():
            reason = self._method_problem(key, combo)
            err = self.method_errors[key]
            err.setText(reason)
            err.setVisible(bool(reason))
            mark_invalid(combo, bool(reason))
            if reason:
                out.append((True, reason))
        if not any(f.value() is not None for f in self.fields.values()) and self.outcome_buttons["unknown"].isChecked():
            out.append((False, self.tr("Enter at least one result (a value, or passed / failed).")))
        return out

    def _method_problem(self, key: str, combo: QComboBox) -> str:
        has_value = self.fields[key].value() is not None
        if has_value and not combo.currentData():
            return self.tr("Say whether {property} was measured or judged.").format(property=prop_title(key).lower())
        if not has_value and combo.currentData() and not self.fields[key].reason:
            return self.tr("Enter the {property} that was {method}, or set 'choose…'.").format(
                property=prop_title(key).lower(), method=combo.currentText()
            )
        return ""

    def clear(self) -> None:
        for f in self.fields.values():
            f.edit.clear()
        for key in self.methods:
            self.methods[key].setCurrentIndex(0)
            self.hows[key].clear()
        self.notes.clear()
        self.outcome_buttons["unknown"].setChecked(True)

    def remember_who(self, who: str) -> None:
        who = who.strip()
        if not who:
            return
        names = [who] + [self.who.itemText(i) for i in range(self.who.count()) if self.who.itemText(i) != who]
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItems(names[:WHO_HISTORY])
        self.who.setCurrentIndex(0)
        self.who.blockSignals(False)

    def save_who(self, settings) -> None:
        names = [self.who.itemText(i) for i in range(self.who.count())]
        current = self.who.currentText().strip()
        if current and current not in names:
            names.insert(0, current)
        settings.setValue("feedback/who", current)
        settings.setValue("feedback/who_history", json.dumps(names[:WHO_HISTORY]))

    def restore_who(self, settings) -> None:
        try:
            names = json.loads(str(settings.value("feedback/who_history", "[]") or "[]"))
        except ValueError:
            names = []
        names = [str(n) for n in names if isinstance(n, str) and n.strip()][:WHO_HISTORY]
        self.who.clear()
        self.who.addItems(names)
        self.who.setCurrentText(str(settings.value("feedback/who", "") or ""))
