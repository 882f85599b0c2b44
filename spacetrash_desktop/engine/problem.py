"""The search space of one run: which items each process may take, the regolith levels, the
fraction grid, and the safe pruning rules shared by the exact and the evolutionary search.

Safe pruning (it can never remove a feasible recipe, so the exact search stays ground truth):

* an item is never combined with a process that refuses one of its materials, does not accept it,
  would heat a fluoropolymer or decompose it (vetting would refuse every such recipe);
* a process the target does not allow, or a regolith level outside the process's range or not
  allowed by the target, is never generated;
* items with the same composition and moisture are interchangeable for every property; only the one
  with the most stock represents them (recipes with its twins have identical objectives);
* a slot needing more wet mass than in stock *even at 100% yield* is never generated (the feed is
  at least the product mass, so such a recipe always exceeds stock).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from math import comb

import numpy as np

from spacetrash_desktop.domain import Target
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.tables import MAX_SLOTS, EngineTables

DEFAULT_QUANTA = 10  # waste fractions on a 10% grid
REGOLITH_STEP = 0.1


@dataclass
class Problem:
    tables: EngineTables
    target: Target
    quanta: int
    processes: np.ndarray  # process indices allowed and usable
    items_for: dict[int, np.ndarray]  # process -> candidate item indices (deduplicated)
    reg_levels: dict[int, np.ndarray]  # process -> regolith fractions
    twins: dict[int, np.ndarray]  # representative item -> all items it stands for

    @property
    def pad(self) -> int:
        return self.tables.n_items

    def exact_count(self, max_items: int = MAX_SLOTS) -> int:
        total = 0
        for p in self.processes:
            n = len(self.items_for[int(p)])
            r = len(self.reg_levels[int(p)])
            for k in range(1, max_items + 1):
                total += comb(n, k) * comb(self.quanta - 1, k - 1) * r
        return total


def build_problem(tables: EngineTables, target: Target, quanta: int = DEFAULT_QUANTA, dedupe: bool = True) -> Problem:
    n = tables.n_items
    procs = []
    items_for: dict[int, np.ndarray] = {}
    reg_levels: dict[int, np.ndarray] = {}
    twins: dict[int, np.ndarray] = {}
    # signature of an item: composition + moisture (difficulty breaks ties in favour of problematic waste)
    sig = np.round(np.concatenate([tables.composition[:n], tables.moisture[:n, None]], axis=1), 9)
    reps = np.arange(n)
    if dedupe and n:
        order = np.lexsort((-tables.difficulty[:n], -tables.stock[:n]))  # most stock first
        seen: dict[bytes, int] = {}
        for i in order:
            key = sig[i].tobytes()
            if key in seen:
                reps[i] = seen[key]
            else:
                seen[key] = i
        members: dict[int, list[int]] = {}
        for i in range(n):
            members.setdefault(int(reps[i]), []).append(i)
        twins = {k: np.array(v) for k, v in members.items()}
    else:
        twins = {i: np.array([i]) for i in range(n)}
    is_rep = reps == np.arange(n)
    for p, pid in enumerate(tables.process_ids):
        if not target.allows_process(pid):
            continue
        lo, hi = tables.reg_min[p], tables.reg_max[p]
        levels = np.round(np.arange(0.0, 1.0 + 1e-9, REGOLITH_STEP), 6)
        levels = levels[(levels >= lo - 1e-9) & (levels <= hi + 1e-9) & (levels < 1.0)]
        if not target.regolith_allowed:
            levels = levels[levels == 0.0]
        if len(levels) == 0:
            continue
        ok = tables.item_ok[p, :n] & is_rep & (tables.stock[:n] > 0)
        cand = np.where(ok)[0]
        if len(cand) == 0:
            continue
        procs.append(p)
        items_for[p] = cand
        reg_levels[p] = levels
    return Problem(tables, target, quanta, np.array(procs, int), items_for, reg_levels, twins)


def compositions(q: int, k: int) -> np.ndarray:
    """All ways to split q quanta into k positive parts: [C(q-1,k-1), k] ints."""
    if k == 1:
        return np.array([[q]])
    rows = []
    for cuts in combinations(range(1, q), k - 1):
        parts = np.diff((0, *cuts, q))
        rows.append(parts)
    return np.array(rows, int)


def stock_ok(problem: Problem, batch: RecipeBatch) -> np.ndarray:
    """Safe stock pruning: a slot needing more than in stock at 100% yield is always infeasible."""
    t = problem.tables
    need = (1.0 - batch.reg)[:, None] * batch.frac * problem.target.batch_mass_kg
    return (need <= t.stock[batch.idx] * (1 + 1e-9) + 1e-12).all(axis=1)


def exact_chunks(
    problem: Problem, chunk: int = 20000, max_items: int = MAX_SLOTS, restrict: dict[int, np.ndarray] | None = None
):
    """Yield RecipeBatch chunks enumerating the whole space (1-item mixes first, then 2, 3, 4).
    ``restrict`` limits each process to a subset of items (used to seed the evolutionary search)."""
    pad = problem.pad
    q = problem.quanta
    for k in range(1, max_items + 1):
        comps = compositions(q, k).astype(float) / q
        for p in problem.processes:
            p = int(p)
            items = problem.items_for[p] if restrict is None else restrict.get(p, np.zeros(0, int))
            if len(items) < k:
                continue
            regs = problem.reg_levels[p]
            per_subset = len(comps) * len(regs)
            block = max(1, chunk // per_subset)
            it = combinations(items.tolist(), k)
            while True:
                subs = []
                for _ in range(block):
                    try:
                        subs.append(next(it))
                    except StopIteration:
                        break
                if not subs:
                    break
                S = np.array(subs, np.int32)  # [s,k]
                s = len(S)
                # cartesian product: subsets x compositions x regolith levels
                si = np.repeat(np.arange(s), len(comps) * len(regs))
                ci = np.tile(np.repeat(np.arange(len(comps)), len(regs)), s)
                ri = np.tile(np.arange(len(regs)), s * len(comps))
                N = len(si)
                idx = np.full((N, MAX_SLOTS), pad, np.int32)
                frac = np.zeros((N, MAX_SLOTS))
                idx[:, :k] = S[si]
                frac[:, :k] = comps[ci]
                batch = RecipeBatch(idx, frac, regs[ri].astype(float), np.full(N, p, np.int32))
                yield batch
