"""Suggested trials: which recipe the crew should make next to teach the model most per kg of stock,
kWh and crew minute (docs/TRIALS.md states the method and its assumptions).

Plain numpy over :class:`Option` rows (a feasible recipe with the model's value and calibrated 95%
interval per property, what one batch costs, and how much the crew's decisions depend on it):

* **Similarity** of two recipes: 0 for different processes, else ``1 -`` the total-variation distance
  of their material compositions (dry material per kg of feed, regolith included: the model's
  ``mat:`` features, and the measure of the stage-2 correction's anchors in ``ml/train.py``).
* **Family similarity** (what a report teaches): the similarity within one family of the model's
  offsets - process + main material, the largest share of the composition (``ml/offsets.py``) - and
  0 across families: a report moves its own family's offset and, through the process level, its
  process's recipes, not a recipe of another main material however close its composition.
* **Information** at a recipe: ``n = sum_f s_family(recipe, f)^2`` over the feedback rows ``f``
  already in the journal (measured values only count where they were reported).
* **Trial interval** (the uncertainty feedback narrows): the model's calibrated half-width times
  ``sqrt(N0 / (N0 + n))`` with a prior worth ``N0`` = 1 trial (an assumption: before any report
  the model's interval is as uncertain as one trial's scatter).
* **Expected gain** of a trial at ``c``: the drop in decision-weighted variance over the recipes of
  interest (the front and the recommended recipe), ``sum_j w_j sum_k d_jk h_jk^2 (1/(N0+n_j) -
  1/(N0+n_j+s_family(j,c)^2)) N0``, where ``h`` is the half-width over the property's scale and
  ``d`` is larger when the value sits near its target limit.
* **Cost**: the trial's kWh, crew minutes and kg of stock, each against its budget (or the median
  option when no budget is given), averaged.
* **Batch**: greedy by gain / cost; each chosen trial is counted as if reported (its neighbours' ``n``
  grows), one trial per family (process + main items) and none within ``NEAR_DUPLICATE`` similarity
  of another, the stock and the trial budget never exceeded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from spacetrash_desktop.domain import PROPERTY_NAMES, Recipe, Target, WasteItem
from spacetrash_desktop.engine.tables import REGOLITH_ID
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml.offsets import PROCESS_SHARE  # the model's split of a departure (process / family)

PRIOR_TRIALS = 1.0  # N0: what the model's interval is worth, in trials (assumption)
MAIN_ITEM_SHARE = 0.2  # an item with at least this share of the waste part is a "main item"
NEAR_DUPLICATE = 0.75  # two trials of one process this similar (composition) are near-duplicates too
INTEREST_RECOMMENDED = 3.0  # weight of the recommended recipe among the recipes of interest
INTEREST_FRONT = 1.0
INTEREST_FEASIBLE = 0.2  # any other feasible recipe (the held-out error over the region counts too)
BASE_DECISION_WEIGHT = 0.25  # weight of a property far from its limit (accuracy still counts)
PROPERTY_WORDS = ("rigidity", "tightness", "energy", "water", "crew time")


@dataclass(frozen=True)
class Option:
    """One feasible recipe as a possible trial (and/or a recipe whose estimate matters)."""

    recipe: Recipe
    label: str  # plain words: items and process
    values: np.ndarray  # [5] model value per property (domain.PROPERTIES order)
    low: np.ndarray  # [5] 95% interval
    high: np.ndarray
    item_kg: tuple[tuple[str, float], ...]  # kg of each inventory item one batch uses
    interest: float = 0.0  # 0: not of interest; INTEREST_FEASIBLE; INTEREST_FRONT; INTEREST_RECOMMENDED
    composition: np.ndarray = field(default_factory=lambda: np.zeros(0))  # material shares (+ regolith)

    @property
    def energy_kwh(self) -> float:
        return float(self.values[2])

    @property
    def crew_min(self) -> float:
        return float(self.values[4])

    @property
    def family(self) -> tuple[str, tuple[str, ...]]:
        return family_key(self.recipe)


@dataclass(frozen=True)
class Budget:
    """The trial budget of one batch of suggestions (None: not limited)."""

    kwh: float | None = None
    crew_min: float | None = None


@dataclass(frozen=True)
class Suggestion:
    option: Option
    gain: float  # expected reduction of decision-weighted variance (unitless)
    cost: float  # relative cost (1 = a typical trial or the whole budget share)
    score: float  # gain / cost
    teaches: str  # plain words
    property_index: int  # the property it teaches most about
    recipes_informed: int  # recipes of interest whose interval it narrows noticeably
    width_before: float  # that property's trial half-width on the most-informed recipe of interest
    width_after: float
    informed_label: str


def family_key(recipe: Recipe) -> tuple[str, tuple[str, ...]]:
    """Process + main items (the two largest items of the waste part, each kept only with at least
    MAIN_ITEM_SHARE of it; the largest one always): two trials of one family are near-duplicates."""
    ranked = sorted(recipe.items, key=lambda t: (-t[1], t[0]))
    main = tuple(sorted(i for n, (i, f) in enumerate(ranked[:2]) if n == 0 or f >= MAIN_ITEM_SHARE - 1e-9))
    return recipe.process_id, main


def material_axis(items: Sequence[WasteItem]) -> tuple[str, ...]:
    """The material ids of a composition vector (plus ``"regolith"`` last)."""
    mats = sorted({m for it in items for m, _ in it.composition})
    return (*mats, "regolith")


def composition(
    recipe: Mapping | Recipe, items_by_id: Mapping[str, WasteItem], axis: Sequence[str]
) -> np.ndarray | None:
    """Dry material shares of a recipe's feed on ``axis`` (sums to 1; the regolith, added or in an
    item, on ``"regolith"``): the model's ``mat:`` features normalised (engine/physics.py
    ``_feed_mix``). None when an item is unknown. ``recipe``: a Recipe or its ``to_dict()`` / a
    journal ``recipe_json``."""
    if isinstance(recipe, Recipe):
        parts = list(recipe.items)
        reg = recipe.regolith_frac
    else:
        parts = [(str(i.get("item_id")), float(i.get("fraction") or 0.0)) for i in recipe.get("items") or []]
        reg = float(recipe.get("regolith_frac") or 0.0)
    pos = {m: j for j, m in enumerate(axis)}
    v = np.zeros(len(axis))
    for iid, f in parts:
        it = items_by_id.get(iid)
        if it is None:
            return None
        dry = (1.0 - reg) * f * (1.0 - it.moisture_pct / 100.0)
        for m, x in it.composition:
            j = pos.get("regolith" if m == REGOLITH_ID else m)
            if j is not None:
                v[j] += dry * x
    v[pos["regolith"]] += reg
    s = v.sum()
    return v / s if s > 0 else v


def similarity(comp_a: np.ndarray, proc_a: Sequence[str], comp_b: np.ndarray, proc_b: Sequence[str]) -> np.ndarray:
    """[A, B] similarity: 0 across processes, else 1 - total-variation distance of compositions."""
    if len(comp_a) == 0 or len(comp_b) == 0:
        return np.zeros((len(comp_a), len(comp_b)))
    tv = 0.5 * np.abs(comp_a[:, None, :] - comp_b[None, :, :]).sum(axis=2)
    same = np.asarray(proc_a, object)[:, None] == np.asarray(proc_b, object)[None, :]
    return np.where(same, np.clip(1.0 - tv, 0.0, 1.0), 0.0)


def family_similarity(
    comp_a: np.ndarray, proc_a: Sequence[str], comp_b: np.ndarray, proc_b: Sequence[str]
) -> np.ndarray:
    """[A, B] :func:`similarity` within one family of the model's offsets (the same process and
    main material: the largest share of the composition), 0 across families."""
    s = similarity(comp_a, proc_a, comp_b, proc_b)
    if not s.size:
        return s
    same = np.argmax(comp_a, axis=1)[:, None] == np.argmax(comp_b, axis=1)[None, :]
    return np.where(same, s, 0.0)


def information(
    comp: np.ndarray, procs: Sequence[str], fb_comp: np.ndarray, fb_procs: Sequence[str], fb_weight: np.ndarray
) -> np.ndarray:
    """[N, 5] effective number of reports near each recipe, per property: ``sum_f w_fk s^2`` with
    the :func:`family_similarity` ``s`` (``fb_weight`` [F, 5]: 1 where report f measured property k,
    0 where it did not)."""
    if len(fb_comp) == 0:
        return np.zeros((len(comp), len(PROPERTY_NAMES)))
    s = family_similarity(comp, procs, fb_comp, fb_procs)
    return (s * s) @ np.asarray(fb_weight, float)


def property_scale(target: Target) -> np.ndarray:
    """[5] the scale a half-width is measured in: index units for rigidity/tightness, the target's
    cap for energy, water and crew time."""
    return np.array(
        [1.0, 1.0, max(target.max_energy_kwh, 1e-6), max(target.max_water_l, 1e-6), max(target.max_crew_min, 1e-6)]
    )


def half_widths(options: Sequence[Option], target: Target) -> np.ndarray:
    """[N, 5] the model's calibrated 95% half-width over the property's scale (the wider side)."""
    if not options:
        return np.zeros((0, len(PROPERTY_NAMES)))
    v = np.stack([o.values for o in options])
    lo = np.stack([o.low for o in options])
    hi = np.stack([o.high for o in options])
    h = np.maximum(np.nan_to_num(hi - v), np.nan_to_num(v - lo))
    return np.maximum(h, 0.0) / property_scale(target)[None, :]


def decision_weights(options: Sequence[Option], target: Target) -> np.ndarray:
    """[N, 5] how much each property of each recipe matters to a decision: BASE_DECISION_WEIGHT plus
    a bell on the distance to the target's limit in units of the interval (1 at the limit)."""
    if not options:
        return np.zeros((0, len(PROPERTY_NAMES)))
    v = np.stack([o.values for o in options])
    sd = np.maximum(half_widths(options, target) * property_scale(target)[None, :] / 1.96, 1e-9)
    limits = np.array(
        [target.rigidity_min, target.tightness_min, target.max_energy_kwh, target.max_water_l, target.max_crew_min]
    )
    z = (v - limits[None, :]) / sd
    bell = np.exp(-0.5 * z * z)
    bell[:, 0] = np.where(target.rigidity_min > 0, bell[:, 0], 0.0)
    bell[:, 1] = np.where(target.tightness_min > 0, bell[:, 1], 0.0)
    return BASE_DECISION_WEIGHT + bell


def process_information(procs: Sequence[str], fb_procs: Sequence[str], fb_weight: np.ndarray) -> np.ndarray:
    """[N, 5] reports of each recipe's process, per property (``sum_f w_fk`` over the reports of the
    same process): what teaches the model's process offset."""
    if len(fb_procs) == 0:
        return np.zeros((len(procs), len(PROPERTY_NAMES)))
    same = (np.asarray(procs, object)[:, None] == np.asarray(fb_procs, object)[None, :]).astype(float)
    return same @ np.asarray(fb_weight, float)


def remaining(info: np.ndarray, info_process: np.ndarray | None = None) -> np.ndarray:
    """Share of the prior variance left after ``info`` similar reports (family level) and
    ``info_process`` reports of the same process (process level, PROCESS_SHARE of the variance);
    without ``info_process``, one level: ``N0 / (N0 + info)``."""
    n0 = PRIOR_TRIALS
    if info_process is None:
        return n0 / (n0 + info)
    return (1.0 - PROCESS_SHARE) * n0 / (n0 + info) + PROCESS_SHARE * n0 / (n0 + info_process)


def trial_half_widths(
    options: Sequence[Option], target: Target, info: np.ndarray, info_process: np.ndarray | None = None
) -> np.ndarray:
    """[N, 5] the half-width (over the property's scale) left after ``info`` reports nearby (and
    ``info_process`` reports of the same process, see :func:`remaining`)."""
    return half_widths(options, target) * np.sqrt(remaining(info, info_process))


@dataclass
class _Pool:
    """The arrays of one suggestion run."""

    options: Sequence[Option]
    comp: np.ndarray
    procs: list[str]
    interest: np.ndarray  # indices of the recipes of interest
    w_int: np.ndarray  # their weights
    h2d: np.ndarray  # [J, 5] decision-weighted squared half-widths of the recipes of interest
    info: np.ndarray  # [J, 5] reports near each recipe of interest (grows as trials are chosen)
    sim: np.ndarray  # [N, J] family similarity of each option to each recipe of interest
    info_p: np.ndarray  # [J, 5] reports of each recipe of interest's process
    same: np.ndarray  # [N, J] 1 where an option and a recipe of interest share their process

    def gains(self) -> np.ndarray:
        """[N, 5] expected variance reduction (per property) of one trial at each option."""
        s2 = self.sim**2  # [N, J]
        before = remaining(self.info, self.info_p)  # [J, 5]
        after = remaining(
            self.info[None, :, :] + s2[:, :, None], self.info_p[None, :, :] + self.same[:, :, None]
        )  # [N, J, 5]
        per = (before[None, :, :] - after) * (self.w_int[None, :, None] * self.h2d[None, :, :])
        return per.sum(axis=1)

    def add(self, i: int, weight: np.ndarray) -> None:
        self.info = self.info + (self.sim[i] ** 2)[:, None] * weight[None, :]
        self.info_p = self.info_p + self.same[i][:, None] * weight[None, :]


def suggest(
    options: Sequence[Option],
    target: Target,
    stock: Mapping[str, float],
    *,
    feedback: tuple[np.ndarray, Sequence[str], np.ndarray] | None = None,
    n: int = 5,
    budget: Budget | None = None,
    measured: np.ndarray | None = None,
) -> list[Suggestion]:
    """Up to ``n`` trials from ``options``, best gain per cost first (see the module doc).

    ``stock``: kg of each inventory item; ``feedback``: (compositions [F, M], processes [F], weights
    [F, 5]) of the reports already in the journal; ``measured``: [5] which properties a trial will
    measure (all by default)."""
    budget = budget or Budget()
    if not options:
        return []
    pool = _make_pool(options, target, feedback)
    if not len(pool.interest):
        return []
    meas = np.ones(len(PROPERTY_NAMES)) if measured is None else np.asarray(measured, float)
    cost = relative_costs(options, stock, budget)
    left_stock = {k: float(v) for k, v in stock.items()}
    left_kwh = budget.kwh if budget.kwh is not None else np.inf
    left_min = budget.crew_min if budget.crew_min is not None else np.inf
    used_families: set = set()
    picked: list[int] = []
    out: list[Suggestion] = []
    while len(out) < n:
        g = pool.gains() @ meas
        order = np.argsort(-(g / cost), kind="stable")
        pick = None
        for i in order:
            o = options[int(i)]
            if g[i] <= 1e-12:
                break
            if o.family in used_families or o.energy_kwh > left_kwh + 1e-9 or o.crew_min > left_min + 1e-9:
                continue
            if picked and near_duplicate(pool, int(i), picked):
                continue
            if any(kg > left_stock.get(iid, 0.0) + 1e-9 for iid, kg in o.item_kg):
                continue
            pick = int(i)
            break
        if pick is None:
            break
        o = options[pick]
        out.append(_describe(pool, pick, float(g[pick]), float(cost[pick]), meas, target))
        used_families.add(o.family)
        picked.append(pick)
        left_kwh -= o.energy_kwh
        left_min -= o.crew_min
        for iid, kg in o.item_kg:
            left_stock[iid] = left_stock.get(iid, 0.0) - kg
        pool.add(pick, meas)
    return out


def near_duplicate(pool: _Pool, i: int, picked: Sequence[int]) -> bool:
    """Is option ``i`` within NEAR_DUPLICATE similarity of a trial already in the batch?"""
    s = similarity(pool.comp[[i]], [pool.procs[i]], pool.comp[list(picked)], [pool.procs[j] for j in picked])
    return bool((s >= NEAR_DUPLICATE).any())


def _make_pool(
    options: Sequence[Option], target: Target, feedback: tuple[np.ndarray, Sequence[str], np.ndarray] | None
) -> _Pool:
    comp = np.stack([o.composition for o in options])
    procs = [o.recipe.process_id for o in options]
    interest = np.array([i for i, o in enumerate(options) if o.interest > 0], int)
    sub = [options[i] for i in interest]
    w_int = np.array([o.interest for o in sub], float)
    h = half_widths(sub, target)
    h2d = h * h * decision_weights(sub, target)
    iprocs = [procs[i] for i in interest]
    if feedback is not None and len(feedback[0]):
        info = information(comp[interest], iprocs, *feedback)
        info_p = process_information(iprocs, feedback[1], feedback[2])
    else:
        info = np.zeros((len(interest), len(PROPERTY_NAMES)))
        info_p = np.zeros((len(interest), len(PROPERTY_NAMES)))
    sim = family_similarity(comp, procs, comp[interest], iprocs)
    same = (np.asarray(procs, object)[:, None] == np.asarray(iprocs, object)[None, :]).astype(float)
    return _Pool(options, comp, procs, interest, w_int, h2d, info, sim, info_p, same)


def relative_costs(options: Sequence[Option], stock: Mapping[str, float], budget: Budget) -> np.ndarray:
    """[N] cost of one trial of each option: the mean of its kWh, crew minutes and share of the
    stock it uses, each over its budget (or over the median option's figure when not limited)."""
    kwh = np.array([max(o.energy_kwh, 0.0) for o in options])
    mins = np.array([max(o.crew_min, 0.0) for o in options])
    share = np.array(
        [max((kg / max(stock.get(iid, 0.0), 1e-9) for iid, kg in o.item_kg), default=0.0) for o in options]
    )
    ref_kwh = budget.kwh if budget.kwh else max(float(np.median(kwh)), 1e-6)
    ref_min = budget.crew_min if budget.crew_min else max(float(np.median(mins)), 1e-6)
    ref_share = max(float(np.median(share)), 1e-6)
    return np.maximum((kwh / ref_kwh + mins / ref_min + share / ref_share) / 3.0, 1e-3)


def _describe(pool: _Pool, i: int, gain: float, cost: float, meas: np.ndarray, target: Target) -> Suggestion:
    """What trial ``i`` is expected to teach, in plain words."""
    s2 = pool.sim[i] ** 2  # [J]
    same = pool.same[i]  # [J]
    after_all = remaining(pool.info + s2[:, None] * meas[None, :], pool.info_p + same[:, None] * meas[None, :])
    drop = (remaining(pool.info, pool.info_p) - after_all) * pool.h2d
    drop = drop * pool.w_int[:, None]
    k = int(np.argmax(drop.sum(axis=0)))
    j = int(np.argmax(drop[:, k]))
    scale = property_scale(target)[k]
    h0 = np.sqrt(pool.h2d[j, k] / max(_dw(pool, j, k, target), 1e-12))
    before = h0 * np.sqrt(remaining(pool.info[j, k], pool.info_p[j, k])) * scale
    after = h0 * np.sqrt(after_all[j, k]) * scale
    # recipes of interest proper (front, recommended) it informs noticeably (similarity >= 0.5)
    informed = int(((s2 >= 0.25) & (pool.w_int >= INTEREST_FRONT)).sum())
    rec = pool.options[int(pool.interest[j])]
    what = msg(PROPERTY_WORDS[k])
    if rec.interest >= INTEREST_RECOMMENDED:
        kind = msg("the recommended recipe")
    elif rec.interest >= INTEREST_FRONT:
        kind = msg("a recipe on the front")
    else:
        kind = msg("a feasible recipe")
    same = int(pool.interest[j]) == i
    where = msg("{kind} itself", kind=kind) if same else msg("{kind} ({label})", kind=kind, label=rec.label)
    more = informed - (1 if rec.interest >= INTEREST_FRONT and s2[j] >= 0.25 else 0)
    teaches = msg(
        "Measures {what} where the model knows least: narrows the {what} estimate of {where} "
        "from about ±{before} to ±{after}",
        what=what,
        where=where,
        before=_fmt(before, k),
        after=_fmt(after, k),
    )
    if more == 1:
        teaches += msg(", and informs {more} more front recipe", more=more)
    elif more > 0:
        teaches += msg(", and informs {more} more front recipes", more=more)
    teaches += "."
    return Suggestion(pool.options[i], gain, cost, gain / cost, teaches, k, informed, before, after, rec.label)


def _dw(pool: _Pool, j: int, k: int, target: Target) -> float:
    opt = pool.options[int(pool.interest[j])]
    return float(decision_weights([opt], target)[0, k])


def _fmt(x: float, k: int) -> str:
    unit = ("", "", " kWh", " L", " min")[k]
    if k == 4:
        return f"{x:.0f}{unit}"
    return f"{x:.2f}{unit}"
