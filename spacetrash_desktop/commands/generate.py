"""``spacetrash generate``: recipes for a target from an inventory, written as JSON or CSV."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("generate", help="generate recipes and the Pareto front for a target")
    p.add_argument("--inventory", default="default", help="inventory CSV/Parquet file, or 'default'")
    p.add_argument(
        "--target", required=True, help="a preset or scenario id (see --list-targets), or a target JSON file"
    )
    p.add_argument("--time-budget", type=float, default=None, metavar="S", help="stop after S seconds")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-evals", type=int, default=None, help="stop after N candidates (deterministic)")
    p.add_argument("--mode", choices=("auto", "exact", "evolutionary"), default="auto")
    p.add_argument("--physics-only", action="store_true", help="ignore any trained model")
    p.add_argument("--out", required=True, help="results file: .json or .csv")
    p.set_defaults(func=cmd_generate)
    t = sub.add_parser("targets", help="list the target presets and scenarios")
    t.set_defaults(func=cmd_targets)


def load_inventory_arg(value: str):
    from spacetrash_desktop.catalog import InventoryImportError, import_inventory, load_catalog
    from spacetrash_desktop.errors import BadInputError

    if value == "default":
        return list(load_catalog().default_inventory)
    try:
        result = import_inventory(value)
    except InventoryImportError as exc:
        first = exc.issues[0]
        where = f"line {first.line}: " if first.line else ""
        raise BadInputError(f"inventory {value}: {where}{first.message}") from None
    if result.errors:
        first = result.errors[0]
        raise BadInputError(
            f"inventory {value}: {len(result.errors)} error(s), first: {first.describe()} "
            f"(run `spacetrash inventory validate {value}`)"
        )
    return result.items


def load_target_arg(value: str):
    from spacetrash_desktop.catalog import load_catalog, parse_target
    from spacetrash_desktop.errors import BadInputError

    cat = load_catalog()
    if value in cat.targets:
        return cat.targets[value]
    path = Path(value)
    if not path.suffix.lower() == ".json" or not path.exists():
        known = ", ".join(cat.targets)
        raise BadInputError(f"unknown target {value!r}; use one of: {known}; or a target .json file")
    try:
        if path.stat().st_size > 1_000_000:
            raise BadInputError(f"target file {value} is larger than 1 MB")
        obj = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BadInputError(f"target file {value} is not valid JSON ({type(exc).__name__})") from None
    target, problems = parse_target(obj, cat.processes, where=path.name)
    if problems:
        raise BadInputError("; ".join(problems))
    return target


def cmd_generate(args) -> int:
    from spacetrash_desktop.context import RunContext
    from spacetrash_desktop.engine.scorer import PhysicsScorer
    from spacetrash_desktop.errors import BadInputError
    from spacetrash_desktop.services.generate import generate
    from spacetrash_desktop.services.results_io import write_result

    out = Path(args.out)
    if out.suffix.lower() not in {".json", ".csv"}:
        raise BadInputError(f"--out must end in .json or .csv, not {out.suffix or '(nothing)'}")
    if args.time_budget is not None and not args.time_budget > 0:
        raise BadInputError("--time-budget must be a positive number of seconds")
    if args.max_evals is not None and args.max_evals <= 0:
        raise BadInputError("--max-evals must be positive")
    items = load_inventory_arg(args.inventory)
    target = load_target_arg(args.target)
    scorer = PhysicsScorer() if args.physics_only else None
    ctx = RunContext()
    result = generate(
        items,
        target,
        scorer=scorer,
        ctx=ctx,
        mode=args.mode,
        time_budget_s=args.time_budget,
        seed=args.seed,
        max_evals=args.max_evals,
    )
    write_result(result, out)
    s = result.stats
    front = result.front
    print(
        f"target {target.target_id}: {s['mode']} search scored {s['evaluated']:,} candidates in "
        f"{s['elapsed_s']:.2f} s; {s['feasible']:,} feasible; {len(front)} on the Pareto front"
        + (" (stopped early)" if s.get("cancelled") or (not s.get("completed", True) and s["mode"] == "exact") else "")
    )
    print(f"model: {result.model.get('name')} ({result.model.get('status')})")
    for c in front[:5]:
        items_txt = " + ".join(f"{n} {f:.0%}" for n, (_, f) in zip(c.item_names, c.recipe.items))
        reg = f" + regolith {c.recipe.regolith_frac:.0%}" if c.recipe.regolith_frac else ""
        v = c.values
        print(
            f"  {c.recipe_id} {c.process_name}: {items_txt}{reg} | R {v['rigidity']:.2f} T {v['tightness']:.2f} "
            f"{v['energy_kwh']:.2f} kWh {v['water_l']:.2f} L {v['crew_min']:.0f} min"
        )
    if not front:
        print(
            "  no feasible recipe: see the near misses in the output file for what blocks the target", file=sys.stderr
        )
    print(f"wrote {out}")
    return 0


def cmd_targets(args) -> int:
    from spacetrash_desktop.catalog import load_catalog

    for t in load_catalog().targets.values():
        print(
            f"{t.target_id:24s} {t.kind:9s} R>={t.rigidity_min:.2f} T>={t.tightness_min:.2f} "
            f"{t.batch_mass_kg:g} kg, <= {t.max_energy_kwh:g} kWh, {t.max_water_l:g} L, {t.max_crew_min:g} min"
        )
    return 0
