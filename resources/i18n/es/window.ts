<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Generate recipes for the current target</source>
        <translation>Generar recetas para el objetivo actual</translation>
    </message>
    <message>
        <source>Cancel the running generation (keeps what was found)</source>
        <translation>Cancelar la generación en curso (conserva lo encontrado)</translation>
    </message>
    <message>
        <source>Undo / redo an inventory edit</source>
        <translation>Deshacer / rehacer un cambio del inventario</translation>
    </message>
    <message>
        <source>Import an inventory (CSV or Parquet)</source>
        <translation>Importar un inventario (CSV o Parquet)</translation>
    </message>
    <message>
        <source>Export the results (CSV or JSON)</source>
        <translation>Exportar los resultados (CSV o JSON)</translation>
    </message>
    <message>
        <source>Ctrl+N / Delete</source>
        <translation>Ctrl+N / Supr</translation>
    </message>
    <message>
        <source>Add a stock line / delete the selected lines</source>
        <translation>Añadir una línea de existencias / borrar las líneas seleccionadas</translation>
    </message>
    <message>
        <source>Filter the inventory</source>
        <translation>Filtrar el inventario</translation>
    </message>
    <message>
        <source>Inventory, Target, Candidates, Trade-offs, Feedback, Model</source>
        <translation>Inventario, Objetivo, Candidatas, Compromisos, Informes, Modelo</translation>
    </message>
    <message>
        <source>Save the feedback report (in the Feedback panel)</source>
        <translation>Guardar el informe (en el panel Informes)</translation>
    </message>
    <message>
        <source>F2 or double-click</source>
        <translation>F2 o doble clic</translation>
    </message>
    <message>
        <source>Edit a mass, count or moisture cell</source>
        <translation>Editar una celda de masa, número de piezas o humedad</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Esta ayuda</translation>
    </message>
    <message>
        <source>Quit (everything is already saved)</source>
        <translation>Salir (todo está ya guardado)</translation>
    </message>
    <message>
        <source>About Space Trash Desktop</source>
        <translation>Acerca de Space Trash Desktop</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>Turns a Mars habitat's non-metabolic waste and MGS-1 regolith into things the crew needs: it proposes recipes from what is in stock and shows their trade-offs (rigidity, tightness, energy, water, crew time) with 95% intervals. Works fully offline.</source>
        <translation>Convierte los residuos no metabólicos de un hábitat en Marte y el regolito MGS-1 en objetos que la tripulación necesita: propone recetas a partir de las existencias y muestra sus compromisos (rigidez, estanqueidad, energía, agua, tiempo de tripulación) con intervalos del 95 %. Funciona sin conexión.</translation>
    </message>
    <message>
        <source>Your data folder:</source>
        <translation>Su carpeta de datos:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Archivo de registro:</translation>
    </message>
    <message>
        <source>&lt;h3&gt;From stock to a recipe in four steps&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Inventory&lt;/b&gt; (Ctrl+1): check the stock; edit masses, import a file. Edits save themselves.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Target&lt;/b&gt; (Ctrl+2): pick a preset or scenario; adjust the requirements.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Candidates&lt;/b&gt; (Ctrl+3): press &lt;b&gt;Generate&lt;/b&gt; (Ctrl+G). Recipes appear as they are found; Esc stops and keeps them. Select one to see its mass flow and safety notes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Trade-offs&lt;/b&gt; (Ctrl+4): compare recipes on any two objectives; click a point to select it.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;After making a recipe&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Feedback&lt;/b&gt; (Ctrl+5): select the recipe you made and press &lt;b&gt;Report how it turned out…&lt;/b&gt;; enter what you measured or judged and press &lt;b&gt;Save&lt;/b&gt; (Ctrl+S). It is on disk at once.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Model&lt;/b&gt; (Ctrl+6): which model predicts, how good it is, install or roll back a model, and &lt;b&gt;Retrain from feedback&lt;/b&gt;.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;De las existencias a una receta en cuatro pasos&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Inventario&lt;/b&gt; (Ctrl+1): revise las existencias; edite masas, importe un archivo. Los cambios se guardan solos.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Objetivo&lt;/b&gt; (Ctrl+2): elija un preajuste o un escenario; ajuste los requisitos.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Candidatas&lt;/b&gt; (Ctrl+3): pulse &lt;b&gt;Generar&lt;/b&gt; (Ctrl+G). Las recetas aparecen a medida que se encuentran; Esc detiene la búsqueda y las conserva. Seleccione una para ver su flujo de masa y sus notas de seguridad.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compromisos&lt;/b&gt; (Ctrl+4): compare recetas en dos objetivos cualesquiera; haga clic en un punto para seleccionarla.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Después de hacer una receta&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Informes&lt;/b&gt; (Ctrl+5): seleccione la receta que hizo y pulse &lt;b&gt;Informar del resultado…&lt;/b&gt;; introduzca lo que midió o estimó y pulse &lt;b&gt;Guardar&lt;/b&gt; (Ctrl+S). Queda en el disco al instante.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Modelo&lt;/b&gt; (Ctrl+6): qué modelo predice, qué tan bueno es, instalar o revertir un modelo, y &lt;b&gt;Reentrenar con los informes&lt;/b&gt;.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Where the numbers come from&lt;/h3&gt;&lt;p&gt;Every figure in the bundled datasets has a source or a declared assumption (datasets/*.provenance.csv).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;De dónde salen los números&lt;/h3&gt;&lt;p&gt;Cada cifra de los conjuntos de datos incluidos tiene una fuente o una suposición declarada (datasets/*.provenance.csv).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Help and keyboard</source>
        <translation>Ayuda y teclado</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Fuentes de datos</translation>
    </message>
</context>
<context>
    <name>AddItemDialog</name>
    <message>
        <source>Add a stock line</source>
        <translation>Añadir una línea de existencias</translation>
    </message>
    <message>
        <source>e.g. Drink pouches (used)</source>
        <translation>p. ej. Bolsas de bebida (usadas)</translation>
    </message>
    <message>
        <source>e.g. ldpe 65%; aluminium_foil 24%; pet 11%</source>
        <translation>p. ej. ldpe 65%; aluminium_foil 24%; pet 11%</translation>
    </message>
    <message>
        <source>Materials and their share of the mass, separated by ';'. Known materials: </source>
        <translation>Materiales y su parte de la masa, separados por ';'. Materiales conocidos: </translation>
    </message>
    <message>
        <source>Mass of the stock line in kilograms</source>
        <translation>Masa de la línea de existencias en kilogramos</translation>
    </message>
    <message>
        <source>Water content, % of the wet mass</source>
        <translation>Contenido de agua, % de la masa húmeda</translation>
    </message>
    <message>
        <source>optional: multilayer, foam, pfas...</source>
        <translation>opcional: multilayer, foam, pfas...</translation>
    </message>
    <message>
        <source>NASA difficulty factor: 1 = easy, 3 = most problematic</source>
        <translation>Factor de dificultad de la NASA: 1 = fácil, 3 = el más problemático</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>Nombre del artículo</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Composición</translation>
    </message>
    <message>
        <source>Mass (kg)</source>
        <translation>Masa (kg)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Piezas</translation>
    </message>
    <message>
        <source>Moisture (%)</source>
        <translation>Humedad (%)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>Difficulty (1–3)</source>
        <translation>Dificultad (1–3)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Give the item a name.</source>
        <translation>Dé un nombre al artículo.</translation>
    </message>
    <message>
        <source>Composition: {problem}.</source>
        <translation>Composición: {problem}.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadidos</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>no trained model is available in this build</source>
        <translation>no hay ningún modelo entrenado en esta versión</translation>
    </message>
    <message>
        <source>no trained model is active</source>
        <translation>no hay ningún modelo entrenado activo</translation>
    </message>
    <message>
        <source>the model registry is being checked</source>
        <translation>se está revisando el registro de modelos</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Show &amp;all columns</source>
        <translation>Mostrar &amp;todas las columnas</translation>
    </message>
    <message>
        <source>&amp;Reset the columns (order, widths, all shown)</source>
        <translation>&amp;Restablecer las columnas (orden, anchos, todas visibles)</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Check the file or the value and try again.</source>
        <translation>Revise el archivo o el valor y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The window keeps working; recipes are scored with the physics model until the model is fixed.</source>
        <translation>La ventana sigue funcionando; las recetas se puntúan con el modelo físico hasta que se corrija el modelo.</translation>
    </message>
    <message>
        <source>Your work is kept in memory. Free some disk space or check the data folder, then try again.</source>
        <translation>Su trabajo se conserva en memoria. Libere espacio en el disco o revise la carpeta de datos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Try again with a longer time limit or a smaller inventory.</source>
        <translation>Vuelva a intentarlo con un límite de tiempo mayor o un inventario más pequeño.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>Try again. If it happens again, press Copy details and pass the text on.</source>
        <translation>Vuelva a intentarlo. Si vuelve a ocurrir, pulse Copiar detalles y transmita el texto.</translation>
    </message>
    <message>
        <source>This input cannot be used</source>
        <translation>Esta entrada no se puede usar</translation>
    </message>
    <message>
        <source>The model could not be used</source>
        <translation>No se pudo usar el modelo</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <source>This took too long</source>
        <translation>Esto tardó demasiado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
    <message>
        <source>Copy details puts the error code and the versions on the clipboard for a report.</source>
        <translation>Copiar detalles pone el código de error y las versiones en el portapapeles para un informe.</translation>
    </message>
    <message>
        <source>Error code {code}</source>
        <translation>Código de error {code}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <source>Copy the error code, versions and technical details to the clipboard</source>
        <translation>Copiar el código de error, las versiones y los detalles técnicos al portapapeles</translation>
    </message>
    <message>
        <source>The details are on the clipboard.</source>
        <translation>Los detalles están en el portapapeles.</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>la ventana</translation>
    </message>
    <message>
        <source>a background thread ({name})</source>
        <translation>un hilo en segundo plano ({name})</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>Exportar…</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>W101,Cotton towels,Fabrics,cotton 100%,12.5,40,5,,1</source>
        <translation>W101,Toallas de algodón,Tejidos,cotton 100%,12.5,40,5,,1</translation>
    </message>
    <message>
        <source>W102,Food pouches,Food Packaging,pet 60%; aluminium 25%; ldpe 15%,8.2,0,2,multilayer,3</source>
        <translation>W102,Bolsas de comida,Envases de alimentos,pet 60%; aluminium 25%; ldpe 15%,8.2,0,2,multilayer,3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Expected format&lt;/b&gt; (CSV, one stock line a row; Excel and Parquet files use the same columns): &lt;i&gt;composition&lt;/i&gt; is 'material percent' parts separated by ';', &lt;i&gt;flags&lt;/i&gt; are separated by ';' (multilayer, foam, pfas...), &lt;i&gt;count&lt;/i&gt; 0 = not counted, &lt;i&gt;difficulty&lt;/i&gt; a whole number 1-3.</source>
        <translation>&lt;b&gt;Formato esperado&lt;/b&gt; (CSV, una línea de existencias por fila; los archivos Excel y Parquet usan las mismas columnas): &lt;i&gt;composition&lt;/i&gt; son partes 'material porcentaje' separadas por ';', las &lt;i&gt;flags&lt;/i&gt; se separan con ';' (multilayer, foam, pfas...), &lt;i&gt;count&lt;/i&gt; 0 = sin contar, &lt;i&gt;difficulty&lt;/i&gt; un número entero de 1 a 3.</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>Importar {file}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file} cannot be imported.&lt;/b&gt; Nothing was changed.</source>
        <translation>&lt;b&gt;{file} no se puede importar.&lt;/b&gt; No se cambió nada.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{ok} of {total} rows can be imported.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Se pueden importar {ok} de {total} filas.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>1 row was rejected; each problem is listed below with its line in the file.</source>
        <translation>Se rechazó 1 fila: cada problema aparece abajo con su línea en el archivo.</translation>
    </message>
    <message>
        <source>{n} rows were rejected; each problem is listed below with its line in the file.</source>
        <translation>Se rechazaron {n} filas: cada problema aparece abajo con su línea en el archivo.</translation>
    </message>
    <message>
        <source>{n} warning(s) do not stop the import.</source>
        <translation>{n} aviso(s) no impiden la importación.</translation>
    </message>
    <message>
        <source>Keeping the good rows replaces the current inventory (Ctrl+Z brings it back).</source>
        <translation>Conservar las filas válidas sustituye el inventario actual (Ctrl+Z lo recupera).</translation>
    </message>
    <message>
        <source>No row can be used, so nothing will change.</source>
        <translation>No se puede usar ninguna fila, así que nada cambiará.</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Filas rechazadas</translation>
    </message>
    <message>
        <source>Example of the expected format</source>
        <translation>Ejemplo del formato esperado</translation>
    </message>
    <message>
        <source>The same list was saved in the data folder (import_errors).</source>
        <translation>La misma lista se guardó en la carpeta de datos (import_errors).</translation>
    </message>
    <message>
        <source>Keep the 1 good row</source>
        <translation>Conservar la fila válida</translation>
    </message>
    <message>
        <source>Keep the {n} good rows</source>
        <translation>Conservar las {n} filas válidas</translation>
    </message>
</context>
<context>
    <name>InventoryDocument</name>
    <message>
        <source>a mass in kilograms, for example 12.5</source>
        <translation>una masa en kilogramos, por ejemplo 12,5</translation>
    </message>
    <message>
        <source>a whole number, for example 3</source>
        <translation>un número entero, por ejemplo 3</translation>
    </message>
    <message>
        <source>a percentage, for example 5</source>
        <translation>un porcentaje, por ejemplo 5</translation>
    </message>
    <message>
        <source>'{text}' is not a number: type {what}.</source>
        <translation>'{text}' no es un número: escriba {what}.</translation>
    </message>
    <message>
        <source>The value is empty: type {what}.</source>
        <translation>El valor está vacío: escriba {what}.</translation>
    </message>
    <message>
        <source>Mass cannot be negative.</source>
        <translation>La masa no puede ser negativa.</translation>
    </message>
    <message>
        <source>{value} kg is not plausible (the limit is {limit} kg); check the units.</source>
        <translation>{value} kg no es plausible (el límite es {limit} kg); revise las unidades.</translation>
    </message>
    <message>
        <source>Count must be a whole number.</source>
        <translation>El número de piezas debe ser un número entero.</translation>
    </message>
    <message>
        <source>Count cannot be negative.</source>
        <translation>El número de piezas no puede ser negativo.</translation>
    </message>
    <message>
        <source>A count of {value} is not plausible (the limit is {limit}).</source>
        <translation>{value} piezas no es plausible (el límite es {limit}).</translation>
    </message>
    <message>
        <source>Moisture cannot be negative.</source>
        <translation>La humedad no puede ser negativa.</translation>
    </message>
    <message>
        <source>Moisture must be below {limit}% of the wet mass.</source>
        <translation>La humedad debe ser inferior al {limit} % de la masa húmeda.</translation>
    </message>
    <message>
        <source>edit mass of {name}</source>
        <translation>edición de la masa de {name}</translation>
    </message>
    <message>
        <source>edit count of {name}</source>
        <translation>edición de las piezas de {name}</translation>
    </message>
    <message>
        <source>edit moisture of {name}</source>
        <translation>edición de la humedad de {name}</translation>
    </message>
    <message>
        <source>That row no longer exists.</source>
        <translation>Esa fila ya no existe.</translation>
    </message>
    <message>
        <source>add {name}</source>
        <translation>alta de {name}</translation>
    </message>
    <message>
        <source>delete {name}</source>
        <translation>borrado de {name}</translation>
    </message>
    <message>
        <source>delete {n} items</source>
        <translation>borrado de {n} artículos</translation>
    </message>
</context>
<context>
    <name>InventoryTab</name>
    <message>
        <source>The bundled default inventory totals 8,370 kg, not the challenge's 12,600 kg: it lists the non-metabolic items of NASA's waste table (6,570 kg at NASA's per-crew-day rates for 8 crew over 3 years) plus 1,800 kg of assumed scenario hardware. The 12,600 kg matches NASA's full rate, which also counts human waste and its processing consumables (5,356 kg), food residue (741 kg) and paper (61 kg).</source>
        <translation>El inventario incluido por defecto suma 8.370 kg, no los 12.600 kg del reto: recoge los artículos no metabólicos de la tabla de residuos de la NASA (6.570 kg a las tasas por tripulante y día de la NASA para 8 tripulantes durante 3 años) más 1.800 kg de equipos supuestos del escenario. Los 12.600 kg corresponden a la tasa completa de la NASA, que cuenta también los residuos humanos y sus consumibles de tratamiento (5.356 kg), los restos de comida (741 kg) y el papel (61 kg).</translation>
    </message>
    <message>
        <source>bulk</source>
        <translation>a granel</translation>
    </message>
    <message>
        <source>saving the inventory</source>
        <translation>el guardado del inventario</translation>
    </message>
    <message>
        <source>Loading the inventory…</source>
        <translation>Cargando el inventario…</translation>
    </message>
    <message>
        <source>Why the default inventory is not 12,600 kg</source>
        <translation>Por qué el inventario por defecto no suma 12.600 kg</translation>
    </message>
    <message>
        <source>The arithmetic, category by category: datasets/waste_inventory.totals.md</source>
        <translation>Las cuentas, categoría por categoría: datasets/waste_inventory.totals.md</translation>
    </message>
    <message>
        <source>Last refused edit</source>
        <translation>Último cambio rechazado</translation>
    </message>
    <message>
        <source>Inventory saved</source>
        <translation>Inventario guardado</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>&amp;Import inventory…</source>
        <translation>&amp;Importar inventario…</translation>
    </message>
    <message>
        <source>Import a CSV or Parquet inventory (Ctrl+I)</source>
        <translation>Importar un inventario CSV o Parquet (Ctrl+I)</translation>
    </message>
    <message>
        <source>Export inventory as &amp;CSV…</source>
        <translation>Exportar inventario como &amp;CSV…</translation>
    </message>
    <message>
        <source>Save the inventory as a CSV file for a spreadsheet</source>
        <translation>Guardar el inventario como archivo CSV para una hoja de cálculo</translation>
    </message>
    <message>
        <source>&amp;Add stock line…</source>
        <translation>&amp;Añadir línea de existencias…</translation>
    </message>
    <message>
        <source>Add a stock line (Ctrl+N)</source>
        <translation>Añadir una línea de existencias (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Delete selected lines</source>
        <translation>&amp;Borrar las líneas seleccionadas</translation>
    </message>
    <message>
        <source>Delete the selected stock lines (Delete)</source>
        <translation>Borrar las líneas de existencias seleccionadas (Supr)</translation>
    </message>
    <message>
        <source>Filter by item, category, material or flag  (Ctrl+F)</source>
        <translation>Filtrar por artículo, categoría, material o marca  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter the inventory</source>
        <translation>Filtrar el inventario</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Inventory table</source>
        <translation>Tabla del inventario</translation>
    </message>
    <message>
        <source>loading the inventory</source>
        <translation>la carga del inventario</translation>
    </message>
    <message>
        <source>Inventory: {origin}</source>
        <translation>Inventario: {origin}</translation>
    </message>
    <message>
        <source>{n} stock lines</source>
        <translation>{n} líneas de existencias</translation>
    </message>
    <message>
        <source>{mass} in total</source>
        <translation>{mass} en total</translation>
    </message>
    <message>
        <source>{n} shown by the filter</source>
        <translation>{n} mostradas por el filtro</translation>
    </message>
    <message>
        <source>from {origin}</source>
        <translation>de {origin}</translation>
    </message>
    <message>
        <source>from your saved inventory</source>
        <translation>de su inventario guardado</translation>
    </message>
    <message>
        <source>from the bundled NASA default inventory</source>
        <translation>del inventario por defecto de la NASA incluido</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Sin cambios: {reason}</translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation>Deshacer {action}</translation>
    </message>
    <message>
        <source>Redo {action}</source>
        <translation>Rehacer {action}</translation>
    </message>
    <message>
        <source>{action} — done</source>
        <translation>{action}: hecho</translation>
    </message>
    <message>
        <source>Deleted 1 stock line (Ctrl+Z to undo)</source>
        <translation>Se borró 1 línea de existencias (Ctrl+Z para deshacer)</translation>
    </message>
    <message>
        <source>Deleted {n} stock lines (Ctrl+Z to undo)</source>
        <translation>Se borraron {n} líneas de existencias (Ctrl+Z para deshacer)</translation>
    </message>
    <message>
        <source>Added {name} (Ctrl+Z to undo)</source>
        <translation>Se añadió {name} (Ctrl+Z para deshacer)</translation>
    </message>
    <message>
        <source>Not saved: {reason} Your edits are kept in memory and saved again after the next edit.</source>
        <translation>No guardado: {reason} Sus cambios se conservan en memoria y se vuelven a guardar tras el próximo cambio.</translation>
    </message>
    <message>
        <source>Import an inventory</source>
        <translation>Importar un inventario</translation>
    </message>
    <message>
        <source>Inventory files</source>
        <translation>Archivos de inventario</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Leyendo {file}…</translation>
    </message>
    <message>
        <source>the import of {file}</source>
        <translation>la importación de {file}</translation>
    </message>
    <message>
        <source>Import of {file} cancelled; nothing changed</source>
        <translation>Importación de {file} cancelada; nada cambió</translation>
    </message>
    <message>
        <source>{file}: {good} good rows, {rejected} rejected</source>
        <translation>{file}: {good} filas válidas, {rejected} rechazadas</translation>
    </message>
    <message>
        <source>import {file}</source>
        <translation>importación de {file}</translation>
    </message>
    <message>
        <source>Imported {n} stock lines from {file} (Ctrl+Z brings back the previous inventory)</source>
        <translation>Se importaron {n} líneas de existencias de {file} (Ctrl+Z recupera el inventario anterior)</translation>
    </message>
    <message>
        <source>{file} cannot be imported: {reason}</source>
        <translation>{file} no se puede importar: {reason}</translation>
    </message>
    <message>
        <source>Export the inventory</source>
        <translation>Exportar el inventario</translation>
    </message>
    <message>
        <source>the inventory export</source>
        <translation>la exportación del inventario</translation>
    </message>
    <message>
        <source>Exported {n} stock lines to {path}</source>
        <translation>Se exportaron {n} líneas de existencias a {path}</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>{message} (warning: the row is kept)</source>
        <translation>{message} (aviso: la fila se conserva)</translation>
    </message>
    <message>
        <source>row kept</source>
        <translation>fila conservada</translation>
    </message>
    <message>
        <source>row rejected</source>
        <translation>fila rechazada</translation>
    </message>
    <message>
        <source>file refused</source>
        <translation>archivo rechazado</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation>Cambiar el idioma</translation>
    </message>
    <message>
        <source>Restart the window in {language} now? Your inventory is saved first. Choose No to change the language the next time the window opens.</source>
        <translation>¿Reiniciar ahora la ventana en {language}? Antes se guarda el inventario. Elija No para cambiar el idioma la próxima vez que se abra la ventana.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inventory</source>
        <translation>Inventario</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Candidatas</translation>
    </message>
    <message>
        <source>Trade-offs</source>
        <translation>Compromisos</translation>
    </message>
    <message>
        <source>the model could not be loaded: {message}</source>
        <translation>no se pudo cargar el modelo: {message}</translation>
    </message>
    <message>
        <source>Model status</source>
        <translation>Estado del modelo</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>unavailable ({reason})</source>
        <translation>no disponible ({reason})</translation>
    </message>
    <message>
        <source>Data: {folder}</source>
        <translation>Datos: {folder}</translation>
    </message>
    <message>
        <source>Your inventory, settings and logs are saved in
{folder}</source>
        <translation>Su inventario, sus ajustes y sus registros se guardan en
{folder}</translation>
    </message>
    <message>
        <source>{dot} Model: {status}</source>
        <translation>{dot} Modelo: {status}</translation>
    </message>
    <message>
        <source>Model status: {status}
{reason}</source>
        <translation>Estado del modelo: {status}
{reason}</translation>
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
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Abrir la carpeta de &amp;datos</translation>
    </message>
    <message>
        <source>Show the folder with your saved inventory, settings and logs</source>
        <translation>Mostrar la carpeta con su inventario guardado, sus ajustes y sus registros</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Recipes</source>
        <translation>&amp;Recetas</translation>
    </message>
    <message>
        <source>&amp;Generate recipes</source>
        <translation>&amp;Generar recetas</translation>
    </message>
    <message>
        <source>&amp;Compare selected recipes</source>
        <translation>&amp;Comparar las recetas seleccionadas</translation>
    </message>
    <message>
        <source>Show the selected recipes side by side in the Trade-offs tab</source>
        <translation>Mostrar las recetas seleccionadas lado a lado en la pestaña Compromisos</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Reset the window layout</source>
        <translation>Restablecer la disposición de la ventana</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Help and keyboard shortcuts</source>
        <translation>Ayuda y atajos de teclado</translation>
    </message>
    <message>
        <source>What rigidity and tightness mean</source>
        <translation>Qué significan la rigidez y la estanqueidad</translation>
    </message>
    <message>
        <source>&amp;About Space Trash Desktop</source>
        <translation>Acerca &amp;de Space Trash Desktop</translation>
    </message>
    <message>
        <source>Fix the target first: {problem}</source>
        <translation>Corrija primero el objetivo: {problem}</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>The layout is back to its defaults; column widths reset on the next start</source>
        <translation>La disposición vuelve a la predeterminada; los anchos de columna se restablecen en el próximo inicio</translation>
    </message>
    <message>
        <source>The inventory could not be saved</source>
        <translation>No se pudo guardar el inventario</translation>
    </message>
    <message>
        <source>Your latest inventory edits could not be written to the data folder ({reason}).

Export the inventory as CSV before closing to keep them.</source>
        <translation>Sus últimos cambios del inventario no se pudieron escribir en la carpeta de datos ({reason}).

Exporte el inventario como CSV antes de cerrar para conservarlos.</translation>
    </message>
    <message>
        <source>the disk refused the write</source>
        <translation>el disco rechazó la escritura</translation>
    </message>
    <message>
        <source>Some work is not saved</source>
        <translation>Hay trabajo sin guardar</translation>
    </message>
    <message>
        <source>Keep the window open and press Retry once the disk has room, or close it and lose them.</source>
        <translation>Deje la ventana abierta y pulse Reintentar cuando el disco tenga espacio, o ciérrela y piérdalos.</translation>
    </message>
</context>
<context>
    <name>MassByCategoryChart</name>
    <message>
        <source>Mass by category chart</source>
        <translation>Gráfico de masa por categoría</translation>
    </message>
    <message>
        <source>Mass by category</source>
        <translation>Masa por categoría</translation>
    </message>
    <message>
        <source>Mass (kg)</source>
        <translation>Masa (kg)</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Feedback</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Report how a recipe the crew made turned out; past feedback, predicted vs actual (Ctrl+5)</source>
        <translation>Informar de cómo salió una receta que hizo la tripulación; informes anteriores, predicho frente a real (Ctrl+5)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>The active model, its accuracy, installing and rolling back models, retraining from feedback (Ctrl+6)</source>
        <translation>El modelo activo, su precisión, instalar y revertir modelos, reentrenar con los informes (Ctrl+6)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Plan production over the mission: what to make, from which stock, within daily budgets (Ctrl+7)</source>
        <translation>Planificar la producción de la misión: qué hacer, con qué existencias, dentro de los presupuestos diarios (Ctrl+7)</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Misión</translation>
    </message>
    <message>
        <source>What was made and what is left: mission totals to date and to the end of the plan; undo (Ctrl+8)</source>
        <translation>Lo hecho y lo que queda: totales de la misión hasta hoy y hasta el final del plan; deshacer (Ctrl+8)</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>The scenario's products: each has its own requirements, recipes and recommendation</source>
        <translation>Los productos del escenario: cada uno con sus requisitos, recetas y recomendación</translation>
    </message>
    <message>
        <source>no feasible recipe</source>
        <translation>ninguna receta viable</translation>
    </message>
</context>
<context>
    <name>TargetTab</name>
    <message>
        <source>Minimum rigidity</source>
        <translation>Rigidez mínima</translation>
    </message>
    <message>
        <source>How stiff the product must at least be, as an index from 0 to 1 (log scale of the bending modulus, 10 MPa to 30 GPa). 0 = soft foam or draped fabric; 0.37 = an LDPE sheet or squeeze bottle (0.2 GPa); 0.57 = an HDPE chopping board (1 GPa); 0.71 = a PET or nylon part (3 GPa); 0.86 = a fibre-filled composite or tool handle (10 GPa); 1 = a metal frame.</source>
        <translation>Lo rígido que debe ser al menos el producto, como índice de 0 a 1 (escala logarítmica del módulo de flexión, de 10 MPa a 30 GPa). 0 = espuma blanda o tela que cae; 0,37 = una lámina de LDPE o una botella exprimible (0,2 GPa); 0,57 = una tabla de cortar de HDPE (1 GPa); 0,71 = una pieza de PET o nailon (3 GPa); 0,86 = un compuesto con fibras o un mango de herramienta (10 GPa); 1 = un bastidor metálico.</translation>
    </message>
    <message>
        <source>Minimum tightness</source>
        <translation>Estanqueidad mínima</translation>
    </message>
    <message>
        <source>How well the product must hold liquid and gas, from 0 to 1. 0 = loose shred or mesh; 0.2 = woven fabric (holds dust, not water); 0.5 = compacted tile with some voids (splash-proof); 0.8 = fused sheet (water-tight); 1 = continuous dense film (gas-tight).</source>
        <translation>Lo bien que el producto debe retener líquidos y gases, de 0 a 1. 0 = triturado suelto o malla; 0,2 = tejido (retiene polvo, no agua); 0,5 = baldosa compactada con algunos huecos (resiste salpicaduras); 0,8 = lámina fundida (estanca al agua); 1 = película continua densa (estanca al gas).</translation>
    </message>
    <message>
        <source>Batch mass</source>
        <translation>Masa del lote</translation>
    </message>
    <message>
        <source>Mass of finished product made in one batch, in kilograms.</source>
        <translation>Masa de producto terminado en un lote, en kilogramos.</translation>
    </message>
    <message>
        <source>Maximum energy</source>
        <translation>Energía máxima</translation>
    </message>
    <message>
        <source>Electrical energy allowed per batch (heating, melting, the machine), in kilowatt-hours. 1 kWh runs a 1 kW heater for an hour.</source>
        <translation>Energía eléctrica permitida por lote (calentar, fundir, la máquina), en kilovatios hora. 1 kWh mantiene un calentador de 1 kW durante una hora.</translation>
    </message>
    <message>
        <source>Maximum water</source>
        <translation>Agua máxima</translation>
    </message>
    <message>
        <source>Water allowed per batch (rinsing, cleaning, process water), in litres.</source>
        <translation>Agua permitida por lote (aclarado, limpieza, agua de proceso), en litros.</translation>
    </message>
    <message>
        <source>Maximum crew time</source>
        <translation>Tiempo máximo de tripulación</translation>
    </message>
    <message>
        <source>Hands-on crew time allowed per batch, in minutes.</source>
        <translation>Tiempo de trabajo de la tripulación permitido por lote, en minutos.</translation>
    </message>
    <message>
        <source>Maximum consumables from Earth</source>
        <translation>Consumibles máximos de la Tierra</translation>
    </message>
    <message>
        <source>Material brought from Earth and used up per batch (NaOH for cold sintering, sewing thread, fastener tape), in kilograms.</source>
        <translation>Material traído de la Tierra y gastado por lote (NaOH para la sinterización en frío, hilo de coser, cinta de cierre), en kilogramos.</translation>
    </message>
    <message>
        <source>
&lt;h3&gt;What the numbers mean&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Rigidity&lt;/b&gt; (0–1) is a log scale of the product's bending stiffness:
&lt;table cellspacing="4"&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0.00&lt;/b&gt;&lt;/td&gt;&lt;td&gt;≤ 10 MPa&lt;/td&gt;&lt;td&gt;soft foam, a draped fabric&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0.37&lt;/b&gt;&lt;/td&gt;&lt;td&gt;0.2 GPa&lt;/td&gt;&lt;td&gt;an LDPE sheet, a squeeze bottle&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0.57&lt;/b&gt;&lt;/td&gt;&lt;td&gt;1 GPa&lt;/td&gt;&lt;td&gt;an HDPE board, a chopping board&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0.71&lt;/b&gt;&lt;/td&gt;&lt;td&gt;3 GPa&lt;/td&gt;&lt;td&gt;a PET or nylon part, a rigid panel&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0.86&lt;/b&gt;&lt;/td&gt;&lt;td&gt;10 GPa&lt;/td&gt;&lt;td&gt;a fibre-filled composite, a tool handle&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1.00&lt;/b&gt;&lt;/td&gt;&lt;td&gt;≥ 30 GPa&lt;/td&gt;&lt;td&gt;a structural composite, a metal frame&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Tightness&lt;/b&gt; (0–1) is how well the product holds liquid and gas:
&lt;table cellspacing="4"&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0.0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;loose shred, mesh&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0.2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;woven fabric: holds dust, not water&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0.5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;compacted tile with some voids: splash-proof&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0.8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;fused sheet: water-tight&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1.0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;continuous dense film: gas-tight&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;&lt;/p&gt;
&lt;p&gt;Energy, water and crew time are &lt;b&gt;caps per batch&lt;/b&gt;: a recipe that needs more is infeasible.
Every prediction carries a 95% interval.&lt;/p&gt;
</source>
        <translation>
&lt;h3&gt;Qué significan los números&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Rigidez&lt;/b&gt; (0–1) es una escala logarítmica de la rigidez a flexión del producto:
&lt;table cellspacing="4"&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0,00&lt;/b&gt;&lt;/td&gt;&lt;td&gt;≤ 10 MPa&lt;/td&gt;&lt;td&gt;espuma blanda, una tela que cae&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0,37&lt;/b&gt;&lt;/td&gt;&lt;td&gt;0,2 GPa&lt;/td&gt;&lt;td&gt;una lámina de LDPE, una botella exprimible&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0,57&lt;/b&gt;&lt;/td&gt;&lt;td&gt;1 GPa&lt;/td&gt;&lt;td&gt;una placa de HDPE, una tabla de cortar&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0,71&lt;/b&gt;&lt;/td&gt;&lt;td&gt;3 GPa&lt;/td&gt;&lt;td&gt;una pieza de PET o nailon, un panel rígido&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0,86&lt;/b&gt;&lt;/td&gt;&lt;td&gt;10 GPa&lt;/td&gt;&lt;td&gt;un compuesto con fibras, un mango de herramienta&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1,00&lt;/b&gt;&lt;/td&gt;&lt;td&gt;≥ 30 GPa&lt;/td&gt;&lt;td&gt;un compuesto estructural, un bastidor metálico&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Estanqueidad&lt;/b&gt; (0–1) es lo bien que el producto retiene líquidos y gases:
&lt;table cellspacing="4"&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0,0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;triturado suelto, malla&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0,2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;tejido: retiene polvo, no agua&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0,5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;baldosa compactada con algunos huecos: resiste salpicaduras&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;0,8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;lámina fundida: estanca al agua&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1,0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;película continua densa: estanca al gas&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;&lt;/p&gt;
&lt;p&gt;La energía, el agua y el tiempo de tripulación son &lt;b&gt;topes por lote&lt;/b&gt;: una receta que necesita más no es viable.
Cada predicción lleva un intervalo del 95 %.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>index</source>
        <translation>índice</translation>
    </message>
    <message>
        <source>Allowed: {lo} to {hi}.</source>
        <translation>Permitido: de {lo} a {hi}.</translation>
    </message>
    <message>
        <source>Required: a number from {lo} to {hi}.</source>
        <translation>Obligatorio: un número de {lo} a {hi}.</translation>
    </message>
    <message>
        <source>'{text}' is not a number: type a value from {lo} to {hi}.</source>
        <translation>'{text}' no es un número: escriba un valor de {lo} a {hi}.</translation>
    </message>
    <message>
        <source>Too low: {value} is below the minimum of {lo}.</source>
        <translation>Demasiado bajo: {value} está por debajo del mínimo de {lo}.</translation>
    </message>
    <message>
        <source>Too high: {value} is above the maximum of {hi}.</source>
        <translation>Demasiado alto: {value} está por encima del máximo de {hi}.</translation>
    </message>
    <message>
        <source>Generate recipes for this target  (Ctrl+G)</source>
        <translation>Generar recetas para este objetivo  (Ctrl+G)</translation>
    </message>
    <message>
        <source>Go to the Candidates tab and start the search (Ctrl+G)</source>
        <translation>Ir a la pestaña Candidatas y empezar la búsqueda (Ctrl+G)</translation>
    </message>
    <message>
        <source>Read the physics model (docs/PHYSICS.md)</source>
        <translation>Leer el modelo físico (docs/PHYSICS.md)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation>Elija un preajuste…</translation>
    </message>
    <message>
        <source>Challenge scenario</source>
        <translation>Escenario del reto</translation>
    </message>
    <message>
        <source>Choose a scenario…</source>
        <translation>Elija un escenario…</translation>
    </message>
    <message>
        <source>What to make</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>Requirements per batch</source>
        <translation>Requisitos por lote</translation>
    </message>
    <message>
        <source>Allowed processes</source>
        <translation>Procesos permitidos</translation>
    </message>
    <message>
        <source>Safety: {note}</source>
        <translation>Seguridad: {note}</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Allow every process</source>
        <translation>Permitir todos los procesos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Clear every process</source>
        <translation>Quitar todos los procesos</translation>
    </message>
    <message>
        <source>Feed and search</source>
        <translation>Alimentación y búsqueda</translation>
    </message>
    <message>
        <source>Regolith (MGS-1) may be added to the feed</source>
        <translation>Se puede añadir regolito (MGS-1) a la alimentación</translation>
    </message>
    <message>
        <source>Allow recipes that mix Martian regolith into the feed (fillers, tiles, shielding). Off for anything touching food or water.</source>
        <translation>Permitir recetas que mezclen regolito marciano en la alimentación (cargas, baldosas, blindaje). Desactivado para todo lo que toque alimentos o agua.</translation>
    </message>
    <message>
        <source>Use up problematic waste first</source>
        <translation>Gastar primero los residuos problemáticos</translation>
    </message>
    <message>
        <source>Among equally good recipes, prefer those that consume hard-to-handle waste (multilayer pouches, foams, nitrile gloves...).</source>
        <translation>Entre recetas igual de buenas, preferir las que consumen residuos difíciles de manejar (bolsas multicapa, espumas, guantes de nitrilo...).</translation>
    </message>
    <message>
        <source>Search time limit</source>
        <translation>Límite de tiempo de búsqueda</translation>
    </message>
    <message>
        <source>How long a generation may search before it returns the best recipes found. Small inventories finish sooner; Esc stops it at any time.</source>
        <translation>Cuánto puede buscar una generación antes de devolver las mejores recetas encontradas. Los inventarios pequeños terminan antes; Esc la detiene en cualquier momento.</translation>
    </message>
    <message>
        <source>Search time limit: {reason}</source>
        <translation>Límite de tiempo de búsqueda: {reason}</translation>
    </message>
    <message>
        <source>Allowed processes: choose at least one process.</source>
        <translation>Procesos permitidos: elija al menos un proceso.</translation>
    </message>
    <message>
        <source>Custom (from {name})</source>
        <translation>Personalizado (a partir de {name})</translation>
    </message>
    <message>
        <source>Choose at least one process.</source>
        <translation>Elija al menos un proceso.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not ready:&lt;/b&gt; {problems} The last valid values are kept until this is fixed; Generate is disabled.</source>
        <translation>&lt;b&gt;No está listo:&lt;/b&gt; {problems} Se mantienen los últimos valores válidos hasta que se corrija; Generar está desactivado.</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>preajuste</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>escenario</translation>
    </message>
    <message>
        <source>your own values</source>
        <translation>sus propios valores</translation>
    </message>
    <message>
        <source>; its {n} products ({names}) are searched one by one</source>
        <translation>; sus {n} productos ({names}) se buscan uno a uno</translation>
    </message>
    <message>
        <source>Ready: &lt;b&gt;{target}&lt;/b&gt; ({kind}). Press Generate (Ctrl+G) to find recipes.</source>
        <translation>Listo: &lt;b&gt;{target}&lt;/b&gt; ({kind}). Pulse Generar (Ctrl+G) para encontrar recetas.</translation>
    </message>
    <message>
        <source>{target} — changed by you</source>
        <translation>{target} — cambiado por usted</translation>
    </message>
    <message>
        <source>{target} — has an invalid value</source>
        <translation>{target} — tiene un valor no válido</translation>
    </message>
    <message>
        <source>Strength: at least {mpa} MPa (set by the preset; recipes weaker than this are infeasible).</source>
        <translation>Resistencia: al menos {mpa} MPa (fijada por el objetivo predefinido; las recetas más débiles no son viables).</translation>
    </message>
    <message>
        <source>docs/PHYSICS.md is not part of this installation</source>
        <translation>docs/PHYSICS.md no forma parte de esta instalación</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>the task</source>
        <translation>la tarea</translation>
    </message>
    <message>
        <source>There was not enough memory to finish {what}.</source>
        <translation>No hubo memoria suficiente para terminar {what}.</translation>
    </message>
    <message>
        <source>An unexpected error stopped {what}. Nothing you entered was lost; the details are in the log file.</source>
        <translation>Un error inesperado detuvo {what}. No se perdió nada de lo que introdujo; los detalles están en el archivo de registro.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>idle</source>
        <translation>en espera</translation>
    </message>
</context>
</TS>