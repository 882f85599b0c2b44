<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>CandidateViews</name>
    <message>
        <source>Rigidity</source>
        <translation>Rigidez</translation>
    </message>
    <message>
        <source>Rigidity index (0–1, higher = stiffer)</source>
        <translation>Índice de rigidez (0–1, más alto = más rígido)</translation>
    </message>
    <message>
        <source>How stiff the product is: 0 = soft foam or draped fabric, 0.37 = LDPE sheet, 0.57 = HDPE board, 0.71 = PET/nylon part, 0.86 = fibre composite, 1 = metal frame.</source>
        <translation>Lo rígido que es el producto: 0 = espuma blanda o tela caída, 0,37 = lámina de LDPE, 0,57 = tablero de HDPE, 0,71 = pieza de PET/nailon, 0,86 = compuesto de fibra, 1 = bastidor metálico.</translation>
    </message>
    <message>
        <source>Tightness</source>
        <translation>Estanqueidad</translation>
    </message>
    <message>
        <source>Tightness index (0–1, higher = holds liquids)</source>
        <translation>Índice de estanqueidad (0–1, más alto = retiene líquidos)</translation>
    </message>
    <message>
        <source>How well it holds liquid and gas: 0 = loose shred or mesh, 0.2 = woven fabric (dust), 0.5 = compacted tile (splash-proof), 0.8 = fused sheet (water-tight), 1 = gas-tight film.</source>
        <translation>Lo bien que retiene líquidos y gases: 0 = triturado suelto o malla, 0,2 = tejido (polvo), 0,5 = baldosa compactada (a prueba de salpicaduras), 0,8 = lámina fundida (estanca al agua), 1 = película estanca al gas.</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>Energy per batch (kWh)</source>
        <translation>Energía por lote (kWh)</translation>
    </message>
    <message>
        <source>Electrical energy per batch: heating, melting and the machine itself.</source>
        <translation>Energía eléctrica por lote: calentamiento, fusión y la propia máquina.</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Agua</translation>
    </message>
    <message>
        <source>Water per batch (L)</source>
        <translation>Agua por lote (L)</translation>
    </message>
    <message>
        <source>Water used per batch (rinsing, cleaning, process water), net of what is recovered.</source>
        <translation>Agua usada por lote (aclarado, limpieza, agua de proceso), descontada la que se recupera.</translation>
    </message>
    <message>
        <source>Crew time</source>
        <translation>Tiempo de tripulación</translation>
    </message>
    <message>
        <source>Crew time per batch (min)</source>
        <translation>Tiempo de tripulación por lote (min)</translation>
    </message>
    <message>
        <source>Hands-on crew minutes per batch (sorting, loading, finishing).</source>
        <translation>Minutos de trabajo manual de la tripulación por lote (clasificar, cargar, acabar).</translation>
    </message>
    <message>
        <source>feasible (front)</source>
        <translation>viable (frente)</translation>
    </message>
    <message>
        <source>feasible</source>
        <translation>viable</translation>
    </message>
    <message>
        <source>infeasible</source>
        <translation>no viable</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>★ Recommended</source>
        <translation>★ Recomendada</translation>
    </message>
    <message>
        <source>Chance that the recipe meets every requirement of the target (rigidity and tightness minimums, energy, water and crew-time caps), from the 95% intervals; a conservative bound, 0 when infeasible. At least {p} counts as confidently feasible.</source>
        <translation>Probabilidad de que la receta cumpla todos los requisitos del objetivo (mínimos de rigidez y estanqueidad, topes de energía, agua y tiempo de tripulación), a partir de los intervalos del 95 %; una cota prudente, 0 si no es viable. A partir de {p} cuenta como viable con confianza.</translation>
    </message>
    <message>
        <source>Items (share of waste)</source>
        <translation>Artículos (parte de los residuos)</translation>
    </message>
    <message>
        <source>Waste items of the recipe with their share of the waste part</source>
        <translation>Artículos de residuo de la receta con su parte de la fracción de residuos</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>How the feed is turned into the product</source>
        <translation>Cómo se transforma la carga en el producto</translation>
    </message>
    <message>
        <source>Regolith %</source>
        <translation>Regolito %</translation>
    </message>
    <message>
        <source>MGS-1 regolith as % of the whole feed</source>
        <translation>Regolito MGS-1 en % de la carga total</translation>
    </message>
    <message>
        <source>Feasibility</source>
        <translation>Viabilidad</translation>
    </message>
    <message>
        <source>feasible: meets every target value and safety rule; infeasible: misses one; refused: breaks a safety rule. ★ Recommended marks the one recipe to make first (the first feasible one in the order of the # column).</source>
        <translation>viable: cumple todos los valores del objetivo y las normas de seguridad; no viable: falla en alguno; rechazada: incumple una norma de seguridad. ★ Recomendada marca la receta que conviene fabricar primero (la primera viable en el orden de la columna #).</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rango</translation>
    </message>
    <message>
        <source>Pareto rank over all five objectives: 1 = on the Pareto front (no other feasible recipe is better in every objective), 2 = next layer, – = infeasible</source>
        <translation>Rango de Pareto sobre los cinco objetivos: 1 = en el frente de Pareto (ninguna otra receta viable es mejor en todos los objetivos), 2 = capa siguiente, – = no viable</translation>
    </message>
    <message>
        <source>Rigidity (0–1)</source>
        <translation>Rigidez (0–1)</translation>
    </message>
    <message>
        <source>Tightness (0–1)</source>
        <translation>Estanqueidad (0–1)</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>Energía (kWh)</translation>
    </message>
    <message>
        <source>Water (L)</source>
        <translation>Agua (L)</translation>
    </message>
    <message>
        <source>Crew (min)</source>
        <translation>Tripulación (min)</translation>
    </message>
    <message>
        <source>Hard waste %</source>
        <translation>Residuos difíciles %</translation>
    </message>
    <message>
        <source>Problematic waste: share of the feed that is hard-to-handle waste (multilayer, foam, PFAS-bearing...)</source>
        <translation>Residuos problemáticos: parte de la carga que son residuos difíciles de tratar (multicapa, espuma, con PFAS...)</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Warnings and reasons from the physical and safety vetting (full text in the tooltip)</source>
        <translation>Avisos y motivos de la revisión física y de seguridad (texto completo en la información emergente)</translation>
    </message>
    <message>
        <source>Chance %</source>
        <translation>Probabilidad %</translation>
    </message>
    <message>
        <source>Recipe ID: stable identifier of the recipe (same mix, same id on every machine)</source>
        <translation>ID de receta: identificador estable de la receta (misma mezcla, mismo id en cualquier equipo)</translation>
    </message>
    <message>
        <source>{title} ({unit}). {tip} Value with its 95% interval.</source>
        <translation>{title} ({unit}). {tip} Valor con su intervalo del 95 %.</translation>
    </message>
    <message>
        <source>refused material</source>
        <translation>material rechazado</translation>
    </message>
    <message>
        <source>item the process does not take</source>
        <translation>artículo que el proceso no admite</translation>
    </message>
    <message>
        <source>hazardous when heated</source>
        <translation>peligroso al calentarse</translation>
    </message>
    <message>
        <source>decomposes at process heat</source>
        <translation>se descompone a la temperatura del proceso</translation>
    </message>
    <message>
        <source>burns or vents</source>
        <translation>arde o desprende gases</translation>
    </message>
    <message>
        <source>regolith share out of range</source>
        <translation>parte de regolito fuera de rango</translation>
    </message>
    <message>
        <source>process not allowed</source>
        <translation>proceso no permitido</translation>
    </message>
    <message>
        <source>regolith not allowed</source>
        <translation>regolito no permitido</translation>
    </message>
    <message>
        <source>not enough in stock</source>
        <translation>existencias insuficientes</translation>
    </message>
    <message>
        <source>over the energy cap</source>
        <translation>supera el tope de energía</translation>
    </message>
    <message>
        <source>over the water cap</source>
        <translation>supera el tope de agua</translation>
    </message>
    <message>
        <source>over the crew-time cap</source>
        <translation>supera el tope de tiempo de tripulación</translation>
    </message>
    <message>
        <source>not stiff enough</source>
        <translation>no es bastante rígida</translation>
    </message>
    <message>
        <source>not tight enough</source>
        <translation>no es bastante estanca</translation>
    </message>
    <message>
        <source>not strong enough</source>
        <translation>no es lo bastante resistente</translation>
    </message>
    <message>
        <source>too much powder to heat</source>
        <translation>demasiado polvo para calentar</translation>
    </message>
    <message>
        <source>no usable prediction</source>
        <translation>sin predicción utilizable</translation>
    </message>
    <message>
        <source>will not hold together</source>
        <translation>no se mantendrá unida</translation>
    </message>
    <message>
        <source>too much filler</source>
        <translation>demasiada carga mineral</translation>
    </message>
    <message>
        <source>not safe with food</source>
        <translation>no apta para alimentos</translation>
    </message>
    <message>
        <source>over the consumables cap</source>
        <translation>supera el tope de consumibles</translation>
    </message>
    <message>
        <source>microplastic dust</source>
        <translation>polvo de microplásticos</translation>
    </message>
    <message>
        <source>caustic solution</source>
        <translation>solución cáustica</translation>
    </message>
    <message>
        <source>aluminium flakes</source>
        <translation>escamas de aluminio</translation>
    </message>
    <message>
        <source>wet feed</source>
        <translation>carga húmeda</translation>
    </message>
    <message>
        <source>no binder</source>
        <translation>sin aglutinante</translation>
    </message>
    <message>
        <source>hot surfaces</source>
        <translation>superficies calientes</translation>
    </message>
    <message>
        <source>unfamiliar mix</source>
        <translation>mezcla poco conocida</translation>
    </message>
    <message>
        <source>combustible dust</source>
        <translation>polvo combustible</translation>
    </message>
    <message>
        <source>fibre dust</source>
        <translation>polvo de fibras</translation>
    </message>
    <message>
        <source>material hazard</source>
        <translation>peligro del material</translation>
    </message>
    <message>
        <source>process note</source>
        <translation>nota del proceso</translation>
    </message>
    <message>
        <source>This recipe is far from anything the model was trained on; trust the interval less.</source>
        <translation>Esta receta se aleja de todo aquello con lo que se entrenó el modelo; confíe menos en el intervalo.</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>Sin avisos.</translation>
    </message>
    <message>
        <source>★ Recommended (front)</source>
        <translation>★ Recomendada (frente)</translation>
    </message>
    <message>
        <source>{p} chance of meeting every requirement</source>
        <translation>{p} de probabilidad de cumplir todos los requisitos</translation>
    </message>
    <message>
        <source>Target: {name}</source>
        <translation>Objetivo: {name}</translation>
    </message>
    <message>
        <source>{kg} per batch</source>
        <translation>{kg} por lote</translation>
    </message>
    <message>
        <source>search time limit {s} s (Target tab)</source>
        <translation>límite de tiempo de búsqueda {s} s (pestaña Objetivo)</translation>
    </message>
    <message>
        <source> ({n} of them feasible)</source>
        <translation> ({n} de ellas viables)</translation>
    </message>
    <message>
        <source> in {s} s</source>
        <translation> en {s} s</translation>
    </message>
    <message>
        <source>Scored {n} recipes{of}{took}.</source>
        <translation>Se evaluaron {n} recetas{of}{took}.</translation>
    </message>
    <message>
        <source>Kept the best {n} for the table: {feasible} feasible ({confident} confidently), {front} on the Pareto front.</source>
        <translation>Se conservan las {n} mejores para la tabla: {feasible} viables ({confident} con confianza), {front} en el frente de Pareto.</translation>
    </message>
</context>
<context>
    <name>CandidatesTab</name>
    <message>
        <source>Generate recipes for the current target from the current inventory (Ctrl+G)</source>
        <translation>Generar recetas para el objetivo actual a partir del inventario actual (Ctrl+G)</translation>
    </message>
    <message>
        <source>Stop the search and keep the recipes found so far (Esc)</source>
        <translation>Detener la búsqueda y conservar las recetas encontradas hasta ahora (Esc)</translation>
    </message>
    <message>
        <source>Save every recipe with its properties and intervals as CSV or JSON (Ctrl+E)</source>
        <translation>Guardar todas las recetas con sus propiedades e intervalos como CSV o JSON (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save only the recipes on the Pareto front (CSV or JSON)</source>
        <translation>Guardar solo las recetas del frente de Pareto (CSV o JSON)</translation>
    </message>
    <message>
        <source>Show saved results again in Candidates and Trade-offs: a JSON file from Export, from 'spacetrash generate --out FILE.json' or a batch job's result</source>
        <translation>Volver a mostrar resultados guardados en Candidatas y Compromisos: un archivo JSON de Exportar, de 'spacetrash generate --out FILE.json' o el resultado de un trabajo por lotes</translation>
    </message>
    <message>
        <source>No recipe to recommend: none is feasible. The nearest misses show what blocks the target.</source>
        <translation>No hay receta que recomendar: ninguna es viable. Las que más se acercan muestran qué impide alcanzar el objetivo.</translation>
    </message>
    <message>
        <source>recipe {id}</source>
        <translation>receta {id}</translation>
    </message>
    <message>
        <source>Not the recommended recipe: that is #{n} ({id}).</source>
        <translation>No es la receta recomendada: esa es la #{n} ({id}).</translation>
    </message>
    <message>
        <source>the search stopped when the front stopped improving</source>
        <translation>la búsqueda se detuvo cuando el frente dejó de mejorar</translation>
    </message>
    <message>
        <source>time limit reached: the best recipes found are shown</source>
        <translation>se alcanzó el límite de tiempo: se muestran las mejores recetas encontradas</translation>
    </message>
    <message>
        <source>Recipe table &amp;columns</source>
        <translation>&amp;Columnas de la tabla de recetas</translation>
    </message>
    <message>
        <source>Stopped: kept what was found. {summary}</source>
        <translation>Detenida: se conserva lo encontrado. {summary}</translation>
    </message>
    <message>
        <source>Done. {summary}</source>
        <translation>Terminado. {summary}</translation>
    </message>
    <message>
        <source>No recipe matches the filter (0 of {kept} shown)</source>
        <translation>Ninguna receta coincide con el filtro (0 de {kept} mostradas)</translation>
    </message>
    <message>
        <source>{shown} of {kept} shown</source>
        <translation>{shown} de {kept} mostradas</translation>
    </message>
    <message>
        <source>all {kept} shown</source>
        <translation>las {kept} mostradas</translation>
    </message>
    <message>
        <source>Press Generate to find recipes for the target.</source>
        <translation>Pulse Generar para buscar recetas para el objetivo.</translation>
    </message>
    <message>
        <source>Live counts</source>
        <translation>Recuentos en directo</translation>
    </message>
    <message>
        <source>Recommended recipe</source>
        <translation>Receta recomendada</translation>
    </message>
    <message>
        <source>&amp;Generate recipes</source>
        <translation>&amp;Generar recetas</translation>
    </message>
    <message>
        <source>&amp;Cancel generation</source>
        <translation>&amp;Cancelar la generación</translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation>&amp;Exportar resultados…</translation>
    </message>
    <message>
        <source>Export the Pareto &amp;front…</source>
        <translation>Exportar el &amp;frente de Pareto…</translation>
    </message>
    <message>
        <source>&amp;Open results…</source>
        <translation>&amp;Abrir resultados…</translation>
    </message>
    <message>
        <source>Generate  (Ctrl+G)</source>
        <translation>Generar  (Ctrl+G)</translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Cancelar  (Esc)</translation>
    </message>
    <message>
        <source>Generation progress</source>
        <translation>Progreso de la generación</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Export front…</source>
        <translation>Exportar frente…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>All recipes</source>
        <translation>Todas las recetas</translation>
    </message>
    <message>
        <source>Feasible only</source>
        <translation>Solo viables</translation>
    </message>
    <message>
        <source>Pareto front only</source>
        <translation>Solo frente de Pareto</translation>
    </message>
    <message>
        <source>Filter by item, process or flag</source>
        <translation>Filtrar por artículo, proceso o aviso</translation>
    </message>
    <message>
        <source>Filter the recipes</source>
        <translation>Filtrar las recetas</translation>
    </message>
    <message>
        <source>Recipes shown</source>
        <translation>Recetas mostradas</translation>
    </message>
    <message>
        <source>Recipes</source>
        <translation>Recetas</translation>
    </message>
    <message>
        <source>The target has an invalid value: fix it in the Target tab first.</source>
        <translation>El objetivo tiene un valor no válido: corríjalo antes en la pestaña Objetivo.</translation>
    </message>
    <message>
        <source>Cannot generate: {problem}</source>
        <translation>No se puede generar: {problem}</translation>
    </message>
    <message>
        <source>The inventory is still loading; press Generate again in a moment.</source>
        <translation>El inventario aún se está cargando; pulse Generar de nuevo dentro de un momento.</translation>
    </message>
    <message>
        <source>The inventory is empty: add or import stock first.</source>
        <translation>El inventario está vacío: añada o importe existencias primero.</translation>
    </message>
    <message>
        <source>the recipe generation</source>
        <translation>la generación de recetas</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>iniciando…</translation>
    </message>
    <message>
        <source>Waiting for the search to start (time limit {s} s)…</source>
        <translation>Esperando a que empiece la búsqueda (límite de tiempo {s} s)…</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>deteniendo…</translation>
    </message>
    <message>
        <source>Stopping… the {n} recipes found so far are kept.</source>
        <translation>Deteniendo… se conservan las {n} recetas encontradas hasta ahora.</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>buscando…</translation>
    </message>
    <message>
        <source>{n} on the front so far · {s} s (limit {limit} s)</source>
        <translation>{n} en el frente hasta ahora · {s} s (límite {limit} s)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>Stopped: kept the {n} recipes found so far.</source>
        <translation>Detenida: se conservan las {n} recetas encontradas hasta ahora.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <source>The generation stopped with an error (see the message). Recipes found before it are kept.</source>
        <translation>La generación se detuvo con un error (vea el mensaje). Se conservan las recetas encontradas antes.</translation>
    </message>
    <message>
        <source>The target has an invalid value: see the Target tab.</source>
        <translation>El objetivo tiene un valor no válido: vea la pestaña Objetivo.</translation>
    </message>
    <message>
        <source>Fix the target first: {problem}</source>
        <translation>Corrija primero el objetivo: {problem}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Work order…</source>
        <translation>Orden de trabajo…</translation>
    </message>
    <message>
        <source>Report how it turned out…</source>
        <translation>Informar del resultado…</translation>
    </message>
    <message>
        <source>Mark as made…</source>
        <translation>Marcar como hecho…</translation>
    </message>
    <message>
        <source>The crew made batches of this recipe: record them and take the stock out of the inventory</source>
        <translation>La tripulación fabricó lotes de esta receta: regístrelos y descuente las existencias del inventario</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Composición</translation>
    </message>
    <message>
        <source>Mass flow per batch</source>
        <translation>Flujo de masa por lote</translation>
    </message>
    <message>
        <source>Against the target (95% intervals)</source>
        <translation>Frente al objetivo (intervalos del 95 %)</translation>
    </message>
    <message>
        <source>Why it scores so</source>
        <translation>Por qué obtiene estos valores</translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation>Notas de seguridad</translation>
    </message>
    <message>
        <source>{status}, Pareto rank {rank}</source>
        <translation>{status}, rango de Pareto {rank}</translation>
    </message>
    <message>
        <source>Recipe {id} · batch of {kg} product</source>
        <translation>Receta {id} · lote de {kg} de producto</translation>
    </message>
    <message>
        <source>Working out the model's feature contributions…</source>
        <translation>Calculando las contribuciones de las variables del modelo…</translation>
    </message>
    <message>
        <source>the explanation of the selected recipe</source>
        <translation>la explicación de la receta seleccionada</translation>
    </message>
    <message>
        <source>Physics details</source>
        <translation>Detalles físicos</translation>
    </message>
    <message>
        <source>The model's contributions are not available ({reason})</source>
        <translation>Las contribuciones del modelo no están disponibles ({reason})</translation>
    </message>
</context>
<context>
    <name>PropertyBars</name>
    <message>
        <source>Properties against the target</source>
        <translation>Propiedades frente al objetivo</translation>
    </message>
    <message>
        <source>{title} {value} {unit} (at least {limit})</source>
        <translation>{title} {value} {unit} (al menos {limit})</translation>
    </message>
    <message>
        <source>{title} {value} {unit} (at most {limit})</source>
        <translation>{title} {value} {unit} (como máximo {limit})</translation>
    </message>
    <message>
        <source>Select a recipe</source>
        <translation>Seleccione una receta</translation>
    </message>
</context>
<context>
    <name>RecipeDetail</name>
    <message>
        <source>feasible</source>
        <translation>viable</translation>
    </message>
    <message>
        <source>infeasible</source>
        <translation>no viable</translation>
    </message>
    <message>
        <source>refused (safety)</source>
        <translation>rechazada (seguridad)</translation>
    </message>
    <message>
        <source>Select a recipe in the table or on the Trade-offs plot.</source>
        <translation>Seleccione una receta en la tabla o en el gráfico de Compromisos.</translation>
    </message>
    <message>
        <source>Select a recipe in the table or on the Trade-offs plot to see its composition, mass flow and safety notes.</source>
        <translation>Seleccione una receta en la tabla o en el gráfico de Compromisos para ver su composición, su flujo de masa y sus notas de seguridad.</translation>
    </message>
    <message>
        <source>The steps, set points, materials and safety notes for the crew at the machine: preview, print, save as PDF or HTML</source>
        <translation>Los pasos, consignas, materiales y notas de seguridad para la tripulación en la máquina: vista previa, imprimir, guardar como PDF o HTML</translation>
    </message>
    <message>
        <source>The crew made this recipe: record what they measured or judged, in the Feedback panel (Ctrl+5)</source>
        <translation>La tripulación fabricó esta receta: registre lo que midió o estimó en el panel Informes (Ctrl+5)</translation>
    </message>
    <message>
        <source>This recipe misses the target, so it has no work order. If the crew made it anyway (a trial), record how it turned out in the Feedback panel (Ctrl+5): near misses teach the model the most.</source>
        <translation>Esta receta no alcanza el objetivo, así que no tiene orden de trabajo. Si la tripulación la fabricó de todos modos (un ensayo), registre el resultado en el panel Informes (Ctrl+5): las que casi lo alcanzan son las que más enseñan al modelo.</translation>
    </message>
    <message>
        <source>Select a recipe first.</source>
        <translation>Seleccione primero una receta.</translation>
    </message>
    <message>
        <source>This recipe breaks a safety rule (see Safety notes): it must not be made, so there is no work order and nothing to report.</source>
        <translation>Esta receta incumple una norma de seguridad (vea Notas de seguridad): no debe fabricarse, así que no hay orden de trabajo ni nada que informar.</translation>
    </message>
    <message>
        <source>This recipe misses the target (see the bars and Safety notes): only a feasible recipe gets a work order.</source>
        <translation>Esta receta no alcanza el objetivo (vea las barras y las Notas de seguridad): solo una receta viable tiene orden de trabajo.</translation>
    </message>
    <message>
        <source>Molten polymer share</source>
        <translation>Parte de polímero fundido</translation>
    </message>
    <message>
        <source>{pct}% of the feed</source>
        <translation>{pct} % de la carga</translation>
    </message>
    <message>
        <source>the molten phase binds the rest; more of it gives a tighter, stiffer product</source>
        <translation>la fase fundida aglutina el resto; más fase fundida da un producto más estanco y rígido</translation>
    </message>
    <message>
        <source>Porosity</source>
        <translation>Porosidad</translation>
    </message>
    <message>
        <source>voids weaken the part and let liquids through (tightness falls with (1 − porosity)²)</source>
        <translation>los huecos debilitan la pieza y dejan pasar líquidos (la estanqueidad cae con (1 − porosidad)²)</translation>
    </message>
    <message>
        <source>Effective stiffness</source>
        <translation>Rigidez efectiva</translation>
    </message>
    <message>
        <source>gives rigidity {r} on the 10 MPa – 30 GPa log scale</source>
        <translation>da una rigidez de {r} en la escala logarítmica de 10 MPa – 30 GPa</translation>
    </message>
    <message>
        <source>Heat into the feed</source>
        <translation>Calor aportado a la carga</translation>
    </message>
    <message>
        <source>{heat} kWh of {total} kWh</source>
        <translation>{heat} kWh de {total} kWh</translation>
    </message>
    <message>
        <source>the rest is heater losses and the machine's own consumption</source>
        <translation>el resto son pérdidas del calentador y el consumo propio de la máquina</translation>
    </message>
    <message>
        <source>Hydrogen content</source>
        <translation>Contenido de hidrógeno</translation>
    </message>
    <message>
        <source>{pct} wt%</source>
        <translation>{pct} % en peso</translation>
    </message>
    <message>
        <source>hydrogen-rich products shield radiation better</source>
        <translation>los productos ricos en hidrógeno protegen mejor de la radiación</translation>
    </message>
    <message>
        <source>The rest</source>
        <translation>El resto</translation>
    </message>
    <message>
        <source>rounding</source>
        <translation>redondeo</translation>
    </message>
    <message>
        <source>trained model</source>
        <translation>modelo entrenado</translation>
    </message>
    <message>
        <source>physics model</source>
        <translation>modelo físico</translation>
    </message>
    <message>
        <source>How each value adds up</source>
        <translation>Cómo se compone cada valor</translation>
    </message>
    <message>
        <source>MGS-1 regolith</source>
        <translation>Regolito MGS-1</translation>
    </message>
    <message>
        <source>Feed in total</source>
        <translation>Carga total</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Share of waste</source>
        <translation>Parte de los residuos</translation>
    </message>
    <message>
        <source>Per batch</source>
        <translation>Por lote</translation>
    </message>
    <message>
        <source>Protect:</source>
        <translation>Protección:</translation>
    </message>
    <message>
        <source>This mix is far from what the model was trained on: treat the intervals with care.</source>
        <translation>Esta mezcla se aleja de aquello con lo que se entrenó el modelo: tome los intervalos con cautela.</translation>
    </message>
    <message>
        <source>No safety notes.</source>
        <translation>Sin notas de seguridad.</translation>
    </message>
</context>
<context>
    <name>ResultFiles</name>
    <message>
        <source>Export the Pareto front</source>
        <translation>Exportar el frente de Pareto</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>Exportar los resultados</translation>
    </message>
    <message>
        <source>the export of the Pareto front</source>
        <translation>la exportación del frente de Pareto</translation>
    </message>
    <message>
        <source>Exported {n} recipes (Pareto front) to {path}</source>
        <translation>Se exportaron {n} recetas (frente de Pareto) a {path}</translation>
    </message>
    <message>
        <source>the export of the results</source>
        <translation>la exportación de los resultados</translation>
    </message>
    <message>
        <source>Exported {n} recipes (results) to {path}</source>
        <translation>Se exportaron {n} recetas (resultados) a {path}</translation>
    </message>
    <message>
        <source>Open saved results</source>
        <translation>Abrir resultados guardados</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Wait for the generation to finish (or cancel it) before opening saved results.</source>
        <translation>Espere a que termine la generación (o cancélela) antes de abrir resultados guardados.</translation>
    </message>
    <message>
        <source>opening the saved results</source>
        <translation>la apertura de los resultados guardados</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>Abierto {name}.</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>Opened the saved results {name} ({n} recipes)</source>
        <translation>Abiertos los resultados guardados {name} ({n} recetas)</translation>
    </message>
    <message>
        <source>from {name}</source>
        <translation>de {name}</translation>
    </message>
</context>
<context>
    <name>SankeyWidget</name>
    <message>
        <source>Water vapour (condensed, recovered)</source>
        <translation>Vapor de agua (condensado, recuperado)</translation>
    </message>
    <message>
        <source>Regolith volatiles (H2O/CO2, captured)</source>
        <translation>Volátiles del regolito (H2O/CO2, capturados)</translation>
    </message>
    <message>
        <source>Fines and dust (captured by the filter)</source>
        <translation>Finos y polvo (capturados por el filtro)</translation>
    </message>
    <message>
        <source>Trim and off-cuts (recyclable)</source>
        <translation>Recortes y sobrantes (reciclables)</translation>
    </message>
    <message>
        <source>MGS-1 regolith</source>
        <translation>Regolito MGS-1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Mass flow diagram</source>
        <translation>Diagrama de flujo de masa</translation>
    </message>
    <message>
        <source>Inputs: {inputs}. Process: {process}. Outputs: {outputs}.</source>
        <translation>Entradas: {inputs}. Proceso: {process}. Salidas: {outputs}.</translation>
    </message>
    <message>
        <source>Select a recipe to see its mass flow</source>
        <translation>Seleccione una receta para ver su flujo de masa</translation>
    </message>
    <message>
        <source>{process}: feed {kg}</source>
        <translation>{process}: carga {kg}</translation>
    </message>
    <message>
        <source>{label}: {kg} ({pct}% of the feed)</source>
        <translation>{label}: {kg} ({pct} % de la carga)</translation>
    </message>
    <message>
        <source>feed {feed}  →  product and losses {out}</source>
        <translation>carga {feed}  →  producto y pérdidas {out}</translation>
    </message>
</context>
<context>
    <name>TableModels</name>
    <message>
        <source>Stock line identifier</source>
        <translation>Identificador de la línea de existencias</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>What the waste is</source>
        <translation>Qué es el residuo</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>NASA waste category</source>
        <translation>Categoría de residuo de la NASA</translation>
    </message>
    <message>
        <source>Mass (kg) ✎</source>
        <translation>Masa (kg) ✎</translation>
    </message>
    <message>
        <source>Mass of this stock line in kilograms. Double-click, press F2 or just type to edit.</source>
        <translation>Masa de esta línea de existencias en kilogramos. Para editarla, haga doble clic, pulse F2 o simplemente escriba.</translation>
    </message>
    <message>
        <source>Count ✎</source>
        <translation>Unidades ✎</translation>
    </message>
    <message>
        <source>Number of pieces (0 = not counted). Double-click, press F2 or just type to edit.</source>
        <translation>Número de piezas (0 = sin contar). Para editarlo, haga doble clic, pulse F2 o simplemente escriba.</translation>
    </message>
    <message>
        <source>Moisture (%) ✎</source>
        <translation>Humedad (%) ✎</translation>
    </message>
    <message>
        <source>Water content in % of the wet mass. Double-click, press F2 or just type to edit.</source>
        <translation>Contenido de agua en % de la masa húmeda. Para editarlo, haga doble clic, pulse F2 o simplemente escriba.</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Composición</translation>
    </message>
    <message>
        <source>Materials by mass</source>
        <translation>Materiales por masa</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>multilayer, foam, PFAS-bearing...: properties that make the waste harder to reuse</source>
        <translation>multicapa, espuma, con PFAS...: propiedades que dificultan reutilizar el residuo</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>Dificultad</translation>
    </message>
    <message>
        <source>NASA difficulty factor: 1 = easy, 3 = most problematic</source>
        <translation>Factor de dificultad de la NASA: 1 = fácil, 3 = el más problemático</translation>
    </message>
</context>
<context>
    <name>TradeoffsTab</name>
    <message>
        <source>&lt;b&gt;Compare&lt;/b&gt; — select two or three recipes (Ctrl+click points here or rows in the Candidates table)</source>
        <translation>&lt;b&gt;Comparar&lt;/b&gt; — seleccione dos o tres recetas (Ctrl+clic en puntos de aquí o en filas de la tabla de Candidatas)</translation>
    </message>
    <message>
        <source>Pareto front: no other feasible recipe is better in all five objectives (rigidity, tightness, energy, water, crew time). In a view of two of them a front point can look beaten: it wins in one of the others.</source>
        <translation>Frente de Pareto: ninguna otra receta viable es mejor en los cinco objetivos (rigidez, estanqueidad, energía, agua, tiempo de tripulación). En una vista de dos de ellos, un punto del frente puede parecer superado: gana en alguno de los otros.</translation>
    </message>
    <message>
        <source>&lt;span&gt;{front} Pareto front (best over all 5 objectives) &amp;nbsp; {dominated} feasible, dominated &amp;nbsp; {infeasible} infeasible (near misses) &amp;nbsp; {selected} selected &amp;nbsp; {cap} target minimum or cap&lt;/span&gt;</source>
        <translation>&lt;span&gt;{front} frente de Pareto (lo mejor en los 5 objetivos) &amp;nbsp; {dominated} viable, dominada &amp;nbsp; {infeasible} no viable (casi lo alcanza) &amp;nbsp; {selected} seleccionada &amp;nbsp; {cap} mínimo o tope del objetivo&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Generate recipes in the Candidates tab; they appear here as they are found.</source>
        <translation>Genere recetas en la pestaña Candidatas; aparecen aquí a medida que se encuentran.</translation>
    </message>
    <message>
        <source>Horizontal axis</source>
        <translation>Eje horizontal</translation>
    </message>
    <message>
        <source>Vertical axis</source>
        <translation>Eje vertical</translation>
    </message>
    <message>
        <source>Show infeasible</source>
        <translation>Mostrar no viables</translation>
    </message>
    <message>
        <source>Show the near misses (dimmed): recipes that miss a target value</source>
        <translation>Mostrar las que casi lo alcanzan (atenuadas): recetas que fallan en un valor del objetivo</translation>
    </message>
    <message>
        <source>Export the trade-off plot as &amp;PNG…</source>
        <translation>Exportar el gráfico de compromisos como &amp;PNG…</translation>
    </message>
    <message>
        <source>Save the plot as a PNG image</source>
        <translation>Guardar el gráfico como imagen PNG</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exportar PNG…</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Borrar selección</translation>
    </message>
    <message>
        <source>Unselect every recipe</source>
        <translation>Deseleccionar todas las recetas</translation>
    </message>
    <message>
        <source>Horizontal</source>
        <translation>Horizontal</translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation>Vertical</translation>
    </message>
    <message>
        <source>Trade-off plot</source>
        <translation>Gráfico de compromisos</translation>
    </message>
    <message>
        <source>Infeasible (near misses)</source>
        <translation>No viables (casi lo alcanzan)</translation>
    </message>
    <message>
        <source>Feasible, dominated</source>
        <translation>Viables, dominadas</translation>
    </message>
    <message>
        <source>Pareto front (feasible)</source>
        <translation>Frente de Pareto (viables)</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Seleccionadas</translation>
    </message>
    <message>
        <source>Side-by-side comparison</source>
        <translation>Comparación lado a lado</translation>
    </message>
    <message>
        <source>target min {limit}</source>
        <translation>mín. {limit}</translation>
    </message>
    <message>
        <source>target cap {limit}</source>
        <translation>tope {limit}</translation>
    </message>
    <message>
        <source>final</source>
        <translation>definitivo</translation>
    </message>
    <message>
        <source>streaming in…</source>
        <translation>llegando…</translation>
    </message>
    <message>
        <source>{front} on the Pareto front · {feasible} feasible but dominated · {near} near misses ({state}).</source>
        <translation>{front} en el frente de Pareto · {feasible} viables pero dominadas · {near} casi lo alcanzan ({state}).</translation>
    </message>
    <message>
        <source>{counts} The front is the best over all five objectives: a front point can look beaten in these two and be better in another. Click a point to select it; Ctrl+click to compare.</source>
        <translation>{counts} El frente es lo mejor en los cinco objetivos: un punto del frente puede parecer superado en estos dos y ser mejor en otro. Haga clic en un punto para seleccionarlo; Ctrl+clic para comparar.</translation>
    </message>
    <message>
        <source>beyond the right edge</source>
        <translation>más allá del borde derecho</translation>
    </message>
    <message>
        <source>beyond the left edge</source>
        <translation>más allá del borde izquierdo</translation>
    </message>
    <message>
        <source>beyond the top edge</source>
        <translation>más allá del borde superior</translation>
    </message>
    <message>
        <source>beyond the bottom edge</source>
        <translation>más allá del borde inferior</translation>
    </message>
    <message>
        <source>red dashed line</source>
        <translation>línea roja discontinua</translation>
    </message>
    <message>
        <source>Export the plot</source>
        <translation>Exportar el gráfico</translation>
    </message>
    <message>
        <source>the plot export</source>
        <translation>la exportación del gráfico</translation>
    </message>
    <message>
        <source>Plot saved to {path}</source>
        <translation>Gráfico guardado en {path}</translation>
    </message>
    <message>
        <source>{y} against {x} for {target}</source>
        <translation>{y} frente a {x} para {target}</translation>
    </message>
    <message>
        <source>{y} against {x}</source>
        <translation>{y} frente a {x}</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Regolith</source>
        <translation>Regolito</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>Feasibility</source>
        <translation>Viabilidad</translation>
    </message>
    <message>
        <source>Pareto rank</source>
        <translation>Rango de Pareto</translation>
    </message>
    <message>
        <source>Hard waste</source>
        <translation>Residuos difíciles</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Recipe ID</source>
        <translation>ID de receta</translation>
    </message>
    <message>
        <source>Recipe {n}</source>
        <translation>Receta {n}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Compare&lt;/b&gt; — the last {n} of the {total} selected recipes</source>
        <translation>&lt;b&gt;Comparar&lt;/b&gt; — las últimas {n} de las {total} recetas seleccionadas</translation>
    </message>
    <message>
        <source>&lt;b&gt;Compare&lt;/b&gt; — {n} recipes side by side (best value in bold)</source>
        <translation>&lt;b&gt;Comparar&lt;/b&gt; — {n} recetas lado a lado (mejor valor en negrita)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
</context>
</TS>