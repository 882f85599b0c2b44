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
from math import comb

import numpy as np

from spacetrash_desktop.context import Cancelled, NullContext, RunContext
from spacetrash_desktop.domain import Target
from spacetrash_desktop.engine.pareto import (
    ParetoArchive,
    hypervolume,
    nondominated_mask,
    normalise_for_target,
    pareto_ranks,
    thin_front,
    to_minimisation,
)
from spacetrash_desktop.engine.problem import (
    Problem,
    build_problem,
    exact_chunks,
    stock_ok,
)
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.scorer import Scorer, Scores
from spacetrash_desktop.engine.tables import MAX_SLOTS, EngineTables
from spacetrash_desktop.engine.vetting import INFEASIBLE_MASK, REFUSED_MASK, Flag, vet
from spacetrash_desktop.messages import msg

EXACT_LIMIT = 4_000_000  # candidates: above this, "auto" uses the evolutionary search
EXACT_SHARE_OF_BUDGET = 0.5  # with a time budget, "auto" enumerates only when that takes at most half of it
DEFAULT_BUDGET_S = 20.0  # evolution budget when the caller gives neither a time budget nor max_evals
CONVERGE_CHECK_GENERATIONS = 25  # the evolution stops when the representative front's hypervolume
# grows by less than converge_tol (relative) over two consecutive checks
PARTIAL_INTERVAL_S = 0.25
INFEASIBLE_KEEP = 200
# refused recipes kept (closest to the target first): the crew sees why an obvious mix is not offered
REFUSED_KEEP = 12
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
    _rows: dict = field(default_factory=dict)  # recipe key -> row: a recipe is stored once

    EXTRA = (
        "modulus_gpa",
        "strength_mpa",
        "porosity",
        "melt_fraction",
        "hydrogen_wt_pct",
        "feed_kg",
        "regolith_kg",
        "product_kg",
        "loss_vapour_kg",
        "loss_volatiles_kg",
        "loss_fines_kg",
        "loss_trim_kg",
        "batches",
        "heat_kwh",
        "water_recovered_l",
        "problematic_share",
        "shred_kwh",
        "shred_crew_min",
        "drying_kwh",
        "drying_crew_min",
        "dried_water_kg",
        "warmup_kwh",
        "consumables_kg",
    )

    def add(
        self, b: RecipeBatch, s: Scores, flags: np.ndarray, pref: np.ndarray, sel: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Store the selected rows of a scored batch. Returns each one's store row and whether this call
        stored it: a recipe already stored (the evolution can score again what the exact pass or an
        earlier generation scored, or the same recipe twice in one batch) keeps its first row, so each
        recipe is stored, and listed, once."""
        sel = np.asarray(sel)
        if sel.dtype == bool:
            sel = np.where(sel)[0]
        rows = np.empty(len(sel), int)
        fresh = np.zeros(len(sel), bool)
        nxt = self.n
        for j, k in enumerate(b.take(sel).keys().tolist() if len(sel) else []):
            row = self._rows.get(k)
            if row is None:
                row = self._rows[k] = nxt
                nxt += 1
                fresh[j] = True
            rows[j] = row
        if not fresh.any():
            return rows, fresh
        sel = sel[fresh]
        self.idx.append(b.idx[sel])
        self.frac.append(b.frac[sel])
        self.reg.append(b.reg[sel])
        self.proc.append(b.proc[sel])
        self.props.append(s.props[sel])
        self.lo.append(s.lo[sel])
        self.hi.append(s.hi[sel])
        self.flags.append(flags[sel])
        self.ood.append(s.ood[sel])
        self.pref.append(pref[sel])
        ph = s.phys
        ex = np.stack([getattr(ph, k)[sel] for k in self.EXTRA], axis=1)
        self.extra.append(np.concatenate([ex, ph.item_kg[sel]], axis=1))
        self.n += len(sel)
        self._compact()
        return rows, fresh

    def _compact(self):
        if len(self.idx) > 64:
            for name in ("idx", "frac", "reg", "proc", "props", "lo", "hi", "flags", "ood", "pref", "extra"):
                setattr(self, name, [np.concatenate(getattr(self, name))])

    def arrays(self):
        self._compact()
        if self.n == 0:
            return None
        return {
            name: np.concatenate(getattr(self, name))
            for name in ("idx", "frac", "reg", "proc", "props", "lo", "hi", "flags", "ood", "pref", "extra")
        }

    def keep_only(self, rows: np.ndarray) -> np.ndarray:
        """Drop every row not in ``rows``; return the new index of each kept row."""
        a = self.arrays()
        if a is None:
            return rows
        for name, arr in a.items():
            setattr(self, name, [arr[rows]])
        self.n = len(rows)
        kept = RecipeBatch(self.idx[0], self.frac[0], self.reg[0], self.proc[0]).keys().tolist()
        self._rows = {k: i for i, k in enumerate(kept)}
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
    converged: bool = False  # the evolution stopped because the front stopped changing
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
            "converged": self.converged,
            "flag_counts": dict(self.flag_counts),
        }


@dataclass
class SearchOutcome:
    problem: Problem
    store: Store
    front_rows: np.ndarray  # store rows on the final front
    ranks: np.ndarray  # [store.n] Pareto rank among feasible rows (0 for infeasible)
    stats: SearchStats


# ------------------------------------------------------------------------------------- the preference


NAMED_SEED_WEIGHT = 10.0  # seed score bonus of a named single: outweighs any rank, not a refusal (10)


def preferred_share(t: EngineTables, target: Target, batch: RecipeBatch) -> np.ndarray:
    """Share of the waste part of each recipe that is one of the target's preferred items (a
    scenario product's named materials); 0 where none of them is in the inventory."""
    mask = np.zeros(t.n_items + 1, bool)  # + the padding row
    mask[: t.n_items] = np.isin(np.asarray(t.item_ids, dtype=object), list(target.preferred_items))
    return (batch.frac * mask[batch.idx]).sum(axis=1)


def preference(t: EngineTables, target: Target, batch: RecipeBatch, problematic: np.ndarray) -> np.ndarray:
    """The crew's preference that orders the front (docs/ML.md, "Recommended recipe"): the share of
    the named materials for a target that names them, else the share of problematic waste when the
    target prefers it, else nothing."""
    if target.preferred_items:
        return preferred_share(t, target, batch)
    return problematic if target.prefer_problematic else np.zeros(len(batch))


def front_objectives(target: Target, props: np.ndarray, pref: np.ndarray) -> np.ndarray:
    """The objectives the front is built on, all to minimise: the five properties, plus, for a target
    that names materials to use first, the share of them (so a recipe of the named materials is never
    dropped from the front for one of other materials that is marginally better elsewhere)."""
    f = to_minimisation(props)
    if target.preferred_items:
        return np.column_stack([f, -np.asarray(pref, float)])
    return f


def _seed_preference(t: EngineTables, target: Target, batch: RecipeBatch, problematic: np.ndarray) -> np.ndarray:
    # seed items: the named materials before every other item (unless refused) for a target that
    # names them, else problematic waste (as before)
    return NAMED_SEED_WEIGHT * preferred_share(t, target, batch) if target.preferred_items else problematic


# ------------------------------------------------------------------------------------- the run


class SearchRun:
    """One search in progress: the problem, the scorer, the archive and store of kept rows, and the
    statistics; passed to ``ctx.partial`` so a caller can show the front found so far."""

    def __init__(self, problem: Problem, scorer: Scorer, ctx: RunContext, *, hv_fn=None):
        self.p = problem
        self.t = problem.tables
        self.target = problem.target
        self.scorer = scorer
        self.ctx = ctx
        self.archive = ParetoArchive()
        self.store = Store()
        self.infeasible_rows: list[tuple[float, int]] = []
        self.refused_rows: list[tuple[float, int]] = []
        self.stats = SearchStats()
        self.t0 = time.monotonic()
        self.last_partial = 0.0
        self.seen: set = set()
        self.hv_fn = hv_fn  # props [N,5] -> hypervolume; when set, traced after every front change
        self._archive_version_hv = -1
        self._hv_overhead = 0.0  # time spent measuring hypervolume, excluded from the trace

    # ---- evaluation of one batch
    def evaluate(self, batch: RecipeBatch) -> tuple[Scores, np.ndarray]:
        s = self.scorer.score(self.t, batch, self.target.batch_mass_kg)
        v = vet(self.t, batch, s.phys, self.target, s.props)
        flags = v.flags | np.where(s.ood, int(Flag.OOD), 0)
        feas = (flags & (REFUSED_MASK | INFEASIBLE_MASK)) == 0
        pref = preference(self.t, self.target, batch, s.phys.problematic_share)
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
            f = front_objectives(self.target, s.props[fidx], pref[fidx])
            nd = fidx[nondominated_mask(f)]
            rows, _ = self.store.add(batch, s, flags, pref, nd)
            self.archive.update(front_objectives(self.target, s.props[nd], pref[nd]), pref[nd], list(rows))
        self._keep_near_misses(batch, s, flags, pref, feas)
        if self.store.n > STORE_PRUNE_AT:
            self._prune_store()
        if self.hv_fn is not None and self.archive.version != self._archive_version_hv:
            self._archive_version_hv = self.archive.version
            t_hv = time.monotonic()
            hv = self.current_hv()
            self.stats.hv_trace.append((t_hv - self.t0 - self._hv_overhead, st.evaluated, hv))
            self._hv_overhead += time.monotonic() - t_hv
        return s, flags

    def _keep_near_misses(self, batch, s, flags, pref, feas):
        """Keep the infeasible (not refused) recipes that came closest: they explain trade-offs; and
        the few refused ones that came closest: they tell the crew why an obvious mix is not offered."""
        refused = (flags & REFUSED_MASK) != 0
        self._keep_closest(batch, s, flags, pref, np.where(~feas & ~refused)[0], self.infeasible_rows, INFEASIBLE_KEEP)
        self._keep_closest(batch, s, flags, pref, np.where(refused)[0], self.refused_rows, REFUSED_KEEP)

    def _keep_closest(self, batch, s, flags, pref, cand, kept: list[tuple[float, int]], limit: int):
        """Add to ``kept`` (violation, store row) the rows of ``cand`` closest to the target, at most ``limit``."""
        if len(cand) == 0:
            return
        viol = violation(s.props[cand], self.target, s.phys.strength_mpa[cand])
        worst = max((v for v, _ in kept), default=np.inf) if len(kept) >= limit else np.inf
        order = np.argsort(viol, kind="stable")[:limit]
        order = order[viol[order] < worst]
        if len(order) == 0:
            return
        rows, fresh = self.store.add(batch, s, flags, pref, cand[order])  # a recipe already kept stays once
        kept.extend(zip(viol[order][fresh].tolist(), rows[fresh].tolist()))
        kept.sort()
        del kept[limit:]

    def _prune_store(self):
        kept = {r for _, r in self.infeasible_rows} | {r for _, r in self.refused_rows}
        keep = np.array(sorted({int(r) for r in self.archive.payload} | kept), int)
        remap = {int(old): new for new, old in enumerate(keep)}
        self.store.keep_only(keep)
        self.archive.payload = [remap[int(r)] for r in self.archive.payload]
        self.infeasible_rows = [(v, remap[r]) for v, r in self.infeasible_rows]
        self.refused_rows = [(v, remap[r]) for v, r in self.refused_rows]

    def current_hv(self) -> float:
        if len(self.archive) == 0:
            return 0.0
        a = self.store.arrays()
        props = a["props"][np.array(self.archive.payload, int)]
        if self.hv_fn is not None:
            return float(self.hv_fn(props))
        return hypervolume(normalise_for_target(props, self.target))

    def representative_hv(self) -> float:
        """Hypervolume of the thinned front (target-normalised); the convergence signal."""
        a = self.store.arrays()
        props = a["props"][np.array(self.archive.payload, int)]
        keep = thin_front(props, self.target)
        return hypervolume(normalise_for_target(props[keep], self.target))

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
                # rounded like the archive, so float noise cannot demote an archived recipe
                ranks[fi] = pareto_ranks(np.round(to_minimisation(a["props"][fi]), 10))
            front = np.array(sorted(int(r) for r in self.archive.payload), int)
            ranks[front] = 1
        front = np.array(sorted(int(r) for r in self.archive.payload), int)
        return SearchOutcome(self.p, self.store, front, ranks, self.stats)


def violation(props: np.ndarray, target: Target, strength_mpa: np.ndarray | None = None) -> np.ndarray:
    """Normalised total shortfall against the target's minima and caps (0 when all are met); with
    ``strength_mpa`` [N] (physics), also against the target's strength minimum."""
    v = np.maximum(0.0, target.rigidity_min - props[:, 0]) / max(target.rigidity_min, 0.05)
    v += np.maximum(0.0, target.tightness_min - props[:, 1]) / max(target.tightness_min, 0.05)
    v += np.maximum(0.0, props[:, 2] - target.max_energy_kwh) / max(target.max_energy_kwh, 1e-6)
    v += np.maximum(0.0, props[:, 3] - target.max_water_l) / max(target.max_water_l, 0.1)
    v += np.maximum(0.0, props[:, 4] - target.max_crew_min) / max(target.max_crew_min, 1e-6)
    if strength_mpa is not None and target.strength_min > 0:
        v += np.maximum(0.0, target.strength_min - strength_mpa) / target.strength_min
    return v


# -------------------------------------------------------------------------------- exact search


def _run_exact(run: SearchRun, chunk: int, restrict=None, progress_total: int | None = None) -> bool:
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
        run.ctx.progress(
            done,
            total,
            msg(
                "{feasible:,} feasible of {evaluated:,} scored",
                feasible=run.stats.feasible,
                evaluated=run.stats.evaluated,
            ),
        )
        run.maybe_partial()
        if run.ctx.time_left() <= 0:
            return False
    return True


# ------------------------------------------------------------------------- evolutionary search


class _Evolution:
    """NSGA-II-style search. It works on a finer grid than the exact pass (1% fraction quanta and
    1% regolith steps by default) so it can refine the exact grid's front between grid points."""

    def __init__(
        self, run: SearchRun, rng: np.random.Generator, pop_size: int, quanta: int = 100, reg_step: float = 0.01
    ):
        self.run = run
        self.p = run.p
        self.t = run.t
        self.rng = rng
        self.pop_size = pop_size
        self.Q = quanta
        self.reg_step = reg_step
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
        step = self.reg_step
        reg = np.round(np.round(reg / step) * step, 6)
        return np.clip(reg, self.reg_lo[proc], self.reg_hi[proc])

    def repair(self, idx, q, reg, proc) -> RecipeBatch:
        # items the process cannot take are swapped for ones it can
        bad = ~self.ok[proc[:, None], idx] & (idx != self.pad)
        if bad.any():
            r, c = np.where(bad)
            idx[r, c] = self._random_item(proc[r])
        # a recipe needs at least one item with a positive share
        q = np.where(idx == self.pad, 0, np.maximum(q, 0))
        empty = q.sum(axis=1) == 0
        if empty.any():
            r = np.where(empty)[0]
            idx[r, 0] = self._random_item(proc[r])
            q[r, 0] = self.Q
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
                amt = np.ceil(self.Q * 0.15 * rng.random(len(r)) ** 2).astype(int)
                amt = np.minimum(np.maximum(amt, 1), q[r, a])
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
                steps = rng.choice([-1, 1], m.sum()) * np.ceil(10 * rng.random(m.sum()) ** 2)
                reg[m] = reg[m] + steps * self.reg_step
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


def _seed_items(run: SearchRun, per_process: int) -> dict[int, np.ndarray]:
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
        score = ranks + 3.0 * v - 0.5 * _seed_preference(p.tables, p.target, b, s.phys.problematic_share)
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


def _seed_pass(run: SearchRun, seed_items: int) -> dict[int, np.ndarray]:
    """Exact enumeration over the most promising items of every process (the evolutionary search's
    seed): it finds most of the front of a large inventory within the first second."""
    p = run.p
    restrict = _seed_items(run, seed_items)
    seed_space = sum(
        comb(len(v), k) * comb(p.quanta - 1, k - 1) * len(p.reg_levels[q])
        for q, v in restrict.items()
        for k in range(1, MAX_SLOTS + 1)
    )
    _run_exact(run, chunk=8000, restrict=restrict, progress_total=seed_space)
    return restrict


def _evolve(
    run: SearchRun,
    rng: np.random.Generator,
    pop_size: int,
    max_evals: int | None,
    stall_generations: int,
    restrict: dict[int, np.ndarray] | None = None,
    note: str = "",
    offspring: int | None = None,
    archive_share: float = 0.5,
    converge_tol: float = 1e-4,
) -> None:
    p = run.p
    if len(p.processes) == 0:
        return
    restrict = restrict or {}
    offspring = offspring or pop_size
    note = note or msg("evolutionary search")
    ev = _Evolution(run, rng, pop_size)
    ev.good_items = {q: v for q, v in restrict.items()}
    pop = _initial_population(run, ev, rng, pop_size)
    s, flags = run.evaluate(pop)
    props = s.props
    gen = 0
    last_change_gen, last_version = 0, run.archive.version
    convergence = _Convergence(converge_tol)
    while not _evolution_stops(run, max_evals, gen - last_change_gen >= stall_generations, convergence, gen):
        gen += 1
        # refresh the "good items" from the archive every few generations
        if gen % 5 == 1 and len(run.archive):
            _refresh_good_items(run, ev, restrict)
        parents, mates = _select_parents(run, rng, pop, props, flags, offspring, archive_share)
        children = _fresh_children(run, ev, ev.vary(parents, mates), pop_size)
        cs, cflags = run.evaluate(children)
        if run.archive.version != last_version:
            last_version, last_change_gen = run.archive.version, gen
        allb = RecipeBatch.concat([pop, children])
        allp = np.concatenate([props, cs.props])
        allf = np.concatenate([flags, cflags])
        keep = _survive(allp, allf, p.target, pop_size)
        pop, props, flags = allb.take(keep), allp[keep], allf[keep]
        _report_generation(run, max_evals, note, gen)
        run.maybe_partial()


@dataclass
class _Convergence:
    """The hypervolume test: converged when the representative front's hypervolume grows by at most
    ``tol`` (relative) over two consecutive checks, one every CONVERGE_CHECK_GENERATIONS generations."""

    tol: float
    hv_prev: float = 0.0
    flat_checks: int = 0

    def converged(self, run: SearchRun, gen: int) -> bool:
        if not (self.tol and gen and gen % CONVERGE_CHECK_GENERATIONS == 0 and len(run.archive)):
            return False
        hv = run.representative_hv()
        if hv - self.hv_prev <= self.tol * max(hv, 1e-12):
            self.flat_checks += 1
            if self.flat_checks >= 2:
                return True
        else:
            self.flat_checks = 0
        self.hv_prev = hv
        return False


def _evolution_stops(run: SearchRun, max_evals: int | None, stalled: bool, convergence: _Convergence, gen: int) -> bool:
    """Cancel (raises), evaluation budget, time, stall or a flat hypervolume: in this order."""
    run.ctx.check_cancelled()
    if max_evals is not None and run.stats.evaluated >= max_evals:
        return True
    if run.ctx.time_left() <= 0:
        return True
    if stalled or convergence.converged(run, gen):
        run.stats.converged = True
        return True
    return False


def _archive_batch(run: SearchRun, rng: np.random.Generator, k: int) -> RecipeBatch | None:
    """``k`` recipes drawn from the archive (with replacement when it is smaller), or None."""
    a = run.store.arrays()
    if a is None or not len(run.archive):
        return None
    rows = np.array(run.archive.payload, int)
    rows = rng.choice(rows, min(k, len(rows)), replace=len(rows) < k)
    return RecipeBatch(a["idx"][rows], a["frac"][rows], a["reg"][rows], a["proc"][rows])


def _initial_population(run: SearchRun, ev: _Evolution, rng: np.random.Generator, pop_size: int) -> RecipeBatch:
    """Archive members first, then random fill."""
    parts = []
    first = _archive_batch(run, rng, pop_size)
    if first is not None:
        parts.append(first)
    have = sum(len(x) for x in parts)
    if have < pop_size:
        parts.append(ev.random_individuals(pop_size - have))
    return RecipeBatch.concat(parts)


def _refresh_good_items(run: SearchRun, ev: _Evolution, restrict: dict[int, np.ndarray]) -> None:
    """The seed items of every process plus the items of its recipes on the archive."""
    p = run.p
    arr = run.store.arrays()
    rows = np.array(run.archive.payload, int)
    for q in p.processes:
        sel = rows[arr["proc"][rows] == q]
        its = np.unique(arr["idx"][sel])
        its = its[its != p.pad]
        base = restrict.get(int(q), np.zeros(0, int))
        ev.good_items[int(q)] = np.unique(np.concatenate([base, its])).astype(int)


def _select_parents(
    run: SearchRun,
    rng: np.random.Generator,
    pop: RecipeBatch,
    props: np.ndarray,
    flags: np.ndarray,
    m: int,
    archive_share: float,
) -> tuple[RecipeBatch, RecipeBatch]:
    """Binary tournament on (feasible rank, violation); part of the parents and mates come straight
    from the archive: local search around the whole front, not only the population's share of it."""
    n = len(pop)
    feas = (flags & (REFUSED_MASK | INFEASIBLE_MASK)) == 0
    key = np.full(n, 1e9)
    if feas.any():
        key[feas] = pareto_ranks(to_minimisation(props[feas]))
    key[~feas] = 1e3 + violation(props[~feas], run.p.target)
    i1, i2 = rng.integers(0, n, (2, m))
    parents = pop.take(np.where(key[i1] <= key[i2], i1, i2))
    j1, j2 = rng.integers(0, n, (2, m))
    mates = pop.take(np.where(key[j1] <= key[j2], j1, j2))
    elite = _archive_batch(run, rng, int(m * archive_share))
    if elite is not None:
        k = len(elite)
        parents = RecipeBatch.concat([parents.take(np.arange(m - k)), elite])
    elite = _archive_batch(run, rng, max(1, m // 5))
    if elite is not None:
        k = len(elite)
        mates = RecipeBatch.concat([mates.take(np.arange(m - k)), elite])
    return parents, mates


def _fresh_children(run: SearchRun, ev: _Evolution, children: RecipeBatch, pop_size: int) -> RecipeBatch:
    """The children within stock and never scored before (random newcomers when none is left)."""
    children = children.take(stock_ok(run.p, children))
    keys = children.keys()
    fresh = np.array([k not in run.seen for k in keys.tolist()], bool) if len(keys) else np.zeros(0, bool)
    _, firsts = np.unique(keys, return_index=True)
    uniq = np.zeros(len(keys), bool)
    uniq[firsts] = True
    new = fresh & uniq
    run.seen.update(keys[new].tolist())
    children = children.take(new)
    if len(children) == 0:
        children = ev.random_individuals(max(8, pop_size // 4))
    return children


def _report_generation(run: SearchRun, max_evals: int | None, note: str, gen: int) -> None:
    if max_evals:
        run.ctx.progress(
            min(run.stats.evaluated, max_evals),
            max_evals,
            msg(
                "{note}: {feasible:,} feasible of {evaluated:,} scored",
                note=note,
                feasible=run.stats.feasible,
                evaluated=run.stats.evaluated,
            ),
        )
    else:
        left = run.ctx.time_left()
        el = run.elapsed()
        total = el + left if np.isfinite(left) else el + 1
        run.ctx.progress(
            int(1000 * el / total),
            1000,
            msg(
                "{note}: {feasible:,} feasible of {evaluated:,} scored (generation {gen})",
                note=note,
                feasible=run.stats.feasible,
                evaluated=run.stats.evaluated,
                gen=gen,
            ),
        )


# ------------------------------------------------------------------------------------ entry point


def _measured_rate(problem: Problem, scorer: Scorer, n: int = 4000) -> float:
    """Candidates per second of this scorer on this machine: the faster of two timings of one batch of
    ``n`` candidates of the space (the first call also pays the scorer's warm-up, and one 20-80 ms
    timing varies by 2-4x on a busy machine)."""
    parts, have = [], 0
    for part in exact_chunks(problem, chunk=n):  # the first chunks can be tiny (one-item mixes of a process):
        parts.append(part)  # timing one of those measures the per-call overhead only
        have += len(part)
        if have >= n:
            break
    if have == 0:
        return float("inf")
    batch = RecipeBatch.concat(parts)
    batch = batch.take(np.arange(min(n, len(batch))))
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        s = scorer.score(problem.tables, batch, problem.target.batch_mass_kg)
        vet(problem.tables, batch, s.phys, problem.target, s.props)
        best = min(best, time.perf_counter() - t0)
    return len(batch) / max(best, 1e-6)


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
    stall_generations: int = 100,
    converge_tol: float = 1e-4,
    refine: bool = True,
    hv_fn=None,
) -> SearchOutcome:
    """Run the search; returns what was found even when cancelled or out of time.

    * ``exact``: every recipe on the grid (10% waste fractions, 10% regolith steps), safely pruned:
      the ground truth.
    * ``evolutionary``: an exact pass over the most promising items, then NSGA-II-style evolution on a
      1% grid.
    * ``auto`` (default): exact when the grid has at most ``EXACT_LIMIT`` candidates and, with a time
      budget, scoring them all takes at most half of it on this machine; then (with ``refine``) the
      evolution refines the front between grid points. Evolutionary otherwise.

    The evolution stops at the time budget, at ``max_evals`` (deterministic for a seed), after
    ``stall_generations`` generations without a change to the front, when the representative front's
    hypervolume stops growing (``converge_tol``; 0 disables it), or on cancel. With neither a
    time budget nor ``max_evals`` the evolution gets ``DEFAULT_BUDGET_S``.
    """
    ctx = ctx or NullContext()
    if time_budget_s is not None:
        ctx.deadline = time.monotonic() + float(time_budget_s)
    elif max_evals is None:
        ctx.deadline = time.monotonic() + DEFAULT_BUDGET_S
    problem = build_problem(tables, target, quanta=quanta)
    run = SearchRun(problem, scorer, ctx, hv_fn=hv_fn)
    total = problem.exact_count()
    run.stats.total = total
    if mode == "auto":
        exact_fits = total <= EXACT_LIMIT
        if exact_fits and time_budget_s is not None:
            # exhaustive only when it fits comfortably in the time budget on this machine and scorer
            exact_fits = total / _measured_rate(problem, scorer) <= EXACT_SHARE_OF_BUDGET * float(time_budget_s)
        mode = ("exact+refine" if refine else "exact") if exact_fits else "evolutionary"
    if mode not in {"exact", "evolutionary", "exact+refine"}:
        raise ValueError(f"unknown search mode {mode!r}")
    run.stats.mode = mode
    rng = np.random.default_rng(seed)
    try:
        if mode in {"exact", "exact+refine"}:
            run.stats.completed = _run_exact(run, chunk=chunk)
            if mode == "exact+refine" and run.stats.completed:
                run.maybe_partial(force=True)
                _evolve(
                    run,
                    rng,
                    pop_size,
                    max_evals,
                    stall_generations,
                    note=msg("refining the front"),
                    converge_tol=converge_tol,
                )
        else:
            restrict = _seed_pass(run, seed_items)
            _evolve(run, rng, pop_size, max_evals, stall_generations, restrict, converge_tol=converge_tol)
    except Cancelled:
        run.stats.cancelled = True
    run.maybe_partial(force=True)
    return run.outcome()
