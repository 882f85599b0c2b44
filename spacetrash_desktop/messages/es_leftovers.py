"""Spanish of the sentences and words the strict window check found still English (issue 14): product
forms, drift notes, progress lines of the search, skip reasons; ``ES = {english template: spanish}``."""

ES = {
    # services/explain.py: the product forms (datasets/processes.csv product_form codes)
    "particles": "partículas",
    "panel": "panel",
    "bag": "bolsa",
    "tile": "baldosa",
    "fabric": "tejido",
    "filament": "filamento",
    "frame": "bastidor",
    # engine/search.py: the progress line of a recipe search
    "evolutionary search": "búsqueda evolutiva",
    "refining the front": "refinando el frente",
    "{feasible:,} feasible of {evaluated:,} scored": "{feasible:,} viables de {evaluated:,} evaluadas",
    "{note}: {feasible:,} feasible of {evaluated:,} scored": "{note}: {feasible:,} viables de {evaluated:,} evaluadas",
    "{note}: {feasible:,} feasible of {evaluated:,} scored (generation {gen})": (
        "{note}: {feasible:,} viables de {evaluated:,} evaluadas (generación {gen})"
    ),
    # ml/drift.py: the note of a drift report on few rows
    "only {n} new row(s): the drift figures are rough below {need} rows": (
        "solo {n} fila(s) nueva(s): las cifras de deriva son aproximadas por debajo de {need} filas"
    ),
    # ml/virtual_lab.py and services/retrain.py: the progress of a retraining run
    "virtual lab: {done:,} of {n:,} trials": "laboratorio virtual: {done:,} de {n:,} ensayos",
    "reading the feedback": "leyendo los informes",
    "mapping {n:,} feedback row(s) to training labels": (
        "convirtiendo {n:,} fila(s) de informes en etiquetas de entrenamiento"
    ),
    "simulating trials in the virtual lab": "simulando ensayos en el laboratorio virtual",
    "measuring drift between the training data and the feedback": (
        "midiendo la deriva entre los datos de entrenamiento y los informes"
    ),
    "comparing the challenger with the active model": "comparando el modelo candidato con el modelo vigente",
    "installing the challenger": "instalando el modelo candidato",
    "retraining finished: {verdict}": "reentrenamiento terminado: {verdict}",
    # ml/bundle.py: why a model bundle is refused
    # storage/feedback_exchange.py: why an exported feedback file is refused; ml/virtual_lab.py: why a
    # feedback record is skipped
    "the bundle holds {n} entries; at most {most} are allowed": "el paquete contiene {n} entradas; se admiten como máximo {most}",
    "manifest.json is not a JSON object": "manifest.json no es un objeto JSON",
    "this is not a Space Trash model bundle": "esto no es un paquete de modelo de Space Trash",
    "the bundle name is not valid (lower-case letters, digits, '-' and '_')": "el nombre del paquete no es válido (letras minúsculas, dígitos, '-' y '_')",
    "the bundle version is not valid": "la versión del paquete no es válida",
    "manifest.json does not list {file}": "manifest.json no incluye {file}",
    "manifest.json was modified (it is not in its canonical form)": "manifest.json se ha modificado (no está en su forma canónica)",
    "the bundle folder cannot be read ({why})": "no se puede leer la carpeta del paquete ({why})",
    "unexpected link {name!r} in the bundle": "enlace inesperado {name!r} en el paquete",
    "unexpected folder {name!r} in the bundle": "carpeta inesperada {name!r} en el paquete",
    "unexpected entry {name!r} in the bundle": "entrada inesperada {name!r} en el paquete",
    "the bundle archive is damaged or unreadable ({why})": "el archivo del paquete está dañado o no se puede leer ({why})",
    "manifest.json lacks the field {key!r}": "a manifest.json le falta el campo {key!r}",
    "manifest.json lists an invalid file name {name!r}": "manifest.json incluye un nombre de archivo no válido {name!r}",
    "manifest.json was modified (its own checksum does not match)": "manifest.json se ha modificado (su propia suma de comprobación no coincide)",
    "unexpected file {name!r} in the bundle (not in the manifest)": "archivo inesperado {name!r} en el paquete (no está en el manifiesto)",
    "file {name!r} listed in the manifest is missing": "falta el archivo {name!r} que figura en el manifiesto",
    "file {name!r} is too large ({size:,} bytes)": "el archivo {name!r} es demasiado grande ({size:,} bytes)",
    "file {name!r} cannot be read ({why})": "no se puede leer el archivo {name!r} ({why})",
    "manifest.json field {key!r} has the wrong type": "el campo {key!r} de manifest.json tiene un tipo incorrecto",
    "manifest.json entry for {name!r} needs a sha256 and a size": "la entrada de manifest.json para {name!r} necesita un sha256 y un tamaño",
    "the bundle has no manifest.json": "el paquete no tiene manifest.json",
    "file {name!r} has the wrong size ({size:,} bytes, manifest says {expected:,})": "el archivo {name!r} tiene un tamaño incorrecto ({size:,} bytes; el manifiesto dice {expected:,})",
    "metadata.json is not valid JSON": "metadata.json no es un JSON válido",
    "the bundle holds {name!r} twice": "el paquete contiene {name!r} dos veces",
    "the file is neither a model bundle folder nor a zip archive of one": "el archivo no es ni una carpeta de paquete de modelo ni un archivo zip de una",
    "the model bundle does not exist": "el paquete de modelo no existe",
    "manifest.json is damaged (not valid JSON)": "manifest.json está dañado (no es un JSON válido)",
    "manifest.json holds values that are not allowed": "manifest.json contiene valores no permitidos",
    "file {name!r} was modified or damaged (checksum mismatch)": "el archivo {name!r} se ha modificado o está dañado (la suma de comprobación no coincide)",
    "unknown item {item!r}": "artículo desconocido {item!r}",
    "unknown process {process!r}": "proceso desconocido {process!r}",
    "no batch mass (energy, water and crew time are per batch)": "sin masa de lote (la energía, el agua y el tiempo de tripulación son por lote)",
    "no measured property": "ninguna propiedad medida",
    "a reported value is out of range": "un valor informado está fuera de rango",
    "record {n}: {reason}": "registro {n}: {reason}",
    "not a valid recipe ({why})": "no es una receta válida ({why})",
    "malformed ({why})": "mal formado ({why})",
    "{file}: {rows} row(s), {added} added, {duplicates} already present": "{file}: {rows} fila(s), {added} añadida(s), {duplicates} ya presente(s)",
    "its manifest entry is malformed": "su entrada en el manifiesto está mal formada",
    "its manifest entry has an unsafe or missing file name": "su entrada en el manifiesto tiene un nombre de archivo inseguro o vacío",
    "its manifest entry has no valid sha256": "su entrada en el manifiesto no tiene un sha256 válido",
    "its manifest entry has no valid row count": "su entrada en el manifiesto no tiene un número de filas válido",
    "its manifest entry has an invalid size": "su entrada en el manifiesto tiene un tamaño no válido",
    "{file}: refused: {reason}": "{file}: rechazado: {reason}",
    "its manifest.json is not a feedback export manifest": "su manifest.json no es un manifiesto de exportación de informes",
    "its manifest.json has no valid format_version": "su manifest.json no tiene un format_version válido",
    "it was exported by a newer version of the app; update this one": "se exportó con una versión más reciente de la aplicación; actualice esta",
    "its size ({size} bytes) does not match the manifest ({expected} bytes): the file was changed or damaged": "su tamaño ({size} bytes) no coincide con el manifiesto ({expected} bytes): el archivo se ha modificado o está dañado",
    "its checksum (sha256) does not match the manifest: the file was changed or damaged": "su suma de comprobación (sha256) no coincide con el manifiesto: el archivo se ha modificado o está dañado",
    "there is no manifest.json next to it (export with `spacetrash feedback export`)": "no hay ningún manifest.json a su lado (exporte con `spacetrash feedback export`)",
    "its manifest.json cannot be read ({why})": "no se puede leer su manifest.json ({why})",
    "its manifest.json is not valid JSON": "su manifest.json no es un JSON válido",
    "it is too large ({size} bytes)": "es demasiado grande ({size} bytes)",
    "it cannot be read ({why})": "no se puede leer ({why})",
    "The folder already holds a manifest.json that is not a usable feedback export ({reason}); choose another folder.": "La carpeta ya contiene un manifest.json que no es una exportación de informes utilizable ({reason}); elija otra carpeta.",
    "row {row} is not valid: {why}": "la fila {row} no es válida: {why}",
    "no manifest entry": "sin entrada en el manifiesto",
}
