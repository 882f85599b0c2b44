"""The one batch scorer both search modes call: physics, then (when a model is active) ML, then the
caller vets. A scorer takes a :class:`RecipeBatch` and returns :class:`Scores`.

The physics-only scorer gives each property a 95% band from the assumed process variability in
``datasets/process_variability.csv`` (+-1.96 standard deviations). That band is an assumption, not a
calibrated interval; the trained model replaces it with conformal intervals whose coverage is
measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from spacetrash_desktop.domain import ModelInfo
from spacetrash_desktop.engine.physics import PhysicsResult, score_physics
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.tables import DEFAULT_VARIABILITY, EngineTables

Z95 = 1.959963984540054

__all__ = ["DEFAULT_VARIABILITY", "Z95", "PhysicsScorer", "Scorer", "Scores", "load_variability", "physics_band"]


@dataclass
class Scores:
    phys: PhysicsResult
    props: np.ndarray  # [N,5] final predicted properties (domain.PROPERTIES order)
    lo: np.ndarray  # [N,5] 95% interval low
    hi: np.ndarray  # [N,5] 95% interval high
    ood: np.ndarray  # [N] bool: far from the model's training data
    contributions: np.ndarray | None = None  # optional [N,5,F] explanations (computed on demand)


class Scorer(Protocol):
    info: ModelInfo

    def score(self, tables: EngineTables, batch: RecipeBatch, batch_mass_kg: float) -> Scores: ...


def load_variability(tables: EngineTables) -> np.ndarray:
    """[P,5]: sd of rigidity and tightness (index units), relative sd of energy, water, crew.

    The figures come from ``datasets/process_variability.csv``, read by the catalog and compiled
    into the tables (:data:`DEFAULT_VARIABILITY` for a process without a row); a fresh copy."""
    return tables.variability.copy()


def physics_band(
    tables: EngineTables, batch: RecipeBatch, props: np.ndarray, variability: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    sd = variability[batch.proc]  # [N,5]
    half = np.empty_like(props)
    half[:, :2] = Z95 * sd[:, :2]
    half[:, 2:] = Z95 * sd[:, 2:] * np.abs(props[:, 2:])
    lo = props - half
    hi = props + half
    lo[:, :2] = np.clip(lo[:, :2], 0.0, 1.0)
    hi[:, :2] = np.clip(hi[:, :2], 0.0, 1.0)
    lo[:, 2:] = np.maximum(lo[:, 2:], 0.0)
    return lo, hi


class PhysicsScorer:
    """Physics model only (the fallback when no trained model is usable)."""

    def __init__(self, info: ModelInfo | None = None):
        self.info = info or ModelInfo()

    def score(self, tables: EngineTables, batch: RecipeBatch, batch_mass_kg: float) -> Scores:
        phys = score_physics(tables, batch, batch_mass_kg)
        props = phys.objectives()
        lo, hi = physics_band(tables, batch, props, tables.variability)
        return Scores(phys=phys, props=props, lo=lo, hi=hi, ood=np.zeros(len(batch), bool))
