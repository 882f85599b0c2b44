"""Recipe search: exact enumeration with safe pruning (ground truth for small problems) and an
NSGA-II-style evolutionary search seeded from an exact pass over the most promising items (large
inventories). Both call the same batch scorer and feed one non-dominated archive after every batch.

Progress and partial fronts go out through the run context; ``check_cancelled`` is called between
batches, which are sized to take well under 100 ms, so a cancel returns within ~200 ms with what
was found. Given a seed and an evaluation budget the search is deterministic; with a time budget it
is deterministic up to the point where time ran out.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from spacetrash_desktop.domain import Target
from spacetrash_desktop.engine.context import Cancelled, NullContext, RunContext
from spacetrash_desktop.engine.pareto import ParetoArchive, normalise_for_target, hypervolume, pareto_ranks, to_minimisation
from spacetrash_desktop.engine.problem import (
    Problem,
    build_problem,
    compositions,
    exact_chunks,
    stock_ok,
)
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.scorer import Scorer, Scores
from spacetrash_desktop.engine.tables import MAX_SLOTS, EngineTables
from spacetrash_desktop.engine.vetting import INFEASIBLE_MASK, REFUSED_MASK, Flag, vet

EXACT_LIMIT = 4_000_000  # candidates: above this, "auto" uses the evolutionary search
PARTIAL_INTERVAL_S = 0.25
INFEASIBLE_KEEP = 200
STORE_PRUNE_AT = 60_000


# ------------------------------------------------------------------------------------ the store


@dataclass
class Store:
    """Rows worth keeping (front candidates and near-misses), columnar."""

    idx: list = field(default_factory=list)
    frac: list = field(default_factory=list)
    reg: list = field(default_factory=list)
    proc: list = field(default_factory=list)
    props: list = field(default_factory=list)
    lo: list = field(default_factory=list)
    hi: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    ood: list = field(default_factory=list)
    pref: list = field(default_factory=list)
    extra: list = field(default_factory=list)  # physics details [N, E]
    n: int = 0
    _cache: dict = field(default_factory=dict)

    EXTRA = ("modulus_gpa", "strength_mpa", "porosity", "melt_fraction", "hydrogen_wt_pct", "feed_kg",
             "regolith_kg", "product_kg", "loss_vapour_kg", "loss_volatiles_kg", "loss_fines_kg",
             "loss_trim_kg", "batches", "heat_kwh", "water_recovered_l", "problematic_share")

    def add(self, b: RecipeBatch, s: Scores, flags: np.ndarray, pref: np.ndarray, sel: np.ndarray) -> np.ndarray:
        sel = np.asarray(sel)
        if sel.dtype == bool:
            sel = np.where(sel)[0]
        if len(sel) == 0:
            return np.zeros(0, int)
        self.idx.append(b.idx[sel]); self.frac.append(b.frac[sel]); self.reg.append(b.reg[sel])
        self.proc.append(b.proc[sel]); self.props.append(s.props[sel]); self.lo.append(s.lo[sel])
        self.hi.append(s.hi[sel]); self.flags.append(flags[sel]); self.ood.append(s.ood[sel])
        self.pref.append(pref[sel])
        ph = s.phys
        ex = np.stack([getattr(ph, k)[sel] for k in self.EXTRA], axis=1)
        self.extra.append(np.concatenate([ex, ph.item_kg[sel]], axis=1))
        start = self.n
        self.n += len(sel)
        self._compact()
        return np.arange(start, self.n)

    def _compact(self):
        if len(self.idx) > 64:
            for name in ("idx", "frac", "reg", "proc", "props", "lo", "hi", "flags", "ood", "pref", "extra"):
                setattr(self, name, [np.concatenate(getattr(self, name))])

    def arrays(self):
        self._compact()
        if self.n == 0:
            return None
        return {name: np.concatenate(getattr(self, name)) for name in
                ("idx", "frac", "reg", "proc", "props", "lo", "hi", "flags", "ood", "pref", "extra")}

    def keep_only(self, rows: np.ndarray) -> np.ndarray:
        """Drop every row not in ``rows``; return the new index of each kept row."""
        a = self.arrays()
        if a is None:
            return rows
        for name, arr in a.items():
            setattr(self, name, [arr[rows]])
        self.n = len(rows)
        return np.arange(len(rows))


@dataclass
class SearchStats:
    mode: str = ""
    evaluated: int = 0
    feasible: int = 0
    refused: int = 0
    total: int = 0  # candidates in the exact space (0 when unknown)
    elapsed_s: float = 0.0
    first_feasible_s: float | None = None
    cancelled: bool = False
    completed: bool = False  # the exact space was fully enumerated
    flag_counts: dict = field(default_factory=dict)
    hv_trace: list = field(default_factory=list)  # (elapsed_s, evaluated, hv) after front changes

    def to_dict(self) -> dict:
        return {
            "mode": self.mode,
            "evaluated": self.evaluated,
            "feasible": self.feasible,
            "refused": self.refused,
            "exact_space": self.total,
            "elapsed_s": round(self.elapsed_s, 4),
            "first_feasible_s": None if self.first_feasible_s is None else round(self.first_feasible_s, 4),
            "cancelled": self.cancelled,
            "completed": self.completed,
            "flag_counts": dict(self.flag_counts),
        }


@dataclass
class SearchOutcome:
    problem: Problem
    store: Store
    front_rows: np.ndarray  # store rows on the final front
    ranks: np.ndarray  # [store.n] Pareto rank among feasible rows (0 for infeasible)
    stats: SearchStats


# ------------------------------------------------------------------------------------- the run


class _Run:
    def __init__(self, problem: Problem, scorer: Scorer, ctx: RunContext, *, track_hv: bool = False):
        self.p = problem
        self.t = problem.tables
        self.target = problem.target
        self.scorer = scorer
        self.ctx = ctx
        self.archive = ParetoArchive()
        self.store = Store()
        self.infeasible_rows: list[tuple[float, int]] = []
        self.stats = SearchStats()
        self.t0 = time.monotonic()
        self.last_partial = 0.0
        self.seen: set = set()
        self.track_hv = track_hv
        self._archive_version_hv = -1

    # ---- evaluation of one batch
    def evaluate(self, batch: RecipeBatch) -> tuple[Scores, np.ndarray]:
        s = self.scorer.score(self.t, batch, self.target.batch_mass_kg)
        v = vet(self.t, batch, s.phys, self.target, s.props)
        flags = v.flags | np.where(s.ood, int(Flag.OOD), 0)
        feas = (flags & (REFUSED_MASK | INFEASIBLE_MASK)) == 0
        pref = s.phys.problematic_share if self.target.prefer_problematic else np.zeros(len(batch))
        st = self.stats
        st.evaluated += len(batch)
        nf = int(feas.sum())
        st.feasible += nf
        st.refused += int(((flags & REFUSED_MASK) != 0).sum())
        for fl in Flag:
            c = int(((flags & int(fl)) != 0).sum())
            if c:
                st.flag_counts[fl.name] = st.flag_counts.get(fl.name, 0) + c
        if nf and st.first_feasible_s is None:
            st.first_feasible_s = time.monotonic() - self.t0
        if nf:
            fidx = np.where(feas)[0]
            f = to_minimisation(s.props[fidx])
            from spacetrash_desktop.engine.pareto import nondominated_mask

            nd = fidx[nondominated_mask(f)]
            rows = self.store.add(batch, s, flags, pref, nd)
            self.archive.update(to_minimisation(s.props[nd]), pref[nd], list(rows))
        self._keep_near_misses(batch, s, flags, pref, feas)
        if self.store.n > STORE_PRUNE_AT:
            self._prune_store()
        if self.track_hv and self.archive.version != self._archive_version_hv:
            self._archive_version_hv = self.archive.version
            self.stats.hv_trace.append((time.monotonic() - self.t0, st.evaluated, self.current_hv()))
        return s, flags

    def _keep_near_misses(self, batch, s, flags, pref, feas):
        """Keep the infeasible (not refused) recipes that came closest: they explain trade-offs."""
        cand = np.where(~feas & ((flags & REFUSED_MASK) == 0))[0]
        if len(cand) == 0:
            return
        viol = violation(s.props[cand], self.target)
        worst = max((v for v, _ in self.infeasible_rows), default=np.inf) if len(self.infeasible_rows) >= INFEASIBLE_KEEP else np.inf
        order = np.argsort(viol)[:INFEASIBLE_KEEP]
        order = order[viol[order] < worst]
        if len(order) == 0:
            return
        rows = self.store.add(batch, s, flags, pref, cand[order])
        self.infeasible_rows.extend(zip(viol[order].tolist(), rows.tolist()))
        self.infeasible_rows.sort()
        del self.infeasible_rows[INFEASIBLE_KEEP:]

    def _prune_store(self):
        keep = sorted(set(int(r) for r in self.archive.payload) | {r for _, r in self.infeasible_rows})
        keep = np.array(keep, int)
        remap = {int(old): new for new, old in enumerate(keep)}
        self.store.keep_only(keep)
        self.archive.payload = [remap[int(r)] for r in self.archive.payload]
        self.infeasible_rows = [(v, remap[r]) for v, r in self.infeasible_rows]

    def current_hv(self) -> float:
        if len(self.archive) == 0:
            return 0.0
        a = self.store.arrays()
        props = a["props"][np.array(self.archive.payload, int)]
        return hypervolume(normalise_for_target(props, self.target))

    def maybe_partial(self, force: bool = False):
        now = time.monotonic()
        if force or now - self.last_partial >= PARTIAL_INTERVAL_S:
            self.last_partial = now
            self.ctx.partial(self)

    def elapsed(self) -> float:
        return time.monotonic() - self.t0

    def outcome(self) -> SearchOutcome:
        self.stats.elapsed_s = self.elapsed()
        a = self.store.arrays()
        n = self.store.n
        ranks = np.zeros(n, int)
        if a is not None:
            feas = (a["flags"] & (REFUSED_MASK | INFEASIBLE_MASK)) == 0
            fi = np.where(feas)[0]
            if len(fi):
                ranks[fi] = pareto_ranks(to_minimisation(a["props"][fi]))
        front = np.array(sorted(int(r) for r in self.archive.payload), int)
        return SearchOutcome(self.p, self.store, front, ranks, self.stats)


def violation(props: np.ndarray, target: Target) -> np.ndarray:
    """Normalised total shortfall against the target's minima and caps (0 when all are met)."""
    v = np.maximum(0.0, target.rigidity_min - props[:, 0]) / max(target.rigidity_min, 0.05)
    v += np.maximum(0.0, target.tightness_min - props[:, 1]) / max(target.tightness_min, 0.05)
    v += np.maximum(0.0, props[:, 2] - target.max_energy_kwh) / max(target.max_energy_kwh, 1e-6)
    v += np.maximum(0.0, props[:, 3] - target.max_water_l) / max(target.max_water_l, 0.1)
    v += np.maximum(0.0, props[:, 4] - target.max_crew_min) / max(target.max_crew_min, 1e-6)
    return v


# -------------------------------------------------------------------------------- exact search


def _run_exact(run: _Run, chunk: int, restrict=None, progress_total: int | None = None) -> bool:
    """Enumerate; return True when the space was fully covered."""
    p = run.p
    total = progress_total if progress_total is not None else p.exact_count()
    done = 0
    for batch in exact_chunks(p, chunk=chunk, restrict=restrict):
        run.ctx.check_cancelled()
        done += len(batch)
        ok = stock_ok(p, batch)
        if ok.any():
            run.evaluate(batch.take(ok))
        run.ctx.progress(done, total, f"{run.stats.feasible:,} feasible of {run.stats.evaluated:,} scored")
        run.maybe_partial()
        if run.ctx.time_left() <= 0:
            return False
    return True


# ------------------------------------------------------------------------- evolutionary search


class _Evolution:
    """NSGA-II-style search on the same grid as the exact search (waste quanta, regolith steps)."""

    def __init__(self, run: _Run, rng: np.random.Generator, pop_size: int):
        self.run = run
        self.p = run.p
        self.t = run.t
        self.rng = rng
        self.pop_size = pop_size
        self.Q = self.p.quanta
        self.pad = self.p.pad
        procs = self.p.processes
        self.procs = procs
        # per process: padded candidate item list and count
        maxlen = max(len(self.p.items_for[int(q)]) for q in procs)
        self.items = np.full((self.t.n_processes, maxlen), self.pad, np.int32)
        self.n_items = np.zeros(self.t.n_processes, int)
        for q in procs:
            lst = self.p.items_for[int(q)]
            self.items[q, : len(lst)] = lst
            self.n_items[q] = len(lst)
        self.ok = np.zeros((self.t.n_processes, self.pad + 1), bool)
        for q in procs:
            self.ok[q, self.p.items_for[int(q)]] = True
            self.ok[q, self.pad] = True
        self.reg_lo = np.zeros(self.t.n_processes)
        self.reg_hi = np.zeros(self.t.n_processes)
        for q in procs:
            lv = self.p.reg_levels[int(q)]
            self.reg_lo[q], self.reg_hi[q] = lv.min(), lv.max()
        self.good_items: dict[int, np.ndarray] = {}

    # ---- encoding helpers
    def _quanta(self, b: RecipeBatch) -> np.ndarray:
        return np.rint(b.frac * self.Q).astype(int)

    def _batch(self, idx, q, reg, proc) -> RecipeBatch:
        q = self._renorm(q, idx)
        idx = np.where(q > 0, idx, self.pad).astype(np.int32)
        b = RecipeBatch(idx, q / self.Q, reg, proc.astype(np.int32))
        return b.canonical(self.pad)

    def _renorm(self, q, idx):
        """Make each row's quanta positive integers summing to Q (largest remainder)."""
        q = np.where(idx == self.pad, 0, np.maximum(q, 0)).astype(float)
        s = q.sum(axis=1, keepdims=True)
        empty = s[:, 0] == 0
        q[empty, 0] = 1.0
        s = q.sum(axis=1, keepdims=True)
        x = q * self.Q / s
        base = np.floor(x)
        rem = (self.Q - base.sum(axis=1)).astype(int)
        order = np.argsort(-(x - base), axis=1)
        for r in range(MAX_SLOTS):
            add = rem > r
            base[np.where(add)[0], order[add, r]] += 1
        return base.astype(int)

    def _random_item(self, proc: np.ndarray) -> np.ndarray:
        n = self.n_items[proc]
        pick = (self.rng.random(len(proc)) * np.maximum(n, 1)).astype(int)
        out = self.items[proc, pick]
        # half of the time draw from the items that did well (the archive and the best singles)
        use_good = self.rng.random(len(proc)) < 0.5
        for q in np.unique(proc[use_good]):
            good = self.good_items.get(int(q))
            if good is None or len(good) == 0:
                continue
            sel = np.where(use_good & (proc == q))[0]
            out[sel] = good[self.rng.integers(0, len(good), len(sel))]
        return out

    def _snap_reg(self, reg, proc):
        step = 0.1
        reg = np.round(reg / step) * step
        return np.clip(reg, self.reg_lo[proc], self.reg_hi[proc])

    def repair(self, idx, q, reg, proc) -> RecipeBatch:
        # items the process cannot take are swapped for ones it can
        bad = ~self.ok[proc[:, None], idx] & (idx != self.pad)
        if bad.any():
            r, c = np.where(bad)
            idx[r, c] = self._random_item(proc[r])
        reg = self._snap_reg(reg, proc)
        return self._batch(idx, q, reg, proc)

    def random_individuals(self, n: int) -> RecipeBatch:
        proc = self.procs[self.rng.integers(0, len(self.procs), n)]
        k = self.rng.integers(1, MAX_SLOTS + 1, n)
        idx = np.full((n, MAX_SLOTS), self.pad, np.int32)
        q = np.zeros((n, MAX_SLOTS), int)
        for s in range(MAX_SLOTS):
            on = k > s
            idx[on, s] = self._random_item(proc[on])
            q[on, s] = self.rng.integers(1, self.Q + 1, on.sum())
        reg = self.reg_lo[proc] + self.rng.random(n) * (self.reg_hi[proc] - self.reg_lo[proc])
        return self.repair(idx, q, reg, proc)

    def vary(self, parents: RecipeBatch, mates: RecipeBatch) -> RecipeBatch:
        n = len(parents)
        rng = self.rng
        idx = parents.idx.copy()
        q = self._quanta(parents)
        reg = parents.reg.copy()
        proc = parents.proc.copy()
        # crossover (60%): take some slots from the mate
        cx = rng.random(n) < 0.6
        take = cx[:, None] & (rng.random((n, MAX_SLOTS)) < 0.5) & (mates.idx != self.pad)
        mq = self._quanta(mates)
        idx = np.where(take, mates.idx, idx)
        q = np.where(take, mq, q)
        swap_proc = cx & (rng.random(n) < 0.3)
        proc = np.where(swap_proc, mates.proc, proc)
        reg = np.where(cx & (rng.random(n) < 0.5), mates.reg, reg)
        # mutation: one operator per child (plus a second one 30% of the time)
        for _round in range(2):
            if _round == 1:
                active = rng.random(n) < 0.3
            else:
                active = np.ones(n, bool)
            op = rng.integers(0, 6, n)
            used = idx != self.pad
            nused = used.sum(axis=1)
            # 0: swap an item
            m = active & (op == 0)
            if m.any():
                r = np.where(m)[0]
                slot = _pick_used(used[r], rng)
                idx[r, slot] = self._random_item(proc[r])
            # 1: move quanta between two used slots
            m = active & (op == 1) & (nused >= 2)
            if m.any():
                r = np.where(m)[0]
                a = _pick_used(used[r], rng)
                bslot = _pick_used(used[r], rng)
                amt = rng.integers(1, 4, len(r))
                amt = np.minimum(amt, q[r, a])
                q[r, a] -= amt
                q[r, bslot] += amt
            # 2: add an item
            m = active & (op == 2) & (nused < MAX_SLOTS)
            if m.any():
                r = np.where(m)[0]
                free = np.argmax(~used[r], axis=1)
                idx[r, free] = self._random_item(proc[r])
                big = np.argmax(q[r], axis=1)
                give = np.maximum(1, q[r, big] // 2)
                q[r, big] -= give
                q[r, free] = give
            # 3: remove an item
            m = active & (op == 3) & (nused >= 2)
            if m.any():
                r = np.where(m)[0]
                slot = _pick_used(used[r], rng)
                idx[r, slot] = self.pad
                q[r, slot] = 0
            # 4: regolith one step up or down
            m = active & (op == 4)
            if m.any():
                reg[m] = reg[m] + rng.choice([-0.1, 0.1], m.sum())
            # 5: change process
            m = active & (op == 5)
            if m.any():
                proc[m] = self.procs[rng.integers(0, len(self.procs), m.sum())]
                reg[m] = np.clip(reg[m], self.reg_lo[proc[m]], self.reg_hi[proc[m]])
        return self.repair(idx, q, reg, proc)


def _pick_used(used: np.ndarray, rng) -> np.ndarray:
    """A random used slot per row (rows with none give slot 0)."""
    w = used * rng.random(used.shape)
    return np.argmax(w, axis=1)


def _crowding(f: np.ndarray) -> np.ndarray:
    n = len(f)
    if n <= 2:
        return np.full(n, np.inf)
    d = np.zeros(n)
    for j in range(f.shape[1]):
        o = np.argsort(f[:, j], kind="stable")
        span = f[o[-1], j] - f[o[0], j]
        d[o[0]] = d[o[-1]] = np.inf
        if span > 0:
            d[o[1:-1]] += (f[o[2:], j] - f[o[:-2], j]) / span
    return d


def _survive(props: np.ndarray, flags: np.ndarray, target: Target, k: int) -> np.ndarray:
    """NSGA-II survival with Deb's constraint rules: feasible by rank then crowding, then the
    infeasible by total violation (refused ones last)."""
    feas = (flags & (REFUSED_MASK | INFEASIBLE_MASK)) == 0
    fi = np.where(feas)[0]
    chosen: list[int] = []
    if len(fi):
        f = to_minimisation(props[fi])
        ranks = pareto_ranks(f)
        for r in np.unique(ranks):
            members = fi[ranks == r]
            if len(chosen) + len(members) <= k:
                chosen.extend(members.tolist())
            else:
                cd = _crowding(to_minimisation(props[members]))
                order = np.argsort(-cd, kind="stable")
                chosen.extend(members[order[: k - len(chosen)]].tolist())
                break
    if len(chosen) < k:
        ii = np.where(~feas)[0]
        v = violation(props[ii], target) + 1e6 * ((flags[ii] & REFUSED_MASK) != 0)
        chosen.extend(ii[np.argsort(v, kind="stable")][: k - len(chosen)].tolist())
    return np.array(chosen, int)


def _seed_items(run: _Run, per_process: int) -> dict[int, np.ndarray]:
    """Score every single-item recipe; keep, per process, the items whose singles are best
    (non-dominated rank on the objectives, then least violation) and the most problematic ones."""
    p = run.p
    restrict = {}
    for proc in p.processes:
        proc = int(proc)
        items = p.items_for[proc]
        regs = p.reg_levels[proc]
        N = len(items) * len(regs)
        idx = np.full((N, MAX_SLOTS), p.pad, np.int32)
        idx[:, 0] = np.repeat(items, len(regs))
        frac = np.zeros((N, MAX_SLOTS))
        frac[:, 0] = 1.0
        b = RecipeBatch(idx, frac, np.tile(regs, len(items)).astype(float), np.full(N, proc, np.int32))
        ok = stock_ok(p, b)
        b = b.take(ok)
        if len(b) == 0:
            continue
        run.ctx.check_cancelled()
        s, flags = run.evaluate(b)
        v = violation(s.props, p.target) + 10.0 * ((flags & REFUSED_MASK) != 0)
        ranks = pareto_ranks(to_minimisation(s.props))
        score = ranks + 3.0 * v - 0.5 * s.phys.problematic_share
        order = np.argsort(score, kind="stable")
        chosen = []
        for i in order:
            it = int(b.idx[i, 0])
            if it not in chosen:
                chosen.append(it)
            if len(chosen) >= per_process:
                break
        restrict[proc] = np.array(sorted(chosen), int)
    return restrict


def _run_evolution(run: _Run, seed: int, pop_size: int, max_evals: int | None, seed_items: int) -> None:
    rng = np.random.default_rng(seed)
    p = run.p
    if len(p.processes) == 0:
        return
    # 1. exact pass over the most promising items
    restrict = _seed_items(run, seed_items)
    ev = _Evolution(run, rng, pop_size)
    ev.good_items = {q: v for q, v in restrict.items()}
    seed_space = sum(
        __import__("math").comb(len(v), k) * __import__("math").comb(p.quanta - 1, k - 1) * len(p.reg_levels[q])
        for q, v in restrict.items() for k in range(1, MAX_SLOTS + 1))
    _run_exact(run, chunk=8000, restrict=restrict, progress_total=seed_space)
    # 2. population: archive members first, then random fill
    a = run.store.arrays()
    pop_parts = []
    if a is not None and len(run.archive):
        rows = np.array(run.archive.payload, int)
        if len(rows) > pop_size:
            rows = rng.choice(rows, pop_size, replace=False)
        pop_parts.append(RecipeBatch(a["idx"][rows], a["frac"][rows], a["reg"][rows], a["proc"][rows]))
    have = sum(len(x) for x in pop_parts)
    if have < pop_size:
        pop_parts.append(ev.random_individuals(pop_size - have))
    pop = RecipeBatch.concat(pop_parts)
    s, flags = run.evaluate(pop)
    props = s.props
    gen = 0
    budget_note = "evolutionary search"
    while True:
        run.ctx.check_cancelled()
        if max_evals is not None and run.stats.evaluated >= max_evals:
            break
        if run.ctx.time_left() <= 0:
            break
        gen += 1
        # refresh the "good items" from the archive every few generations
        if gen % 5 == 1 and len(run.archive):
            arr = run.store.arrays()
            rows = np.array(run.archive.payload, int)
            for q in p.processes:
                sel = rows[arr["proc"][rows] == q]
                its = np.unique(arr["idx"][sel])
                its = its[its != p.pad]
                base = restrict.get(int(q), np.zeros(0, int))
                ev.good_items[int(q)] = np.unique(np.concatenate([base, its])).astype(int)
        # binary tournament on (feasible rank, violation)
        n = len(pop)
        feas = (flags & (REFUSED_MASK | INFEASIBLE_MASK)) == 0
        key = np.full(n, 1e9)
        if feas.any():
            key[feas] = pareto_ranks(to_minimisation(props[feas]))
        key[~feas] = 1e3 + violation(props[~feas], p.target)
        i1, i2 = rng.integers(0, n, (2, n))
        parents = np.where(key[i1] <= key[i2], i1, i2)
        j1, j2 = rng.integers(0, n, (2, n))
        mates = np.where(key[j1] <= key[j2], j1, j2)
        # 20% of the mates come straight from the archive (elitism beyond the population)
        children = ev.vary(pop.take(parents), pop.take(mates))
        children = children.take(stock_ok(p, children))
        keys = children.keys()
        fresh = np.array([k not in run.seen for k in keys.tolist()], bool) if len(keys) else np.zeros(0, bool)
        # de-duplicate inside the generation as well
        _, first = np.unique(keys, return_index=True)
        uniq = np.zeros(len(keys), bool)
        uniq[first] = True
        new = fresh & uniq
        run.seen.update(keys[new].tolist())
        children = children.take(new)
        if len(children) == 0:
            children = ev.random_individuals(max(8, pop_size // 4))
        cs, cflags = run.evaluate(children)
        allb = RecipeBatch.concat([pop, children])
        allp = np.concatenate([props, cs.props])
        allf = np.concatenate([flags, cflags])
        keep = _survive(allp, allf, p.target, pop_size)
        pop, props, flags = allb.take(keep), allp[keep], allf[keep]
        if max_evals:
            run.ctx.progress(min(run.stats.evaluated, max_evals), max_evals, budget_note)
        else:
            left = run.ctx.time_left()
            el = run.elapsed()
            total = el + left if np.isfinite(left) else el + 1
            run.ctx.progress(int(1000 * el / total), 1000,
                             f"{budget_note}: generation {gen}, {len(run.archive):,} on the front")
        run.maybe_partial()


# ------------------------------------------------------------------------------------ entry point


def search(
    tables: EngineTables,
    target: Target,
    scorer: Scorer,
    ctx: RunContext | None = None,
    *,
    mode: str = "auto",
    time_budget_s: float | None = None,
    seed: int = 0,
    max_evals: int | None = None,
    quanta: int = 10,
    pop_size: int = 200,
    seed_items: int = 8,
    chunk: int = 20000,
    track_hv: bool = False,
) -> SearchOutcome:
    """Run the search; returns what was found even when cancelled or out of time."""
    ctx = ctx or NullContext()
    if time_budget_s is not None:
        ctx.deadline = time.monotonic() + float(time_budget_s)
    problem = build_problem(tables, target, quanta=quanta)
    run = _Run(problem, scorer, ctx, track_hv=track_hv)
    total = problem.exact_count()
    run.stats.total = total
    if mode == "auto":
        mode = "exact" if total <= EXACT_LIMIT else "evolutionary"
    if mode not in {"exact", "evolutionary"}:
        raise ValueError(f"unknown search mode {mode!r}")
    run.stats.mode = mode
    try:
        if mode == "exact":
            run.stats.completed = _run_exact(run, chunk=chunk)
        else:
            _run_evolution(run, seed, pop_size, max_evals, seed_items)
    except Cancelled:
        run.stats.cancelled = True
    run.maybe_partial(force=True)
    return run.outcome()
