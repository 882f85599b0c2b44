"""``spacetrash plan``: the mission production plan (what to make, from which stock, in which period,
within the daily budgets), written as JSON (the versioned plan contract) or CSV (the plan lines)."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from spacetrash_desktop.context import RunContext
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.generate import physics_scorer, resolve_inventory
from spacetrash_desktop.services.plan import (
    default_plan_request,
    load_demands,
    plan_candidates,
    request_with_budget_file,
    save_plan,
    solve,
    summary_lines,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan", help="plan the mission's production within the daily budgets")
    p.add_argument("--inventory", default="default", help="inventory CSV/Parquet file, or 'default'")
    p.add_argument(
        "--demands",
        nargs="+",
        default=["mission"],
        metavar="FILE|scenario NAME",
        help="demands file (.csv/.json); 'scenario NAME' for one scenario's products; "
        "'mission' (default) for the three scenarios' products (datasets/mission_demands.csv)",
    )
    p.add_argument("--budgets", default=None, help="budgets file (.csv/.json); default datasets/mission_budgets.csv")
    p.add_argument("--out", required=True, help="plan file: .json (full plan) or .csv (plan lines)")
    p.add_argument("--horizon", type=int, default=None, metavar="SOLS", help="mission length in sols")
    p.add_argument("--period", type=int, default=None, metavar="SOLS", help="planning period in sols")
    p.add_argument("--time-limit", type=float, default=None, metavar="S", help="solver time limit in seconds")
    p.add_argument("--waste-weight", type=float, default=None, help="extra weight on problematic waste (default 1)")
    p.add_argument("--max-evals", type=int, default=None, help="limit each product's recipe search to N candidates")
    p.add_argument("--physics-only", action="store_true", help="ignore any trained model")
    p.add_argument("--no-marginal", action="store_true", help="skip the one-more-kWh/litre/crew-hour re-solves")
    p.set_defaults(func=cmd_plan)


def _demands(spec: list[str], request):
    if spec == ["mission"]:
        return request
    if spec[0] == "scenario":
        if len(spec) != 2:
            raise BadInputError("--demands scenario needs one scenario id, e.g. --demands scenario daring_discoveries")
        return default_plan_request(inventory=request.inventory, scenario=spec[1])
    if len(spec) != 1:
        raise BadInputError("--demands takes one file, 'mission' or 'scenario NAME'")
    return _replace(request, demands=load_demands(spec[0]))


def _replace(request, **changes):
    return type(request)(**{**request.__dict__, **changes})


def _check(args) -> None:
    out = Path(args.out)
    if out.suffix.lower() not in {".json", ".csv"}:
        raise BadInputError(f"--out must end in .json or .csv, not {out.suffix or '(nothing)'}")
    for name in ("horizon", "period"):
        v = getattr(args, name)
        if v is not None and not 1 <= v <= 10_000:
            raise BadInputError(f"--{name} must be a whole number of sols from 1 to 10000")
    if args.time_limit is not None and not (math.isfinite(args.time_limit) and args.time_limit > 0):
        raise BadInputError("--time-limit must be a positive number of seconds")
    if args.waste_weight is not None and not (math.isfinite(args.waste_weight) and args.waste_weight >= 0):
        raise BadInputError("--waste-weight must be a number of at least 0")
    if args.max_evals is not None and args.max_evals <= 0:
        raise BadInputError("--max-evals must be positive")


def cmd_plan(args) -> int:
    _check(args)
    request = default_plan_request(inventory=resolve_inventory(args.inventory))
    request = _demands(args.demands, request)
    if args.budgets:
        request = request_with_budget_file(request, args.budgets)
    changes = {
        "horizon_sols": args.horizon,
        "period_sols": args.period,
        "time_limit_s": args.time_limit,
        "waste_weight": args.waste_weight,
    }
    request = _replace(request, **{k: v for k, v in changes.items() if v is not None})
    if args.no_marginal:
        request = _replace(request, marginal=False)
    ctx = RunContext()
    search = {"max_evals": args.max_evals} if args.max_evals else {}
    if args.physics_only:
        search["scorer"] = physics_scorer()
    candidates = plan_candidates(request, ctx=ctx, **search)
    empty = [pid for pid, c in candidates.items() if not c]
    if empty:
        print(f"no feasible recipe for: {', '.join(empty)}")
    result = solve(request, candidates, ctx=ctx)
    for line in summary_lines(result):
        print(line)
    save_plan(result, args.out)
    print(f"wrote {args.out}")
    return 0
