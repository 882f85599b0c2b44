"""What the mission dashboard and the "mark as made" dialog show, in plain words and units. No Qt."""

from __future__ import annotations

import html
from collections.abc import Sequence

from spacetrash_desktop.domain import ProductionRequest, WasteItem
from spacetrash_desktop.services.production import MissionTotals, ProductionEntry, Totals

HISTORY_COLUMNS = (
    "Sol",
    "Recorded (UTC)",
    "Product",
    "Batches",
    "Product mass",
    "Waste used",
    "Energy",
    "Crew time",
    "Who",
    "State",
)


def num(x: float, digits: int = 1) -> str:
    """1234.5678 -> '1,234.6'; trailing zeros dropped ('2', not '2.0')."""
    text = f"{x:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def kg(x: float) -> str:
    return f"{num(x, 2 if abs(x) < 10 else 1)} kg"


def hours(minutes: float) -> str:
    h = minutes / 60.0
    return f"{num(h, 1)} h" if h >= 1 else f"{num(minutes, 0)} min"


def totals_rows(m: MissionTotals) -> list[tuple[str, str, str]]:
    """(what, to date, projected to the end of the plan) for the totals table."""
    t, p = m.to_date, m.projected

    def pair(fn) -> tuple[str, str]:
        return fn(t), (fn(p) if p is not None else "—")

    rows = [
        ("Products made", *pair(lambda x: f"{x.batches:,} batches, {kg(x.product_kg)}")),
        ("Waste turned into products", *pair(lambda x: kg(x.waste_kg))),
        ("Regolith used", *pair(lambda x: kg(x.regolith_kg))),
        ("Energy", *pair(lambda x: f"{num(x.energy_kwh)} kWh")),
        ("Water", *pair(lambda x: f"{num(x.water_l)} L")),
        ("Crew time", *pair(lambda x: f"{num(x.crew_h)} h")),
        ("Waste left in the inventory", *pair(lambda x: kg(x.remaining_kg))),
    ]
    return [(a, b, c) for a, b, c in rows]


def category_rows(m: MissionTotals) -> list[tuple[str, str, str, str]]:
    """(category, diverted to date, left now, left at the end of the plan), biggest stock first."""
    t, p = m.to_date, m.projected
    cats = sorted(
        set(t.waste_by_category) | set(t.remaining_by_category), key=lambda c: -t.remaining_by_category.get(c, 0.0)
    )
    return [
        (
            c,
            kg(t.waste_by_category.get(c, 0.0)),
            kg(t.remaining_by_category.get(c, 0.0)),
            kg(p.remaining_by_category.get(c, 0.0)) if p is not None else "—",
        )
        for c in cats
    ]


def products_text(t: Totals) -> str:
    if not t.products:
        return "Nothing recorded as made yet. Use “Mark as made…” on a recipe (Candidates tab) or a plan line."
    parts = [f"{html.escape(name)}: {b:,} batches ({kg(k)})" for name, (b, k) in sorted(t.products.items())]
    return "Made so far: " + "; ".join(parts) + "."


def projection_caption(m: MissionTotals) -> str:
    if m.projected is None:
        return "Projected: no production plan yet (make one on the Plan tab)."
    end = f" (sol {m.plan_sols})" if m.plan_sols else ""
    return f"Projected to the end of the plan{end}: made to date plus every line of the plan."


def history_row(e: ProductionEntry) -> tuple[str, ...]:
    state = "undone" if e.undone else "made"
    return (
        "" if e.sol is None else str(e.sol),
        e.recorded_at[:16].replace("T", " "),
        e.product_name,
        f"{e.batches:,}",
        kg(e.product_kg),
        kg(e.items_kg),
        f"{num(e.energy_kwh)} kWh",
        hours(e.crew_min),
        e.who or "—",
        state,
    )


def entry_summary(e: ProductionEntry) -> str:
    used = ", ".join(f"{kg(c.kg)} {c.name}" for c in e.changes)
    return f"{e.batches:,} batches of {e.product_name} ({kg(e.product_kg)}) from {used}"


def request_summary(req: ProductionRequest) -> str:
    return (
        f"<b>{html.escape(req.product_name)}</b>, recipe {html.escape(req.recipe_id)} "
        f"({req.recipe.process_id.replace('_', ' ')})"
    )


def stock_lines(req: ProductionRequest, items: Sequence[WasteItem]) -> tuple[list[str], list[str]]:
    """What ``req`` takes out of ``items`` (plain lines) and the shortages (empty when the stock is there)."""
    by_id = {it.item_id: it for it in items}
    lines, short = [], []
    for iid, need in req.items_kg:
        it = by_id.get(iid)
        if it is None:
            short.append(f"{iid} is not in the inventory")
            continue
        lines.append(f"{kg(need)} of {it.name} ({kg(it.mass_kg)} in stock)")
        if need > it.mass_kg + 1e-9:
            short.append(f"{it.name}: needs {kg(need)}, only {kg(it.mass_kg)} in stock")
    return lines, short


def cost_line(req: ProductionRequest) -> str:
    return (
        f"Makes {kg(req.product_kg)} of product; takes about {num(req.energy_kwh)} kWh, {num(req.water_l)} L of water "
        f"and {hours(req.crew_min)} of crew time."
    )


def parse_sol(text: str) -> tuple[int | None, str]:
    """The sol typed (empty = not given) and the problem ("" when fine)."""
    s = text.strip()
    if not s:
        return None, ""
    if not s.isdigit():
        return None, "Sol must be a whole number of mission days, for example 120 (or leave it empty)."
    v = int(s)
    if v > 100_000:
        return None, "Sol must be 100,000 or less."
    return v, ""
