"""Suggested trials for the window and the command line (``spacetrash suggest``): the feasible
recipes of a search for the current target and inventory, the crew reports already in the feedback
journal, and :func:`ml.suggest.suggest` to rank them (docs/TRIALS.md)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from spacetrash_desktop.context import NullContext, RunContext
from spacetrash_desktop.domain import PROPERTY_NAMES, Target, WasteItem
from spacetrash_desktop.engine.results import Candidate, GenerationResult
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml.measurements import G_MARS, PROTOCOLS, Protocol
from spacetrash_desktop.ml.measurements import Measurement as Measurement  # re-exported for the window
from spacetrash_desktop.ml.measurements import MeasurementError as MeasurementError
from spacetrash_desktop.ml.measurements import measure as measure
from spacetrash_desktop.ml.suggest import (
    INTEREST_FEASIBLE,
    INTEREST_FRONT,
    INTEREST_RECOMMENDED,
    Budget,
    Option,
    Suggestion,
    composition,
    material_axis,
    suggest,
)
from spacetrash_desktop.services.feedback import list_feedback, plain_records
from spacetrash_desktop.services.generate import generate

DEFAULT_N = 5
LOCAL_GRAVITY = G_MARS  # the bend and drip tests' weight and water column (docs/MEASURING.md)


def measurement_protocols() -> list[Protocol]:
    """The measurement protocols (docs/MEASURING.md), in the order the Feedback panel lists them."""
    return list(PROTOCOLS.values())


def measurement_protocols_by_key() -> dict[str, Protocol]:
    return dict(PROTOCOLS)


_MEASURED_KEYS = ("rigidity", "tightness", "energy_kwh", "water_l", "crew_min")


@dataclass(frozen=True)
class TrialSuggestion:
    """One suggested trial: the recipe (a feasible candidate of the search), what it is expected to
    teach and what it costs."""

    rank: int
    candidate: Candidate
    teaches: str
    stock_kg: tuple[tuple[str, str, float], ...]  # (item id, item name, kg)
    energy_kwh: float
    crew_min: float
    score: float
    family: str

    @property
    def cost_text(self) -> str:
        kg = ", ".join(msg("{kg:.2f} kg {name}", kg=kg, name=name) for _, name, kg in self.stock_kg)
        return msg(
            "{stock}; {energy:.2f} kWh; {crew:.0f} min of crew time",
            stock=kg,
            energy=self.energy_kwh,
            crew=self.crew_min,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "recipe_id": self.candidate.recipe_id,
            "recipe": self.candidate.to_dict(),
            "family": self.family,
            "teaches": self.teaches,
            "cost": {
                "stock_kg": [{"item_id": i, "name": n, "kg": round(kg, 4)} for i, n, kg in self.stock_kg],
                "energy_kwh": round(self.energy_kwh, 4),
                "crew_min": round(self.crew_min, 2),
            },
            "score": round(self.score, 6),
        }


@dataclass
class TrialPlan:
    target: Target
    suggestions: list[TrialSuggestion]
    feedback_rows: int  # journal rows that counted as information
    candidates: int  # feasible recipes considered
    families: int = 0  # distinct families (process + main items) among them
    asked: int = 0
    budget_kwh: float | None = None
    budget_crew_min: float | None = None
    result: GenerationResult | None = field(default=None, repr=False)

    @property
    def note(self) -> str:
        if self.suggestions:
            fewer = ""
            if len(self.suggestions) < self.asked:
                fewer = msg(
                    " Fewer than {asked}: the feasible recipes form {families} "
                    "families (one trial each), or the stock or the trial budget ran out.",
                    asked=self.asked,
                    families=self.families,
                )
            return msg(
                "{trials} trial(s) from {candidates} feasible recipes; {reports} crew report(s) already count.{fewer}",
                trials=len(self.suggestions),
                candidates=self.candidates,
                reports=self.feedback_rows,
                fewer=fewer,
            )
        if not self.candidates:
            return msg("No feasible recipe for this target and inventory: nothing to try.")
        return msg("No trial fits the stock and the trial budget (or every recipe of interest is already well known).")

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target.to_dict(),
            "budget": {"kwh": self.budget_kwh, "crew_min": self.budget_crew_min},
            "feasible_recipes": self.candidates,
            "feedback_rows_counted": self.feedback_rows,
            "note": self.note,
            "suggestions": [s.to_dict() for s in self.suggestions],
        }


def options_from_result(result: GenerationResult, items: Sequence[WasteItem]) -> list[Option]:
    """The feasible candidates of a search as trial options (recommended and front recipes are the
    recipes of interest)."""
    by_id = {it.item_id: it for it in items}
    axis = material_axis(items)
    out = []
    for c in result.candidates:
        if not c.feasible:
            continue
        comp = composition(c.recipe, by_id, axis)
        if comp is None:
            continue
        interest = INTEREST_RECOMMENDED if c.recommended else (INTEREST_FRONT if c.on_front else INTEREST_FEASIBLE)
        out.append(
            Option(
                recipe=c.recipe,
                label=f"{' + '.join(c.item_names)}, {c.process_name}",
                values=np.array([float(c.values[k]) for k in PROPERTY_NAMES]),
                low=np.array([float(c.low[k]) for k in PROPERTY_NAMES]),
                high=np.array([float(c.high[k]) for k in PROPERTY_NAMES]),
                item_kg=tuple((iid, float(kg)) for (iid, _), kg in zip(c.recipe.items, c.item_kg)),
                interest=interest,
                composition=comp,
            )
        )
    return out


def feedback_information(
    rows: Sequence[Mapping[str, Any]], items: Sequence[WasteItem]
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """(compositions, processes, weights [F, 5]) of journal rows that measured something: weight 1
    for a property measured (or a recorded energy / water / crew time), 0.5 for a judged rigidity or
    tightness, 0 otherwise. Rows whose recipe names an item not in ``items`` are left out."""
    by_id = {it.item_id: it for it in items}
    axis = material_axis(items)
    comps, procs, weights = [], [], []
    for row in rows:
        recipe = row.get("recipe_json")
        if isinstance(recipe, str):
            try:
                recipe = json.loads(recipe)
            except ValueError:
                continue
        if not isinstance(recipe, Mapping):
            continue
        comp = composition(recipe, by_id, axis)
        if comp is None:
            continue
        w = np.zeros(len(PROPERTY_NAMES))
        for k, key in enumerate(_MEASURED_KEYS):
            v = row.get(key)
            if v is None or (isinstance(v, float) and not np.isfinite(v)):
                continue
            method = row.get(f"{key}_method") if k < 2 else "measured"
            w[k] = 1.0 if method == "measured" else 0.5
        if w.any():
            comps.append(comp)
            procs.append(str(recipe.get("process_id")))
            weights.append(w)
    if not comps:
        return np.zeros((0, len(axis))), [], np.zeros((0, len(PROPERTY_NAMES)))
    return np.stack(comps), procs, np.stack(weights)


def plan_trials(
    result: GenerationResult,
    items: Sequence[WasteItem],
    *,
    n: int = DEFAULT_N,
    budget_kwh: float | None = None,
    budget_crew_min: float | None = None,
    feedback_rows: Sequence[Mapping[str, Any]] | None = None,
) -> TrialPlan:
    """Suggested trials for a finished search ``result`` over ``items`` (the stock). ``feedback_rows``:
    journal rows (default: the whole journal)."""
    if n < 1:
        raise BadInputError(msg("Ask for at least one trial (--n 1 or more)."))
    for name, v in (("energy", budget_kwh), ("crew-time", budget_crew_min)):
        if v is not None and not (np.isfinite(v) and v > 0):
            raise BadInputError(
                msg("The energy budget must be a positive number.")
                if name == "energy"
                else msg("The crew-time budget must be a positive number.")
            )
    rows = plain_records(list_feedback()) if feedback_rows is None else list(feedback_rows)
    fb = feedback_information(rows, items)
    options = options_from_result(result, items)
    stock = {it.item_id: float(it.mass_kg) for it in items}
    picked = suggest(
        options, result.target, stock, feedback=fb, n=n, budget=Budget(kwh=budget_kwh, crew_min=budget_crew_min)
    )
    cands = {c.recipe_id: c for c in result.candidates}
    names = {it.item_id: it.name for it in items}
    out = [_trial(rank, s, cands, names) for rank, s in enumerate(picked, start=1)]
    families = len({o.family for o in options})
    return TrialPlan(result.target, out, len(fb[1]), len(options), families, n, budget_kwh, budget_crew_min, result)


def _trial(rank: int, s: Suggestion, cands: Mapping[str, Candidate], names: Mapping[str, str]) -> TrialSuggestion:
    o = s.option
    cand = cands[o.recipe.recipe_id]
    _proc, main = o.family
    return TrialSuggestion(
        rank=rank,
        candidate=cand,
        teaches=s.teaches,
        stock_kg=tuple((iid, names.get(iid, iid), kg) for iid, kg in o.item_kg),
        energy_kwh=o.energy_kwh,
        crew_min=o.crew_min,
        score=s.score,
        family=f"{cand.process_name}: {' + '.join(names.get(i, i) for i in main)}",
    )


def suggest_trials(
    items: Sequence[WasteItem],
    target: Target,
    *,
    n: int = DEFAULT_N,
    budget_kwh: float | None = None,
    budget_crew_min: float | None = None,
    ctx: RunContext | None = None,
    seed: int = 0,
    time_budget_s: float | None = None,
    max_evals: int | None = None,
    result: GenerationResult | None = None,
    scorer: Any = None,
) -> TrialPlan:
    """Search the recipes for ``target`` (unless ``result`` is given: a finished search over the same
    items), then plan ``n`` trials. A job: progress and cancel through ``ctx``. ``scorer``: the search's
    scorer (default: the active model)."""
    ctx = ctx or NullContext()
    if result is None:
        result = generate(
            items, target, scorer=scorer, ctx=ctx, seed=seed, time_budget_s=time_budget_s, max_evals=max_evals
        )
    ctx.check_cancelled()
    ctx.progress(95, 100, msg("ranking the trials"))
    return plan_trials(result, items, n=n, budget_kwh=budget_kwh, budget_crew_min=budget_crew_min)
