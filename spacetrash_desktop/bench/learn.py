"""``spacetrash bench learn``: how many crew trials each way of choosing them needs (not a timed test).

For several seeds and several kinds of simulated reality that departs from the physics model
(``ml/suggest_lab.py``: the learning curve's shifted reality, one process off its datasheet, one
degraded material, one to three recipe families of the front that depart locally), the crew's
candidate recipes are those of one search for a target over the default inventory. Three ways of
choosing trials, rounds of ``TRIALS_PER_ROUND`` trials, a retrain after each round (what the
feedback teaches, over a fixed stage 1: see ``ml/suggest_lab.py``):

* **suggested**: ``ml.suggest.suggest`` (docs/TRIALS.md) on the current model's values and intervals;
* **random**: feasible candidates drawn at random;
* **recommended**: always the current recommended recipe.

Measured after each round: the **held-out error** - the model's mean absolute error against the
reality's expected (noise-free) values on the candidate recipes not yet tried, over the physics
model's, averaged over the properties where the reality departs from physics (physics error above
``DEPARTS``), the same on the front recipes of the search only (what the crew chooses between, what
the suggestions aim at) - and whether the **recommended recipe truly meets** the target (the reality's
expected values within every limit; "none can" where no candidate does). Reported per target and
reality and overall: the trials needed to reach a held-out ratio of ``GOAL_RATIO`` (all candidates;
front) and to have a recommended recipe that truly meets the target, and the ratios after the last
round, median over seeds (">N": not within N trials).

The model learns from the first trial through its family offsets (``ml/offsets.py``; the stage-2
correction joins from 20 rows of a property), the same ``ml.train.fit_feedback_stages`` the app's
retrain runs; rounds of two trials resolve the counts to two. A fourth reality, **equal to physics**
(the trials are physics plus the virtual lab's noise), checks that noise alone does not move the
model: the mean |model - physics| after the last round, against how far physics is from the
departing realities.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from types import SimpleNamespace

import numpy as np

from spacetrash_desktop.catalog.datasets import load_catalog
from spacetrash_desktop.domain import PROPERTY_NAMES, Target
from spacetrash_desktop.engine.physics import PhysicsResult, score_physics
from spacetrash_desktop.engine.recipes import RecipeBatch, from_recipes
from spacetrash_desktop.engine.recommend import meets_target_probability, order_key
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.engine.tables import EngineTables, compile_tables
from spacetrash_desktop.ml.features import build_features
from spacetrash_desktop.ml.model import Ensemble
from spacetrash_desktop.ml.suggest import (
    INTEREST_FEASIBLE,
    INTEREST_FRONT,
    INTEREST_RECOMMENDED,
    Option,
    composition,
    material_axis,
    property_scale,
    suggest,
)
from spacetrash_desktop.ml.suggest_lab import (
    REALITY_KINDS,
    FastRetrainer,
    local_families,
    make_reality,
    recipe_families,
)
from spacetrash_desktop.ml.train import VAL, TrainConfig, fit
from spacetrash_desktop.ml.virtual_lab import CREW_FEEDBACK, LabRows, add_variability, make_lab_rows

STRATEGIES = ("suggested", "random", "recommended")
PHYSICS_REALITY = "physics"  # the check that noise alone does not move the model
TRIALS_PER_ROUND = 2  # small rounds: a crew affords few trials, and the counts resolve to 2
GOAL_RATIO = 0.7
DEPARTS = 1e-3  # a property departs when the physics error on the candidates is above this x its scale
TARGETS = ("shielding_tile", "container")  # many feasible families; a target whose caps the departures breach
ANCHORS = 500  # virtual-lab anchor rows of the stage-2 fit (the app takes up to 8,000)


def bench_config(quick: bool) -> TrainConfig:
    """Stage 1 small (it learns only the virtual lab's noise); stage 2 with fewer rounds and folds."""
    return replace(
        TrainConfig.small(),
        n_rows=4000,
        rf_trees=8,
        xgb_rounds=40,
        diff_rounds=40,
        importance_rows=100,
        corr_rounds=30,
        corr_eta=0.2,
        corr_folds=3,
        nthread=1,
    )


@dataclass
class _World:
    """One seed's candidate recipes, their physics and features, and the stage-1 model."""

    target: Target
    tables: EngineTables
    cands: list
    batch: RecipeBatch
    phys: PhysicsResult
    X: np.ndarray
    procs: np.ndarray
    comp: np.ndarray
    front: np.ndarray
    retrainer: FastRetrainer
    mass: float


def _world(catalog, target: Target, seed: int, cfg: TrainConfig, search: Callable) -> _World:
    items = list(catalog.default_inventory)
    result = search(items, target, scorer=PhysicsScorer(), seed=seed, catalog=catalog)
    cands = [c for c in result.candidates if c.feasible]
    tables = compile_tables(catalog, items)
    mass = float(target.batch_mass_kg)
    batch = from_recipes(tables, [c.recipe for c in cands])
    ph = score_physics(tables, batch, mass)
    lab = make_lab_rows(catalog, cfg.n_rows, seed)
    f = fit(lab, cfg, seed)
    anchors = lab.take(np.nonzero(f.split == VAL)[0][:ANCHORS])
    X = build_features(tables, batch, ph, mass, f.ensemble.schema).X
    by_id = {it.item_id: it for it in items}
    axis = material_axis(items)
    comps = [composition(c.recipe, by_id, axis) for c in cands]
    comp = np.stack([v if v is not None else np.zeros(len(axis)) for v in comps])  # (every item is known)
    return _World(
        target,
        tables,
        cands,
        batch,
        ph,
        X,
        np.array([c.recipe.process_id for c in cands], object),
        comp,
        np.array([c.on_front for c in cands]),
        FastRetrainer(f.ensemble, anchors, cfg, seed),
        mass,
    )


def _predict(w: _World, ens: Ensemble):
    P = w.phys.objectives()
    proc = np.asarray(w.batch.proc, np.intp)
    zero = ens.zero_mask(w.tables.process_ids)[proc]
    q = ens.q_matrix(w.tables.process_ids)[proc]
    return ens.predict(w.X, P, zero=zero, q=q)


def _recommended(w: _World, pred) -> int:
    """The recipe the app would recommend under this model (the search's priority order, a 90%
    chance of meeting the target first; engine/recommend.py)."""
    keys = []
    for i in range(len(w.cands)):
        v = dict(zip(PROPERTY_NAMES, pred.props[i]))
        lo = dict(zip(PROPERTY_NAMES, pred.lo[i]))
        hi = dict(zip(PROPERTY_NAMES, pred.hi[i]))
        p = meets_target_probability(v, lo, hi, w.target, ood=bool(pred.ood[i]))
        keys.append(order_key(i, SimpleNamespace(feasible=True, p_meets_target=p)))
    return int(min(range(len(keys)), key=lambda i: keys[i]))


def _truly_meets(t: Target, y: np.ndarray) -> bool:
    return bool(
        y[0] >= t.rigidity_min
        and y[1] >= t.tightness_min
        and y[2] <= t.max_energy_kwh
        and y[3] <= t.max_water_l
        and y[4] <= t.max_crew_min
    )


def _ratio(
    w: _World, pred, truth: np.ndarray, tried: set, departs: np.ndarray, only: np.ndarray | None = None
) -> float:
    """Model error / physics error on the candidates not yet tried (``only``: among these), averaged
    over the departing properties; NaN when every such candidate has been tried."""
    keep = np.array([i not in tried for i in range(len(w.cands))])
    if only is not None:
        keep &= only
    if not keep.any():
        return float("nan")
    P = w.phys.objectives()
    m = np.abs(pred.props[keep] - truth[keep]).mean(axis=0)
    p = np.abs(P[keep] - truth[keep]).mean(axis=0)
    use = departs & (p > 0)
    return float(np.mean(m[use] / p[use])) if use.any() else float("nan")


def _pick(strategy: str, w: _World, pred, rec: int, tried: list, rng: np.random.Generator) -> list[int]:
    n = TRIALS_PER_ROUND
    if strategy == "random":
        return [int(i) for i in rng.choice(len(w.cands), size=min(n, len(w.cands)), replace=False)]
    if strategy == "recommended":
        return [rec] * n
    options = [
        Option(
            recipe=c.recipe,
            label=c.recipe_id,
            values=pred.props[i],
            low=pred.lo[i],
            high=pred.hi[i],
            item_kg=tuple((iid, float(kg)) for (iid, _), kg in zip(c.recipe.items, c.item_kg)),
            interest=INTEREST_RECOMMENDED if i == rec else (INTEREST_FRONT if w.front[i] else INTEREST_FEASIBLE),
            composition=w.comp[i],
        )
        for i, c in enumerate(w.cands)
    ]
    fb = (w.comp[tried], list(w.procs[tried]), np.ones((len(tried), len(PROPERTY_NAMES)))) if tried else None
    stock = {it: 1e9 for it in w.tables.item_ids}
    picked = suggest(options, w.target, stock, feedback=fb, n=n)
    index = {c.recipe_id: i for i, c in enumerate(w.cands)}
    out = [index[s.option.recipe.recipe_id] for s in picked]
    return out or [rec]


def _run_strategy(
    strategy: str, w: _World, truth: np.ndarray, departs: np.ndarray, max_trials: int, seed: int
) -> list[dict]:
    rng = np.random.default_rng([seed, STRATEGIES.index(strategy), 0x7A1])
    noise = np.random.default_rng([seed, 0x0B5])  # the same draws for every strategy's n-th trial
    tried: list[int] = []
    ys: list[np.ndarray] = []
    ens = w.retrainer.base
    curve = []
    while True:
        pred = _predict(w, ens)
        rec = _recommended(w, pred)
        curve.append(
            {
                "trials": len(tried),
                "ratio": _ratio(w, pred, truth, set(tried), departs),
                # mean |model - reality| over the property scale (the reality equal to physics: how far
                # noise alone moved the model)
                "error": float(np.mean(np.abs(pred.props - truth) / property_scale(w.target)[None, :])),
                # on the recipes the crew is choosing between: the front (of the physics search)
                "front_ratio": _ratio(w, pred, truth, set(tried), departs, w.front),
                "meets": _truly_meets(w.target, truth[rec]),
                # what the trials so far cost in reality (kWh, crew minutes)
                "kwh": float(truth[tried, 2].sum()) if tried else 0.0,
                "crew_min": float(truth[tried, 4].sum()) if tried else 0.0,
            }
        )
        if len(tried) >= max_trials:
            return curve
        new = _pick(strategy, w, pred, rec, tried, rng)
        sub = w.batch.take(np.array(new))
        sub_phys = score_physics(w.tables, sub, w.mass)
        ys.append(add_variability(w.tables, sub, sub_phys, truth[new], noise))
        tried.extend(new)
        idx = np.array(tried)
        fb = LabRows(
            w.X[idx],
            w.retrainer.base.schema,
            w.phys.objectives()[idx],
            np.concatenate(ys),
            w.procs[idx],
            np.full(len(idx), CREW_FEEDBACK, object),
        )
        ens = w.retrainer.retrain(fb)


def _first(curve: list[dict], ok, key: str = "trials") -> float:
    return next((float(p[key]) for p in curve if ok(p)), float("inf"))


def run(search: Callable, quick: bool = False, seed: int = 0, out=sys.stdout, targets: tuple = TARGETS) -> dict:
    """The benchmark (module doc). ``search``: the recipe search as the app runs it
    (``services.generate.generate``; passed in because the bench layer sits below services)."""
    cat = load_catalog()
    cfg = bench_config(quick)
    seeds = list(range(seed, seed + (2 if quick else 5)))
    max_trials = 30 if quick else 40
    print(
        f"bench learn: targets {', '.join(targets)}; seeds {seeds}; realities {', '.join(REALITY_KINDS)}; "
        f"rounds of {TRIALS_PER_ROUND} trials up to {max_trials}",
        file=out,
    )
    t0 = time.perf_counter()
    runs: list[dict] = []
    for target_id in targets:
        for s in seeds:
            runs.extend(_seed_runs(cat, cat.targets[target_id], s, cfg, search, max_trials))
            print(f"  {target_id} seed {s} done ({time.perf_counter() - t0:.0f} s)", file=out)
    summary = _summary(runs, max_trials, out)
    return {
        "targets": list(targets),
        "seeds": seeds,
        "max_trials": max_trials,
        "goal_ratio": GOAL_RATIO,
        "runs": _jsonable(runs),
        **summary,
    }


def _seed_runs(cat, target: Target, s: int, cfg: TrainConfig, search: Callable, max_trials: int) -> list[dict]:
    """Every reality and strategy for one target and seed."""
    w = _world(cat, target, s, cfg, search)
    procs: dict[str, float] = {}
    mats: dict[str, float] = {}
    for c in w.cands:
        procs[c.recipe.process_id] = procs.get(c.recipe.process_id, 0.0) + 1.0
    axis = material_axis(list(cat.default_inventory))
    for j, m in enumerate(axis):
        if m != "regolith" and w.comp[:, j].sum() > 0:
            mats[m] = float(w.comp[:, j].sum())
    fam = recipe_families(w.tables, w.batch, w.phys)
    families = {f: int((fam == f).sum()) for f in set(fam.tolist())}
    front = set(fam[w.front].tolist())
    runs = []
    for kind in (*REALITY_KINDS, PHYSICS_REALITY):
        if kind == PHYSICS_REALITY:  # a reality equal to physics: feedback is physics plus noise
            truth = w.phys.objectives().copy()
            name = "equal to physics"
            departs = np.zeros(len(PROPERTY_NAMES), bool)
        else:
            if kind == "local" and not local_families(families, front):
                continue  # no front family of a minority of the candidates
            reality = make_reality(kind, cat, s, procs, mats, families, front)
            truth = reality.expected(w.tables, w.batch, w.phys)
            name = reality.name
            phys_err = np.abs(w.phys.objectives() - truth).mean(axis=0)
            departs = phys_err > DEPARTS * property_scale(target)
            if not departs.any():
                continue
        for strategy in STRATEGIES:
            curve = _run_strategy(strategy, w, truth, departs, max_trials, s)
            runs.append(
                {
                    "target": target.target_id,
                    "seed": s,
                    "reality": kind,
                    "reality_name": name,
                    "strategy": strategy,
                    "departing": [PROPERTY_NAMES[k] for k in np.nonzero(departs)[0]],
                    # how many candidates (of how many) the reality moves away from physics
                    "candidates_departing": int((np.abs(truth - w.phys.objectives()) > 1e-12).any(axis=1).sum()),
                    "candidates": len(w.cands),
                    "trials_to_goal": _first(curve, lambda p: p["ratio"] <= GOAL_RATIO),
                    "kwh_to_goal": _first(curve, lambda p: p["ratio"] <= GOAL_RATIO, "kwh"),
                    "crew_min_to_goal": _first(curve, lambda p: p["ratio"] <= GOAL_RATIO, "crew_min"),
                    "trials_to_front_goal": _first(curve, lambda p: p["front_ratio"] <= GOAL_RATIO),
                    "trials_to_meet": _first(curve, lambda p: p["meets"]),
                    "candidates_truly_meeting": int(sum(_truly_meets(target, y) for y in truth)),
                    "final_front_ratio": curve[-1]["front_ratio"],
                    "final_ratio": curve[-1]["ratio"],
                    "final_error": curve[-1]["error"],
                    "curve": curve,
                }
            )
    return runs


def _median(xs: list[float]) -> float:
    return float(statistics.median(xs)) if xs else float("inf")


def _cost(x: float) -> str:
    return f"{x:.1f}" if np.isfinite(x) else "-"


def _fmt(x: float, max_trials: int) -> str:
    return f">{max_trials}" if not np.isfinite(x) else f"{x:g}"


def _summary(all_runs: list[dict], max_trials: int, out) -> dict:
    table: dict = {}
    runs = [r for r in all_runs if r["reality"] != PHYSICS_REALITY]
    print(
        f"\n  {'target/reality':<26}{'strategy':<13}{'to ' + str(GOAL_RATIO) + 'x (all)':>14}"
        f"{'to ' + str(GOAL_RATIO) + 'x (front)':>16}{'to a truly-meeting rec.':>25}"
        f"{'ratio@' + str(max_trials) + ' all':>14}{'front':>8}{'kWh to 0.7x':>13}{'crew h to 0.7x':>16}",
        file=out,
    )
    groups = sorted({(r["target"], r["reality"]) for r in runs}, key=lambda g: (g[0], REALITY_KINDS.index(g[1])))
    for group in (*groups, ("all", "all")):
        kind = "all" if group[0] == "all" else f"{group[0]}/{group[1]}"
        for strategy in STRATEGIES:
            sel = [
                r
                for r in runs
                if r["strategy"] == strategy and group[0] in ("all", r["target"]) and group[1] in ("all", r["reality"])
            ]
            if not sel:
                continue
            g = _median([r["trials_to_goal"] for r in sel])
            gf = _median([r["trials_to_front_goal"] for r in sel])
            reach = [r for r in sel if r["candidates_truly_meeting"] > 0]
            m = _median([r["trials_to_meet"] for r in reach])
            f = _median([r["final_ratio"] for r in sel if np.isfinite(r["final_ratio"])])
            ff = _median([r["final_front_ratio"] for r in sel if np.isfinite(r["final_front_ratio"])])
            kwh = _median([r["kwh_to_goal"] for r in sel])
            crew_h = _median([r["crew_min_to_goal"] / 60.0 for r in sel])
            table.setdefault(kind, {})[strategy] = {
                "trials_to_goal": g,
                "trials_to_front_goal": gf,
                "trials_to_meet": m if reach else None,
                "runs_where_a_candidate_truly_meets": f"{len(reach)} of {len(sel)}",
                "final_ratio": round(f, 3),
                "final_front_ratio": round(ff, 3),
                "kwh_to_goal": round(kwh, 2),
                "crew_hours_to_goal": round(crew_h, 2),
            }
            meet = _fmt(m, max_trials) if reach else "none can"
            print(
                f"  {kind:<26}{strategy:<13}{_fmt(g, max_trials):>14}{_fmt(gf, max_trials):>16}{meet:>25}"
                f"{f:>14.3f}{ff:>8.3f}{_cost(kwh):>13}{_cost(crew_h):>16}",
                file=out,
            )
    overall = table.get("all", {})
    sug = overall.get("suggested", {}).get("trials_to_goal", float("inf"))
    rnd = overall.get("random", {}).get("trials_to_goal", float("inf"))
    met = bool(np.isfinite(sug) and (not np.isfinite(rnd) or sug <= 0.5 * rnd))
    print(
        f"\n  goal (suggested reaches {GOAL_RATIO}x physics with at most half the trials random needs, "
        f"median over seeds and realities): {'met' if met else 'NOT met'} "
        f"(suggested {_fmt(sug, max_trials)}, random {_fmt(rnd, max_trials)})",
        file=out,
    )
    null = _physics_check([r for r in all_runs if r["reality"] == PHYSICS_REALITY], runs, max_trials, out)
    return {"table": _jsonable(table), "goal_met": met, "reality_equal_to_physics": null}


def _physics_check(null_runs: list[dict], runs: list[dict], max_trials: int, out) -> dict:
    """How far feedback that is physics plus noise moved the model (it should not), against how far
    physics is from the departing realities (the same measure: mean |value - reality| over the
    property scale)."""
    if not null_runs:
        return {}
    res: dict = {
        "departing_realities_physics_error_median": _median([r["curve"][0]["error"] for r in runs]) if runs else None
    }
    for strategy in STRATEGIES:
        errs = [r["final_error"] for r in null_runs if r["strategy"] == strategy]
        if errs:
            res[strategy] = {"median": _median(errs), "max": max(errs)}
    parts = ", ".join(f"{k} {v['median']:.5f} (max {v['max']:.5f})" for k, v in res.items() if isinstance(v, dict))
    print(
        f"\n  reality equal to physics (feedback = physics + noise): mean |model - physics| over the property "
        f"scale after {max_trials} trials, median over targets and seeds: {parts}; for scale, physics is "
        f"{res['departing_realities_physics_error_median'] or 0:.5f} from the departing realities",
        file=out,
    )
    return res


def _jsonable(obj):
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, float) and not np.isfinite(obj):
        return None
    if isinstance(obj, (np.floating, np.integer, np.bool_)):
        return obj.item()
    return obj
