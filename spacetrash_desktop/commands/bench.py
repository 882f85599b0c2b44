"""``spacetrash bench generate|model|gui``: speed and quality benchmarks (not timed tests).

Each benchmark prints a table on stdout and writes the same figures as JSON (``--json FILE``)."""

from __future__ import annotations

import argparse
import json
import sys

from spacetrash_desktop.services.bench import BENCHMARKS, run_benchmark
from spacetrash_desktop.services.files import save_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="run a benchmark (generate, model, gui, plan, learn)")
    p.add_argument("name", choices=sorted(BENCHMARKS), help="; ".join(f"{k}: {v}" for k, v in BENCHMARKS.items()))
    p.add_argument("--json", dest="json_out", default=None, help="also write the results as JSON to this file")
    p.add_argument("--quick", action="store_true", help="smaller sizes and budgets (a smoke run)")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_bench)


def cmd_bench(args) -> int:
    results = run_benchmark(args.name, quick=args.quick, seed=args.seed, out=sys.stdout)
    if args.json_out:
        save_text(args.json_out, json.dumps(results, indent=2, default=str) + "\n", what="the benchmark results")
        print(f"wrote {args.json_out}")
    return 0
