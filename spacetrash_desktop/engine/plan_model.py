"""The plan's mixed-integer program (docs/PLAN.md): variables, limits and the stages of the
lexicographic objective, solved with HiGHS through ``scipy.optimize.milp``; and the evaluation of a
schedule (batches per recipe per period) shared by the solver and the greedy baseline."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import LinearConstraint, milp

from spacetrash_desktop.engine.plan_types import (
    Demand,
    ObjectiveParts,
    PeriodUse,
    PlanCandidate,
    PlanLine,
    PlanRequest,
)

EPS_PER_KWH = 1e-3  # tie-break in the waste stage: 1 kWh weighs as much as 1 g of waste diverted
EPS_PER_CREW_MIN = 1e-3  # likewise one crew minute
KEEP_TOL = 1e-6  # a later stage keeps an earlier stage's value to this (relative) tolerance


def priority_weights(demands: Sequence[Demand]) -> list[float]:
    """Each demand's weight in the single reported demand score: the weights of one priority level are
    twice those of the next, normalised so the score is 1 when every demand is met."""
    if not demands:
        return []
    worst = max(d.priority for d in demands)
    raw = [2.0 ** (worst - d.priority) for d in demands]
    total = sum(raw)
    return [r / total for r in raw]


@dataclass
class Model:
    """The program's layout: ``cands[c]`` serves ``demands[cand_demand[c]]``; variable j < nx is the batch
    count of candidate ``var_c[j]`` in period ``var_p[j]``; variables nx.. are the quantity met per demand."""

    request: PlanRequest
    cands: list[PlanCandidate]
    cand_demand: list[int]
    periods: list[tuple[int, int, int]]
    var_c: np.ndarray
    var_p: np.ndarray
    rows: list = field(default_factory=list)  # (coefficient dict over variables, upper bound) built once
    A: sparse.csr_matrix | None = None
    b: np.ndarray | None = None
    ub: np.ndarray | None = None

    @property
    def nx(self) -> int:
        return len(self.var_c)

    @property
    def nvar(self) -> int:
        return self.nx + len(self.request.demands)


def flatten_candidates(
    request: PlanRequest, candidates: Mapping[str, Sequence[PlanCandidate]]
) -> tuple[list[PlanCandidate], list[int]]:
    """The candidates of every demanded product (each recipe once per demand)."""
    cands: list[PlanCandidate] = []
    owner: list[int] = []
    for d_i, dem in enumerate(request.demands):
        seen: set[str] = set()
        for cand in candidates.get(dem.product_id, ()):
            if cand.recipe_id in seen or cand.quantity_per_batch(dem.unit) <= 0:
                continue
            seen.add(cand.recipe_id)
            cands.append(cand)
            owner.append(d_i)
    return cands, owner


def allowed_periods(dem: Demand, periods: Sequence[tuple[int, int, int]]) -> list[int]:
    return [k for k, first, _ in periods if dem.due_sol is None or first <= dem.due_sol]


def caps(request: PlanRequest, first: int, last: int) -> tuple[float, float, float, dict[str, float]]:
    n = last - first + 1
    b = request.budgets
    machine = {p: v * n for p, v in b.batches_per_sol.items() if math.isfinite(v)}
    return b.kwh_per_sol * n, b.water_l_per_sol * n, b.crew_min_per_sol * n, machine


def build_model(request: PlanRequest, candidates: Mapping[str, Sequence[PlanCandidate]]) -> Model:
    cands, owner = flatten_candidates(request, candidates)
    periods = request.periods()
    var_c, var_p = [], []
    for c, cand in enumerate(cands):
        for k in allowed_periods(request.demands[owner[c]], periods):
            var_c.append(c)
            var_p.append(k)
    m = Model(request, cands, owner, periods, np.array(var_c, int), np.array(var_p, int))
    _build_rows(m)
    return m


def _build_rows(m: Model) -> None:
    req, nx, nd = m.request, m.nx, len(m.request.demands)
    stock = {it.item_id: it.mass_kg for it in req.inventory}
    data: list[float] = []
    ri: list[int] = []
    ci: list[int] = []
    b: list[float] = []

    def add_row(cols: Sequence[int], vals: Sequence[float], bound: float) -> None:
        r = len(b)
        ri.extend([r] * len(cols))
        ci.extend(cols)
        data.extend(vals)
        b.append(bound)

    # whole-mission stock of every item
    by_item: dict[str, tuple[list[int], list[float]]] = {}
    for j in range(nx):
        for item, kg in m.cands[m.var_c[j]].items_kg_per_batch.items():
            if kg > 0:
                cols, vals = by_item.setdefault(item, ([], []))
                cols.append(j)
                vals.append(kg)
    for item, (cols, vals) in by_item.items():
        add_row(cols, vals, stock.get(item, 0.0))
    # each period's energy, water, crew and machine limits
    for k, first, last in m.periods:
        js = np.where(m.var_p == k)[0]
        e_cap, w_cap, c_cap, machine = caps(req, first, last)
        for attr, cap in (("energy_kwh", e_cap), ("water_l", w_cap), ("crew_min", c_cap)):
            if math.isfinite(cap):
                vals = [getattr(m.cands[m.var_c[j]], attr) for j in js]
                add_row(list(js), vals, cap)
        for proc, cap in machine.items():
            sel = [j for j in js if m.cands[m.var_c[j]].process_id == proc]
            if sel:
                add_row(sel, [m.cands[m.var_c[j]].machine_batches for j in sel], cap)
    # demand: met <= made; made <= demand + (just under) one batch
    for d_i, dem in enumerate(req.demands):
        js = [j for j in range(nx) if m.cand_demand[m.var_c[j]] == d_i]
        q = [m.cands[m.var_c[j]].quantity_per_batch(dem.unit) for j in js]
        add_row([*js, nx + d_i], [-v for v in q] + [1.0], 0.0)
        if js:
            add_row(js, q, dem.quantity + max(q) * (1 - 1e-6))
    m.A = sparse.csr_matrix((data, (ri, ci)), shape=(len(b), nx + nd))
    m.b = np.array(b, float)
    m.ub = _upper_bounds(m, stock)


def _upper_bounds(m: Model, stock: Mapping[str, float]) -> np.ndarray:
    req = m.request
    ub = np.zeros(m.nvar)
    for j in range(m.nx):
        cand = m.cands[m.var_c[j]]
        dem = req.demands[m.cand_demand[m.var_c[j]]]
        _, first, last = m.periods[m.var_p[j]]
        e_cap, w_cap, c_cap, machine = caps(req, first, last)
        limit = math.floor(dem.quantity / cand.quantity_per_batch(dem.unit)) + 1
        for kg, have in [(kg, stock.get(i, 0.0)) for i, kg in cand.items_kg_per_batch.items() if kg > 0]:
            limit = min(limit, math.floor(have / kg + 1e-9))
        for use, cap in (
            (cand.energy_kwh, e_cap),
            (cand.water_l, w_cap),
            (cand.crew_min, c_cap),
            (cand.machine_batches, machine.get(cand.process_id, math.inf)),
        ):
            if use > 0 and math.isfinite(cap):
                limit = min(limit, math.floor(cap / use + 1e-9))
        ub[j] = max(0, limit)
    for d_i, dem in enumerate(req.demands):
        ub[m.nx + d_i] = dem.quantity
    return ub


@dataclass
class StageOutcome:
    x: np.ndarray
    value: float
    optimal: bool
    gap: float


def solve_stage(
    m: Model, objective: np.ndarray, keep: Sequence[tuple[np.ndarray, float]], time_limit: float, mip_gap: float
) -> StageOutcome | None:
    """Maximise ``objective @ v`` subject to the model and ``row @ v >= value`` for each kept stage.
    None when HiGHS found no solution in time."""
    A, b = m.A, m.b
    assert A is not None and b is not None and m.ub is not None
    if keep:
        extra = sparse.csr_matrix(np.array([-row for row, _ in keep]))
        A = sparse.vstack([A, extra], format="csr")
        b = np.concatenate([b, [-(v - KEEP_TOL * max(1.0, abs(v))) for _, v in keep]])
    integrality = np.concatenate([np.ones(m.nx), np.zeros(m.nvar - m.nx)])
    if A.shape[0] == 0:
        return StageOutcome(np.zeros(m.nvar), 0.0, True, 0.0)
    res = milp(
        -objective,
        integrality=integrality,
        bounds=(np.zeros(m.nvar), m.ub),
        constraints=LinearConstraint(A, -np.inf, b),
        options={"time_limit": max(0.05, time_limit), "mip_rel_gap": mip_gap, "disp": False},
    )
    if res.x is None:
        return None
    x = np.array(res.x)
    x[: m.nx] = np.round(x[: m.nx])
    gap = float(getattr(res, "mip_gap", 0.0) or 0.0)
    return StageOutcome(x, float(objective @ x), res.status == 0, max(0.0, gap))


def demand_row(m: Model, level: int) -> np.ndarray:
    """Sum of the shares met of the demands of one priority level."""
    row = np.zeros(m.nvar)
    for d_i, dem in enumerate(m.request.demands):
        if dem.priority == level and dem.quantity > 0:
            row[m.nx + d_i] = 1.0 / dem.quantity
    return row


def waste_row(m: Model) -> np.ndarray:
    row = np.zeros(m.nvar)
    ww = m.request.waste_weight
    for j in range(m.nx):
        c = m.cands[m.var_c[j]]
        row[j] = c.waste_kg + ww * c.problematic_kg - EPS_PER_KWH * c.energy_kwh - EPS_PER_CREW_MIN * c.crew_min
    return row


# ------------------------------------------------------------------------------------ evaluation


@dataclass
class Evaluation:
    lines: list[PlanLine]
    periods: list[PeriodUse]
    stock_left: dict[str, float]
    stock_by_period: dict[str, tuple[float, ...]]
    met: dict[str, float]
    made: dict[int, float]  # demand index -> quantity made (may pass the demand by under one batch)
    objective: ObjectiveParts


def evaluate(
    request: PlanRequest,
    cands: Sequence[PlanCandidate],
    cand_demand: Sequence[int],
    schedule: Mapping[tuple[int, int], int],
) -> Evaluation:
    """Lines, per-period use, stock burn-down and objective parts of ``schedule`` ((candidate, period) ->
    batches)."""
    periods = request.periods()
    stock = {it.item_id: it.mass_kg for it in request.inventory}
    lines: list[PlanLine] = []
    use = {k: [0.0, 0.0, 0.0, {}] for k, _, _ in periods}
    item_use = {k: dict.fromkeys(stock, 0.0) for k, _, _ in periods}
    made: dict[int, float] = {}
    waste = problematic = energy = crew = water = 0.0
    for (c, k), n in sorted(schedule.items(), key=lambda kv: (kv[0][1], cand_demand[kv[0][0]], kv[0][0])):
        if n <= 0:
            continue
        cand, dem = cands[c], request.demands[cand_demand[c]]
        _, first, last = periods[k]
        items_kg = {i: kg * n for i, kg in cand.items_kg_per_batch.items() if kg > 0}
        lines.append(
            PlanLine(
                period=k,
                first_sol=first,
                last_sol=last,
                product_id=cand.product_id,
                recipe_id=cand.recipe_id,
                batches=int(n),
                items_kg=items_kg,
                product_kg=cand.product_kg_per_batch * n,
                label=cand.label,
                process_id=cand.process_id,
                regolith_kg=cand.regolith_kg_per_batch * n,
                energy_kwh=cand.energy_kwh * n,
                water_l=cand.water_l * n,
                crew_min=cand.crew_min * n,
            )
        )
        u = use[k]
        u[0] += cand.energy_kwh * n
        u[1] += cand.water_l * n
        u[2] += cand.crew_min * n
        u[3][cand.process_id] = u[3].get(cand.process_id, 0.0) + cand.machine_batches * n
        for i, kg in items_kg.items():
            item_use[k][i] = item_use[k].get(i, 0.0) + kg
        made[cand_demand[c]] = made.get(cand_demand[c], 0.0) + cand.quantity_per_batch(dem.unit) * n
        waste += cand.waste_kg * n
        problematic += cand.problematic_kg * n
        energy += cand.energy_kwh * n
        crew += cand.crew_min * n
        water += cand.water_l * n
    period_use = []
    for k, first, last in periods:
        e_cap, w_cap, c_cap, machine = caps(request, first, last)
        e, w, cm, by_proc = use[k]
        period_use.append(PeriodUse(k, first, last, e, w, cm, by_proc, e_cap, w_cap, c_cap, machine))
    by_period: dict[str, tuple[float, ...]] = {}
    for item, have in stock.items():
        left, series = have, [have]
        for k, _, _ in periods:
            left -= item_use[k].get(item, 0.0)
            series.append(left)
        by_period[item] = tuple(series)
    met = {}
    for d_i, dem in enumerate(request.demands):
        met[dem.product_id] = met.get(dem.product_id, 0.0) + min(dem.quantity, made.get(d_i, 0.0))
    objective = objective_parts(request, made, waste, problematic, energy, crew, water)
    stock_left = {i: s[-1] for i, s in by_period.items()}
    return Evaluation(lines, period_use, stock_left, by_period, met, made, objective)


def objective_parts(
    request: PlanRequest,
    made: Mapping[int, float],
    waste: float,
    problematic: float,
    energy: float,
    crew: float,
    water: float,
) -> ObjectiveParts:
    demands = request.demands
    shares = [min(1.0, made.get(i, 0.0) / d.quantity) if d.quantity > 0 else 1.0 for i, d in enumerate(demands)]
    weights = priority_weights(demands)
    by_level: dict[int, list[float]] = {}
    for d_i, dem in enumerate(demands):
        by_level.setdefault(dem.priority, []).append(shares[d_i])
    return ObjectiveParts(
        demand_score=float(sum(w * s for w, s in zip(weights, shares))),
        demand_met_share=float(np.mean(shares)) if shares else 1.0,
        met_by_priority={p: float(np.mean(v)) for p, v in sorted(by_level.items())},
        waste_diverted_kg=waste,
        problematic_kg=problematic,
        energy_kwh=energy,
        crew_min=crew,
        water_l=water,
    )


def elapsed(t0: float) -> float:
    return time.monotonic() - t0
