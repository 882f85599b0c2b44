<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>FeedbackForm</name>
    <message>
        <source>&lt;span style=&apos;color:#4b5563&apos;&gt;No recipe chosen. Select the recipe the crew made in the Candidates tab and press &lt;b&gt;Report how it turned out…&lt;/b&gt; in its detail pane, or pick a past report below and press &lt;b&gt;Report on this recipe again…&lt;/b&gt;.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#4b5563&apos;&gt;No hay ninguna receta elegida. Seleccione la receta que hizo la tripulación en la pestaña Candidatas y pulse &lt;b&gt;Informar del resultado…&lt;/b&gt; en su panel de detalle, o elija un informe anterior abajo y pulse &lt;b&gt;Informar de nuevo…&lt;/b&gt;.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&amp;Save feedback</source>
        <translation>&amp;Guardar informe</translation>
    </message>
    <message>
        <source>Record this report now; it is saved to disk at once (Ctrl+S)</source>
        <translation>Registrar este informe ahora; se guarda en el disco en el acto (Ctrl+S)</translation>
    </message>
    <message>
        <source>The recipe the crew made</source>
        <translation>La receta que hizo la tripulación</translation>
    </message>
    <message>
        <source>Use the recipe selected in Candidates</source>
        <translation>Usar la receta seleccionada en Candidatas</translation>
    </message>
    <message>
        <source>Report on the recipe currently selected in the Candidates tab or on the Trade-offs plot</source>
        <translation>Informar sobre la receta seleccionada ahora en la pestaña Candidatas o en el gráfico de Compromisos</translation>
    </message>
    <message>
        <source>Save feedback  (Ctrl+S)</source>
        <translation>Guardar informe  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>Vaciar el formulario</translation>
    </message>
    <message>
        <source>Empty every field (the recipe and your name stay)</source>
        <translation>Vaciar todos los campos (la receta y su nombre se mantienen)</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Select a recipe in the Candidates tab first.</source>
        <translation>Seleccione primero una receta en la pestaña Candidatas.</translation>
    </message>
    <message>
        <source>batch of {mass} (from a past report)</source>
        <translation>lote de {mass} (de un informe anterior)</translation>
    </message>
    <message>
        <source>batch of {mass}</source>
        <translation>lote de {mass}</translation>
    </message>
    <message>
        <source>Recipe {recipe} · target {target} · predicted by {model}</source>
        <translation>Receta {recipe} · objetivo {target} · predicha por {model}</translation>
    </message>
    <message>
        <source>Choose the recipe the crew made first.</source>
        <translation>Elija primero la receta que hizo la tripulación.</translation>
    </message>
    <message>
        <source>Cannot save yet: </source>
        <translation>Aún no se puede guardar: </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#166534&apos;&gt;✓ Saved as row &lt;b&gt;{row}&lt;/b&gt;.&lt;/span&gt; It is on disk now.</source>
        <translation>&lt;span style=&apos;color:#166534&apos;&gt;✓ Guardado como fila &lt;b&gt;{row}&lt;/b&gt;.&lt;/span&gt; Ya está en el disco.</translation>
    </message>
    <message>
        <source>Feedback saved (row {row})</source>
        <translation>Informe guardado (fila {row})</translation>
    </message>
    <message>
        <source>Not saved yet: the disk refused the write (see below).</source>
        <translation>Aún no guardado: el disco rechazó la escritura (vea abajo).</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>No guardado: {reason}</translation>
    </message>
    <message>
        <source>The disk refused the write.</source>
        <translation>El disco rechazó la escritura.</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>Intentándolo de nuevo…</translation>
    </message>
    <message>
        <source>✓ Saved 1 kept report: {ids}.</source>
        <translation>✓ Guardado 1 informe retenido: {ids}.</translation>
    </message>
    <message>
        <source>✓ Saved {n} kept reports: {ids}.</source>
        <translation>✓ Guardados {n} informes retenidos: {ids}.</translation>
    </message>
    <message>
        <source>{n} kept feedback report(s) saved</source>
        <translation>{n} informe(s) retenido(s) guardado(s)</translation>
    </message>
    <message>
        <source>1 feedback report could not be saved (the disk refused the write) and is only in memory.</source>
        <translation>1 informe no se pudo guardar (el disco rechazó la escritura) y solo está en memoria.</translation>
    </message>
    <message>
        <source>{n} feedback reports could not be saved (the disk refused the write) and are only in memory.</source>
        <translation>{n} informes no se pudieron guardar (el disco rechazó la escritura) y solo están en memoria.</translation>
    </message>
</context>
<context>
    <name>FeedbackHistory</name>
    <message>
        <source>Select a report to compare what was predicted with what the crew found.</source>
        <translation>Seleccione un informe para comparar lo predicho con lo que encontró la tripulación.</translation>
    </message>
    <message>
        <source>Past feedback</source>
        <translation>Informes anteriores</translation>
    </message>
    <message>
        <source>Predicted vs actual</source>
        <translation>Predicho frente a real</translation>
    </message>
    <message>
        <source>E&amp;xport feedback for trainers…</source>
        <translation>E&amp;xportar informes para entrenar…</translation>
    </message>
    <message>
        <source>Write every feedback report to a folder (e.g. a USB stick) as a sealed Parquet file with a manifest of row counts and checksums</source>
        <translation>Escribir todos los informes en una carpeta (p. ej. una memoria USB) como un archivo Parquet sellado con un manifiesto de recuentos de filas y sumas de comprobación</translation>
    </message>
    <message>
        <source>I&amp;mport feedback files…</source>
        <translation>I&amp;mportar archivos de informes…</translation>
    </message>
    <message>
        <source>Merge feedback exported on other laptops (checked first; a report already here is not added twice)</source>
        <translation>Unir informes exportados en otros portátiles (se comprueban antes; un informe que ya está aquí no se añade dos veces)</translation>
    </message>
    <message>
        <source>Filter by</source>
        <translation>Filtrar por</translation>
    </message>
    <message>
        <source>Which part of a report the filter looks at</source>
        <translation>Qué parte de un informe mira el filtro</translation>
    </message>
    <message>
        <source>Filter by recipe, who or model version</source>
        <translation>Filtrar por receta, autor o versión del modelo</translation>
    </message>
    <message>
        <source>Filter past feedback</source>
        <translation>Filtrar informes anteriores</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Read the saved feedback again (e.g. after an import from the command line)</source>
        <translation>Leer de nuevo los informes guardados (p. ej. tras una importación desde la línea de órdenes)</translation>
    </message>
    <message>
        <source>Report on this recipe again…</source>
        <translation>Informar de nuevo…</translation>
    </message>
    <message>
        <source>Fill the form with the recipe, target and prediction of the selected report (e.g. a second batch of the same recipe)</source>
        <translation>Rellenar el formulario con la receta, el objetivo y la predicción del informe seleccionado (p. ej. un segundo lote de la misma receta)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>Each property shows &lt;b&gt;actual vs predicted&lt;/b&gt;: &lt;span style=&apos;color:{good}&apos;&gt;green&lt;/span&gt; inside the predicted 95% interval, &lt;span style=&apos;color:{bad}&apos;&gt;red&lt;/span&gt; outside it.</source>
        <translation>Cada propiedad muestra &lt;b&gt;real frente a predicho&lt;/b&gt;: &lt;span style=&apos;color:{good}&apos;&gt;verde&lt;/span&gt; dentro del intervalo del 95 % predicho, &lt;span style=&apos;color:{bad}&apos;&gt;rojo&lt;/span&gt; fuera de él.</translation>
    </message>
    <message>
        <source>Predicted vs actual for the selected report</source>
        <translation>Predicho frente a real del informe seleccionado</translation>
    </message>
    <message>
        <source>Reading the saved feedback…</source>
        <translation>Leyendo los informes guardados…</translation>
    </message>
    <message>
        <source>The saved feedback could not be read: {reason}</source>
        <translation>No se pudieron leer los informes guardados: {reason}</translation>
    </message>
    <message>
        <source>No feedback recorded yet.</source>
        <translation>Aún no hay informes registrados.</translation>
    </message>
    <message>
        <source>1 report.</source>
        <translation>1 informe.</translation>
    </message>
    <message>
        <source>{n} reports.</source>
        <translation>{n} informes.</translation>
    </message>
    <message>
        <source>{shown} of {total} reports match the filter.</source>
        <translation>{shown} de {total} informes cumplen el filtro.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>outcome not said</source>
        <translation>resultado sin indicar</translation>
    </message>
    <message>
        <source>Recipe &lt;b&gt;{recipe}&lt;/b&gt;, reported by {who} ({outcome}); predicted by {model}. Row {row}.</source>
        <translation>Receta &lt;b&gt;{recipe}&lt;/b&gt;, informada por {who} ({outcome}); predicha por {model}. Fila {row}.</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notas: {notes}</translation>
    </message>
    <message>
        <source>No property was reported.</source>
        <translation>No se informó de ninguna propiedad.</translation>
    </message>
    <message>
        <source>Export feedback for trainers: choose a folder</source>
        <translation>Exportar informes para entrenar: elija una carpeta</translation>
    </message>
    <message>
        <source>Exporting the feedback…</source>
        <translation>Exportando los informes…</translation>
    </message>
    <message>
        <source>Exported {n} feedback report(s) to {path}</source>
        <translation>{n} informe(s) exportado(s) a {path}</translation>
    </message>
    <message>
        <source>1 report exported</source>
        <translation>1 informe exportado</translation>
    </message>
    <message>
        <source>{n} reports exported</source>
        <translation>{n} informes exportados</translation>
    </message>
    <message>
        <source>Feedback exported</source>
        <translation>Informes exportados</translation>
    </message>
    <message>
        <source>to&lt;br&gt;{path}&lt;br&gt;&lt;br&gt;The folder&apos;s manifest.json lists the file with its row count and checksum, so a trainer&apos;s import can check it is complete and unchanged.</source>
        <translation>a&lt;br&gt;{path}&lt;br&gt;&lt;br&gt;El manifest.json de la carpeta lista el archivo con su número de filas y su suma de comprobación, para que la importación de quien entrene pueda comprobar que está completo y sin cambios.</translation>
    </message>
    <message>
        <source>Import feedback files</source>
        <translation>Importar archivos de informes</translation>
    </message>
    <message>
        <source>Feedback exports</source>
        <translation>Exportaciones de informes</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Importing feedback…</source>
        <translation>Importando informes…</translation>
    </message>
    <message>
        <source>Feedback import: {added} added, {duplicates} already here, {refused} file(s) refused</source>
        <translation>Importación de informes: {added} añadidos, {duplicates} ya estaban, {refused} archivo(s) rechazado(s)</translation>
    </message>
</context>
<context>
    <name>FeedbackListModel</name>
    <message>
        <source>actual vs predicted: inside the predicted 95% interval</source>
        <translation>real frente a predicho: dentro del intervalo del 95 % predicho</translation>
    </message>
    <message>
        <source>actual vs predicted: outside the predicted 95% interval</source>
        <translation>real frente a predicho: fuera del intervalo del 95 % predicho</translation>
    </message>
    <message>
        <source>actual vs predicted: no interval was predicted</source>
        <translation>real frente a predicho: no se predijo ningún intervalo</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notas: {notes}</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Sin notas</translation>
    </message>
</context>
<context>
    <name>FeedbackViews</name>
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
        <source>Product (kg)</source>
        <translation>Producto (kg)</translation>
    </message>
    <message>
        <source>Rigidity</source>
        <translation>Rigidez</translation>
    </message>
    <message>
        <source>Tightness</source>
        <translation>Estanqueidad</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
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
        <source>Product mass</source>
        <translation>Masa del producto</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Tripulación</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>the physics model</source>
        <translation>el modelo físico</translation>
    </message>
    <message>
        <source>no target recorded</source>
        <translation>sin objetivo registrado</translation>
    </message>
    <message>
        <source>{share} MGS-1 regolith in the feed</source>
        <translation>{share} de regolito MGS-1 en la carga</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>When the report was saved (local time)</source>
        <translation>Cuándo se guardó el informe (hora local)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Who reported it</source>
        <translation>Quién informó</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Receta</translation>
    </message>
    <message>
        <source>The recipe the crew made: its id and process</source>
        <translation>La receta que hizo la tripulación: su id y su proceso</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>passed, failed, or not said</source>
        <translation>aprobado, fallido o sin indicar</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Dentro</translation>
    </message>
    <message>
        <source>How many of the reported values fell inside the predicted 95% interval</source>
        <translation>Cuántos de los valores informados cayeron dentro del intervalo del 95 % predicho</translation>
    </message>
    <message>
        <source>Predicted by</source>
        <translation>Predicho por</translation>
    </message>
    <message>
        <source>The model (name and version) that made the prediction</source>
        <translation>El modelo (nombre y versión) que hizo la predicción</translation>
    </message>
    <message>
        <source>Row ID</source>
        <translation>ID de fila</translation>
    </message>
    <message>
        <source>The unique id of the report</source>
        <translation>El id único del informe</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>Versión del modelo</translation>
    </message>
    <message>
        <source>{property} ({unit}): what the crew found vs what was predicted. Green: inside the predicted 95% interval; red: outside it.</source>
        <translation>{property} ({unit}): lo que encontró la tripulación frente a lo predicho. Verde: dentro del intervalo del 95 % predicho; rojo: fuera de él.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>{actual} vs {predicted}</source>
        <translation>{actual} frente a {predicted}</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} de {total}</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propiedad</translation>
    </message>
    <message>
        <source>The property and its unit</source>
        <translation>La propiedad y su unidad</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Predicho</translation>
    </message>
    <message>
        <source>What the model predicted</source>
        <translation>Lo que predijo el modelo</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>Intervalo 95 %</translation>
    </message>
    <message>
        <source>The predicted 95% interval</source>
        <translation>El intervalo del 95 % predicho</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>What the crew measured or judged</source>
        <translation>Lo que la tripulación midió o estimó</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Actual − predicted, in the property&apos;s unit</source>
        <translation>Real − predicho, en la unidad de la propiedad</translation>
    </message>
    <message>
        <source>Whether the actual value fell inside the predicted 95% interval</source>
        <translation>Si el valor real cayó dentro del intervalo del 95 % predicho</translation>
    </message>
    <message>
        <source>How it was found</source>
        <translation>Cómo se obtuvo</translation>
    </message>
    <message>
        <source>measured or judged, and what was done</source>
        <translation>medido o estimado, y qué se hizo</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>medido</translation>
    </message>
    <message>
        <source>judged</source>
        <translation>estimado</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ImportOutcomeModel</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadidas</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>Ya estaban</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import feedback files</source>
        <translation>Importar archivos de informes</translation>
    </message>
    <message>
        <source>1 report added.</source>
        <translation>1 informe añadido.</translation>
    </message>
    <message>
        <source>{n} reports added.</source>
        <translation>{n} informes añadidos.</translation>
    </message>
    <message>
        <source>{n} were already here (same row id) and were not added again.</source>
        <translation>{n} ya estaban aquí (mismo id de fila) y no se añadieron otra vez.</translation>
    </message>
    <message>
        <source>1 file was refused; none of its rows was taken (the reason is listed).</source>
        <translation>Se rechazó 1 archivo; no se tomó ninguna de sus filas (el motivo figura en la lista).</translation>
    </message>
    <message>
        <source>{n} files were refused; none of their rows was taken (the reason is listed).</source>
        <translation>Se rechazaron {n} archivos; no se tomó ninguna de sus filas (el motivo figura en la lista).</translation>
    </message>
    <message>
        <source>Imported files</source>
        <translation>Archivos importados</translation>
    </message>
</context>
<context>
    <name>MeasureWidget</name>
    <message>
        <source>rigidity</source>
        <translation>rigidez</translation>
    </message>
    <message>
        <source>tightness</source>
        <translation>estanqueidad</translation>
    </message>
    <message>
        <source>water</source>
        <translation>agua</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>energía</translation>
    </message>
    <message>
        <source>product mass</source>
        <translation>masa del producto</translation>
    </message>
    <message>
        <source>Three-point bend (known weight, ruler)</source>
        <translation>Flexión en tres puntos (peso conocido, regla)</translation>
    </message>
    <message>
        <source>Cut a straight strip, rest it on two supports, hang a known weight at the middle and read the sag against a ruler held beside it.</source>
        <translation>Corte una tira recta, apóyela sobre dos soportes, cuelgue un peso conocido en el centro y lea la flecha con una regla colocada al lado.</translation>
    </message>
    <message>
        <source>Soak test (kitchen scale, ruler)</source>
        <translation>Prueba de inmersión (báscula de cocina, regla)</translation>
    </message>
    <message>
        <source>Weigh a cut sample dry, keep it under water for a day, wipe the surface and weigh it again.</source>
        <translation>Pese en seco una muestra cortada, manténgala bajo el agua un día, seque la superficie y vuelva a pesarla.</translation>
    </message>
    <message>
        <source>Water-column drip test (tube, ruler, scale, clock)</source>
        <translation>Prueba de goteo con columna de agua (tubo, regla, báscula, reloj)</translation>
    </message>
    <message>
        <source>Seal a tube on the part, fill it to a marked height, catch what comes through the wall and weigh it.</source>
        <translation>Selle un tubo sobre la pieza, llénelo hasta una altura marcada, recoja lo que atraviese la pared y péselo.</translation>
    </message>
    <message>
        <source>Water used (tank on the scale)</source>
        <translation>Agua usada (depósito en la báscula)</translation>
    </message>
    <message>
        <source>Weigh the water tank before and after the batch.</source>
        <translation>Pese el depósito de agua antes y después del lote.</translation>
    </message>
    <message>
        <source>Product mass (kitchen scale)</source>
        <translation>Masa del producto (báscula de cocina)</translation>
    </message>
    <message>
        <source>Weigh the finished product.</source>
        <translation>Pese el producto terminado.</translation>
    </message>
    <message>
        <source>Energy used (meter)</source>
        <translation>Energía usada (contador)</translation>
    </message>
    <message>
        <source>Read the energy meter before and after the batch.</source>
        <translation>Lea el contador de energía antes y después del lote.</translation>
    </message>
    <message>
        <source>Weight hung at mid-span</source>
        <translation>Peso colgado en el centro del vano</translation>
    </message>
    <message>
        <source>Span between the supports</source>
        <translation>Vano entre los soportes</translation>
    </message>
    <message>
        <source>Width of the strip</source>
        <translation>Anchura de la tira</translation>
    </message>
    <message>
        <source>Thickness of the strip</source>
        <translation>Espesor de la tira</translation>
    </message>
    <message>
        <source>Sag at mid-span under the weight</source>
        <translation>Flecha en el centro bajo el peso</translation>
    </message>
    <message>
        <source>Local gravity</source>
        <translation>Gravedad local</translation>
    </message>
    <message>
        <source>Mass dry</source>
        <translation>Masa en seco</translation>
    </message>
    <message>
        <source>Mass after a day under water, wiped</source>
        <translation>Masa tras un día bajo el agua, secada</translation>
    </message>
    <message>
        <source>Length of the sample</source>
        <translation>Longitud de la muestra</translation>
    </message>
    <message>
        <source>Width of the sample</source>
        <translation>Anchura de la muestra</translation>
    </message>
    <message>
        <source>Thickness of the sample</source>
        <translation>Espesor de la muestra</translation>
    </message>
    <message>
        <source>Height of the water column</source>
        <translation>Altura de la columna de agua</translation>
    </message>
    <message>
        <source>Wetted area of the wall</source>
        <translation>Área mojada de la pared</translation>
    </message>
    <message>
        <source>Wall thickness</source>
        <translation>Espesor de la pared</translation>
    </message>
    <message>
        <source>Time watched</source>
        <translation>Tiempo observado</translation>
    </message>
    <message>
        <source>Water that came through (weighed)</source>
        <translation>Agua que pasó (pesada)</translation>
    </message>
    <message>
        <source>Water tank before the batch</source>
        <translation>Depósito de agua antes del lote</translation>
    </message>
    <message>
        <source>Water tank after the batch</source>
        <translation>Depósito de agua después del lote</translation>
    </message>
    <message>
        <source>Product on the kitchen scale</source>
        <translation>Producto en la báscula de cocina</translation>
    </message>
    <message>
        <source>Energy meter before the batch</source>
        <translation>Contador de energía antes del lote</translation>
    </message>
    <message>
        <source>Energy meter after the batch</source>
        <translation>Contador de energía después del lote</translation>
    </message>
    <message>
        <source>The wet mass is below the dry mass: weigh again.</source>
        <translation>La masa húmeda es menor que la seca: vuelva a pesar.</translation>
    </message>
    <message>
        <source>More water than the sample&apos;s volume: check the dimensions.</source>
        <translation>Más agua que el volumen de la muestra: compruebe las dimensiones.</translation>
    </message>
    <message>
        <source>The tank weighs more after the batch than before.</source>
        <translation>El depósito pesa más después del lote que antes.</translation>
    </message>
    <message>
        <source>The meter reads less after the batch than before.</source>
        <translation>El contador marca menos después del lote que antes.</translation>
    </message>
    <message>
        <source>How did you measure it?</source>
        <translation>¿Cómo lo midió?</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Medición</translation>
    </message>
    <message>
        <source>choose a measurement…</source>
        <translation>elija una medición…</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>Usar este valor</translation>
    </message>
    <message>
        <source>Put the value into the report (found by: measured; how: these readings)</source>
        <translation>Poner el valor en el informe (obtenido: medido; cómo: estas lecturas)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>± reading</source>
        <translation>± lectura</translation>
    </message>
    <message>
        <source>Reading uncertainty of {reading}</source>
        <translation>Incertidumbre de lectura de {reading}</translation>
    </message>
    <message>
        <source>Enter the {reading} ({unit}).</source>
        <translation>Introduzca {reading} ({unit}).</translation>
    </message>
    <message>
        <source>The {reading} must be more than {minimum} {unit}.</source>
        <translation>{reading}: debe ser mayor que {minimum} {unit}.</translation>
    </message>
    <message>
        <source>95% range {low} to {high}</source>
        <translation>rango del 95 %: de {low} a {high}</translation>
    </message>
    <message>
        <source>{word} {value}{unit} ± {uncertainty}{bound}</source>
        <translation>{word} {value}{unit} ± {uncertainty}{bound}</translation>
    </message>
    <message>
        <source> (at least)</source>
        <translation> (como mínimo)</translation>
    </message>
    <message>
        <source> (at most)</source>
        <translation> (como máximo)</translation>
    </message>
</context>
<context>
    <name>ModelStatusView</name>
    <message>
        <source>The predicted property and its unit</source>
        <translation>La propiedad predicha y su unidad</translation>
    </message>
    <message>
        <source>Mean absolute error of the physics model alone on the held-out test split</source>
        <translation>Error absoluto medio del modelo físico solo en la partición de prueba de validación</translation>
    </message>
    <message>
        <source>Mean absolute error of the model on the same split</source>
        <translation>Error absoluto medio del modelo en la misma partición</translation>
    </message>
    <message>
        <source>Model error / physics error: below 1 = the model is better than physics</source>
        <translation>Error del modelo / error físico: por debajo de 1 = el modelo es mejor que el físico</translation>
    </message>
    <message>
        <source>Interval coverage: the share of held-out outcomes inside the model&apos;s 95% interval (0.95 is right)</source>
        <translation>Cobertura del intervalo: la fracción de resultados de validación dentro del intervalo del 95 % del modelo (0,95 es lo correcto)</translation>
    </message>
    <message>
        <source>Mean width of the 95% interval, in the property&apos;s unit</source>
        <translation>Anchura media del intervalo del 95 %, en la unidad de la propiedad</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>bootstrapping</source>
        <translation>en preparación</translation>
    </message>
    <message>
        <source>physics fallback</source>
        <translation>modelo físico de respaldo</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>comprobando</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>dañado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>anterior</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>candidato</translation>
    </message>
    <message>
        <source>Active model</source>
        <translation>Modelo activo</translation>
    </message>
    <message>
        <source>Active model status</source>
        <translation>Estado del modelo activo</translation>
    </message>
    <message>
        <source>Share of the held-out test recipes the model flags as far from its training data (their intervals deserve care)</source>
        <translation>Fracción de las recetas de prueba de validación que el modelo marca como lejanas de sus datos de entrenamiento (sus intervalos merecen cuidado)</translation>
    </message>
    <message>
        <source>The first characters of the manifest&apos;s sha256: which exact bundle this is</source>
        <translation>Los primeros caracteres del sha256 del manifiesto: qué paquete exacto es</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>Entrenado con</translation>
    </message>
    <message>
        <source>Trained at</source>
        <translation>Entrenado el</translation>
    </message>
    <message>
        <source>Held-out test recipes</source>
        <translation>Recetas de prueba de validación</translation>
    </message>
    <message>
        <source>Out-of-distribution rate</source>
        <translation>Tasa fuera de distribución</translation>
    </message>
    <message>
        <source>Bundle fingerprint</source>
        <translation>Huella del paquete</translation>
    </message>
    <message>
        <source>Held-out accuracy against the physics model</source>
        <translation>Precisión de validación frente al modelo físico</translation>
    </message>
    <message>
        <source>Held-out metrics</source>
        <translation>Métricas de validación</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Modelos instalados</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>When it was trained</source>
        <translation>Cuándo se entrenó</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>active: scores the recipes now; previous: Roll back returns to it; candidate: retrained but not promoted</source>
        <translation>activo: puntúa las recetas ahora; anterior: Revertir vuelve a él; candidato: reentrenado pero no promovido</translation>
    </message>
    <message>
        <source>Install from a file…</source>
        <translation>Instalar desde un archivo…</translation>
    </message>
    <message>
        <source>Install a model bundle (.zip): every file is verified against its manifest first; a bundle that fails is refused and nothing changes</source>
        <translation>Instalar un paquete de modelo (.zip): cada archivo se verifica antes con su manifiesto; un paquete que falla se rechaza y nada cambia</translation>
    </message>
    <message>
        <source>Install from a folder…</source>
        <translation>Instalar desde una carpeta…</translation>
    </message>
    <message>
        <source>Install a model bundle folder (with its manifest.json), verified first</source>
        <translation>Instalar una carpeta de paquete de modelo (con su manifest.json), verificada antes</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Make the previously active model active again</source>
        <translation>Volver a activar el modelo activo anterior</translation>
    </message>
    <message>
        <source>Model status: {status}</source>
        <translation>Estado del modelo: {status}</translation>
    </message>
    <message>
        <source>The recipes are scored with the physics model alone; a trained model&apos;s held-out figures appear here once one is active.</source>
        <translation>Las recetas se puntúan solo con el modelo físico; las cifras de validación de un modelo entrenado aparecen aquí cuando haya uno activo.</translation>
    </message>
    <message>
        <source>On the held-out test split ({n} recipes).</source>
        <translation>En la partición de prueba de validación ({n} recetas).</translation>
    </message>
    <message>
        <source>On the held-out test split.</source>
        <translation>En la partición de prueba de validación.</translation>
    </message>
    <message>
        <source>Coverage is counted on the rows that are not structural zeros.</source>
        <translation>La cobertura se cuenta en las filas que no son ceros estructurales.</translation>
    </message>
    <message>
        <source>– (the physics model needs no training data)</source>
        <translation>– (el modelo físico no necesita datos de entrenamiento)</translation>
    </message>
    <message>
        <source>No real trial data: the reference facts hold no recipe-level measurement of these properties.</source>
        <translation>Sin datos de ensayos reales: los datos de referencia no tienen ninguna medida de estas propiedades a nivel de receta.</translation>
    </message>
    <message>
        <source>{n} simulated trials from the virtual lab ({source})</source>
        <translation>{n} ensayos simulados del laboratorio virtual ({source})</translation>
    </message>
    <message>
        <source>{n} rows of the crew&apos;s feedback</source>
        <translation>{n} filas de informes de la tripulación</translation>
    </message>
    <message>
        <source>{n} rows from {source}</source>
        <translation>{n} filas de {source}</translation>
    </message>
    <message>
        <source>There is no previous model to roll back to</source>
        <translation>No hay ningún modelo anterior al que volver</translation>
    </message>
    <message>
        <source>Install a model bundle</source>
        <translation>Instalar un paquete de modelo</translation>
    </message>
    <message>
        <source>Model bundles</source>
        <translation>Paquetes de modelo</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Install a model bundle folder</source>
        <translation>Instalar una carpeta de paquete de modelo</translation>
    </message>
    <message>
        <source>Verifying and installing {name}…</source>
        <translation>Verificando e instalando {name}…</translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation>Revirtiendo…</translation>
    </message>
    <message>
        <source>Installed and active</source>
        <translation>Instalado y activo</translation>
    </message>
    <message>
        <source>Rolled back; active</source>
        <translation>Revertido; activo</translation>
    </message>
    <message>
        <source>{what}: model {name} {version}</source>
        <translation>{what}: modelo {name} {version}</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>No instalado</translation>
    </message>
    <message>
        <source>Not rolled back</source>
        <translation>No revertido</translation>
    </message>
    <message>
        <source>The active model is unchanged.</source>
        <translation>El modelo activo no ha cambiado.</translation>
    </message>
</context>
<context>
    <name>ModelViews</name>
    <message>
        <source>Promoted: the new model is active</source>
        <translation>Promovido: el modelo nuevo está activo</translation>
    </message>
    <message>
        <source>Rejected: the current model stays active</source>
        <translation>Rechazado: el modelo actual sigue activo</translation>
    </message>
    <message>
        <source>No usable feedback: nothing was trained</source>
        <translation>No hay informes utilizables: no se entrenó nada</translation>
    </message>
    <message>
        <source>Failed: the current model stays active</source>
        <translation>Fallido: el modelo actual sigue activo</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>promovido</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation>datos insuficientes</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>Crew feedback corrects {properties}: there the model departs from the simulated trials on purpose, so its ratio on this split measures that departure, not its error against what the crew measured (the retraining run&apos;s Metrics tab has that).</source>
        <translation>Los informes de la tripulación corrigen {properties}: ahí el modelo se aparta a propósito de los ensayos simulados, así que su cociente en esta partición mide ese apartamiento, no su error frente a lo que midió la tripulación (eso está en la pestaña Métricas del reentrenamiento).</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propiedad</translation>
    </message>
    <message>
        <source>MAE physics</source>
        <translation>MAE físico</translation>
    </message>
    <message>
        <source>MAE model</source>
        <translation>MAE modelo</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Cociente</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Anchura</translation>
    </message>
    <message>
        <source>{total} ({usable} usable)</source>
        <translation>{total} ({usable} utilizables)</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>When the run ended (local time)</source>
        <translation>Cuándo terminó el reentrenamiento (hora local)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>promoted: the new model became active; rejected: it was worse than the current one on held-out data; not enough data: no usable feedback; failed: an error</source>
        <translation>promovido: el modelo nuevo pasó a estar activo; rechazado: era peor que el actual con los datos de validación; datos insuficientes: no había informes utilizables; fallido: un error</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>The version of the model that was active when the run started</source>
        <translation>La versión del modelo que estaba activa cuando empezó el reentrenamiento</translation>
    </message>
    <message>
        <source>Challenger</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <source>The version of the model trained in this run</source>
        <translation>La versión del modelo entrenada en este reentrenamiento</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Feedback rows the run read, and how many could be used for training (a row needs a known recipe and a measured or judged value)</source>
        <translation>Filas de informes que leyó el reentrenamiento, y cuántas se pudieron usar para entrenar (una fila necesita una receta conocida y un valor medido o estimado)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Why the run ended so</source>
        <translation>Por qué terminó así el reentrenamiento</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>A model input, as the crew would name it</source>
        <translation>Una entrada del modelo, como la llamaría la tripulación</translation>
    </message>
    <message>
        <source>Population stability index between the training data and the feedback: &lt; 0.1 none, 0.1–0.25 moderate, &gt; 0.25 major shift</source>
        <translation>Índice de estabilidad de la población entre los datos de entrenamiento y los informes: &lt; 0,1 ninguno, 0,1–0,25 moderado, &gt; 0,25 cambio grande</translation>
    </message>
    <message>
        <source>Kolmogorov–Smirnov statistic: the largest gap between the two distributions (0–1)</source>
        <translation>Estadístico de Kolmogórov-Smirnov: la mayor distancia entre las dos distribuciones (0–1)</translation>
    </message>
    <message>
        <source>KS p-value</source>
        <translation>p de KS</translation>
    </message>
    <message>
        <source>How likely a gap this large is by chance alone (small = a real shift)</source>
        <translation>Probabilidad de una distancia tan grande solo por azar (pequeña = un cambio real)</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Deriva</translation>
    </message>
    <message>
        <source>The shift&apos;s level from its PSI: none, moderate or major</source>
        <translation>El nivel de la deriva según su PSI: ninguna, moderada o grande</translation>
    </message>
    <message>
        <source>Train mean</source>
        <translation>Media ent.</translation>
    </message>
    <message>
        <source>Mean of the feature over the training data</source>
        <translation>Media de la variable en los datos de entrenamiento</translation>
    </message>
    <message>
        <source>New mean</source>
        <translation>Media nueva</translation>
    </message>
    <message>
        <source>Mean of the feature over the feedback rows</source>
        <translation>Media de la variable en las filas de informes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>sin evaluar</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderada</translation>
    </message>
    <message>
        <source>major</source>
        <translation>grande</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>deriva</translation>
    </message>
    <message>
        <source>{n} of {total} features flagged</source>
        <translation>{n} de {total} variables marcadas</translation>
    </message>
    <message>
        <source>The property and its unit</source>
        <translation>La propiedad y su unidad</translation>
    </message>
    <message>
        <source>Lab MAE, active</source>
        <translation>MAE lab., vigente</translation>
    </message>
    <message>
        <source>Mean absolute error of the active model (the champion) on fresh virtual-lab trials</source>
        <translation>Error absoluto medio del modelo activo (el vigente) en ensayos nuevos del laboratorio virtual</translation>
    </message>
    <message>
        <source>Lab MAE, new</source>
        <translation>MAE lab., nuevo</translation>
    </message>
    <message>
        <source>Mean absolute error of the retrained model (the challenger) on the same trials</source>
        <translation>Error absoluto medio del modelo reentrenado (el candidato) en los mismos ensayos</translation>
    </message>
    <message>
        <source>Lab coverage, active</source>
        <translation>Cobertura lab., vigente</translation>
    </message>
    <message>
        <source>Share of the trials inside the champion&apos;s 95% interval</source>
        <translation>Fracción de los ensayos dentro del intervalo del 95 % del vigente</translation>
    </message>
    <message>
        <source>Lab coverage, new</source>
        <translation>Cobertura lab., nuevo</translation>
    </message>
    <message>
        <source>Share of the trials inside the challenger&apos;s 95% interval</source>
        <translation>Fracción de los ensayos dentro del intervalo del 95 % del candidato</translation>
    </message>
    <message>
        <source>Feedback rows</source>
        <translation>Filas de informes</translation>
    </message>
    <message>
        <source>Held-out measured feedback rows (recipes the challenger never saw)</source>
        <translation>Filas de informes medidos de validación (recetas que el candidato nunca vio)</translation>
    </message>
    <message>
        <source>Feedback MAE, active</source>
        <translation>MAE informes, vigente</translation>
    </message>
    <message>
        <source>Mean absolute error of the champion on the held-out feedback</source>
        <translation>Error absoluto medio del vigente en los informes de validación</translation>
    </message>
    <message>
        <source>Feedback MAE, new</source>
        <translation>MAE informes, nuevo</translation>
    </message>
    <message>
        <source>Mean absolute error of the challenger on the held-out feedback</source>
        <translation>Error absoluto medio del candidato en los informes de validación</translation>
    </message>
    <message>
        <source>Learnt</source>
        <translation>Aprendido</translation>
    </message>
    <message>
        <source>What the challenger learnt from the feedback for this property</source>
        <translation>Lo que el candidato aprendió de los informes para esta propiedad</translation>
    </message>
    <message>
        <source>Checks passed</source>
        <translation>Comprobaciones superadas</translation>
    </message>
    <message>
        <source>The promotion checks of this property that passed (details in Checks)</source>
        <translation>Las comprobaciones de promoción de esta propiedad que se superaron (detalles en Comprobaciones)</translation>
    </message>
    <message>
        <source>local</source>
        <translation>local</translation>
    </message>
    <message>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>corrección</translation>
    </message>
    <message>
        <source>intervals</source>
        <translation>intervalos</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} de {total}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>No promotion check ran in this run.</source>
        <translation>En este reentrenamiento no se hizo ninguna comprobación de promoción.</translation>
    </message>
    <message>
        <source>feedback total</source>
        <translation>informes en total</translation>
    </message>
    <message>
        <source>from journal</source>
        <translation>del diario</translation>
    </message>
    <message>
        <source>from files</source>
        <translation>de archivos</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>duplicados</translation>
    </message>
    <message>
        <source>feedback usable</source>
        <translation>informes utilizables</translation>
    </message>
    <message>
        <source>feedback measured</source>
        <translation>informes medidos</translation>
    </message>
    <message>
        <source>feedback judged</source>
        <translation>informes estimados</translation>
    </message>
    <message>
        <source>feedback skipped</source>
        <translation>informes omitidos</translation>
    </message>
    <message>
        <source>skipped by reason</source>
        <translation>omitidos por motivo</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>recipes</source>
        <translation>recetas</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>held out</source>
        <translation>de validación</translation>
    </message>
    <message>
        <source>training rows</source>
        <translation>filas de entrenamiento</translation>
    </message>
    <message>
        <source>virtual lab</source>
        <translation>laboratorio virtual</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>informes</translation>
    </message>
    <message>
        <source>journal damaged files</source>
        <translation>archivos dañados del diario</translation>
    </message>
    <message>
        <source>holdout note</source>
        <translation>nota de validación</translation>
    </message>
    <message>
        <source>held out feedback rows</source>
        <translation>filas de informes de validación</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>version</source>
        <translation>versión</translation>
    </message>
    <message>
        <source>manifest sha256</source>
        <translation>sha256 del manifiesto</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>trained on</source>
        <translation>entrenado con</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>medido</translation>
    </message>
    <message>
        <source>judged</source>
        <translation>estimado</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>no instalado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>descartado</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>candidato</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>anterior</translation>
    </message>
    <message>
        <source>Feedback data</source>
        <translation>Datos de informes</translation>
    </message>
    <message>
        <source>Record: {path}</source>
        <translation>Registro: {path}</translation>
    </message>
    <message>
        <source>No details recorded.</source>
        <translation>No hay detalles registrados.</translation>
    </message>
    <message>
        <source>Feedback rows per property</source>
        <translation>Filas de informes por propiedad</translation>
    </message>
    <message>
        <source>property</source>
        <translation>propiedad</translation>
    </message>
</context>
<context>
    <name>PendingBanner</name>
    <message>
        <source>Unsaved feedback</source>
        <translation>Informes sin guardar</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Try again to save the reports kept in memory (each is recorded once)</source>
        <translation>Intentar de nuevo guardar los informes retenidos en memoria (cada uno se registra una sola vez)</translation>
    </message>
    <message>
        <source>&lt;b&gt;1 report is not saved yet.&lt;/b&gt; {reason} It is kept in memory and nothing saved earlier was touched. Free some disk space or check the data folder, then press &lt;b&gt;Retry&lt;/b&gt;.</source>
        <translation>&lt;b&gt;1 informe aún no está guardado.&lt;/b&gt; {reason} Se retiene en memoria y no se ha tocado nada de lo guardado antes. Libere espacio en el disco o revise la carpeta de datos y pulse &lt;b&gt;Reintentar&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} reports are not saved yet.&lt;/b&gt; {reason} They are kept in memory and nothing saved earlier was touched. Free some disk space or check the data folder, then press &lt;b&gt;Retry&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{n} informes aún no están guardados.&lt;/b&gt; {reason} Se retienen en memoria y no se ha tocado nada de lo guardado antes. Libere espacio en el disco o revise la carpeta de datos y pulse &lt;b&gt;Reintentar&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>ReportEntry</name>
    <message>
        <source>How stiff the product turned out, as the 0–1 rigidity index: 0 = soft foam or draped fabric, 0.37 = LDPE sheet, 0.57 = HDPE board, 0.71 = PET/nylon part, 0.86 = fibre composite, 1 = metal frame.</source>
        <translation>Lo rígido que salió el producto, como índice de rigidez 0–1: 0 = espuma blanda o tela que cae, 0,37 = lámina de LDPE, 0,57 = tablero de HDPE, 0,71 = pieza de PET/nailon, 0,86 = material compuesto con fibra, 1 = bastidor metálico.</translation>
    </message>
    <message>
        <source>How well it holds liquid and gas, 0–1: 0 = loose shred or mesh, 0.2 = woven fabric (dust), 0.5 = compacted tile (splash-proof), 0.8 = fused sheet (water-tight), 1 = gas-tight film.</source>
        <translation>Lo bien que retiene líquidos y gases, 0–1: 0 = triturado suelto o malla, 0,2 = tejido (polvo), 0,5 = baldosa compactada (a prueba de salpicaduras), 0,8 = lámina fundida (estanca al agua), 1 = película estanca al gas.</translation>
    </message>
    <message>
        <source>Electrical energy the batch actually used (heater, press, machine), in kilowatt-hours.</source>
        <translation>Energía eléctrica que usó realmente el lote (calentador, prensa, máquina), en kilovatios hora.</translation>
    </message>
    <message>
        <source>Water the batch actually used (rinsing, cleaning, process water), net of what was recovered, in litres.</source>
        <translation>Agua que usó realmente el lote (aclarado, limpieza, agua de proceso), descontada la recuperada, en litros.</translation>
    </message>
    <message>
        <source>Hands-on crew time the batch actually took (sorting, loading, finishing), in minutes.</source>
        <translation>Tiempo de trabajo directo de la tripulación que llevó realmente el lote (clasificar, cargar, acabar), en minutos.</translation>
    </message>
    <message>
        <source>Mass of usable product that came out of the batch, in kilograms.</source>
        <translation>Masa de producto utilizable que salió del lote, en kilogramos.</translation>
    </message>
    <message>
        <source>how: e.g. 3-point bend of a 10 cm strip, or pressed by hand</source>
        <translation>cómo: p. ej. flexión en 3 puntos de una tira de 10 cm, o apretado a mano</translation>
    </message>
    <message>
        <source>how: e.g. held 1 L of water for an hour without a drip</source>
        <translation>cómo: p. ej. retuvo 1 L de agua una hora sin gotear</translation>
    </message>
    <message>
        <source>{lo} to {hi}</source>
        <translation>de {lo} a {hi}</translation>
    </message>
    <message>
        <source>{lo} or more</source>
        <translation>{lo} o más</translation>
    </message>
    <message>
        <source>Allowed: {allowed} {unit}. Leave it empty if it was not measured or judged.</source>
        <translation>Permitido: {allowed} {unit}. Déjelo vacío si no se midió ni se estimó.</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>sin informar</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number: type a value from {lo} to {hi}{unit}, or leave it empty.</source>
        <translation>&apos;{text}&apos; no es un número: escriba un valor de {lo} a {hi}{unit}, o déjelo vacío.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number: type a value of {lo} or more{unit}, or leave it empty.</source>
        <translation>&apos;{text}&apos; no es un número: escriba un valor de {lo}{unit} o más, o déjelo vacío.</translation>
    </message>
    <message>
        <source>Cannot be negative: {x} is below {lo}{unit}.</source>
        <translation>No puede ser negativo: {x} es menor que {lo}{unit}.</translation>
    </message>
    <message>
        <source>Too low: {x} is below the minimum of {lo}{unit}.</source>
        <translation>Demasiado bajo: {x} es menor que el mínimo de {lo}{unit}.</translation>
    </message>
    <message>
        <source>Too high: {x} is above the maximum of {hi}{unit}.</source>
        <translation>Demasiado alto: {x} es mayor que el máximo de {hi}{unit}.</translation>
    </message>
    <message>
        <source>What the crew found</source>
        <translation>Lo que encontró la tripulación</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Obtenido</translation>
    </message>
    <message>
        <source>Predicted [95% interval]</source>
        <translation>Predicho [intervalo del 95 %]</translation>
    </message>
    <message>
        <source>What was predicted for {property}, with its 95% interval</source>
        <translation>Lo que se predijo para {property}, con su intervalo del 95 %</translation>
    </message>
    <message>
        <source>How {property} was found</source>
        <translation>Cómo se obtuvo {property}</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>elegir…</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>medido</translation>
    </message>
    <message>
        <source>judged</source>
        <translation>estimado</translation>
    </message>
    <message>
        <source>measured: with an instrument or a repeatable test; judged: by hand and eye</source>
        <translation>medido: con un instrumento o una prueba repetible; estimado: a mano y a ojo</translation>
    </message>
    <message>
        <source>What was measured for {property} and how</source>
        <translation>Qué se midió para {property} y cómo</translation>
    </message>
    <message>
        <source>What was measured and how (the test, the instrument, the sample), or what the judgement was based on</source>
        <translation>Qué se midió y cómo (la prueba, el instrumento, la muestra), o en qué se basó la estimación</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>The product does the job it was made for</source>
        <translation>El producto cumple la función para la que se hizo</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>The product does not do the job</source>
        <translation>El producto no cumple su función</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Aún no se sabe</translation>
    </message>
    <message>
        <source>Not tried in use yet</source>
        <translation>Aún no se ha probado en uso</translation>
    </message>
    <message>
        <source>Pass / fail</source>
        <translation>Aprobado / fallido</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Anything worth knowing: defects, smell, what you would change…</source>
        <translation>Todo lo que convenga saber: defectos, olor, qué cambiaría…</translation>
    </message>
    <message>
        <source>Free notes about the batch and the product</source>
        <translation>Notas libres sobre el lote y el producto</translation>
    </message>
    <message>
        <source>Who reports</source>
        <translation>Quién informa</translation>
    </message>
    <message>
        <source>Your name or call sign (remembered for next time)</source>
        <translation>Su nombre o indicativo (se recuerda para la próxima vez)</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>su nombre</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Enter at least one result (a value, or passed / failed).</source>
        <translation>Introduzca al menos un resultado (un valor, o aprobado / fallido).</translation>
    </message>
    <message>
        <source>Say whether {property} was measured or judged.</source>
        <translation>Indique si {property} se midió o se estimó.</translation>
    </message>
    <message>
        <source>Enter the {property} that was {method}, or set &apos;choose…&apos;.</source>
        <translation>Introduzca el valor de {property} ({method}), o ponga &apos;elegir…&apos;.</translation>
    </message>
</context>
<context>
    <name>RetrainDialog</name>
    <message>
        <source>Retrain from feedback</source>
        <translation>Reentrenar con los informes</translation>
    </message>
    <message>
        <source>A new model (the &lt;b&gt;challenger&lt;/b&gt;) is trained from the simulated trials plus the crew&apos;s feedback, and compared with the active model (the &lt;b&gt;champion&lt;/b&gt;) on held-out data. It becomes active only if it is no worse. Every run is recorded, with a drift check of the feedback against the training data.</source>
        <translation>Se entrena un modelo nuevo (el &lt;b&gt;candidato&lt;/b&gt;) con los ensayos simulados más los informes de la tripulación y se compara con el modelo activo (el &lt;b&gt;vigente&lt;/b&gt;) con datos de validación. Solo pasa a estar activo si no es peor. Cada reentrenamiento queda registrado, con una comprobación de deriva de los informes frente a los datos de entrenamiento.</translation>
    </message>
    <message>
        <source>Feedback recorded on this laptop</source>
        <translation>Informes registrados en este portátil</translation>
    </message>
    <message>
        <source>Every report saved in the Feedback panel of this laptop</source>
        <translation>Todos los informes guardados en el panel Informes de este portátil</translation>
    </message>
    <message>
        <source>Feedback exported on other laptops (trainer export files):</source>
        <translation>Informes exportados en otros portátiles (archivos de exportación para entrenar):</translation>
    </message>
    <message>
        <source>Exported feedback files</source>
        <translation>Archivos de informes exportados</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>Add exported .parquet files (or their manifest.json)</source>
        <translation>Añadir archivos .parquet exportados (o su manifest.json)</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>Añadir una carpeta…</translation>
    </message>
    <message>
        <source>Add a whole export folder (every file its manifest.json lists)</source>
        <translation>Añadir una carpeta de exportación entera (todos los archivos que lista su manifest.json)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Take the selected files off the list</source>
        <translation>Quitar de la lista los archivos seleccionados</translation>
    </message>
    <message>
        <source>Make the new model active if it is no worse than the current one</source>
        <translation>Activar el modelo nuevo si no es peor que el actual</translation>
    </message>
    <message>
        <source>Untick to train and compare only (the run is recorded; nothing changes)</source>
        <translation>Desmarque para solo entrenar y comparar (el reentrenamiento se registra; nada cambia)</translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation>Reentrenar</translation>
    </message>
    <message>
        <source>Feedback exports</source>
        <translation>Exportaciones de informes</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>A feedback export folder</source>
        <translation>Una carpeta de exportación de informes</translation>
    </message>
    <message>
        <source>Choose the feedback to learn from: this laptop&apos;s and/or exported files.</source>
        <translation>Elija los informes de los que aprender: los de este portátil y/o archivos exportados.</translation>
    </message>
</context>
<context>
    <name>RetrainView</name>
    <message>
        <source>Trains a challenger from the simulated trials plus the crew&apos;s feedback, checks the feedback for drift against the training data, and makes it active only if it is no worse than the champion on held-out data. It runs in the background; Generate keeps working meanwhile.</source>
        <translation>Entrena un candidato con los ensayos simulados más los informes de la tripulación, comprueba la deriva de los informes frente a los datos de entrenamiento y solo lo activa si no es peor que el vigente con datos de validación. Se ejecuta en segundo plano; mientras tanto, Generar sigue funcionando.</translation>
    </message>
    <message>
        <source>Retrain from feedback</source>
        <translation>Reentrenar con los informes</translation>
    </message>
    <message>
        <source>Retrain from feedback…</source>
        <translation>Reentrenar con los informes…</translation>
    </message>
    <message>
        <source>Choose the feedback to learn from, then retrain (progress and Cancel below)</source>
        <translation>Elegir los informes de los que aprender y reentrenar (progreso y Cancelar abajo)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the retraining; nothing changes</source>
        <translation>Detener el reentrenamiento; nada cambia</translation>
    </message>
    <message>
        <source>Retraining progress</source>
        <translation>Progreso del reentrenamiento</translation>
    </message>
    <message>
        <source>Verdict of the last retraining</source>
        <translation>Veredicto del último reentrenamiento</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Historial de reentrenamientos</translation>
    </message>
    <message>
        <source>Retraining runs</source>
        <translation>Reentrenamientos</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>entrenando…</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>iniciando…</translation>
    </message>
    <message>
        <source>1 exported file</source>
        <translation>1 archivo exportado</translation>
    </message>
    <message>
        <source>{n} exported files</source>
        <translation>{n} archivos exportados</translation>
    </message>
    <message>
        <source>this laptop&apos;s feedback</source>
        <translation>los informes de este portátil</translation>
    </message>
    <message>
        <source>Retraining from {sources}…</source>
        <translation>Reentrenando con {sources}…</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>deteniendo…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>Run {run} finished {time}.</source>
        <translation>Reentrenamiento {run} terminado el {time}.</translation>
    </message>
    <message>
        <source>Retraining finished: {verdict} (the reason is in the Model panel)</source>
        <translation>Reentrenamiento terminado: {verdict} (el motivo está en el panel Modelo)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>The retraining stopped with an error ({code}).</source>
        <translation>El reentrenamiento se detuvo con un error ({code}).</translation>
    </message>
    <message>
        <source>The active model is unchanged.</source>
        <translation>El modelo activo no ha cambiado.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed; the active model stays.</source>
        <translation>Cancelado: no se cambió nada; el modelo activo se mantiene.</translation>
    </message>
    <message>
        <source>No retraining has run yet.</source>
        <translation>Aún no se ha hecho ningún reentrenamiento.</translation>
    </message>
    <message>
        <source>1 run, newest first.</source>
        <translation>1 reentrenamiento, el más reciente primero.</translation>
    </message>
    <message>
        <source>{n} runs, newest first.</source>
        <translation>{n} reentrenamientos, los más recientes primero.</translation>
    </message>
</context>
<context>
    <name>RunDetailsView</name>
    <message>
        <source>PSI and KS per model input between the training data and the feedback</source>
        <translation>PSI y KS por entrada del modelo entre los datos de entrenamiento y los informes</translation>
    </message>
    <message>
        <source>The champion and the challenger on held-out data, per property</source>
        <translation>El vigente y el candidato con datos de validación, por propiedad</translation>
    </message>
    <message>
        <source>Every promotion check and whether it passed</source>
        <translation>Cada comprobación de promoción y si se superó</translation>
    </message>
    <message>
        <source>The feedback the run read and used</source>
        <translation>Los informes que leyó y usó el reentrenamiento</translation>
    </message>
    <message>
        <source>Select a run to see its drift report and metrics.</source>
        <translation>Seleccione un reentrenamiento para ver su informe de deriva y sus métricas.</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Deriva</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métricas</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Drift report</source>
        <translation>Informe de deriva</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propiedad</translation>
    </message>
    <message>
        <source>Held-out figures of the champion and the challenger in this run.</source>
        <translation>Cifras de validación del vigente y del candidato en este reentrenamiento.</translation>
    </message>
    <message>
        <source>Champion and challenger metrics</source>
        <translation>Métricas del vigente y del candidato</translation>
    </message>
    <message>
        <source>Run {run} · {verdict} · {time}</source>
        <translation>Reentrenamiento {run} · {verdict} · {time}</translation>
    </message>
    <message>
        <source>No drift report in this run (no usable feedback to compare).</source>
        <translation>No hay informe de deriva en este reentrenamiento (no hay informes utilizables que comparar).</translation>
    </message>
</context>
<context>
    <name>TrialsView</name>
    <message>
        <source>Recipe</source>
        <translation>Receta</translation>
    </message>
    <message>
        <source>What it would teach</source>
        <translation>Qué enseñaría</translation>
    </message>
    <message>
        <source>What it costs</source>
        <translation>Qué cuesta</translation>
    </message>
    <message>
        <source>Suggested trials</source>
        <translation>Ensayos sugeridos</translation>
    </message>
    <message>
        <source>Which recipes to make next so that the model learns most for the stock, energy and crew time they cost. Press &lt;b&gt;Suggest trials&lt;/b&gt;.</source>
        <translation>Qué recetas hacer a continuación para que el modelo aprenda lo máximo por las existencias, la energía y el tiempo de tripulación que cuestan. Pulse &lt;b&gt;Sugerir ensayos&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Work order…</source>
        <translation>Orden de trabajo…</translation>
    </message>
    <message>
        <source>The work order of the selected trial: preview, print, save as PDF or HTML</source>
        <translation>La orden de trabajo del ensayo seleccionado: vista previa, imprimir, guardar como PDF o HTML</translation>
    </message>
    <message>
        <source>Report result…</source>
        <translation>Informar del resultado…</translation>
    </message>
    <message>
        <source>Open the Feedback panel for the selected trial, ready for its measurements</source>
        <translation>Abrir el panel Informes para el ensayo seleccionado, listo para sus mediciones</translation>
    </message>
    <message>
        <source>How many trials</source>
        <translation>Cuántos ensayos</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Energy budget for the trials</source>
        <translation>Presupuesto de energía para los ensayos</translation>
    </message>
    <message>
        <source>Crew-time budget for the trials</source>
        <translation>Presupuesto de tiempo de tripulación para los ensayos</translation>
    </message>
    <message>
        <source>Suggest trials</source>
        <translation>Sugerir ensayos</translation>
    </message>
    <message>
        <source>Rank the feasible recipes by what their trial would teach per cost</source>
        <translation>Ordenar las recetas viables por lo que enseñaría su ensayo según su coste</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Ensayos</translation>
    </message>
    <message>
        <source>Energy budget</source>
        <translation>Presupuesto de energía</translation>
    </message>
    <message>
        <source>Crew time</source>
        <translation>Tiempo de tripulación</translation>
    </message>
    <message>
        <source>Choose a target first (Target tab).</source>
        <translation>Elija primero un objetivo (pestaña Objetivo).</translation>
    </message>
    <message>
        <source>Ranking the trials…</source>
        <translation>Ordenando los ensayos…</translation>
    </message>
    <message>
        <source>The trials could not be suggested: {reason}</source>
        <translation>No se pudieron sugerir los ensayos: {reason}</translation>
    </message>
</context>
</TS>
