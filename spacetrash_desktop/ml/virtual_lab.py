"""Training rows with honest provenance.

The **virtual lab** (provenance ``virtual_lab_v1``) samples recipes across the whole search space -
the default NASA inventory plus perturbed and synthetic items, every process, fractions on and off
the search grid, every regolith level a process takes, batch sizes from 0.1 to 50 kg - scores them with
the physics model and adds process variability: the per-process spreads of
``datasets/process_variability.csv`` (read through :func:`engine.scorer.load_variability`, the same
function the physics-only band uses), widened for heterogeneous feeds:

* rigidity, tightness: ``clip(physics + sd * m_rt * z, 0, 1)`` with ``m_rt = 1 + 0.5 reg + 0.1 (k - 1)``;
* energy, water, crew: ``physics * exp(sd * m_ewc * z)`` (the physics value is the median) with
  ``m_ewc = 1 + 0.1 (k - 1) + 0.5 moisture``; the energy and crew-time draws are correlated (rho 0.5:
  a long cycle costs both).

``k`` is the number of items, ``reg`` the regolith fraction, ``moisture`` the water per kg of feed. The
multipliers are engineering assumptions (docs/ML.md). The reference facts hold no recipe-level
measurement of the five properties, so no measured row joins the shipped table; the process-level
measurements they do hold (cold-sintered MGS-1 density and strength, HMC water return, ...) are already
built into ``processes.csv`` and into the spreads. Crew feedback rows join the same table through
:func:`rows_from_records` with their own provenance label.

The **shifted reality** (:class:`ShiftedReality`) is for the learning-curve benchmark only and never
part of the shipped training data: a documented departure from the physics model that stands in for
real trials.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from spacetrash_desktop.catalog.datasets import Catalog
from spacetrash_desktop.context import NullContext, RunContext
from spacetrash_desktop.domain import PROPERTY_NAMES, Recipe, WasteItem
from spacetrash_desktop.engine.physics import PhysicsResult, score_physics
from spacetrash_desktop.engine.recipes import RecipeBatch, from_recipes
from spacetrash_desktop.engine.scorer import load_variability
from spacetrash_desktop.engine.tables import MAX_SLOTS, EngineTables, compile_tables
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml.features import FeatureSchema, build_features, schema_for

VIRTUAL_LAB = "virtual_lab_v1"
CREW_FEEDBACK = "crew_feedback"
SHIFTED_REALITY = "shifted_reality_v1"  # benchmark only
PRESET_MASSES = (0.5, 1.0, 2.0, 3.0, 4.0, 5.0)
CHUNK = 400
RHO_ENERGY_CREW = 0.5


@dataclass
class LabRows:
    """A training table: features, the physics estimate and the outcome of each trial."""

    X: np.ndarray  # float32 [N, F] (schema order)
    schema: FeatureSchema
    phys: np.ndarray  # [N, 5] physics estimate, domain.PROPERTIES order
    y: np.ndarray  # [N, 5] outcome (NaN where not measured)
    process_id: np.ndarray  # object [N]
    provenance: np.ndarray  # object [N]
    flags: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # [N] unknown or non-finite input
    # [N,5] weight of each outcome as a training label: 1 for a measurement (and every simulated
    # trial), JUDGED_WEIGHT for a crew judgement (see records_from_feedback)
    weight: np.ndarray = field(default_factory=lambda: np.zeros((0, len(PROPERTY_NAMES))))
    # [N] where each row came from: the feedback row_id for crew feedback, "" for simulated trials
    source: np.ndarray = field(default_factory=lambda: np.zeros(0, object))

    def __post_init__(self):
        N = len(self.X)
        if len(self.flags) != N:
            self.flags = np.zeros(N, bool)
        if np.shape(self.weight) != (N, len(PROPERTY_NAMES)):
            self.weight = np.ones((N, len(PROPERTY_NAMES)))
        if len(self.source) != N:
            self.source = np.full(N, "", object)

    def __len__(self) -> int:
        return int(self.X.shape[0])

    def take(self, sel) -> LabRows:
        return LabRows(
            self.X[sel],
            self.schema,
            self.phys[sel],
            self.y[sel],
            self.process_id[sel],
            self.provenance[sel],
            self.flags[sel],
            self.weight[sel],
            self.source[sel],
        )

    @staticmethod
    def concat(parts: Sequence[LabRows]) -> LabRows:
        parts = [p for p in parts if p is not None]
        schema = parts[0].schema
        parts = [p if p.schema.columns == schema.columns else align_rows(p, schema) for p in parts]
        return LabRows(
            np.ascontiguousarray(np.concatenate([p.X for p in parts])),
            schema,
            np.concatenate([p.phys for p in parts]),
            np.concatenate([p.y for p in parts]),
            np.concatenate([p.process_id for p in parts]),
            np.concatenate([p.provenance for p in parts]),
            np.concatenate([p.flags for p in parts]),
            np.concatenate([p.weight for p in parts]),
            np.concatenate([p.source for p in parts]),
        )

    def counts(self) -> dict[str, int]:
        labels, n = np.unique(self.provenance.astype(str), return_counts=True)
        return {str(k): int(v) for k, v in zip(labels, n)}

    def digest(self) -> str:
        """sha256 of the table's numbers and labels (recorded in the manifest's ``trained_on``)."""
        h = hashlib.sha256()
        h.update("\x1f".join(self.schema.columns).encode())
        for arr in (self.X, self.phys.astype(np.float64), np.nan_to_num(self.y.astype(np.float64), nan=-1.0)):
            h.update(np.ascontiguousarray(arr).tobytes())
        h.update("\x1f".join(map(str, self.process_id)).encode())
        h.update("\x1f".join(map(str, self.provenance)).encode())
        if (self.weight != 1).any():  # (so tables without judgements keep the digest they always had)
            h.update(np.ascontiguousarray(self.weight, dtype=np.float64).tobytes())
        return h.hexdigest()


def align_rows(rows: LabRows, schema: FeatureSchema) -> LabRows:
    """Re-order (by name) the columns of ``rows`` to ``schema``; absent mat:/proc: columns are 0."""
    src = rows.schema.index()
    X = np.zeros((len(rows), schema.n), np.float32)
    for j, c in enumerate(schema.columns):
        i = src.get(c)
        if i is not None:
            X[:, j] = rows.X[:, i]
        elif not (c.startswith("mat:") or c.startswith("proc:")):
            X[:, j] = np.nan
    return LabRows(X, schema, rows.phys, rows.y, rows.process_id, rows.provenance, rows.flags, rows.weight, rows.source)


# ------------------------------------------------------------------------------------ sampling


def _synthetic_items(
    catalog: Catalog, rng: np.random.Generator, n: int, start: int, focus: Sequence[str] = ()
) -> list[WasteItem]:
    """Perturbed copies of default items and synthetic items made of 1-3 catalog materials."""
    mats = [m for m in catalog.materials if m != "mgs1_regolith"]
    base = list(catalog.default_inventory)
    out = []
    for i in range(n):
        r = rng.random()
        if r < 0.35 and base:  # perturbed default item
            b = base[rng.integers(len(base))]
            ids = [m for m, _ in b.composition]
            f = np.array([x for _, x in b.composition], float)
            f = rng.dirichlet(f * 20.0 + 0.5)
            moist = float(np.clip(b.moisture_pct + rng.normal(0, 5.0), 0, 80))
            comp = tuple((m, float(x)) for m, x in zip(ids, f) if x > 1e-4)
        else:
            pool = list(focus) if (focus and r < 0.7) else mats
            pool = [m for m in pool if m in catalog.materials and m != "mgs1_regolith"] or mats
            k = int(rng.integers(1, min(3, len(pool)) + 1))
            ids = list(rng.choice(pool, size=k, replace=False))
            f = rng.dirichlet(np.ones(k))
            moist = 0.0 if rng.random() < 0.6 else float(rng.uniform(0, 70))
            comp = tuple((str(m), float(x)) for m, x in zip(ids, f) if x > 1e-4)
        s = sum(x for _, x in comp)
        comp = tuple((m, x / s) for m, x in comp)
        out.append(
            WasteItem(
                item_id=f"V{start + i:05d}",
                name=f"virtual item {start + i}",
                category="virtual",
                composition=comp,
                mass_kg=1e6,
                moisture_pct=moist,
                difficulty=int(rng.integers(1, 4)),
            )
        )
    return out


def _grid_fractions(rng: np.random.Generator, k: np.ndarray, quanta: int = 10) -> np.ndarray:
    """Random positive splits of ``quanta`` into k parts per row, as fractions [N, 4]."""
    N = len(k)
    out = np.zeros((N, MAX_SLOTS))
    for kk in range(1, MAX_SLOTS + 1):
        rows = np.nonzero(k == kk)[0]
        if not len(rows):
            continue
        if kk == 1:
            out[rows, 0] = 1.0
            continue
        cuts = np.sort(np.stack([rng.permutation(quanta - 1)[: kk - 1] + 1 for _ in rows]), axis=1)
        parts = np.diff(
            np.concatenate([np.zeros((len(rows), 1)), cuts, np.full((len(rows), 1), quanta)], axis=1), axis=1
        )
        out[rows, :kk] = parts / quanta
    return out


def sample_batch(tables: EngineTables, rng: np.random.Generator, n: int) -> RecipeBatch:
    """``n`` recipes over every process: items the process takes (90%) or any item (10%), 1-4 items,
    fractions on the 10% grid (70%) or continuous, regolith within the process's range."""
    P = tables.n_processes
    pad = tables.n_items
    proc = rng.integers(0, P, n).astype(np.int32)
    k = rng.integers(1, MAX_SLOTS + 1, n)
    idx = np.full((n, MAX_SLOTS), pad, np.int32)
    any_item = rng.random(n) < 0.10
    for p in range(P):
        rows = np.nonzero(proc == p)[0]
        if not len(rows):
            continue
        ok = np.nonzero(tables.item_ok[p, :pad])[0]
        if len(ok) == 0:
            ok = np.arange(pad)
        for r in rows:
            pool = np.arange(pad) if any_item[r] else ok
            kk = int(min(k[r], len(pool)))
            k[r] = kk
            idx[r, :kk] = rng.choice(pool, size=kk, replace=False)
    grid = rng.random(n) < 0.7
    frac = _grid_fractions(rng, k)
    cont = np.nonzero(~grid)[0]
    if len(cont):
        for r in cont:
            frac[r, : k[r]] = rng.dirichlet(np.ones(k[r]))
    lo, hi = tables.reg_min[proc], np.minimum(tables.reg_max[proc], 0.99)
    levels = np.round(lo + np.floor(rng.random(n) * (np.floor((hi - lo) / 0.1 + 1e-9) + 1)) * 0.1, 6)
    levels = np.clip(levels, lo, hi)
    contr = lo + rng.random(n) * (hi - lo)
    reg = np.where(rng.random(n) < 0.7, levels, contr)
    reg = np.where(hi <= 0, 0.0, reg)
    return RecipeBatch(idx, frac, reg.astype(float), proc).canonical(pad)


def _batch_mass(rng: np.random.Generator) -> float:
    if rng.random() < 0.5:
        return float(rng.choice(PRESET_MASSES))
    return float(np.exp(rng.uniform(np.log(0.1), np.log(50.0))))


# ------------------------------------------------------------------------------------ outcomes


def heteroscedastic(tables: EngineTables, batch: RecipeBatch, phys: PhysicsResult) -> tuple[np.ndarray, np.ndarray]:
    """(m_rt, m_ewc): the multipliers of the process spreads for each recipe (see the module doc)."""
    k = (batch.idx != tables.n_items).sum(axis=1)
    m_rt = 1.0 + 0.5 * batch.reg + 0.1 * (k - 1)
    m_ewc = 1.0 + 0.1 * (k - 1) + 0.5 * phys.moisture_frac
    return m_rt, m_ewc


def add_variability(
    tables: EngineTables,
    batch: RecipeBatch,
    phys: PhysicsResult,
    props: np.ndarray,
    rng: np.random.Generator,
    variability: np.ndarray | None = None,
) -> np.ndarray:
    """Trial outcomes: ``props`` (the expected values) plus process variability."""
    var = load_variability(tables) if variability is None else variability
    sd = var[batch.proc]
    m_rt, m_ewc = heteroscedastic(tables, batch, phys)
    N = len(batch)
    z = rng.standard_normal((N, 5))
    z[:, 4] = RHO_ENERGY_CREW * z[:, 2] + np.sqrt(1 - RHO_ENERGY_CREW**2) * z[:, 4]
    y = np.empty_like(props)
    y[:, 0] = np.clip(props[:, 0] + sd[:, 0] * m_rt * z[:, 0], 0.0, 1.0)
    y[:, 1] = np.clip(props[:, 1] + sd[:, 1] * m_rt * z[:, 1], 0.0, 1.0)
    for j in (2, 3, 4):
        y[:, j] = np.maximum(props[:, j], 0.0) * np.exp(sd[:, j] * m_ewc * z[:, j])
    return y


class ShiftedReality:
    """A simulated "reality" that departs from the physics model in documented ways. Benchmark only:
    it stands in for real trials in the learning curve and is never in the shipped training data.

    1. Energy: heated processes take 1.5x the physics energy. Grounded: the peer process catalog
       (``peer_process_catalog`` in sources.csv) gives 0.55 kWh/kg for press-and-heat lamination and
       0.70 kWh/kg for sintering with MGS-1, where this physics model gives about 0.37 and 0.47 kWh/kg
       for the default inventory: both ratios are about 1.5.
    2. Rigidity (a material-family offset): recycled thermoplastics are weaker than the virgin-grade
       datasheet values in materials.csv: rigidity - 0.08 x the thermoplastic share of the dry solids
       (an all-thermoplastic product loses about half its modulus; assumption).
    3. Tightness: melt-bound products (heat-melt compaction, lamination, extrusion, PE-bound regolith)
       trap air and volatiles that the physics model's continuity curve ignores: tightness x 0.75
       (assumption).
    4. Water: processes that use water use 1.3x (rinsing and cleaning take more than budgeted;
       assumption).
    5. Crew time: mixes of 2-4 items take 30% more crew time (sorting and weighing each item;
       assumption).

    Outcomes then get the same process variability as the virtual lab. How far an ML correction can
    go below the physics model's error depends on the size of these shifts against that variability.
    """

    name = SHIFTED_REALITY
    ENERGY_FACTOR = 1.5
    THERMOPLASTIC_RIGIDITY = 0.08
    VOID_TIGHTNESS_FACTOR = 0.75
    WATER_FACTOR = 1.3
    CREW_FACTOR_MIXED = 1.3

    def __init__(self, catalog: Catalog):
        self.thermoplastic = {mid for mid, m in catalog.materials.items() if m.family.value == "thermoplastic"}

    def expected(self, tables: EngineTables, batch: RecipeBatch, phys: PhysicsResult) -> np.ndarray:
        props = phys.objectives().copy()
        heated = tables.heated[batch.proc]
        props[:, 2] = np.where(heated, props[:, 2] * self.ENERGY_FACTOR, props[:, 2])
        props[:, 3] = props[:, 3] * self.WATER_FACTOR
        k = (batch.idx != tables.n_items).sum(axis=1)
        props[:, 4] = np.where(k >= 2, props[:, 4] * self.CREW_FACTOR_MIXED, props[:, 4])
        cols = [j for j, m in enumerate(tables.material_ids) if m in self.thermoplastic]
        x = phys.material_frac
        solids = np.maximum(x.sum(axis=1), 1e-12)
        tp = x[:, cols].sum(axis=1) / solids if cols else np.zeros(len(batch))
        props[:, 0] = np.clip(props[:, 0] - self.THERMOPLASTIC_RIGIDITY * tp, 0.0, 1.0)
        melt_bound = tables.needs_melt[batch.proc]
        props[:, 1] = np.where(melt_bound, props[:, 1] * self.VOID_TIGHTNESS_FACTOR, props[:, 1])
        return props

    @staticmethod
    def describe() -> str:
        return " ".join((ShiftedReality.__doc__ or "").split())


# ------------------------------------------------------------------------------------ tables


def _rows(tables, batch, phys, mass, y, schema, provenance) -> LabRows:
    fb = build_features(tables, batch, phys, mass, schema)
    N = len(batch)
    return LabRows(
        fb.X,
        schema,
        phys.objectives(),
        y,
        np.array([tables.process_ids[p] for p in batch.proc], object),
        np.full(N, provenance, object),
        fb.unknown | fb.nonfinite,
    )


def make_lab_rows(
    catalog: Catalog,
    n_rows: int,
    seed: int,
    *,
    reality: ShiftedReality | None = None,
    ctx: RunContext | None = None,
    schema: FeatureSchema | None = None,
    progress_share: tuple[int, int] = (0, 100),
) -> LabRows:
    """``n_rows`` simulated trials (virtual lab, or the shifted reality when ``reality`` is given)."""
    ctx = ctx or NullContext()
    rng = np.random.default_rng([seed, 0x5EED, 1 if reality else 0])
    schema = schema or schema_for(tuple(catalog.materials), tuple(catalog.processes))
    base_items = list(catalog.default_inventory)
    proc_ids = list(catalog.processes)
    parts = []
    done = 0
    next_id = 0
    p0, p1 = progress_share
    while done < n_rows:
        ctx.check_cancelled()
        focus_proc = catalog.processes[proc_ids[int(rng.integers(len(proc_ids)))]]
        focus = [m for m in focus_proc.accepts if m != "*"]
        synth = _synthetic_items(catalog, rng, 16, next_id, focus)
        next_id += len(synth)
        items = base_items + synth
        tables = compile_tables(catalog, items)
        n = min(CHUNK, n_rows - done)
        batch = sample_batch(tables, rng, n)
        mass = _batch_mass(rng)
        phys = score_physics(tables, batch, mass)
        expected = reality.expected(tables, batch, phys) if reality is not None else phys.objectives()
        y = add_variability(tables, batch, phys, expected, rng)
        parts.append(_rows(tables, batch, phys, mass, y, schema, reality.name if reality else VIRTUAL_LAB))
        done += n
        ctx.progress(
            p0 + (p1 - p0) * done // max(n_rows, 1),
            100,
            msg("virtual lab: {done:,} of {n:,} trials", done=done, n=n_rows),
        )
    return LabRows.concat(parts)


def rows_from_records(
    records: Iterable[Mapping],
    items: Sequence[WasteItem],
    catalog: Catalog,
    schema: FeatureSchema | None = None,
    provenance: str = CREW_FEEDBACK,
    *,
    judged_weight: float = 0.0,
    skipped: list | None = None,
) -> tuple[LabRows | None, list[str]]:
    """Crew-feedback records in the training-table form: the recipe is re-scored with the physics
    model of ``catalog`` and turned into features by the same function as every other row.

    A record is ``{"recipe": {"items": [{"item_id", "fraction"}...], "regolith_frac", "process_id",
    "batch_mass_kg"}, "measured": {"rigidity": x, ...}, "judged": {"rigidity": x, ...},
    "provenance": "crew_feedback", "row_id": ...}``; properties not reported are left out (or None).
    ``measured`` values are labels with weight 1; ``judged`` ones (rigidity/tightness only) fill a
    property that has no measured value, with weight ``judged_weight`` (0: not used). Energy, water
    and crew time are per batch of the recipe's ``batch_mass_kg``, which is required. ``items``
    resolves the item ids (the crew's inventory). Returns the rows (``source`` = the record's
    ``row_id``) and one plain problem per record that could not be used; ``skipped``, when given,
    also receives ``{"row_id", "reason"}`` for each of them."""
    schema = schema or schema_for(tuple(catalog.materials), tuple(catalog.processes))
    tables = compile_tables(catalog, list(items))
    known_items = set(tables.item_ids)
    by_mass: dict[float, list] = {}
    problems: list[str] = []

    def skip(n: int, rec, reason: str) -> None:
        problems.append(msg("record {n}: {reason}", n=n, reason=reason))
        if skipped is not None:
            skipped.append({"row_id": (rec.get("row_id") if isinstance(rec, Mapping) else None), "reason": reason})

    for n, rec in enumerate(records, start=1):
        try:
            recipe, y, yj = _parse_record(rec)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            skip(n, rec, msg("malformed ({why})", why=type(exc).__name__))
            continue
        y, w = _labels(y, yj, judged_weight)
        reason = _record_problem(tables, known_items, recipe, y)
        if reason:
            skip(n, rec, reason)
            continue
        by_mass.setdefault(recipe.batch_mass_kg, []).append(
            (recipe, y, w, str(rec.get("provenance") or provenance), str(rec.get("row_id") or ""))
        )
    parts = []
    for mass, rows in by_mass.items():
        batch = from_recipes(tables, [r[0] for r in rows])
        phys = score_physics(tables, batch, mass)
        part = _rows(tables, batch, phys, mass, np.stack([r[1] for r in rows]), schema, provenance)
        part.provenance = np.array([r[3] for r in rows], object)
        part.weight = np.stack([r[2] for r in rows])
        part.source = np.array([r[4] for r in rows], object)
        parts.append(part)
    return (LabRows.concat(parts) if parts else None), problems


def _parse_record(rec) -> tuple[Recipe, np.ndarray, np.ndarray]:
    """A record's recipe, its measured values and its judged ones (NaN: not reported)."""
    r = rec["recipe"]
    its = tuple((str(i["item_id"]), float(i["fraction"])) for i in r["items"])
    recipe = Recipe(
        items=its,
        regolith_frac=float(r.get("regolith_frac", 0.0)),
        process_id=str(r["process_id"]),
        batch_mass_kg=_num(r.get("batch_mass_kg")),
    )
    meas = rec.get("measured") or {}
    y = np.array([_num(meas.get(k)) for k in PROPERTY_NAMES], float)
    judged = rec.get("judged") or {}
    yj = np.array([_num(judged.get(k)) if k in ("rigidity", "tightness") else np.nan for k in PROPERTY_NAMES], float)
    return recipe, y, yj


def _labels(y: np.ndarray, yj: np.ndarray, judged_weight: float) -> tuple[np.ndarray, np.ndarray]:
    """The labels and their weights: measured values at 1, judged ones at ``judged_weight`` where
    nothing was measured (not used at 0)."""
    w = np.where(np.isnan(y), 0.0, 1.0)
    if judged_weight > 0:
        fill = np.isnan(y) & ~np.isnan(yj)
        y = np.where(fill, yj, y)
        w = np.where(fill, judged_weight, w)
    return y, w


def _record_problem(tables: EngineTables, known_items: set, recipe: Recipe, y: np.ndarray) -> str | None:
    """Why a parsed record cannot be used (None: it can)."""
    mass = recipe.batch_mass_kg
    missing = [i for i, _ in recipe.items if i not in known_items]
    if missing:
        return msg("unknown item {item!r}", item=missing[0])
    if recipe.process_id not in tables.process_ids:
        return msg("unknown process {process!r}", process=recipe.process_id)
    if not (np.isfinite(mass) and mass > 0):
        return msg("no batch mass (energy, water and crew time are per batch)")
    if np.isnan(y).all():
        return msg("no measured property")
    if not (np.isnan(y) | (y >= 0)).all() or not (np.isnan(y[:2]) | (y[:2] <= 1)).all():
        return msg("a reported value is out of range")
    try:
        from_recipes(tables, [recipe])  # one bad recipe must not take its batch-mass group with it
    except (KeyError, ValueError) as exc:
        return msg("not a valid recipe ({why})", why=exc)
    return None


def _num(v) -> float:
    if v is None or v == "" or isinstance(v, bool):
        return float("nan")
    x = float(v)
    return x if np.isfinite(x) else float("nan")


# How much a crew *judgement* of rigidity or tightness counts as a training label, against 1 for a
# measurement (see records_from_feedback).
JUDGED_WEIGHT = 0.5


def _given(v) -> bool:
    """A reported number (not None, not NaN/inf, not text or a bool)."""
    try:
        return not np.isnan(_num(v))
    except (TypeError, ValueError):
        return False


def records_from_feedback(
    rows: Iterable[Mapping], accept_judged: bool = False, skipped: list | None = None
) -> list[dict]:
    """Training records (for :func:`rows_from_records`) from feedback-journal rows
    (``storage/feedback_schema.py``). The mapping, one reported quantity -> one label of the same
    property, nothing else:

    * ``rigidity`` / ``tightness`` with ``*_method`` "measured" -> ``measured``; with "judged" ->
      ``judged`` (only when ``accept_judged``; a judgement is not a measurement: rows_from_records
      gives it a lower weight, and only where the property has no measured value). When a recipe
      has a measured value of a property in any row, its judged values of that property are dropped.
    * ``energy_kwh``, ``water_l``, ``crew_min`` -> ``measured``: what the batch actually took, per
      batch of the recipe's ``batch_mass_kg``.
    * ``passed``, ``notes``, ``product_mass_kg``, ``who``, the ``*_how`` texts are never labels
      (pass/fail is not a tightness, "easy to make" is not anything): kept in the record as metadata
      (``passed``, ``product_mass_kg``).

    Rows without any usable value are left out; ``skipped``, when given, receives
    ``{"row_id", "reason"}`` for each of them."""
    rows = list(rows)
    measured_somewhere: set[tuple[str, str]] = set()
    for row in rows:
        for name in ("rigidity", "tightness"):
            if _given(row.get(name)) and row.get(f"{name}_method") == "measured":
                measured_somewhere.add((str(row.get("recipe_id") or ""), name))
    out = []
    for row in rows:
        rid = row.get("row_id")
        recipe = row.get("recipe_json")
        if isinstance(recipe, str):
            try:
                recipe = json.loads(recipe)
            except ValueError:
                recipe = None
        if not isinstance(recipe, Mapping):
            if skipped is not None:
                skipped.append({"row_id": rid, "reason": "the recipe cannot be read"})
            continue
        recipe_id = str(row.get("recipe_id") or recipe.get("id") or "")
        measured, judged = {}, {}
        for name in ("rigidity", "tightness"):
            v = row.get(name)
            if not _given(v):
                continue
            if row.get(f"{name}_method") == "measured":
                measured[name] = v
            elif accept_judged and (recipe_id, name) not in measured_somewhere:
                judged[name] = v
        for name in ("energy_kwh", "water_l", "crew_min"):
            if _given(row.get(name)):
                measured[name] = row.get(name)
        if not measured and not judged:
            if skipped is not None:
                skipped.append({"row_id": rid, "reason": _no_label_reason(row, accept_judged)})
            continue
        rec = {
            "recipe": recipe,
            "measured": measured,
            "provenance": CREW_FEEDBACK,
            "row_id": rid,
            "recipe_id": recipe_id,
            "passed": row.get("passed"),
            "product_mass_kg": row.get("product_mass_kg"),
        }
        if judged:
            rec["judged"] = judged
        out.append(rec)
    return out


def _no_label_reason(row: Mapping, accept_judged: bool) -> str:
    """Why a feedback row gave no training label."""
    only_judged = any(_given(row.get(n)) for n in ("rigidity", "tightness"))
    if only_judged and accept_judged:
        return "it only has judged values, and a measured value of the same recipe replaces them"
    if only_judged:
        return "it only has judged values (not used)"
    return "nothing it reports is a model target (pass/fail, notes and product mass are kept as metadata only)"


_FINGERPRINTS: dict = {}


def physics_fingerprint(catalog: Catalog) -> str:
    """sha256 of the physics model's outputs on a fixed probe of recipes (default inventory, three
    batch sizes), rounded to 6 significant digits. A bundle records it when trained: a different value
    later means the physics model or the datasets changed and the bundle's corrections may be stale."""
    key = id(catalog)
    if key in _FINGERPRINTS:
        return _FINGERPRINTS[key]
    tables = compile_tables(catalog, list(catalog.default_inventory))
    batch = sample_batch(tables, np.random.default_rng(20250101), 256)
    parts = []
    for mass in (0.5, 3.0, 40.0):
        ph = score_physics(tables, batch, mass)
        parts.append(np.column_stack([ph.objectives(), ph.porosity, ph.melt_fraction, ph.modulus_gpa, ph.feed_kg]))
    arr = np.concatenate(parts).ravel()
    text = ",".join("nan" if not np.isfinite(v) else f"{v:.6g}" for v in arr)
    h = hashlib.sha256(("|".join(tables.process_ids) + "|" + "|".join(tables.material_ids) + "|" + text).encode())
    _FINGERPRINTS[key] = h.hexdigest()
    return _FINGERPRINTS[key]
