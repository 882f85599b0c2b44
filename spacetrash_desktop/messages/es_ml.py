"""Spanish of the crew-facing sentences of the model layer (ml/: drift, promotion, registry, features,
measurements) and of the catalog import report (catalog/importer.py, catalog/rows.py)."""

ES = {
    # ---------------------------------------------------------------- ml/drift.py
    "{major} feature(s) with major drift (PSI > {psi_major}) and {moderate} with moderate drift, mostly: "
    "{names}. Expected when the crew makes a few kinds of recipe; the held-out comparison decides whether the "
    "model improved.": "{major} variable(s) con deriva fuerte (PSI > {psi_major}) y {moderate} con deriva "
    "moderada, sobre todo: {names}. Es lo esperado cuando la tripulación hace pocos tipos de receta; la "
    "comparación con los datos de validación decide si el modelo mejoró.",
    "No new rows to compare.": "No hay filas nuevas que comparar.",
    "The new rows look like the training data (no feature with PSI of 0.1 or more).": "Las filas nuevas se "
    "parecen a los datos de entrenamiento (ninguna variable con PSI de 0.1 o más).",
    "Not enough rows to judge drift: {n} new rows, at least {need} are needed. The figures below are for "
    "reference only.": "No hay filas suficientes para juzgar la deriva: {n} filas nuevas, se necesitan al menos "
    "{need}. Las cifras de abajo son solo de referencia.",
    "Not enough rows to judge drift: {n} new row, at least {need} are needed. The figures below are for "
    "reference only.": "No hay filas suficientes para juzgar la deriva: {n} fila nueva, se necesitan al menos "
    "{need}. Las cifras de abajo son solo de referencia.",
    # ---------------------------------------------------------------- ml/features.py (feature labels)
    "Share of {material} in the feed": "Proporción de {material} en la carga",
    "Process: {process}": "Proceso: {process}",
    "Water content of the feed": "Contenido de agua de la carga",
    "Regolith share of the feed": "Proporción de regolito en la carga",
    "Number of different waste items": "Número de artículos de residuos distintos",
    "Share of the main waste item": "Proporción del artículo de residuos principal",
    "Batch size": "Tamaño del lote",
    "Process temperature": "Temperatura del proceso",
    "Heated process": "Proceso con calor",
    "Process needs a molten binder": "El proceso necesita un aglutinante fundido",
    "Rigidity (physics estimate)": "Rigidez (estimación del modelo físico)",
    "Tightness (physics estimate)": "Estanqueidad (estimación del modelo físico)",
    "Energy (physics estimate)": "Energía (estimación del modelo físico)",
    "Water (physics estimate)": "Agua (estimación del modelo físico)",
    "Crew time (physics estimate)": "Tiempo de tripulación (estimación del modelo físico)",
    "Stiffness of the product (physics estimate)": "Rigidez del producto (estimación del modelo físico)",
    "Strength of the product (physics estimate)": "Resistencia del producto (estimación del modelo físico)",
    "Porosity (physics estimate)": "Porosidad (estimación del modelo físico)",
    "Molten binder fraction (physics estimate)": "Fracción de aglutinante fundido (estimación del modelo físico)",
    "Hydrogen content": "Contenido de hidrógeno",
    "Share of the energy spent on heating": "Proporción de la energía gastada en calentar",
    "Number of machine cycles": "Número de ciclos de máquina",
    "How full the machine cycles are": "Grado de llenado de los ciclos de máquina",
    "Mass yield (product / feed)": "Rendimiento en masa (producto / carga)",
    "Share of hard-to-handle waste": "Proporción de residuos difíciles de manejar",
    # ---------------------------------------------------------------- ml/measurements.py
    "Three-point bend: {load:g} g at mid-span of a {span:g} mm span, strip {width:g} x {thickness:g} mm, sag "
    "{sag:g} mm → modulus {modulus} GPa (±{rel:.0f}%)": "Flexión en tres puntos: {load:g} g en el centro de un "
    "vano de {span:g} mm, tira de {width:g} x {thickness:g} mm, flecha de {sag:g} mm → módulo {modulus} GPa "
    "(±{rel:.0f} %)",
    "Soak test: {dry:g} g dry, {wet:g} g wet, sample {length:g} x {width:g} x {thickness:g} mm → open porosity "
    "{porosity:.1f}%": "Prueba de inmersión: {dry:g} g en seco, {wet:g} g húmeda, muestra de {length:g} x "
    "{width:g} x {thickness:g} mm → porosidad abierta {porosity:.1f} %",
    "Drip test: {head:g} mm water column over {area:g} cm² of a {wall:g} mm wall, {minutes:g} min, {leak:g} g "
    "came through": "Prueba de goteo: columna de agua de {head:g} mm sobre {area:g} cm² de una pared de "
    "{wall:g} mm, {minutes:g} min, pasaron {leak:g} g",
    " (none seen: the value is a lower bound)": " (no se vio ninguna gota: el valor es un límite inferior)",
    "Water tank weighed: {before:g} kg before, {after:g} kg after": "Depósito de agua pesado: {before:g} kg "
    "antes, {after:g} kg después",
    "Kitchen scale: {mass:g} g": "Báscula de cocina: {mass:g} g",
    "Energy meter: {before:g} kWh before, {after:g} kWh after": "Contador de energía: {before:g} kWh antes, "
    "{after:g} kWh después",
    "Enter the {reading} ({unit}).": "Introduzca {reading} ({unit}).",
    "The {reading} must be more than {minimum:g} {unit}.": "{reading}: debe ser mayor que {minimum:g} {unit}.",
    "The wet mass is below the dry mass: weigh again.": "La masa húmeda es menor que la seca: vuelva a pesar.",
    "More water than the sample's volume: check the dimensions.": "Más agua que el volumen de la muestra: "
    "compruebe las dimensiones.",
    "The tank weighs more after the batch than before.": "El depósito pesa más después del lote que antes.",
    "The meter reads less after the batch than before.": "El contador marca menos después del lote que antes.",
    "There is no measurement called {name!r}.": "No existe ninguna medición llamada {name!r}.",
    # the readings (Quantity labels), translated where a refusal names them
    "Weight hung at mid-span": "Peso colgado en el centro del vano",
    "Span between the supports": "Vano entre los soportes",
    "Width of the strip": "Anchura de la tira",
    "Thickness of the strip": "Espesor de la tira",
    "Sag at mid-span under the weight": "Flecha en el centro bajo el peso",
    "Local gravity": "Gravedad local",
    "Mass dry": "Masa en seco",
    "Mass after a day under water, wiped": "Masa tras un día bajo el agua, secada",
    "Length of the sample": "Longitud de la muestra",
    "Width of the sample": "Anchura de la muestra",
    "Thickness of the sample": "Espesor de la muestra",
    "Height of the water column": "Altura de la columna de agua",
    "Wetted area of the wall": "Área mojada de la pared",
    "Wall thickness": "Espesor de la pared",
    "Time watched": "Tiempo observado",
    "Water that came through (weighed)": "Agua que pasó (pesada)",
    "Water tank before the batch": "Depósito de agua antes del lote",
    "Water tank after the batch": "Depósito de agua después del lote",
    "Product on the kitchen scale": "Producto en la báscula de cocina",
    "Energy meter before the batch": "Contador de energía antes del lote",
    "Energy meter after the batch": "Contador de energía después del lote",
    # ---------------------------------------------------------------- ml/promotion.py
    "rigidity": "rigidez",
    "tightness": "estanqueidad",
    "energy_kwh": "energía",
    "water_l": "agua",
    "crew_min": "tiempo de tripulación",
    "index": "índice",
    ", cutting the {name} error on held-out feedback from {old} to {new} ({unit}),": ", reduciendo el error de "
    "{name} en los informes de validación de {old} a {new} ({unit}),",
    "Promoted: it learnt from the feedback ({learnt}){detail} and is no worse than the previous model in any of "
    "{checks} checks of error and interval coverage. The previous model can be restored with Roll back.": "Promovido: "
    "aprendió de los informes ({learnt}){detail} y no es peor que el modelo anterior en ninguna de las {checks} "
    "comprobaciones de error y de cobertura del intervalo. El modelo anterior puede restaurarse con Volver atrás.",
    " ({n} other check(s) failed too)": " (también fallaron otras {n} comprobación(es))",
    "Not promoted: it is worse than the active model on {first}{more}. The active model stays; the challenger is "
    "kept as a rejected candidate.": "No promovido: es peor que el modelo activo en {first}{more}. El modelo "
    "activo se mantiene; el candidato se guarda como candidato rechazado.",
    "Not promoted: the feedback did not teach the model anything yet (the reports do not depart from the "
    "active model beyond their measurement scatter, and a finer correction needs at least 20 usable rows of a "
    "property in the training part). The active model stays.": "No promovido: los informes aún no han enseñado "
    "nada al modelo (no se apartan del modelo activo más que la dispersión de sus medidas, y una corrección más "
    "fina necesita al menos 20 filas utilizables de una propiedad en la parte de entrenamiento). El modelo activo "
    "se mantiene.",
    "{name} error on {rows} held-out feedback rows: {new} {unit} vs {old} {unit}": "error de {name} en {rows} "
    "filas de informes de validación: {new} {unit} frente a {old} {unit}",
    "{name} interval coverage on held-out feedback: {new:.0%} vs {old:.0%}": "cobertura del intervalo de {name} "
    "en los informes de validación: {new:.0%} frente a {old:.0%}",
    "{name} error on {rows:,} virtual-lab trials away from the feedback: {new} {unit} vs {old} {unit}": "error de "
    "{name} en {rows:,} ensayos del laboratorio virtual alejados de los informes: {new} {unit} frente a {old} "
    "{unit}",
    "{name} interval coverage on virtual-lab trials: {new:.0%} vs {old:.0%}": "cobertura del intervalo de {name} "
    "en los ensayos del laboratorio virtual: {new:.0%} frente a {old:.0%}",
    # ---------------------------------------------------------------- ml/registry.py
    "The model bundle": "El paquete del modelo",
    " (and {n} more problem(s))": " (y {n} problema(s) más)",
    "{what} was refused: {problem}{more}": "{what} fue rechazado: {problem}{more}",
    "Verified model {name} {version}, trained {when} on {sim:,} simulated trials and {meas:,} measured rows.": (
        "Modelo verificado {name} {version}, entrenado el {when} con {sim:,} ensayos simulados y {meas:,} filas "
        "medidas."
    ),
    "Verified model {name} {version}, trained {when} on {sim:,} simulated trials (no real trial data yet).": (
        "Modelo verificado {name} {version}, entrenado el {when} con {sim:,} ensayos simulados (aún sin datos de "
        "ensayos reales)."
    ),
    " The physics model or the datasets changed since it was trained, so its corrections may be stale: retrain "
    "it.": " El modelo físico o los datos cambiaron desde que se entrenó, así que sus correcciones pueden estar "
    "desfasadas: vuelva a entrenarlo.",
    "no model is installed and the model shipped with the app is missing from this installation": "no hay ningún "
    "modelo instalado y falta en esta instalación el modelo que trae la aplicación",
    "The model bundle could not be copied intact into the model folder.": "El paquete del modelo no se pudo "
    "copiar íntegro a la carpeta de modelos.",
    "That model is not installed.": "Ese modelo no está instalado.",
    "The installed model": "El modelo instalado",
    "The active model cannot be removed; activate or roll back to another one first.": "El modelo activo no se "
    "puede eliminar; active otro modelo o vuelva atrás a otro primero.",
    "That is not an installed model.": "Ese no es un modelo instalado.",
    "There is no previous model to roll back to.": "No hay ningún modelo anterior al que volver.",
    "The previous model is no longer installed; it was taken off the rollback list.": "El modelo anterior ya no "
    "está instalado; se quitó de la lista para volver atrás.",
    "The previous model": "El modelo anterior",
    "the model shipped with the app was refused ({why})": "el modelo que trae la aplicación fue rechazado ({why})",
    "{reason}; predictions use the physics model": "{reason}; las predicciones usan el modelo físico",
    "the active model is no longer installed (roll back or install a model)": "el modelo activo ya no está "
    "instalado (vuelva atrás o instale un modelo)",
    "the active model failed verification ({problem}); roll back or reinstall it": "el modelo activo no pasó la "
    "verificación ({problem}); vuelva atrás o reinstálelo",
    "the active model's files changed after it was installed; roll back or reinstall it": "los archivos del "
    "modelo activo cambiaron después de instalarlo; vuelva atrás o reinstálelo",
    "the model registry could not be read (details in the log)": "no se pudo leer el registro de modelos "
    "(detalles en el registro de la aplicación)",
    "no model is installed yet": "aún no hay ningún modelo instalado",
    "the active model could not be loaded (details in the log)": "no se pudo cargar el modelo activo (detalles "
    "en el registro de la aplicación)",
    "the active model could not be loaded ({why})": "no se pudo cargar el modelo activo ({why})",
    "no model is active": "no hay ningún modelo activo",
    # ---------------------------------------------------------------- catalog/importer.py, catalog/rows.py
    "the file is {size:.1f} MB; the limit is {limit:.0f} MB": "el archivo ocupa {size:.1f} MB; el límite es "
    "{limit:.0f} MB",
    "the file cannot be read ({why})": "no se puede leer el archivo ({why})",
    "access error": "error de acceso",
    "the file is empty": "el archivo está vacío",
    "the file is binary, not a CSV text file (or a Parquet file)": "el archivo es binario, no un archivo de texto "
    "CSV (ni un archivo Parquet)",
    "the file has a header but no data rows": "el archivo tiene encabezado pero ninguna fila de datos",
    "the Parquet file has no columns": "el archivo Parquet no tiene columnas",
    "this is a folder, not a file": "es una carpeta, no un archivo",
    "the CSV structure is broken near line {line} ({why})": "la estructura CSV está rota cerca de la línea "
    "{line} ({why})",
    "the file has {n} columns; the limit is {limit}": "el archivo tiene {n} columnas; el límite es {limit}",
    "the file has {n} rows; the limit is {limit}": "el archivo tiene {n} filas; el límite es {limit}",
    "the file is not a valid Parquet file (it may be truncated or corrupt)": "el archivo no es un archivo Parquet "
    "válido (puede estar truncado o dañado)",
    "a text cell is not valid UTF-8 text": "una celda de texto no es texto UTF-8 válido",
    "the file does not exist": "el archivo no existe",
    "the file starts like UTF-16 text but cannot be decoded": "el archivo empieza como texto UTF-16 pero no se "
    "puede decodificar",
    "the file claims UTF-8 but contains invalid bytes": "el archivo dice ser UTF-8 pero contiene bytes no válidos",
    "the file has more than {limit} rows": "el archivo tiene más de {limit} filas",
    "a text cell is not valid UTF-8 text (column {column!r}, row {row}); save the file again with UTF-8 text": (
        "una celda de texto no es texto UTF-8 válido (columna {column!r}, fila {row}); guarde de nuevo el archivo "
        "con texto UTF-8"
    ),
    "line {line}": "línea {line}",
    "file": "archivo",
    ", column {column}": ", columna {column}",
    ", value {value!r}": ", valor {value!r}",
    "two columns both mean {field!r}": "dos columnas significan lo mismo: {field!r}",
    "composition (or one column per material)": "composition (o una columna por material)",
    "missing required column(s): {columns}": "faltan columnas obligatorias: {columns}",
    "the file has both a composition column and per-material columns; keep one": "el archivo tiene a la vez una "
    "columna de composición y columnas por material; deje solo una",
    "the row has {fields} fields but the header has {header}": "la fila tiene {fields} campos pero el encabezado "
    "tiene {header}",
    "a field is longer than {limit} characters": "un campo tiene más de {limit} caracteres",
    "name is empty": "el nombre está vacío",
    "mass cannot be negative": "la masa no puede ser negativa",
    "id is empty": "el id está vacío",
    "count cannot be negative": "la cantidad no puede ser negativa",
    "count must be a whole number": "la cantidad debe ser un número entero",
    "moisture cannot be negative": "la humedad no puede ser negativa",
    "difficulty must be 1, 2 or 3": "la dificultad debe ser 1, 2 o 3",
    "difficulty must be a whole number: 1, 2 or 3": "la dificultad debe ser un número entero: 1, 2 o 3",
    "{field} is not a number": "{field} no es un número",
    "{field} must be a finite number": "{field} debe ser un número finito",
    "{field} must be at most {hi:g}": "{field} debe ser como máximo {hi:g}",
    "{field} must be at least {lo:g}": "{field} debe ser como mínimo {lo:g}",
    "{field} is empty": "{field} está vacío",
    "the file cannot be imported": "el archivo no se puede importar",
    "the column {column!r} appears twice": "la columna {column!r} aparece dos veces",
    "column not recognised; it is ignored": "columna no reconocida; se ignora",
    "composition is empty": "la composición está vacía",
    "every material needs a percentage when there are several": "cada material necesita un porcentaje cuando hay "
    "varios",
    "the material shares sum to 0%": "las proporciones de material suman 0 %",
    "the material shares sum to {total:.4g}%; they must sum to 100% (±{tolerance:g})": "las proporciones de "
    "material suman {total:.4g} %; deben sumar 100 % (±{tolerance:g})",
    "mass of {v:g} kg is not plausible (limit {limit:g} kg; check the units)": "una masa de {v:g} kg no es "
    "plausible (límite {limit:g} kg; compruebe las unidades)",
    "duplicate id {id!r} (first seen on line {line})": "id duplicado {id!r} (visto por primera vez en la línea {line})",
    "count of {v:g} is not plausible": "una cantidad de {v:g} no es plausible",
    "moisture must be below 99% of the wet mass": "la humedad debe ser inferior al 99 % de la masa húmeda",
    "material share is not a number": "la proporción de material no es un número",
    "no material share is given": "no se da ninguna proporción de material",
    "two columns give the share of {material}": "dos columnas dan la proporción de {material}",
    "cannot read {part!r} as 'material percent'": "no se puede leer {part!r} como 'material porcentaje'",
    "unknown material {name!r}": "material desconocido {name!r}",
    "{part!r} is not an exact percentage": "{part!r} no es un porcentaje exacto",
    "{part!r} has no valid percentage": "{part!r} no tiene un porcentaje válido",
    "material share cannot be negative": "la proporción de material no puede ser negativa",
    # ---------------------------------------------------------------- services/retrain.py (reasons of a run)
    "It passed every check, but promotion was turned off for this run; it is kept as a candidate and the active "
    "model stays.": "Pasó todas las comprobaciones, pero la promoción estaba desactivada en este reentrenamiento; "
    "se guarda como candidato y el modelo activo se mantiene.",
    "The active model changed while retraining ran, so the challenger was compared with a model that is no longer "
    "active; it is kept as a candidate.": "El modelo activo cambió durante el reentrenamiento, así que el candidato "
    "se comparó con un modelo que ya no está activo; se guarda como candidato.",
    "None of the {total} feedback row(s) can be used for training{why}. Nothing was trained; pass/fail and notes "
    "alone are not training labels.": "Ninguna de las {total} fila(s) de informes se puede usar para entrenar{why}. "
    "No se entrenó nada; un aprobado/suspenso o unas notas solos no son etiquetas de entrenamiento.",
    "No feedback to learn from: {where}. Nothing was trained.": "No hay informes de los que aprender: {where}. No "
    "se entrenó nada.",
    " (most often: {reason})": " (lo más frecuente: {reason})",
    "A retraining run is already in progress; wait for it to finish.": "Ya hay un reentrenamiento en curso; "
    "espere a que termine.",
    " (some rows are held out to check the result)": " (algunas filas se reservan para validar el resultado)",
    "fewer than {n} different recipes: none held out, so the comparison uses the virtual-lab trials only": "menos "
    "de {n} recetas distintas: no se reserva ninguna para validación, así que la comparación usa solo los ensayos "
    "del laboratorio virtual",
    "the feedback journal is empty": "el diario de informes está vacío",
    "the files hold no rows": "los archivos no contienen filas",
    "neither the journal nor the files hold any row": "ni el diario ni los archivos contienen ninguna fila",
    "{run!r} is not a retraining run id (they look like run-20310501T100000Z-3f9a).": "{run!r} no es un "
    "identificador de reentrenamiento (tienen la forma run-20310501T100000Z-3f9a).",
    "Nothing to retrain from: give feedback export files or use the journal.": "No hay nada con qué reentrenar: "
    "indique archivos de informes exportados o use el diario.",
    "Not enough feedback to retrain yet: a property needs at least {need} usable rows to learn from, and the most "
    "any property has is {best} (from {total} feedback rows{kept}). Nothing was trained; record more feedback and "
    "try again.": "Aún no hay informes suficientes para reentrenar: una propiedad necesita al menos {need} filas "
    "utilizables para aprender, y la que más tiene llega a {best} (de {total} filas de informes{kept}). No se "
    "entrenó nada; registre más informes y vuelva a intentarlo.",
    "Not enough feedback to retrain yet: a property needs at least {need} usable rows to learn from, and the most "
    "any property has is {best} (from {total} feedback row{kept}). Nothing was trained; record more feedback and "
    "try again.": "Aún no hay informes suficientes para reentrenar: una propiedad necesita al menos {need} filas "
    "utilizables para aprender, y la que más tiene llega a {best} (de {total} fila de informes{kept}). No se "
    "entrenó nada; registre más informes y vuelva a intentarlo.",
    " (and {n} more)": " (y {n} más)",
    "The feedback file {refused}{more}. Nothing was retrained; export the feedback again or remove that file.": (
        "El archivo de informes {refused}{more}. No se reentrenó nada; exporte de nuevo los informes o quite ese "
        "archivo."
    ),
    "No feedback export file was found in what was given (expected a folder with manifest.json, a manifest.json "
    "or an exported .parquet file).": "No se encontró ningún archivo de informes exportado en lo indicado (se "
    "esperaba una carpeta con manifest.json, un manifest.json o un archivo .parquet exportado).",
    "Every usable feedback row was needed for the held-out comparison; nothing was left to train on.": "Todas las "
    "filas de informes utilizables se necesitaron para la comparación de validación; no quedó nada para entrenar.",
    "There is no retraining run {run}.": "No existe el reentrenamiento {run}.",
    "The record of retraining run {run} cannot be read.": "No se puede leer el registro del reentrenamiento {run}.",
    "The record of retraining run {run} is damaged.": "El registro del reentrenamiento {run} está dañado.",
    "Cancelled.": "Cancelado.",
    "Retraining failed: {why}.": "El reentrenamiento falló: {why}.",
    "Retraining failed because of an unexpected error; details are in the log.": "El reentrenamiento falló por un "
    "error inesperado; los detalles están en el registro de la aplicación.",
    "{reason} (The record of this run could not be saved: {why})": "{reason} (No se pudo guardar el registro de "
    "este reentrenamiento: {why})",
    "The active model could not be read for the comparison ({problem}).": "No se pudo leer el modelo activo para "
    "la comparación ({problem}).",
    "The active model could not be read for the comparison.": "No se pudo leer el modelo activo para la comparación.",
    "it has no manifest entry": "no tiene entrada en el manifiesto",
    # ml/suggest.py: what a suggested trial is expected to teach
    "energy": "energía",
    "water": "agua",
    "crew time": "tiempo de tripulación",
    "the recommended recipe": "la receta recomendada",
    "a recipe on the front": "una receta del frente",
    "a feasible recipe": "una receta viable",
    "{kind} itself": "{kind} misma",
    "{kind} ({label})": "{kind} ({label})",
    "Measures {what} where the model knows least: narrows the {what} estimate of {where} from about ±{before} to ±{after}": "Mide {what} donde el modelo sabe menos: reduce la incertidumbre de {what} de {where} de unos ±{before} a ±{after}",
    ", and informs {more} more front recipe": ", e informa a {more} receta más del frente",
    ", and informs {more} more front recipes": ", e informa a {more} recetas más del frente",
    # ml/train.py: training progress
    "measuring on the held-out test split": "midiendo en la parte de prueba reservada",
    "model fitted": "modelo ajustado",
    "training the random forest": "entrenando el bosque aleatorio",
    "training XGBoost for {name}": "entrenando XGBoost para {name}",
    "gating the members and choosing the blend weights": "filtrando los miembros y eligiendo los pesos de la mezcla",
    "fitting the interval widths": "ajustando el ancho de los intervalos",
    "calibrating the intervals": "calibrando los intervalos",
    "learning from the feedback rows": "aprendiendo de las filas de informes",
    "simulating trials in the virtual lab": "simulando ensayos en el laboratorio virtual",
    "writing the model bundle": "escribiendo el paquete del modelo",
    "model trained in {s:.0f} s": "modelo entrenado en {s:.0f} s",
    # ml/bundle.py: a bundle this version cannot read
    "manifest version {found} is not supported (this app reads version {reads})": (
        "la versión de manifiesto {found} no es compatible (esta aplicación lee la versión {reads})"
    ),
    "the bundle predicts {found}, not this app's properties {expected}": (
        "el paquete predice {found}, no las propiedades de esta aplicación {expected}"
    ),
    "incompatible feature schema: {problem}": "esquema de variables incompatible: {problem}",
}
