"""What the mission dashboard and the "mark as made" dialog show, in plain words and units. No Qt."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from spacetrash_desktop.domain import ProductionRequest, WasteItem
from spacetrash_desktop.services.production import MissionTotals, ProductionEntry, Totals
from spacetrash_desktop.ui.i18n import current_language, number

HISTORY_COLUMNS = (  # shown through tr_text
    QT_TRANSLATE_NOOP("DashboardViews", "Sol"),
    QT_TRANSLATE_NOOP("DashboardViews", "Recorded (UTC)"),
    QT_TRANSLATE_NOOP("DashboardViews", "Product"),
    QT_TRANSLATE_NOOP("DashboardViews", "Batches"),
    QT_TRANSLATE_NOOP("DashboardViews", "Product mass"),
    QT_TRANSLATE_NOOP("DashboardViews", "Waste used"),
    QT_TRANSLATE_NOOP("DashboardViews", "Energy"),
    QT_TRANSLATE_NOOP("DashboardViews", "Crew time"),
    QT_TRANSLATE_NOOP("DashboardViews", "Who"),
    QT_TRANSLATE_NOOP("DashboardViews", "State"),
)


def tr_text(text: str) -> str:
    """A constant of this module (marked with QT_TRANSLATE_NOOP) in the window's language."""
    return QCoreApplication.translate("DashboardViews", text)


def num(x: float, digits: int = 1) -> str:
    """1234.5678 -> '1,234.6' (Spanish: '1234,6'); trailing zeros dropped ('2', not '2.0')."""
    if current_language() == "en":
        text, point = f"{x:,.{digits}f}", "."
    else:
        text, point = number(float(x), digits), QLocale().decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return "0" if text in ("-0", "") else text


def batches_text(n: int) -> str:
    return QCoreApplication.translate("DashboardViews", "{n} batches").format(n=num(n, 0))


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

    made = QCoreApplication.translate("DashboardViews", "{batches}, {kg}")
    rows = [
        (
            QCoreApplication.translate("DashboardViews", "Products made"),
            *pair(lambda x: made.format(batches=batches_text(x.batches), kg=kg(x.product_kg))),
        ),
        (QCoreApplication.translate("DashboardViews", "Waste turned into products"), *pair(lambda x: kg(x.waste_kg))),
        (QCoreApplication.translate("DashboardViews", "Regolith used"), *pair(lambda x: kg(x.regolith_kg))),
        (QCoreApplication.translate("DashboardViews", "Energy"), *pair(lambda x: f"{num(x.energy_kwh)} kWh")),
        (QCoreApplication.translate("DashboardViews", "Water"), *pair(lambda x: f"{num(x.water_l)} L")),
        (QCoreApplication.translate("DashboardViews", "Crew time"), *pair(lambda x: f"{num(x.crew_h)} h")),
        (
            QCoreApplication.translate("DashboardViews", "Waste left in the inventory"),
            *pair(lambda x: kg(x.remaining_kg)),
        ),
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
        return QCoreApplication.translate(
            "DashboardViews",
            "Nothing recorded as made yet. Use “Mark as made…” on a recipe (Candidates tab) or a plan line.",
        )
    part = QCoreApplication.translate("DashboardViews", "{product}: {batches} ({kg})")
    parts = [
        part.format(product=html.escape(name), batches=batches_text(b), kg=kg(k))
        for name, (b, k) in sorted(t.products.items())
    ]
    return QCoreApplication.translate("DashboardViews", "Made so far: {products}.").format(products="; ".join(parts))


def projection_caption(m: MissionTotals) -> str:
    if m.projected is None:
        return QCoreApplication.translate(
            "DashboardViews", "Projected: no production plan yet (make one on the Plan tab)."
        )
    if m.plan_sols:
        return QCoreApplication.translate(
            "DashboardViews", "Projected to the end of the plan (sol {sol}): made to date plus every line of the plan."
        ).format(sol=m.plan_sols)
    return QCoreApplication.translate(
        "DashboardViews", "Projected to the end of the plan: made to date plus every line of the plan."
    )


def history_row(e: ProductionEntry) -> tuple[str, ...]:
    if e.undone:
        state = QCoreApplication.translate("DashboardViews", "undone")
    else:
        state = QCoreApplication.translate("DashboardViews", "made")
    return (
        "" if e.sol is None else str(e.sol),
        e.recorded_at[:16].replace("T", " "),
        e.product_name,
        num(e.batches, 0),
        kg(e.product_kg),
        kg(e.items_kg),
        f"{num(e.energy_kwh)} kWh",
        hours(e.crew_min),
        e.who or "—",
        state,
    )


def entry_summary(e: ProductionEntry) -> str:
    used = ", ".join(f"{kg(c.kg)} {c.name}" for c in e.changes)
    return QCoreApplication.translate("DashboardViews", "{batches} of {product} ({kg}) from {used}").format(
        batches=batches_text(e.batches), product=e.product_name, kg=kg(e.product_kg), used=used
    )


def request_summary(req: ProductionRequest, process_name: str = "") -> str:
    """Product, recipe and process (``process_name``: the catalogue's name, in the window's language)."""
    process = process_name or req.recipe.process_id.replace("_", " ")
    return QCoreApplication.translate("DashboardViews", "<b>{product}</b>, recipe {recipe} ({process})").format(
        product=html.escape(req.product_name), recipe=html.escape(req.recipe_id), process=html.escape(process)
    )


def stock_lines(req: ProductionRequest, items: Sequence[WasteItem]) -> tuple[list[str], list[str]]:
    """What ``req`` takes out of ``items`` (plain lines) and the shortages (empty when the stock is there)."""
    by_id = {it.item_id: it for it in items}
    lines, short = [], []
    for iid, need in req.items_kg:
        it = by_id.get(iid)
        if it is None:
            short.append(
                QCoreApplication.translate("DashboardViews", "{item} is not in the inventory").format(item=iid)
            )
            continue
        lines.append(
            QCoreApplication.translate("DashboardViews", "{kg} of {item} ({stock} in stock)").format(
                kg=kg(need), item=it.name, stock=kg(it.mass_kg)
            )
        )
        if need > it.mass_kg + 1e-9:
            short.append(
                QCoreApplication.translate("DashboardViews", "{item}: needs {kg}, only {stock} in stock").format(
                    item=it.name, kg=kg(need), stock=kg(it.mass_kg)
                )
            )
    return lines, short


def cost_line(req: ProductionRequest) -> str:
    return QCoreApplication.translate(
        "DashboardViews",
        "Makes {product} of product; takes about {energy} kWh, {water} L of water and {crew} of crew time.",
    ).format(product=kg(req.product_kg), energy=num(req.energy_kwh), water=num(req.water_l), crew=hours(req.crew_min))


def parse_sol(text: str) -> tuple[int | None, str]:
    """The sol typed (empty = not given) and the problem ("" when fine)."""
    s = text.strip()
    if not s:
        return None, ""
    if not s.isdigit():
        return None, QCoreApplication.translate(
            "DashboardViews", "Sol must be a whole number of mission days, for example 120 (or leave it empty)."
        )
    v = int(s)
    if v > 100_000:
        return None, QCoreApplication.translate("DashboardViews", "Sol must be {most} or less.").format(
            most=num(100_000, 0)
        )
    return v, ""
