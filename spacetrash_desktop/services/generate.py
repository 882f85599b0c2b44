"""Generate recipes for a target from an inventory: the service behind the Candidates tab,
``spacetrash generate`` and the batch queue."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from spacetrash_desktop._version import __version__
from spacetrash_desktop.catalog.datasets import Catalog, load_catalog
from spacetrash_desktop.context import NullContext, RunContext
from spacetrash_desktop.domain import Target, WasteItem
from spacetrash_desktop.engine.pareto import hypervolume, normalise_for_target, thin_front
from spacetrash_desktop.engine.results import GenerationResult, build_candidates
from spacetrash_desktop.engine.scorer import PhysicsScorer, Scorer
from spacetrash_desktop.engine.search import search
from spacetrash_desktop.engine.tables import compile_tables

NEAR_MISSES_SHOWN = 60
OTHERS_SHOWN = 150
THIN_EPS = 0.005  # representative front: every hidden recipe is within 0.5% of the target range of a shown
# one in every objective, well inside the 95% intervals, so no meaningful choice is hidden


def inventory_sha256(items: Sequence[WasteItem]) -> str:
    canon = [
        [
            it.item_id,
            it.name,
            it.category,
            [[m, round(f, 6)] for m, f in it.composition],
            round(it.mass_kg, 6),
            it.count,
            round(it.moisture_pct, 6),
            list(it.flags),
            it.difficulty,
        ]
        for it in items
    ]
    return hashlib.sha256(json.dumps(canon, sort_keys=True).encode()).hexdigest()


def target_sha256(target: Target) -> str:
    return hashlib.sha256(json.dumps(target.to_dict(), sort_keys=True).encode()).hexdigest()


class _Bridge(RunContext):
    """Inner context of the search: forwards progress and cancel to the caller's context and turns
    the live search state into partial GenerationResults."""

    def __init__(self, outer: RunContext, make_partial):
        super().__init__(deadline=None)
        self.outer = outer
        self.make_partial = make_partial

    def progress(self, done, total, message=""):
        self.outer.progress(done, total, message)

    def partial(self, run) -> None:
        self.outer.partial(self.make_partial(run))

    def check_cancelled(self) -> None:
        self.outer.check_cancelled()


def default_scorer() -> Scorer:
    """The active trained model when one is usable, else physics."""
    try:
        from spacetrash_desktop.ml.registry import active_scorer
    except ImportError:
        return PhysicsScorer()
    return active_scorer()


def generate(
    items: Sequence[WasteItem],
    target: Target,
    *,
    scorer: Scorer | None = None,
    ctx: RunContext | None = None,
    mode: str = "auto",
    time_budget_s: float | None = None,
    seed: int = 0,
    max_evals: int | None = None,
    catalog: Catalog | None = None,
    thin_eps: float = THIN_EPS,
    **search_kw: Any,
) -> GenerationResult:
    catalog = catalog or load_catalog()
    scorer = scorer or default_scorer()
    ctx = ctx or NullContext()
    t0 = time.monotonic()
    tables = compile_tables(catalog, list(items))
    inputs = {
        "inventory_sha256": inventory_sha256(items),
        "inventory_items": len(items),
        "target": target.to_dict(),
        "target_sha256": target_sha256(target),
        "seed": seed,
        "time_budget_s": time_budget_s,
        "max_evals": max_evals,
        "mode": mode,
        "engine_version": __version__,
    }
    cache: dict = {}

    def shown_front(arrays, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0 or thin_eps <= 0:
            return rows
        return rows[thin_front(arrays["props"][rows], target, thin_eps)]

    def order_rows(arrays, rows: np.ndarray) -> np.ndarray:
        # problematic waste first when the target asks for it, then the least energy
        return rows[np.lexsort((arrays["props"][rows, 2], -arrays["pref"][rows]))]

    def make_partial(run) -> GenerationResult:
        arrays = run.store.arrays()
        cands = []
        if arrays is not None and len(run.archive):
            rows = shown_front(arrays, np.array(sorted(run.archive.payload), int))
            cands = build_candidates(tables, target, arrays, order_rows(arrays, rows), None, cache)
        stats = run.stats.to_dict()
        stats["front_size_full"] = len(run.archive)
        return GenerationResult(
            target=target, candidates=cands, stats=stats, model=scorer.info.to_dict(), inputs=inputs, partial=True
        )

    bridge = _Bridge(ctx, make_partial)
    outcome = search(
        tables,
        target,
        scorer,
        bridge,
        mode=mode,
        time_budget_s=time_budget_s,
        seed=seed,
        max_evals=max_evals,
        **search_kw,
    )
    arrays = outcome.store.arrays()
    cands = []
    hv = 0.0
    shown = np.zeros(0, int)
    if arrays is not None:
        shown = shown_front(arrays, outcome.front_rows)
        front = build_candidates(tables, target, arrays, order_rows(arrays, shown), outcome.ranks, cache)
        # a few of the next-best feasible recipes (ranks 2 and 3) for comparison
        rest = np.where((outcome.ranks >= 2) & (outcome.ranks <= 3))[0]
        rest = rest[np.lexsort((-arrays["pref"][rest], outcome.ranks[rest]))][:OTHERS_SHOWN]
        others = build_candidates(tables, target, arrays, rest, outcome.ranks, cache)
        near = [r for _, r in sorted(_near_misses(outcome))][:NEAR_MISSES_SHOWN]
        cands = front + others + build_candidates(tables, target, arrays, np.array(near, int), outcome.ranks, cache)
        if len(outcome.front_rows):
            hv = hypervolume(normalise_for_target(arrays["props"][outcome.front_rows], target))
    stats = outcome.stats.to_dict()
    stats["total_s"] = round(time.monotonic() - t0, 4)
    stats["front_size"] = len(shown)
    stats["front_size_full"] = len(outcome.front_rows)
    stats["thinning_eps"] = thin_eps
    return GenerationResult(
        target=target,
        candidates=cands,
        stats=stats,
        model=scorer.info.to_dict(),
        inputs=inputs,
        hypervolume=hv,
        partial=False,
    )


def _near_misses(outcome):
    from spacetrash_desktop.engine.search import violation

    arrays = outcome.store.arrays()
    rows = np.where(outcome.ranks == 0)[0]
    if len(rows) == 0:
        return []
    v = violation(arrays["props"][rows], outcome.problem.target)
    return list(zip(v.tolist(), rows.tolist()))
