"""The engine scorer built on a loaded bundle: physics first, then the feature function, then the
models (batched ``inplace_predict`` on float32 C-contiguous arrays), intervals and the OOD flag.
Vetting runs after, in the caller, and is never overridden."""

from __future__ import annotations

import threading

import numpy as np

from spacetrash_desktop.domain import ModelInfo
from spacetrash_desktop.engine.physics import score_physics
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.scorer import Scores
from spacetrash_desktop.engine.tables import EngineTables
from spacetrash_desktop.ml.features import build_features
from spacetrash_desktop.ml.model import Ensemble


class MLScorer:
    """Implements :class:`engine.scorer.Scorer` with a verified, loaded ensemble."""

    def __init__(self, ensemble: Ensemble, info: ModelInfo):
        self.ensemble = ensemble
        self.info = info
        self._maps: dict = {}
        self._lock = threading.Lock()

    def _tables_maps(self, tables: EngineTables) -> tuple[np.ndarray, np.ndarray]:
        """Per catalog layout: structural zeros and conformal quantiles per process [P,5]."""
        key = tables.process_ids
        with self._lock:
            m = self._maps.get(key)
            if m is None:
                if len(self._maps) > 16:
                    self._maps.clear()
                m = self._maps[key] = (
                    self.ensemble.zero_mask(tables.process_ids),
                    self.ensemble.q_matrix(tables.process_ids),
                )
        return m

    def score(self, tables: EngineTables, batch: RecipeBatch, batch_mass_kg: float) -> Scores:
        phys = score_physics(tables, batch, batch_mass_kg)
        P = phys.objectives()
        fb = build_features(tables, batch, phys, batch_mass_kg, self.ensemble.schema)
        zero, q = self._tables_maps(tables)
        proc = np.asarray(batch.proc, np.intp)
        pred = self.ensemble.predict(fb.X, P, zero=zero[proc], flagged=fb.unknown | fb.nonfinite, q=q[proc])
        return Scores(phys=phys, props=pred.props, lo=pred.lo, hi=pred.hi, ood=pred.ood)
