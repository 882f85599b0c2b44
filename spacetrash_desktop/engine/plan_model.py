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
EARLY_TIE = 1e-3  # waste diverted in a later period counts up to 0.1% less: the same plan, made earlier
KEEP_TOL = 1e-6  # a later stage keeps an earlier stage's value to this (relative) tolerance


BIG = 10**9  # "no limit" on a batch count


def whole(x: float) -> int:
    """Whole batches in ``x`` (a ratio that may be huge or infinite: capped at BIG)."""
    return BIG if not x < BIG else math.floor(x + 1e-9)


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
    aggregate: bool = False  # one variable per recipe for the whole mission (see build_model)

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


def build_model(
    request: PlanRequest, candidates: Mapping[str, Sequence[PlanCandidate]], *, aggregate: bool = False
) -> Model:
    """The program. ``aggregate``: one integer variable per recipe for the whole mission, limited by
    the mission's total budgets (and, for demands due early, by the budgets of the periods up to the
    due sol): a relaxation of the per-period program with a few hundred variables instead of thousands.
    When its batches can be spread over the periods (``spread``), the plan is optimal for the full one."""
    cands, owner = flatten_candidates(request, candidates)
    periods = request.periods()
    var_c, var_p = [], []
    for c, _cand in enumerate(cands):
        allowed = allowed_periods(request.demands[owner[c]], periods)
        for k in allowed[:1] if aggregate else allowed:
            var_c.append(c)
            var_p.append(0 if aggregate else k)
    whole = [(0, 1, max(1, int(request.horizon_sols)))] if aggregate else periods
    m = Model(request, cands, owner, whole, np.array(var_c, int), np.array(var_p, int), aggregate=aggregate)
    _build_rows(m)
    return m


def _due_rows(m: Model, add_row) -> None:
    """Aggregate model: the recipes of demands due by sol D share the budgets of the periods up to D."""
    req = m.request
    periods = req.periods()
    for due in sorted({d.due_sol for d in req.demands if d.due_sol is not None}):
        sols = sum(last - first + 1 for _, first, last in periods if first <= due)
        js = [j for j in range(m.nx) if (d := req.demands[m.cand_demand[m.var_c[j]]].due_sol) is not None and d <= due]
        if not js or sols <= 0:
            continue
        e_cap, w_cap, c_cap, machine = caps(req, 1, sols)
        for attr, cap in (("energy_kwh", e_cap), ("water_l", w_cap), ("crew_min", c_cap)):
            if math.isfinite(cap):
                add_row(js, [getattr(m.cands[m.var_c[j]], attr) for j in js], cap)
        for proc, cap in machine.items():
            sel = [j for j in js if m.cands[m.var_c[j]].process_id == proc]
            if sel:
                add_row(sel, [m.cands[m.var_c[j]].machine_batches for j in sel], cap)


def spread(request: PlanRequest, m: Model, totals: np.ndarray) -> tuple[dict[tuple[int, int], int], bool]:
    """Spread an aggregate plan's batches over the periods (higher priority and earlier due first; each
    recipe evenly over its periods, then what is left wherever it fits), leaving out what does not fit;
    and whether everything fitted."""
    periods = request.periods()
    order = sorted(
        (j for j in range(m.nx) if totals[j] > 0.5),
        key=lambda j: (
            request.demands[m.cand_demand[m.var_c[j]]].priority,
            request.demands[m.cand_demand[m.var_c[j]]].due_sol or math.inf,
            int(m.var_c[j]),
        ),
    )
    left = {int(m.var_c[j]): round(float(totals[j])) for j in order}
    used = {k: Usage() for k, _, _ in periods}
    schedule: dict[tuple[int, int], int] = {}
    complete = True
    for j in order:
        c = int(m.var_c[j])
        cand, dem = m.cands[c], request.demands[m.cand_demand[c]]
        allowed = allowed_periods(dem, periods)
        # evenly over the periods it may run in (so no one budget fills early), then what is left first-fit
        sols = [periods[k][2] - periods[k][1] + 1 for k in allowed]
        total_sols, n_all, cum, placed_share = sum(sols), left[c], 0, 0
        for k, n_sols in zip(allowed, sols):
            cum += n_sols
            share = math.floor(n_all * cum / total_sols + 1e-9) - placed_share
            placed_share += share
            n = min(share, left[c], room(request, cand, used[k], periods[k]))
            if n > 0:
                schedule[(c, k)] = schedule.get((c, k), 0) + n
                used[k].add(cand, n)
                left[c] -= n
        for k in allowed:
            if left[c] <= 0:
                break
            n = min(left[c], room(request, cand, used[k], periods[k]))
            if n > 0:
                schedule[(c, k)] = schedule.get((c, k), 0) + n
                used[k].add(cand, n)
                left[c] -= n
        complete = complete and left[c] <= 0
    return schedule, complete


def top_up(request: PlanRequest, m: Model, schedule: dict[tuple[int, int], int]) -> None:
    """Repair a spread that left batches out: each demand still short, in priority order, takes
    batches of any of its recipes wherever stock and a period's budgets allow."""
    periods = request.periods()
    stock = {it.item_id: it.mass_kg for it in request.inventory}
    used = {k: Usage() for k, _, _ in periods}
    made: dict[int, float] = {}
    for (c, k), n in schedule.items():
        cand = m.cands[c]
        used[k].add(cand, n)
        for i, kg in cand.items_kg_per_batch.items():
            stock[i] = stock.get(i, 0.0) - kg * n
        d_i = m.cand_demand[c]
        made[d_i] = made.get(d_i, 0.0) + cand.quantity_per_batch(request.demands[d_i].unit) * n
    for d_i in sorted(range(len(request.demands)), key=lambda i: (request.demands[i].priority, i)):
        dem = request.demands[d_i]
        for c in (c for c, o in enumerate(m.cand_demand) if o == d_i):
            cand = m.cands[c]
            q = cand.quantity_per_batch(dem.unit)
            for k in allowed_periods(dem, periods):
                need = math.ceil((dem.quantity - made.get(d_i, 0.0)) / q - 1e-9)
                if need <= 0:
                    break
                n = min(need, room(request, cand, used[k], periods[k]))
                for i, kg in cand.items_kg_per_batch.items():
                    if kg > 0:
                        n = min(n, whole(max(0.0, stock.get(i, 0.0)) / kg))
                if n > 0:
                    schedule[(c, k)] = schedule.get((c, k), 0) + n
                    used[k].add(cand, n)
                    for i, kg in cand.items_kg_per_batch.items():
                        stock[i] = stock.get(i, 0.0) - kg * n
                    made[d_i] = made.get(d_i, 0.0) + q * n


def room(request: PlanRequest, cand: PlanCandidate, used: Usage, period: tuple[int, int, int]) -> int:
    """How many more batches of ``cand`` fit in a period's budgets and machine limit (not stock)."""
    e_cap, w_cap, c_cap, machine = caps(request, period[1], period[2])
    n = math.inf
    for per, done, cap in (
        (cand.energy_kwh, used.energy, e_cap),
        (cand.water_l, used.water, w_cap),
        (cand.crew_min, used.crew, c_cap),
        (cand.machine_batches, used.machine.get(cand.process_id, 0.0), machine.get(cand.process_id, math.inf)),
    ):
        if per > 0 and math.isfinite(cap):
            n = min(n, whole((cap - done) / per))
    return BIG if not math.isfinite(n) else max(0, int(n))


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
        js = [int(j) for j in np.where(m.var_p == k)[0]]
        e_cap, w_cap, c_cap, machine = caps(req, first, last)
        for attr, cap in (("energy_kwh", e_cap), ("water_l", w_cap), ("crew_min", c_cap)):
            if math.isfinite(cap):
                vals = [getattr(m.cands[m.var_c[j]], attr) for j in js]
                add_row(js, vals, cap)
        for proc, cap in machine.items():
            sel = [j for j in js if m.cands[m.var_c[j]].process_id == proc]
            if sel:
                add_row(sel, [m.cands[m.var_c[j]].machine_batches for j in sel], cap)
    if m.aggregate:
        _due_rows(m, add_row)
    # demand: met <= made; made <= demand + (just under) one batch
    for d_i, dem in enumerate(req.demands):
        js = [j for j in range(nx) if m.cand_demand[m.var_c[j]] == d_i]
        q = [m.cands[m.var_c[j]].quantity_per_batch(dem.unit) for j in js]
        add_row([*js, nx + d_i], [-v for v in q] + [1.0], 0.0)
        if js:
            add_row(js, q, _most_made(dem.quantity, q))
    m.A = sparse.csr_matrix((data, (ri, ci)), shape=(len(b), nx + nd))
    m.b = np.array(b, float)
    m.ub = _upper_bounds(m, stock)


def _most_made(quantity: float, q: Sequence[float]) -> float:
    """The most a demand may be overshot to: whole batches of one size stop at the first multiple at
    or above the demand; mixed sizes may pass it by under one (largest) batch."""
    if max(q) - min(q) <= 1e-9 * max(q):
        return math.ceil(quantity / q[0] - 1e-9) * q[0] * (1 + 1e-9)
    return quantity + max(q) * (1 - 1e-6)


def _upper_bounds(m: Model, stock: Mapping[str, float]) -> np.ndarray:
    req = m.request
    ub = np.zeros(m.nvar)
    for j in range(m.nx):
        cand = m.cands[m.var_c[j]]
        dem = req.demands[m.cand_demand[m.var_c[j]]]
        _, first, last = m.periods[m.var_p[j]]
        e_cap, w_cap, c_cap, machine = caps(req, first, last)
        limit = whole(dem.quantity / cand.quantity_per_batch(dem.unit)) + 1
        for kg, have in [(kg, stock.get(i, 0.0)) for i, kg in cand.items_kg_per_batch.items() if kg > 0]:
            limit = min(limit, whole(have / kg))
        for use, cap in (
            (cand.energy_kwh, e_cap),
            (cand.water_l, w_cap),
            (cand.crew_min, c_cap),
            (cand.machine_batches, machine.get(cand.process_id, math.inf)),
        ):
            if use > 0 and math.isfinite(cap):
                limit = min(limit, whole(cap / use))
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
    # scipy.optimize takes ~0.2 s to import: the window (which imports this module) starts without it
    from scipy.optimize import LinearConstraint, milp  # noqa: PLC0415 - heavy, only a plan solve needs it

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


def _one_batch_share(m: Model, d_i: int) -> float:
    """The smallest share of demand ``d_i`` one batch can add (1 when it has no recipe)."""
    dem = m.request.demands[d_i]
    q = [c.quantity_per_batch(dem.unit) for c, o in zip(m.cands, m.cand_demand) if o == d_i]
    return min(1.0, min(q) / dem.quantity) if q and dem.quantity > 0 else 1.0


def level_weights(m: Model, top: int | None = None) -> dict[int, float]:
    """Weights of the priority levels from ``top`` down, strict: one batch more of a demand of a level
    outweighs everything every lower level (and the waste tie-break, worth under one batch of the
    lowest level) can add."""
    levels = sorted({d.priority for d in m.request.demands if top is None or d.priority >= top}, reverse=True)
    weights: dict[int, float] = {}
    below = 1.0  # the most the lower levels (and the waste tie-break) can add, in weighted units
    for lv in levels:
        members = [i for i, d in enumerate(m.request.demands) if d.priority == lv]
        smallest = min(_one_batch_share(m, i) for i in members)
        weights[lv] = 2.0 * below / smallest
        below += weights[lv] * len(members)
    return weights


def demand_objective(m: Model, top: int | None = None) -> np.ndarray:
    """The demand stage of priority ``top``: that level first, the lower levels weighted strictly below
    it (so the stage's plan is already good for them), plus a tie-break on waste worth at most half of
    one batch of the lowest level. Scaled so one batch of ``top`` is worth about 1."""
    row = np.zeros(m.nvar)
    weights = level_weights(m, top)
    scale = weights[top] if top is not None else 1.0
    for lv, w in weights.items():
        row += (w / scale) * demand_row(m, lv)
    waste = waste_row(m)
    most = float(np.maximum(waste[: m.nx], 0.0) @ m.ub[: m.nx]) if m.ub is not None else 0.0
    if most > 0:
        row += (0.5 / scale) * waste / most
    return row


def waste_row(m: Model) -> np.ndarray:
    row = np.zeros(m.nvar)
    ww = m.request.waste_weight
    for j in range(m.nx):
        c = m.cands[m.var_c[j]]
        early = 1.0 - EARLY_TIE * m.var_p[j] / max(1, len(m.periods))
        row[j] = (
            (c.waste_kg + ww * c.problematic_kg) * early - EPS_PER_KWH * c.energy_kwh - EPS_PER_CREW_MIN * c.crew_min
        )
    return row


# ------------------------------------------------------------------------------------ evaluation


@dataclass
class Usage:
    """What one period's batches use so far."""

    energy: float = 0.0
    water: float = 0.0
    crew: float = 0.0
    machine: dict[str, float] = field(default_factory=dict)

    def add(self, cand: PlanCandidate, n: int) -> None:
        self.energy += cand.energy_kwh * n
        self.water += cand.water_l * n
        self.crew += cand.crew_min * n
        self.machine[cand.process_id] = self.machine.get(cand.process_id, 0.0) + cand.machine_batches * n


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
    use = {k: Usage() for k, _, _ in periods}
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
        use[k].add(cand, n)
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
        u = use[k]
        period_use.append(PeriodUse(k, first, last, u.energy, u.water, u.crew, u.machine, e_cap, w_cap, c_cap, machine))
    by_period: dict[str, tuple[float, ...]] = {}
    for item, have in stock.items():
        left, series = have, [have]
        for k, _, _ in periods:
            left -= item_use[k].get(item, 0.0)
            series.append(left)
        by_period[item] = tuple(series)
    met: dict[str, float] = {}
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
