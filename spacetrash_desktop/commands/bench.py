"""``spacetrash bench generate|model|gui``: speed and quality benchmarks (not timed tests).

Each benchmark prints a table on stdout and writes the same figures as JSON (``--json FILE``)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys

BENCHES = {
    "generate": (
        "spacetrash_desktop.bench.generate",
        "recipe search: throughput, time to first feasible, "
        "hypervolume vs exhaustive, vs pymoo NSGA-II and vs a random baseline",
    ),
    "model": (
        "spacetrash_desktop.bench.model",
        "ML layer: training and load time, throughput, held-out error vs physics, coverage, learning curve",
    ),
    "gui": ("spacetrash_desktop.ui.bench_gui", "window: GUI-thread stalls during generation, start-up time"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="run a benchmark (generate, model, gui)")
    p.add_argument("name", choices=sorted(BENCHES), help="; ".join(f"{k}: {v[1]}" for k, v in BENCHES.items()))
    p.add_argument("--json", dest="json_out", default=None, help="also write the results as JSON to this file")
    p.add_argument("--quick", action="store_true", help="smaller sizes and budgets (a smoke run)")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_bench)


def cmd_bench(args) -> int:
    from spacetrash_desktop.errors import BadInputError

    module_name, _ = BENCHES[args.name]
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise BadInputError(f"the {args.name} benchmark is not available in this build ({exc})") from None
    results = module.run(quick=args.quick, seed=args.seed, out=sys.stdout)
    if args.json_out:
        from spacetrash_desktop.storage.atomic import atomic_write_text

        atomic_write_text(
            args.json_out, json.dumps(results, indent=2, default=str) + "\n", what="the benchmark results"
        )
        print(f"wrote {args.json_out}")
    return 0
