"""The checker behind the Spanish window tests (tests/ui/visible_text.py) tells English from
Spanish: a template of the catalogue only lets a text through when every placeholder holds text
that is itself allowed, so English hidden in a "{label} ({unit})" or a composed text is caught; and
one English message has one Spanish translation across the window (the same word on every tab)."""

from __future__ import annotations

import collections
import xml.etree.ElementTree as ET

import pytest

from .visible_text import ROOT, Template, allowed, catalogue, untranslated

# the catalogue's HTML messages are read as plain text through Qt (QTextDocumentFragment): an application
pytestmark = pytest.mark.usefixtures("qapp")

ENGLISH = ("Trained on 4000 rows", "Evaluated 73,400 recipes", "Energy per sol (kWh/sol)")


def _has(template: str) -> str:
    _plain, templates = catalogue("es")
    assert template in {t.text for t in templates}, f"the Spanish catalogue no longer has {template!r}"
    return template


def _lax(template: str, text: str) -> bool:
    """How the old checker matched: every placeholder took any text at all."""
    return bool(Template.parse(template).quick.match(text))


@pytest.mark.parametrize("english", ENGLISH)
def test_english_inside_a_spanish_template_is_caught(english):
    assert not allowed(english, "es")
    for template, text in (
        (_has("{label} ({unit})"), f"{english} (kWh)"),
        (_has("{n} de {total}"), f"{english} de 12"),
        (_has("{mass} en total"), f"{english} en total"),
    ):
        assert _lax(template, text), template  # the old checker let these through
        assert not allowed(text, "es"), text
    assert not allowed(f"19 líneas de existencias · {english}", "es")
    assert not allowed(f"Modelo entrenado. {english}.", "es")  # a sentence of its own


def test_english_in_the_whole_of_a_template_is_caught():
    text = "Energy per sol (kWh/sol)"
    assert _lax(_has("{label} ({unit})"), text) and not allowed(text, "es")
    assert untranslated([(text, "a label"), ("Inventario", "a tab")], "es") == [(text, "a label")]


@pytest.mark.parametrize(
    "spanish",
    [
        "19 líneas de existencias · 8370 kg en total",
        "Inventario",
        "Energía (kWh)",
        "3 de 12",
        "Guardar",
        "kWh",
        "12,5 kg",
        "R0123456789ab",
        "Masa del producto — 12 kg",
    ],
)
def test_composed_spanish_passes(spanish):
    assert allowed(spanish, "es"), spanish


def test_a_placeholder_holds_what_its_kind_allows():
    number = Template.parse("{p:.0%} de probabilidad")
    assert number.matches("97% de probabilidad", "es", 2)
    assert not number.matches("alta de probabilidad", "es", 2)  # a number was asked for
    free = Template.parse("Guardado en {path}")
    assert free.matches("Guardado en /tmp/Whatever I typed.csv", "es", 2)  # the crew's own file name
    text = Template.parse("Estado: {status}")
    assert text.matches("Estado: Inventario", "es", 2)
    assert not text.matches("Estado: Trained on 4000 rows", "es", 2)
    repr_ = Template.parse("Columna {column!r} desconocida")
    assert repr_.matches("Columna 'mass_kg' desconocida", "es", 2)
    assert repr_.matches("Columna 'weight in pounds' desconocida", "es", 2)  # the file's own header, quoted
    assert not repr_.matches("Columna weight in pounds desconocida", "es", 2)  # unquoted: not an echo


def test_a_split_between_the_pieces_is_searched_not_guessed():
    # "{a} de {b}": the first " de " is inside a; only the later split gives two allowed values
    t = Template.parse("{a} de {b}")
    assert t.matches("Masa del producto de 12", "es", 2) is allowed("Masa del producto", "es")
    assert t.matches("3 de 4 de 5", "es", 2)  # "3 de 4" is itself "{n} de {total}"


def test_only_dataset_codes_and_code_shaped_tokens_count_as_codes():
    assert allowed("mass_kg", "es") and allowed("foam", "es") and allowed("spacetrash-residual", "es")
    assert not allowed("rows", "es") and not allowed("recipes", "es") and not allowed("held-out", "es")


def test_a_cut_text_counts_only_as_a_cut_catalogue_text():
    assert allowed("Masa del prod…", "es")
    assert not allowed("Product ma…", "es")


# One English message, one Spanish translation: the same words on every tab. The exceptions are
# Spanish agreement only: an adjective takes the gender of what it describes (a run is "fallido",
# a search "fallida"; rows "Añadidas", items "Añadidos").
AGREEMENT = {
    "failed": {"fallido", "fallida"},
    "none": {"ninguna", "ninguno"},
    "done": {"terminado", "terminada"},
    "stopped": {"detenido", "detenida"},
    "Added": {"Añadidas", "Añadidos"},
}


def test_one_english_message_has_one_spanish_translation():
    seen: dict[tuple[str, str], set[tuple[str, ...]]] = collections.defaultdict(set)
    for ts in sorted((ROOT / "resources" / "i18n" / "es").glob("*.ts")):
        for m in ET.parse(ts).getroot().iter("message"):
            node = m.find("translation")
            forms = tuple(n.text or "" for n in node.findall("numerusform")) or (node.text or "",)
            seen[(m.findtext("source") or "", m.findtext("comment") or "")].add(forms)
    differ = {src: {f[0] for f in forms} for (src, _c), forms in seen.items() if len(forms) > 1}
    assert {src: AGREEMENT.get(src) for src in differ} == differ, differ


def test_tooltips_are_read_too(qtbot):
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from .visible_text import visible_texts

    root = QWidget()
    qtbot.addWidget(root)
    label = QLabel("Inventario", root)
    label.setToolTip("Save the plan")
    QVBoxLayout(root).addWidget(label)
    root.show()
    texts = visible_texts(root)
    assert ("Save the plan", "QLabel '' tooltip") in texts
    assert untranslated(texts, "es") == [("Save the plan", "QLabel '' tooltip")]
    assert ("Save the plan", "QLabel '' tooltip") not in visible_texts(root, tooltips=False)


def test_a_recipe_of_item_names_with_commas_reads_as_its_items():
    a = "Bolsa de transferencia de carga (vacía, tamaño 1,0 CTB)"
    b = "Bolsa de bebida (laminado con aluminio)"
    assert allowed(a, "es") and allowed(b, "es")
    assert allowed(f"{a} + {b}", "es")
    assert not allowed(f"{a} + Cargo transfer bag (empty, 1.0 CTB size)", "es")
