"""The mission plan's bundled defaults (``datasets/mission_budgets.csv``, ``datasets/mission_demands.csv``,
each with its provenance file) and the crew's own demand and budget files (CSV or JSON).

Plain rows only (the engine's plan types live above this layer); a broken bundled file raises
:class:`CatalogError`, a broken user file :class:`BadInputError` naming the line and the problem."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacetrash_desktop.catalog.datasets import PROVENANCE_KINDS, read_csv_rows
from spacetrash_desktop.errors import BadInputError, CatalogError
from spacetrash_desktop.storage.paths import bundled_dir

MAX_FILE_BYTES = 1_000_000
BUDGET_KEYS = ("horizon_sols", "period_sols", "kwh_per_sol", "water_l_per_sol", "crew_min_per_sol")
MACHINE_PREFIX = "batches_per_sol."
# (lowest, highest) accepted for each figure of a budget file
BUDGET_RANGES: Mapping[str, tuple[float, float]] = {
    "horizon_sols": (1, 10_000),
    "period_sols": (1, 10_000),
    "kwh_per_sol": (0, 100_000),
    "water_l_per_sol": (0, 100_000),
    "crew_min_per_sol": (0, 100_000),
}
MISSION_FILES = ("mission_budgets", "mission_demands")


@dataclass(frozen=True)
class DemandRow:
    product_id: str
    quantity: float
    unit: str = "units"
    priority: int = 1
    due_sol: int | None = None
    scenario: str = ""


@dataclass(frozen=True)
class BudgetRows:
    """Daily budgets (``math.inf`` = unlimited) and, when the file gives them, the horizon and period."""

    kwh_per_sol: float
    water_l_per_sol: float
    crew_min_per_sol: float
    batches_per_sol: Mapping[str, float] = field(default_factory=dict)
    horizon_sols: int | None = None
    period_sols: int | None = None


@dataclass(frozen=True)
class MissionDefaults:
    budgets: BudgetRows
    demands: tuple[DemandRow, ...]


# ------------------------------------------------------------------------------------------ bundled


@lru_cache(maxsize=1)
def load_mission_defaults() -> MissionDefaults:
    """The bundled budgets and demands, checked (every figure has a provenance line)."""
    return load_mission_defaults_from(bundled_dir("datasets"))


def load_mission_defaults_from(root: Path) -> MissionDefaults:
    problems = mission_provenance_problems(root)
    try:
        budgets = parse_budget_rows(read_csv_rows(root / "mission_budgets.csv"), "mission_budgets.csv")
        demands = parse_demand_rows(read_csv_rows(root / "mission_demands.csv"), "mission_demands.csv")
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CatalogError(f"A bundled mission dataset cannot be read: {exc}") from exc
    except BadInputError as exc:
        problems.append(str(exc))
    if problems:
        raise CatalogError(f"{len(problems)} problem(s) in the mission datasets:\n" + "\n".join(problems))
    return MissionDefaults(budgets, demands)


def mission_provenance_problems(root: Path) -> list[str]:
    """Every numeric cell of the mission datasets needs a provenance line (kind V/S/D/A)."""
    problems: list[str] = []
    for name in MISSION_FILES:
        try:
            rows = read_csv_rows(root / f"{name}.csv")
            prov = read_csv_rows(root / f"{name}.provenance.csv")
        except OSError as exc:
            problems.append(f"{name}: cannot read data or provenance file ({exc})")
            continue
        covered: dict[str, set[str]] = {}
        for n, p in enumerate(prov, start=2):
            kind, pid = (p.get("kind") or "").strip(), (p.get("id") or "").strip()
            if kind not in PROVENANCE_KINDS or not pid or not (p.get("reference") or "").strip():
                problems.append(f"{name}.provenance.csv line {n}: needs id, field, kind V/S/D/A and reference")
                continue
            covered.setdefault(pid, set()).update(f.strip() for f in (p.get("field") or "").split(";"))
        for row in rows:
            id_col = next(iter(row))
            rid = (row.get(id_col) or "").strip()
            mine = covered.get(rid, set()) | covered.get("*", set())
            for col, val in row.items():
                if col != id_col and (val or "").strip() and _is_number(val) and col not in mine:
                    problems.append(f"{name}.csv: {rid}.{col} = {val!r} has no provenance line")
    return problems


def _is_number(s: str) -> bool:
    try:
        return math.isfinite(float(s))
    except ValueError:
        return False


# ------------------------------------------------------------------------------------------ parsing


def _num(raw: Any, what: str, lo: float, hi: float, *, allow_inf: bool = False) -> float:
    text = str(raw).strip().lower()
    if allow_inf and text in {"inf", "unlimited", "none", ""}:
        return math.inf
    try:
        x = float(text)
    except ValueError:
        raise BadInputError(f"{what}: {str(raw)[:40]!r} is not a number") from None
    if not math.isfinite(x) or not lo <= x <= hi:
        raise BadInputError(f"{what}: {x:g} is outside {lo:g} to {hi:g}")
    return x


def parse_budget_rows(rows: list[dict[str, str]], shown: str) -> BudgetRows:
    """Rows of ``budget,value`` (``batches_per_sol.<process id>`` for a machine)."""
    values: dict[str, float] = {}
    machine: dict[str, float] = {}
    for n, row in enumerate(rows, start=2):
        key = (row.get("budget") or "").strip()
        if not key:
            raise BadInputError(f"{shown} line {n}: the 'budget' column is empty (or missing)")
        where = f"{shown} line {n} ({key})"
        if key.startswith(MACHINE_PREFIX):
            machine[key[len(MACHINE_PREFIX) :]] = _num(row.get("value", ""), where, 0, 10_000, allow_inf=True)
        elif key in BUDGET_RANGES:
            lo, hi = BUDGET_RANGES[key]
            values[key] = _num(
                row.get("value", ""), where, lo, hi, allow_inf=key not in ("horizon_sols", "period_sols")
            )
        else:
            known = ", ".join((*BUDGET_RANGES, MACHINE_PREFIX + "<process id>"))
            raise BadInputError(f"{where}: unknown budget; use one of: {known}")
    return _budgets(values, machine, shown)


def _budgets(values: Mapping[str, float], machine: Mapping[str, float], shown: str) -> BudgetRows:
    missing = [k for k in ("kwh_per_sol", "water_l_per_sol", "crew_min_per_sol") if k not in values]
    if missing:
        raise BadInputError(f"{shown}: missing budget(s) {', '.join(missing)} (use 'unlimited' for no limit)")
    horizon, period = values.get("horizon_sols"), values.get("period_sols")
    return BudgetRows(
        kwh_per_sol=values["kwh_per_sol"],
        water_l_per_sol=values["water_l_per_sol"],
        crew_min_per_sol=values["crew_min_per_sol"],
        batches_per_sol=dict(machine),
        horizon_sols=int(horizon) if horizon is not None else None,
        period_sols=int(period) if period is not None else None,
    )


def parse_demand_rows(rows: list[dict[str, Any]], shown: str) -> tuple[DemandRow, ...]:
    """Rows of ``product_id,quantity[,unit][,priority][,due_sol]``."""
    out = []
    if not rows:
        raise BadInputError(f"{shown}: no demands (expected columns product_id, quantity, unit, priority, due_sol)")
    for n, row in enumerate(rows, start=2):
        pid = str(row.get("product_id") or "").strip()
        if not pid:
            raise BadInputError(f"{shown} line {n}: the 'product_id' column is empty (or missing)")
        where = f"{shown} line {n} ({pid})"
        unit = str(row.get("unit") or "units").strip().lower()
        if unit not in ("units", "kg"):
            raise BadInputError(f"{where}: unit {unit!r} is not 'units' or 'kg'")
        quantity = _num(row.get("quantity", ""), f"{where} quantity", 0, 1e7)
        priority = _num(row.get("priority") or 1, f"{where} priority", 1, 100)
        if priority != int(priority):
            raise BadInputError(f"{where} priority: {priority:g} is not a whole number")
        due_raw = row.get("due_sol")
        due = None
        if due_raw not in (None, "") and str(due_raw).strip():
            due = int(_num(due_raw, f"{where} due_sol", 1, 100_000))
        scenario = str(row.get("scenario") or "")
        out.append(DemandRow(pid, quantity, unit, int(priority), due, scenario))
    return tuple(out)


# ------------------------------------------------------------------------------------------ user files


def _read_text(path: Path, what: str) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise BadInputError(f"{what} file {path}: larger than 1 MB")
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadInputError(f"{what} file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{what} file {path} cannot be read: {exc}") from None


def _json(path: Path, what: str) -> Any:
    try:
        return json.loads(_read_text(path, what))
    except ValueError as exc:
        raise BadInputError(f"{what} file {path}: not valid JSON ({exc})") from None


def _csv_rows(path: Path, what: str) -> list[dict[str, str]]:
    try:
        return [
            {(k or "").strip().lower(): v for k, v in r.items()}
            for r in csv.DictReader(io.StringIO(_read_text(path, what)))
        ]
    except csv.Error as exc:
        raise BadInputError(f"{what} file {path}: not valid CSV ({exc})") from None


def parse_budgets_object(data: Any, shown: str) -> BudgetRows:
    """Budgets from a JSON object: ``{"kwh_per_sol": 74, ..., "batches_per_sol": {"melt_extrusion": 2}}``."""
    if not isinstance(data, dict):
        raise BadInputError(f"{shown}: expected an object of budgets")
    machine = data.get("batches_per_sol") or {}
    if not isinstance(machine, dict):
        raise BadInputError(f"{shown}: batches_per_sol must be an object of process id -> loads per sol")
    rows = [{"budget": k, "value": "unlimited" if v is None else v} for k, v in data.items() if k != "batches_per_sol"]
    rows += [{"budget": MACHINE_PREFIX + k, "value": "unlimited" if v is None else v} for k, v in machine.items()]
    return parse_budget_rows(rows, shown)


def read_demands_file(path: str | Path) -> tuple[DemandRow, ...]:
    """Demands from a CSV (one per line) or JSON file (a list of objects, or ``{"demands": [...]}``)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        data = _json(path, "demands")
        if isinstance(data, dict):
            data = data.get("demands")
        if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
            raise BadInputError(
                f"demands file {path}: expected a list of demands (objects with product_id and quantity)"
            )
        return parse_demand_rows(data, str(path))
    if path.suffix.lower() != ".csv":
        raise BadInputError(f"demands file {path}: use a .csv or .json file")
    return parse_demand_rows(_csv_rows(path, "demands"), str(path))


def read_budgets_file(path: str | Path) -> BudgetRows:
    """Budgets from a CSV (``budget,value`` rows) or JSON file (``{"kwh_per_sol": 74, ...,
    "batches_per_sol": {"melt_extrusion": 2}}``; ``null`` or "unlimited" for no limit)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return parse_budgets_object(_json(path, "budgets"), f"budgets file {path}")
    if path.suffix.lower() != ".csv":
        raise BadInputError(f"budgets file {path}: use a .csv or .json file")
    return parse_budget_rows(_csv_rows(path, "budgets"), str(path))
