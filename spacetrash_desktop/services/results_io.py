"""The versioned result contract: one JSON layout shared by ``spacetrash generate --out x.json``,
the batch queue's results and the window's export (schema:
``resources/result.schema.json``); and the flat CSV form for spreadsheets."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pandas as pd

from spacetrash_desktop._version import __version__
from spacetrash_desktop.catalog.inventory import safe_csv_bytes
from spacetrash_desktop.domain import PROPERTIES
from spacetrash_desktop.engine.results import GenerationResult
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.storage.atomic import atomic_write_bytes, atomic_write_text

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
        rows.append(row)
    return pd.DataFrame(rows)


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
