"""``spacetrash suggest``: the next trials that would teach the model most per kg of stock, kWh and
crew minute (docs/TRIALS.md)."""

from __future__ import annotations

import argparse
import json

from spacetrash_desktop.context import RunContext
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.files import save_text
from spacetrash_desktop.services.generate import resolve_inventory, resolve_target
from spacetrash_desktop.services.suggest import DEFAULT_N, TrialPlan, suggest_trials

DEFAULT_TARGET = "container"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggest", help="suggest the next trials: what each would teach the model and what it costs")
    p.add_argument("--n", type=int, default=DEFAULT_N, help=f"how many trials (default {DEFAULT_N})")
    p.add_argument("--budget-kwh", type=float, default=None, metavar="X", help="energy for all the trials together")
    p.add_argument(
        "--budget-crew-min", type=float, default=None, metavar="Y", help="crew minutes for all the trials together"
    )
    p.add_argument(
        "--target",
        default=DEFAULT_TARGET,
        help=f"a preset or scenario id, or a target JSON file (default {DEFAULT_TARGET})",
    )
    p.add_argument("--inventory", default="default", help="inventory CSV/Parquet file, or 'default'")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--time-budget", type=float, default=None, metavar="S", help="search for S seconds at most")
    p.add_argument("--json", dest="json_out", default=None, help="also write the suggestions as JSON to this file")
    p.set_defaults(func=cmd_suggest)


def cmd_suggest(args) -> int:
    if args.n < 1:
        raise BadInputError("--n must be 1 or more")
    if args.time_budget is not None and not args.time_budget > 0:
        raise BadInputError("--time-budget must be a positive number of seconds")
    items = resolve_inventory(args.inventory)
    target = resolve_target(args.target)
    plan = suggest_trials(
        items,
        target,
        n=args.n,
        budget_kwh=args.budget_kwh,
        budget_crew_min=args.budget_crew_min,
        ctx=RunContext(),
        seed=args.seed,
        time_budget_s=args.time_budget,
    )
    print_plan(plan)
    if args.json_out:
        save_text(args.json_out, json.dumps(plan.to_dict(), indent=2) + "\n", what="the suggested trials")
        print(f"wrote {args.json_out}")
    return 0


def print_plan(plan: TrialPlan) -> None:
    print(f"Suggested trials for {plan.target.name}: {plan.note}")
    for s in plan.suggestions:
        c = s.candidate
        print(f"{s.rank}. {' + '.join(c.item_names)} - {c.process_name} ({c.recipe_id})")
        print(f"   teaches: {s.teaches}")
        print(f"   costs:   {s.cost_text}")
