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
    Usage,
    allowed_periods,
    build_model,
    demand_objective,
    demand_row,
    evaluate,
    flatten_candidates,
    priority_weights,
    room,
    solve_stage,
    spread,
    top_up,
    waste_row,
    whole,
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
from spacetrash_desktop.messages import msg

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

# the demand stage is solved to this share of the gap: a product is not left one batch short "within the gap"
DEMAND_GAP_SHARE = 0.01
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
    strategy: str = "auto",
) -> PlanResult:
    """The best plan HiGHS finds within ``request.time_limit_s`` (shared by the stages; the marginal
    re-solves get their own short limit). One stage per priority level, most important first, each
    keeping what the earlier ones met and weighting the lower levels strictly below its own (relative
    gap ``mip_gap`` x DEMAND_GAP_SHARE); then waste diverted (gap ``mip_gap``). A stage that finds
    nothing in time leaves the earlier stage's plan standing.

    ``strategy`` "auto": the whole-mission program first (one variable per recipe), its batches spread
    over the periods; the per-period program only when the spread does not fit. "periods": the
    per-period program directly (the benchmark's reference)."""
    ctx = ctx or NullContext()
    t0 = time.monotonic()
    levels: list[int | None] = [*sorted({d.priority for d in request.demands}), None]
    total = 2 * len(levels) + (len(MARGINAL_STEPS) if request.marginal else 0)
    if strategy == "periods":
        m = build_model(request, candidates)
        x, optimal, gaps = _stages(m, levels, ctx, t0, 0, total)
        sched = {(int(m.var_c[j]), int(m.var_p[j])): int(x[j]) for j in range(m.nx) if x[j] > 0.5}
        ev = evaluate(request, m.cands, m.cand_demand, sched)
        gap = max([g for g in gaps.values() if math.isfinite(g)], default=0.0)
        unmet = explain_unmet(request, m.cands, m.cand_demand, ev, gap=gap, process_names=process_names)
        found = any(math.isfinite(g) for g in gaps.values())
        status = "optimal" if optimal else "time limit" if found else "no plan found in time"
        return _result(request, ev, unmet, [], status, gap, gaps, t0, "milp (per period)")
    m = build_model(request, candidates, aggregate=True)
    x, optimal, gaps = _stages(m, levels, ctx, t0, 0, total)
    bound = _score(request, m, x)  # the whole-mission program relaxes the per-period one: an upper bound
    schedule, complete = spread(request, m, x)
    method = "milp (whole mission, spread over periods)"
    if not complete:
        top_up(request, m, schedule)
    ev = evaluate(request, m.cands, m.cand_demand, schedule)
    if not complete:  # the periods' budgets fragment the batches: plan period by period, keep the better
        full = build_model(request, candidates)
        xf, opt_f, gaps_f = _stages(full, levels, ctx, t0, len(levels), total)
        sched_f = {(int(full.var_c[j]), int(full.var_p[j])): int(xf[j]) for j in range(full.nx) if xf[j] > 0.5}
        ev_f = evaluate(request, full.cands, full.cand_demand, sched_f)
        bound_gap = _gap(bound, ev.objective.demand_score)
        optimal = optimal and bound_gap <= request.mip_gap  # the spread plan: optimal only near the bound
        if _better(ev_f, ev):
            ev, optimal, gaps, method = ev_f, opt_f, gaps_f, "milp (per period)"
            bound_gap = _gap(bound, ev.objective.demand_score)
        gaps = {**gaps, "demand met vs whole-mission bound": bound_gap}
    ctx.check_cancelled()
    gap = max([g for g in gaps.values() if math.isfinite(g)], default=0.0)
    unmet = explain_unmet(request, m.cands, m.cand_demand, ev, gap=gap, process_names=process_names)
    marginal = _marginals(request, candidates, ev, ctx, len(levels)) if request.marginal else []
    return _result(request, ev, unmet, marginal, "optimal" if optimal else "time limit", gap, gaps, t0, method)


def _score(request: PlanRequest, m: Model, x: np.ndarray) -> float:
    """The priority-weighted demand score of a solution of ``m``."""
    weights = priority_weights(request.demands)
    return float(
        sum(
            w * min(1.0, x[m.nx + i] / d.quantity) if d.quantity > 0 else w
            for i, (w, d) in enumerate(zip(weights, request.demands))
        )
    )


def _gap(bound: float, value: float) -> float:
    return max(0.0, (bound - value) / bound) if bound > 0 else 0.0


def _better(a: Evaluation, b: Evaluation) -> bool:
    """Lexicographic: each priority level's share met, then waste diverted."""
    ka = (*a.objective.met_by_priority.values(), a.objective.waste_diverted_kg)
    kb = (*b.objective.met_by_priority.values(), b.objective.waste_diverted_kg)
    return ka > kb


def _stages(
    m: Model, levels: Sequence[int | None], ctx: RunContext, t0: float, done: int, total: int
) -> tuple[np.ndarray, bool, dict[str, float]]:
    """The lexicographic stages on ``m``: each priority level (keeping what the earlier ones met), then
    waste diverted. Returns the solution, whether every stage was proved optimal, and each stage's gap."""
    request = m.request
    x = np.zeros(m.nvar)
    optimal, gaps = True, {}
    keep: list[tuple[np.ndarray, float]] = []
    for s, level in enumerate(levels):
        ctx.check_cancelled()
        words = f"demand of priority {level}" if level is not None else "waste diverted"  # the stage's key
        ctx.progress(
            done + s,
            total,
            msg("Planning: demand of priority {level}", level=level)
            if level is not None
            else msg("Planning: waste diverted"),
        )
        row = demand_objective(m, level) if level is not None else waste_row(m)
        left = request.time_limit_s - (time.monotonic() - t0)
        gap_s = request.mip_gap if level is None else request.mip_gap * DEMAND_GAP_SHARE
        out = solve_stage(m, row, keep, left / (len(levels) - s), gap_s)
        if out is None:  # nothing found in time: the earlier stage's plan stands (it already favours this one)
            optimal = False
            gaps[words] = math.inf
        else:
            x, optimal = out.x, optimal and out.optimal
            gaps[words] = out.gap
        if level is not None:
            own = demand_row(m, level)
            keep.append((own, float(own @ x)))
    return x, optimal, gaps


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
        ctx.progress(stages + n, stages + len(MARGINAL_STEPS), _marginal_progress(name))
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


def _marginal_progress(name: str) -> str:
    """The progress line while the plan is re-solved with one more unit of budget ``name``."""
    if name == "kwh":
        return msg("Planning: what one more kWh of energy per sol would bring")
    if name == "water":
        return msg("Planning: what one more litre of water per sol would bring")
    return msg("Planning: what one more crew hour per sol would bring")


def _marginal_head(words: str, step: float, now: float) -> str:
    """'One more kWh of energy per sol (13 kWh instead of 12)' for the budget step ``words``."""
    if words == "kWh of energy per sol":
        return msg(
            "One more kWh of energy per sol ({new} kWh instead of {now})", new=number(now + step), now=number(now)
        )
    if words == "litre of water per sol":
        return msg(
            "One more litre of water per sol ({new} L instead of {now})", new=number(now + step), now=number(now)
        )
    if words == "crew hour per sol":
        return msg(
            "One more crew hour per sol ({new} crew h instead of {now})",
            new=number((now + step) / 60.0),
            now=number(now / 60.0),
        )
    raise KeyError(words)


def _marginal_text(words: str, step: float, now: float, d_share: float, d_waste: float) -> str:
    head = _marginal_head(words, step, now)
    if abs(d_share) < 5e-4 and abs(d_waste) < 0.5:
        return msg("{head} would change nothing: it does not limit this plan.", head=head)
    parts = []
    if abs(d_share) >= 5e-4:
        parts.append(msg("{points:+.1f} points of weighted demand met", points=d_share * 100))
    if abs(d_waste) >= 0.5:
        parts.append(msg("{kg:+,.0f} kg of waste diverted", kg=d_waste))
    return msg("{head}: {changes}.", head=head, changes=", ".join(parts))


# ------------------------------------------------------------------------------------ greedy baseline


def greedy_plan(request: PlanRequest, candidates: Mapping[str, Sequence[PlanCandidate]]) -> PlanResult:
    """The baseline: demands in priority order (then as listed); each with its best (first) recipe, as
    many batches in each period as its stock, the period's budgets and machine limits and the demand allow."""
    t0 = time.monotonic()
    cands, owner = flatten_candidates(request, candidates)
    first_of: dict[int, int] = {}
    for c, d_i in enumerate(owner):
        first_of.setdefault(d_i, c)
    periods = request.periods()
    stock = {it.item_id: it.mass_kg for it in request.inventory}
    used = {k: Usage() for k, _, _ in periods}
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
            used[k].add(cand, n)
    ev = evaluate(request, cands, owner, schedule)
    best = [cands[c] for c in sorted(first_of.values())]
    best_owner = [owner[c] for c in sorted(first_of.values())]
    unmet = explain_unmet(request, best, best_owner, ev)
    return _result(request, ev, unmet, [], "greedy", 0.0, {}, t0, "greedy")


def _fits(
    request: PlanRequest,
    cand: PlanCandidate,
    stock: Mapping[str, float],
    used: Usage,
    period: tuple[int, int, int],
) -> int:
    n = room(request, cand, used, period)
    for i, kg in cand.items_kg_per_batch.items():
        if kg > 0:
            n = min(n, whole(stock.get(i, 0.0) / kg))
    return max(0, n)


def model_size(request: PlanRequest, candidates: Mapping[str, Sequence[PlanCandidate]]) -> tuple[int, int]:
    """(integer variables, constraint rows) of the program, for the benchmark."""
    m: Model = build_model(request, candidates)
    assert m.A is not None
    return m.nx, int(m.A.shape[0])
