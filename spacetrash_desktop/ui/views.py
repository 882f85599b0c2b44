"""Display snapshots of generation results. No Qt: built on the worker thread, so the GUI thread
only swaps a ready-made :class:`CandidateView` into its table model and plot.

Also the shared wording of the five objectives (titles, units, axis labels, what they mean).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from spacetrash_desktop.domain import PROPERTY_NAMES, RecipeStatus, Target, WasteItem
from spacetrash_desktop.services.generate import CONFIDENT_P, RULE_TEXT, percent, recommendation_reason, rule_text
from spacetrash_desktop.ui.i18n import current_language, number
from spacetrash_desktop.ui.i18n import percent as percent_of

CTX = "CandidateViews"  # the translation context of this module's texts


def count(n: int) -> str:
    """A whole number for the crew: '9,185' in English, '9185' / '9.185' in Spanish."""
    return f"{int(n):,}" if current_language() == "en" else number(int(n))


def decimal(x: float, decimals: int) -> str:
    """A measured amount for the crew: '1,234.50' in English, '1234,50' / '1.234,50' in Spanish."""
    return f"{float(x):,.{decimals}f}" if current_language() == "en" else number(float(x), decimals)


def tr(text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP("CandidateViews", ...)) in the window's language."""
    return QCoreApplication.translate(CTX, text)


# name -> (short title, unit, axis label, higher is better, tooltip)
OBJECTIVES: dict[str, tuple[str, str, str, bool, str]] = {
    "rigidity": (
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Rigidity",
        ),
        "0–1",
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Rigidity index (0–1, higher = stiffer)",
        ),
        True,
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "How stiff the product is: 0 = soft foam or draped fabric, 0.37 = LDPE sheet, "
            "0.57 = HDPE board, 0.71 = PET/nylon part, 0.86 = fibre composite, 1 = metal frame.",
        ),
    ),
    "tightness": (
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Tightness",
        ),
        "0–1",
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Tightness index (0–1, higher = holds liquids)",
        ),
        True,
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "How well it holds liquid and gas: 0 = loose shred or mesh, 0.2 = woven fabric (dust), "
            "0.5 = compacted tile (splash-proof), 0.8 = fused sheet (water-tight), 1 = gas-tight film.",
        ),
    ),
    "energy_kwh": (
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Energy",
        ),
        "kWh",
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Energy per batch (kWh)",
        ),
        False,
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Electrical energy per batch: heating, melting and the machine itself.",
        ),
    ),
    "water_l": (
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Water",
        ),
        "L",
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Water per batch (L)",
        ),
        False,
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Water used per batch (rinsing, cleaning, process water), net of what is recovered.",
        ),
    ),
    "crew_min": (
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Crew time",
        ),
        "min",
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Crew time per batch (min)",
        ),
        False,
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Hands-on crew minutes per batch (sorting, loading, finishing).",
        ),
    ),
}
TARGET_FIELD_OF = {
    "rigidity": ("rigidity_min", "min"),
    "tightness": ("tightness_min", "min"),
    "energy_kwh": ("max_energy_kwh", "max"),
    "water_l": ("max_water_l", "max"),
    "crew_min": ("max_crew_min", "max"),
}

STATUS_FRONT, STATUS_FEASIBLE, STATUS_INFEASIBLE, STATUS_REFUSED = 0, 1, 2, 3
STATUS_TEXT = {  # English (the words of the result files); shown through tr()
    STATUS_FRONT: QT_TRANSLATE_NOOP("CandidateViews", "feasible (front)"),
    STATUS_FEASIBLE: QT_TRANSLATE_NOOP("CandidateViews", "feasible"),
    STATUS_INFEASIBLE: QT_TRANSLATE_NOOP("CandidateViews", "infeasible"),
    STATUS_REFUSED: QT_TRANSLATE_NOOP("CandidateViews", "refused"),
}
RECOMMENDED_MARK = QT_TRANSLATE_NOOP("CandidateViews", "★ Recommended")
TIP_CHANCE_TEMPLATE = QT_TRANSLATE_NOOP(
    "CandidateViews",
    "Chance that the recipe meets every requirement of the target (rigidity and tightness minimums, energy, "
    "water and crew-time caps), from the 95% intervals; a conservative bound, 0 when infeasible. "
    "At least {p} counts as confidently feasible.",
)
TIP_CHANCE = TIP_CHANCE_TEMPLATE.format(p=f"{CONFIDENT_P:.0%}")

SHORT_TITLE = {"crew_min": "Crew"}  # table headers short enough to read in a narrow column


def objective_title(name: str) -> str:
    """The objective's short title in the window's language ('Rigidity')."""
    return tr(OBJECTIVES[name][0])


def objective_axis(name: str) -> str:
    """The objective's axis label in the window's language ('Energy per batch (kWh)')."""
    return tr(OBJECTIVES[name][2])


def objective_tip(name: str) -> str:
    """What the objective means, in the window's language."""
    return tr(OBJECTIVES[name][4])


# Column titles and tooltips of the Candidates table (English; shown through candidate_columns())
COLUMN_TEXT: dict[str, tuple[str, str]] = {
    "order": ("#", ""),
    "items": (
        QT_TRANSLATE_NOOP("CandidateViews", "Items (share of waste)"),
        QT_TRANSLATE_NOOP("CandidateViews", "Waste items of the recipe with their share of the waste part"),
    ),
    "process": (
        QT_TRANSLATE_NOOP("CandidateViews", "Process"),
        QT_TRANSLATE_NOOP("CandidateViews", "How the feed is turned into the product"),
    ),
    "regolith": (
        QT_TRANSLATE_NOOP("CandidateViews", "Regolith %"),
        QT_TRANSLATE_NOOP("CandidateViews", "MGS-1 regolith as % of the whole feed"),
    ),
    "status": (
        QT_TRANSLATE_NOOP("CandidateViews", "Feasibility"),
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "feasible: meets every target value and safety rule; infeasible: misses one; refused: breaks a safety "
            "rule. ★ Recommended marks the one recipe to make first (the first feasible one in the order of the # "
            "column).",
        ),
    ),
    "rank": (
        QT_TRANSLATE_NOOP("CandidateViews", "Rank"),
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Pareto rank over all five objectives: 1 = on the Pareto front (no other feasible recipe is better "
            "in every objective), 2 = next layer, – = infeasible",
        ),
    ),
    "rigidity": (QT_TRANSLATE_NOOP("CandidateViews", "Rigidity (0–1)"), ""),
    "tightness": (QT_TRANSLATE_NOOP("CandidateViews", "Tightness (0–1)"), ""),
    "energy_kwh": (QT_TRANSLATE_NOOP("CandidateViews", "Energy (kWh)"), ""),
    "water_l": (QT_TRANSLATE_NOOP("CandidateViews", "Water (L)"), ""),
    "crew_min": (QT_TRANSLATE_NOOP("CandidateViews", "Crew (min)"), ""),
    "problematic": (
        QT_TRANSLATE_NOOP("CandidateViews", "Hard waste %"),
        QT_TRANSLATE_NOOP(
            "CandidateViews",
            "Problematic waste: share of the feed that is hard-to-handle waste (multilayer, foam, PFAS-bearing...)",
        ),
    ),
    "flags": (
        QT_TRANSLATE_NOOP("CandidateViews", "Warnings"),
        QT_TRANSLATE_NOOP(
            "CandidateViews", "Warnings and reasons from the physical and safety vetting (full text in the tooltip)"
        ),
    ),
    "chance": (QT_TRANSLATE_NOOP("CandidateViews", "Chance %"), ""),
    "id": (
        "ID",
        QT_TRANSLATE_NOOP(
            "CandidateViews", "Recipe ID: stable identifier of the recipe (same mix, same id on every machine)"
        ),
    ),
}
OBJECTIVE_TIP = QT_TRANSLATE_NOOP("CandidateViews", "{title} ({unit}). {tip} Value with its 95% interval.")


def _english_tip(key: str) -> str:
    if key == "order":
        return RULE_TEXT
    if key == "chance":
        return TIP_CHANCE
    if key in OBJECTIVES:
        title, unit, _axis, _hb, tip = OBJECTIVES[key]
        return OBJECTIVE_TIP.format(title=title, unit=unit, tip=tip)
    return COLUMN_TEXT[key][1]


# (key, title, tooltip) of the Candidates table, in English (candidate_columns(): in the window's language)
CANDIDATE_COLUMNS: tuple[tuple[str, str, str], ...] = tuple(
    (key, title, _english_tip(key)) for key, (title, _tip) in COLUMN_TEXT.items()
)


@lru_cache(maxsize=4)
def _candidate_columns(_lang: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for key, title, tip in CANDIDATE_COLUMNS:
        if key == "order":
            tip = rule_text()  # the rule in the window's language (messages.msg)
        elif key == "chance":
            tip = tr(TIP_CHANCE_TEMPLATE).format(p=percent_of(CONFIDENT_P))
        elif key in OBJECTIVES:
            unit = OBJECTIVES[key][1]
            tip = tr(OBJECTIVE_TIP).format(title=objective_title(key), unit=unit, tip=objective_tip(key))
        else:
            tip = tr(COLUMN_TEXT[key][1]) if COLUMN_TEXT[key][1] else tip
        out.append((key, tr(title), tip))
    return tuple(out)


def candidate_columns() -> tuple[tuple[str, str, str], ...]:
    """CANDIDATE_COLUMNS with their titles and tooltips in the window's language."""
    return _candidate_columns(current_language())


def column_index(columns: Sequence[tuple[str, str, str]]) -> dict[str, int]:
    """key -> column number of a table's (key, title, tooltip) columns."""
    return {key: i for i, (key, _title, _tip) in enumerate(columns)}


COLUMN_INDEX = column_index(CANDIDATE_COLUMNS)


def fmt_value(name: str, x: float) -> str:
    if not np.isfinite(x):
        return "–"
    if name in ("rigidity", "tightness"):
        return number(float(x), 2)
    if name == "crew_min":
        return number(float(x), 0 if abs(x) >= 10 else 1)
    ax = abs(x)
    if ax >= 100:
        return number(float(x), 0)
    if ax >= 10:
        return number(float(x), 1)
    return number(float(x), 2)


def fmt_interval(name: str, value: float, low: float, high: float) -> str:
    return f"{fmt_value(name, value)}  [{fmt_value(name, low)}–{fmt_value(name, high)}]"


def fmt_kg(x: float) -> str:
    ax = abs(x)
    if ax >= 100:
        return f"{x:,.0f} kg" if current_language() == "en" else f"{number(float(x), 0)} kg"
    if ax >= 1:
        return f"{number(float(x), 2)} kg"
    if ax >= 0.01:
        return f"{number(float(x), 3)} kg"
    if ax == 0:
        return "0 kg"
    return f"{number(x * 1000.0, 1)} g"


def items_text(cand, short: bool = False) -> str:
    """'70% Carbon residue; 28% Plastazote foam; 2% Composite panels' (largest share first)."""
    pairs = sorted(zip(cand.item_names, (f for _i, f in cand.recipe.items)), key=lambda p: -p[1])
    # short: every item keeps a recognisable part of its name in a table cell (fewer letters each when more)
    limit = max(10, 38 // max(len(pairs), 1))
    return "; ".join(f"{percent_of(f)} {short_name(name, limit) if short else name}" for name, f in pairs)


def short_name(name: str, limit: int = 24) -> str:
    """'Plastazote LD45 FR polyethylene foam (habitat packing)' -> 'Plastazote LD45 FR polye…'."""
    base = name.split(" (")[0].strip() or name
    return base if len(base) <= limit else base[: limit - 1].rstrip() + "…"


# vetting codes of the crew hazards of materials (shown with their protective equipment)
HAZARD_CODES = ("COMBUSTIBLE_DUST", "FIBRE_DUST", "MATERIAL_HAZARD")


def recipe_hazards(cand) -> tuple[dict, ...]:
    """The crew hazards of a candidate's materials ({code, material_id, material, text, ppe})."""
    return tuple(getattr(cand, "hazards", ()) or ())


def other_reasons(cand) -> list[dict]:
    """The vetting reasons without the material hazards (those are shown with their PPE)."""
    shown = recipe_hazards(cand)
    return [r for r in cand.reasons if not (shown and r.get("code") in HAZARD_CODES)]


# the vetting's codes (kept in logs, the CLI and the result JSON) in the crew's words
FLAG_WORDS = {
    "REFUSED_MATERIAL": QT_TRANSLATE_NOOP("CandidateViews", "refused material"),
    "NOT_ACCEPTED": QT_TRANSLATE_NOOP("CandidateViews", "item the process does not take"),
    "HEATED_HAZARD": QT_TRANSLATE_NOOP("CandidateViews", "hazardous when heated"),
    "DECOMPOSES": QT_TRANSLATE_NOOP("CandidateViews", "decomposes at process heat"),
    "BURN_OR_VENT": QT_TRANSLATE_NOOP("CandidateViews", "burns or vents"),
    "REGOLITH_RANGE": QT_TRANSLATE_NOOP("CandidateViews", "regolith share out of range"),
    "PROCESS_NOT_ALLOWED": QT_TRANSLATE_NOOP("CandidateViews", "process not allowed"),
    "REGOLITH_NOT_ALLOWED": QT_TRANSLATE_NOOP("CandidateViews", "regolith not allowed"),
    "STOCK": QT_TRANSLATE_NOOP("CandidateViews", "not enough in stock"),
    "ENERGY_CAP": QT_TRANSLATE_NOOP("CandidateViews", "over the energy cap"),
    "WATER_CAP": QT_TRANSLATE_NOOP("CandidateViews", "over the water cap"),
    "CREW_CAP": QT_TRANSLATE_NOOP("CandidateViews", "over the crew-time cap"),
    "RIGIDITY_LOW": QT_TRANSLATE_NOOP("CandidateViews", "not stiff enough"),
    "TIGHTNESS_LOW": QT_TRANSLATE_NOOP("CandidateViews", "not tight enough"),
    "STRENGTH_LOW": QT_TRANSLATE_NOOP("CandidateViews", "not strong enough"),
    "HEATED_DUST": QT_TRANSLATE_NOOP("CandidateViews", "too much powder to heat"),
    "NO_PREDICTION": QT_TRANSLATE_NOOP("CandidateViews", "no usable prediction"),
    "NO_CONSOLIDATION": QT_TRANSLATE_NOOP("CandidateViews", "will not hold together"),
    "FILLER_LIMIT": QT_TRANSLATE_NOOP("CandidateViews", "too much filler"),
    "FOOD_CONTACT": QT_TRANSLATE_NOOP("CandidateViews", "not safe with food"),
    "CONSUMABLES_CAP": QT_TRANSLATE_NOOP("CandidateViews", "over the consumables cap"),
    "MICROPLASTICS": QT_TRANSLATE_NOOP("CandidateViews", "microplastic dust"),
    "CAUSTIC": QT_TRANSLATE_NOOP("CandidateViews", "caustic solution"),
    "ALUMINIUM_FLAKES": QT_TRANSLATE_NOOP("CandidateViews", "aluminium flakes"),
    "WET_FEED": QT_TRANSLATE_NOOP("CandidateViews", "wet feed"),
    "NO_BINDER": QT_TRANSLATE_NOOP("CandidateViews", "no binder"),
    "HOT_SURFACE": QT_TRANSLATE_NOOP("CandidateViews", "hot surfaces"),
    "OOD": QT_TRANSLATE_NOOP("CandidateViews", "unfamiliar mix"),
    "COMBUSTIBLE_DUST": QT_TRANSLATE_NOOP("CandidateViews", "combustible dust"),
    "FIBRE_DUST": QT_TRANSLATE_NOOP("CandidateViews", "fibre dust"),
    "MATERIAL_HAZARD": QT_TRANSLATE_NOOP("CandidateViews", "material hazard"),
    "PROCESS_NOTE": QT_TRANSLATE_NOOP("CandidateViews", "process note"),
}


def flag_words(code: str) -> str:
    """A vetting code in plain words ('HOT_SURFACE' -> 'hot surfaces')."""
    return tr(FLAG_WORDS[code]) if code in FLAG_WORDS else code.replace("_", " ").lower()


def flag_codes(cand) -> list[str]:
    """The codes of a candidate's warnings and blocking reasons (no notes), the unfamiliar-mix one last."""
    codes = [r["code"] for r in cand.reasons if r.get("severity") != "note"]
    if cand.ood and "OOD" not in codes:
        codes.append("OOD")
    return list(dict.fromkeys(codes))


def flags_text(cand) -> str:
    """'hot surfaces, microplastic dust' (the crew's words for the vetting's codes)."""
    return ", ".join(flag_words(c) for c in flag_codes(cand))


def reasons_text(cand) -> str:
    """Every vetting reason of a candidate in full, one a line (the Warnings cell's tooltip)."""
    lines = [r.get("message", "") for r in cand.reasons if r.get("message")]
    if cand.ood and not any(r.get("code") == "OOD" for r in cand.reasons):
        lines.append(
            QCoreApplication.translate(
                "CandidateViews",
                "This recipe is far from anything the model was trained on; trust the interval less.",
            )
        )
    return "\n".join(lines) or QCoreApplication.translate("CandidateViews", "No warnings.")


def status_code(cand) -> int:
    """STATUS_* of a candidate: refused, infeasible, on the front or feasible."""
    if cand.status == RecipeStatus.REFUSED:
        return STATUS_REFUSED
    if cand.status == RecipeStatus.INFEASIBLE:
        return STATUS_INFEASIBLE
    return STATUS_FRONT if cand.pareto_rank == 1 else STATUS_FEASIBLE


def status_text(cand, status: int) -> str:
    """The Feasibility cell: the status, after the "Recommended" mark on the recommended recipe."""
    text = tr(STATUS_TEXT[status])
    if getattr(cand, "recommended", False):  # recommended implies feasible: the mark says it in fewer words
        if status == STATUS_FRONT:
            return QCoreApplication.translate("CandidateViews", "★ Recommended (front)")
        return tr(RECOMMENDED_MARK)
    return text


def chance_percent(p: float) -> str:
    """A chance as the services round it (down, at most 99%: never more than it has, nor certainty),
    written in the window's language ("97%", "97 %")."""
    return percent_of(float(percent(p).rstrip("%")) / 100)


def chance_text(cand) -> str:
    """'97% chance of meeting every requirement' (for the detail pane)."""
    return QCoreApplication.translate("CandidateViews", "{p} chance of meeting every requirement").format(
        p=chance_percent(float(cand.p_meets_target))
    )


def target_limit(target: Target, name: str) -> tuple[float, str]:
    field_name, kind = TARGET_FIELD_OF[name]
    return float(getattr(target, field_name)), kind


def target_limits(target: Target) -> list[tuple[str, str, str, float, str]]:
    """(name, title, unit, limit, kind) of each objective, in ``PROPERTY_NAMES`` order; ``kind`` is
    "min" (the target's minimum) or "max" (its cap)."""
    return [(name, OBJECTIVES[name][0], OBJECTIVES[name][1], *target_limit(target, name)) for name in PROPERTY_NAMES]


def limit_sign(kind: str) -> str:
    """'≥' before a minimum, '≤' before a cap."""
    return "≥" if kind == "min" else "≤"


def unit_suffix(unit: str) -> str:
    """' kWh' after a number; nothing for an index from 0 to 1."""
    return "" if unit == "0–1" else f" {unit}"


def target_summary_html(target: Target, time_budget_s: float) -> str:
    """One line saying what a run looks for: the target's name, batch mass, each minimum or cap, the
    search time limit."""
    parts = [
        QCoreApplication.translate("CandidateViews", "Target: {name}").format(
            name=f"<b>{html.escape(target.name)}</b>"
        ),
        QCoreApplication.translate("CandidateViews", "{kg} per batch").format(kg=fmt_kg(target.batch_mass_kg)),
    ]
    for name, _title, unit, limit, kind in target_limits(target):
        parts.append(f"{objective_title(name).lower()} {limit_sign(kind)} {fmt_value(name, limit)}{unit_suffix(unit)}")
    parts.append(
        QCoreApplication.translate("CandidateViews", "search time limit {s} s (Target tab)").format(
            s=number(float(time_budget_s), 0)
        )
    )
    return " · ".join(parts)


def search_counts(stats: dict, secs: float | None = None) -> str:
    """What the search looked at, worded as the command line words it: 'Scored 9,185 recipes (8,003
    of them feasible) in 5.1 s.'"""
    scored = int(stats.get("evaluated", 0) or 0)
    feasible = stats.get("feasible")
    of = (
        QCoreApplication.translate("CandidateViews", " ({n} of them feasible)").format(n=count(int(feasible)))
        if feasible is not None
        else ""
    )
    took = (
        QCoreApplication.translate("CandidateViews", " in {s} s").format(s=number(float(secs), 1))
        if secs is not None
        else ""
    )
    return QCoreApplication.translate("CandidateViews", "Scored {n} recipes{of}{took}.").format(
        n=count(scored), of=of, took=took
    )


def kept_counts(view: CandidateView) -> str:
    """What the table keeps of them: 'Kept the best 215 for the table: 175 feasible (120 confidently),
    12 on the Pareto front.'"""
    return QCoreApplication.translate(
        "CandidateViews",
        "Kept the best {n} for the table: {feasible} feasible ({confident} confidently), {front} on the Pareto front.",
    ).format(
        n=count(len(view)),
        feasible=count(view.n_feasible),
        confident=count(view.n_confident),
        front=count(view.n_front),
    )


@dataclass
class RunInfo:
    """What a run was made from (the detail pane needs it for explanations)."""

    serial: int
    items: tuple[WasteItem, ...]
    target: Target
    scorer: Any = None
    time_budget_s: float | None = None


@dataclass
class CandidateView:
    serial: int
    final: bool
    target: Target | None
    candidates: list
    ids: list[str]
    row_of: dict[str, int]
    display: list[tuple[str, ...]]
    sort_keys: list[np.ndarray]
    values: np.ndarray  # [N,5]
    low: np.ndarray
    high: np.ndarray
    status: np.ndarray  # int codes (STATUS_*)
    rank: np.ndarray
    stats: dict = field(default_factory=dict)
    result: Any = None
    run: RunInfo | None = None
    items_full: list[str] = field(default_factory=list)
    recommended: str | None = None  # id of the recommended recipe
    recommended_reason: str = ""  # its one-line reason
    n_confident: int = 0  # recipes with at least CONFIDENT_P chance of meeting every requirement

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def n_front(self) -> int:
        return int(np.sum(self.status == STATUS_FRONT))

    @property
    def n_feasible(self) -> int:
        return int(np.sum(self.status <= STATUS_FEASIBLE))

    def candidate(self, recipe_id: str | None):
        row = self.row_of.get(recipe_id) if recipe_id else None
        return self.candidates[row] if row is not None else None

    @classmethod
    def empty(cls, serial: int = 0) -> CandidateView:
        z = np.zeros((0, len(PROPERTY_NAMES)))
        return cls(
            serial,
            True,
            None,
            [],
            [],
            {},
            [],
            [np.zeros(0) for _ in CANDIDATE_COLUMNS],
            z,
            z.copy(),
            z.copy(),
            np.zeros(0, int),
            np.zeros(0, int),
        )

    @classmethod
    def build(cls, result, *, serial: int, final: bool, run: RunInfo | None = None) -> CandidateView:
        """Everything the table and the plot show, computed once (on the worker thread)."""
        cands: Sequence = list(result.candidates)
        n = len(cands)
        names = PROPERTY_NAMES
        values = np.array([[c.values[p] for p in names] for c in cands], float).reshape(n, len(names))
        low = np.array([[c.low[p] for p in names] for c in cands], float).reshape(n, len(names))
        high = np.array([[c.high[p] for p in names] for c in cands], float).reshape(n, len(names))
        rank = np.array([c.pareto_rank for c in cands], int)
        status = np.array([status_code(c) for c in cands], int)
        ids = [c.recipe_id for c in cands]
        items = [items_text(c, short=True) for c in cands]
        items_full = [items_text(c) for c in cands]
        procs = [c.process_name for c in cands]
        regolith = np.array([100.0 * c.recipe.regolith_frac for c in cands], float)
        problematic = np.array([100.0 * c.preference for c in cands], float)
        flags = [flags_text(c) for c in cands]
        chance = np.array([float(getattr(c, "p_meets_target", 0.0)) for c in cands], float)
        rec = next((c for c in cands if getattr(c, "recommended", False)), None)
        display = []
        for i in range(n):
            row = [
                str(i + 1),
                items[i],
                procs[i],
                number(float(regolith[i]), 0),
                status_text(cands[i], int(status[i])),
                str(rank[i]) if rank[i] > 0 else "–",
            ]
            row += [fmt_interval(p, values[i, k], low[i, k], high[i, k]) for k, p in enumerate(names)]
            row += [number(float(problematic[i]), 0), flags[i], chance_percent(chance[i]), ids[i]]
            display.append(tuple(row))
        # infeasible rows sort after every ranked row
        rank_key = np.where(rank > 0, rank, 10**9)
        sort_keys = [
            np.arange(n),
            np.array([s.lower() for s in items_full], object),
            np.array(procs, object),
            regolith,
            status,
            rank_key,
            *(values[:, k] for k in range(len(names))),
            problematic,
            np.array(flags, object),
            chance,
            np.array(ids, object),
        ]
        return cls(
            serial=serial,
            final=final,
            target=result.target,
            candidates=list(cands),
            ids=ids,
            row_of={rid: i for i, rid in enumerate(ids)},
            display=display,
            sort_keys=sort_keys,
            values=values,
            low=low,
            high=high,
            status=status,
            rank=rank,
            stats=dict(result.stats or {}),
            result=result,
            run=run,
            items_full=items_full,
            recommended=rec.recipe_id if rec is not None else None,
            recommended_reason=recommendation_reason(rec, result.target) if rec is not None else "",
            n_confident=int(np.sum(chance >= CONFIDENT_P)),
        )
