"""Spanish of the services' crew-facing sentences (explanations, recommendation line, plan progress and
summary, production notes and refusals, suggested trials, model checks). English template -> Spanish,
same placeholders."""

from __future__ import annotations

ES = {
    # services/explain.py: why a recipe scores so
    "The recipe uses {item!r}, which is not in the inventory or the catalog.": (
        "La receta usa {item!r}, que no está en el inventario ni en el catálogo."
    ),
    "The recipe cannot be explained: {error}": "La receta no se puede explicar: {error}",
    "Perfect seal": "Sellado perfecto",
    "Physics model estimate": "Estimación del modelo físico",
    "Correction by the trained model": "Corrección del modelo entrenado",
    "Everything else the trained model weighs": "Todo lo demás que pondera el modelo entrenado",
    "The other terms": "Los demás términos",
    "The trained model made no correction to this recipe's values: each sum is the physics model's own terms.": (
        "El modelo entrenado no corrigió los valores de esta receta: cada suma son los propios términos del "
        "modelo físico."
    ),
    "The trained model starts from the physics model's estimate and corrects it from what it learnt "
    "(and from crew feedback); the lines show its largest corrections, in the property's unit.": (
        "El modelo entrenado parte de la estimación del modelo físico y la corrige con lo que aprendió "
        "(y con los informes de la tripulación); las líneas muestran sus mayores correcciones, en la unidad "
        "de la propiedad."
    ),
    "The physics model alone made this prediction; the lines show its own terms.": (
        "Esta predicción la hizo solo el modelo físico; las líneas muestran sus propios términos."
    ),
    "This recipe is far from the model's training data: trust the interval less.": (
        "Esta receta está lejos de los datos de entrenamiento del modelo: confíe menos en el intervalo."
    ),
    "Stiffness of the materials ({e_solid:.3g} GPa, rule of mixtures)": (
        "Rigidez de los materiales ({e_solid:.3g} GPa, regla de las mezclas)"
    ),
    "Porosity ({por:.0%})": "Porosidad ({por:.0%})",
    "Binder bonding ({phi_b:.0%} molten, needs {min_melt:.0%})": (
        "Unión del aglutinante ({phi_b:.0%} fundido, necesita {min_melt:.0%})"
    ),
    "Binder bonding (not needed)": "Unión del aglutinante (no necesaria)",
    "Poor adhesion between different polymers": "Mala adhesión entre polímeros distintos",
    "Product form ({form}, {process})": "Forma del producto ({form}, {process})",
    "Other physics effects (and the 0-1 limit of the index)": "Otros efectos físicos (y el límite 0-1 del índice)",
    "Product form seals at most {seal:.0%} ({form})": "La forma del producto sella como máximo un {seal:.0%} ({form})",
    "Continuity of the molten phase ({phi_b:.0%} molten)": "Continuidad de la fase fundida ({phi_b:.0%} fundido)",
    "Continuity (no melt needed)": "Continuidad (no hace falta fundir)",
    "Heating the feed to {temp:.0f} °C (incl. melting and drying)": (
        "Calentar la carga a {temp:.0f} °C (incl. fusión y secado)"
    ),
    "Machine energy per kg ({feed:.2f} kg of feed)": "Energía de la máquina por kg ({feed:.2f} kg de carga)",
    "Machine energy per cycle ({batches:.0f} cycle(s))": "Energía de la máquina por ciclo ({batches:.0f} ciclo(s))",
    "Process water ({per_kg:g} L per kg x {feed:.2f} kg of feed)": (
        "Agua del proceso ({per_kg:g} L por kg x {feed:.2f} kg de carga)"
    ),
    "(Water driven off the feed and recovered: {litres:.2f} L)": (
        "(Agua extraída de la carga y recuperada: {litres:.2f} L)"
    ),
    "Per cycle ({batches:.0f} cycle(s))": "Por ciclo ({batches:.0f} ciclo(s))",
    "Per kg of feed ({feed:.2f} kg)": "Por kg de carga ({feed:.2f} kg)",
    "Shredding rigid items first": "Triturar antes los artículos rígidos",
    "Drying wet items first ({kg:.2f} kg of water)": "Secar antes los artículos húmedos ({kg:.2f} kg de agua)",
    "Drying wet items first": "Secar antes los artículos húmedos",
    "Warming the tooling up ({batches:.0f} cycle(s))": "Calentar el utillaje ({batches:.0f} ciclo(s))",
    "The physics model is in use: it has no learnt importances (see the physics drivers of a recipe instead).": (
        "Se usa el modelo físico: no tiene importancias aprendidas (vea en su lugar los factores físicos de "
        "una receta)."
    ),
    "How much the trained model's correction leans on each input, on data it was not trained on.": (
        "Cuánto se apoya la corrección del modelo entrenado en cada dato de entrada, con datos con los que no "
        "se entrenó."
    ),
    " For {properties} the trained model learnt nothing beyond the physics model (its "
    "correction did not beat physics on held-out data and is not used), so there is nothing to show.": (
        " Para {properties} el modelo entrenado no aprendió nada más allá del modelo físico (su corrección no "
        "superó al modelo físico con los datos de validación y no se usa), así que no hay nada que mostrar."
    ),
    " For {properties} what the model learnt comes from crew feedback only; "
    "see each recipe's contributions ('why it scores so').": (
        " Para {properties} lo que aprendió el modelo procede solo de los informes de la tripulación; vea las "
        "contribuciones de cada receta ('por qué puntúa así')."
    ),
    # services/generate.py: the recommendation line
    " + regolith {frac:.0%}": " + regolito {frac:.0%}",
    "recommended: {recipe} | {reason}": "recomendada: {recipe} | {reason}",
    # services/plan.py: progress and summary
    "Searching recipes for {product} ({k}/{n})": "Buscando recetas para {product} ({k}/{n})",
    "Recipes ready": "Recetas listas",
    "What-if done": "Hipótesis terminadas",
    "What-if: {budget} = {value:g} per sol": "Hipótesis: {budget} = {value:g} por sol",
    "plan: {lines} lines, {batches:,} batches over {sols:,} sols; solver {status}, gap {gap:.2%}, {seconds:.2f} s": (
        "plan: {lines} líneas, {batches:,} lotes en {sols:,} soles; "
        "solucionador {status}, brecha {gap:.2%}, {seconds:.2f} s"
    ),
    "demand met: {met:.1%} (priority-weighted {score:.1%}); {by_priority}": (
        "demanda cubierta: {met:.1%} (ponderada por prioridad {score:.1%}); {by_priority}"
    ),
    "priority {p}: {v:.0%}": "prioridad {p}: {v:.0%}",
    "waste diverted: {diverted:,.1f} kg ({problematic:,.1f} kg problematic); "
    "energy {energy:,.1f} kWh, water {water:,.1f} L, crew {crew_h:,.1f} h": (
        "residuos aprovechados: {diverted:,.1f} kg ({problematic:,.1f} kg problemáticos); "
        "energía {energy:,.1f} kWh, agua {water:,.1f} L, tripulación {crew_h:,.1f} h"
    ),
    "unmet: {product} short by {short}: {reason}": "sin cubrir: a {product} le faltan {short}: {reason}",
    "marginal: {text}": "marginal: {text}",
    "{q:,.1f} kg": "{q:,.1f} kg",
    "{q:,.0f} units": "{q:,.0f} unidades",
    # services/production.py: marking as made, undo
    "Only a feasible recipe can be marked as made: this one does not meet the target.": (
        "Solo una receta viable se puede marcar como hecha: esta no cumple el objetivo."
    ),
    "Batches must be a whole number, 1 or more (got {batches!r}).": (
        "Los lotes deben ser un número entero, 1 o más (se recibió {batches!r})."
    ),
    "{batches:,} batches is not plausible (at most 100,000 at once).": (
        "{batches:,} lotes no es plausible (como máximo 100.000 a la vez)."
    ),
    "The kg of {item} to take out must be a finite number, 0 or more.": (
        "Los kg de {item} que se retiran deben ser un número finito, 0 o más."
    ),
    "{item} is not in the inventory": "{item} no está en el inventario",
    "{item} needs {need}, only {have} in stock": "{item} necesita {need}, solo hay {have} en existencias",
    "Not enough stock to record this: {lines}.": "No hay existencias suficientes para registrar esto: {lines}.",
    "{item} is no longer in the inventory and could not be added back.": (
        "{item} ya no está en el inventario y no se pudo devolver."
    ),
    "{item} had been deleted; it was added back with {kg}.": "{item} se había borrado; se ha vuelto a añadir con {kg}.",
    "{item} was changed after this was made, so the {kg} used were added to its current stock (now {now}).": (
        "{item} se modificó después de hacer esto, así que los {kg} usados se sumaron a sus existencias "
        "actuales (ahora {now})."
    ),
    "An earlier record's stock change had not reached the inventory; it was applied now.": (
        "El cambio de existencias de un registro anterior no había llegado al inventario; se ha aplicado ahora."
    ),
    "An earlier record's stock change had not reached the inventory; it was applied first.": (
        "El cambio de existencias de un registro anterior no había llegado al inventario; se ha aplicado antes."
    ),
    "Entry {entry} was already undone ({when}).": "La entrada {entry} ya se deshizo ({when}).",
    "The entry is recorded, but the inventory could not be saved ({reason}); the stock is taken out "
    "when the inventory is next saved, recorded or undone.": (
        "La entrada está registrada, pero el inventario no se pudo guardar ({reason}); las existencias se "
        "descontarán la próxima vez que se guarde el inventario, se registre o se deshaga algo."
    ),
    "Who must be a name (text).": "«Quién» debe ser un nombre (texto).",
    "Who is too long (at most 200 characters).": "«Quién» es demasiado largo (como máximo 200 caracteres).",
    "Sol must be a whole number of mission days, 0 or more (got {sol!r}).": (
        "El sol debe ser un número entero de días de misión, 0 o más (se recibió {sol!r})."
    ),
    "The plan line has no batches to make.": "La línea del plan no tiene lotes que hacer.",
    "The plan line lacks its recipe, batches or the kg of the items it uses.": (
        "A la línea del plan le falta su receta, sus lotes o los kg de los artículos que usa."
    ),
    # services/suggest.py: suggested trials
    "{kg:.2f} kg {name}": "{kg:.2f} kg de {name}",
    "{stock}; {energy:.2f} kWh; {crew:.0f} min of crew time": (
        "{stock}; {energy:.2f} kWh; {crew:.0f} min de tiempo de tripulación"
    ),
    " Fewer than {asked}: the feasible recipes form {families} "
    "families (one trial each), or the stock or the trial budget ran out.": (
        " Menos de {asked}: las recetas viables forman {families} familias (un ensayo cada una), o se agotaron "
        "las existencias o el presupuesto de ensayos."
    ),
    "{trials} trial(s) from {candidates} feasible recipes; {reports} crew report(s) already count.{fewer}": (
        "{trials} ensayo(s) entre {candidates} recetas viables; ya cuentan {reports} informe(s) de la "
        "tripulación.{fewer}"
    ),
    "No feasible recipe for this target and inventory: nothing to try.": (
        "No hay ninguna receta viable para este objetivo e inventario: nada que probar."
    ),
    "No trial fits the stock and the trial budget (or every recipe of interest is already well known).": (
        "Ningún ensayo cabe en las existencias y el presupuesto de ensayos (o todas las recetas de interés ya "
        "se conocen bien)."
    ),
    "Ask for at least one trial (--n 1 or more).": "Pida al menos un ensayo (--n 1 o más).",
    "The energy budget must be a positive number.": "El presupuesto de energía debe ser un número positivo.",
    "The crew-time budget must be a positive number.": (
        "El presupuesto de tiempo de tripulación debe ser un número positivo."
    ),
    "ranking the trials": "ordenando los ensayos",
    # services/model.py: checks of a model bundle
    "{problem} (and {more} more)": "{problem} (y {more} más)",
    "No model is active ({reason}); give a bundle to verify.": (
        "No hay ningún modelo activo ({reason}); indique un paquete que verificar."
    ),
    "the bundle cannot be read": "el paquete no se puede leer",
    "the run history could not be read (details in the log)": (
        "no se pudo leer el historial de reentrenamientos (detalles en el registro)"
    ),
    "The trained model could not be verified: {reason}": "El modelo entrenado no se pudo verificar: {reason}",
    # services/workorder_day.py: the work order for one sol of the plan
    '{name} is not a Space Trash plan file (no "schema": "{schema}")': (
        '{name} no es un archivo de plan de Space Trash (falta "schema": "{schema}")'
    ),
    "{name} has no list of plan lines and periods": "{name} no tiene lista de líneas del plan ni de periodos",
    "{name}: plan line {k} lacks its period, sols, batches, recipe or items": (
        "{name}: a la línea del plan {k} le falta el periodo, los soles, los lotes, la receta o los artículos"
    ),
    "{name} is the CSV form of the plan; use the JSON file (spacetrash plan --out x.json)": (
        "{name} es la forma CSV del plan; use el archivo JSON (spacetrash plan --out x.json)"
    ),
    "sol {sol} is outside this plan, which runs from sol 1 to sol {last}": (
        "el sol {sol} está fuera de este plan, que va del sol 1 al sol {last}"
    ),
    "nothing is scheduled on sol {sol}: this plan has no batches at all": (
        "no hay nada previsto para el sol {sol}: este plan no tiene ningún lote"
    ),
    "the next sol with work is {sol}": "el siguiente sol con trabajo es el {sol}",
    "the last sol with work is {sol}": "el último sol con trabajo es el {sol}",
    "nothing is scheduled on sol {sol} of this plan; {hint}": "no hay nada previsto para el sol {sol} de este plan; {hint}",
    "plan line for recipe {rid} lacks the kg of its items or its process": (
        "a la línea del plan de la receta {rid} le faltan los kg de sus artículos o su proceso"
    ),
    "recipe {rid} of this plan uses {items}, which the inventory no longer has, and the plan file does not hold "
    "the recipe itself: make the plan again": (
        "la receta {rid} de este plan usa {items}, que ya no está en el inventario, y el archivo del plan no "
        "guarda la receta: vuelva a hacer el plan"
    ),
    "recipe {rid} of this plan is for a product this version does not know": (
        "la receta {rid} de este plan es para un producto que esta versión no conoce"
    ),
}
