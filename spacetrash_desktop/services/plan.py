"""The mission production plan (docs/PLAN.md): the service behind the Plan tab, ``spacetrash plan``, the
batch queue's ``plan`` job and ``spacetrash bench plan``.

Candidate recipes per product come from the engine's search (each product's front, its recommended
recipe and a few diverse feasible recipes), cached by inventory and product so a what-if sweep or a
re-plan does not search again; the engine's MILP (``engine/plan.py``) then picks batches per period."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import math
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from spacetrash_desktop._version import __version__
from spacetrash_desktop.catalog.datasets import Catalog
from spacetrash_desktop.catalog.inventory import safe_csv_bytes
from spacetrash_desktop.catalog.mission import (
    BudgetRows,
    DemandRow,
    load_mission_defaults,
    read_budgets_file,
    read_demands_file,
)
from spacetrash_desktop.context import NullContext, RunContext
from spacetrash_desktop.domain import Target, WasteItem
from spacetrash_desktop.engine.plan import (
    BUDGET_NAMES,
    Budgets,
    Demand,
    PlanCandidate,
    PlanRequest,
    PlanResult,
    greedy_plan,
    solve_plan,
)
from spacetrash_desktop.engine.results import Candidate
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.messages import msg
from spacetrash_desktop.services.files import save_bytes, save_text
from spacetrash_desktop.services.generate import default_scorer, generate, inventory_sha256, target_sha256
from spacetrash_desktop.services.inventory import load_catalog  # in the window's language (English elsewhere)

__all__ = [
    "PLAN_SCHEMA_ID",
    "PLAN_SCHEMA_VERSION",
    "SweepPoint",
    "budgets_from_rows",
    "candidates_from_result",
    "default_plan_request",
    "demands_from_rows",
    "greedy",
    "load_budgets",
    "load_demands",
    "plan_candidates",
    "plan_to_dict",
    "plan_to_frame",
    "product_target",
    "request_with_budget_file",
    "save_plan",
    "solve",
    "summary_lines",
    "sweep_budget",
    "with_recipes",
]

PLAN_SCHEMA_ID = "spacetrash.plan"
PLAN_SCHEMA_VERSION = "1.1"  # 1.1: the lines' recipes ("recipes") and the model ("model")
PER_PRODUCT = 12  # candidate recipes per product the plan may choose from
DIFFICULTY_WEIGHT = {1: 0.0, 2: 0.5, 3: 1.0}  # share of an item's kg counted as problematic
MODEL_KEYS = ("name", "version", "status", "manifest_sha256")  # what the plan file says of the model


# ------------------------------------------------------------------------------------------ requests


def product_target(product_id: str, catalog: Catalog | None = None) -> Target:
    """The target of a scenario product (or a preset) by id."""
    catalog = catalog or load_catalog()
    if product_id in catalog.targets and not catalog.targets[product_id].products:
        return catalog.targets[product_id]
    for scenario in catalog.targets.values():
        for product in scenario.products:
            if product.target_id == product_id:
                return product
    known = [p.target_id for s in catalog.targets.values() for p in s.products] + [
        t.target_id for t in catalog.targets.values() if not t.products
    ]
    raise BadInputError(f"unknown product {product_id!r}; use one of: {', '.join(known)}")


def demands_from_rows(rows: Sequence[DemandRow], catalog: Catalog) -> tuple[Demand, ...]:
    return tuple(
        Demand(r.product_id, product_target(r.product_id, catalog).name, r.quantity, r.unit, r.priority, r.due_sol)
        for r in rows
    )


def budgets_from_rows(rows: BudgetRows) -> Budgets:
    return Budgets(rows.kwh_per_sol, rows.water_l_per_sol, rows.crew_min_per_sol, dict(rows.batches_per_sol))


def default_plan_request(
    catalog: Catalog | None = None,
    *,
    inventory: Sequence[WasteItem] | None = None,
    scenario: str | None = None,
) -> PlanRequest:
    """The three challenge scenarios' products over the mission (datasets/mission_demands.csv; only
    ``scenario``'s when given), the inventory (the bundled one by default) and the bundled budgets."""
    catalog = catalog or load_catalog()
    defaults = load_mission_defaults()
    rows = defaults.demands
    if scenario is not None:
        if scenario not in catalog.targets or not catalog.targets[scenario].products:
            names = ", ".join(t.target_id for t in catalog.targets.values() if t.products)
            raise BadInputError(f"unknown scenario {scenario!r}; use one of: {names}")
        rows = tuple(r for r in rows if r.scenario == scenario)
    b = defaults.budgets
    return PlanRequest(
        demands=demands_from_rows(rows, catalog),
        inventory=tuple(inventory if inventory is not None else catalog.default_inventory),
        budgets=budgets_from_rows(b),
        horizon_sols=b.horizon_sols or 1095,
        period_sols=b.period_sols or 30,
    )


def load_demands(path: str | Path, catalog: Catalog | None = None) -> tuple[Demand, ...]:
    """Demands from a CSV or JSON file; unknown products and bad figures raise BAD_INPUT naming the line."""
    return demands_from_rows(read_demands_file(path), catalog or load_catalog())


def load_budgets(path: str | Path) -> Budgets:
    """Daily budgets from a CSV (``budget,value``) or JSON file."""
    return budgets_from_rows(read_budgets_file(path))


def request_with_budget_file(request: PlanRequest, path: str | Path) -> PlanRequest:
    """``request`` with the budgets (and, when the file gives them, horizon and period) of a budget file."""
    rows = read_budgets_file(path)
    return PlanRequest(
        **{
            **request.__dict__,
            "budgets": budgets_from_rows(rows),
            "horizon_sols": rows.horizon_sols or request.horizon_sols,
            "period_sols": rows.period_sols or request.period_sols,
        }
    )


# ------------------------------------------------------------------------------------------ candidates

_CACHE: dict[tuple, list[PlanCandidate]] = {}
_CACHE_LOCK = threading.Lock()
CACHE_MAX = 64


def candidates_from_result(
    cands: Sequence[Candidate],
    items: Sequence[WasteItem],
    product_id: str,
    per_product: int = PER_PRODUCT,
    model: Mapping[str, Any] | None = None,
) -> list[PlanCandidate]:
    """The plan's recipes for one product from a search's candidates: the recommended recipe, then
    round-robin over the distinct item sets of the feasible recipes (front first, in the engine's
    order), so the plan has a recipe left when one item runs out. Each keeps its result-contract
    recipe and ``model`` (the scorer's info) for the plan file and the day's work order."""
    feasible = [c for c in cands if c.feasible]
    groups: dict[frozenset, list[Candidate]] = {}
    for c in sorted(feasible, key=lambda c: (not c.recommended, not c.on_front)):
        groups.setdefault(frozenset(i for i, _ in c.recipe.items), []).append(c)
    chosen: list[Candidate] = []
    queues = list(groups.values())
    while len(chosen) < per_product and any(queues):
        for q in queues:
            if q and len(chosen) < per_product:
                chosen.append(q.pop(0))
    difficulty = {it.item_id: it.difficulty for it in items}
    return [_plan_candidate(c, product_id, difficulty, model) for c in chosen]


def _plan_candidate(
    c: Candidate, product_id: str, difficulty: Mapping[str, int], model: Mapping[str, Any] | None = None
) -> PlanCandidate:
    items_kg: dict[str, float] = {}
    for (item, _), kg in zip(c.recipe.items, c.item_kg):
        items_kg[item] = items_kg.get(item, 0.0) + float(kg)
    names = " + ".join(f"{n} {f:.0%}" for n, (_, f) in zip(c.item_names, c.recipe.items))
    reg = msg(" + regolith {frac:.0%}", frac=c.recipe.regolith_frac) if c.recipe.regolith_frac else ""
    return PlanCandidate(
        recipe_id=c.recipe_id,
        product_id=product_id,
        process_id=c.recipe.process_id,
        recipe=c.recipe,
        label=f"{c.process_name}: {names}{reg}",
        product_kg_per_batch=float(c.details.get("product_kg", c.recipe.batch_mass_kg)) or c.recipe.batch_mass_kg,
        units_per_batch=1.0,
        items_kg_per_batch=items_kg,
        regolith_kg_per_batch=float(c.details.get("regolith_kg", 0.0)),
        energy_kwh=float(c.values["energy_kwh"]),
        water_l=float(c.values["water_l"]),
        crew_min=float(c.values["crew_min"]),
        problematic_kg=sum(kg * DIFFICULTY_WEIGHT.get(difficulty.get(i, 1), 0.0) for i, kg in items_kg.items()),
        machine_batches=float(c.details.get("batches", 1.0)),
        contract=c.to_dict(),
        model=dict(model) if model else None,
    )


def plan_candidates(
    request: PlanRequest,
    *,
    ctx: RunContext | None = None,
    per_product: int = PER_PRODUCT,
    catalog: Catalog | None = None,
    targets: Mapping[str, Target] | None = None,
    **search_kw: Any,
) -> dict[str, list[PlanCandidate]]:
    """Each demanded product's candidate recipes (searched by the engine; cached by inventory, product
    and search settings). Progress runs over the products; cancel stops between and inside searches.
    ``targets``: product id -> target for products not in the catalog (the benchmark's variants)."""
    ctx = ctx or NullContext()
    catalog = catalog or load_catalog()
    items = list(request.inventory)
    inv_hash = inventory_sha256(items)
    products = list(dict.fromkeys(d.product_id for d in request.demands))
    out: dict[str, list[PlanCandidate]] = {}
    scorer = search_kw.pop("scorer", None) or default_scorer()
    info = scorer.info.to_dict()
    model = json.dumps(info, sort_keys=True, default=str)
    for k, pid in enumerate(products):
        ctx.check_cancelled()
        target = targets[pid] if targets and pid in targets else product_target(pid, catalog)
        key = (inv_hash, target_sha256(target), per_product, model, json.dumps(search_kw, sort_keys=True, default=str))
        with _CACHE_LOCK:
            hit = _CACHE.get(key)
        if hit is None:
            ctx.progress(
                k,
                len(products),
                msg("Searching recipes for {product} ({k}/{n})", product=target.name, k=k + 1, n=len(products)),
            )
            result = generate(items, target, scorer=scorer, ctx=_Inner(ctx), catalog=catalog, **search_kw)
            ctx.check_cancelled()
            hit = candidates_from_result(result.candidates, items, pid, per_product, info)
            with _CACHE_LOCK:
                if len(_CACHE) >= CACHE_MAX:
                    _CACHE.pop(next(iter(_CACHE)))
                _CACHE[key] = hit
        out[pid] = list(hit)
    ctx.progress(len(products), len(products), msg("Recipes ready"))
    return out


class _Inner(RunContext):
    """A product search inside candidate generation: cancel passes through, its progress does not."""

    def __init__(self, outer: RunContext):
        super().__init__(deadline=outer.deadline)
        self.outer = outer

    def check_cancelled(self) -> None:
        self.outer.check_cancelled()

    @property
    def cancelled(self) -> bool:
        return self.outer.cancelled


def clear_candidate_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


# ------------------------------------------------------------------------------------------ solving


def _process_names(catalog: Catalog | None = None) -> dict[str, str]:
    catalog = catalog or load_catalog()
    return {pid: p.name for pid, p in catalog.processes.items()}


def solve(
    request: PlanRequest,
    candidates: Mapping[str, Sequence[PlanCandidate]] | None = None,
    *,
    ctx: RunContext | None = None,
    **search_kw: Any,
) -> PlanResult:
    """The plan for ``request``; candidates are searched (or taken from the cache) when not given."""
    ctx = ctx or NullContext()
    if candidates is None:
        candidates = plan_candidates(request, ctx=ctx, **search_kw)
    return with_recipes(solve_plan(request, candidates, ctx=ctx, process_names=_process_names()), candidates)


def greedy(request: PlanRequest, candidates: Mapping[str, Sequence[PlanCandidate]]) -> PlanResult:
    return with_recipes(greedy_plan(request, candidates), candidates)


def with_recipes(result: PlanResult, candidates: Mapping[str, Sequence[PlanCandidate]]) -> PlanResult:
    """``result`` knowing the candidates its lines use (by recipe id), so the plan file can carry their
    recipes for the day's work order."""
    used = {ln.recipe_id for ln in result.lines}
    found = {c.recipe_id: c for cs in candidates.values() for c in cs if c.recipe_id in used}
    return dataclasses.replace(result, recipes=found)


@dataclass(frozen=True)
class SweepPoint:
    value: float  # the budget per sol (kWh, L or crew minutes)
    demand_met_share: float  # priority-weighted share of demand met, 0..1
    waste_diverted_kg: float
    status: str = ""
    gap: float = 0.0


def sweep_budget(
    request: PlanRequest,
    candidates: Mapping[str, Sequence[PlanCandidate]],
    budget: str,
    values: Sequence[float],
    *,
    ctx: RunContext | None = None,
    on_point: Callable[[SweepPoint], None] | None = None,
) -> list[SweepPoint]:
    """Re-plan with one daily budget (``kwh``, ``water`` or ``crew``) set to each of ``values`` (the
    same candidates; no marginal re-solves); each point goes to ``ctx.partial`` as it is done."""
    if budget not in BUDGET_NAMES:
        raise BadInputError(f"unknown budget {budget!r}; use one of: {', '.join(BUDGET_NAMES)}")
    ctx = ctx or NullContext()
    points = []
    names = _process_names()
    for k, v in enumerate(values):
        ctx.check_cancelled()
        ctx.progress(k, len(values), msg("What-if: {budget} = {value:g} per sol", budget=budget, value=v))
        req = PlanRequest(**{**request.__dict__, "budgets": request.budgets.with_budget(budget, v), "marginal": False})
        res = solve_plan(req, candidates, ctx=ctx, process_names=names)
        point = SweepPoint(float(v), res.objective.demand_score, res.objective.waste_diverted_kg, res.status, res.gap)
        points.append(point)
        ctx.partial(point)
        if on_point is not None:
            on_point(point)
    ctx.progress(len(values), len(values), msg("What-if done"))
    return points


# ------------------------------------------------------------------------------------------ results


def _num(x: float) -> float | None:
    """JSON-safe number: None for unlimited (infinite) limits, 6 decimals otherwise."""
    return None if not math.isfinite(x) else round(float(x), 6)


def plan_to_dict(result: PlanResult) -> dict:
    """The versioned plan contract (docs/PLAN.md, "The plan file"): enough to check a plan by hand."""
    req = result.request
    obj = result.objective
    return {
        "schema": PLAN_SCHEMA_ID,
        "schema_version": PLAN_SCHEMA_VERSION,
        "engine_version": __version__,
        "created_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "inputs": _inputs_dict(req),
        "inventory": [
            {
                "item_id": it.item_id,
                "name": it.name,
                "category": it.category,
                "mass_kg": _num(it.mass_kg),
                "difficulty": it.difficulty,
            }
            for it in req.inventory
        ],
        "solver": {
            "method": result.method,
            "status": result.status,
            "gap": _num(result.gap),
            "stage_gaps": {k: _num(v) for k, v in result.stage_gaps.items()},
            "solve_seconds": round(result.solve_seconds, 4),
        },
        "objective": {
            "demand_score": _num(obj.demand_score),
            "demand_met_share": _num(obj.demand_met_share),
            "met_by_priority": {str(p): _num(v) for p, v in obj.met_by_priority.items()},
            "waste_diverted_kg": _num(obj.waste_diverted_kg),
            "problematic_kg": _num(obj.problematic_kg),
            "energy_kwh": _num(obj.energy_kwh),
            "water_l": _num(obj.water_l),
            "crew_min": _num(obj.crew_min),
        },
        "lines": _lines_dict(result),
        "periods": _periods_dict(result),
        "met": {pid: _num(q) for pid, q in result.met.items()},
        "unmet": [
            {
                "product_id": u.product_id,
                "short": _num(u.short_quantity),
                "unit": u.unit,
                "reason": u.reason,
                "limits": list(u.limits),
            }
            for u in result.unmet
        ],
        "marginal": [
            {
                "budget": mg.budget,
                "step_per_sol": mg.step,
                "demand_score_change": _num(mg.demand_met_share),
                "waste_diverted_kg_change": _num(mg.waste_diverted_kg),
                "text": mg.text,
            }
            for mg in result.marginal
        ],
        "stock_left": {i: _num(kg) for i, kg in result.stock_left.items()},
        **_recipes_dict(result),
    }


def _recipes_dict(result: PlanResult) -> dict:
    """Schema 1.1: ``recipes`` (recipe id -> the recipe as the result contract has it, or at least its
    items, regolith, process and batch mass) and ``model`` (the model that predicted them)."""
    recipes = {
        rid: _json_safe(c.contract) if c.contract else c.recipe.to_dict() for rid, c in sorted(result.recipes.items())
    }
    models = [
        _json_safe({k: c.model[k] for k in MODEL_KEYS if k in c.model}) for c in result.recipes.values() if c.model
    ]
    return {"recipes": recipes, **({"model": models[0]} if models else {})}


def _json_safe(value: Any) -> Any:
    """``value`` with every non-finite number as null (the plan file is strict JSON)."""
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _inputs_dict(req: PlanRequest) -> dict:
    b = req.budgets
    return {
        "inventory_sha256": inventory_sha256(req.inventory),
        "horizon_sols": req.horizon_sols,
        "period_sols": req.period_sols,
        "waste_weight": req.waste_weight,
        "time_limit_s": req.time_limit_s,
        "mip_gap": req.mip_gap,
        "budgets": {
            "kwh_per_sol": _num(b.kwh_per_sol),
            "water_l_per_sol": _num(b.water_l_per_sol),
            "crew_min_per_sol": _num(b.crew_min_per_sol),
            "batches_per_sol": {p: _num(v) for p, v in b.batches_per_sol.items()},
        },
        "demands": [
            {
                "product_id": d.product_id,
                "product_name": d.product_name,
                "quantity": d.quantity,
                "unit": d.unit,
                "priority": d.priority,
                "due_sol": d.due_sol,
            }
            for d in req.demands
        ],
    }


def _lines_dict(result: PlanResult) -> list[dict]:
    return [
        {
            "period": ln.period,
            "first_sol": ln.first_sol,
            "last_sol": ln.last_sol,
            "product_id": ln.product_id,
            "recipe_id": ln.recipe_id,
            "recipe": ln.label,
            "process_id": ln.process_id,
            "batches": ln.batches,
            "product_kg": _num(ln.product_kg),
            "items_kg": {i: _num(kg) for i, kg in ln.items_kg.items()},
            "regolith_kg": _num(ln.regolith_kg),
            "energy_kwh": _num(ln.energy_kwh),
            "water_l": _num(ln.water_l),
            "crew_min": _num(ln.crew_min),
        }
        for ln in result.lines
    ]


def _periods_dict(result: PlanResult) -> list[dict]:
    return [
        {
            "period": p.period,
            "first_sol": p.first_sol,
            "last_sol": p.last_sol,
            "energy_kwh": _num(p.energy_kwh),
            "energy_cap_kwh": _num(p.energy_cap),
            "water_l": _num(p.water_l),
            "water_cap_l": _num(p.water_cap),
            "crew_min": _num(p.crew_min),
            "crew_cap_min": _num(p.crew_cap),
            "machine_loads": {k: _num(v) for k, v in p.batches_by_process.items()},
            "machine_caps": {k: _num(v) for k, v in p.machine_caps.items()},
        }
        for p in result.periods
    ]


def plan_to_frame(result: PlanResult) -> pd.DataFrame:
    """One row per plan line, one column per inventory item used (kg), for spreadsheets."""
    items = sorted({i for ln in result.lines for i in ln.items_kg})
    rows = []
    for ln in result.lines:
        row: dict[str, Any] = {
            "period": ln.period,
            "first_sol": ln.first_sol,
            "last_sol": ln.last_sol,
            "product_id": ln.product_id,
            "recipe_id": ln.recipe_id,
            "recipe": ln.label,
            "batches": ln.batches,
            "product_kg": round(ln.product_kg, 6),
            "energy_kwh": round(ln.energy_kwh, 6),
            "water_l": round(ln.water_l, 6),
            "crew_min": round(ln.crew_min, 6),
        }
        row.update({f"kg_{i}": round(ln.items_kg.get(i, 0.0), 6) for i in items})
        rows.append(row)
    cols = [
        "period",
        "first_sol",
        "last_sol",
        "product_id",
        "recipe_id",
        "recipe",
        "batches",
        "product_kg",
        "energy_kwh",
        "water_l",
        "crew_min",
        *[f"kg_{i}" for i in items],
    ]
    return pd.DataFrame(rows, columns=cols)


def save_plan(result: PlanResult, path: str | Path) -> None:
    """Save the plan as JSON (the full contract) or CSV (the lines), atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        save_text(path, json.dumps(plan_to_dict(result), indent=2, allow_nan=False), what="plan")
    elif suffix == ".csv":
        save_bytes(path, safe_csv_bytes(plan_to_frame(result)), what="plan")
    else:
        raise BadInputError(f"plan file {path}: use .json or .csv")


def summary_lines(result: PlanResult) -> list[str]:
    """A short summary for the command line and the batch queue's log."""
    obj = result.objective
    made = sum(ln.batches for ln in result.lines)
    lines = [
        msg(
            "plan: {lines} lines, {batches:,} batches over {sols:,} sols; "
            "solver {status}, gap {gap:.2%}, {seconds:.2f} s",
            lines=len(result.lines),
            batches=made,
            sols=result.request.horizon_sols,
            status=result.status,
            gap=result.gap,
            seconds=result.solve_seconds,
        ),
        msg(
            "demand met: {met:.1%} (priority-weighted {score:.1%}); {by_priority}",
            met=obj.demand_met_share,
            score=obj.demand_score,
            by_priority=", ".join(msg("priority {p}: {v:.0%}", p=p, v=v) for p, v in obj.met_by_priority.items()),
        ),
        msg(
            "waste diverted: {diverted:,.1f} kg ({problematic:,.1f} kg problematic); "
            "energy {energy:,.1f} kWh, water {water:,.1f} L, crew {crew_h:,.1f} h",
            diverted=obj.waste_diverted_kg,
            problematic=obj.problematic_kg,
            energy=obj.energy_kwh,
            water=obj.water_l,
            crew_h=obj.crew_min / 60,
        ),
    ]
    for u in result.unmet:
        lines.append(
            msg(
                "unmet: {product} short by {short}: {reason}",
                product=u.product_name or u.product_id,
                short=_qty(u.short_quantity, u.unit),
                reason=u.reason,
            )
        )
    lines.extend(msg("marginal: {text}", text=mg.text) for mg in result.marginal)
    return lines


def _qty(q: float, unit: str) -> str:
    return msg("{q:,.1f} kg", q=q) if unit == "kg" else msg("{q:,.0f} units", q=q)
