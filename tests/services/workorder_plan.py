"""A small production plan of real recipes for the day work-order tests (services, window, command line):
three scenario products, each with the feasible recipes of a physics-scored set of single items and item pairs (the plan's
candidates as a search would give them, with their result-contract recipes and the model), solved for
ten sols in periods of five, so a sol makes several plan lines."""

from __future__ import annotations

import itertools
import json
from functools import lru_cache

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.services import plan as plan_service
from spacetrash_desktop.services.workorder import score_recipes

MODEL = {"name": "spacetrash-residual", "version": "1.0.0", "status": "ready"}
PRODUCTS = ("rr_interior_fittings", "dd_tiles", "cc_small_gifts")
BUDGETS = plan_service.Budgets(60.0, 10.0, 1500.0, {"hot_press_lamination": 8})


@lru_cache(maxsize=1)
def plan_candidates() -> dict[str, list[plan_service.PlanCandidate]]:
    cat = load_catalog()
    ids = [i.item_id for i in cat.default_inventory]
    products = {p.target_id: p for t in cat.targets.values() if t.kind == "scenario" for p in t.products}
    out = {}
    for pid in PRODUCTS:
        target = products[pid]
        recipes = []
        for proc in cat.processes.values():
            reg = 0.0 if proc.regolith_max <= 0 else round((proc.regolith_min + proc.regolith_max) / 2, 2)
            for a in ids:  # one item alone (the interior fittings are bolted struts)
                recipes.append(Recipe(((a, 1.0),), reg, proc.process_id, target.batch_mass_kg))
            for a, b in itertools.combinations(ids, 2):
                recipes.append(Recipe(((a, 0.5), (b, 0.5)), reg, proc.process_id, target.batch_mass_kg))
        cands = score_recipes(recipes, cat.default_inventory, target)
        out[pid] = plan_service.candidates_from_result(cands, cat.default_inventory, pid, 4, MODEL)
    return out


def plan_request() -> plan_service.PlanRequest:
    cat = load_catalog()
    names = {p.target_id: p.name for t in cat.targets.values() for p in t.products}
    demands = tuple(plan_service.Demand(pid, names[pid], 6, "units", k + 1) for k, pid in enumerate(PRODUCTS))
    return plan_service.PlanRequest(
        demands, tuple(cat.default_inventory), BUDGETS, horizon_sols=10, period_sols=5, marginal=False
    )


@lru_cache(maxsize=1)
def _plan_json() -> str:
    result = plan_service.solve(plan_request(), plan_candidates())
    return json.dumps(plan_service.plan_to_dict(result))


def plan_doc() -> dict:
    """The plan file's JSON (a fresh copy each call)."""
    return json.loads(_plan_json())
