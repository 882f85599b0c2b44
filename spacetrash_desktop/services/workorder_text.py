"""The work order's own words in every language it is printed in, and its numbers in that language.

The crew reads the work order at the machine, in the language they think in: English (``en``, the
default) or Spanish (``es``). Every crew-facing word of the document that is not a dataset text is in
one :class:`Words` table per language (:data:`WORDS`); the dataset texts (item, material and process
names, hazards, procedure steps) come translated from ``datasets/translations_<lang>.csv``.

Numbers follow the language without Qt (services cannot import it): ``1,234.5`` in English,
``1234,5`` and ``12.345,5`` in Spanish (decimal comma; a point groups thousands from five digits
on, as Spanish style and the window's locale do). Dates stay ISO (``2026-12-06 14:05``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LANGUAGES: Mapping[str, str] = {"en": "English", "es": "Español"}


def language(lang: str | None) -> str:
    """``lang`` when the work order speaks it, else English."""
    return lang if lang is not None and lang in LANGUAGES else "en"


# ------------------------------------------------------------------------------------------ numbers
def decimal(x: float, decimals: int = 0, lang: str = "en") -> str:
    """``x`` rounded to ``decimals`` places: '1,234.5' in English, '1234,5' / '12.345,5' in Spanish."""
    text = f"{x:,.{decimals}f}"  # 1,234.5
    if language(lang) == "en":
        return text
    whole, _, frac = text.partition(".")
    digits = whole.lstrip("-").replace(",", "")
    grouped = whole.replace(",", ".") if len(digits) >= 5 else whole.replace(",", "")
    return f"{grouped},{frac}" if frac else grouped


def percent(share: float, lang: str = "en") -> str:
    """A share as a whole percentage: '35%' in English, '35 %' in Spanish."""
    value = decimal(share * 100, 0, lang)
    return f"{value}%" if language(lang) == "en" else f"{value} %"


# -------------------------------------------------------------------------------------------- words
@dataclass(frozen=True)
class Words:
    """The work order's own words in one language."""

    text: Mapping[str, str]
    step_titles: Mapping[str, str]
    # loss stream key -> (title, how the crew handles it)
    loss_handling: Mapping[str, tuple[str, str]]
    # the Feedback panel's fields (storage/feedback_schema.py): key, label, unit, how it is filled in
    as_made_fields: tuple[tuple[str, str, str, str], ...]
    property_titles: Mapping[str, tuple[str, str]]


TEXT_EN: Mapping[str, str] = {
    "title": "Work order",
    "recipe": "Recipe",
    "process": "Process",
    "target": "Target",
    "model": "Predicted by",
    "physics_model": "the physics model",
    "date": "Date",
    "app": "Space Trash Desktop",
    "batch": "Batch",
    "batch_line": "{product} of product from {feed} of feed",
    "loads_line": " in {loads} of at most {load} each",
    "bom": "Bill of materials (per batch)",
    "bom_item": "Item",
    "bom_id": "Inventory id",
    "bom_share": "Share of the waste",
    "bom_kg": "Per batch",
    "bom_done": "Weighed",
    "regolith": "MGS-1 regolith",
    "regolith_share": "{share} of the feed",
    "feed_total": "Feed in total",
    "consumables": "Brought from Earth and used up",
    "steps": "Procedure",
    "step_no": "#",
    "set_point": "Set point",
    "tolerance": "Keep within",
    "ppe": "Wear",
    "hazard": "Hazard",
    "checkpoint": "Check",
    "record": "Record",
    "done": "Done",
    "hazards": "Hazards of the materials and protective equipment",
    "protect": "Protect",
    "no_hazards": "No material in this feed carries a crew hazard.",
    "safety": "Safety notes for this process",
    "no_safety": "No safety notes.",
    "outputs": "Expected outputs per batch",
    "output": "Output",
    "mass": "Mass",
    "handling": "How to handle it",
    "product": "Product",
    "product_handling": "Weigh it, label it with the recipe id, record it.",
    "properties": "Predicted (95% intervals)",
    "property": "Property",
    "predicted": "Predicted",
    "interval": "Interval",
    "required": "Target",
    "as_made": "As made (fill in by hand; enter it in the Feedback panel)",
    "as_made_hint": "Leave a field empty when it was not measured or judged.",
    "found_by": "measured / judged; how:",
    "outcome_choices": "passed / failed / not known yet",
    "warning_ood": "This mix is far from what the model was trained on: treat the intervals with care.",
    "warning_not_feasible": "This recipe is {status}: do not make it. {reasons}",
    "footer": "{app} {version} · printed {date}",
    "none": "none",
    "one_load": "1 load",
    "n_loads": "{n} loads",
    "moisture_none": "no free water left",
    "moisture_max": "at most {pct} % moisture",
    "no_target": "no target recorded",
    "rigid_items": "the rigid items",
    "wet_items": "the wet items",
    "recommended": "Recommended",
    # the work order for a sol of the production plan
    "one_batch": "1 batch",
    "n_batches": "{n} batches",
    "bom_day": "For {batches}",
    "bom_day_title": "Bill of materials (per batch and for this sol)",
    "repeat": "Follow this procedure for each batch: {batches} on this sol.",
    "day_title": "Work order for sol {sol}",
    "plan": "Plan",
    "plan_made": "made {date}",
    "sol": "Sol",
    "period_line": "{sol} of the plan's period {period} (sols {first}–{last})",
    "day_use": "This sol's use of the daily budgets",
    "budget": "Budget",
    "used": "On this sol",
    "daily_budget": "Daily budget",
    "share_used": "Used",
    "unlimited": "no limit",
    "machine": "Machine loads: {process}",
    "day_lines": "What to make on this sol",
    "line_no": "Line",
    "batches": "Batches",
    "of_period": "{batches} of {total} in the period",
    "line_title": "Line {n}: {product}",
    "product_col": "Product",
    "over_budget": "This sol goes over the daily {budget} budget ({used} of {cap}): the plan spends a "
    "period's budget over any of its sols, and these batches do not fit one sol's share.",
    "rebuilt": "The plan file does not hold this recipe's predictions: they were worked out again with "
    "the physics model from the inventory.",
    "schedule_note": "The plan gives each period its batches; this sol's are those of the period spread "
    "over its sols, each batch on the sol with the least work so far.",
}

TEXT_ES: Mapping[str, str] = {
    "title": "Orden de trabajo",
    "recipe": "Receta",
    "process": "Proceso",
    "target": "Objetivo",
    "model": "Predicho por",
    "physics_model": "el modelo físico",
    "date": "Fecha",
    "app": "Space Trash Desktop",
    "batch": "Lote",
    "batch_line": "{product} de producto a partir de {feed} de alimentación",
    "loads_line": " en {loads} de {load} como máximo cada una",
    "bom": "Lista de materiales (por lote)",
    "bom_item": "Artículo",
    "bom_id": "Id. de inventario",
    "bom_share": "Parte de los residuos",
    "bom_kg": "Por lote",
    "bom_done": "Pesado",
    "regolith": "Regolito MGS-1",
    "regolith_share": "{share} de la alimentación",
    "feed_total": "Alimentación total",
    "consumables": "Traído de la Tierra y consumido",
    "steps": "Procedimiento",
    "step_no": "N.º",
    "set_point": "Consigna",
    "tolerance": "Mantener en",
    "ppe": "Llevar",
    "hazard": "Peligro",
    "checkpoint": "Comprobar",
    "record": "Anotar",
    "done": "Hecho",
    "hazards": "Peligros de los materiales y equipo de protección",
    "protect": "Protección",
    "no_hazards": "Ningún material de esta alimentación supone un peligro para la tripulación.",
    "safety": "Notas de seguridad de este proceso",
    "no_safety": "Sin notas de seguridad.",
    "outputs": "Salidas previstas por lote",
    "output": "Salida",
    "mass": "Masa",
    "handling": "Qué hacer con ello",
    "product": "Producto",
    "product_handling": "Péselo, etiquételo con el id. de la receta y anótelo.",
    "properties": "Predicción (intervalo del 95 %)",
    "property": "Propiedad",
    "predicted": "Predicho",
    "interval": "Intervalo",
    "required": "Objetivo",
    "as_made": "Tal como se hizo (rellenar a mano; introducirlo en el panel Informes)",
    "as_made_hint": "Deje un campo vacío si no se midió ni se estimó.",
    "found_by": "medido / estimado; cómo:",
    "outcome_choices": "superado / no superado / aún no se sabe",
    "warning_ood": "Esta mezcla está lejos de aquello con lo que se entrenó el modelo: tome los intervalos con cautela.",
    "warning_not_feasible": "Esta receta está marcada como {status}: no la fabrique. {reasons}",
    "footer": "{app} {version} · impreso el {date}",
    "none": "ninguno",
    "one_load": "1 carga",
    "n_loads": "{n} cargas",
    "moisture_none": "sin agua libre",
    "moisture_max": "como máximo {pct} % de humedad",
    "no_target": "sin objetivo registrado",
    "rigid_items": "los artículos rígidos",
    "wet_items": "los artículos húmedos",
    "recommended": "Recomendada",
    # la orden de trabajo de un sol del plan de producción
    "one_batch": "1 lote",
    "n_batches": "{n} lotes",
    "bom_day": "Para {batches}",
    "bom_day_title": "Lista de materiales (por lote y para este sol)",
    "repeat": "Siga este procedimiento para cada lote: {batches} en este sol.",
    "day_title": "Orden de trabajo del sol {sol}",
    "plan": "Plan",
    "plan_made": "hecho el {date}",
    "sol": "Sol",
    "period_line": "{sol} del periodo {period} del plan (soles {first}–{last})",
    "day_use": "Uso de los presupuestos diarios en este sol",
    "budget": "Presupuesto",
    "used": "En este sol",
    "daily_budget": "Presupuesto diario",
    "share_used": "Usado",
    "unlimited": "sin límite",
    "machine": "Cargas de máquina: {process}",
    "day_lines": "Qué fabricar en este sol",
    "line_no": "Línea",
    "batches": "Lotes",
    "of_period": "{batches} de {total} del periodo",
    "line_title": "Línea {n}: {product}",
    "product_col": "Producto",
    "over_budget": "Este sol supera el presupuesto diario de {budget} ({used} de {cap}): el plan reparte "
    "el presupuesto de un periodo entre sus soles, y estos lotes no caben en la parte de un sol.",
    "rebuilt": "El archivo del plan no guarda las predicciones de esta receta: se han vuelto a calcular con "
    "el modelo físico a partir del inventario.",
    "schedule_note": "El plan asigna los lotes a cada periodo; los de este sol son los del periodo repartidos "
    "entre sus soles, cada lote en el sol con menos trabajo hasta entonces.",
}

STEP_TITLES_EN: Mapping[str, str] = {
    "sort": "Sort",
    "clean": "Clean",
    "dry": "Dry",
    "shred": "Shred",
    "sieve": "Sieve",
    "weigh": "Weigh",
    "solution": "Prepare the solution",
    "mix": "Mix",
    "load": "Load",
    "heat": "Heat",
    "press": "Press",
    "extrude": "Extrude",
    "print": "Print",
    "cool": "Cool",
    "eject": "Eject",
    "trim": "Trim",
    "cut": "Cut",
    "sew": "Sew",
    "mark": "Mark out",
    "join": "Join",
    "unfold": "Unfold",
    "fasten": "Fasten",
    "fill": "Fill",
    "close": "Close",
    "lift": "Lift and stack",
    "deburr": "Deburr",
    "drill": "Drill",
    "assemble": "Assemble",
    "empty": "Empty the machine",
    "inspect": "Inspect",
}

STEP_TITLES_ES: Mapping[str, str] = {
    "sort": "Clasificar",
    "clean": "Limpiar",
    "dry": "Secar",
    "shred": "Triturar",
    "sieve": "Tamizar",
    "weigh": "Pesar",
    "solution": "Preparar la disolución",
    "mix": "Mezclar",
    "load": "Cargar",
    "heat": "Calentar",
    "press": "Prensar",
    "extrude": "Extruir",
    "print": "Imprimir",
    "cool": "Enfriar",
    "eject": "Extraer",
    "trim": "Recortar",
    "cut": "Cortar",
    "sew": "Coser",
    "mark": "Marcar",
    "join": "Unir",
    "unfold": "Desplegar",
    "fasten": "Fijar",
    "fill": "Llenar",
    "close": "Cerrar",
    "lift": "Levantar y apilar",
    "deburr": "Desbarbar",
    "drill": "Taladrar",
    "assemble": "Montar",
    "empty": "Vaciar la máquina",
    "inspect": "Inspeccionar",
}

LOSS_HANDLING_EN: Mapping[str, tuple[str, str]] = {
    "water_vapour_kg": ("Water driven off", "Condensed: empty the tank into the water recovery, never the drain."),
    "regolith_volatiles_kg": ("Regolith volatiles", "Water and CO2: they leave through the condenser and the filter."),
    "fines_kg": ("Fines and dust", "Caught by the filter: bag them closed and labelled; never into the air or water."),
    "trim_kg": ("Trim and off-cuts", "Bag and label them by material: they go back into the inventory."),
}

LOSS_HANDLING_ES: Mapping[str, tuple[str, str]] = {
    "water_vapour_kg": (
        "Agua eliminada",
        "Condensada: vacíe el depósito en la recuperación de agua, nunca en el desagüe.",
    ),
    "regolith_volatiles_kg": (
        "Volátiles del regolito",
        "Agua y CO2: salen por el condensador y el filtro.",
    ),
    "fines_kg": (
        "Finos y polvo",
        "Los retiene el filtro: embólselos cerrados y etiquetados; nunca al aire ni al agua.",
    ),
    "trim_kg": (
        "Recortes y sobrantes",
        "Embólselos y etiquételos por material: vuelven al inventario.",
    ),
}

AS_MADE_FIELDS_EN: tuple[tuple[str, str, str, str], ...] = (
    ("who", "Made by", "", "name"),
    ("rigidity", "Rigidity", "0–1", "found_by"),
    ("tightness", "Tightness", "0–1", "found_by"),
    ("energy_kwh", "Energy used", "kWh", "number"),
    ("water_l", "Water used (net of what was recovered)", "L", "number"),
    ("crew_min", "Hands-on crew time", "min", "number"),
    ("product_mass_kg", "Product mass", "kg", "number"),
    ("passed", "Outcome", "", "outcome"),
    ("notes", "Notes", "", "notes"),
)

_AS_MADE_LABELS_ES: Mapping[str, str] = {
    "who": "Hecho por",
    "rigidity": "Rigidez",
    "tightness": "Estanqueidad",
    "energy_kwh": "Energía usada",
    "water_l": "Agua usada (descontada la recuperada)",
    "crew_min": "Tiempo de tripulación",
    "product_mass_kg": "Masa del producto",
    "passed": "Resultado",
    "notes": "Notas",
}
AS_MADE_FIELDS_ES: tuple[tuple[str, str, str, str], ...] = tuple(
    (key, _AS_MADE_LABELS_ES[key], unit, kind) for key, _label, unit, kind in AS_MADE_FIELDS_EN
)

PROPERTY_TITLES_EN: Mapping[str, tuple[str, str]] = {
    "rigidity": ("Rigidity", "0–1"),
    "tightness": ("Tightness", "0–1"),
    "energy_kwh": ("Energy", "kWh"),
    "water_l": ("Water", "L"),
    "crew_min": ("Crew time", "min"),
}

PROPERTY_TITLES_ES: Mapping[str, tuple[str, str]] = {
    "rigidity": ("Rigidez", "0–1"),
    "tightness": ("Estanqueidad", "0–1"),
    "energy_kwh": ("Energía", "kWh"),
    "water_l": ("Agua", "L"),
    "crew_min": ("Tiempo de tripulación", "min"),
}

# a recipe's status in the warning line (the result contract's words are English codes)
STATUS_ES: Mapping[str, str] = {"infeasible": "no viable", "refused": "rechazada", "feasible": "viable"}

WORDS: Mapping[str, Words] = {
    "en": Words(TEXT_EN, STEP_TITLES_EN, LOSS_HANDLING_EN, AS_MADE_FIELDS_EN, PROPERTY_TITLES_EN),
    "es": Words(TEXT_ES, STEP_TITLES_ES, LOSS_HANDLING_ES, AS_MADE_FIELDS_ES, PROPERTY_TITLES_ES),
}


def words(lang: str = "en") -> Words:
    """The work order's words in ``lang`` (English for a language it does not speak)."""
    return WORDS[language(lang)]


def status_word(status: str, lang: str = "en") -> str:
    return STATUS_ES.get(status, status) if language(lang) == "es" else status


# The vetting's handling warnings (engine/vetting.py ``_warning_reasons``) by flag code, in Spanish;
# the engine writes them in English.
FLAG_WARNINGS_ES: Mapping[str, str] = {
    "MICROPLASTICS": "Triturar produce polvo de microplásticos: hágalo en recinto cerrado con el filtro HEPA "
    "y mantenga los finos fuera del circuito de agua.",
    "CAUSTIC": "Usa una disolución cáustica (NaOH): guantes y protección ocular; recupere la disolución.",
    "ALUMINIUM_FLAKES": "Las capas de lámina de aluminio no se funden: quedan en el producto como escamas. "
    "Sepárelas antes si puede.",
    "WET_FEED": "Alimentación húmeda en un proceso sin calor: séquela antes o el producto puede criar moho.",
    "HOT_SURFACE": "Superficies calientes a {temperature} °C: espere a que se enfríen antes de manipularlas.",
}
