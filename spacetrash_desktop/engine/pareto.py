"""Pareto dominance, ranks and exact hypervolume for the 5-objective front.

Objectives are minimised internally: ``[-rigidity, -tightness, energy, water, crew]``. For
hypervolume they are normalised with fixed bounds taken from the target (rigidity and tightness
from the target's minimum to 1, energy/water/crew from 0 to the cap), so every feasible recipe lies
in the unit cube whatever algorithm found it, and the reference point is 1.1 in every coordinate.

Non-dominated filtering, ranks and exact hypervolume use ``moocore`` (C implementations of the
standard algorithms: ~1 ms for a 900-point 5-D front on this machine). It is small (2.7 MB) and
maintained by the authors of the reference hypervolume codes, which is why it earns its place over
writing WFG ourselves.
"""

from __future__ import annotations

import numpy as np

from spacetrash_desktop.domain import Target

HV_REFERENCE = 1.1


def to_minimisation(props: np.ndarray) -> np.ndarray:
    """[N,5] properties -> [N,5] minimisation objectives."""
    f = np.array(props, dtype=float, copy=True)
    f[:, 0] = -f[:, 0]
    f[:, 1] = -f[:, 1]
    return f


def normalise_for_target(props: np.ndarray, target: Target) -> np.ndarray:
    """Feasible recipes map into [0, 1]^5 (0 best); the reference point is 1.1."""
    lo_r, lo_t = target.rigidity_min, target.tightness_min
    out = np.empty((len(props), 5))
    out[:, 0] = (1.0 - props[:, 0]) / max(1.0 - lo_r, 1e-6)
    out[:, 1] = (1.0 - props[:, 1]) / max(1.0 - lo_t, 1e-6)
    out[:, 2] = props[:, 2] / max(target.max_energy_kwh, 1e-6)
    out[:, 3] = props[:, 3] / max(target.max_water_l, 1e-3)
    out[:, 4] = props[:, 4] / max(target.max_crew_min, 1e-6)
    return out


def nondominated_mask(f: np.ndarray) -> np.ndarray:
    """True for rows of ``f`` (minimised) that no other row dominates. Duplicates are all kept."""
    if len(f) == 0:
        return np.zeros(0, bool)
    import moocore

    return np.asarray(moocore.is_nondominated(np.asarray(f, float), keep_weakly=True), bool)


def pareto_ranks(f: np.ndarray) -> np.ndarray:
    """1 for the front, 2 for the front of the rest, ..."""
    if len(f) == 0:
        return np.zeros(0, int)
    import moocore

    return np.asarray(moocore.pareto_rank(np.asarray(f, float)), int) + 1


def hypervolume(norm: np.ndarray, ref: float = HV_REFERENCE) -> float:
    """Exact hypervolume of normalised points (points outside the reference box are ignored)."""
    if len(norm) == 0:
        return 0.0
    pts = np.asarray(norm, float)
    pts = pts[(pts < ref).all(axis=1)]
    if len(pts) == 0:
        return 0.0
    import moocore

    return float(moocore.hypervolume(pts, ref=np.full(pts.shape[1], ref)))


class ParetoArchive:
    """Non-dominated archive of feasible recipes, updated after every batch.

    Holds row references (``payload``) alongside the minimisation objectives; duplicates in
    objective space keep the entry with the higher preference score (problematic waste used up).
    """

    def __init__(self):
        self.f = np.zeros((0, 5))
        self.pref = np.zeros(0)
        self.payload: list = []
        self.version = 0

    def __len__(self) -> int:
        return len(self.payload)

    def update(self, f: np.ndarray, pref: np.ndarray, payload: list) -> int:
        """Merge candidates; return how many of them entered the front."""
        if len(f) == 0:
            return 0
        f = np.asarray(f, float)
        # cheap pre-filter: only the batch's own non-dominated rows can enter
        keep = nondominated_mask(f)
        f, pref = f[keep], np.asarray(pref)[keep]
        payload = [p for p, k in zip(payload, keep) if k]
        allf = np.concatenate([self.f, f])
        allp = np.concatenate([self.pref, pref])
        allpay = self.payload + payload
        nd = nondominated_mask(allf)
        idx = np.where(nd)[0]
        # de-duplicate equal objective vectors, preferring the higher preference score
        rounded = np.round(allf[idx], 9)
        order = np.lexsort((-allp[idx],) + tuple(rounded.T[::-1]))
        idx_sorted = idx[order]
        r_sorted = rounded[order]
        first = np.ones(len(idx_sorted), bool)
        first[1:] = (r_sorted[1:] != r_sorted[:-1]).any(axis=1)
        idx = np.sort(idx_sorted[first])
        n_old = len(self.payload)
        entered = int((idx >= n_old).sum())
        self.f = allf[idx]
        self.pref = allp[idx]
        self.payload = [allpay[i] for i in idx]
        if entered:
            self.version += 1
        return entered
