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

import moocore
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


class FrontNormaliser:
    """Benchmark protocol (perf_anchors.md): minimisation objectives scaled to [0, 1] by the ideal
    and nadir points of a reference front; reference point 1.1."""

    def __init__(self, reference_props: np.ndarray):
        f = to_minimisation(np.asarray(reference_props, float))
        f = f[nondominated_mask(f)]
        self.ideal = f.min(axis=0)
        self.nadir = f.max(axis=0)
        self.span = np.where(self.nadir - self.ideal > 1e-12, self.nadir - self.ideal, 1.0)

    def __call__(self, props: np.ndarray) -> np.ndarray:
        return (to_minimisation(np.asarray(props, float)) - self.ideal) / self.span

    def hv(self, props: np.ndarray) -> float:
        if len(props) == 0:
            return 0.0
        return hypervolume(self(props))


def nondominated_mask(f: np.ndarray) -> np.ndarray:
    """True for rows of ``f`` (minimised) that no other row dominates. Duplicates are all kept."""
    if len(f) == 0:
        return np.zeros(0, bool)
    return np.asarray(moocore.is_nondominated(np.asarray(f, float), keep_weakly=True), bool)


def thin_front(props: np.ndarray, target: Target, eps: float = 0.002) -> np.ndarray:
    """Indices of a representative subset of a front (epsilon-box thinning).

    Objectives are normalised by the target's bounds and cut into boxes of side ``eps``; one recipe
    per box is kept (the one closest to the box's best corner), then only boxes no other box
    dominates. Every dropped recipe is within ``eps`` of the target's range, in every objective, of
    a kept one; a 5-objective front of thousands of near-identical recipes shrinks to hundreds of
    distinct choices for the crew."""
    if len(props) == 0:
        return np.zeros(0, int)
    z = normalise_for_target(np.asarray(props, float), target)
    boxes = np.floor(z / eps)
    d = np.linalg.norm(z - boxes * eps, axis=1)
    order = np.lexsort((d,) + tuple(boxes.T[::-1]))
    b = boxes[order]
    first = np.ones(len(b), bool)
    first[1:] = (b[1:] != b[:-1]).any(axis=1)
    keep = order[first]
    keep = keep[nondominated_mask(boxes[keep])]
    return np.sort(keep)


def pareto_ranks(f: np.ndarray) -> np.ndarray:
    """1 for the front, 2 for the front of the rest, ..."""
    if len(f) == 0:
        return np.zeros(0, int)
    return np.asarray(moocore.pareto_rank(np.asarray(f, float)), int) + 1


def hypervolume(norm: np.ndarray, ref: float = HV_REFERENCE) -> float:
    """Exact hypervolume of normalised points (points outside the reference box are ignored)."""
    if len(norm) == 0:
        return 0.0
    pts = np.asarray(norm, float)
    pts = pts[(pts < ref).all(axis=1)]
    if len(pts) == 0:
        return 0.0
    return float(moocore.hypervolume(pts, ref=np.full(pts.shape[1], ref)))


def _dominance(a: np.ndarray, b: np.ndarray, block: int = 4096):
    """For every pair (i in a, j in b): ``le[i,j]`` = a_i <= b_j in every objective, ``lt[i,j]`` = a_i
    < b_j in at least one. Computed one objective at a time so memory stays |a| x |b| booleans."""
    le = np.ones((len(a), len(b)), bool)
    lt = np.zeros((len(a), len(b)), bool)
    for k in range(a.shape[1]):
        ak = a[:, k][:, None]
        bk = b[:, k][None, :]
        le &= ak <= bk
        lt |= ak < bk
    return le, lt


class ParetoArchive:
    """Non-dominated archive of feasible recipes, updated after every batch.

    Holds row references (``payload``, ints) alongside the minimisation objectives; of several
    recipes with the same objective vector the archive keeps the one with the higher preference
    score (more problematic waste used up). Each update costs O(|archive| x |new front|), not a
    full re-sort of the archive.
    """

    def __init__(self):
        self.f = np.zeros((0, 5))
        self.pref = np.zeros(0)
        self._payload = np.zeros(0, np.int64)
        self.version = 0

    @property
    def payload(self) -> list[int]:
        return self._payload.tolist()

    @payload.setter
    def payload(self, values) -> None:
        self._payload = np.asarray(values, np.int64)

    def __len__(self) -> int:
        return len(self._payload)

    def update(self, f: np.ndarray, pref: np.ndarray, payload) -> int:
        """Merge candidates; return how many of them entered the front."""
        if len(f) == 0:
            return 0
        f = np.round(np.asarray(f, float), 10)  # float noise must not make twins look different
        pref = np.asarray(pref, float)
        payload = np.asarray(payload, np.int64)
        keep = nondominated_mask(f)  # only the batch's own front can enter
        f, pref, payload = f[keep], pref[keep], payload[keep]
        # duplicates inside the batch: keep the highest preference
        order = np.lexsort((-pref,) + tuple(np.round(f, 12).T[::-1]))
        fr = np.round(f[order], 12)
        first = np.ones(len(order), bool)
        first[1:] = (fr[1:] != fr[:-1]).any(axis=1)
        sel = order[first]
        f, pref, payload = f[sel], pref[sel], payload[sel]
        if len(self.f):
            le, lt = _dominance(self.f, f)  # archive vs new
            equal = le & ~lt
            beaten_by_archive = (le & lt).any(axis=0)
            # an equal archive entry wins unless the new one uses more problematic waste
            eq_wins = (equal & (self.pref[:, None] >= pref[None, :] - 1e-12)).any(axis=0)
            enter = ~(beaten_by_archive | eq_wins)
            if not enter.any():
                return 0
            f, pref, payload = f[enter], pref[enter], payload[enter]
            le2, lt2 = _dominance(f, self.f)  # new vs archive
            gone = ((le2 & lt2) | (le2 & ~lt2)).any(axis=0)
            self.f = np.concatenate([self.f[~gone], f])
            self.pref = np.concatenate([self.pref[~gone], pref])
            self._payload = np.concatenate([self._payload[~gone], payload])
        else:
            self.f, self.pref, self._payload = f, pref, payload
        self.version += 1
        return len(payload)
