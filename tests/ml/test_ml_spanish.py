"""The model layer's and the inventory import's crew-facing sentences in the window's language: Spanish
when the window sets it (messages.set_language("es")), exactly the old English otherwise."""

from __future__ import annotations

import numpy as np
import pytest

from spacetrash_desktop.catalog.importer import import_inventory
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.messages import set_language
from spacetrash_desktop.ml import drift, registry
from spacetrash_desktop.ml.measurements import MeasurementError, measure
from spacetrash_desktop.ml.promotion import checks, decide
from spacetrash_desktop.services.retrain import _no_data_reason, read_run
from spacetrash_desktop.storage import paths


@pytest.fixture
def lang():
    """Call with "es" or "en"; English again afterwards whatever happens."""
    yield set_language
    set_language("en")
    registry.clear_cache()


def _drift_text() -> str:
    rng = np.random.default_rng(1)
    train = rng.normal(0, 1, (2000, 2))
    new = np.column_stack([rng.normal(3, 1, 60), rng.normal(0, 1, 60)])
    return drift.feature_drift(train, new, ["moisture", "regolith"], {"moisture": "Water content of the feed"})[
        "summary"
    ]["text"]


def test_drift_summary(lang):
    english = (
        "1 feature(s) with major drift (PSI > 0.25) and 0 with moderate drift, mostly: Water content of the feed. "
        "Expected when the crew makes a few kinds of recipe; the held-out comparison decides whether the model "
        "improved."
    )
    lang("en")
    assert _drift_text() == english
    lang("es")
    spanish = _drift_text()
    assert spanish.startswith("1 variable(s) con deriva fuerte (PSI > 0,25) y 0 con deriva moderada")
    assert "la comparación con los datos de validación decide si el modelo mejoró" in spanish
    lang("en")
    assert _drift_text() == english


def _metrics(challenger_mae: float) -> dict:
    lab = {"gate_rows": 0}
    fb = {"rows": 20, "mae_champion": 0.2, "mae_challenger": challenger_mae}
    fb |= {"coverage_champion": 0.9, "coverage_challenger": 0.95}
    out = {}
    for name in ("rigidity", "tightness", "energy_kwh", "water_l", "crew_min"):
        f = fb if name == "rigidity" else {"rows": 0}
        learnt = {"correction": name == "rigidity", "calibrated_on": "virtual_lab_v1"}
        out[name] = {"lab": lab, "feedback": f, "learnt": learnt, "checks": checks(name, lab, f)}
    return out


def test_promotion_reasons(lang):
    lang("en")
    assert decide(_metrics(0.25), {}) == (
        False,
        "Not promoted: it is worse than the active model on rigidity error on 20 held-out feedback rows: "
        "0.25 index vs 0.2 index. The active model stays; the challenger is kept as a rejected candidate.",
    )
    ok, reason = decide(_metrics(0.1), {})
    assert ok and reason == (
        "Promoted: it learnt from the feedback (rigidity), cutting the rigidity error on held-out feedback from "
        "0.2 to 0.1 (index), and is no worse than the previous model in any of 2 checks of error and interval "
        "coverage. The previous model can be restored with Roll back."
    )
    lang("es")
    assert decide(_metrics(0.25), {}) == (
        False,
        "No promovido: es peor que el modelo activo en error de rigidez en 20 filas de informes de validación: "
        "0,25 índice frente a 0,2 índice. El modelo activo se mantiene; el candidato se guarda como candidato "
        "rechazado.",
    )
    ok, reason = decide(_metrics(0.1), {})
    assert ok and reason.startswith("Promovido: aprendió de los informes (rigidez), reduciendo el error de rigidez")
    assert "de 0,2 a 0,1 (índice)" in reason  # measured errors with a decimal comma, like every Spanish number


@pytest.fixture
def no_shipped(monkeypatch, tmp_path):
    empty = tmp_path / "install" / "models"
    empty.mkdir(parents=True)
    real = paths.bundled_dir
    monkeypatch.setattr(paths, "bundled_dir", lambda name: empty if name == "models" else real(name))


def test_model_status_reason_without_a_model(lang, no_shipped):
    lang("en")
    registry.clear_cache()
    assert registry.registry_status().reason == (
        "No model is installed and the model shipped with the app is missing from this installation; "
        "predictions use the physics model."
    )
    lang("es")
    registry.clear_cache()
    assert registry.registry_status().reason == (
        "No hay ningún modelo instalado y falta en esta instalación el modelo que trae la aplicación; "
        "las predicciones usan el modelo físico."
    )


def test_model_status_reason_of_the_shipped_model(lang):
    lang("en")
    info = registry.ensure_installed()
    assert info.status == "ready"
    assert info.reason.startswith(f"Verified model {info.name} {info.version}, trained ")
    assert "simulated trials" in info.reason
    lang("es")
    registry.clear_cache()
    reason = registry.registry_status().reason
    assert reason.startswith(f"Modelo verificado {info.name} {info.version}, entrenado el ")
    assert "ensayos simulados" in reason and "trials" not in reason


def _refusal(values: dict) -> str:
    with pytest.raises(MeasurementError) as exc:
        measure("soak", values)
    return str(exc.value)


def test_measurement_refusals_and_how(lang):
    good = {"dry_g": 100, "wet_g": 104, "length_mm": 50, "width_mm": 20, "thickness_mm": 10}
    lang("en")
    assert _refusal({**good, "wet_g": None}) == "Enter the mass after a day under water, wiped (g)."
    assert _refusal({**good, "wet_g": 90}) == "The wet mass is below the dry mass: weigh again."
    how = measure("soak", good).how
    assert how == "Soak test: 100 g dry, 104 g wet, sample 50 x 20 x 10 mm → open porosity 40.1%"
    lang("es")
    assert _refusal({**good, "wet_g": None}) == "Introduzca masa tras un día bajo el agua, secada (g)."
    assert _refusal({**good, "length_mm": 0}) == "longitud de la muestra: debe ser mayor que 0 mm."
    assert _refusal({**good, "wet_g": 90}) == "La masa húmeda es menor que la seca: vuelva a pesar."
    assert measure("soak", good).how.startswith("Prueba de inmersión: 100 g en seco, 104 g húmeda")


CSV = b"id,name,category,composition,mass_kg\nA1,Bag,Packaging,Unobtainium 100%,1\nA2,Box,Packaging,Nylon 100%,-2\n"


def _issues() -> list[str]:
    result = import_inventory(CSV, filename="inv.csv", write_error_log=False)
    return [i.describe() for i in result.errors]


def test_import_issue_reasons(lang):
    lang("en")
    english = [
        "line 2, column composition, value 'Unobtainium 100%': unknown material 'Unobtainium'",
        "line 3, column mass_kg, value '-2': mass cannot be negative",
    ]
    assert _issues() == english
    lang("es")
    assert _issues() == [
        "línea 2, columna composition, valor 'Unobtainium 100%': material desconocido 'Unobtainium'",
        "línea 3, columna mass_kg, valor '-2': la masa no puede ser negativa",
    ]
    lang("en")
    assert _issues() == english


def test_retraining_run_reasons(lang):
    data = {"feedback_total": 7, "skipped_by_reason": {"no measured value": 5, "unknown item '...'": 2}}
    lang("en")
    assert _no_data_reason(data, True, False) == (
        "None of the 7 feedback row(s) can be used for training (most often: no measured value). Nothing was "
        "trained; pass/fail and notes alone are not training labels."
    )
    assert _no_data_reason({"feedback_total": 0}, True, False) == (
        "No feedback to learn from: the feedback journal is empty. Nothing was trained."
    )
    lang("es")
    assert _no_data_reason({"feedback_total": 0}, True, True) == (
        "No hay informes de los que aprender: ni el diario ni los archivos contienen ninguna fila. No se entrenó nada."
    )
    with pytest.raises(BadInputError) as exc:
        read_run("run-20310501T100000Z-3f9a")
    assert exc.value.message == "No existe el reentrenamiento run-20310501T100000Z-3f9a."
