"""The batch queue's ``plan`` job (issue 13): a mission production plan, unattended.

Job file (JSON object)::

    {"type": "plan", "id": "optional",
     "inventory": "default" | "file.csv|.parquet", "on_bad_rows": "fail" | "skip",
     "demands": "mission" | "scenario:<scenario id>" | "file.csv|.json" | [{"product_id": ..., "quantity": ...,
                "unit": "units" | "kg", "priority": 1, "due_sol": null}, ...],
     "budgets": null | "file.csv|.json" | {"kwh_per_sol": 74, "water_l_per_sol": 1, "crew_min_per_sol": 137,
                "batches_per_sol": {...}},
     "horizon_sols": 1095, "period_sols": 30, "time_limit_s": 10, "waste_weight": 1, "max_evals": null}

The result is the plan contract (``services/plan.py`` ``plan_to_dict``) with a ``job`` block."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from spacetrash_desktop.catalog.datasets import load_catalog
from spacetrash_desktop.catalog.mission import parse_budgets_object, parse_demand_rows
from spacetrash_desktop.context import RunContext
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.plan import (
    budgets_from_rows,
    default_plan_request,
    demands_from_rows,
    load_demands,
    plan_candidates,
    plan_to_dict,
    request_with_budget_file,
    solve,
)

PLAN_JOB_KEYS = {
    "id",
    "type",
    "inventory",
    "on_bad_rows",
    "demands",
    "budgets",
    "horizon_sols",
    "period_sols",
    "time_limit_s",
    "waste_weight",
    "max_evals",
}
# (lowest, highest) of each number a plan job may set
PLAN_JOB_NUMBERS = {
    "horizon_sols": (1, 10_000),
    "period_sols": (1, 10_000),
    "time_limit_s": (0.1, 3600),
    "waste_weight": (0, 1000),
    "max_evals": (1, 10**9),
}


def _number(job: dict, key: str) -> float | None:
    raw = job.get(key)
    if raw is None:
        return None
    lo, hi = PLAN_JOB_NUMBERS[key]
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not lo <= raw <= hi:
        raise BadInputError(f"'{key}' must be a number between {lo:g} and {hi:g}.")
    return raw


def _path(root: Path, spec: str) -> Path:
    p = Path(spec)
    return p if p.is_absolute() else root / p


def _request(job: dict, items, root: Path):
    catalog = load_catalog()
    demands = job.get("demands", "mission")
    request = default_plan_request(catalog, inventory=items)
    if isinstance(demands, str) and demands.startswith("scenario:"):
        request = default_plan_request(catalog, inventory=items, scenario=demands.split(":", 1)[1])
    elif isinstance(demands, list):
        rows = parse_demand_rows(demands, "'demands'")
        request = _with(request, demands=demands_from_rows(rows, catalog))
    elif isinstance(demands, str) and demands != "mission":
        request = _with(request, demands=load_demands(_path(root, demands), catalog))
    elif demands != "mission":
        raise BadInputError("'demands' must be 'mission', 'scenario:<id>', a file name or a list of demands.")
    budgets = job.get("budgets")
    if isinstance(budgets, dict):
        b_rows = parse_budgets_object(budgets, "'budgets'")
        request = _with(request, budgets=budgets_from_rows(b_rows))
        request = _with(
            request,
            **{k: v for k, v in (("horizon_sols", b_rows.horizon_sols), ("period_sols", b_rows.period_sols)) if v},
        )
    elif isinstance(budgets, str):
        request = request_with_budget_file(request, _path(root, budgets))
    elif budgets is not None:
        raise BadInputError("'budgets' must be a file name or an object of budgets.")
    changes = {k: _number(job, k) for k in ("horizon_sols", "period_sols", "time_limit_s", "waste_weight")}
    changes = {k: (int(v) if k.endswith("_sols") else float(v)) for k, v in changes.items() if v is not None}
    return _with(request, **changes)


def _with(request, **changes):
    return type(request)(**{**request.__dict__, **changes})


def run_plan_job(queue: Any, job_id: str, job: dict, ctx: RunContext) -> dict:
    """Run one plan job for ``queue`` (a BatchQueue: its inventory reader, scorer and folder)."""
    t0 = time.monotonic()
    unknown = sorted(set(job) - PLAN_JOB_KEYS)
    if unknown:
        raise BadInputError(f"Unknown field(s) in the plan job: {', '.join(unknown)}.")
    items, warnings = queue._inventory(job.get("inventory", "default"), job.get("on_bad_rows", "fail"))
    request = _request(job, items, Path(queue.root))
    search: dict[str, Any] = {}
    max_evals = _number(job, "max_evals")
    if max_evals is not None:
        search["max_evals"] = int(max_evals)
    if queue.scorer_factory is not None:
        search["scorer"] = queue.scorer_factory()
    candidates = plan_candidates(request, ctx=ctx, **search)
    t_solve = time.monotonic()
    result = solve(request, candidates, ctx=ctx)
    out = plan_to_dict(result)
    out["timings"] = {
        "job_s": round(time.monotonic() - t0, 4),
        "candidates_s": round(t_solve - t0, 4),
        "solve_s": round(result.solve_seconds, 4),
    }
    out["job"] = {
        "id": job_id,
        "type": "plan",
        "inventory": job.get("inventory", "default") if isinstance(job.get("inventory", "default"), str) else "inline",
        "demands": job.get("demands", "mission") if isinstance(job.get("demands", "mission"), str) else "inline",
        "input_warnings": warnings,
    }
    return out
