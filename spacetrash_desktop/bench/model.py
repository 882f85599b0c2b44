"""``spacetrash bench model``: what the ML layer costs and what it buys.

* training time (virtual lab + both stages + calibration) and bundle size;
* bundle load time (verification of every file, then deserialisation), cold, median of repeats;
* candidates scored per second on the default inventory's exhaustive grid with the full scorer
  (physics + features + forest + 5 XGBoost + 5 difficulty boosters + intervals + OOD) against the
  physics-only scorer, in batches of 1k, 10k and 50k recipes;
* held-out error per property on the virtual-lab test split (physics, forest, XGBoost, blend), the
  coverage and mean width of the 95% intervals, the physics-only band's coverage on the same rows;
* the learning curve: held-out error on a simulated **shifted reality** (``ShiftedReality``: a
  documented departure from the physics model; never part of the shipped training data) after 0,
  50, 200 and 1000 feedback-like rows from that reality, and the interval coverage there.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from spacetrash_desktop.catalog.datasets import load_catalog
from spacetrash_desktop.domain import PROPERTY_NAMES, ModelInfo, ModelStatus, Target
from spacetrash_desktop.engine.problem import build_problem, exact_chunks
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.ml.bundle import load_ensemble, read_bundle
from spacetrash_desktop.ml.scorer import MLScorer
from spacetrash_desktop.ml.train import TrainConfig, evaluate, fit, train_bundle
from spacetrash_desktop.ml.virtual_lab import LabRows, ShiftedReality, make_lab_rows

LEARNING_ROWS = (0, 50, 200, 1000)


def _candidates(n: int) -> tuple:
    cat = load_catalog()
    tables = compile_tables(cat, list(cat.default_inventory))
    problem = build_problem(tables, Target("bench", "bench"))
    parts, have = [], 0
    while have < n:
        for b in exact_chunks(problem, chunk=50000):
            parts.append(b)
            have += len(b)
            if have >= n:
                break
    batch = RecipeBatch.concat(parts)
    return tables, batch.take(slice(0, n))


def _throughput(scorer, tables, batch, size: int, reps: int = 1) -> float:
    chunks = [batch.take(slice(i, i + size)) for i in range(0, len(batch), size)]
    scorer.score(tables, chunks[0], 1.0)  # warm-up
    best = 0.0
    for _ in range(reps):
        t0 = time.perf_counter()
        for c in chunks:
            scorer.score(tables, c, 1.0)
        best = max(best, len(batch) / (time.perf_counter() - t0))
    return best


def run(quick: bool = False, seed: int = 0, out=sys.stdout) -> dict:
    cfg = TrainConfig.small() if quick else TrainConfig()
    cat = load_catalog()
    res: dict = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "config": "quick (TrainConfig.small)" if quick else "full (TrainConfig, the shipped configuration)",
        "seed": seed,
    }
    print(f"# ML layer benchmark (`spacetrash bench model{' --quick' if quick else ''}`), seed {seed}", file=out)
    print(f"# {res['machine']['cpus']} CPU(s), Python {res['machine']['python']}; config: {res['config']}", file=out)

    work = Path(tempfile.mkdtemp(prefix="spacetrash-bench-model-"))
    try:
        ens, metrics = _training_and_load(res, work, cfg, quick, seed, out)
        res["throughput"] = _throughput_table(ens, quick, out)
        res["held_out"] = _held_out_table(metrics, out)
        res["learning_curve"] = _learning_curve(cat, cfg, quick, seed, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return res


def _training_and_load(res: dict, work: Path, cfg: TrainConfig, quick: bool, seed: int, out):
    """Training time and bundle size, then load time (verification + deserialisation); fills
    ``res["training"]`` and ``res["load"]``, returns the loaded ensemble and the bundle's metrics."""
    t0 = time.perf_counter()
    path = train_bundle(work / "bundle", seed=seed, config=cfg)
    train_s = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in path.iterdir())
    loads, verifies = [], []
    for _ in range(3 if quick else 5):
        t0 = time.perf_counter()
        contents, _problems = read_bundle(path)
        t1 = time.perf_counter()
        ens = load_ensemble(contents)
        loads.append(time.perf_counter() - t0)
        verifies.append(t1 - t0)
    manifest = contents.manifest
    metrics = manifest["metrics"]
    res["training"] = {
        "seconds": round(train_s, 2),
        "rows": manifest["trained_on"]["rows"],
        "bundle_bytes": int(size),
        "files": len(manifest["files"]) + 1,
        "xgb_trees": metrics.get("xgb_trees"),
    }
    res["load"] = {
        "seconds_median": round(statistics.median(loads), 4),
        "verify_seconds_median": round(statistics.median(verifies), 4),
    }
    print(
        f"\ntraining: {train_s:.1f} s on {sum(manifest['trained_on']['rows'].values()):,} virtual-lab trials; "
        f"bundle {size / 1e6:.2f} MB in {len(manifest['files']) + 1} files",
        file=out,
    )
    print(
        f"load: {res['load']['seconds_median'] * 1000:.0f} ms (of which verification "
        f"{res['load']['verify_seconds_median'] * 1000:.0f} ms), median of {len(loads)}",
        file=out,
    )
    return ens, metrics


def _throughput_table(ens, quick: bool, out) -> dict:
    """Candidates scored per second, physics only and with the ML layer, by batch size."""
    n = 100_000 if quick else 400_000
    tables, batch = _candidates(n)
    ml = MLScorer(ens, ModelInfo(name="bench", status=ModelStatus.READY))
    phys = PhysicsScorer()
    thr = {}
    print(f"\nthroughput on {n:,} default-inventory candidates (candidates/s, best of 2):", file=out)
    print(f"  {'batch':>7}{'physics only':>15}{'physics + ML + intervals':>27}", file=out)
    for size_b in (1_000, 10_000, 50_000):
        p = _throughput(phys, tables, batch, size_b, reps=2)
        m = _throughput(ml, tables, batch, size_b, reps=2)
        thr[str(size_b)] = {"physics": int(p), "ml": int(m)}
        print(f"  {size_b:>7,}{p:>15,.0f}{m:>27,.0f}", file=out)
    s = ml.score(tables, batch.take(slice(0, 50_000)), 1.0)
    return {
        "candidates": n,
        "by_batch": thr,
        "goal": ">= 60,000/s in large batches on 2 cores",
        "ood_rate_default_inventory": round(float(s.ood.mean()), 5),
    }


def _held_out_table(metrics: dict, out) -> dict:
    """The bundle's held-out figures on the virtual-lab test split, per property."""
    held = metrics["held_out"]
    print(f"\nheld-out virtual-lab test split (n = {metrics['n_test']:,}): MAE per property", file=out)
    print(
        f"  {'property':<11}{'unit':>6}{'physics':>10}{'forest':>10}{'XGBoost':>10}{'blend':>10}"
        f"{'blend/phys':>11}{'cover 95%':>10}{'width':>9}{'phys band':>10}",
        file=out,
    )
    for name in PROPERTY_NAMES:
        h = held[name]
        print(
            f"  {name:<11}{h['unit']:>6}{h['mae_physics']:>10.4g}{h['mae_random_forest']:>10.4g}"
            f"{h['mae_xgboost']:>10.4g}{h['mae_blend']:>10.4g}{h['blend_vs_physics']:>11.3f}"
            f"{metrics['coverage'][name]:>10.3f}{metrics['mean_width'][name]:>9.4g}"
            f"{metrics['physics_band_coverage'].get(name, float('nan')):>10.3f}",
            file=out,
        )
    return {
        name: {
            **held[name],
            "coverage": metrics["coverage"][name],
            "mean_width": metrics["mean_width"][name],
            "physics_band_coverage": metrics["physics_band_coverage"].get(name),
            "blend_weights": metrics["blend_weights"][name],
        }
        for name in PROPERTY_NAMES
    }


def _learning_curve(cat, cfg: TrainConfig, quick: bool, seed: int, out) -> dict:
    """Held-out error on the shifted reality after 0, 50, 200 and 1000 feedback-like rows from it."""
    real = ShiftedReality(cat)
    base = make_lab_rows(cat, cfg.n_rows, seed)
    pool = make_lab_rows(cat, max(LEARNING_ROWS), seed + 1, reality=real)
    test = make_lab_rows(cat, 2000 if quick else 4000, seed + 2, reality=real)
    curve = []
    print(f"\nlearning curve: held-out MAE on the shifted reality ({len(test):,} rows) / physics MAE", file=out)
    print(
        f"  {'rows':>6}"
        + "".join(f"{n_[:10]:>11}" for n_ in PROPERTY_NAMES)
        + f"{'mean':>8}"
        + f"{'coverage (mean)':>17}{'fit s':>7}",
        file=out,
    )
    for n_rows in LEARNING_ROWS:
        point, mean_ratio, fit_s = _learning_point(base, pool, test, n_rows, cfg, seed)
        curve.append(point)
        print(
            f"  {n_rows:>6}"
            + "".join(f"{point['ratio_to_physics'][k]:>11.3f}" for k in PROPERTY_NAMES)
            + f"{mean_ratio:>8.3f}"
            + f"{np.mean(list(point['coverage'].values())):>17.3f}{fit_s:>7.1f}",
            file=out,
        )
    at200 = next(c for c in curve if c["feedback_rows"] == 200)
    result = {
        "reality": real.describe(),
        "test_rows": len(test),
        "points": curve,
        "goal": "mean ratio <= 0.7 at 200 rows",
        "goal_met": bool(at200["mean_ratio"] <= 0.7),
    }
    print(f"  goal (mean ratio <= 0.7 at 200 rows): {'met' if result['goal_met'] else 'NOT met'}", file=out)
    return result


def _learning_point(
    base: LabRows, pool: LabRows, test: LabRows, n_rows: int, cfg: TrainConfig, seed: int
) -> tuple[dict, float, float]:
    """One point of the learning curve (the model fitted with ``n_rows`` rows of the shifted
    reality), with its unrounded mean ratio and fit time for the table."""
    rows = LabRows.concat([base, pool.take(slice(0, n_rows))]) if n_rows else base
    t0 = time.perf_counter()
    f = fit(rows, cfg, seed)
    fit_s = time.perf_counter() - t0
    ev = evaluate(f.ensemble, test, np.ones(len(test), bool))
    ratios = {k: round(v["mae_blend"] / v["mae_physics"], 4) for k, v in ev["held_out"].items()}
    mean_ratio = float(np.mean(list(ratios.values())))
    point = {
        "feedback_rows": n_rows,
        "ratio_to_physics": ratios,
        "mean_ratio": round(mean_ratio, 4),
        "mae_physics": {k: v["mae_physics"] for k, v in ev["held_out"].items()},
        "mae_model": {k: v["mae_blend"] for k, v in ev["held_out"].items()},
        "coverage": dict(ev["coverage"]),
        "fit_seconds": round(fit_s, 2),
    }
    return point, mean_ratio, fit_s
