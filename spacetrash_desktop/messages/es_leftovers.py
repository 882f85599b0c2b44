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
    # engine/recommend.py: a chance as a percentage (Spanish puts a space before the sign)
    "{p:.0f}%": "{p:.0f} %",
}
