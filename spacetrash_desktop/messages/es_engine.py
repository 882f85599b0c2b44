"""Spanish of the engine's crew-facing sentences: vetting reasons and hazards (engine/vetting.py), the
recommendation's reason and ordering rule (engine/recommend.py), why a demand is not met
(engine/plan_explain.py), the plan's progress lines and what one more unit of a budget would bring
(engine/plan.py). Keys are the English templates of ``msg(...)``; values keep every placeholder."""

from __future__ import annotations

ES = {
    # ---------------------------------------------------------------- engine/vetting.py: refused
    "{process} cannot take {materials}: {reason}": "{process} no admite {materials}: {reason}",
    "{process} cannot take {materials}.": "{process} no admite {materials}.",
    "one of the materials": "uno de los materiales",
    "{process} only takes {accepted}; {material} is not among them.": (
        "{process} solo admite {accepted}; {material} no está entre ellos."
    ),
    "{process} only takes {accepted}; {materials} are not among them.": (
        "{process} solo admite {accepted}; {materials} no están entre ellos."
    ),
    "some materials": "algunos materiales",
    "Heating {materials} releases hydrogen fluoride (HF) and PFAS; it must never go into a heated process. "
    "Use it mechanically only.": (
        "Calentar {materials} libera fluoruro de hidrógeno (HF) y PFAS; nunca debe entrar en un proceso con "
        "calor. Úselo solo por medios mecánicos."
    ),
    "a fluoropolymer": "un fluoropolímero",
    "{material} (from {temperature:.0f} °C)": "{material} (desde {temperature:.0f} °C)",
    "At {temperature:.0f} °C {materials} starts to decompose: fumes and charring, which the habitat rules "
    "treat as burning.": (
        "A {temperature:.0f} °C {materials} empieza a descomponerse: humos y carbonización, que las normas del "
        "hábitat tratan como una combustión."
    ),
    "a material": "un material",
    "{process} burns or vents material, which the mission forbids.": (
        "{process} quema o expulsa material, algo que la misión prohíbe."
    ),
    "{process} takes {low:.0%}-{high:.0%} regolith; this recipe has {share:.0%}.": (
        "{process} admite un {low:.0%}-{high:.0%} de regolito; esta receta tiene un {share:.0%}."
    ),
    "{powder:.0%} of the dry feed is {material}, a combustible dust": (
        "el {powder:.0%} de la carga seca es {material}, un polvo combustible"
    ),
    "a combustible dust is most of the feed": "la mayor parte de la carga es un polvo combustible",
    "Strength {value:.1f} MPa is below the {minimum:g} MPa this product needs: it would crumble or break in use.": (
        "La resistencia de {value:.1f} MPa está por debajo de los {minimum:g} MPa que necesita este producto: se "
        "desmoronaría o rompería con el uso."
    ),
    "{process} heats the feed, and {parts}, held by only {binder:.0%} of binder (at {temperature:.0f} °C); "
    "the powder may be at most {limit:.0%} of the two together. More is loose powder on a hot surface, "
    "which its handling rules forbid: it can smoulder or catch fire. Use less of it, more binder, or an "
    "unheated process.": (
        "{process} calienta la carga, y {parts}, sujeto por solo un {binder:.0%} de aglutinante (a "
        "{temperature:.0f} °C); el polvo puede ser como máximo el {limit:.0%} de ambos juntos. Más es polvo suelto "
        "sobre una superficie caliente, algo que sus normas de manejo prohíben: puede arder sin llama o "
        "incendiarse. Use menos polvo, más aglutinante o un proceso sin calor."
    ),
    # ---------------------------------------------------------------- engine/vetting.py: consolidation
    "the strand would crumble": "el filamento se desmoronaría",
    "the tile would crumble": "la baldosa se desmoronaría",
    "the sheet would fall apart": "la lámina se desharía",
    "the particles would crumble": "las partículas se desmoronarían",
    "the bag would crumble": "la bolsa se desharía",
    "the frame would crumble": "el bastidor se desmoronaría",
    "the fabric would crumble": "el tejido se desharía",
    "the {form} would crumble": "la pieza ({form}) se desmoronaría",
    "only {have:.0%} of the volume melts at {temperature:.0f} °C": (
        "solo el {have:.0%} del volumen se funde a {temperature:.0f} °C"
    ),
    "the binder": "el aglutinante",
    "only {have:.0%} of the volume is {binder}, the part the process bonds": (
        "solo el {have:.0%} del volumen es {binder}, la parte que el proceso une"
    ),
    "{what} ({water:.0%} is water the process does not drive off)": (
        "{what} (un {water:.0%} es agua que el proceso no elimina)"
    ),
    "{what}; {process} needs {need:.0%}: {crumbles}": "{what}; {process} necesita un {need:.0%}: {crumbles}",
    "{filler:.0%} of the solids does not melt or bind; {process} carries at most {limit:.0%} "
    "(more clogs the nozzle and weakens the part)": (
        "el {filler:.0%} de los sólidos no se funde ni se une; {process} admite como máximo un {limit:.0%} "
        "(más obstruye la boquilla y debilita la pieza)"
    ),
    "{short:.0%} of the solids is crumbled fibre; at most {limit:.0%} mixes in (more clumps and leaves voids)": (
        "el {short:.0%} de los sólidos es fibra desmenuzada; como máximo se mezcla un {limit:.0%} "
        "(más forma grumos y deja huecos)"
    ),
    "Too much filler": "Demasiada carga",
    # ---------------------------------------------------------------- engine/vetting.py: the target
    "The target does not allow {process}.": "El objetivo no permite {process}.",
    "The target does not allow regolith.": "El objetivo no permite regolito.",
    "{item} needs {need:.2f} kg, {stock:.2f} kg in stock": "{item} necesita {need:.2f} kg, hay {stock:.2f} kg en existencias",
    "Not enough in stock: {items}.": "No hay suficientes existencias: {items}.",
    "Needs {energy:.2f} kWh per batch; the cap is {cap:g} kWh.": (
        "Necesita {energy:.2f} kWh por lote; el límite es {cap:g} kWh."
    ),
    "Needs {water:.2f} L of water; the cap is {cap:g} L.": "Necesita {water:.2f} L de agua; el límite es {cap:g} L.",
    "Needs {crew:.0f} crew minutes; the cap is {cap:g} min.": (
        "Necesita {crew:.0f} minutos de tripulación; el límite es {cap:g} min."
    ),
    "The model gave no usable number for this recipe, so it cannot be shown as meeting the target.": (
        "El modelo no dio ningún número utilizable para esta receta, así que no puede mostrarse como que "
        "cumple el objetivo."
    ),
    "Rigidity {value:.2f} is below the target's {minimum:.2f}.": (
        "La rigidez {value:.2f} está por debajo del mínimo del objetivo, {minimum:.2f}."
    ),
    "Tightness {value:.2f} is below the target's {minimum:.2f}.": (
        "La estanqueidad {value:.2f} está por debajo del mínimo del objetivo, {minimum:.2f}."
    ),
    "consumables": "consumibles",
    "Uses up {kg:.3f} kg of {what} brought from Earth per batch; the target allows {cap:g} kg.": (
        "Gasta {kg:.3f} kg de {what} traídos de la Tierra por lote; el objetivo permite {cap:g} kg."
    ),
    "{item} (a recycled laminate with no decontamination proof)": (
        "{item} (un laminado reciclado sin prueba de descontaminación)"
    ),
    "a material unsafe with food": "un material no apto para alimentos",
    "{target} touches food, and this recipe holds {materials}: not safe in contact with food.": (
        "{target} está en contacto con alimentos, y esta receta contiene {materials}: no es segura en contacto "
        "con alimentos."
    ),
    # ---------------------------------------------------------------- engine/vetting.py: warnings
    "Shredding makes microplastic dust: run it enclosed with the HEPA filter and keep the fines out of the "
    "water loop.": (
        "La trituración produce polvo de microplásticos: hágala en recinto cerrado con el filtro HEPA y mantenga "
        "los finos fuera del circuito de agua."
    ),
    "Uses a caustic (NaOH) solution: gloves and eye protection; recover the solution.": (
        "Usa una solución cáustica (NaOH): guantes y protección ocular; recupere la solución."
    ),
    "Aluminium foil layers do not melt: they stay in the product as flakes. Separate them first if you can.": (
        "Las capas de papel de aluminio no se funden: quedan en el producto como escamas. Sepárelas antes si puede."
    ),
    "Wet feed in an unheated process: dry it first or the product may grow mould.": (
        "Alimentación húmeda en un proceso sin calor: séquela antes o el producto puede criar moho."
    ),
    "Hot surfaces at {temperature:.0f} °C: wait for cool-down before handling.": (
        "Superficies calientes a {temperature:.0f} °C: espere a que se enfríen antes de manipular."
    ),
    "This recipe is far from anything the model was trained on; trust the interval less.": (
        "Esta receta está lejos de todo aquello con lo que se entrenó el modelo; confíe menos en el intervalo."
    ),
    # ---------------------------------------------------------------- engine/recommend.py
    "Order: recipes with at least a {threshold:.0%} chance of meeting every requirement of the target "
    "come first, in the crew's priority order (Pareto front first, then the materials a scenario's product "
    "names first, or problematic waste first when the target prefers it, then the least energy); then the "
    "other feasible recipes, the most likely first; "
    "then the infeasible and refused ones. The first feasible recipe is the recommended one.": (
        "Orden: primero las recetas con al menos un {threshold:.0%} de probabilidad de cumplir todos los "
        "requisitos del objetivo, en el orden de prioridad de la tripulación (primero el frente de Pareto, "
        "luego los materiales que nombra el producto de un escenario, o primero los residuos problemáticos "
        "cuando el objetivo los prefiere, y después la menor energía); luego las demás recetas viables, "
        "primero las más probables; y después las no viables y las rechazadas. La primera receta viable es "
        "la recomendada."
    ),
    "Recommended: {chance} chance of meeting every requirement": (
        "Recomendada: {chance} de probabilidad de cumplir todos los requisitos"
    ),
    "{chance} chance of meeting every requirement": "{chance} de probabilidad de cumplir todos los requisitos",
    "Recommended with care: only {chance} chance of meeting every requirement "
    "(no recipe found reaches {threshold:.0%})": (
        "Recomendada con cautela: solo {chance} de probabilidad de cumplir todos los requisitos "
        "(ninguna receta encontrada llega al {threshold:.0%})"
    ),
    "with care: only {chance} chance of meeting every requirement (no recipe found reaches {threshold:.0%})": (
        "con cautela: solo {chance} de probabilidad de cumplir todos los requisitos "
        "(ninguna receta encontrada llega al {threshold:.0%})"
    ),
    "{share:.0%} of the waste from the materials its description names": (
        "{share:.0%} de los residuos de los materiales que nombra su descripción"
    ),
    "{share:.0%} problematic waste": "{share:.0%} de residuos problemáticos",
    "{energy:.2f} kWh, {crew:.0f} min of crew time per batch": (
        "{energy:.2f} kWh, {crew:.0f} min de tiempo de tripulación por lote"
    ),
    "far from the model's training data, so its intervals were taken twice as wide": (
        "lejos de los datos de entrenamiento del modelo, así que sus intervalos se tomaron el doble de anchos"
    ),
    # ---------------------------------------------------------------- engine/plan_explain.py
    "too little {item} in stock ({have} kg; one batch needs {need} kg)": (
        "muy pocas existencias de {item} ({have} kg; un lote necesita {need} kg)"
    ),
    "{item} runs out on sol {sol}": "{item} se agota el sol {sol}",
    "{item} runs out": "{item} se agota",
    "{process} machine capacity on sols {sols}": "capacidad de la máquina de {process} en los soles {sols}",
    "energy cap on sols {sols}": "límite de energía en los soles {sols}",
    "water cap on sols {sols}": "límite de agua en los soles {sols}",
    "crew-time cap on sols {sols}": "límite de tiempo de tripulación en los soles {sols}",
    "no feasible recipe for this product from this inventory": (
        "no hay ninguna receta viable para este producto con este inventario"
    ),
    "due on sol {sol}, before the plan's first period": "vence el sol {sol}, antes del primer periodo del plan",
    "not reached within the time limit (the plan is within {gap:.1%} of the best)": (
        "no se alcanzó dentro del tiempo límite (el plan está a menos de un {gap:.1%} del mejor)"
    ),
    "a higher-priority demand uses the stock and time it would need": (
        "una demanda de mayor prioridad usa las existencias y el tiempo que necesitaría"
    ),
    # ---------------------------------------------------------------- engine/plan.py
    "Planning: demand of priority {level}": "Planificando: demanda de prioridad {level}",
    "Planning: waste diverted": "Planificando: residuos aprovechados",
    "Planning: what one more kWh of energy per sol would bring": (
        "Planificando: lo que aportaría un kWh más de energía por sol"
    ),
    "Planning: what one more litre of water per sol would bring": (
        "Planificando: lo que aportaría un litro más de agua por sol"
    ),
    "Planning: what one more crew hour per sol would bring": (
        "Planificando: lo que aportaría una hora más de tripulación por sol"
    ),
    "One more kWh of energy per sol ({new} kWh instead of {now})": (
        "Un kWh más de energía por sol ({new} kWh en lugar de {now})"
    ),
    "One more litre of water per sol ({new} L instead of {now})": (
        "Un litro más de agua por sol ({new} L en lugar de {now})"
    ),
    "One more crew hour per sol ({new} crew h instead of {now})": (
        "Una hora más de tripulación por sol ({new} h de tripulación en lugar de {now})"
    ),
    "{head} would change nothing: it does not limit this plan.": ("{head} no cambiaría nada: no limita este plan."),
    "{points:+.1f} points of weighted demand met": "{points:+.1f} puntos de demanda ponderada satisfecha",
    "{kg:+,.0f} kg of waste diverted": "{kg:+,.0f} kg de residuos aprovechados",
    "{head}: {changes}.": "{head}: {changes}.",
}
