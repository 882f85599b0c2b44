"""Generate recipes for a target from an inventory: the service behind the Candidates tab,
``spacetrash generate`` and the batch queue."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from spacetrash_desktop._version import __version__
from spacetrash_desktop.catalog.datasets import Catalog, read_target_file
from spacetrash_desktop.catalog.importer import InventoryImportError, import_inventory
from spacetrash_desktop.context import NullContext, RunContext
from spacetrash_desktop.domain import Target, WasteItem
from spacetrash_desktop.engine.pareto import hypervolume, normalise_for_target, thin_front
from spacetrash_desktop.engine.recommend import (
    CONFIDENT_P,
    RULE_TEXT,
    percent,
    recommend,
    recommendation_reason,
    rule_text,
)
from spacetrash_desktop.engine.results import GenerationResult, build_candidates
from spacetrash_desktop.engine.scorer import PhysicsScorer, Scorer
from spacetrash_desktop.engine.search import SearchOutcome, SearchRun, search, violation
from spacetrash_desktop.engine.tables import EngineTables, compile_tables
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml.registry import active_scorer
from spacetrash_desktop.services.inventory import load_catalog  # in the window's language (English elsewhere)

__all__ = [
    "CONFIDENT_P",
    "RULE_TEXT",
    "GenerationResult",
    "ScenarioResult",
    "Scorer",
    "default_scorer",
    "generate",
    "generate_scenario",
    "inventory_sha256",
    "percent",
    "physics_scorer",
    "recipe_line",
    "recommendation_line",
    "recommendation_reason",
    "resolve_inventory",
    "resolve_target",
    "rule_text",
    "target_sha256",
]

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


class StagedProgress:
    """One bar over the search's stages that never goes back: the search reports each stage (the
    exhaustive pass, then refining the front; or the seed pass, then the evolution) from 0 to its own
    total, so a new stage (another total) fills the part of the bar the earlier ones left, and a report
    below what was already shown keeps the bar where it is."""

    SCALE = 1000

    def __init__(self) -> None:
        self.total: int | None = None
        self.base = 0.0  # share of the bar filled by the stages before this one
        self.shown = 0.0  # share shown so far

    def step(self, done: int, total: int) -> tuple[int, int]:
        """(done, total) of the whole bar for a stage's (done, total)."""
        if total != self.total:
            if self.total is not None:
                self.base = self.shown
            self.total = total
        share = min(1.0, max(0.0, done / total)) if total else 0.0
        self.shown = max(self.shown, self.base + (1.0 - self.base) * share)
        return round(self.SCALE * self.shown), self.SCALE


class _Bridge(RunContext):
    """Inner context of the search: forwards progress and cancel to the caller's context and turns
    the live search state into partial GenerationResults."""

    def __init__(self, outer: RunContext, make_partial: Callable[[SearchRun], GenerationResult]):
        super().__init__(deadline=None)
        self.outer = outer
        self.make_partial = make_partial
        self.stages = StagedProgress()

    def progress(self, done, total, message=""):
        self.outer.progress(*self.stages.step(done, total), message)

    def partial(self, run) -> None:
        self.outer.partial(self.make_partial(run))

    def check_cancelled(self) -> None:
        self.outer.check_cancelled()


def recipe_line(cand) -> str:
    """'Rxxxxxxxxxxxx Cold press: Nitrile gloves 60% + Foam 40% + regolith 20%' for a summary."""
    items_txt = " + ".join(f"{n} {f:.0%}" for n, (_, f) in zip(cand.item_names, cand.recipe.items))
    reg = msg(" + regolith {frac:.0%}", frac=cand.recipe.regolith_frac) if cand.recipe.regolith_frac else ""
    return f"{cand.recipe_id} {cand.process_name}: {items_txt}{reg}"


def recommendation_line(result: GenerationResult) -> str | None:
    """The summary line naming the recommended recipe, its chance and the reason (None without one):
    'recommended: R… Cold press: … | 97% chance of meeting every requirement; 0.31 kWh, 21 min …'."""
    cand = result.recommended
    if cand is None:
        return None
    return msg(
        "recommended: {recipe} | {reason}",
        recipe=recipe_line(cand),
        reason=recommendation_reason(cand, result.target, label=False),
    )


def default_scorer() -> Scorer:
    """The active trained model when one is usable, else physics."""
    return active_scorer()


def physics_scorer() -> Scorer:
    """The physics model only (``--physics-only``): ignores any trained model."""
    return PhysicsScorer()


def resolve_inventory(spec: str) -> list[WasteItem]:
    """The items of an inventory given on the command line: ``default`` (the bundled inventory) or
    a CSV/Parquet file, which must import without a rejected row."""
    if spec == "default":
        return list(load_catalog().default_inventory)
    try:
        result = import_inventory(spec)
    except InventoryImportError as exc:
        first = exc.issues[0]
        where = f"line {first.line}: " if first.line else ""
        raise BadInputError(f"inventory {spec}: {where}{first.message}") from None
    if result.errors:
        first = result.errors[0]
        raise BadInputError(
            f"inventory {spec}: {len(result.errors)} error(s), first: {first.describe()} "
            f"(run `spacetrash inventory validate {spec}`)"
        )
    return result.items


def resolve_target(spec: str) -> Target:
    """A target given on the command line: a preset, scenario or scenario product id, or a target JSON
    file (<= 1 MB)."""
    cat = load_catalog()
    if spec in cat.targets:
        return cat.targets[spec]
    for scenario in cat.targets.values():
        for product in scenario.products:
            if product.target_id == spec:
                return product
    path = Path(spec)
    if path.suffix.lower() != ".json" or not path.exists():
        known = ", ".join(cat.targets)
        raise BadInputError(f"unknown target {spec!r}; use one of: {known}; or a target .json file")
    return read_target_file(path, cat.processes, shown=spec)


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
    """Search the recipes for ``target`` from ``items``; partial results go to ``ctx.partial``."""
    catalog = catalog or load_catalog()
    scorer = scorer or default_scorer()
    ctx = ctx or NullContext()
    t0 = time.monotonic()
    tables = compile_tables(catalog, list(items))
    view = _FrontView(tables, target, thin_eps, scorer, _inputs(items, target, seed, time_budget_s, max_evals, mode))
    outcome = search(
        tables,
        target,
        scorer,
        _Bridge(ctx, view.partial),
        mode=mode,
        time_budget_s=time_budget_s,
        seed=seed,
        max_evals=max_evals,
        **search_kw,
    )
    return view.final(outcome, t0)


def _inputs(
    items: Sequence[WasteItem],
    target: Target,
    seed: int,
    time_budget_s: float | None,
    max_evals: int | None,
    mode: str,
) -> dict[str, Any]:
    """What the result was computed from (hashes of the inventory and target, the search settings)."""
    return {
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


class _FrontView:
    """Turns the search's store rows into the candidates the crew sees: the thinned front ordered for
    the target, then (final result only) a few next-best recipes and the nearest misses. One
    candidate cache serves the partial and the final results."""

    def __init__(
        self, tables: EngineTables, target: Target, thin_eps: float, scorer: Scorer, inputs: Mapping[str, Any]
    ):
        self.tables, self.target, self.thin_eps = tables, target, thin_eps
        self.scorer = scorer
        self.inputs = inputs
        self.cache: dict = {}

    def shown_front(self, arrays, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0 or self.thin_eps <= 0:
            return rows
        if self.target.preferred_items:
            # thinned per tenth of named-material share: a recipe that uses less of the named
            # materials never stands in for one that uses more
            share = np.round(arrays["pref"][rows] * 10.0)
            return np.concatenate([self._thin(arrays, rows[share == g]) for g in np.unique(share)])
        return self._thin(arrays, rows)

    def _thin(self, arrays, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return rows
        return rows[thin_front(arrays["props"][rows], self.target, self.thin_eps)]

    @staticmethod
    def order_rows(arrays, rows: np.ndarray) -> np.ndarray:
        # problematic waste first when the target asks for it, then the least energy
        return rows[np.lexsort((arrays["props"][rows, 2], -arrays["pref"][rows]))]

    def partial(self, run: SearchRun) -> GenerationResult:
        arrays = run.store.arrays()
        cands = []
        if arrays is not None and len(run.archive):
            rows = self.shown_front(arrays, np.array(sorted(run.archive.payload), int))
            cands = build_candidates(self.tables, self.target, arrays, self.order_rows(arrays, rows), None, self.cache)
            cands = recommend(cands)
        stats = run.stats.to_dict()
        stats["front_size_full"] = len(run.archive)
        return GenerationResult(
            target=self.target,
            candidates=cands,
            stats=stats,
            model=self.scorer.info.to_dict(),
            inputs=self.inputs,
            partial=True,
        )

    def final(self, outcome: SearchOutcome, t0: float) -> GenerationResult:
        tables, target, cache = self.tables, self.target, self.cache
        arrays = outcome.store.arrays()
        cands = []
        hv = 0.0
        shown = np.zeros(0, int)
        if arrays is not None:
            shown = self.shown_front(arrays, outcome.front_rows)
            front = build_candidates(tables, target, arrays, self.order_rows(arrays, shown), outcome.ranks, cache)
            # a few of the next-best feasible recipes (ranks 2 and 3) for comparison
            rest = np.where((outcome.ranks >= 2) & (outcome.ranks <= 3))[0]
            rest = rest[np.lexsort((-arrays["pref"][rest], outcome.ranks[rest]))][:OTHERS_SHOWN]
            others = build_candidates(tables, target, arrays, rest, outcome.ranks, cache)
            near = [r for _, r in sorted(_near_misses(outcome))][:NEAR_MISSES_SHOWN]
            near_cands = build_candidates(tables, target, arrays, np.array(near, int), outcome.ranks, cache)
            # confidently feasible first, then the crew's priorities; the first feasible one is recommended
            cands = recommend(front + others + near_cands)
            if len(outcome.front_rows):
                hv = hypervolume(normalise_for_target(arrays["props"][outcome.front_rows], target))
        stats = outcome.stats.to_dict()
        stats["total_s"] = round(time.monotonic() - t0, 4)
        stats["front_size"] = len(shown)
        stats["front_size_full"] = len(outcome.front_rows)
        stats["thinning_eps"] = self.thin_eps
        return GenerationResult(
            target=target,
            candidates=cands,
            stats=stats,
            model=self.scorer.info.to_dict(),
            inputs=self.inputs,
            hypervolume=hv,
            partial=False,
        )


def _near_misses(outcome: SearchOutcome) -> list[tuple[float, int]]:
    arrays = outcome.store.arrays()
    rows = np.where(outcome.ranks == 0)[0]
    if len(rows) == 0:
        return []
    v = violation(arrays["props"][rows], outcome.problem.target)
    return list(zip(v.tolist(), rows.tolist()))


# ------------------------------------------------------------------------------------- scenarios


@dataclass(frozen=True)
class ScenarioResult:
    """The search of every product of a scenario, in the scenario's order (docs/DATA_SCHEMA.md,
    "Scenario products"). ``results[i].target`` is the i-th product; ``complete`` is False when the
    run was cancelled before every product was searched."""

    scenario: Target
    results: tuple[GenerationResult, ...]
    complete: bool = True


class _ProductContext(RunContext):
    """Context of one product's search inside a scenario run: progress scaled into the scenario's
    whole (each product an equal share), partial results and cancel passed through."""

    SCALE = 1000

    def __init__(self, outer: RunContext, k: int, n: int, product: Target):
        super().__init__(deadline=outer.deadline)
        self.outer, self.k, self.n, self.product = outer, k, n, product

    def progress(self, done, total, message=""):
        share = min(1.0, done / total) if total else 0.0
        text = f"{self.product.name} ({self.k + 1}/{self.n})" + (f": {message}" if message else "")
        self.outer.progress(int(self.SCALE * (self.k + share)), self.SCALE * self.n, text)

    def partial(self, result) -> None:
        self.outer.partial(result)

    def check_cancelled(self) -> None:
        self.outer.check_cancelled()

    @property
    def cancelled(self) -> bool:
        return self.outer.cancelled


def generate_scenario(
    items: Sequence[WasteItem],
    scenario: Target,
    *,
    ctx: RunContext | None = None,
    **kw: Any,
) -> ScenarioResult:
    """Search the recipes for each product of ``scenario`` in turn (``generate`` for each, with the
    same keyword arguments; a time budget applies to each product). Progress runs over the whole
    scenario; each product's partial results go to ``ctx.partial`` (their ``target`` says which
    product); after a cancel the products not yet searched are left out (``complete`` False). A
    scenario without products is searched as one target."""
    ctx = ctx or NullContext()
    products = scenario.products or (scenario,)
    results: list[GenerationResult] = []
    for k, product in enumerate(products):
        if ctx.cancelled:
            break
        results.append(generate(items, product, ctx=_ProductContext(ctx, k, len(products), product), **kw))
        if results[-1].stats.get("cancelled"):
            break
    complete = len(results) == len(products) and not any(r.stats.get("cancelled") for r in results)
    return ScenarioResult(scenario=scenario, results=tuple(results), complete=complete)
