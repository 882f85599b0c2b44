"""What a generation run hands back: candidates with every property, interval and unit, vetting
reasons, Pareto rank and mass flows; plus the run's statistics. Plain data, shared by the window,
the command line and the batch queue (the JSON form is the versioned result contract in
``spacetrash_desktop/resources/result.schema.json``)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from spacetrash_desktop.domain import LOSS_STREAMS, PROPERTIES, PROPERTY_NAMES, Recipe, RecipeStatus, Target
from spacetrash_desktop.engine.physics import PhysicsResult, score_physics
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.recommend import meets_target_probability, recommendation_summary
from spacetrash_desktop.engine.search import Store
from spacetrash_desktop.engine.tables import EngineTables
from spacetrash_desktop.engine.vetting import INFEASIBLE_MASK, REFUSED_MASK, explain, recipe_hazards


@dataclass(frozen=True)
class Candidate:
    recipe: Recipe
    recipe_id: str
    process_name: str
    item_names: tuple[str, ...]
    item_kg: tuple[float, ...]
    values: Mapping[str, float]
    low: Mapping[str, float]
    high: Mapping[str, float]
    status: str  # a RecipeStatus: feasible | infeasible | refused
    flags: int
    reasons: tuple[dict, ...]
    pareto_rank: int  # 1 = on the front; 0 = not ranked (infeasible)
    preference: float  # share of the feed from problematic waste
    ood: bool
    details: Mapping[str, float]
    # crew hazards of the materials in the feed: {code, material_id, material, text, ppe} each
    hazards: tuple[dict, ...] = ()
    # recommendation (engine/recommend.py): chance of meeting every requirement; the one recommended recipe
    p_meets_target: float = 0.0
    recommended: bool = False

    @property
    def feasible(self) -> bool:
        return self.status == RecipeStatus.FEASIBLE

    @property
    def on_front(self) -> bool:
        return self.pareto_rank == 1

    def losses(self) -> dict[str, float]:
        return {key: float(self.details.get(src, 0.0)) for src, key, _ in LOSS_STREAMS}

    def to_dict(self) -> dict:
        rec = self.recipe
        return {
            "id": self.recipe_id,
            "items": [
                {"item_id": iid, "name": name, "fraction": round(f, 6), "mass_kg": round(kg, 6)}
                for (iid, f), name, kg in zip(rec.items, self.item_names, self.item_kg)
            ],
            "regolith_frac": round(rec.regolith_frac, 6),
            "regolith_kg": round(float(self.details.get("regolith_kg", 0.0)), 6),
            "process_id": rec.process_id,
            "process_name": self.process_name,
            "batch_mass_kg": rec.batch_mass_kg,
            "properties": {
                name: {
                    "value": _r(self.values[name]),
                    "low": _r(self.low[name]),
                    "high": _r(self.high[name]),
                    "unit": unit,
                }
                for name, unit, _ in PROPERTIES
            },
            "status": self.status,
            "feasible": self.feasible,
            "pareto_rank": self.pareto_rank,
            "on_front": self.on_front,
            "problematic_share": _r(self.preference),
            "ood": bool(self.ood),
            "flags": [dict(r) for r in self.reasons],
            "hazards": [dict(h) for h in self.hazards],
            "p_meets_target": _r(self.p_meets_target),
            "recommended": bool(self.recommended),
            "mass_flow": {
                "feed_kg": _r(self.details.get("feed_kg", 0.0)),
                "product_kg": _r(self.details.get("product_kg", 0.0)),
                "losses": {k: _r(v) for k, v in self.losses().items()},
            },
            "details": {
                "modulus_gpa": _r(self.details.get("modulus_gpa", 0.0)),
                "strength_mpa": _r(self.details.get("strength_mpa", 0.0)),
                "porosity": _r(self.details.get("porosity", 0.0)),
                "melt_fraction": _r(self.details.get("melt_fraction", 0.0)),
                "hydrogen_wt_pct": _r(self.details.get("hydrogen_wt_pct", 0.0)),
                "batches": int(self.details.get("batches", 1)),
                "heat_kwh": _r(self.details.get("heat_kwh", 0.0)),
                "water_recovered_l": _r(self.details.get("water_recovered_l", 0.0)),
                # hidden steps (1.1): already included in energy, water and crew time
                "shred_kwh": _r(self.details.get("shred_kwh", 0.0)),
                "shred_crew_min": _r(self.details.get("shred_crew_min", 0.0)),
                "drying_kwh": _r(self.details.get("drying_kwh", 0.0)),
                "drying_crew_min": _r(self.details.get("drying_crew_min", 0.0)),
                "dried_water_kg": _r(self.details.get("dried_water_kg", 0.0)),
                "warmup_kwh": _r(self.details.get("warmup_kwh", 0.0)),
                "consumables_kg": _r(self.details.get("consumables_kg", 0.0)),
            },
        }


def _r(x) -> float:
    x = float(x)
    return round(x, 6) if np.isfinite(x) else x


@dataclass
class GenerationResult:
    target: Target
    candidates: list[Candidate]
    stats: Mapping
    model: Mapping
    inputs: Mapping = field(default_factory=dict)
    hypervolume: float = 0.0
    partial: bool = False

    @property
    def front(self) -> list[Candidate]:
        return [c for c in self.candidates if c.on_front]

    @property
    def recommended(self) -> Candidate | None:
        """The recommended recipe (None when no recipe is feasible)."""
        return next((c for c in self.candidates if c.recommended), None)

    @property
    def recommendation(self) -> dict | None:
        """The ``recommended`` block of the result: id, chance, reason, rule (None without one)."""
        return recommendation_summary(self.candidates, self.target)


# building a result's candidates is pure Python: hand the interpreter lock over this often, so the
# window's GUI thread is not kept waiting (`spacetrash bench gui`, README "GUI benchmark": the median
# longest stall per generation fell from 35 to 17 ms)
HAND_OVER_S = 0.002


def build_candidates(
    tables: EngineTables,
    target: Target,
    arrays: Mapping[str, np.ndarray],
    rows: np.ndarray,
    ranks: np.ndarray | None,
    cache: dict | None = None,
) -> list[Candidate]:
    """Turn store rows into Candidate objects (cached by recipe content when a cache is given)."""
    rows = np.asarray(rows, int)
    keys = []
    todo = []
    for r in rows:
        rank = int(ranks[r]) if ranks is not None else 1
        key = (
            arrays["idx"][r].tobytes(),
            arrays["frac"][r].round(6).tobytes(),
            float(arrays["reg"][r]),
            int(arrays["proc"][r]),
            rank,
        )
        keys.append(key)
        if cache is None or key not in cache:
            todo.append(r)
    built: dict = {}
    if todo:
        todo_rows = np.array(todo, int)
        b = RecipeBatch(
            arrays["idx"][todo_rows], arrays["frac"][todo_rows], arrays["reg"][todo_rows], arrays["proc"][todo_rows]
        )
        # physics again for these rows only (cheap, vectorised): the store keeps no per-material data
        ph = score_physics(tables, b, float(target.batch_mass_kg))
        handed = time.perf_counter()
        for j, r in enumerate(todo_rows):
            rank = int(ranks[r]) if ranks is not None else 1
            built[int(r)] = _candidate(tables, target, arrays, int(r), rank, b, j, ph)
            if time.perf_counter() - handed > HAND_OVER_S:
                # pure Python for tens of ms: let a waiting thread (the window's) take the interpreter
                # lock now rather than after the switch interval at every one of its calls
                time.sleep(0)
                handed = time.perf_counter()
    out = []
    for r, key in zip(rows, keys):
        if int(r) in built:
            c = built[int(r)]
            if cache is not None:
                cache[key] = c
        else:
            assert cache is not None  # a row is skipped above only when the cache holds it
            c = cache[key]
        out.append(c)
    return out


def _candidate(
    tables: EngineTables,
    target: Target,
    arrays: Mapping[str, np.ndarray],
    r: int,
    rank: int,
    b: RecipeBatch,
    j: int,
    ph: PhysicsResult,
) -> Candidate:
    """Store row ``r`` (row ``j`` of the re-scored batch ``b``, physics ``ph``) as a Candidate."""
    extra_names = Store.EXTRA
    ne = len(extra_names)
    pad = tables.n_items
    props = arrays["props"][r]
    flags = int(arrays["flags"][r])
    ex = arrays["extra"][r]
    details = {name: float(ex[i]) for i, name in enumerate(extra_names)}
    slot_kg = ex[ne:]
    items, names, kgs = [], [], []
    for k in range(b.idx.shape[1]):
        it = int(b.idx[j, k])
        if it == pad or b.frac[j, k] <= 0:
            continue
        items.append((tables.item_ids[it], float(b.frac[j, k])))
        names.append(tables.item_names[it])
        kgs.append(float(slot_kg[k]))
    recipe = Recipe(
        items=tuple(items),
        regolith_frac=float(b.reg[j]),
        process_id=tables.process_ids[int(b.proc[j])],
        batch_mass_kg=float(target.batch_mass_kg),
    )
    reasons = explain(tables, b, j, flags, ph, target, props)
    status = (
        RecipeStatus.REFUSED
        if flags & REFUSED_MASK
        else (RecipeStatus.INFEASIBLE if flags & INFEASIBLE_MASK else RecipeStatus.FEASIBLE)
    )
    values = {n: float(props[i]) for i, n in enumerate(PROPERTY_NAMES)}
    low = {n: float(arrays["lo"][r][i]) for i, n in enumerate(PROPERTY_NAMES)}
    high = {n: float(arrays["hi"][r][i]) for i, n in enumerate(PROPERTY_NAMES)}
    ood = bool(arrays["ood"][r])
    feasible = status == RecipeStatus.FEASIBLE
    return Candidate(
        recipe=recipe,
        recipe_id=recipe.recipe_id,
        process_name=tables.processes[int(b.proc[j])].name,
        item_names=tuple(names),
        item_kg=tuple(kgs),
        values=values,
        low=low,
        high=high,
        status=status,
        flags=flags,
        reasons=tuple(reasons),
        pareto_rank=rank if status == RecipeStatus.FEASIBLE else 0,
        preference=float(arrays["pref"][r]),
        ood=ood,
        details=details,
        hazards=tuple(recipe_hazards(tables, b, j, ph.material_frac[j])),
        p_meets_target=meets_target_probability(values, low, high, target, ood=ood, feasible=feasible),
    )
