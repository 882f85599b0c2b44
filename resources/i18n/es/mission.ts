<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BudgetsForm</name>
    <message>
        <source>Machine capacity…</source>
        <translation>Capacidad de las máquinas…</translation>
    </message>
    <message>
        <source>Show or hide how many batches each process&apos;s machine can run per sol</source>
        <translation>Mostrar u ocultar cuántos lotes puede hacer por sol la máquina de cada proceso</translation>
    </message>
    <message>
        <source>Batches per sol each machine can run (0: not used; empty: no limit)</source>
        <translation>Lotes por sol que puede hacer cada máquina (0: no se usa; vacío: sin límite)</translation>
    </message>
    <message>
        <source>batches/sol</source>
        <translation>lotes/sol</translation>
    </message>
    <message>
        <source>How many batches the {process} machine can run each sol (empty: no limit).</source>
        <translation>Cuántos lotes puede hacer cada sol la máquina de {process} (vacío: sin límite).</translation>
    </message>
    <message>
        <source>{process}: how many batches its machine can run each sol (empty: no limit).</source>
        <translation>{process}: cuántos lotes puede hacer su máquina cada sol (vacío: sin límite).</translation>
    </message>
</context>
<context>
    <name>BurnDownChart</name>
    <message>
        <source>Stock burn-down chart</source>
        <translation>Gráfico del consumo de existencias</translation>
    </message>
    <message>
        <source>Stock left of the items the plan uses most</source>
        <translation>Existencias restantes de los artículos que más usa el plan</translation>
    </message>
    <message>
        <source>Sol</source>
        <translation>Sol</translation>
    </message>
    <message>
        <source>Stock left (kg)</source>
        <translation>Existencias restantes (kg)</translation>
    </message>
</context>
<context>
    <name>DailyUseChart</name>
    <message>
        <source>Budget shown in the daily-use chart</source>
        <translation>Presupuesto mostrado en el gráfico de uso diario</translation>
    </message>
    <message>
        <source>Daily use against the cap chart</source>
        <translation>Gráfico del uso diario frente al límite</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>{budget} used per sol against the daily cap</source>
        <translation>{budget}: uso por sol frente al límite diario</translation>
    </message>
    <message>
        <source>Sol (start of each period)</source>
        <translation>Sol (inicio de cada periodo)</translation>
    </message>
    <message>
        <source>used per sol</source>
        <translation>uso por sol</translation>
    </message>
    <message>
        <source>daily cap</source>
        <translation>límite diario</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>Loading the production log…</source>
        <translation>Cargando el registro de producción…</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Hasta hoy</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>Mission totals</source>
        <translation>Totales de la misión</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Turned into products</source>
        <translation>Transformados</translation>
    </message>
    <message>
        <source>Left now</source>
        <translation>Quedan ahora</translation>
    </message>
    <message>
        <source>Left at plan end</source>
        <translation>Al final del plan</translation>
    </message>
    <message>
        <source>Waste by category</source>
        <translation>Residuos por categoría</translation>
    </message>
    <message>
        <source>Production history</source>
        <translation>Historial de producción</translation>
    </message>
    <message>
        <source>Undo selected entry…</source>
        <translation>Deshacer la entrada seleccionada…</translation>
    </message>
    <message>
        <source>Cancel the selected production entry and put its stock back in the inventory (kept in the log)</source>
        <translation>Anular la entrada de producción seleccionada y devolver sus existencias al inventario (queda en el registro)</translation>
    </message>
    <message>
        <source>What was made (newest first)</source>
        <translation>Lo que se ha hecho (lo más reciente primero)</translation>
    </message>
    <message>
        <source>the mission totals</source>
        <translation>los totales de la misión</translation>
    </message>
    <message>
        <source>The production log cannot be read: {reason}</source>
        <translation>No se puede leer el registro de producción: {reason}</translation>
    </message>
    <message>
        <source>Undo production</source>
        <translation>Deshacer producción</translation>
    </message>
    <message>
        <source>Undo “{entry}” and put the stock back in the inventory?</source>
        <translation>¿Deshacer «{entry}» y devolver las existencias al inventario?</translation>
    </message>
    <message>
        <source>undoing a production entry</source>
        <translation>deshacer una entrada de producción</translation>
    </message>
    <message>
        <source>Undone: {entry}; the stock is back in the inventory.</source>
        <translation>Deshecho: {entry}; las existencias han vuelto al inventario.</translation>
    </message>
</context>
<context>
    <name>DashboardViews</name>
    <message>
        <source>Sol</source>
        <translation>Sol</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>Registrado (UTC)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <source>Product mass</source>
        <translation>Masa del producto</translation>
    </message>
    <message>
        <source>Waste used</source>
        <translation>Residuos usados</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>Crew time</source>
        <translation>Tiempo de tripulación</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>{n} batches</source>
        <translation>{n} lotes</translation>
    </message>
    <message>
        <source>{batches}, {kg}</source>
        <translation>{batches}, {kg}</translation>
    </message>
    <message>
        <source>Products made</source>
        <translation>Productos hechos</translation>
    </message>
    <message>
        <source>Waste turned into products</source>
        <translation>Residuos convertidos en productos</translation>
    </message>
    <message>
        <source>Regolith used</source>
        <translation>Regolito usado</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Agua</translation>
    </message>
    <message>
        <source>Waste left in the inventory</source>
        <translation>Residuos que quedan en el inventario</translation>
    </message>
    <message>
        <source>Nothing recorded as made yet. Use “Mark as made…” on a recipe (Candidates tab) or a plan line.</source>
        <translation>Todavía no se ha registrado nada como hecho. Use «Marcar como hecho…» en una receta (pestaña Candidatas) o en una línea del plan.</translation>
    </message>
    <message>
        <source>{product}: {batches} ({kg})</source>
        <translation>{product}: {batches} ({kg})</translation>
    </message>
    <message>
        <source>Made so far: {products}.</source>
        <translation>Hecho hasta ahora: {products}.</translation>
    </message>
    <message>
        <source>Projected: no production plan yet (make one on the Plan tab).</source>
        <translation>Previsto: todavía no hay plan de producción (genere uno en la pestaña Plan).</translation>
    </message>
    <message>
        <source>Projected to the end of the plan (sol {sol}): made to date plus every line of the plan.</source>
        <translation>Previsto hasta el final del plan (sol {sol}): lo hecho hasta hoy más todas las líneas del plan.</translation>
    </message>
    <message>
        <source>Projected to the end of the plan: made to date plus every line of the plan.</source>
        <translation>Previsto hasta el final del plan: lo hecho hasta hoy más todas las líneas del plan.</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>deshecho</translation>
    </message>
    <message>
        <source>made</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>{batches} of {product} ({kg}) from {used}</source>
        <translation>{batches} de {product} ({kg}) con {used}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{product}&lt;/b&gt;, recipe {recipe} ({process})</source>
        <translation>&lt;b&gt;{product}&lt;/b&gt;, receta {recipe} ({process})</translation>
    </message>
    <message>
        <source>{item} is not in the inventory</source>
        <translation>{item} no está en el inventario</translation>
    </message>
    <message>
        <source>{kg} of {item} ({stock} in stock)</source>
        <translation>{kg} de {item} ({stock} en existencias)</translation>
    </message>
    <message>
        <source>{item}: needs {kg}, only {stock} in stock</source>
        <translation>{item}: hacen falta {kg}, solo hay {stock} en existencias</translation>
    </message>
    <message>
        <source>Makes {product} of product; takes about {energy} kWh, {water} L of water and {crew} of crew time.</source>
        <translation>Produce {product} de producto; requiere unos {energy} kWh, {water} L de agua y {crew} de tiempo de tripulación.</translation>
    </message>
    <message>
        <source>Sol must be a whole number of mission days, for example 120 (or leave it empty).</source>
        <translation>El sol debe ser un número entero de días de misión, por ejemplo 120 (o déjelo vacío).</translation>
    </message>
    <message>
        <source>Sol must be {most} or less.</source>
        <translation>El sol debe ser {most} o menos.</translation>
    </message>
</context>
<context>
    <name>DemandsTable</name>
    <message>
        <source>Demands: product, quantity, unit, priority, due sol</source>
        <translation>Demandas: producto, cantidad, unidad, prioridad, sol límite</translation>
    </message>
    <message>
        <source>Product to add</source>
        <translation>Producto que añadir</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add a demand for the product picked beside</source>
        <translation>Añadir una demanda del producto elegido al lado</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected demand (Delete)</source>
        <translation>Quitar la demanda seleccionada (Supr)</translation>
    </message>
    <message>
        <source>Unit of {product}</source>
        <translation>Unidad de {product}</translation>
    </message>
    <message>
        <source>units</source>
        <comment>the short word in the unit picker</comment>
        <translation>uds.</translation>
    </message>
    <message>
        <source>Add at least one product to plan for.</source>
        <translation>Añada al menos un producto que planificar.</translation>
    </message>
    <message>
        <source>(+{n} more)</source>
        <translation>(+{n} más)</translation>
    </message>
</context>
<context>
    <name>MadeDialog</name>
    <message>
        <source>Mark as made</source>
        <translation>Marcar como hecho</translation>
    </message>
    <message>
        <source>Batches made</source>
        <translation>Lotes hechos</translation>
    </message>
    <message>
        <source>crew member (optional)</source>
        <translation>miembro de la tripulación (opcional)</translation>
    </message>
    <message>
        <source>mission day, e.g. 120 (optional)</source>
        <translation>día de misión, p. ej. 120 (opcional)</translation>
    </message>
    <message>
        <source>Record and take the stock out</source>
        <translation>Registrar y retirar las existencias</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Report how it turned out…</source>
        <translation>Informar del resultado…</translation>
    </message>
    <message>
        <source>Open the Feedback panel for this recipe</source>
        <translation>Abrir el panel Informes para esta receta</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Sol</source>
        <translation>Sol</translation>
    </message>
    <message>
        <source>Takes out of the inventory:</source>
        <translation>Retira del inventario:</translation>
    </message>
    <message>
        <source>The inventory is still loading; try again in a moment.</source>
        <translation>El inventario aún se está cargando; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Not enough stock: {shortages}.</source>
        <translation>No hay existencias suficientes: {shortages}.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Registrando…</translation>
    </message>
    <message>
        <source>recording what was made</source>
        <translation>registrar lo que se ha hecho</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Recorded&lt;/b&gt;: {entry}. The stock was taken out of the inventory; undo it from the Mission tab&apos;s history.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Registrado&lt;/b&gt;: {entry}. Las existencias se han retirado del inventario; puede deshacerlo desde el historial de la pestaña Misión.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Recorded as made: {entry}</source>
        <translation>Registrado como hecho: {entry}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>PlanResultPane</name>
    <message>
        <source>&lt;p&gt;Set the demands and the daily budgets on the left, then &lt;b&gt;Make the plan&lt;/b&gt; (Ctrl+Enter). The plan says which recipe to run in each period, from which stock, within the habitat&apos;s daily energy, water and crew time.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Indique las demandas y los presupuestos diarios a la izquierda y pulse &lt;b&gt;Generar el plan&lt;/b&gt; (Ctrl+Intro). El plan dice qué receta hacer en cada periodo y con qué existencias, dentro de la energía, el agua y el tiempo de tripulación diarios del hábitat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Todavía no hay plan.</translation>
    </message>
    <message>
        <source>Mark as made…</source>
        <translation>Marcar como hecho…</translation>
    </message>
    <message>
        <source>Record the selected plan line as made: its batches, product and the stock it uses (Ctrl+M)</source>
        <translation>Registrar como hecha la línea del plan seleccionada: sus lotes, su producto y las existencias que usa (Ctrl+M)</translation>
    </message>
    <message>
        <source>Work order for a day…</source>
        <translation>Orden de trabajo de un día…</translation>
    </message>
    <message>
        <source>The work order of one sol of this plan: what to make that sol, with each recipe&apos;s steps, to print</source>
        <translation>La orden de trabajo de un sol de este plan: qué fabricar ese sol, con los pasos de cada receta, para imprimir</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save the plan as JSON or CSV (Ctrl+Shift+E)</source>
        <translation>Guardar el plan como JSON o CSV (Ctrl+Mayús+E)</translation>
    </message>
    <message>
        <source>Stock burn-down</source>
        <translation>Consumo de existencias</translation>
    </message>
    <message>
        <source>Daily use vs cap</source>
        <translation>Uso diario y límite</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>Qué pasaría si</translation>
    </message>
    <message>
        <source>Why the plan is as it is</source>
        <translation>Por qué el plan es así</translation>
    </message>
    <message>
        <source>The plan: one line per recipe and period</source>
        <translation>El plan: una línea por receta y periodo</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Plan production for these demands within these budgets (Ctrl+Enter)</source>
        <translation>Planificar la producción para estas demandas dentro de estos presupuestos (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Stop planning; the plan shown before stays (Esc)</source>
        <translation>Detener la planificación; el plan mostrado antes se mantiene (Esc)</translation>
    </message>
    <message>
        <source>Make the plan for each value of one budget and plot demand met and waste diverted against it</source>
        <translation>Generar el plan para cada valor de un presupuesto y representar frente a él la demanda satisfecha y los residuos aprovechados</translation>
    </message>
    <message>
        <source>Make the &amp;plan</source>
        <translation>Generar el &amp;plan</translation>
    </message>
    <message>
        <source>&amp;Cancel planning</source>
        <translation>&amp;Cancelar la planificación</translation>
    </message>
    <message>
        <source>Export the production &amp;plan…</source>
        <translation>Exportar el &amp;plan de producción…</translation>
    </message>
    <message>
        <source>Save the plan as JSON or CSV</source>
        <translation>Guardar el plan como JSON o CSV</translation>
    </message>
    <message>
        <source>&amp;Work order for a day of the plan…</source>
        <translation>&amp;Orden de trabajo de un día del plan…</translation>
    </message>
    <message>
        <source>The printable work order of one sol of this plan</source>
        <translation>La orden de trabajo imprimible de un sol de este plan</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Valores por defecto</translation>
    </message>
    <message>
        <source>Put back the default demands and budgets</source>
        <translation>Restablecer las demandas y los presupuestos por defecto</translation>
    </message>
    <message>
        <source>Make the plan  (Ctrl+Enter)</source>
        <translation>Generar el plan  (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Cancelar  (Esc)</translation>
    </message>
    <message>
        <source>Run what-if</source>
        <translation>Calcular qué pasaría si</translation>
    </message>
    <message>
        <source>Planning progress</source>
        <translation>Progreso de la planificación</translation>
    </message>
    <message>
        <source>Demands</source>
        <translation>Demandas</translation>
    </message>
    <message>
        <source>Daily budgets and machines</source>
        <translation>Presupuestos diarios y máquinas</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>Qué pasaría si</translation>
    </message>
    <message>
        <source>The inventory is empty: add or import stock on the Inventory tab first.</source>
        <translation>El inventario está vacío: añada o importe existencias primero en la pestaña Inventario.</translation>
    </message>
    <message>
        <source>Check the demands table.</source>
        <translation>Revise la tabla de demandas.</translation>
    </message>
    <message>
        <source>Not ready: {problems}</source>
        <translation>No está listo: {problems}</translation>
    </message>
    <message>
        <source>The stock has changed since: make the plan again to use the new stock.</source>
        <translation>Las existencias han cambiado desde entonces: genere el plan de nuevo para usar las existencias nuevas.</translation>
    </message>
    <message>
        <source>the production plan</source>
        <translation>el plan de producción</translation>
    </message>
    <message>
        <source>Check the what-if range.</source>
        <translation>Revise el intervalo de «qué pasaría si».</translation>
    </message>
    <message>
        <source>the what-if sweep</source>
        <translation>el barrido de «qué pasaría si»</translation>
    </message>
    <message>
        <source>finding recipes…</source>
        <translation>buscando recetas…</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>deteniendo…</translation>
    </message>
    <message>
        <source>plan ready</source>
        <translation>plan listo</translation>
    </message>
    <message>
        <source>What-if: {n} plans made.</source>
        <translation>Qué pasaría si: {n} planes generados.</translation>
    </message>
    <message>
        <source>what-if ready</source>
        <translation>«qué pasaría si» listo</translation>
    </message>
    <message>
        <source>Planning stopped; the plan shown before stays.</source>
        <translation>Planificación detenida; el plan mostrado antes se mantiene.</translation>
    </message>
    <message>
        <source>The what-if sweep stopped; the plan shown before stays.</source>
        <translation>El barrido de «qué pasaría si» se ha detenido; el plan mostrado antes se mantiene.</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>The recipe of this plan line is no longer known; make the plan again.</source>
        <translation>La receta de esta línea del plan ya no se conoce; genere el plan de nuevo.</translation>
    </message>
    <message>
        <source>Recording {batches} batches of {product} ({kg} kg) planned for sol {sol}.</source>
        <translation>Registrando {batches} lotes de {product} ({kg} kg) planificados para el sol {sol}.</translation>
    </message>
    <message>
        <source>Export the production plan</source>
        <translation>Exportar el plan de producción</translation>
    </message>
    <message>
        <source>the plan export</source>
        <translation>la exportación del plan</translation>
    </message>
    <message>
        <source>Plan saved to {path}</source>
        <translation>Plan guardado en {path}</translation>
    </message>
</context>
<context>
    <name>PlanViews</name>
    <message>
        <source>sol {sol}</source>
        <translation>sol {sol}</translation>
    </message>
    <message>
        <source>sols {first}–{last}</source>
        <translation>soles {first}–{last}</translation>
    </message>
    <message>
        <source>Energy per sol</source>
        <translation>Energía por sol</translation>
    </message>
    <message>
        <source>kWh/sol</source>
        <translation>kWh/sol</translation>
    </message>
    <message>
        <source>Electrical energy the habitat can give to production each sol (heaters, presses, shredder).</source>
        <translation>Energía eléctrica que el hábitat puede dar a la producción cada sol (calentadores, prensas, trituradora).</translation>
    </message>
    <message>
        <source>Water per sol</source>
        <translation>Agua por sol</translation>
    </message>
    <message>
        <source>L/sol</source>
        <translation>L/sol</translation>
    </message>
    <message>
        <source>Water production may use each sol (rinsing, cleaning, process water), in litres.</source>
        <translation>Agua que la producción puede usar cada sol (aclarado, limpieza, agua de proceso), en litros.</translation>
    </message>
    <message>
        <source>Crew time per sol</source>
        <translation>Tiempo de tripulación por sol</translation>
    </message>
    <message>
        <source>min/sol</source>
        <translation>min/sol</translation>
    </message>
    <message>
        <source>Hands-on crew minutes production may take each sol (all crew members together).</source>
        <translation>Minutos de trabajo de la tripulación que la producción puede ocupar cada sol (todos los miembros juntos).</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Horizonte</translation>
    </message>
    <message>
        <source>sols</source>
        <translation>soles</translation>
    </message>
    <message>
        <source>How many sols the plan covers (a three-year mission is about 1,095 sols).</source>
        <translation>Cuántos soles abarca el plan (una misión de tres años son unos 1095 soles).</translation>
    </message>
    <message>
        <source>Period length</source>
        <translation>Duración del periodo</translation>
    </message>
    <message>
        <source>The plan decides per period of this many sols; longer periods make a long mission faster to plan.</source>
        <translation>El plan decide por periodos de estos soles; con periodos más largos una misión larga se planifica más rápido.</translation>
    </message>
    <message>
        <source>The period ({period} sols) is longer than the horizon ({horizon} sols): shorten the period or lengthen the horizon.</source>
        <translation>El periodo ({period} soles) es más largo que el horizonte ({horizon} soles): acorte el periodo o alargue el horizonte.</translation>
    </message>
    <message>
        <source>Type the range to try, from and to, in {unit}.</source>
        <translation>Escriba el intervalo que probar, desde y hasta, en {unit}.</translation>
    </message>
    <message>
        <source>The range cannot go below 0.</source>
        <translation>El intervalo no puede bajar de 0.</translation>
    </message>
    <message>
        <source>&apos;To&apos; ({to}) must be above &apos;from&apos; ({start}).</source>
        <translation>«Hasta» ({to}) debe ser mayor que «desde» ({start}).</translation>
    </message>
    <message>
        <source>&apos;To&apos; is above the most the field allows ({most} {unit}).</source>
        <translation>«Hasta» supera el máximo que admite el campo ({most} {unit}).</translation>
    </message>
    <message>
        <source>Steps must be a whole number from {low} to {high}.</source>
        <translation>Los pasos deben ser un número entero de {low} a {high}.</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unidades</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>What to make (a product of a challenge scenario)</source>
        <translation>Qué hacer (un producto de un escenario del reto)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>How much of it the mission needs over the plan</source>
        <translation>Cuánto necesita la misión durante el plan</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>units: pieces (one batch makes the product&apos;s batch mass); kg: product mass</source>
        <translation>unidades: piezas (un lote produce la masa por lote del producto); kg: masa de producto</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>1 = most important; a lower priority is only met with what is left</source>
        <translation>1 = la más importante; una prioridad menor solo se cubre con lo que sobre</translation>
    </message>
    <message>
        <source>Due sol</source>
        <translation>Sol límite</translation>
    </message>
    <message>
        <source>Sol by which it must be made (empty: any time within the horizon)</source>
        <translation>Sol en que debe estar hecho (vacío: en cualquier momento dentro del horizonte)</translation>
    </message>
    <message>
        <source>{label} ({unit})</source>
        <translation>{label} ({unit})</translation>
    </message>
    <message>
        <source>Quantity is empty: type how many (or how many kg) the mission needs.</source>
        <translation>La cantidad está vacía: escriba cuántas unidades (o cuántos kg) necesita la misión.</translation>
    </message>
    <message>
        <source>Quantity &apos;{text}&apos; is not a number.</source>
        <translation>La cantidad «{text}» no es un número.</translation>
    </message>
    <message>
        <source>Quantity must be above 0 (remove the row to drop the product).</source>
        <translation>La cantidad debe ser mayor que 0 (quite la fila para descartar el producto).</translation>
    </message>
    <message>
        <source>Quantity {value} is above the limit of {limit}.</source>
        <translation>La cantidad {value} supera el límite de {limit}.</translation>
    </message>
    <message>
        <source>Priority must be a whole number from 1 (most important) to {most}.</source>
        <translation>La prioridad debe ser un número entero de 1 (la más importante) a {most}.</translation>
    </message>
    <message>
        <source>Due sol must be a whole sol number from 1 (or empty for any time).</source>
        <translation>El sol límite debe ser un número de sol entero desde 1 (o vacío para cualquier momento).</translation>
    </message>
    <message>
        <source>Due sol {sol} is after the end of the plan (sol {end}).</source>
        <translation>El sol límite {sol} es posterior al final del plan (sol {end}).</translation>
    </message>
    <message>
        <source>{product}: {problem}</source>
        <translation>{product}: {problem}</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Period of the plan (each a few sols long)</source>
        <translation>Periodo del plan (cada uno dura unos pocos soles)</translation>
    </message>
    <message>
        <source>Sols</source>
        <translation>Soles</translation>
    </message>
    <message>
        <source>The sols of the period</source>
        <translation>Los soles del periodo</translation>
    </message>
    <message>
        <source>What these batches make</source>
        <translation>Qué producen estos lotes</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Receta</translation>
    </message>
    <message>
        <source>The recipe: process and its main items (hover for the whole recipe)</source>
        <translation>La receta: el proceso y sus artículos principales (pase el ratón para ver la receta completa)</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <source>Batches of this recipe in the period</source>
        <translation>Lotes de esta receta en el periodo</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Product mass of the batches</source>
        <translation>Masa de producto de los lotes</translation>
    </message>
    <message>
        <source>Stock used</source>
        <translation>Existencias usadas</translation>
    </message>
    <message>
        <source>Kilograms of each inventory item the batches use (hover for all of them)</source>
        <translation>Kilogramos de cada artículo del inventario que usan los lotes (pase el ratón para verlos todos)</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>kWh the batches use</source>
        <translation>kWh que usan los lotes</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Tripulación</translation>
    </message>
    <message>
        <source>Crew minutes the batches take</source>
        <translation>Minutos de tripulación que ocupan los lotes</translation>
    </message>
    <message>
        <source>no stock used</source>
        <translation>no se usan existencias</translation>
    </message>
    <message>
        <source> +{n} more</source>
        <translation> +{n} más</translation>
    </message>
    <message>
        <source>Total: {kg}</source>
        <translation>Total: {kg}</translation>
    </message>
    <message>
        <source>recipe {id}</source>
        <translation>receta {id}</translation>
    </message>
    <message>
        <source>{process} (recipe {id})</source>
        <translation>{process} (receta {id})</translation>
    </message>
    <message>
        <source>{item}: {percent}% of the waste</source>
        <translation>{item}: {percent} % de los residuos</translation>
    </message>
    <message>
        <source>regolith: {percent}% of the batch</source>
        <translation>regolito: {percent} % del lote</translation>
    </message>
    <message>
        <source>the best plan for these demands and budgets</source>
        <translation>el mejor plan para estas demandas y presupuestos</translation>
    </message>
    <message>
        <source>the best plan found within the time limit</source>
        <translation>el mejor plan encontrado dentro del tiempo límite</translation>
    </message>
    <message>
        <source>a quick plan (each demand in priority order, its best recipe first); not checked against the best</source>
        <translation>un plan rápido (cada demanda por orden de prioridad, primero su mejor receta); no comparado con el mejor</translation>
    </message>
    <message>
        <source>the best plan found before you stopped it</source>
        <translation>el mejor plan encontrado antes de que lo detuviera</translation>
    </message>
    <message>
        <source>no plan fits these limits</source>
        <translation>ningún plan cabe en estos límites</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>sin estado</translation>
    </message>
    <message>
        <source>, proven the best there is.</source>
        <translation>, demostrado óptimo.</translation>
    </message>
    <message>
        <source>, at most {gap}% short of the best possible.</source>
        <translation>, a menos de un {gap} % del óptimo.</translation>
    </message>
    <message>
        <source>Plan: {status}{tail} Solved in {seconds} s.</source>
        <translation>Plan: {status}{tail} Resuelto en {seconds} s.</translation>
    </message>
    <message>
        <source>Demand met: {met}% · waste turned into products: {waste} (of which problematic {problematic}) · product made: {made} · energy {energy} kWh · water {water} L · crew {crew} h</source>
        <translation>Demanda satisfecha: {met} % · residuos convertidos en productos: {waste} (de ellos problemáticos {problematic}) · producto hecho: {made} · energía {energy} kWh · agua {water} L · tripulación {crew} h</translation>
    </message>
    <message>
        <source>{product}: {quantity} {unit} short</source>
        <translation>{product}: faltan {quantity} {unit}</translation>
    </message>
    <message>
        <source>{product} (priority {priority}): {made} of {quantity} {unit} ({percent}%)</source>
        <translation>{product} (prioridad {priority}): {made} de {quantity} {unit} ({percent} %)</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Agua</translation>
    </message>
    <message>
        <source>Crew time</source>
        <translation>Tiempo de tripulación</translation>
    </message>
    <message>
        <source>Not met, and what limits it</source>
        <translation>Sin satisfacer, y qué lo limita</translation>
    </message>
    <message>
        <source>Every demand is met in full</source>
        <translation>Todas las demandas se satisfacen por completo</translation>
    </message>
    <message>
        <source>What more budget would bring</source>
        <translation>Qué aportaría más presupuesto</translation>
    </message>
    <message>
        <source>Demand met</source>
        <translation>Demanda satisfecha</translation>
    </message>
</context>
<context>
    <name>SolDialog</name>
    <message>
        <source>Work order for a day</source>
        <translation>Orden de trabajo de un día</translation>
    </message>
    <message>
        <source>Sols with work in this plan: {sols}.</source>
        <translation>Soles con trabajo en este plan: {sols}.</translation>
    </message>
    <message>
        <source>This plan has no batches to make.</source>
        <translation>Este plan no tiene lotes que fabricar.</translation>
    </message>
    <message>
        <source>Sol</source>
        <translation>Sol</translation>
    </message>
    <message>
        <source>The sol (1 = the plan&apos;s first) whose work order to open</source>
        <translation>El sol (1 = el primero del plan) cuya orden de trabajo se abrirá</translation>
    </message>
    <message>
        <source>Open the work order</source>
        <translation>Abrir la orden de trabajo</translation>
    </message>
    <message>
        <source>Show the work order of this sol: every plan line it makes, with the steps</source>
        <translation>Mostrar la orden de trabajo de este sol: cada línea del plan que se fabrica, con sus pasos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close without opening a work order</source>
        <translation>Cerrar sin abrir ninguna orden de trabajo</translation>
    </message>
    <message>
        <source>&amp;Sol:</source>
        <translation>&amp;Sol:</translation>
    </message>
    <message>
        <source>On sol {sol}: 1 batch (plan line {lines}).</source>
        <translation>En el sol {sol}: 1 lote (línea del plan {lines}).</translation>
    </message>
    <message>
        <source>On sol {sol}: {batches} batches (plan lines {lines}).</source>
        <translation>En el sol {sol}: {batches} lotes (líneas del plan {lines}).</translation>
    </message>
    <message>
        <source>Nothing to make on sol {sol}; the next sol with work is {next}.</source>
        <translation>Nada que fabricar en el sol {sol}; el siguiente sol con trabajo es el {next}.</translation>
    </message>
    <message>
        <source>Nothing to make on sol {sol}; the last sol with work is {last}.</source>
        <translation>Nada que fabricar en el sol {sol}; el último sol con trabajo es el {last}.</translation>
    </message>
    <message>
        <source>Nothing to make on sol {sol}.</source>
        <translation>Nada que fabricar en el sol {sol}.</translation>
    </message>
</context>
<context>
    <name>SweepChart</name>
    <message>
        <source>What-if sweep chart</source>
        <translation>Gráfico del barrido de «qué pasaría si»</translation>
    </message>
    <message>
        <source>What if: demand met (priority-weighted)</source>
        <translation>Qué pasaría si: demanda satisfecha (ponderada por prioridad)</translation>
    </message>
    <message>
        <source>Met (%)</source>
        <translation>Satisfecha (%)</translation>
    </message>
    <message>
        <source>Waste turned into products</source>
        <translation>Residuos convertidos en productos</translation>
    </message>
    <message>
        <source>Waste (kg)</source>
        <translation>Residuos (kg)</translation>
    </message>
</context>
<context>
    <name>SweepForm</name>
    <message>
        <source>Budget to vary</source>
        <translation>Presupuesto que variar</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>Variar</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>The smallest budget to try</source>
        <translation>El presupuesto más pequeño que probar</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>The largest budget to try</source>
        <translation>El presupuesto más grande que probar</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message>
        <source>How many budgets to try ({low} to {high}), evenly spaced</source>
        <translation>Cuántos presupuestos probar (de {low} a {high}), repartidos por igual</translation>
    </message>
    <message>
        <source>What-if {what}</source>
        <translation>Qué pasaría si: {what}</translation>
    </message>
</context>
<context>
    <name>WorkOrderDialog</name>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Printing is not available in this build: save the PDF and print it from another program.</source>
        <translation>La impresión no está disponible en esta versión: guarde el PDF e imprímalo desde otro programa.</translation>
    </message>
    <message>
        <source>Work order for sol {sol}</source>
        <translation>Orden de trabajo del sol {sol}</translation>
    </message>
    <message>
        <source>{title}: {process} ({recipe})</source>
        <translation>{title}: {process} ({recipe})</translation>
    </message>
    <message>
        <source>Work order preview</source>
        <translation>Vista previa de la orden de trabajo</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print the work order (A4) on a printer you choose</source>
        <translation>Imprimir la orden de trabajo (A4) en la impresora que elija</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Save the work order as an A4 PDF to print or show on a tablet</source>
        <translation>Guardar la orden de trabajo como PDF A4 para imprimirla o verla en una tableta</translation>
    </message>
    <message>
        <source>Save HTML…</source>
        <translation>Guardar HTML…</translation>
    </message>
    <message>
        <source>Save the work order as a web page (opens in any browser)</source>
        <translation>Guardar la orden de trabajo como página web (se abre en cualquier navegador)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation>Cerrar la vista previa</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>Work order saved to {path}</source>
        <translation>Orden de trabajo guardada en {path}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>No guardado: {reason}</translation>
    </message>
    <message>
        <source>Save the work order as PDF</source>
        <translation>Guardar la orden de trabajo como PDF</translation>
    </message>
    <message>
        <source>Save the work order as HTML</source>
        <translation>Guardar la orden de trabajo como HTML</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Página web</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Escribiendo el PDF…</translation>
    </message>
    <message>
        <source>the work-order PDF</source>
        <translation>el PDF de la orden de trabajo</translation>
    </message>
    <message>
        <source>the work-order HTML</source>
        <translation>el HTML de la orden de trabajo</translation>
    </message>
    <message>
        <source>Print the work order</source>
        <translation>Imprimir la orden de trabajo</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer</source>
        <translation>Se ha enviado 1 página a la impresora</translation>
    </message>
    <message>
        <source>Sent {pages} pages to the printer</source>
        <translation>Se han enviado {pages} páginas a la impresora</translation>
    </message>
    <message>
        <source>the work order</source>
        <translation>la orden de trabajo</translation>
    </message>
    <message>
        <source>the work order of the sol</source>
        <translation>la orden de trabajo del sol</translation>
    </message>
    <message>
        <source>the plan&apos;s sols</source>
        <translation>los soles del plan</translation>
    </message>
</context>
</TS>
