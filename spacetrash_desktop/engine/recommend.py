"""One recommended recipe: the chance that a recipe meets every requirement of its target, the order
the crew sees the recipes in, and the one-line reason for the recipe on top (docs/ML.md,
"Recommended recipe").

Per property, the 95% interval (calibrated by the trained model, or the assumed physics band) is
read as a normal centred on the predicted value whose 95% half-width is the wider half of the
interval, so it covers the interval on both sides; a recipe far from the model's training data (OOD)
has that half-width doubled. The per-property chances are combined with the Frechet/Bonferroni lower
bound ``P(all) >= 1 - sum(1 - p_i)``, which holds whatever the dependence between the properties and
is never above the smallest ``p_i``. A recipe that is infeasible or refused has chance 0.

The order: recipes with a chance of at least :data:`CONFIDENT_P` first, in the crew's priority order
(the order the search hands over: Pareto front first, the materials a scenario's product names first
(their share of the waste part; they are also an objective of that product's front), or problematic
waste first when the target prefers it, then the least energy); then the other feasible recipes, the most likely first; then the
infeasible and refused ones as they came. The first recipe, when it is feasible, is the recommended
one.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from typing import Any

from spacetrash_desktop.domain import PROPERTY_NAMES, Target
from spacetrash_desktop.messages import msg, number_text

Z95 = 1.959963984540054  # two-sided 95% of a normal
CONFIDENT_P = 0.90  # "confidently feasible": at least this chance of meeting every requirement
OOD_WIDEN = 2.0  # assumed: an out-of-distribution recipe's interval is not trusted, its half-width doubles

# property -> (target field, "min" or "max")
LIMIT_OF: Mapping[str, tuple[str, str]] = {
    "rigidity": ("rigidity_min", "min"),
    "tightness": ("tightness_min", "min"),
    "energy_kwh": ("max_energy_kwh", "max"),
    "water_l": ("max_water_l", "max"),
    "crew_min": ("max_crew_min", "max"),
}

RULE_TEXT = (
    f"Order: recipes with at least a {CONFIDENT_P:.0%} chance of meeting every requirement of the target "
    "come first, in the crew's priority order (Pareto front first, then the materials a scenario's product "
    "names first, or problematic waste first when the target prefers it, then the least energy); then the "
    "other feasible recipes, the most likely first; "
    "then the infeasible and refused ones. The first feasible recipe is the recommended one."
)  # English, for the window's own (Qt) translation; rule_text() is the same rule in the current language


def rule_text() -> str:
    """The ordering rule in the current language (in English, exactly :data:`RULE_TEXT`)."""
    return msg(
        "Order: recipes with at least a {threshold:.0%} chance of meeting every requirement of the target "
        "come first, in the crew's priority order (Pareto front first, then the materials a scenario's product "
        "names first, or problematic waste first when the target prefers it, then the least energy); then the "
        "other feasible recipes, the most likely first; "
        "then the infeasible and refused ones. The first feasible recipe is the recommended one.",
        threshold=CONFIDENT_P,
    )


def normal_cdf(z: float) -> float:
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def property_probability(value: float, low: float, high: float, limit: float, kind: str, widen: float = 1.0) -> float:
    """Chance that one property meets its limit (``kind`` "min": at least ``limit``; "max": at most).

    The property is taken as normal around ``value`` with the wider half of [low, high] as its 95%
    half-width (times ``widen``). A minimum at or below 0 is met by any recipe (every property is
    at least 0)."""
    if not all(math.isfinite(x) for x in (value, low, high, limit)):
        return 0.0
    if kind == "min" and limit <= 0.0:
        return 1.0
    margin = value - limit if kind == "min" else limit - value
    sd = widen * max(value - low, high - value, 0.0) / Z95
    if sd <= 0.0:
        return 1.0 if margin >= 0.0 else 0.0
    return normal_cdf(margin / sd)


def property_probabilities(
    values: Mapping[str, float], low: Mapping[str, float], high: Mapping[str, float], target: Target, ood: bool = False
) -> dict[str, float]:
    """Per property, the chance it meets the target's minimum or cap."""
    widen = OOD_WIDEN if ood else 1.0
    out = {}
    for name in PROPERTY_NAMES:
        field, kind = LIMIT_OF[name]
        out[name] = property_probability(
            float(values[name]), float(low[name]), float(high[name]), float(getattr(target, field)), kind, widen
        )
    return out


def combine(probabilities: Sequence[float]) -> float:
    """Frechet/Bonferroni lower bound of the chance that every event happens: valid for any
    dependence, never above the smallest single chance."""
    return max(0.0, 1.0 - sum(1.0 - p for p in probabilities))


def meets_target_probability(
    values: Mapping[str, float],
    low: Mapping[str, float],
    high: Mapping[str, float],
    target: Target,
    *,
    ood: bool = False,
    feasible: bool = True,
) -> float:
    """The chance (a conservative lower bound) that a recipe meets every requirement of ``target``;
    0 for a recipe that is infeasible or refused."""
    if not feasible:
        return 0.0
    return combine(list(property_probabilities(values, low, high, target, ood).values()))


def order_key(position: int, cand: Any) -> tuple[int, float, int]:
    """Where a candidate (``feasible``, ``p_meets_target``, ``status``) at ``position`` of the priority
    order goes: confident, then feasible by chance, then infeasible, then refused (unsafe whatever
    its numbers: last, so the crew reads the near misses it could fix first)."""
    if not cand.feasible:
        return (3 if getattr(cand, "status", None) == "refused" else 2, 0.0, position)
    if cand.p_meets_target >= CONFIDENT_P:
        return (0, 0.0, position)
    return (1, -cand.p_meets_target, position)


def recommend(candidates: Sequence[Any]) -> list[Any]:
    """The candidates in the recommendation order (the incoming order is the crew's priority
    order), the first one marked ``recommended`` when it is feasible; every other mark cleared."""
    order = sorted(range(len(candidates)), key=lambda i: order_key(i, candidates[i]))
    out = []
    for n, i in enumerate(order):
        c = candidates[i]
        mark = n == 0 and c.feasible
        out.append(c if c.recommended == mark else dataclasses.replace(c, recommended=mark))
    return out


def percent(p: float) -> str:
    """A chance as a whole percentage, rounded down and at most 99% (never claims more than it has,
    nor certainty)."""
    return number_text(min(99, math.floor(100.0 * p + 1e-9)) / 100.0, ".0%")  # '97%'; '97 %' in Spanish


def recommendation_reason(cand, target: Target, *, label: bool = True) -> str:
    """The one-line reason for the recommended recipe, e.g. "Recommended: 97% chance of meeting every
    requirement; 78% problematic waste; 0.31 kWh, 12 min of crew time per batch" (without the
    "Recommended" label when ``label`` is false)."""
    parts = [_reason_head(float(cand.p_meets_target), label)]
    if target.preferred_items and cand.preference > 0:
        parts.append(msg("{share:.0%} of the waste from the materials its description names", share=cand.preference))
    elif target.prefer_problematic and cand.preference > 0:
        parts.append(msg("{share:.0%} problematic waste", share=cand.preference))
    v = cand.values
    parts.append(
        msg("{energy:.2f} kWh, {crew:.0f} min of crew time per batch", energy=v["energy_kwh"], crew=v["crew_min"])
    )
    if cand.ood:
        parts.append(msg("far from the model's training data, so its intervals were taken twice as wide"))
    return "; ".join(parts)


def _reason_head(p: float, label: bool) -> str:
    """The chance part of the reason, with or without the "Recommended" label."""
    chance = percent(p)
    if p >= CONFIDENT_P:
        if label:
            return msg("Recommended: {chance} chance of meeting every requirement", chance=chance)
        return msg("{chance} chance of meeting every requirement", chance=chance)
    if label:
        return msg(
            "Recommended with care: only {chance} chance of meeting every requirement "
            "(no recipe found reaches {threshold:.0%})",
            chance=chance,
            threshold=CONFIDENT_P,
        )
    return msg(
        "with care: only {chance} chance of meeting every requirement (no recipe found reaches {threshold:.0%})",
        chance=chance,
        threshold=CONFIDENT_P,
    )


def recommendation_summary(candidates: Sequence, target: Target) -> dict | None:
    """The result's ``recommended`` block: id, chance, reason and the ordering rule (None when no
    recipe is feasible)."""
    for c in candidates:
        if c.recommended:
            return {
                "id": c.recipe_id,
                "p_meets_target": round(float(c.p_meets_target), 6),
                "confident": bool(c.p_meets_target >= CONFIDENT_P),
                "threshold": CONFIDENT_P,
                "reason": recommendation_reason(c, target),
                "rule": rule_text(),
            }
    return None
