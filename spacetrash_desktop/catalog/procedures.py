"""The crew's procedure for each process (``datasets/procedures.csv``) and the results file a work
order is written from.

Each process has ordered steps: what the crew does (``action``), the set point and its tolerance,
the protective equipment, the hazard, the checkpoint (what to measure, what a good part looks like)
and what to record for the feedback report. A step can depend on the recipe (``when``: ``shred``
only when rigid items must be shredded first, ``dry`` only when wet feed must be dried, ``regolith``
only with regolith in the feed, ``consumable`` only when something from Earth is used up) and its
texts hold placeholders in braces (``{temperature_c}``, ``{feed_kg}``) that the work order fills from
the recipe (``services/workorder.py``).

A broken bundled file is a packaging bug: :func:`load_procedures_from` raises :class:`CatalogError`
listing every problem. Every figure in a step needs a provenance line
(``procedures.provenance.csv``) naming its process or its step; a ``*`` line covers wording only.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacetrash_desktop.catalog.datasets import PROVENANCE_KINDS, load_catalog, read_csv_rows
from spacetrash_desktop.errors import BadInputError, CatalogError
from spacetrash_desktop.storage.paths import bundled_dir

PROCEDURE_COLUMNS = (
    "process_id",
    "step",
    "kind",
    "when",
    "action",
    "set_point",
    "tolerance",
    "ppe",
    "hazard",
    "checkpoint",
    "record",
)
TEXT_COLUMNS = PROCEDURE_COLUMNS[4:]
STEP_KINDS = frozenset(
    {
        "sort",
        "clean",
        "dry",
        "shred",
        "sieve",
        "weigh",
        "solution",
        "mix",
        "load",
        "heat",
        "press",
        "extrude",
        "print",
        "cool",
        "eject",
        "trim",
        "cut",
        "sew",
        "mark",
        "join",
        "unfold",
        "fasten",
        "fill",
        "close",
        "lift",
        "deburr",
        "drill",
        "assemble",
        "empty",
        "inspect",
    }
)
# when a step applies: every batch, or only when the recipe needs it
STEP_CONDITIONS = frozenset({"*", "shred", "dry", "regolith", "consumable"})
# what the work order fills in (services/workorder.py ``step_values``)
PLACEHOLDERS = frozenset(
    {
        "temperature_c",
        "temp_low_c",
        "temp_high_c",
        "ceiling_c",
        "feed_kg",
        "waste_kg",
        "regolith_kg",
        "load_kg",
        "loads",
        "product_kg",
        "dried_water_kg",
        "moisture_limit",
        "shred_items",
        "wet_items",
        "consumable_kg",
        "solution_ml",
    }
)
# names that hold digits but are not figures
_NAMES = re.compile(r"MGS-1|P100/FFP3|P100|FFP3|H14|1\.0 CTB")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

RESULT_SCHEMA_ID = "spacetrash.result"


@dataclass(frozen=True)
class ProcedureStep:
    """One step of a process's procedure, as written in the dataset (placeholders unfilled)."""

    process_id: str
    step: int
    kind: str
    when: str  # one of STEP_CONDITIONS
    action: str
    set_point: str = ""
    tolerance: str = ""
    ppe: str = ""
    hazard: str = ""
    checkpoint: str = ""
    record: str = ""

    @property
    def key(self) -> str:
        """``process_id:step``, the id its provenance lines use."""
        return f"{self.process_id}:{self.step}"


def placeholders_in(text: str) -> set[str]:
    """The ``{name}`` placeholders a text uses."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def _check_step(step: ProcedureStep, where: str, problems: list[str]) -> None:
    if step.kind not in STEP_KINDS:
        problems.append(f"{where}: kind {step.kind!r} is not one of {', '.join(sorted(STEP_KINDS))}")
    if step.when not in STEP_CONDITIONS:
        problems.append(f"{where}: when {step.when!r} is not one of {', '.join(sorted(STEP_CONDITIONS))}")
    if not step.action:
        problems.append(f"{where}: the action is empty")
    for col in TEXT_COLUMNS:
        text = getattr(step, col)
        try:
            unknown = placeholders_in(text) - PLACEHOLDERS
        except ValueError as exc:
            problems.append(f"{where}: {col} has broken braces ({exc})")
            continue
        if unknown:
            problems.append(f"{where}: {col} uses unknown placeholder(s) {sorted(unknown)}")


def parse_procedures(
    rows: Iterable[Mapping[str, str]], processes: Mapping[str, Any], problems: list[str]
) -> dict[str, tuple[ProcedureStep, ...]]:
    """Rows of procedures.csv -> process_id -> its steps in order; problems are appended."""
    out: dict[str, list[ProcedureStep]] = {}
    for n, row in enumerate(rows, start=2):
        where = f"procedures.csv line {n}"
        missing = [c for c in PROCEDURE_COLUMNS if c not in row]
        if missing:
            problems.append(f"{where}: column(s) {missing} missing")
            continue
        cell = {c: (row.get(c) or "").strip() for c in PROCEDURE_COLUMNS}
        pid = cell["process_id"]
        if pid not in processes:
            problems.append(f"{where}: unknown process {pid!r}")
        try:
            number = int(cell["step"])
        except ValueError:
            problems.append(f"{where}: step {cell['step']!r} is not a whole number")
            continue
        step = ProcedureStep(pid, number, cell["kind"], cell["when"], *(cell[c] for c in TEXT_COLUMNS))
        _check_step(step, where, problems)
        out.setdefault(pid, []).append(step)
    for pid, steps in out.items():
        if [s.step for s in steps] != list(range(1, len(steps) + 1)):
            problems.append(f"procedures.csv: the steps of {pid} are not numbered 1, 2, 3, ... in order")
    for pid, proc in processes.items():
        steps = out.get(pid, [])
        if not any(s.when == "*" for s in steps):
            problems.append(f"procedures.csv: process {pid} has no procedure (no step for every batch)")
        elif getattr(proc, "heated", False) and not any("temperature_c" in placeholders_in(s.set_point) for s in steps):
            problems.append(f"procedures.csv: heated process {pid} has no step whose set point is {{temperature_c}}")
    return {pid: tuple(steps) for pid, steps in out.items()}


def figures_in(text: str) -> bool:
    """True when a text states a figure of its own (a digit outside placeholders and names)."""
    return bool(re.search(r"\d", _NAMES.sub("", _PLACEHOLDER.sub("", text))))


def procedure_provenance_problems(
    steps: Iterable[ProcedureStep], provenance: Iterable[Mapping[str, str]], source_keys: set[str]
) -> list[str]:
    """Every text column needs a provenance line; a column that states a figure needs one whose id
    is the step's process or the step itself (``process:step``), not ``*``. V/S/D lines cite sources."""
    problems: list[str] = []
    covered: dict[str, set[str]] = {}
    for n, p in enumerate(provenance, start=2):
        kind = (p.get("kind") or "").strip()
        ref = (p.get("reference") or "").strip()
        pid = (p.get("id") or "").strip()
        fields = [f.strip() for f in (p.get("field") or "").split(";") if f.strip()]
        if kind not in PROVENANCE_KINDS:
            problems.append(f"procedures.provenance.csv line {n}: kind {kind!r} is not one of V/S/D/A")
            continue
        if not ref or not pid or not fields:
            problems.append(f"procedures.provenance.csv line {n}: id, field and reference are required")
            continue
        if kind in {"V", "S", "D"}:
            keys = [k.strip() for k in ref.split(" - ")[0].replace(",", ";").split(";") if k.strip()]
            if not any(k in source_keys for k in keys):
                problems.append(f"procedures.provenance.csv line {n}: kind {kind} must cite a key from sources.csv")
        covered.setdefault(pid, set()).update(fields)
    star = covered.get("*", set())
    for s in steps:
        own = covered.get(s.process_id, set()) | covered.get(s.key, set())
        for col in ("kind", "when", *TEXT_COLUMNS):
            text = getattr(s, col)
            if not text:
                continue
            if figures_in(text) and col not in own:
                problems.append(
                    f"procedures.csv: {s.key}.{col} = {text[:50]!r} states a figure with no provenance line"
                )
            elif col not in own | star:
                problems.append(f"procedures.csv: {s.key}.{col} has no provenance line")
    return problems


def load_procedures_from(root: Path, processes: Mapping[str, Any]) -> dict[str, tuple[ProcedureStep, ...]]:
    """Load and check ``root/procedures.csv`` and its provenance; raise CatalogError listing every problem."""
    problems: list[str] = []
    try:
        rows = read_csv_rows(root / "procedures.csv")
        prov = read_csv_rows(root / "procedures.provenance.csv")
        source_keys = {(r.get("key") or "").strip() for r in read_csv_rows(root / "sources.csv")}
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"The bundled procedures cannot be read: {exc}") from exc
    out = parse_procedures(rows, processes, problems)
    problems.extend(procedure_provenance_problems((s for st in out.values() for s in st), prov, source_keys))
    if problems:
        raise CatalogError(f"{len(problems)} problem(s) in the bundled procedures:\n" + "\n".join(problems[:200]))
    return out


@lru_cache(maxsize=1)
def load_procedures() -> dict[str, tuple[ProcedureStep, ...]]:
    """The bundled procedures of every process, loaded once per process."""
    return load_procedures_from(bundled_dir("datasets"), load_catalog().processes)


# ------------------------------------------------------------------------------- the results file


def read_result_file(path: Path | str) -> dict:
    """A results file ``spacetrash generate --out FILE.json`` (or the batch queue, or the window's
    export) wrote: its JSON object, checked to be a ``spacetrash.result`` with a list of recipes.
    Raises BadInputError with a plain reason."""
    p = Path(path)
    shown = p.name or str(p)
    if p.suffix.lower() == ".csv":
        raise BadInputError(
            f"{shown} is the CSV form of the results; use the JSON file (spacetrash generate --out x.json)"
        )
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise BadInputError(f"the results file {p} does not exist") from None
    except IsADirectoryError:
        raise BadInputError(f"{p} is a folder, not a results file") from None
    except OSError as exc:
        raise BadInputError(f"the results file {p} cannot be read ({exc.strerror or exc})") from None
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadInputError(f"{shown} is not a JSON results file ({str(exc)[:80]})") from None
    if not isinstance(obj, dict) or obj.get("schema") != RESULT_SCHEMA_ID:
        raise BadInputError(f'{shown} is not a Space Trash results file (no "schema": "{RESULT_SCHEMA_ID}")')
    recipes = obj.get("recipes")
    if not isinstance(recipes, list) or not all(isinstance(r, dict) and "id" in r for r in recipes):
        raise BadInputError(f"{shown} has no list of recipes")
    return obj
