"""Recipes as arrays (the engine's hot-path form) and as frozen :class:`Recipe` objects.

A batch of N recipes is four arrays:

* ``idx``  int32 [N, 4]: inventory item indices, ``n`` (the padding row) for an empty slot;
* ``frac`` float [N, 4]: mass fraction of each item in the *waste* part of the feed (sums to 1);
* ``reg``  float [N]: regolith mass fraction of the whole feed;
* ``proc`` int32 [N]: process index.

Slots are kept sorted by item index with padding last, so one recipe has one encoding and duplicate
detection is a row comparison.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.engine.tables import MAX_SLOTS, EngineTables


@dataclass
class RecipeBatch:
    idx: np.ndarray
    frac: np.ndarray
    reg: np.ndarray
    proc: np.ndarray

    def __len__(self) -> int:
        return int(self.idx.shape[0])

    def take(self, sel) -> RecipeBatch:
        return RecipeBatch(self.idx[sel], self.frac[sel], self.reg[sel], self.proc[sel])

    @staticmethod
    def concat(batches: list[RecipeBatch]) -> RecipeBatch:
        if not batches:
            return RecipeBatch(
                np.zeros((0, MAX_SLOTS), np.int32), np.zeros((0, MAX_SLOTS)), np.zeros(0), np.zeros(0, np.int32)
            )
        return RecipeBatch(
            np.concatenate([b.idx for b in batches]),
            np.concatenate([b.frac for b in batches]),
            np.concatenate([b.reg for b in batches]),
            np.concatenate([b.proc for b in batches]),
        )

    def canonical(self, pad: int) -> RecipeBatch:
        """Merge duplicate items, drop zero fractions, sort slots, renormalise fractions."""
        idx = self.idx.copy()
        frac = self.frac.copy()
        idx[frac <= 0] = pad
        frac[idx == pad] = 0.0
        order = np.argsort(idx, axis=1, kind="stable")
        idx = np.take_along_axis(idx, order, 1)
        frac = np.take_along_axis(frac, order, 1)
        for k in range(1, MAX_SLOTS):  # merge a run of equal items into its last slot
            same = (idx[:, k] == idx[:, k - 1]) & (idx[:, k] != pad)
            frac[same, k] += frac[same, k - 1]
            frac[same, k - 1] = 0.0
            idx[same, k - 1] = pad
        order = np.argsort(idx, axis=1, kind="stable")
        idx = np.take_along_axis(idx, order, 1).astype(np.int32)
        frac = np.take_along_axis(frac, order, 1)
        s = frac.sum(axis=1, keepdims=True)
        s[s == 0] = 1.0
        return RecipeBatch(idx, frac / s, self.reg.astype(float), self.proc.astype(np.int32))

    def keys(self, decimals: int = 4) -> np.ndarray:
        """A hashable byte key per recipe (for de-duplication)."""
        arr = np.concatenate(
            [
                self.idx.astype(np.float64),
                np.round(self.frac, decimals),
                np.round(self.reg[:, None], decimals),
                self.proc[:, None].astype(np.float64),
            ],
            axis=1,
        )
        return np.ascontiguousarray(arr).view(np.dtype((np.void, arr.dtype.itemsize * arr.shape[1]))).ravel()


def from_recipes(tables: EngineTables, recipes: list[Recipe]) -> RecipeBatch:
    """Encode Recipe objects (unknown item or process ids raise KeyError with the id)."""
    pad = tables.n_items
    pos = {iid: i for i, iid in enumerate(tables.item_ids)}
    N = len(recipes)
    idx = np.full((N, MAX_SLOTS), pad, np.int32)
    frac = np.zeros((N, MAX_SLOTS))
    reg = np.zeros(N)
    proc = np.zeros(N, np.int32)
    for r, rec in enumerate(recipes):
        if not 1 <= len(rec.items) <= MAX_SLOTS:
            raise ValueError(f"a recipe needs 1 to {MAX_SLOTS} items, got {len(rec.items)}")
        for k, (iid, f) in enumerate(rec.items):
            idx[r, k] = pos[iid]
            frac[r, k] = f
        reg[r] = rec.regolith_frac
        proc[r] = tables.process_index(rec.process_id)
    return RecipeBatch(idx, frac, reg, proc).canonical(pad)
