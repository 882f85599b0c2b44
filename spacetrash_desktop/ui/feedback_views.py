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

from spacetrash_desktop.domain import PROPERTY_NAMES, finite_float
from spacetrash_desktop.services.feedback import (
    build_feedback_row,
    list_feedback,
    plain_records,
    plain_value,
    predicted_vs_actual,
)
from spacetrash_desktop.ui.views import OBJECTIVES, fmt_kg, fmt_value

REPORT_PROPS: tuple[str, ...] = (*PROPERTY_NAMES, "product_mass_kg")
PROP_TITLES = {**{k: v[0] for k, v in OBJECTIVES.items()}, "product_mass_kg": "Product mass"}
SHORT_TITLES = {**PROP_TITLES, "crew_min": "Crew", "product_mass_kg": "Product"}
PROP_UNITS = {
    "rigidity": "0–1",
    "tightness": "0–1",
    "energy_kwh": "kWh",
    "water_l": "L",
    "crew_min": "min",
    "product_mass_kg": "kg",
}
MODEL_KEYS = ("name", "version", "status", "manifest_sha256")


def fmt_prop(name: str, x: float | None) -> str:
    if x is None or not math.isfinite(x):
        return "–"
    if name == "product_mass_kg":
        return f"{x:.2f}" if abs(x) < 100 else f"{x:,.0f}"
    return fmt_value(name, x)


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
        return "the physics model"
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
        return str((self.target or {}).get("name") or "no target recorded")

    @property
    def model_label(self) -> str:
        return model_label(self.model)

    def items_text(self) -> str:
        items = sorted(self.candidate.get("items") or [], key=lambda it: -float(it.get("fraction") or 0.0))
        parts = [f"{float(it.get('fraction') or 0.0):.0%} {it.get('name') or it.get('item_id')}" for it in items]
        reg = float(self.candidate.get("regolith_frac") or 0.0)
        text = "; ".join(parts)
        if reg > 0:
            text += f" + {reg:.0%} MGS-1 regolith in the feed"
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


# ------------------------------------------------------------------------------------ past feedback

# (key, title, tooltip) of the past-feedback table
FEEDBACK_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("recorded", "Recorded", "When the report was saved (local time)"),
    ("who", "Who", "Who reported it"),
    ("recipe", "Recipe", "The recipe the crew made: its id and process"),
    ("outcome", "Outcome", "passed, failed, or not said"),
    *(
        (
            p,
            SHORT_TITLES[p] if PROP_UNITS[p] == "0–1" else f"{SHORT_TITLES[p]} ({PROP_UNITS[p]})",
            f"{PROP_TITLES[p]} ({PROP_UNITS[p]}): what the crew found vs what was predicted. Green: inside the "
            "predicted 95% interval; red: outside it.",
        )
        for p in REPORT_PROPS
    ),
    ("inside", "Inside", "How many of the reported values fell inside the predicted 95% interval"),
    ("model", "Predicted by", "The model (name and version) that made the prediction"),
    ("row_id", "Row ID", "The unique id of the report"),
)
FILTER_FIELDS: tuple[tuple[str, str], ...] = (
    ("all", "Everything"),
    ("recipe", "Recipe"),
    ("who", "Who"),
    ("model", "Model version"),
)


def local_time(iso: Any) -> str:
    if not isinstance(iso, str):
        return "?"
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return t.astimezone().strftime("%Y-%m-%d %H:%M")


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
        for rec in records:
            rid = rec.get("row_id") or ""
            by_prop = {ln["property"]: ln for ln in lines.get(rid, [])}
            recipe = _loads(rec.get("recipe_json"))
            process = str(recipe.get("process_name") or recipe.get("process_id") or "")
            passed = rec.get("passed")
            outcome = "passed" if passed is True else "failed" if passed is False else "–"
            cells, inside = [], {}
            for p in REPORT_PROPS:
                ln = by_prop.get(p)
                if ln is None:
                    cells.append("")
                    actual_keys[p].append(np.nan)
                    continue
                actual_keys[p].append(float(ln["actual"]))
                cells.append(f"{fmt_prop(p, ln['actual'])} vs {fmt_prop(p, ln.get('predicted'))}")
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
                f"{n_in} of {n_int}" if n_int else "–",
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
    ("property", "Property", "The property and its unit"),
    ("predicted", "Predicted", "What the model predicted"),
    ("interval", "95% interval", "The predicted 95% interval"),
    ("actual", "Actual", "What the crew measured or judged"),
    ("error", "Difference", "Actual − predicted, in the property's unit"),
    ("inside", "Inside", "Whether the actual value fell inside the predicted 95% interval"),
    ("how", "How it was found", "measured or judged, and what was done"),
)


def _signed(name: str, x: float) -> str:
    if x == 0:
        return "0"
    return ("+" if x > 0 else "−") + fmt_prop(name, abs(x))


def pva_rows(record: Mapping | None, lines: list[dict]) -> list[tuple[tuple[str, ...], bool | None]]:
    """Display rows of the predicted-vs-actual table for one report: (cells, inside)."""
    out = []
    for ln in lines:
        p = ln["property"]
        unit = PROP_UNITS.get(p, ln.get("unit") or "")
        how = str(ln.get("method") or "")
        if record is not None and p in ("rigidity", "tightness") and record.get(f"{p}_how"):
            how = f"{how}: {record.get(f'{p}_how')}" if how else str(record.get(f"{p}_how"))
        low, high = ln.get("low"), ln.get("high")
        interval = "–" if low is None or high is None else f"{fmt_prop(p, low)}–{fmt_prop(p, high)}"
        err = ln.get("error")
        inside = ln.get("inside_interval")
        cells = (
            f"{PROP_TITLES.get(p, p)} ({unit})",
            fmt_prop(p, ln.get("predicted")),
            interval,
            fmt_prop(p, ln.get("actual")),
            "–" if err is None else _signed(p, float(err)),
            "yes" if inside is True else "no" if inside is False else "–",
            how or "–",
        )
        out.append((cells, inside))
    return out
