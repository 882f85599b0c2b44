"""Qt-free helpers of the Feedback panel: the recipe the crew made (from a generated candidate or
from a past report), the crew's report turned into a feedback row, and the display snapshot of the
past feedback (built on a worker, so the GUI thread only swaps it into its table model)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from spacetrash_desktop.domain import PROPERTY_NAMES, finite_float
from spacetrash_desktop.services.feedback import (
    build_feedback_row,
    list_feedback,
    plain_records,
    plain_value,
    predicted_vs_actual,
)
from spacetrash_desktop.services.suggest import measurement_protocols_by_key
from spacetrash_desktop.ui.i18n import current_language, number, percent
from spacetrash_desktop.ui.views import OBJECTIVES

REPORT_PROPS: tuple[str, ...] = (*PROPERTY_NAMES, "product_mass_kg")
PROP_TITLES = {**{k: v[0] for k, v in OBJECTIVES.items()}, "product_mass_kg": "Product mass"}
SHORT_TITLES = {**PROP_TITLES, "crew_min": "Crew", "product_mass_kg": "Product"}
# the past-feedback table's headers with their unit
_HEADERS = (
    QT_TRANSLATE_NOOP("FeedbackViews", "Energy (kWh)"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Water (L)"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Crew (min)"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Product (kg)"),
)
# the titles above in the window's language (tr_text): the property names are views.OBJECTIVES'
_TITLE_WORDS = (
    QT_TRANSLATE_NOOP("FeedbackViews", "Rigidity"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Tightness"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Energy"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Water"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Crew time"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Product mass"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Crew"),
    QT_TRANSLATE_NOOP("FeedbackViews", "Product"),
)
PROP_UNITS = {
    "rigidity": "0–1",
    "tightness": "0–1",
    "energy_kwh": "kWh",
    "water_l": "L",
    "crew_min": "min",
    "product_mass_kg": "kg",
}
MODEL_KEYS = ("name", "version", "status", "manifest_sha256")


def tr_text(text: str) -> str:
    """``text`` (a constant of this module marked with QT_TRANSLATE_NOOP) in the window's language."""
    return QCoreApplication.translate("FeedbackViews", text)


def prop_title(name: str, *, short: bool = False) -> str:
    """A property's title in the window's language (``short``: the table header's short form)."""
    return tr_text((SHORT_TITLES if short else PROP_TITLES).get(name, name))


def grouped(x: float | int, decimals: int = 0) -> str:
    """A large number with its thousands grouped: 7,997 in English (whatever the system locale), 7.997 in
    Spanish."""
    if current_language() == "en":
        return f"{x:,}" if isinstance(x, int) else f"{x:,.{decimals}f}"
    return number(x, decimals)


def fmt_prop(name: str, x: float | None) -> str:
    """A property's value in the window's language (decimal comma in Spanish)."""
    if x is None or not math.isfinite(x):
        return "–"
    ax = abs(x)
    if name == "product_mass_kg":
        return number(x, 2) if ax < 100 else grouped(x)
    if name in ("rigidity", "tightness"):
        return number(x, 2)
    if name == "crew_min":
        return number(x, 0 if ax >= 10 else 1)
    return number(x, 0 if ax >= 100 else 1 if ax >= 10 else 2)


def fmt_kg(x: float) -> str:
    ax = abs(x)
    if ax == 0:
        return "0 kg"
    if ax < 0.01:
        return f"{number(x * 1000, 1)} g"
    return f"{grouped(x) if ax >= 100 else number(x, 2 if ax >= 1 else 3)} kg"


def _loads(text: Any) -> dict:
    if isinstance(text, Mapping):
        return dict(text)
    if not isinstance(text, str) or not text:
        return {}
    try:
        obj = json.loads(text)
    except ValueError:
        return {}
    return obj if isinstance(obj, dict) else {}


def model_label(model: Mapping | None) -> str:
    m = model or {}
    name = str(m.get("name") or "")
    if not name or name == "physics":
        return QCoreApplication.translate("FeedbackViews", "the physics model")
    return f"{name} {m.get('version') or ''}".strip()


# ------------------------------------------------------------------------------------ the recipe


@dataclass(frozen=True)
class MadeRecipe:
    """What the crew reports on: the recipe (in ``Candidate.to_dict()`` form, with its prediction),
    the target it was generated for and the model that predicted it."""

    recipe_id: str
    candidate: Mapping
    target: Mapping | None
    model: Mapping
    source: str = "results"  # results (a generated candidate) | feedback (a past report)

    @classmethod
    def from_candidate(cls, cand, target=None, model=None) -> MadeRecipe:
        cd = cand.to_dict() if hasattr(cand, "to_dict") else dict(cand)
        tgt = target.to_dict() if hasattr(target, "to_dict") else (dict(target) if target else None)
        info = model.to_dict() if hasattr(model, "to_dict") else dict(model or {})
        info = {k: info[k] for k in MODEL_KEYS if info.get(k) not in (None, "")}
        return cls(str(cd["id"]), cd, tgt, info, "results")

    @classmethod
    def from_feedback_row(cls, rec: Mapping) -> MadeRecipe:
        """The same recipe, target, prediction and model as a past report (to report on it again)."""
        recipe = _loads(rec.get("recipe_json"))
        pred = _loads(rec.get("prediction_json"))
        cd = {**recipe, "id": rec["recipe_id"]}
        for key in ("properties", "status", "ood", "pareto_rank", "mass_flow"):
            if key in pred:
                cd[key] = pred[key]
        model = {
            "name": plain_value(rec.get("model_name")),
            "version": plain_value(rec.get("model_version")),
            "manifest_sha256": plain_value(rec.get("model_manifest_sha256")),
        }
        return cls(
            str(rec["recipe_id"]),
            cd,
            _loads(rec.get("target_json")) or None,
            {k: v for k, v in model.items() if v},
            "feedback",
        )

    # -- what the panel shows
    @property
    def process_name(self) -> str:
        return str(self.candidate.get("process_name") or self.candidate.get("process_id") or "?")

    @property
    def target_name(self) -> str:
        return str((self.target or {}).get("name") or QCoreApplication.translate("FeedbackViews", "no target recorded"))

    @property
    def model_label(self) -> str:
        return model_label(self.model)

    def items_text(self) -> str:
        items = sorted(self.candidate.get("items") or [], key=lambda it: -float(it.get("fraction") or 0.0))
        parts = [f"{_pct(float(it.get('fraction') or 0.0))} {it.get('name') or it.get('item_id')}" for it in items]
        reg = float(self.candidate.get("regolith_frac") or 0.0)
        text = "; ".join(parts)
        if reg > 0:
            text += " + " + QCoreApplication.translate("FeedbackViews", "{share} MGS-1 regolith in the feed").format(
                share=_pct(reg)
            )
        return text

    def batch_text(self) -> str:
        mass = self.candidate.get("batch_mass_kg")
        return fmt_kg(float(mass)) if isinstance(mass, (int, float)) else "?"

    def predicted(self, name: str) -> tuple[float | None, float | None, float | None]:
        """(value, low, high) the model predicted for a property (product mass: no interval)."""
        if name == "product_mass_kg":
            flow = self.candidate.get("mass_flow") or {}
            return _num(flow.get("product_kg")), None, None
        p = (self.candidate.get("properties") or {}).get(name) or {}
        return _num(p.get("value")), _num(p.get("low")), _num(p.get("high"))

    def predicted_text(self, name: str) -> str:
        value, low, high = self.predicted(name)
        if value is None:
            return "–"
        if low is None or high is None:
            return fmt_prop(name, value)
        return f"{fmt_prop(name, value)}  [{fmt_prop(name, low)}–{fmt_prop(name, high)}]"

    def to_row(self, report: Mapping[str, Any], *, row_id: str, recorded_at: str) -> dict[str, Any]:
        """The feedback row (services.feedback.build_feedback_row) with its id and time fixed now, so
        saving it again after a refused write records it once."""
        row = build_feedback_row(dict(self.candidate), self.target, self.model, dict(report))
        row["row_id"] = row_id
        row["recorded_at"] = recorded_at
        return row


def _num(v: Any) -> float | None:
    return finite_float(plain_value(v))


def _pct(share: float) -> str:
    return percent(round(100 * share) / 100)


# ------------------------------------------------------------------------------------ past feedback

# (key, title, tooltip) of the past-feedback table
FEEDBACK_COLUMNS: tuple[tuple[str, str, str], ...] = (
    (
        "recorded",
        QT_TRANSLATE_NOOP("FeedbackViews", "Recorded"),
        QT_TRANSLATE_NOOP("FeedbackViews", "When the report was saved (local time)"),
    ),
    ("who", QT_TRANSLATE_NOOP("FeedbackViews", "Who"), QT_TRANSLATE_NOOP("FeedbackViews", "Who reported it")),
    (
        "recipe",
        QT_TRANSLATE_NOOP("FeedbackViews", "Recipe"),
        QT_TRANSLATE_NOOP("FeedbackViews", "The recipe the crew made: its id and process"),
    ),
    (
        "outcome",
        QT_TRANSLATE_NOOP("FeedbackViews", "Outcome"),
        QT_TRANSLATE_NOOP("FeedbackViews", "passed, failed, or not said"),
    ),
    *(
        (
            p,
            SHORT_TITLES[p] if PROP_UNITS[p] == "0–1" else f"{SHORT_TITLES[p]} ({PROP_UNITS[p]})",
            f"{PROP_TITLES[p]} ({PROP_UNITS[p]}): what the crew found vs what was predicted. Green: inside the "
            "predicted 95% interval; red: outside it.",
        )
        for p in REPORT_PROPS
    ),
    (
        "inside",
        QT_TRANSLATE_NOOP("FeedbackViews", "Inside"),
        QT_TRANSLATE_NOOP("FeedbackViews", "How many of the reported values fell inside the predicted 95% interval"),
    ),
    (
        "model",
        QT_TRANSLATE_NOOP("FeedbackViews", "Predicted by"),
        QT_TRANSLATE_NOOP("FeedbackViews", "The model (name and version) that made the prediction"),
    ),
    (
        "row_id",
        QT_TRANSLATE_NOOP("FeedbackViews", "Row ID"),
        QT_TRANSLATE_NOOP("FeedbackViews", "The unique id of the report"),
    ),
)
FILTER_FIELDS: tuple[tuple[str, str], ...] = (
    ("all", QT_TRANSLATE_NOOP("FeedbackViews", "Everything")),
    ("recipe", QT_TRANSLATE_NOOP("FeedbackViews", "Recipe")),
    ("who", QT_TRANSLATE_NOOP("FeedbackViews", "Who")),
    ("model", QT_TRANSLATE_NOOP("FeedbackViews", "Model version")),
)


def feedback_columns() -> list[tuple[str, str, str]]:
    """FEEDBACK_COLUMNS with titles and tooltips in the window's language."""
    out = []
    for key, title, tip in FEEDBACK_COLUMNS:
        if key in REPORT_PROPS:
            title = tr_text(title)  # a header with its unit is a message of its own (_HEADERS)
            tip = QCoreApplication.translate(
                "FeedbackViews",
                "{property} ({unit}): what the crew found vs what was predicted. Green: inside the predicted 95% "
                "interval; red: outside it.",
            ).format(property=prop_title(key), unit=PROP_UNITS[key])
            out.append((key, title, tip))
        else:
            out.append((key, tr_text(title), tr_text(tip)))
    return out


def pva_columns() -> list[tuple[str, str, str]]:
    """PVA_COLUMNS in the window's language."""
    return [(key, tr_text(title), tr_text(tip)) for key, title, tip in PVA_COLUMNS]


def local_time(iso: Any) -> str:
    if not isinstance(iso, str):
        return "?"
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return t.astimezone().strftime("%Y-%m-%d %H:%M")


def outcome_words() -> dict[str, str]:
    """passed / failed in the window's language (a past report's outcome cell)."""
    return {
        "passed": QCoreApplication.translate("FeedbackViews", "passed"),
        "failed": QCoreApplication.translate("FeedbackViews", "failed"),
    }


@dataclass
class FeedbackListView:
    records: list[dict]
    ids: list[str]
    display: list[tuple[str, ...]]
    sort_keys: list[np.ndarray]
    hay: dict[str, np.ndarray]
    inside: list[dict[str, bool | None]]  # per row: property -> inside the interval (None: no interval)
    lines: dict[str, list[dict]] = field(default_factory=dict)  # row_id -> predicted-vs-actual lines

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def empty(cls) -> FeedbackListView:
        return cls(
            [], [], [], [np.zeros(0) for _ in FEEDBACK_COLUMNS], {k: np.zeros(0, object) for k, _ in FILTER_FIELDS}, []
        )

    def record(self, row_id: str) -> dict | None:
        for r in self.records:
            if r.get("row_id") == row_id:
                return r
        return None

    @classmethod
    def build(cls, df, pva) -> FeedbackListView:
        """``df``: services.feedback.list_feedback(); ``pva``: services.feedback.predicted_vs_actual(df)."""
        records = plain_records(df)
        lines: dict[str, list[dict]] = {}
        for line in plain_records(pva):
            lines.setdefault(line["row_id"], []).append(line)
        display, inside_all, keys_inside = [], [], []
        recipe_hay, who_hay, model_hay = [], [], []
        actual_keys = {p: [] for p in REPORT_PROPS}
        words = outcome_words()
        for rec in records:
            rid = rec.get("row_id") or ""
            by_prop = {ln["property"]: ln for ln in lines.get(rid, [])}
            recipe = _loads(rec.get("recipe_json"))
            process = str(recipe.get("process_name") or recipe.get("process_id") or "")
            passed = rec.get("passed")
            outcome = words["passed"] if passed is True else words["failed"] if passed is False else "–"
            cells, inside = [], {}
            for p in REPORT_PROPS:
                ln = by_prop.get(p)
                if ln is None:
                    cells.append("")
                    actual_keys[p].append(np.nan)
                    continue
                actual_keys[p].append(float(ln["actual"]))
                cells.append(
                    QCoreApplication.translate("FeedbackViews", "{actual} vs {predicted}").format(
                        actual=fmt_prop(p, ln["actual"]), predicted=fmt_prop(p, ln.get("predicted"))
                    )
                )
                inside[p] = ln.get("inside_interval")
            n_in = sum(1 for v in inside.values() if v is True)
            n_int = sum(1 for v in inside.values() if v is not None)
            mlabel = model_label({"name": rec.get("model_name"), "version": rec.get("model_version")})
            row = (
                local_time(rec.get("recorded_at")),
                str(rec.get("who") or ""),
                f"{rec.get('recipe_id')} · {process}",
                outcome,
                *cells,
                QCoreApplication.translate("FeedbackViews", "{n} of {total}").format(n=n_in, total=n_int)
                if n_int
                else "–",
                mlabel,
                rid,
            )
            display.append(tuple(str(x) for x in row))
            inside_all.append(inside)
            keys_inside.append(n_in / n_int if n_int else np.nan)
            recipe_hay.append(
                f"{rec.get('recipe_id')} {process} "
                + " ".join(str(it.get("name") or it.get("item_id")) for it in recipe.get("items") or [])
            )
            who_hay.append(str(rec.get("who") or ""))
            model_hay.append(f"{rec.get('model_name') or 'physics'} {rec.get('model_version') or ''}")
        n = len(records)
        text_col = lambda i: np.array([d[i].lower() for d in display], object)  # noqa: E731
        sort_keys = [
            np.array([str(r.get("recorded_at") or "") for r in records], object),
            text_col(1),
            text_col(2),
            text_col(3),
            *(np.array(actual_keys[p], float).reshape(n) for p in REPORT_PROPS),
            np.array(keys_inside, float).reshape(n),
            text_col(len(FEEDBACK_COLUMNS) - 2),
            text_col(len(FEEDBACK_COLUMNS) - 1),
        ]
        hay = {
            "all": np.array([" ".join(d).lower() + " " + h.lower() for d, h in zip(display, recipe_hay)], object),
            "recipe": np.array([h.lower() for h in recipe_hay], object),
            "who": np.array([h.lower() for h in who_hay], object),
            "model": np.array([h.lower() for h in model_hay], object),
        }
        return cls(records, [r.get("row_id") or "" for r in records], display, sort_keys, hay, inside_all, lines)


def load_feedback_list(_ctx=None) -> FeedbackListView:
    """Runs on a worker: every recorded report, with predicted vs actual per property."""
    df = list_feedback()
    return FeedbackListView.build(df, predicted_vs_actual(df))


PVA_COLUMNS: tuple[tuple[str, str, str], ...] = (
    (
        "property",
        QT_TRANSLATE_NOOP("FeedbackViews", "Property"),
        QT_TRANSLATE_NOOP("FeedbackViews", "The property and its unit"),
    ),
    (
        "predicted",
        QT_TRANSLATE_NOOP("FeedbackViews", "Predicted"),
        QT_TRANSLATE_NOOP("FeedbackViews", "What the model predicted"),
    ),
    (
        "interval",
        QT_TRANSLATE_NOOP("FeedbackViews", "95% interval"),
        QT_TRANSLATE_NOOP("FeedbackViews", "The predicted 95% interval"),
    ),
    (
        "actual",
        QT_TRANSLATE_NOOP("FeedbackViews", "Actual"),
        QT_TRANSLATE_NOOP("FeedbackViews", "What the crew measured or judged"),
    ),
    (
        "error",
        QT_TRANSLATE_NOOP("FeedbackViews", "Difference"),
        QT_TRANSLATE_NOOP("FeedbackViews", "Actual − predicted, in the property's unit"),
    ),
    (
        "inside",
        QT_TRANSLATE_NOOP("FeedbackViews", "Inside"),
        QT_TRANSLATE_NOOP("FeedbackViews", "Whether the actual value fell inside the predicted 95% interval"),
    ),
    (
        "how",
        QT_TRANSLATE_NOOP("FeedbackViews", "How it was found"),
        QT_TRANSLATE_NOOP("FeedbackViews", "measured or judged, and what was done"),
    ),
)


METHOD_WORDS = {
    "measured": QT_TRANSLATE_NOOP("FeedbackViews", "measured"),
    "judged": QT_TRANSLATE_NOOP("FeedbackViews", "judged"),
}


def _signed(name: str, x: float) -> str:
    if x == 0:
        return "0"
    return ("+" if x > 0 else "−") + fmt_prop(name, abs(x))


def protocol_title(how: str) -> str:
    """How a value was measured: a protocol's title in the window's language for a protocol key
    ("bend"), else the crew's own words as typed."""
    protocol = measurement_protocols_by_key().get(how)
    return QCoreApplication.translate("MeasureWidget", protocol.title) if protocol is not None else how


def pva_rows(record: Mapping | None, lines: list[dict]) -> list[tuple[tuple[str, ...], bool | None]]:
    """Display rows of the predicted-vs-actual table for one report: (cells, inside)."""
    out = []
    for ln in lines:
        p = ln["property"]
        unit = PROP_UNITS.get(p, ln.get("unit") or "")
        method = str(ln.get("method") or "")
        how = tr_text(METHOD_WORDS[method]) if method in METHOD_WORDS else method
        if record is not None and p in ("rigidity", "tightness") and record.get(f"{p}_how"):
            protocol = protocol_title(str(record.get(f"{p}_how")))
            how = f"{how}: {protocol}" if how else protocol
        low, high = ln.get("low"), ln.get("high")
        interval = "–" if low is None or high is None else f"{fmt_prop(p, low)}–{fmt_prop(p, high)}"
        err = ln.get("error")
        inside = ln.get("inside_interval")
        cells = (
            f"{prop_title(p)} ({unit})",
            fmt_prop(p, ln.get("predicted")),
            interval,
            fmt_prop(p, ln.get("actual")),
            "–" if err is None else _signed(p, float(err)),
            QCoreApplication.translate("FeedbackViews", "yes")
            if inside is True
            else QCoreApplication.translate("FeedbackViews", "no")
            if inside is False
            else "–",
            how or "–",
        )
        out.append((cells, inside))
    return out
