"""The versioned result contract: one JSON layout shared by ``spacetrash generate --out x.json``,
the batch queue's results and the window's export (schema:
``resources/result.schema.json``); and the flat CSV form for spreadsheets."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import numpy as np
import pandas as pd

from spacetrash_desktop._version import __version__
from spacetrash_desktop.catalog.datasets import parse_target
from spacetrash_desktop.catalog.inventory import safe_csv_bytes
from spacetrash_desktop.domain import LOSS_STREAMS, PROPERTIES, PROPERTY_NAMES, Recipe
from spacetrash_desktop.engine.results import Candidate, GenerationResult
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.storage.atomic import atomic_write_bytes, atomic_write_text
from spacetrash_desktop.storage.json_files import read_json_document

SCHEMA_ID = "spacetrash.result"
# 1.1 added each recipe's "hazards", "p_meets_target" and "recommended", the target's "food_contact" and
# the top-level "recommended" block; 1.0 readers ignore them all (docs/RESULTS.md)
SCHEMA_VERSION = "1.1"


def result_to_dict(result: GenerationResult, *, timings: dict | None = None) -> dict:
    stats = dict(result.stats)
    return {
        "schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "engine_version": __version__,
        "created_at": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "partial": bool(result.partial),
        "inputs": dict(result.inputs),
        "target": result.target.to_dict(),
        "model": dict(result.model),
        "units": {name: unit for name, unit, _ in PROPERTIES},
        "timings": {
            "elapsed_s": stats.get("elapsed_s"),
            "total_s": stats.get("total_s"),
            "first_feasible_s": stats.get("first_feasible_s"),
            **(timings or {}),
        },
        "stats": stats,
        "hypervolume": round(float(result.hypervolume), 8),
        "recipes": [c.to_dict() for c in result.candidates],
        "front": [c.recipe_id for c in result.candidates if c.on_front],
        "recommended": result.recommendation,
    }


def result_to_frame(result: GenerationResult) -> pd.DataFrame:
    rows = []
    for c in result.candidates:
        row = {
            "id": c.recipe_id,
            "status": c.status,
            "pareto_rank": c.pareto_rank,
            "process": c.recipe.process_id,
            "items": "; ".join(f"{n} {f:.0%}" for n, (_, f) in zip(c.item_names, c.recipe.items)),
            "item_ids": ";".join(i for i, _ in c.recipe.items),
            "fractions": ";".join(f"{f:.4f}" for _, f in c.recipe.items),
            "regolith_pct": round(100 * c.recipe.regolith_frac, 4),
            "batch_mass_kg": c.recipe.batch_mass_kg,
        }
        for name, _unit, _ in PROPERTIES:
            row[f"{name}"] = c.values[name]
            row[f"{name}_low"] = c.low[name]
            row[f"{name}_high"] = c.high[name]
        row["feed_kg"] = c.details.get("feed_kg", 0.0)
        for k, v in c.losses().items():
            row[k] = v
        row["problematic_share"] = c.preference
        row["ood"] = c.ood
        row["flags"] = "; ".join(r["code"] for r in c.reasons if r["severity"] != "note")
        row["hazards"] = hazards_text(c)
        row["p_meets_target"] = round(c.p_meets_target, 6)
        row["recommended"] = c.recommended
        rows.append({k: csv_number(k, v) for k, v in row.items()})
    return pd.DataFrame(rows)


# decimals of the CSV's numbers: what the measurements can tell apart, no binary noise (0.42000000000000004);
# the unit is in each column's name (_kg, _kwh, _l, _min, _pct; rigidity and tightness are 0-1 indices,
# problematic_share and p_meets_target 0-1 shares)
CSV_DECIMALS = {"crew_min": 1, "regolith_pct": 2, "p_meets_target": 4, "problematic_share": 4}
CSV_DEFAULT_DECIMALS = 4


def csv_number(column: str, value):
    """``value`` rounded for the CSV column ``column`` (text, booleans and integers unchanged)."""
    if isinstance(value, bool) or not isinstance(value, float | np.floating):
        return value
    base = column.removesuffix("_low").removesuffix("_high")
    return round(float(value), CSV_DECIMALS.get(base, CSV_DEFAULT_DECIMALS)) + 0.0  # + 0.0: no "-0.0"


def hazards_text(cand) -> str:
    """The crew hazards of a recipe in one cell: 'CODE (material): text PPE | ...'."""
    return " | ".join(f"{h['code']} ({h['material']}): {h['text']} {h['ppe']}".strip() for h in cand.hazards)


def write_result(result: GenerationResult, path: Path | str) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        atomic_write_text(
            path, json.dumps(result_to_dict(result), indent=1, allow_nan=False) + "\n", what="the results file"
        )
    elif suffix == ".csv":
        atomic_write_bytes(path, safe_csv_bytes(result_to_frame(result)), what="the results file")
    else:
        raise BadInputError(f"unsupported output type {suffix or '(none)'}: use .json or .csv")
    return path


# ------------------------------------------------------------------------------------ reading back


def load_results(path: Path | str) -> list[GenerationResult]:
    """The results saved in ``path`` (``spacetrash generate --out FILE.json``, the window's JSON export,
    or a batch job's result in ``processed/``), to show again: one result, or one per product of a
    scenario (a list of results, or an object with ``results``). BadInputError says what is wrong."""
    doc = read_json_document(path, what="The results file")
    docs = doc if isinstance(doc, list) else doc.get("results", [doc]) if isinstance(doc, dict) else None
    if not docs or not all(isinstance(d, dict) for d in docs):
        raise BadInputError(f"{Path(path).name} holds no results: expected a file written by Export or generate --out.")
    if any(d.get("schema") != SCHEMA_ID for d in docs):
        if isinstance(doc, dict) and doc.get("status") == "failed":
            raise BadInputError(f"{Path(path).name} is a batch job that failed: it has no recipes to show.")
        raise BadInputError(
            f"{Path(path).name} is not a Space Trash result (its 'schema' is not {SCHEMA_ID!r}): "
            "open a file written by Export (JSON) or generate --out."
        )
    return [result_from_dict(d, where=Path(path).name) for d in docs]


def result_from_dict(doc: dict, *, where: str = "result") -> GenerationResult:
    """A GenerationResult rebuilt from its JSON form (:func:`result_to_dict`)."""
    target, problems = parse_target(doc.get("target") or {}, where=f"{where}: target")
    if target is None or problems:
        raise BadInputError("; ".join(problems) or f"{where}: the target is missing")
    try:
        cands = [_candidate_from_dict(r, target.batch_mass_kg) for r in doc.get("recipes", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise BadInputError(f"{where}: a recipe is incomplete ({type(exc).__name__}: {exc}).") from None
    return GenerationResult(
        target=target,
        candidates=cands,
        stats=dict(doc.get("stats") or {}),
        model=dict(doc.get("model") or {}),
        inputs=dict(doc.get("inputs") or {}),
        hypervolume=float(doc.get("hypervolume") or 0.0),
        partial=bool(doc.get("partial", False)),
    )


def _num(x) -> float:
    return float("nan") if x is None else float(x)


def _candidate_from_dict(r: dict, batch_mass_kg: float) -> Candidate:
    items = tuple((str(it["item_id"]), float(it["fraction"])) for it in r["items"])
    recipe = Recipe(
        items, float(r["regolith_frac"]), str(r["process_id"]), float(r.get("batch_mass_kg", batch_mass_kg))
    )
    props = r["properties"]
    flow = r.get("mass_flow") or {}
    losses = flow.get("losses") or {}
    details = {k: float(v) for k, v in (r.get("details") or {}).items() if isinstance(v, int | float)}
    details.update(
        feed_kg=float(flow.get("feed_kg", 0.0)),
        product_kg=float(flow.get("product_kg", 0.0)),
        regolith_kg=float(r.get("regolith_kg", 0.0)),
        **{src: float(losses.get(key, 0.0)) for src, key, _ in LOSS_STREAMS},
    )
    return Candidate(
        recipe=recipe,
        recipe_id=str(r.get("id") or recipe.recipe_id),
        process_name=str(r.get("process_name") or r["process_id"]),
        item_names=tuple(str(it.get("name") or it["item_id"]) for it in r["items"]),
        item_kg=tuple(float(it.get("mass_kg", 0.0)) for it in r["items"]),
        values={n: _num(props[n]["value"]) for n in PROPERTY_NAMES},
        low={n: _num(props[n]["low"]) for n in PROPERTY_NAMES},
        high={n: _num(props[n]["high"]) for n in PROPERTY_NAMES},
        status=str(r["status"]),
        flags=0,
        reasons=tuple(dict(f) for f in r.get("flags", ())),
        pareto_rank=int(r.get("pareto_rank", 0)),
        preference=float(r.get("problematic_share", 0.0)),
        ood=bool(r.get("ood", False)),
        details=details,
        hazards=tuple(dict(h) for h in r.get("hazards", ())),
        p_meets_target=float(r.get("p_meets_target", 0.0)),
        recommended=bool(r.get("recommended", False)),
    )
