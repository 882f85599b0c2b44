"""``spacetrash bench generate``: how fast and how well the recipe search works.

Measured on the same scorer (physics) and the same machine in one run:

* the default (bundled) inventory, per target: candidates scored per second, time to the first
  feasible recipe, the exhaustive front's hypervolume, and the time the default ("auto") search and
  the evolutionary search take to reach 99% of it;
* generated inventories of 15, 100 and 500 items: at an equal time budget, the hypervolume of our
  search, of pymoo's NSGA-II on the same scorer (benchmark-only dependency, ``pip install
  '.[bench]'``), and of a seed-style random baseline (random 2-3 item picks); the ratio to the
  exhaustive front where it is computable;
* peak memory (tracemalloc) of an exhaustive default run and of a 500-item run.

Hypervolume is computed on objectives normalised by the target's bounds (``engine.pareto``), with the
reference point 1.1 in every coordinate; every algorithm's feasible points go through the same
non-dominated archive.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import tracemalloc
from dataclasses import dataclass

import numpy as np

from spacetrash_desktop.bench.inventories import synthetic_inventory
from spacetrash_desktop.catalog.datasets import load_catalog
from spacetrash_desktop.context import RunContext
from spacetrash_desktop.engine.pareto import FrontNormaliser, ParetoArchive, normalise_for_target, to_minimisation
from spacetrash_desktop.engine.problem import build_problem, exact_chunks, stock_ok
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.engine.search import EXACT_LIMIT, search, violation
from spacetrash_desktop.engine.tables import MAX_SLOTS, compile_tables
from spacetrash_desktop.engine.vetting import INFEASIBLE_MASK, REFUSED_MASK, vet

DEFAULT_TARGETS = ("interior_panel", "residence_renovations", "cosmic_celebrations", "daring_discoveries")


def _time_to(trace, level: float):
    for elapsed, _evaluated, hv in trace:
        if hv >= level:
            return elapsed
    return None


def _scorer_throughput(tables, target, seconds: float = 1.0) -> float:
    problem = build_problem(tables, target)
    scorer = PhysicsScorer()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for b in exact_chunks(problem, chunk=20000):
            s = scorer.score(tables, b, target.batch_mass_kg)
            vet(tables, b, s.phys, target, s.props)
            n += len(b)
            if time.perf_counter() - t0 >= seconds:
                break
    return n / (time.perf_counter() - t0)


# ------------------------------------------------------------------------- baselines on our scorer


class _Evaluator:
    """Scores decoded batches with our scorer and vetting; keeps an external feasible archive."""

    def __init__(self, tables, target):
        self.t, self.target = tables, target
        self.problem = build_problem(tables, target)
        self.scorer = PhysicsScorer()
        self.archive = ParetoArchive()
        self.props: list[np.ndarray] = []
        self.evaluated = 0
        self.first_feasible = None
        self.t0 = time.perf_counter()
        p = self.problem
        self.procs = p.processes
        maxlen = max(len(p.items_for[int(q)]) for q in self.procs)
        self.items = np.full((tables.n_processes, maxlen), p.pad, np.int32)
        self.n_items = np.zeros(tables.n_processes, int)
        self.reg_lo = np.zeros(tables.n_processes)
        self.reg_hi = np.zeros(tables.n_processes)
        for q in self.procs:
            lst = p.items_for[int(q)]
            self.items[q, : len(lst)] = lst
            self.n_items[q] = len(lst)
            lv = p.reg_levels[int(q)]
            self.reg_lo[q], self.reg_hi[q] = lv.min(), lv.max()

    def evaluate(self, b: RecipeBatch):
        s = self.scorer.score(self.t, b, self.target.batch_mass_kg)
        v = vet(self.t, b, s.phys, self.target, s.props)
        flags = v.flags
        feas = (flags & (REFUSED_MASK | INFEASIBLE_MASK)) == 0
        self.evaluated += len(b)
        if feas.any():
            if self.first_feasible is None:
                self.first_feasible = time.perf_counter() - self.t0
            start = sum(len(x) for x in self.props)
            self.props.append(s.props[feas])
            self.archive.update(
                to_minimisation(s.props[feas]), np.zeros(int(feas.sum())), np.arange(start, start + int(feas.sum()))
            )
        return s, flags

    def front_props(self) -> np.ndarray:
        if not len(self.archive):
            return np.zeros((0, 5))
        return np.concatenate(self.props)[np.array(self.archive.payload)]

    def summary(self) -> dict:
        return {
            "props": self.front_props(),
            "evaluated": self.evaluated,
            "first_feasible_s": self.first_feasible,
            "front": len(self.archive),
        }


def _random_baseline(tables, target, budget_s: float, seed: int) -> dict:
    """The seed app's way: random picks of 2-3 items with random weights, a random process."""
    ev = _Evaluator(tables, target)
    rng = np.random.default_rng(seed)
    pad = ev.problem.pad
    deadline = time.perf_counter() + budget_s
    while time.perf_counter() < deadline:
        n = 2000
        proc = ev.procs[rng.integers(0, len(ev.procs), n)]
        k = rng.integers(2, 4, n)
        idx = np.full((n, MAX_SLOTS), pad, np.int32)
        frac = np.zeros((n, MAX_SLOTS))
        for s in range(3):
            on = k > s
            pick = (rng.random(n) * ev.n_items[proc]).astype(int)
            idx[on, s] = ev.items[proc[on], pick[on]]
            frac[on, s] = rng.random(on.sum()) + 0.05
        reg = np.round((ev.reg_lo[proc] + rng.random(n) * (ev.reg_hi[proc] - ev.reg_lo[proc])) * 10) / 10
        b = RecipeBatch(idx, frac, reg, proc.astype(np.int32)).canonical(pad)
        b = b.take(stock_ok(ev.problem, b))
        if len(b):
            ev.evaluate(b)
    return ev.summary()


def _pymoo_nsga2(tables, target, budget_s: float, seed: int) -> dict | None:
    try:
        from pymoo.algorithms.moo.nsga2 import NSGA2  # noqa: PLC0415 - optional benchmark dependency
        from pymoo.core.problem import Problem  # noqa: PLC0415 - optional benchmark dependency
        from pymoo.optimize import minimize  # noqa: PLC0415 - optional benchmark dependency
        from pymoo.termination import get_termination  # noqa: PLC0415 - optional benchmark dependency
    except ImportError:
        return None
    ev = _Evaluator(tables, target)
    pad = ev.problem.pad

    def decode(X):
        n = len(X)
        procs = ev.procs
        proc = procs[np.minimum((X[:, 9] * len(procs)).astype(int), len(procs) - 1)]
        idx = np.full((n, MAX_SLOTS), pad, np.int32)
        frac = np.zeros((n, MAX_SLOTS))
        for s in range(MAX_SLOTS):
            on = X[:, 4 + s] > 0.2
            if s == 0:
                on |= ~(X[:, 4:8] > 0.2).any(axis=1)
            pick = np.minimum((X[:, s] * ev.n_items[proc]).astype(int), np.maximum(ev.n_items[proc] - 1, 0))
            idx[on, s] = ev.items[proc[on], pick[on]]
            frac[on, s] = X[on, 4 + s] + 1e-6
        reg = ev.reg_lo[proc] + X[:, 8] * (ev.reg_hi[proc] - ev.reg_lo[proc])
        return RecipeBatch(idx, frac, reg, proc.astype(np.int32)).canonical(pad)

    class P(Problem):
        def __init__(self):
            super().__init__(n_var=10, n_obj=5, n_ieq_constr=1, xl=0.0, xu=1.0)

        def _evaluate(self, X, out, *args, **kwargs):
            b = decode(X)
            s, flags = ev.evaluate(b)
            out["F"] = normalise_for_target(s.props, target)
            stock_bad = ~stock_ok(ev.problem, b)
            g = violation(s.props, target) + 10.0 * ((flags & REFUSED_MASK) != 0) + 1.0 * stock_bad
            out["G"] = g[:, None]

    minimize(P(), NSGA2(pop_size=100), get_termination("time", budget_s), seed=seed, verbose=False)
    return ev.summary()


# ------------------------------------------------------------------------------------------- run


def _front_props(outcome) -> np.ndarray:
    a = outcome.store.arrays()
    if a is None or len(outcome.front_rows) == 0:
        return np.zeros((0, 5))
    return a["props"][outcome.front_rows]


@dataclass(frozen=True)
class _Plan:
    """Sizes and budgets of one benchmark run (``--quick``: a smoke run)."""

    seed: int
    evo_budget: float
    cmp_budgets: tuple[float, ...]
    sizes: tuple[int, ...]
    seeds: tuple[int, ...]
    targets: tuple[str, ...]

    @staticmethod
    def make(quick: bool, seed: int) -> _Plan:
        return _Plan(
            seed=seed,
            evo_budget=2.0 if quick else 5.0,
            cmp_budgets=(1.0, 3.0) if quick else (1.0, 10.0),
            sizes=(15, 100) if quick else (15, 100, 500),
            seeds=(seed,) if quick else (seed, seed + 1, seed + 2),
            targets=DEFAULT_TARGETS[:2] if quick else DEFAULT_TARGETS,
        )


def run(quick: bool = False, seed: int = 0, out=sys.stdout) -> dict:
    cat = load_catalog()
    scorer = PhysicsScorer()
    plan = _Plan.make(quick, seed)
    res: dict = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "scorer": "physics",
        "protocol": "minimised objectives scaled by the ideal and nadir of the reference front "
        "(exhaustive grid front, or the union of every algorithm's final front); reference point 1.1",
        "budgets_s": {"evolutionary_default": plan.evo_budget, "comparison": list(plan.cmp_budgets)},
        "default_inventory": [],
        "generated": [],
        "memory": {},
    }
    inv = list(cat.default_inventory)
    tables = compile_tables(cat, inv)
    print("# Recipe search benchmark (physics scorer; `spacetrash bench generate`)", file=out)
    print(
        f"# default inventory: {len(inv)} items; budgets: evolutionary {plan.evo_budget:g} s, comparison "
        f"{' and '.join(f'{b:g}' for b in plan.cmp_budgets)} s per algorithm; seeds {list(plan.seeds)}",
        file=out,
    )
    res["default_inventory"] = _default_inventory(cat, tables, scorer, plan, out)
    res["scorer_throughput_per_s"] = _scorer_throughput(tables, cat.targets[plan.targets[0]])
    print(
        f"\nraw scorer + vetting throughput (batches of 20k): {res['scorer_throughput_per_s']:,.0f} candidates/s",
        file=out,
    )
    res["generated"] = _generated_inventories(cat, scorer, plan, out)
    if not _has_pymoo():
        print("(pymoo is not installed: pip install '.[bench]' to compare with NSGA-II)", file=out)
    res["memory"] = _peak_memory(cat, tables, scorer, plan)
    sizes = plan.sizes
    print(
        f"\npeak memory (tracemalloc): exhaustive default run {res['memory']['exhaustive_default_peak_mb']:.0f} MB; "
        f"{sizes[-1]}-item search {res['memory'][f'search_{sizes[-1]}_items_peak_mb']:.0f} MB",
        file=out,
    )
    return res


def _default_inventory(cat, tables, scorer, plan: _Plan, out) -> list[dict]:
    """Per target on the default inventory: the exhaustive front, and how fast the default ("auto")
    and the evolutionary searches come near it."""
    print(
        f"\n{'target':24s} {'grid space':>10s} {'cand/s':>9s} {'1st feas':>9s} {'exh. s':>7s} {'front':>6s} "
        f"{'auto 99%':>9s} {'evo 99%':>8s} {'auto HV/HV*':>11s} {'evo HV/HV*':>10s}",
        file=out,
    )
    rows = []
    for tid in plan.targets:
        target = cat.targets[tid]
        ex = search(tables, target, scorer, RunContext(), mode="exact")
        norm = FrontNormaliser(_front_props(ex))
        hv_star = norm.hv(_front_props(ex))
        budget = plan.evo_budget
        auto = search(
            tables, target, scorer, RunContext(), mode="auto", time_budget_s=budget, seed=plan.seed, hv_fn=norm.hv
        )
        evo = search(
            tables,
            target,
            scorer,
            RunContext(),
            mode="evolutionary",
            time_budget_s=budget,
            seed=plan.seed,
            hv_fn=norm.hv,
        )
        row = {
            "target": tid,
            "exact_space": ex.stats.total,
            "candidates_per_s": ex.stats.evaluated / max(ex.stats.elapsed_s, 1e-9),
            "first_feasible_s": auto.stats.first_feasible_s,
            "exhaustive_s": ex.stats.elapsed_s,
            "front": len(ex.front_rows),
            "hv_exhaustive": hv_star,
            "auto_time_to_99pct_s": _time_to(auto.stats.hv_trace, 0.99 * hv_star),
            "evo_time_to_99pct_s": _time_to(evo.stats.hv_trace, 0.99 * hv_star),
            "auto_hv_ratio": norm.hv(_front_props(auto)) / hv_star if hv_star else None,
            "evo_hv_ratio": norm.hv(_front_props(evo)) / hv_star if hv_star else None,
            "auto_front": len(auto.front_rows),
        }
        rows.append(row)
        print(
            f"{tid:24s} {row['exact_space']:10,d} {row['candidates_per_s']:9,.0f} "
            f"{_fmt_s(row['first_feasible_s'])} {row['exhaustive_s']:7.2f} {row['front']:6d} "
            f"{_fmt_s(row['auto_time_to_99pct_s'])} {_fmt_s(row['evo_time_to_99pct_s'], 8)} "
            f"{(row['auto_hv_ratio'] or 0):11.4f} {(row['evo_hv_ratio'] or 0):10.4f}",
            file=out,
        )
    return rows


def _generated_inventories(cat, scorer, plan: _Plan, out) -> list[dict]:
    """Generated inventories of each size: ours vs pymoo's NSGA-II vs the random baseline at equal
    time budgets, normalised by the best-known front of each inventory."""
    print(
        f"\n{'items':>5s} {'budget':>6s} {'grid space':>14s} {'ours HV':>8s} {'pymoo HV':>9s} {'random HV':>9s} "
        f"{'ours/pymoo':>10s} {'ours/rand':>9s} {'ours/HV*':>8s} {'ours 1st':>8s} {'ours cand/s':>11s}",
        file=out,
    )
    target = cat.targets["interior_panel"]
    nan = float("nan")
    rows = []
    for n in plan.sizes:
        t = compile_tables(cat, synthetic_inventory(cat, n, seed=plan.seed + n))
        space = build_problem(t, target).exact_count()
        exact_props = None
        if space <= EXACT_LIMIT:
            exact_props = _front_props(search(t, target, scorer, RunContext(), mode="exact"))
        runs = _comparison_runs(t, target, scorer, plan)
        # one normalisation per inventory: the best-known front, the union of every run at every budget
        fronts = [
            f
            for rs in runs.values()
            for o, p, r in rs
            for f in (_front_props(o), p["props"] if p else np.zeros((0, 5)), r["props"])
        ]
        if exact_props is not None:
            fronts.append(exact_props)
        norm = FrontNormaliser(np.concatenate([f for f in fronts if len(f)]))
        hv_star = norm.hv(exact_props) if exact_props is not None else None
        for budget, rs in runs.items():
            row = _comparison_row(n, budget, space, rs, norm, hv_star)
            rows.append(row)
            print(
                f"{n:5d} {budget:5.0f}s {space:14,d} {row['hv_ours']:8.4f} {(row['hv_pymoo_nsga2'] or nan):9.4f} "
                f"{row['hv_random']:9.4f} {(row['ratio_vs_pymoo'] or nan):10.3f} {(row['ratio_vs_random'] or nan):9.3f} "
                f"{(row['ratio_vs_exhaustive'] or nan):8.4f} {_fmt_s(row['first_feasible_s'], 8)} "
                f"{row['candidates_per_s']:11,.0f}",
                file=out,
            )
    return rows


def _comparison_runs(tables, target, scorer, plan: _Plan) -> dict[float, list[tuple]]:
    """Per budget, per seed: (our search, pymoo's NSGA-II or None, the random baseline)."""
    runs: dict[float, list[tuple]] = {}
    for budget in plan.cmp_budgets:
        runs[budget] = []
        for sd in plan.seeds:
            # equal time: our search uses the whole budget too (no early stop at convergence)
            ours = search(
                tables,
                target,
                scorer,
                RunContext(),
                mode="auto",
                time_budget_s=budget,
                seed=sd,
                converge_tol=0.0,
                stall_generations=10**9,
            )
            pm = _pymoo_nsga2(tables, target, budget, sd)
            rnd = _random_baseline(tables, target, budget, sd)
            runs[budget].append((ours, pm, rnd))
    return runs


def _median(xs):
    return float(np.median(xs)) if xs else None


def _comparison_row(n: int, budget: float, space: int, rs: list[tuple], norm, hv_star) -> dict:
    """The medians over seeds of one (inventory, budget) comparison."""
    med = _median
    hv_o = [norm.hv(_front_props(o)) for o, _, _ in rs]
    hv_p = [norm.hv(p["props"]) for _, p, _ in rs if p]
    hv_r = [norm.hv(r["props"]) for _, _, r in rs]
    return {
        "items": n,
        "budget_s": budget,
        "target": "interior_panel",
        "exact_space": space,
        "mode": rs[0][0].stats.mode,
        "hv_ours": med(hv_o),
        "hv_pymoo_nsga2": med(hv_p),
        "hv_random": med(hv_r),
        "hv_ours_per_seed": hv_o,
        "hv_pymoo_per_seed": hv_p,
        "hv_random_per_seed": hv_r,
        "ratio_vs_pymoo": med(hv_o) / med(hv_p) if hv_p and med(hv_p) else None,
        "ratio_vs_random": med(hv_o) / med(hv_r) if med(hv_r) else None,
        "ratio_vs_exhaustive": med(hv_o) / hv_star if hv_star else None,
        "first_feasible_s": med([o.stats.first_feasible_s for o, _, _ in rs if o.stats.first_feasible_s is not None]),
        "candidates_per_s": med([o.stats.evaluated / max(o.stats.elapsed_s, 1e-9) for o, _, _ in rs]),
        "evaluated": {
            "ours": med([o.stats.evaluated for o, _, _ in rs]),
            "pymoo": med([p["evaluated"] for _, p, _ in rs if p]),
            "random": med([r["evaluated"] for _, _, r in rs]),
        },
        "front": {
            "ours": med([len(o.front_rows) for o, _, _ in rs]),
            "pymoo": med([p["front"] for _, p, _ in rs if p]),
            "random": med([r["front"] for _, _, r in rs]),
        },
    }


def _peak_memory(cat, tables, scorer, plan: _Plan) -> dict:
    """Peak memory, measured in separate passes so tracing does not distort the timings."""
    sizes = plan.sizes
    memory = {}
    tracemalloc.start()
    search(tables, cat.targets[plan.targets[0]], scorer, RunContext(), mode="exact")
    memory["exhaustive_default_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    big = compile_tables(cat, synthetic_inventory(cat, sizes[-1], seed=plan.seed + sizes[-1]))
    tracemalloc.start()
    search(
        big,
        cat.targets["interior_panel"],
        scorer,
        RunContext(),
        mode="auto",
        time_budget_s=min(plan.cmp_budgets[-1], 5.0),
        seed=plan.seed,
    )
    memory[f"search_{sizes[-1]}_items_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return memory


def _has_pymoo() -> bool:
    try:
        import pymoo  # noqa: F401, PLC0415 - optional benchmark dependency
    except ImportError:
        return False
    return True


def _fmt_s(x, width: int = 9) -> str:
    return f"{'-':>{width}s}" if x is None else f"{x:{width}.3f}"
