"""``spacetrash bench plan``: the mission production plan, side by side on the same candidate recipes.

* candidate generation time (the engine's search per product; reported apart from the plan);
* time to a plan within 1% of optimal on the default mission (the reference optimum: the per-period
  program solved to a 1e-6 gap with a long time limit);
* the plan's objective against the greedy baseline on the default mission, a stock-tight case (a tenth
  of every stock line) and a budget-tight case (0.5 kWh and 30 crew minutes per sol);
* the default strategy against the pure per-period MILP at equal time;
* scaling: a generated 500-item inventory with 20 products;
* peak memory (Python allocations during the solve, tracemalloc; and the process's peak resident size).

The plan service (request, candidates) is handed in by ``services/bench.py`` (this layer sits below
services)."""

from __future__ import annotations

import dataclasses
import os
import platform
import statistics
import sys
import time
import tracemalloc
from typing import Any

from spacetrash_desktop.bench.inventories import synthetic_inventory
from spacetrash_desktop.catalog.datasets import load_catalog
from spacetrash_desktop.engine.plan import Demand, PlanRequest, PlanResult, greedy_plan, model_size, solve_plan

try:  # peak resident size (POSIX)
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

GOALS = {"default_s": 2.0, "tight_vs_greedy": 1.15, "large_s": 20.0}


def _peak_rss_mb() -> float | None:
    if resource is None:
        return None
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kb / 1024 / (1024 if sys.platform == "darwin" else 1), 1)


def _lex(r: PlanResult) -> tuple[float, ...]:
    return (*r.objective.met_by_priority.values(), r.objective.waste_diverted_kg)


def _row(name: str, r: PlanResult) -> dict[str, Any]:
    o = r.objective
    return {
        "case": name,
        "method": r.method,
        "status": r.status,
        "seconds": round(r.solve_seconds, 3),
        "gap": round(r.gap, 5),
        "demand_score": round(o.demand_score, 4),
        "met_by_priority": {p: round(v, 4) for p, v in o.met_by_priority.items()},
        "waste_diverted_kg": round(o.waste_diverted_kg, 1),
        "energy_kwh": round(o.energy_kwh, 1),
        "crew_h": round(o.crew_min / 60, 1),
    }


def _print_row(row: dict, out) -> None:
    pri = " ".join(f"P{p} {v:.0%}" for p, v in row["met_by_priority"].items())
    print(
        f"  {row['case']:<34s} {row['method']:<42s} {row['seconds']:>7.2f} s  gap {row['gap']:.2%}  "
        f"score {row['demand_score']:.3f} ({pri})  waste {row['waste_diverted_kg']:,.0f} kg",
        file=out,
    )


def _solve(request: PlanRequest, cands, **kw) -> tuple[PlanResult, float]:
    tracemalloc.start()
    try:
        result = solve_plan(request, cands, **kw)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak / 1e6


def _default_mission(service, quick: bool, seed: int, out) -> tuple[dict, PlanRequest, dict]:
    request = dataclasses.replace(service.default_plan_request(), marginal=False)
    search = {"max_evals": 2000, "seed": seed} if quick else {"seed": seed}
    t0 = time.monotonic()
    cands = service.plan_candidates(request, **search)
    gen_s = time.monotonic() - t0
    n = sum(len(c) for c in cands.values())
    nx, rows = model_size(request, cands)
    print(
        f"candidates: {n} recipes for {len(cands)} products in {gen_s:.1f} s (search {search or 'default'})", file=out
    )
    print(f"per-period program: {nx:,} integer variables, {rows:,} rows", file=out)
    times, res, peak = [], None, 0.0
    for _ in range(3):
        res, peak = _solve(request, cands)
        times.append(res.solve_seconds)
    assert res is not None
    ref, _ = _solve(dataclasses.replace(request, mip_gap=1e-6, time_limit_s=120.0), cands, strategy="periods")
    best = max(ref.objective.waste_diverted_kg, res.objective.waste_diverted_kg)
    within = _lex(res)[:-1] >= _lex(ref)[:-1] and res.objective.waste_diverted_kg >= 0.99 * best
    fig = {
        "candidates": n,
        "products": len(cands),
        "candidate_generation_s": round(gen_s, 2),
        "integer_variables_per_period_program": nx,
        "rows_per_period_program": rows,
        "plan_s_median": round(statistics.median(times), 3),
        "plan_s_all": [round(t, 3) for t in times],
        "plan": _row("default mission", res),
        "reference": _row("reference (per period, gap 1e-6)", ref),
        "within_1pct_of_reference": bool(within),
        "peak_python_mb": round(peak, 1),
    }
    print("default mission (1,095 sols, 30-sol periods):", file=out)
    _print_row(fig["plan"], out)
    _print_row(fig["reference"], out)
    print(
        f"  time to a plan within 1% of optimal: {fig['plan_s_median']:.2f} s median of 3 "
        f"(goal < {GOALS['default_s']:g} s); within 1% of the reference: {within}; "
        f"peak Python memory {peak:.1f} MB",
        file=out,
    )
    return fig, request, cands


def _versus_greedy(request: PlanRequest, cands, out) -> list[dict]:
    cases = {
        "default mission": request,
        "stock-tight (10% of every item)": dataclasses.replace(
            request, inventory=tuple(dataclasses.replace(it, mass_kg=it.mass_kg * 0.1) for it in request.inventory)
        ),
        "budget-tight (0.5 kWh, 30 crew min/sol)": dataclasses.replace(
            request, budgets=request.budgets.with_budget("kwh", 0.5).with_budget("crew", 30.0)
        ),
    }
    rows = []
    print("MILP vs greedy baseline and vs the pure per-period MILP at equal time (same candidates):", file=out)
    for name, req in cases.items():
        best, _ = _solve(req, cands)
        greedy = greedy_plan(req, cands)
        equal = dataclasses.replace(req, time_limit_s=max(0.1, best.solve_seconds))
        pure, _ = _solve(equal, cands, strategy="periods")
        ratio = best.objective.demand_score / greedy.objective.demand_score if greedy.objective.demand_score else None
        row = {
            "case": name,
            "milp": _row(name, best),
            "greedy": _row(name + " [greedy]", greedy),
            "pure_milp_equal_time": _row(name + " [per-period MILP]", pure),
            "demand_score_vs_greedy": round(ratio, 3) if ratio else None,
            "waste_vs_greedy": round(best.objective.waste_diverted_kg / greedy.objective.waste_diverted_kg, 3)
            if greedy.objective.waste_diverted_kg
            else None,
        }
        rows.append(row)
        for key in ("milp", "greedy", "pure_milp_equal_time"):
            _print_row(row[key], out)
        print(f"  -> demand score {row['demand_score_vs_greedy']}x greedy, waste {row['waste_vs_greedy']}x", file=out)
    return rows


def _large(service, quick: bool, seed: int, out) -> dict:
    catalog = load_catalog()
    n_items = 100 if quick else 500
    items = synthetic_inventory(catalog, n_items, seed=seed)
    base = [p for s in catalog.targets.values() for p in s.products] + [
        t for t in catalog.targets.values() if not t.products
    ]
    targets = {t.target_id: t for t in base}
    for t in base[: max(0, 20 - len(base))]:  # variants (a double batch) up to 20 products
        v = dataclasses.replace(t, target_id=f"{t.target_id}_x2", name=f"{t.name} (double batch)")
        v = dataclasses.replace(v, batch_mass_kg=t.batch_mass_kg * 2, max_energy_kwh=t.max_energy_kwh * 2)
        v = dataclasses.replace(v, max_water_l=t.max_water_l * 2, max_crew_min=t.max_crew_min * 2)
        v = dataclasses.replace(v, max_consumables_kg=t.max_consumables_kg * 2)
        targets[v.target_id] = v
    demands = tuple(
        Demand(pid, t.name, float(20 + (k * 37) % 80), "units", 1 + k % 3) for k, (pid, t) in enumerate(targets.items())
    )
    request = dataclasses.replace(
        service.default_plan_request(inventory=items), demands=demands, marginal=False, time_limit_s=60.0
    )
    t0 = time.monotonic()
    cands = service.plan_candidates(request, targets=targets, max_evals=1000 if quick else 3000, seed=seed)
    gen_s = time.monotonic() - t0
    res, peak = _solve(request, cands)
    greedy = greedy_plan(request, cands)
    nx, rows = model_size(request, cands)
    fig = {
        "items": n_items,
        "products": len(demands),
        "candidates": sum(len(c) for c in cands.values()),
        "candidate_generation_s": round(gen_s, 1),
        "integer_variables_per_period_program": nx,
        "rows_per_period_program": rows,
        "plan": _row(f"{n_items} items, {len(demands)} products", res),
        "greedy": _row("  [greedy]", greedy),
        "peak_python_mb": round(peak, 1),
    }
    print(f"scaling: {n_items}-item generated inventory, {len(demands)} products:", file=out)
    print(
        f"  candidates: {fig['candidates']} in {gen_s:.1f} s; per-period program {nx:,} integer variables, "
        f"{rows:,} rows",
        file=out,
    )
    _print_row(fig["plan"], out)
    _print_row(fig["greedy"], out)
    print(
        f"  plan in {res.solve_seconds:.2f} s (goal < {GOALS['large_s']:g} s); peak Python memory {peak:.1f} MB",
        file=out,
    )
    return fig


def run(*, service: Any, quick: bool = False, seed: int = 0, out=sys.stdout) -> dict:
    """Run the plan benchmark with ``service`` (services/plan.py) building requests and candidates."""
    res: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "quick": quick,
        "seed": seed,
        "goals": GOALS,
    }
    print(f"# mission plan benchmark (`spacetrash bench plan{' --quick' if quick else ''}`), seed {seed}", file=out)
    print(f"# {res['machine']['cpus']} CPU(s), Python {res['machine']['python']}", file=out)
    fig, request, cands = _default_mission(service, quick, seed, out)
    res["default_mission"] = fig
    res["versus_greedy"] = _versus_greedy(request, cands, out)
    res["scaling"] = _large(service, quick, seed, out)
    res["peak_rss_mb"] = _peak_rss_mb()
    print(f"peak resident memory of the process: {res['peak_rss_mb']} MB", file=out)
    return res
