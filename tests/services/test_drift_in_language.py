"""A retraining run's drift report in the window's language: the feature labels and the summary a run
recorded with the English catalog's names read in Spanish (material and process names from the
Spanish dataset) when the window speaks Spanish, and exactly as recorded in English."""

from __future__ import annotations

import numpy as np
import pytest

from spacetrash_desktop.catalog.datasets import load_catalog as load_catalog_en
from spacetrash_desktop.ml.drift import feature_drift
from spacetrash_desktop.ml.features import feature_label
from spacetrash_desktop.services.inventory import load_catalog, set_data_language
from spacetrash_desktop.services.model import drift_in_language

COLUMNS = ["mat:ldpe", "regolith", "proc:hot_press_lamination"]


@pytest.fixture
def data_language():
    yield set_data_language
    set_data_language("en")


def _recorded(n_new: int) -> dict:
    """A drift report as services.retrain records it, written in English with the English names."""
    cat = load_catalog_en()
    mats = {m: x.name for m, x in cat.materials.items()}
    procs = {p: x.name for p, x in cat.processes.items()}
    rng = np.random.default_rng(5)
    train = rng.normal(0, 1, (4000, 3))
    new = rng.normal(0, 1, (n_new, 3))
    new[:, 0] += 2.0  # the LDPE share moved
    return feature_drift(train, new, COLUMNS, {c: feature_label(c, mats, procs) for c in COLUMNS})


def test_a_recorded_drift_reads_in_spanish(data_language):
    drift = _recorded(60)
    english_ldpe = load_catalog_en().materials["ldpe"].name
    assert english_ldpe in drift["features"]["mat:ldpe"]["label"] and english_ldpe in drift["summary"]["text"]
    data_language("es")
    labels, text, note = drift_in_language(drift)
    spanish_ldpe = load_catalog().materials["ldpe"].name
    assert spanish_ldpe != english_ldpe
    assert labels["mat:ldpe"] == f"Proporción de {spanish_ldpe} en la carga"
    assert labels["regolith"] == "Proporción de regolito en la carga"
    assert load_catalog().processes["hot_press_lamination"].name in labels["proc:hot_press_lamination"]
    assert "variable(s) con deriva fuerte" in text and spanish_ldpe in text
    assert english_ldpe not in text and note == ""


def test_in_english_the_report_reads_as_recorded(data_language):
    for n_new in (60, 7):
        drift = _recorded(n_new)
        data_language("en")
        labels, text, note = drift_in_language(drift)
        assert labels == {c: f["label"] for c, f in drift["features"].items()}
        assert text == drift["summary"]["text"] and note == drift["summary"].get("note", "")


def test_few_rows_say_so_in_spanish(data_language):
    drift = _recorded(7)
    data_language("es")
    _labels, text, note = drift_in_language(drift)
    assert text.startswith("No hay filas suficientes para juzgar la deriva: 7 filas nuevas")
    assert note.startswith("solo 7 fila(s) nueva(s)")


def test_a_report_without_its_figures_keeps_its_words(data_language):
    data_language("es")
    labels, text, note = drift_in_language({"features": {"frac_x": {"label": "Something"}}, "summary": {"text": "t"}})
    assert labels == {} and text == "" and note == ""  # nothing to write again: the recorded words stay
