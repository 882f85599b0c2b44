"""The mission production plan (docs/PLAN.md): how many batches of which recipe to run in each period
of the mission so that the demands are met in priority order from the inventory's stock, within the
habitat's daily energy, water, crew-time and machine budgets.

``solve_plan`` is a mixed-integer program (HiGHS via ``scipy.optimize.milp``) with a lexicographic
objective solved in stages: the share of demand met of priority 1, then (keeping it) of priority 2, and
so on; then the waste diverted (problematic waste weighted by ``waste_weight``) with energy and crew
time as a tie-break. ``greedy_plan`` is the baseline: each demand in priority order, its best recipe,
period after period, until the demand is met or stock or budget runs out.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence

import numpy as np

from spacetrash_desktop.context import NullContext, RunContext
from spacetrash_desktop.engine.plan_explain import explain_unmet, number
from spacetrash_desktop.engine.plan_model import (
    Evaluation,
    Model,
    allowed_periods,
    build_model,
    caps,
    demand_row,
    evaluate,
    flatten_candidates,
    solve_stage,
    waste_row,
)
from spacetrash_desktop.engine.plan_types import (
    BUDGET_NAMES,
    UNITS,
    UNLIMITED,
    Budgets,
    Demand,
    Marginal,
    ObjectiveParts,
    PeriodUse,
    PlanCandidate,
    PlanLine,
    PlanRequest,
    PlanResult,
    UnmetDemand,
)

__all__ = [
    "BUDGET_NAMES",
    "UNITS",
    "UNLIMITED",
    "Budgets",
    "Demand",
    "Marginal",
    "ObjectiveParts",
    "PeriodUse",
    "PlanCandidate",
    "PlanLine",
    "PlanRequest",
    "PlanResult",
    "UnmetDemand",
    "greedy_plan",
    "solve_plan",
]

# one more of each daily budget, in its own unit: (name, step per sol, words)
MARGINAL_STEPS = (
    ("kwh", 1.0, "kWh of energy per sol"),
    ("water", 1.0, "litre of water per sol"),
    ("crew", 60.0, "crew hour per sol"),
)


def solve_plan(
    request: PlanRequest,
    candidates: Mapping[str, Sequence[PlanCandidate]],
    *,
    ctx: RunContext | None = None,
    process_names: Mapping[str, str] | None = None,
) -> PlanResult:
    """The best plan HiGHS finds within ``request.time_limit_s`` (shared by the stages; the marginal
    re-solves get their own short limit) and relative gap ``request.mip_gap`` per stage."""
    ctx = ctx or NullContext()
    t0 = time.monotonic()
    m = build_model(request, candidates)
    levels = sorted({d.priority for d in request.demands})
    stages = len(levels) + 1
    keep: list[tuple[np.ndarray, float]] = []
    x = np.zeros(m.nvar)
    optimal, gaps = True, {}
    for s, level in enumerate([*levels, None]):
        ctx.check_cancelled()
        words = f"demand of priority {level}" if level is not None else "waste diverted"
        ctx.progress(s, stages + (3 if request.marginal else 0), f"Planning: {words}")
        row = demand_row(m, level) if level is not None else waste_row(m)
        left = request.time_limit_s - (time.monotonic() - t0)
        out = solve_stage(m, row, keep, left / (stages - s), request.mip_gap)
        if out is None:  # no solution in time: keep what the earlier stages found
            optimal = False
            gaps[words] = math.inf
            break
        x, optimal = out.x, optimal and out.optimal
        gaps[words] = out.gap
        keep.append((row, out.value))
    ctx.check_cancelled()
    schedule = {(int(m.var_c[j]), int(m.var_p[j])): int(x[j]) for j in range(m.nx) if x[j] > 0.5}
    ev = evaluate(request, m.cands, m.cand_demand, schedule)
    gap = max([g for g in gaps.values() if math.isfinite(g)], default=0.0)
    unmet = explain_unmet(request, m.cands, m.cand_demand, ev, gap=gap, process_names=process_names)
    marginal = _marginals(request, candidates, ev, ctx, stages) if request.marginal else []
    return _result(request, ev, unmet, marginal, "optimal" if optimal else "time limit", gap, gaps, t0, "milp")


def _result(
    request: PlanRequest,
    ev: Evaluation,
    unmet: Sequence[UnmetDemand],
    marginal: Sequence[Marginal],
    status: str,
    gap: float,
    gaps: Mapping[str, float],
    t0: float,
    method: str,
) -> PlanResult:
    return PlanResult(
        request=request,
        lines=tuple(ev.lines),
        periods=tuple(ev.periods),
        unmet=tuple(unmet),
        stock_left=ev.stock_left,
        stock_by_period=ev.stock_by_period,
        marginal=tuple(marginal),
        status=status,
        gap=gap,
        objective=ev.objective,
        solve_seconds=time.monotonic() - t0,
        met=ev.met,
        stage_gaps=dict(gaps),
        method=method,
    )


def _marginals(
    request: PlanRequest,
    candidates: Mapping[str, Sequence[PlanCandidate]],
    ev: Evaluation,
    ctx: RunContext,
    stages: int,
) -> list[Marginal]:
    """Re-solve with one more unit of each finite daily budget; the change in plain words."""
    out = []
    base = ev.objective
    for n, (name, step, words) in enumerate(MARGINAL_STEPS):
        ctx.check_cancelled()
        ctx.progress(stages + n, stages + len(MARGINAL_STEPS), f"Planning: what one more {words} would bring")
        now = request.budgets.get(name)
        if not math.isfinite(now):
            continue
        more = PlanRequest(
            **{
                **request.__dict__,
                "budgets": request.budgets.with_budget(name, now + step),
                "marginal": False,
                "time_limit_s": max(0.5, request.time_limit_s / 4),
            }
        )
        other = solve_plan(more, candidates, ctx=ctx).objective
        d_share = other.demand_score - base.demand_score
        d_waste = other.waste_diverted_kg - base.waste_diverted_kg
        out.append(Marginal(name, step, d_share, d_waste, _marginal_text(words, step, now, d_share, d_waste)))
    return out


def _marginal_text(words: str, step: float, now: float, d_share: float, d_waste: float) -> str:
    unit = {"kWh of energy per sol": "kWh", "litre of water per sol": "L", "crew hour per sol": "crew h"}[words]
    scale = 60.0 if unit == "crew h" else 1.0
    head = f"One more {words} ({number((now + step) / scale)} {unit} instead of {number(now / scale)})"
    if abs(d_share) < 5e-4 and abs(d_waste) < 0.5:
        return f"{head} would change nothing: it does not limit this plan."
    parts = []
    if abs(d_share) >= 5e-4:
        parts.append(f"{d_share * 100:+.1f} points of weighted demand met")
    if abs(d_waste) >= 0.5:
        parts.append(f"{d_waste:+,.0f} kg of waste diverted")
    return f"{head}: " + ", ".join(parts) + "."


# ------------------------------------------------------------------------------------ greedy baseline


def greedy_plan(request: PlanRequest, candidates: Mapping[str, Sequence[PlanCandidate]]) -> PlanResult:
    """The baseline: demands in priority order (then as listed); each with its best (first) recipe, as
    many batches in each period as its stock, the period's budgets and machine limits and the demand allow."""
    t0 = time.monotonic()
    cands, owner = flatten_candidates(request, candidates)
    first_of = {}
    for c, d_i in enumerate(owner):
        first_of.setdefault(d_i, c)
    periods = request.periods()
    stock = {it.item_id: it.mass_kg for it in request.inventory}
    used = {k: [0.0, 0.0, 0.0, {}] for k, _, _ in periods}
    schedule: dict[tuple[int, int], int] = {}
    order = sorted(range(len(request.demands)), key=lambda i: (request.demands[i].priority, i))
    for d_i in order:
        if d_i not in first_of:
            continue
        dem, c = request.demands[d_i], first_of[d_i]
        cand = cands[c]
        need = math.ceil(dem.quantity / cand.quantity_per_batch(dem.unit) - 1e-9)
        for k in allowed_periods(dem, periods):
            if need <= 0:
                break
            n = min(need, _fits(request, cand, stock, used[k], periods[k]))
            if n <= 0:
                continue
            schedule[(c, k)] = n
            need -= n
            for i, kg in cand.items_kg_per_batch.items():
                stock[i] = stock.get(i, 0.0) - kg * n
            u = used[k]
            u[0] += cand.energy_kwh * n
            u[1] += cand.water_l * n
            u[2] += cand.crew_min * n
            u[3][cand.process_id] = u[3].get(cand.process_id, 0.0) + cand.machine_batches * n
    ev = evaluate(request, cands, owner, schedule)
    best = [cands[c] for c in sorted(first_of.values())]
    best_owner = [owner[c] for c in sorted(first_of.values())]
    unmet = explain_unmet(request, best, best_owner, ev)
    return _result(request, ev, unmet, [], "greedy", 0.0, {}, t0, "greedy")


def _fits(
    request: PlanRequest,
    cand: PlanCandidate,
    stock: Mapping[str, float],
    used: list,
    period: tuple[int, int, int],
) -> int:
    e_cap, w_cap, c_cap, machine = caps(request, period[1], period[2])
    n = math.inf
    for i, kg in cand.items_kg_per_batch.items():
        if kg > 0:
            n = min(n, math.floor(stock.get(i, 0.0) / kg + 1e-9))
    for per, done, cap in (
        (cand.energy_kwh, used[0], e_cap),
        (cand.water_l, used[1], w_cap),
        (cand.crew_min, used[2], c_cap),
        (cand.machine_batches, used[3].get(cand.process_id, 0.0), machine.get(cand.process_id, math.inf)),
    ):
        if per > 0 and math.isfinite(cap):
            n = min(n, math.floor((cap - done) / per + 1e-9))
    return 10**9 if not math.isfinite(n) else max(0, int(n))


def model_size(request: PlanRequest, candidates: Mapping[str, Sequence[PlanCandidate]]) -> tuple[int, int]:
    """(integer variables, constraint rows) of the program, for the benchmark."""
    m: Model = build_model(request, candidates)
    assert m.A is not None
    return m.nx, int(m.A.shape[0])
