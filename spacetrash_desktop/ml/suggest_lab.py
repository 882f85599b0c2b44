"""Simulated realities and a fast retrain for ``spacetrash bench learn`` (benchmark only; nothing
here is in a shipped bundle).

**Realities** (each with ``expected(tables, batch, phys) -> [N, 5]`` like
:class:`ml.virtual_lab.ShiftedReality`, whose behaviour is unchanged and which is the first kind):

* ``shifted``: :class:`ShiftedReality` (energy of heated processes x1.5, recycled thermoplastics
  weaker, melt-bound products less tight, water x1.3, mixes take more crew time);
* ``process``: one process (chosen by the seed among the candidate recipes' processes) departs:
  tightness - 0.15, energy x 1.4, crew time x 1.3 (a machine that behaves unlike its datasheet);
* ``material``: one material (chosen by the seed among the candidates' materials) departs in
  proportion to its share of the feed: rigidity - 0.25 x share, tightness x (1 - 0.4 x share)
  (a waste stream that is more degraded than its catalog entry);
* ``local``: one to three recipe **families** (process + main material, the families the model's
  offsets learn: :func:`recipe_families`) chosen by the seed uniformly among the families of the
  search's front recipes - what the crew would actually make - not in proportion to how many
  candidates they hold, and together holding at most ``LOCAL_MAX_SHARE`` (40%) of the candidates (a
  local departure concerns a minority of them); a family needs ``LOCAL_MIN_CANDIDATES`` (2)
  candidates, so that one is left to hold out once one was tried. Each departs with a strength
  ``u`` drawn in [0.75, 1.25]: rigidity - 0.15 u, tightness - 0.15 u, energy x (1 + 0.4 u), crew
  time x (1 + 0.3 u) (a blend whose main material binds and flows worse in that machine than
  modelled). Every other recipe is exactly physics.

**Fast retrain**: stage 1 (the virtual-lab prior) is fitted once; each retrain refits only what the
feedback teaches - the stage-2 correction (from 20 rows of a property) and the family
offsets (from the first row) - through ``ml.train.fit_feedback_stages``, the same function the app's
retrain runs, with fewer rounds and folds. Intervals are not recalibrated on the feedback (the app
does that from 40 measured rows). Stage 1 is identical with or without feedback in the app too (docs/ML.md),
so this is the app's model, trained faster.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np

from spacetrash_desktop.catalog.datasets import Catalog
from spacetrash_desktop.engine.physics import PhysicsResult
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.tables import EngineTables
from spacetrash_desktop.ml.model import Ensemble
from spacetrash_desktop.ml.offsets import family_keys
from spacetrash_desktop.ml.train import TrainConfig, fit_feedback_stages
from spacetrash_desktop.ml.virtual_lab import LabRows, ShiftedReality

REALITY_KINDS = ("shifted", "process", "material", "local")
LOCAL_MIN_CANDIDATES = 2  # a local reality's family holds at least this many candidates
LOCAL_MAX_SHARE = 0.4  # and its families together at most this share of the candidates


class ProcessDeparture:
    """One process behaves unlike its datasheet (see the module doc)."""

    TIGHTNESS_DROP = 0.15
    ENERGY_FACTOR = 1.4
    CREW_FACTOR = 1.3

    def __init__(self, process_id: str):
        self.process_id = process_id
        self.name = f"process departure ({process_id})"

    def expected(self, tables: EngineTables, batch: RecipeBatch, phys: PhysicsResult) -> np.ndarray:
        props = phys.objectives().copy()
        hit = np.array([tables.process_ids[p] == self.process_id for p in batch.proc])
        props[hit, 1] = np.clip(props[hit, 1] - self.TIGHTNESS_DROP, 0.0, 1.0)
        props[hit, 2] *= self.ENERGY_FACTOR
        props[hit, 4] *= self.CREW_FACTOR
        return props


class MaterialDeparture:
    """One material is more degraded than its catalog entry (see the module doc)."""

    RIGIDITY_DROP = 0.25
    TIGHTNESS_LOSS = 0.4

    def __init__(self, material_id: str):
        self.material_id = material_id
        self.name = f"material departure ({material_id})"

    def expected(self, tables: EngineTables, batch: RecipeBatch, phys: PhysicsResult) -> np.ndarray:
        props = phys.objectives().copy()
        if self.material_id not in tables.material_ids:
            return props
        j = list(tables.material_ids).index(self.material_id)
        x = phys.material_frac
        share = x[:, j] / np.maximum(x.sum(axis=1), 1e-12)
        props[:, 0] = np.clip(props[:, 0] - self.RIGIDITY_DROP * share, 0.0, 1.0)
        props[:, 1] = np.clip(props[:, 1] * (1.0 - self.TIGHTNESS_LOSS * share), 0.0, 1.0)
        return props


def recipe_families(tables: EngineTables, batch: RecipeBatch, phys: PhysicsResult) -> np.ndarray:
    """[N] each recipe's family key ``"process|main material"`` (the material with the largest share
    of the feed, regolith included): the key of ``ml.offsets.family_keys`` for the same recipes."""
    procs = [tables.process_ids[p] for p in batch.proc]
    mats = np.asarray(tables.material_ids, object)[np.argmax(phys.material_frac, axis=1)]
    return family_keys(procs, mats)


class LocalDeparture:
    """A few recipe families behave unlike the physics model (see the module doc)."""

    RIGIDITY_DROP = 0.15
    TIGHTNESS_DROP = 0.15
    ENERGY_RISE = 0.4
    CREW_RISE = 0.3
    STRENGTH = (0.75, 1.25)  # the range of a family's strength u

    def __init__(self, strengths: Mapping[str, float]):
        self.strengths = dict(strengths)  # family key -> u
        self.name = f"local departure ({', '.join(sorted(self.strengths))})"

    def expected(self, tables: EngineTables, batch: RecipeBatch, phys: PhysicsResult) -> np.ndarray:
        props = phys.objectives().copy()
        u = np.array([self.strengths.get(f, 0.0) for f in recipe_families(tables, batch, phys)])
        hit = u > 0
        props[hit, 0] = np.clip(props[hit, 0] - self.RIGIDITY_DROP * u[hit], 0.0, 1.0)
        props[hit, 1] = np.clip(props[hit, 1] - self.TIGHTNESS_DROP * u[hit], 0.0, 1.0)
        props[hit, 2] *= 1.0 + self.ENERGY_RISE * u[hit]
        props[hit, 4] *= 1.0 + self.CREW_RISE * u[hit]
        return props


def local_families(families: Mapping[str, int], front: Collection[str]) -> list[str]:
    """The families a local reality may choose (sorted): those of ``front`` (the families of the
    front recipes) holding from LOCAL_MIN_CANDIDATES candidates to LOCAL_MAX_SHARE of all of them
    (``families``: every family's number of candidates)."""
    total = sum(families.values())
    return sorted(f for f in set(front) if LOCAL_MIN_CANDIDATES <= families.get(f, 0) <= LOCAL_MAX_SHARE * total)


def make_reality(
    kind: str,
    catalog: Catalog,
    seed: int,
    processes: dict[str, float],
    materials: dict[str, float],
    families: Mapping[str, int] | None = None,
    front: Collection[str] = (),
):
    """A reality of ``kind`` (REALITY_KINDS); the departing process / material chosen by ``seed``
    among those the candidate recipes use, with a chance proportional to its weight (how many
    candidates use the process; the material's total share of the candidates' feed), so that the
    departure concerns the recipes the crew is choosing between. ``local``: one to three of the
    :func:`local_families` of ``families`` (every candidate family, :func:`recipe_families`, and
    its number of candidates) and ``front`` (the front recipes' families), uniformly, together
    within LOCAL_MAX_SHARE of the candidates."""
    rng = np.random.default_rng([seed, 0x1EA2])

    def draw(weights: dict[str, float]) -> str:
        keys = sorted(weights)
        p = np.array([max(weights[k], 0.0) for k in keys], float)
        return keys[int(rng.choice(len(keys), p=p / p.sum()))]

    if kind == "shifted":
        return ShiftedReality(catalog)
    if kind == "process":
        return ProcessDeparture(draw(processes))
    if kind == "material":
        return MaterialDeparture(draw(materials))
    if kind == "local":
        counts = dict(families or {})
        fams = local_families(counts, front)
        if not fams:
            raise ValueError("a local reality needs a front family of a minority of the candidates")
        k = int(rng.integers(1, 4))
        chosen: list[str] = []
        for i in rng.permutation(len(fams)):
            f = fams[int(i)]
            if len(chosen) < k and sum(counts[c] for c in chosen) + counts[f] <= LOCAL_MAX_SHARE * sum(counts.values()):
                chosen.append(f)
        return LocalDeparture({f: float(rng.uniform(*LocalDeparture.STRENGTH)) for f in chosen})
    raise ValueError(f"unknown reality {kind!r}")


@dataclass
class FastRetrainer:
    """Stage-2 refits over a fixed stage-1 ensemble (see the module doc)."""

    base: Ensemble
    anchors: LabRows  # virtual-lab rows standing for the validation split (correction target 0)
    cfg: TrainConfig
    seed: int = 0

    def retrain(self, feedback: LabRows) -> Ensemble:
        """A copy of the base ensemble with what ``feedback`` teaches: stages 2 and 3 through
        :func:`ml.train.fit_feedback_stages`, the function the app's retrain runs."""
        ens = copy.copy(self.base)
        if feedback is None or len(feedback) == 0:
            return ens
        rows = LabRows.concat([self.anchors, feedback])
        Xi = self.base.prepare(rows.X)
        is_fb = np.zeros(len(rows), bool)
        is_fb[len(self.anchors) :] = True
        return fit_feedback_stages(self.base, rows, Xi, is_fb, ~is_fb, self.cfg, self.seed).apply(ens)
