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
  (a waste stream that is more degraded than its catalog entry).

**Fast retrain**: stage 1 (the virtual-lab prior) is fitted once; each retrain refits only what the
feedback teaches - the stage-2 correction (from 20 rows of a property) and the family
offsets (from the first row) - through ``ml.train.fit_feedback_stages``, the same function the app's
retrain runs, with fewer rounds and folds. Intervals are not recalibrated on the feedback (the app
does that from 40 measured rows). Stage 1 is identical with or without feedback in the app too (docs/ML.md),
so this is the app's model, trained faster.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from spacetrash_desktop.catalog.datasets import Catalog
from spacetrash_desktop.engine.physics import PhysicsResult
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.tables import EngineTables
from spacetrash_desktop.ml.model import Ensemble
from spacetrash_desktop.ml.train import TrainConfig, fit_feedback_stages
from spacetrash_desktop.ml.virtual_lab import LabRows, ShiftedReality

REALITY_KINDS = ("shifted", "process", "material")


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


def make_reality(kind: str, catalog: Catalog, seed: int, processes: dict[str, float], materials: dict[str, float]):
    """A reality of ``kind`` (REALITY_KINDS); the departing process / material chosen by ``seed``
    among those the candidate recipes use, with a chance proportional to its weight (how many
    candidates use the process; the material's total share of the candidates' feed), so that the
    departure concerns the recipes the crew is choosing between."""
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
