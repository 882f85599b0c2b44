"""Target tab: what to make. Preset and scenario pickers, fields with units, ranges and a physical
meaning, refused at the field with the reason (never silently clamped), allowed processes, regolith
and the "use up problematic waste first" preference, and the search time limit."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop.common import parse_number
from spacetrash_desktop.domain import TARGET_LIMITS, Target
from spacetrash_desktop.services.files import bundled_dir
from spacetrash_desktop.services.inventory import parse_target
from spacetrash_desktop.ui.context import DEFAULT_TIME_BUDGET_S, TIME_BUDGET_LIMITS, AppContext
from spacetrash_desktop.ui.i18n import number
from spacetrash_desktop.ui.widgets import CheckedNumberField, ReflowArea, button_row, push_button

# field -> (label, tooltip: what the value means physically)
FIELD_TEXT = {
    "rigidity_min": (
        QT_TRANSLATE_NOOP("TargetTab", "Minimum rigidity"),
        QT_TRANSLATE_NOOP(
            "TargetTab",
            "How stiff the product must at least be, as an index from 0 to 1 (log scale of the bending "
            "modulus, 10 MPa to 30 GPa). 0 = soft foam or draped fabric; 0.37 = an LDPE sheet or squeeze "
            "bottle (0.2 GPa); 0.57 = an HDPE chopping board (1 GPa); 0.71 = a PET or nylon part (3 GPa); "
            "0.86 = a fibre-filled composite or tool handle (10 GPa); 1 = a metal frame.",
        ),
    ),
    "tightness_min": (
        QT_TRANSLATE_NOOP("TargetTab", "Minimum tightness"),
        QT_TRANSLATE_NOOP(
            "TargetTab",
            "How well the product must hold liquid and gas, from 0 to 1. 0 = loose shred or mesh; 0.2 = woven "
            "fabric (holds dust, not water); 0.5 = compacted tile with some voids (splash-proof); 0.8 = fused "
            "sheet (water-tight); 1 = continuous dense film (gas-tight).",
        ),
    ),
    "batch_mass_kg": (
        QT_TRANSLATE_NOOP("TargetTab", "Batch mass"),
        QT_TRANSLATE_NOOP("TargetTab", "Mass of finished product made in one batch, in kilograms."),
    ),
    "max_energy_kwh": (
        QT_TRANSLATE_NOOP("TargetTab", "Maximum energy"),
        QT_TRANSLATE_NOOP(
            "TargetTab",
            "Electrical energy allowed per batch (heating, melting, the machine), "
            "in kilowatt-hours. 1 kWh runs a 1 kW heater for an hour.",
        ),
    ),
    "max_water_l": (
        QT_TRANSLATE_NOOP("TargetTab", "Maximum water"),
        QT_TRANSLATE_NOOP("TargetTab", "Water allowed per batch (rinsing, cleaning, process water), in litres."),
    ),
    "max_crew_min": (
        QT_TRANSLATE_NOOP("TargetTab", "Maximum crew time"),
        QT_TRANSLATE_NOOP("TargetTab", "Hands-on crew time allowed per batch, in minutes."),
    ),
    "max_consumables_kg": (
        QT_TRANSLATE_NOOP("TargetTab", "Maximum consumables from Earth"),
        QT_TRANSLATE_NOOP(
            "TargetTab",
            "Material brought from Earth and used up per batch (NaOH for cold sintering, sewing thread, "
            "fastener tape), in kilograms.",
        ),
    ),
}

PHYSICS_HTML = QT_TRANSLATE_NOOP(
    "TargetTab",
    """
<h3>What the numbers mean</h3>
<p><b>Rigidity</b> (0–1) is a log scale of the product's bending stiffness:
<table cellspacing="4">
<tr><td><b>0.00</b></td><td>≤ 10 MPa</td><td>soft foam, a draped fabric</td></tr>
<tr><td><b>0.37</b></td><td>0.2 GPa</td><td>an LDPE sheet, a squeeze bottle</td></tr>
<tr><td><b>0.57</b></td><td>1 GPa</td><td>an HDPE board, a chopping board</td></tr>
<tr><td><b>0.71</b></td><td>3 GPa</td><td>a PET or nylon part, a rigid panel</td></tr>
<tr><td><b>0.86</b></td><td>10 GPa</td><td>a fibre-filled composite, a tool handle</td></tr>
<tr><td><b>1.00</b></td><td>≥ 30 GPa</td><td>a structural composite, a metal frame</td></tr>
</table></p>
<p><b>Tightness</b> (0–1) is how well the product holds liquid and gas:
<table cellspacing="4">
<tr><td><b>0.0</b></td><td>loose shred, mesh</td></tr>
<tr><td><b>0.2</b></td><td>woven fabric: holds dust, not water</td></tr>
<tr><td><b>0.5</b></td><td>compacted tile with some voids: splash-proof</td></tr>
<tr><td><b>0.8</b></td><td>fused sheet: water-tight</td></tr>
<tr><td><b>1.0</b></td><td>continuous dense film: gas-tight</td></tr>
</table></p>
<p>Energy, water and crew time are <b>caps per batch</b>: a recipe that needs more is infeasible.
Every prediction carries a 95% interval.</p>
""",
)


class NumberField(CheckedNumberField):
    """A number with its unit and range; a value outside the range is refused here, with the reason,
    and the last valid value stays in force."""

    def __init__(
        self,
        key: str,
        label: str,
        unit: str,
        lo: float,
        hi: float,
        tooltip: str,
        decimals: int = 2,
        parent: QWidget | None = None,
    ):
        super().__init__(
            key,
            label,
            unit,
            lo,
            hi,
            edit_name=f"field_{key}",
            accessible=f"{label} ({unit})" if unit else label,
            tip=tooltip
            + "\n"
            + QCoreApplication.translate("TargetTab", "Allowed: {lo} to {hi}.").format(
                lo=_g(lo), hi=f"{_g(hi)} {_unit(unit)}".strip()
            ),
            width=130,
            parent=parent,
        )
        if unit == "index":  # a unitless index from 0 to 1: the word, in the window's language
            self.unit_label.setText(QCoreApplication.translate("TargetTab", "index"))
        self.decimals = decimals
        self._value = lo
        self.range_label = QLabel(f"{_g(lo)}–{_g(hi)} {unit if unit != 'index' else ''}".strip())
        self.range_label.setObjectName("hint")
        self.edit.textEdited.connect(self._edited)

    def place(self, grid: QGridLayout, row: int) -> None:
        """Put the field on two rows of ``grid``: label, edit, unit and range, then the reason a value
        is refused under the edit."""
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.edit, row, 1)
        grid.addWidget(self.unit_label, row, 2)
        grid.addWidget(self.range_label, row, 3)
        grid.addWidget(self.error, row + 1, 1, 1, 3)

    def value(self) -> float:
        return self._value

    def set_value(self, x: float) -> None:
        self._value = float(x)
        self.edit.setText(self._fmt(x))
        self._set_reason("")

    def _fmt(self, x: float) -> str:
        text = f"{x:.{self.decimals}f}".rstrip("0").rstrip(".") if self.decimals else f"{x:.0f}"
        return _decimal(text)

    def _edited(self, text: str) -> None:
        x = parse_number(text)
        unit = "" if self.unit == "index" else f" {self.unit}"
        lo, hi = _g(self.lo), _g(self.hi)

        if not text.strip():
            self._set_reason(
                QCoreApplication.translate("TargetTab", "Required: a number from {lo} to {hi}.").format(
                    lo=lo, hi=hi + unit
                )
            )
        elif x is None or x != x or x in (float("inf"), float("-inf")):
            self._set_reason(
                QCoreApplication.translate(
                    "TargetTab", "'{text}' is not a number: type a value from {lo} to {hi}."
                ).format(text=text.strip()[:30], lo=lo, hi=hi + unit)
            )
        elif x < self.lo:
            self._set_reason(
                QCoreApplication.translate("TargetTab", "Too low: {value} is below the minimum of {lo}.").format(
                    value=_g(x), lo=lo + unit
                )
            )
        elif x > self.hi:
            self._set_reason(
                QCoreApplication.translate("TargetTab", "Too high: {value} is above the maximum of {hi}.").format(
                    value=_g(x), hi=hi + unit
                )
            )
        else:
            self._value = float(x)
            self._set_reason("")
        self.changed.emit()


def target_combo(name: str, accessible: str, placeholder: str, targets: list[Target]) -> QComboBox:
    """A picker of ``targets`` (each with its description as tooltip) after a ``placeholder`` entry."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.addItem(placeholder, "")
    for t in targets:
        combo.addItem(t.name, t.target_id)
        combo.setItemData(combo.count() - 1, t.description, Qt.ItemDataRole.ToolTipRole)
    return combo


class TargetTab(QWidget):
    generate_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("targetTab")
        self.ctx = ctx
        cat = ctx.catalog
        self.presets = [t for t in cat.targets.values() if t.kind == "preset"]
        self.scenarios = [t for t in cat.targets.values() if t.kind == "scenario"]
        self.base: Target = self.presets[0] if self.presets else next(iter(cat.targets.values()))
        self._loading = False

        picker = self._build_pickers()
        req = self._build_requirements()
        proc_box = self._build_processes()
        opt = self._build_options()
        self.status = QLabel("")
        self.status.setObjectName("targetStatus")
        self.status.setWordWrap(True)
        self.generate_button = QPushButton(self.tr("Generate recipes for this target  (Ctrl+G)"))
        self.generate_button.setObjectName("primaryButton")
        self.generate_button.setToolTip(self.tr("Go to the Candidates tab and start the search (Ctrl+G)"))
        self.generate_button.clicked.connect(self.generate_requested)

        self.explain = QTextBrowser()
        self.explain.setObjectName("physicsHelp")
        self.explain.setOpenLinks(False)
        self.explain.anchorClicked.connect(self._open_link)
        self.explain.setHtml(
            self.tr(PHYSICS_HTML)
            + '<p><a href="physics">'
            + self.tr("Read the physics model (docs/PHYSICS.md)")
            + "</a></p>"
        )
        self.explain.setMinimumWidth(320)
        self.explain.setMinimumHeight(300)  # when it flows under the form on a narrow window

        lay = QHBoxLayout(self)
        lay.addWidget(self._build_form(picker, req, opt, proc_box))

        self.budget_field.set_value(DEFAULT_TIME_BUDGET_S)
        self.apply_target(self.base)

    def _build_pickers(self) -> QGroupBox:
        """What to make: the preset and the challenge scenario pickers, the chosen target and what it is."""
        self.preset_combo = target_combo("presetCombo", self.tr("Preset"), self.tr("Choose a preset…"), self.presets)
        self.scenario_combo = target_combo(
            "scenarioCombo", self.tr("Challenge scenario"), self.tr("Choose a scenario…"), self.scenarios
        )
        self.preset_combo.activated.connect(lambda i: self._picked(self.preset_combo, i))
        self.scenario_combo.activated.connect(lambda i: self._picked(self.scenario_combo, i))
        self.base_label = QLabel()
        self.base_label.setObjectName("targetTitle")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("hint")
        picker = QGroupBox(self.tr("What to make"))
        pg_ = QGridLayout(picker)
        pg_.addWidget(QLabel(self.tr("Preset")), 0, 0)
        pg_.addWidget(self.preset_combo, 0, 1)
        pg_.addWidget(QLabel(self.tr("Scenario")), 1, 0)
        pg_.addWidget(self.scenario_combo, 1, 1)
        pg_.addWidget(self.base_label, 2, 0, 1, 2)
        pg_.addWidget(self.description, 3, 0, 1, 2)
        pg_.setColumnStretch(1, 1)
        return picker

    def _build_requirements(self) -> QGroupBox:
        """Requirements per batch: one number field per target value, with its unit and range."""
        self.fields: dict[str, NumberField] = {}
        req = QGroupBox(self.tr("Requirements per batch"))
        grid = QGridLayout(req)
        grid.setHorizontalSpacing(10)
        for r, (key, (lo, hi, unit)) in enumerate(TARGET_LIMITS.items()):
            label, tip = (self.tr(t) for t in FIELD_TEXT[key])
            f = NumberField(key, label, unit, lo, hi, tip, decimals=2 if unit in ("index", "kg", "kWh", "L") else 0)
            f.changed.connect(self._changed)
            self.fields[key] = f
            f.place(grid, 2 * r)
        grid.setColumnStretch(3, 1)
        return req

    def _build_processes(self) -> QGroupBox:
        """Allowed processes: a check box each (its safety note in the tooltip), All and None."""
        cat = self.ctx.catalog
        proc_box = QGroupBox(self.tr("Allowed processes"))
        pl = QGridLayout(proc_box)
        self.process_checks: dict[str, QCheckBox] = {}
        for i, (pid, p) in enumerate(cat.processes.items()):
            cb = QCheckBox(p.name)
            cb.setObjectName(f"process_{pid}")
            tip = p.description
            if p.safety_note:
                tip += "\n" + self.tr("Safety: {note}").format(note=p.safety_note)
            cb.setToolTip(tip)
            cb.toggled.connect(self._changed)
            self.process_checks[pid] = cb
            pl.addWidget(cb, i, 0, 1, 2)
        row = len(cat.processes)
        all_b = push_button(self.tr("All"), self.tr("Allow every process"), lambda: self._set_all_processes(True))
        none_b = push_button(self.tr("None"), self.tr("Clear every process"), lambda: self._set_all_processes(False))
        pl.addLayout(button_row(all_b, none_b), row, 0, 1, 2)
        self.process_error = QLabel("")
        self.process_error.setObjectName("fieldError")
        pl.addWidget(self.process_error, row + 1, 0, 1, 2)
        return proc_box

    def _build_options(self) -> QGroupBox:
        """Feed and search: regolith, the problematic-waste preference and the search time limit."""
        opt = QGroupBox(self.tr("Feed and search"))
        ol = QGridLayout(opt)
        self.regolith_check = QCheckBox(self.tr("Regolith (MGS-1) may be added to the feed"))
        self.regolith_check.setToolTip(
            self.tr(
                "Allow recipes that mix Martian regolith into the feed (fillers, tiles, "
                "shielding). Off for anything touching food or water."
            )
        )
        self.problematic_check = QCheckBox(self.tr("Use up problematic waste first"))
        self.problematic_check.setToolTip(
            self.tr(
                "Among equally good recipes, prefer those that consume hard-to-handle "
                "waste (multilayer pouches, foams, nitrile gloves...)."
            )
        )
        self.regolith_check.toggled.connect(self._changed)
        self.problematic_check.toggled.connect(self._changed)
        lo, hi = TIME_BUDGET_LIMITS
        self.budget_field = NumberField(
            "time_budget_s",
            self.tr("Search time limit"),
            "s",
            lo,
            hi,
            self.tr(
                "How long a generation may search before it returns the best recipes found. "
                "Small inventories finish sooner; Esc stops it at any time."
            ),
            decimals=0,
        )
        self.budget_field.changed.connect(self._budget_changed)
        ol.addWidget(self.regolith_check, 0, 0, 1, 4)
        ol.addWidget(self.problematic_check, 1, 0, 1, 4)
        self.budget_field.place(ol, 2)
        ol.setColumnStretch(3, 1)
        return opt

    def _build_form(self, picker: QWidget, req: QWidget, opt: QWidget, proc_box: QWidget) -> ReflowArea:
        """The two columns of the form (what and how much; processes, status and Generate), side by
        side when there is room, else one under the other; scrollable."""
        col1 = QWidget()
        c1 = QVBoxLayout(col1)
        c1.setContentsMargins(0, 0, 0, 0)
        c1.addWidget(picker)
        c1.addWidget(req)
        c1.addWidget(opt)
        col2 = QWidget()
        c2 = QVBoxLayout(col2)
        c2.setContentsMargins(0, 0, 0, 0)
        c2.addWidget(proc_box)
        c2.addWidget(self.status)
        gl = QHBoxLayout()
        gl.addStretch(1)
        gl.addWidget(self.generate_button)
        c2.addLayout(gl)
        return ReflowArea(col1, col2, self.explain, stretch=(5, 5, 4), name="targetForm")

    # ------------------------------------------------------------------ building the target
    def apply_target(self, target: Target, base: Target | None = None) -> None:
        """Fill every field from ``target`` (a preset, a scenario or a remembered custom target)."""
        self._loading = True
        try:
            self.base = base or target
            for key, f in self.fields.items():
                f.set_value(getattr(target, key))
            allowed = (
                set(self.ctx.catalog.processes) if "*" in target.allowed_processes else set(target.allowed_processes)
            )
            for pid, cb in self.process_checks.items():
                cb.setChecked(pid in allowed)
            self.regolith_check.setChecked(target.regolith_allowed)
            self.problematic_check.setChecked(target.prefer_problematic)
            self._sync_pickers()
        finally:
            self._loading = False
        self._changed()

    def _sync_pickers(self) -> None:
        for combo in (self.preset_combo, self.scenario_combo):
            i = combo.findData(self.base.target_id)
            combo.setCurrentIndex(max(0, i))

    def _picked(self, combo: QComboBox, index: int) -> None:
        tid = combo.itemData(index)
        if tid and tid in self.ctx.catalog.targets:
            self.apply_target(self.ctx.catalog.targets[tid])

    def _set_all_processes(self, on: bool) -> None:
        self._loading = True
        for cb in self.process_checks.values():
            cb.setChecked(on)
        self._loading = False
        self._changed()

    def _budget_changed(self) -> None:
        if self.budget_field.valid:
            self.ctx.set_time_budget(self.budget_field.value())
        self._changed()

    def problems(self) -> list[str]:
        out = [f"{f.label.text()}: {f.reason}" for f in self.fields.values() if not f.valid]
        if not self.budget_field.valid:
            out.append(self.tr("Search time limit: {reason}").format(reason=self.budget_field.reason))
        if not any(cb.isChecked() for cb in self.process_checks.values()):
            out.append(self.tr("Allowed processes: choose at least one process."))
        return out

    def current_target(self) -> Target | None:
        if self.problems():
            return None
        allowed = [pid for pid, cb in self.process_checks.items() if cb.isChecked()]
        allowed_t = ("*",) if len(allowed) == len(self.process_checks) else tuple(allowed)
        values = {k: f.value() for k, f in self.fields.items()}
        b = self.base
        same = (
            all(abs(values[k] - getattr(b, k)) < 1e-12 for k in values)
            and set(allowed_t) == set(b.allowed_processes)
            and self.regolith_check.isChecked() == b.regolith_allowed
            and self.problematic_check.isChecked() == b.prefer_problematic
        )
        if same:
            return b
        return Target(
            target_id="custom",
            name=self.tr("Custom (from {name})").format(name=b.name),
            kind="custom",
            description=b.description,
            allowed_processes=allowed_t,
            regolith_allowed=self.regolith_check.isChecked(),
            prefer_problematic=self.problematic_check.isChecked(),
            food_contact=b.food_contact,  # a custom target made from a food-contact one still touches food
            strength_min=b.strength_min,  # and one that must not crumble still must not
            **values,
        )

    def _changed(self, *_):
        if self._loading:
            return
        problems = self.problems()
        self.process_error.setText(
            ""
            if any(cb.isChecked() for cb in self.process_checks.values())
            else self.tr("Choose at least one process.")
        )
        target = self.current_target()
        if target is None:
            self.status.setText(
                self.tr(
                    "<b>Not ready:</b> {problems} The last valid values are kept until this is fixed; Generate is disabled."
                ).format(problems=" ".join(problems))
            )
            self.status.setProperty("invalid", True)
            self.ctx.set_target(None, " ".join(problems))
            self.generate_button.setEnabled(False)
        else:
            kind = {"preset": self.tr("preset"), "scenario": self.tr("scenario")}.get(
                target.kind, self.tr("your own values")
            )
            if target.products:  # a scenario's products are searched one by one
                names = ", ".join(p.name.lower() for p in target.products)
                kind += self.tr("; its {n} products ({names}) are searched one by one").format(
                    n=number(len(target.products)), names=names
                )
            self.status.setText(
                self.tr("Ready: <b>{target}</b> ({kind}). Press Generate (Ctrl+G) to find recipes.").format(
                    target=target.name, kind=kind
                )
            )
            self.status.setProperty("invalid", False)
            self.ctx.set_target(target)
            self.generate_button.setEnabled(True)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        b = self.base
        modified = target is not None and target.kind == "custom"
        title = f"<b>{b.name}</b>"
        if modified:
            title = self.tr("{target} — changed by you").format(target=title)
        if target is None:
            title = self.tr("{target} — has an invalid value").format(target=title)
        self.base_label.setText(title)
        text = b.description
        if b.strength_min > 0:
            strength = self.tr(
                "Strength: at least {mpa} MPa (set by the preset; recipes weaker than this are infeasible)."
            )
            text = (text + "\n" if text else "") + strength.format(mpa=number(b.strength_min, 1))
        self.description.setText(text)

    # ------------------------------------------------------------------ links and state
    def _open_link(self, url: QUrl) -> None:
        if url.toString() == "physics":
            path = physics_doc_path()
            if path.exists():
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            else:
                self.ctx.say(self.tr("docs/PHYSICS.md is not part of this installation"), 6000)

    def save_state(self, settings) -> None:
        t = self.current_target()
        if t is not None:
            settings.setValue("target/last", json.dumps(t.to_dict()))
        settings.setValue("target/base", self.base.target_id)
        if self.budget_field.valid:
            settings.setValue("search/time_budget_s", float(self.budget_field.value()))

    def restore_state(self, settings) -> None:
        cat = self.ctx.catalog
        base = cat.targets.get(str(settings.value("target/base", "") or ""))
        raw = settings.value("target/last")
        target = None
        if raw:
            try:
                target, _problems = parse_target(json.loads(str(raw)), cat.processes)
            except ValueError:
                target = None
        try:
            budget = float(settings.value("search/time_budget_s", DEFAULT_TIME_BUDGET_S))
        except (TypeError, ValueError):
            budget = DEFAULT_TIME_BUDGET_S
        lo, hi = TIME_BUDGET_LIMITS
        self.budget_field.set_value(budget if lo <= budget <= hi else DEFAULT_TIME_BUDGET_S)
        self.ctx.set_time_budget(self.budget_field.value())
        if target is not None:
            if target.target_id in cat.targets and target.kind != "custom":
                self.apply_target(cat.targets[target.target_id])
            else:
                self.apply_target(target, base=base or self.base)
        elif base is not None:
            self.apply_target(base)


def _g(x: float) -> str:
    """A limit as the crew reads it: no trailing zeros, a decimal comma in Spanish (``{:g}`` in the language)."""
    return _decimal(f"{x:g}")


def _decimal(text: str) -> str:
    """``text`` (a plain number, no thousands separators, so it reads back as typed) with the language's
    decimal sign: a comma in Spanish."""
    return text.replace(".", QLocale().decimalPoint())


def _unit(unit: str) -> str:
    return "" if unit == "index" else unit


def physics_doc_path() -> Path:
    return bundled_dir("docs") / "PHYSICS.md"
