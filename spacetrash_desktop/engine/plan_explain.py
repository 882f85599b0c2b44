"""Why a demand is not met: for each of the product's recipes, what stops one more batch in each
period it may run in (an item's stock over the mission, or a period's energy, water, crew or machine
limit), put in plain words: "PE foam runs out on sol 212", "energy cap on sols 120-400"."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from spacetrash_desktop.engine.plan_model import Evaluation, allowed_periods
from spacetrash_desktop.engine.plan_types import PlanCandidate, PlanRequest, UnmetDemand
from spacetrash_desktop.messages import msg

SHORT_TOL = 1e-6


def number(x: float) -> str:
    """A quantity for the crew: whole numbers plain, others to at most 2 decimals."""
    if abs(x - round(x)) < 1e-6:
        return f"{round(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _runs_out_sol(series: Sequence[float], need: float, periods: Sequence[tuple[int, int, int]]) -> int | None:
    """The sol on which an item's stock left drops below ``need`` (one batch), linear within a period."""
    for (_k, first, last), before, after in zip(periods, series[:-1], series[1:]):
        if after < need - 1e-9 <= before and before > after:
            frac = (before - need) / (before - after)
            return first + min(last - first, max(0, math.ceil(frac * (last - first + 1)) - 1))
    return None


def _ranges(sols: Sequence[tuple[int, int]]) -> str:
    """'120-400' or '1-30, 61-90' from (first, last) period sol ranges."""
    merged: list[list[int]] = []
    for first, last in sorted(sols):
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    parts = [f"{a}-{b}" if a != b else f"{a}" for a, b in merged]
    if len(parts) > 3:
        parts = [*parts[:3], "..."]
    return ", ".join(parts)


def _blocks(
    cand: PlanCandidate,
    request: PlanRequest,
    ev: Evaluation,
    allowed: Sequence[int],
    names: Mapping[str, str],
) -> tuple[dict[str, str], dict[str, list[tuple[int, int]]]]:
    """What stops one more batch of ``cand``: stock limits (key -> words) or, per cap, the periods it binds."""
    stock_words: dict[str, str] = {}
    for item, kg in cand.items_kg_per_batch.items():
        if kg > 0 and ev.stock_left.get(item, 0.0) < kg - 1e-9:
            series = ev.stock_by_period.get(item, (0.0,))
            name = names.get(item, item)
            if series[0] < kg - 1e-9:
                stock_words[f"stock:{item}"] = msg(
                    "too little {item} in stock ({have} kg; one batch needs {need} kg)",
                    item=name,
                    have=number(series[0]),
                    need=number(kg),
                )
            else:
                sol = _runs_out_sol(series, kg, request.periods())
                stock_words[f"stock:{item}"] = (
                    msg("{item} runs out on sol {sol}", item=name, sol=sol)
                    if sol
                    else msg("{item} runs out", item=name)
                )
    caps: dict[str, list[tuple[int, int]]] = {}
    if stock_words:
        return stock_words, caps
    for k in allowed:
        pu = ev.periods[k]
        hit = []
        for key, use, used, cap in (
            ("energy", cand.energy_kwh, pu.energy_kwh, pu.energy_cap),
            ("water", cand.water_l, pu.water_l, pu.water_cap),
            ("crew", cand.crew_min, pu.crew_min, pu.crew_cap),
            (
                f"machine:{cand.process_id}",
                cand.machine_batches,
                pu.batches_by_process.get(cand.process_id, 0.0),
                pu.machine_caps.get(cand.process_id, math.inf),
            ),
        ):
            if use > 0 and used + use > cap + 1e-9:
                hit.append(key)
        for key in hit:
            caps.setdefault(key, []).append((pu.first_sol, pu.last_sol))
    return stock_words, caps


def _cap_words(key: str, sols: Sequence[tuple[int, int]], process_names: Mapping[str, str]) -> str:
    """A budget or machine limit that binds on the sols ``sols``, in words."""
    ranges = _ranges(sols)
    if key.startswith("machine:"):
        proc = key.split(":", 1)[1]
        return msg("{process} machine capacity on sols {sols}", process=process_names.get(proc, proc), sols=ranges)
    if key == "energy":
        return msg("energy cap on sols {sols}", sols=ranges)
    if key == "water":
        return msg("water cap on sols {sols}", sols=ranges)
    return msg("crew-time cap on sols {sols}", sols=ranges)


def _no_limit_reason(mine: Sequence[PlanCandidate], allowed: Sequence[int], due_sol: int | None, gap: float) -> str:
    """Why a demand is short when no stock or budget limit explains it."""
    if not mine:
        return msg("no feasible recipe for this product from this inventory")
    if not allowed:
        return msg("due on sol {sol}, before the plan's first period", sol=due_sol)
    if gap > 0:
        return msg("not reached within the time limit (the plan is within {gap:.1%} of the best)", gap=gap)
    return msg("a higher-priority demand uses the stock and time it would need")


def explain_unmet(
    request: PlanRequest,
    cands: Sequence[PlanCandidate],
    cand_demand: Sequence[int],
    ev: Evaluation,
    *,
    gap: float = 0.0,
    process_names: Mapping[str, str] | None = None,
) -> list[UnmetDemand]:
    names = {it.item_id: it.name for it in request.inventory}
    process_names = process_names or {}
    periods = request.periods()
    out = []
    for d_i, dem in enumerate(request.demands):
        short = dem.quantity - min(dem.quantity, ev.made.get(d_i, 0.0))
        if short <= SHORT_TOL * max(1.0, dem.quantity):
            continue
        mine = [c for c, owner in zip(cands, cand_demand) if owner == d_i]
        allowed = allowed_periods(dem, periods)
        limits: dict[str, str] = {}
        cap_sols: dict[str, list[tuple[int, int]]] = {}
        free = False
        for cand in mine:
            stock_words, caps = _blocks(cand, request, ev, allowed, names)
            for key, words in stock_words.items():
                limits.setdefault(key, words)
            for key, sols in caps.items():
                cap_sols.setdefault(key, []).extend(sols)
                limits.setdefault(key, "")
            free = free or (not stock_words and len({s for v in caps.values() for s in v}) < len(allowed))
        for key, sols in cap_sols.items():
            limits[key] = _cap_words(key, sols, process_names)
        if not mine or not allowed or free or not limits:
            reason = _no_limit_reason(mine, allowed, dem.due_sol, gap)
        else:
            reason = "; ".join(list(dict.fromkeys(limits.values()))[:3])
        out.append(
            UnmetDemand(
                product_id=dem.product_id,
                short_quantity=short,
                unit=dem.unit,
                reason=reason,
                product_name=dem.product_name,
                limits=tuple(limits),
            )
        )
    return out
