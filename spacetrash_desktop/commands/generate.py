"""``spacetrash generate``: recipes for a target from an inventory, written as JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spacetrash_desktop.context import RunContext
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.generate import (
    generate,
    generate_scenario,
    physics_scorer,
    recipe_line,
    recommendation_line,
    resolve_inventory,
    resolve_target,
)
from spacetrash_desktop.services.inventory import target_presets
from spacetrash_desktop.services.results_io import write_result


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("generate", help="generate recipes and the Pareto front for a target")
    p.add_argument("--inventory", default="default", help="inventory CSV/Parquet file, or 'default'")
    p.add_argument(
        "--target",
        required=True,
        help="a preset, scenario or product id (`spacetrash targets` lists them), or a target JSON file "
        '(it may start from a preset: {"base": "container", "rigidity_min": 0.6})',
    )
    p.add_argument("--time-budget", type=float, default=None, metavar="S", help="stop after S seconds")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-evals", type=int, default=None, help="stop after N candidates (deterministic)")
    p.add_argument("--mode", choices=("auto", "exact", "evolutionary"), default="auto")
    p.add_argument("--physics-only", action="store_true", help="ignore any trained model")
    p.add_argument(
        "--out",
        required=True,
        help="results file: .json or .csv; or a folder (no suffix): one <product>.json per product of a scenario",
    )
    p.set_defaults(func=cmd_generate)
    t = sub.add_parser(
        "targets",
        help="list the target presets, scenarios and products with their minimums and caps",
        description="List the targets `generate --target` takes: each with its rigidity (R) and tightness (T) "
        "minimums and its caps per batch.",
    )
    t.set_defaults(func=cmd_targets)


def cmd_generate(args) -> int:
    out = Path(args.out)
    per_product = out.suffix == ""
    if not per_product and out.suffix.lower() not in {".json", ".csv"}:
        raise BadInputError(f"--out must end in .json or .csv, not {out.suffix or '(nothing)'}")
    if args.time_budget is not None and not args.time_budget > 0:
        raise BadInputError("--time-budget must be a positive number of seconds")
    if args.max_evals is not None and args.max_evals <= 0:
        raise BadInputError("--max-evals must be positive")
    items = resolve_inventory(args.inventory)
    target = resolve_target(args.target)
    scorer = physics_scorer() if args.physics_only else None
    settings = dict(
        scorer=scorer, mode=args.mode, time_budget_s=args.time_budget, seed=args.seed, max_evals=args.max_evals
    )
    if per_product:
        return _generate_products(items, target, out, settings)
    result = generate(items, target, ctx=RunContext(), **settings)
    write_result(result, out)
    _print_summary(result)
    print(f"wrote {out}")
    return 0


def _generate_products(items, target, out: Path, settings) -> int:
    """``--out FOLDER``: one result file per product of a scenario (a target without products is its
    own single product), each product's summary and recommended recipe printed."""
    scenario = generate_scenario(items, target, ctx=RunContext(), **settings)
    out.mkdir(parents=True, exist_ok=True)
    for result in scenario.results:
        path = out / f"{result.target.target_id}.json"
        write_result(result, path)
        print(f"product {result.target.target_id} ({result.target.name}):")
        _print_summary(result)
        print(f"wrote {path}")
    return 0


def _print_summary(result) -> None:
    s = result.stats
    front = result.front
    print(
        f"target {result.target.target_id}: {s['mode']} search scored {s['evaluated']:,} recipes "
        f"({s['feasible']:,} of them feasible) in {s['elapsed_s']:.2f} s; kept the best {len(result.candidates):,} "
        f"({sum(c.feasible for c in result.candidates):,} feasible), {len(front)} on the Pareto front"
        + (" (stopped early)" if s.get("cancelled") or (not s.get("completed", True) and s["mode"] == "exact") else "")
    )
    print(f"model: {result.model.get('name')} ({result.model.get('status')})")
    recommended = recommendation_line(result)
    if recommended:
        print(recommended)
    for c in front[:5]:
        v = c.values
        print(
            f"  {recipe_line(c)} | R {v['rigidity']:.2f} T {v['tightness']:.2f} "
            f"{v['energy_kwh']:.2f} kWh {v['water_l']:.2f} L {v['crew_min']:.0f} min"
        )
    if not front:
        print(
            "  no feasible recipe: see the near misses in the output file for what blocks the target", file=sys.stderr
        )


TARGETS_HEADER = (
    "R = minimum rigidity, T = minimum tightness: both 0-1 indices (docs/PHYSICS.md).\n"
    "  R: how stiff the product is (0 a draped fabric, 0.37 an LDPE sheet, 0.57 an HDPE board, 1 a metal frame).\n"
    "  T: how well it holds liquid and gas (0 loose shred, 0.5 splash-proof, 0.8 water-tight, 1 gas-tight).\n"
    "batch = product mass per batch; energy, water and crew time are the most one batch may use.\n"
)


def _target_row(t, indent: str = "") -> str:
    return (
        f"{indent + t.target_id:28s} {t.kind:9s} {t.rigidity_min:4.2f} {t.tightness_min:4.2f} "
        f"{t.batch_mass_kg:6g} kg {t.max_energy_kwh:6g} kWh {t.max_water_l:5g} L {t.max_crew_min:5g} min  {t.name}"
    )


def cmd_targets(args) -> int:
    print(TARGETS_HEADER)
    print(f"{'id':28s} {'kind':9s} {'R':>4s} {'T':>4s} {'batch':>9s} {'energy':>10s} {'water':>7s} {'crew':>9s}  name")
    for t in target_presets():
        print(_target_row(t))
        for product in t.products:
            print(_target_row(product, "  "))
    print(
        "\nUse an id with `spacetrash generate --target ID`; a target file may start from one: "
        '{"base": "container", "rigidity_min": 0.6} (docs/DATA_SCHEMA.md).'
    )
    return 0
