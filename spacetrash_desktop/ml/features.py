"""The feature function: ONE function builds the model input for training and for scoring.

:func:`build_features` turns ``(tables, batch, phys, batch_mass_kg)`` into a float32 C-contiguous matrix
whose columns follow a :class:`FeatureSchema` **by name**:

* ``mat:<material_id>``  dry mass of the material per kg of feed (regolith included);
* ``moisture``, ``regolith``  water per kg of feed, regolith fraction of the feed;
* ``proc:<process_id>``  process one-hot; ``proc_temperature_c``, ``proc_heated``, ``proc_needs_melt``
  describe the process so that a process the model never saw is not a blank;
* ``n_items``, ``max_item_frac``, ``log_batch_mass``  the shape of the recipe;
* ``phys:*``  the physics model's outputs (the five properties, modulus, strength, porosity, melt
  fraction, hydrogen, heating share, batches, yield ...).

Alignment rules (never a crash):

* a material or process of the current catalog that the schema does not know contributes nothing to
  the matrix, and a recipe that uses it is flagged out-of-distribution (``unknown``);
* a ``mat:``/``proc:`` column the current catalog lacks is 0 (no recipe can contain it);
* a column of a kind this version cannot compute is NaN (the model imputes it and flags the row);
* NaN or inf anywhere becomes NaN and flags the row (``nonfinite``).

Bump :data:`FEATURE_VERSION` whenever the meaning of a column changes: bundles built for another
version are refused by verification.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from spacetrash_desktop.engine.physics import PhysicsResult
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.tables import EngineTables
from spacetrash_desktop.messages import msg

FEATURE_VERSION = 1
UNKNOWN_FRACTION_EPS = 1e-6

# (column, label a crew understands, unit of the raw feature)
RECIPE_FEATURES: tuple[tuple[str, str], ...] = (
    ("moisture", "Water content of the feed"),
    ("regolith", "Regolith share of the feed"),
    ("n_items", "Number of different waste items"),
    ("max_item_frac", "Share of the main waste item"),
    ("log_batch_mass", "Batch size"),
    ("proc_temperature_c", "Process temperature"),
    ("proc_heated", "Heated process"),
    ("proc_needs_melt", "Process needs a molten binder"),
)
PHYS_FEATURES: tuple[tuple[str, str], ...] = (
    ("phys:rigidity", "Rigidity (physics estimate)"),
    ("phys:tightness", "Tightness (physics estimate)"),
    ("phys:log_energy", "Energy (physics estimate)"),
    ("phys:log_water", "Water (physics estimate)"),
    ("phys:log_crew", "Crew time (physics estimate)"),
    ("phys:log_modulus", "Stiffness of the product (physics estimate)"),
    ("phys:log_strength", "Strength of the product (physics estimate)"),
    ("phys:porosity", "Porosity (physics estimate)"),
    ("phys:melt_fraction", "Molten binder fraction (physics estimate)"),
    ("phys:hydrogen", "Hydrogen content"),
    ("phys:heat_share", "Share of the energy spent on heating"),
    ("phys:log_batches", "Number of machine cycles"),
    ("phys:batch_fill", "How full the machine cycles are"),
    ("phys:yield", "Mass yield (product / feed)"),
    ("phys:problematic_share", "Share of hard-to-handle waste"),
)
FIXED_COLUMNS = tuple(c for c, _ in RECIPE_FEATURES) + tuple(c for c, _ in PHYS_FEATURES)
_LABELS = dict(RECIPE_FEATURES + PHYS_FEATURES)
# small offsets so log features of zero-valued outputs stay finite
LOG_OFFSETS = {"energy": 0.01, "water": 0.01, "crew": 0.1}


@dataclass(frozen=True)
class FeatureSchema:
    version: int
    columns: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"version": int(self.version), "columns": list(self.columns)}

    @staticmethod
    def from_dict(obj: Mapping) -> FeatureSchema:
        return FeatureSchema(int(obj["version"]), tuple(str(c) for c in obj["columns"]))

    def index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.columns)}

    @property
    def n(self) -> int:
        return len(self.columns)


def schema_for(material_ids: Sequence[str], process_ids: Sequence[str]) -> FeatureSchema:
    """The schema this version builds for a catalog (training uses the bundled catalog)."""
    cols = [f"mat:{m}" for m in material_ids] + [f"proc:{p}" for p in process_ids] + list(FIXED_COLUMNS)
    return FeatureSchema(FEATURE_VERSION, tuple(cols))


def column_known(name: str) -> bool:
    """True when this version of the feature function can compute the column."""
    if name in FIXED_COLUMNS:
        return True
    return any(name.startswith(prefix) and len(name) > len(prefix) for prefix in ("mat:", "proc:"))


def schema_problems(obj) -> list[str]:
    """Why a saved schema (a dict from a manifest) cannot be used by this feature function."""
    if not isinstance(obj, Mapping) or not isinstance(obj.get("columns"), list) or "version" not in obj:
        return ["the feature schema is missing or malformed"]
    try:
        version = int(obj["version"])
    except (TypeError, ValueError):
        return ["the feature schema has no valid version number"]
    cols = obj["columns"]
    if version != FEATURE_VERSION:
        return [
            f"the model was built for feature schema version {version}, but this app computes version "
            f"{FEATURE_VERSION}; retrain the model with this app"
        ]
    if not cols or not all(isinstance(c, str) for c in cols):
        return ["the feature schema's column list is empty or not a list of names"]
    if len(set(cols)) != len(cols):
        return ["the feature schema names a column twice"]
    unknown = [c for c in cols if not column_known(c)]
    if unknown:
        shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        return [f"the model expects features this app does not compute ({shown}); retrain the model with this app"]
    missing = [c for c in FIXED_COLUMNS if c not in cols]
    if missing:
        return [
            f"the model's feature schema lacks required features ({', '.join(missing[:5])}); "
            f"retrain the model with this app"
        ]
    return []


@dataclass
class FeatureBlock:
    X: np.ndarray  # float32 [N, F], C-contiguous; NaN where a value could not be computed
    unknown: np.ndarray  # bool [N]: uses a material or process the schema does not know
    nonfinite: np.ndarray  # bool [N]: some input was NaN or inf


class _Alignment:
    """Index maps between one catalog's tables and a schema (cached per catalog layout)."""

    def __init__(self, schema: FeatureSchema, material_ids: tuple[str, ...], process_ids: tuple[str, ...]):
        idx = schema.index()
        self.n = schema.n
        src, dst, unknown_mats = [], [], []
        for j, mid in enumerate(material_ids):
            c = idx.get(f"mat:{mid}")
            if c is None:
                unknown_mats.append(j)
            else:
                src.append(j)
                dst.append(c)
        self.mat_src = np.array(src, np.intp)
        self.mat_dst = np.array(dst, np.intp)
        self.unknown_mats = np.array(unknown_mats, np.intp)
        self.proc_col = np.array([idx.get(f"proc:{p}", -1) for p in process_ids], np.intp)
        self.fixed = {c: idx[c] for c in FIXED_COLUMNS if c in idx}
        # mat:/proc: columns of entities this catalog lacks stay 0 (no recipe can contain them);
        # a column of a kind this version cannot compute is NaN
        self.nan_cols = np.array([i for i, c in enumerate(schema.columns) if not column_known(c)], np.intp)
        self.proc_cols = np.array([i for i, c in enumerate(schema.columns) if c.startswith("proc:")], np.intp)


_ALIGN_CACHE: dict = {}


def _alignment(schema: FeatureSchema, tables: EngineTables) -> _Alignment:
    key = (schema.columns, tables.material_ids, tables.process_ids)
    a = _ALIGN_CACHE.get(key)
    if a is None:
        if len(_ALIGN_CACHE) > 32:
            _ALIGN_CACHE.clear()
        a = _ALIGN_CACHE[key] = _Alignment(schema, tables.material_ids, tables.process_ids)
    return a


def _log(x: np.ndarray, offset: float) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.log(np.maximum(x, 0.0) + offset)


def build_features(
    tables: EngineTables, batch: RecipeBatch, phys: PhysicsResult, batch_mass_kg: float, schema: FeatureSchema
) -> FeatureBlock:
    """The model input for a batch of recipes, aligned by name to ``schema`` (see the module doc)."""
    N = len(batch)
    a = _alignment(schema, tables)
    X = np.zeros((N, a.n), np.float32)
    if N == 0:
        return FeatureBlock(X, np.zeros(0, bool), np.zeros(0, bool))
    x = phys.material_frac
    if len(a.mat_src):
        X[:, a.mat_dst] = x[:, a.mat_src]
    unknown = np.zeros(N, bool)
    if len(a.unknown_mats):
        unknown |= (x[:, a.unknown_mats] > UNKNOWN_FRACTION_EPS).any(axis=1)
    proc = np.asarray(batch.proc, np.intp)
    col = a.proc_col[proc]
    known = col >= 0
    rows = np.nonzero(known)[0]
    X[rows, col[known]] = 1.0
    if len(a.proc_cols):  # a process the schema has never seen: all one-hots stay 0
        unknown |= ~known

    pad = tables.n_items
    used = batch.idx != pad
    energy = phys.energy_kwh
    values = {
        "moisture": phys.moisture_frac,
        "regolith": batch.reg,
        "n_items": used.sum(axis=1),
        "max_item_frac": np.where(used, batch.frac, 0.0).max(axis=1),
        "log_batch_mass": np.full(N, np.log(max(float(batch_mass_kg), 1e-6))),
        "proc_temperature_c": tables.temperature[proc],
        "proc_heated": tables.heated[proc],
        "proc_needs_melt": tables.needs_melt[proc],
        "phys:rigidity": phys.rigidity,
        "phys:tightness": phys.tightness,
        "phys:log_energy": _log(energy, LOG_OFFSETS["energy"]),
        "phys:log_water": _log(phys.water_l, LOG_OFFSETS["water"]),
        "phys:log_crew": _log(phys.crew_min, LOG_OFFSETS["crew"]),
        "phys:log_modulus": _log(phys.modulus_gpa, 1e-6),
        "phys:log_strength": _log(phys.strength_mpa, 1e-3),
        "phys:porosity": phys.porosity,
        "phys:melt_fraction": phys.melt_fraction,
        "phys:hydrogen": phys.hydrogen_wt_pct,
        "phys:problematic_share": phys.problematic_share,
    }
    with np.errstate(invalid="ignore", divide="ignore"):
        values["phys:heat_share"] = np.where(energy > 0, phys.heat_kwh / np.where(energy > 0, energy, 1.0), 0.0)
        values["phys:log_batches"] = np.log(np.maximum(phys.batches, 1.0))
        cap = tables.max_batch[proc] * np.maximum(phys.batches, 1.0)
        values["phys:batch_fill"] = phys.feed_kg / cap
        values["phys:yield"] = np.where(
            phys.feed_kg > 0, phys.product_kg / np.where(phys.feed_kg > 0, phys.feed_kg, 1.0), 0.0
        )
    for name, c in a.fixed.items():
        X[:, c] = values[name]
    if len(a.nan_cols):
        X[:, a.nan_cols] = np.nan
    finite = np.isfinite(X)
    nonfinite = ~finite.all(axis=1)
    if nonfinite.any():
        X[~finite] = np.nan
        if len(a.nan_cols):  # columns NaN by construction do not count as bad input
            check = np.ones(a.n, bool)
            check[a.nan_cols] = False
            nonfinite = ~finite[:, check].all(axis=1)
    return FeatureBlock(np.ascontiguousarray(X), unknown, np.asarray(nonfinite))


def feature_label(
    name: str, material_names: Mapping[str, str] | None = None, process_names: Mapping[str, str] | None = None
) -> str:
    """A label a crew member understands for a feature column."""
    if name.startswith("mat:"):
        mid = name[4:]
        return msg("Share of {material} in the feed", material=(material_names or {}).get(mid, mid))
    if name.startswith("proc:"):
        pid = name[5:]
        return msg("Process: {process}", process=(process_names or {}).get(pid, pid))
    return msg(_LABELS[name]) if name in _LABELS else name
