"""Crew-facing sentences below the window: English by default, the window's language when it sets one,
and every template written with ``msg`` has its Spanish version with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from spacetrash_desktop import messages
from spacetrash_desktop.messages import msg, set_language, table

PACKAGE = Path(messages.__file__).resolve().parents[1]


def templates_in_sources() -> dict[str, str]:
    """Every literal template passed to ``msg(...)`` in the package, with where it is."""
    out: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "messages" in path.parts or "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "msg"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                out.setdefault(node.args[0].value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return out


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.fixture
def spanish():
    set_language("es")
    yield
    set_language("en")


def test_english_is_the_template_formatted():
    assert msg("{name} runs out on sol {sol}", name="Foam", sol=212) == "Foam runs out on sol 212"
    assert msg("{x:.2f} kWh", x=1.234) == "1.23 kWh"


def spanish_numbers(template: str, values: dict) -> str:
    """``template`` formatted with its numbers written the Spanish way (checked on its own below)."""
    return "".join(
        lit + ("" if name is None else _es(format(values[name], spec)))
        for lit, name, spec, _conv in string.Formatter().parse(template)
    )


def _es(text: str) -> str:
    text = text.translate(str.maketrans({".": ",", ",": "."}))
    return text[:-1] + " %" if text.endswith("%") else text


def test_the_window_language_applies_and_an_untranslated_template_stays_english(spanish):
    es = table("es")
    for english, spanish in list(es.items())[:50]:
        values = dict.fromkeys(fields(english), "x")
        try:
            assert msg(english, **values) == spanish.format(**values)
        except (ValueError, TypeError):  # a numeric format spec: a number (no decimal point in 7)
            values = dict.fromkeys(fields(english), 7)
            assert msg(english, **values) == spanish_numbers(spanish, values)
    assert msg("A sentence nobody translated.") == "A sentence nobody translated."


def test_numbers_in_a_spanish_sentence_have_a_decimal_comma(spanish):
    """Numbers and units follow the language: 2,2 MPa; 73.400 recetas; 78 %; ids and versions untouched."""
    t = "{a:.1f} MPa, {n:,} recipes, {p:.0%} chance, {whole} sols, model {version}"
    assert msg(t, a=2.25, n=73400, p=0.78, whole=1067, version="1.0.2") == (
        "2,2 MPa, 73.400 recipes, 78 % chance, 1067 sols, model 1.0.2"
    )
    set_language("en")
    assert msg(t, a=2.25, n=73400, p=0.78, whole=1067, version="1.0.2") == (
        "2.2 MPa, 73,400 recipes, 78% chance, 1067 sols, model 1.0.2"
    )


def test_every_template_has_spanish_with_the_same_placeholders():
    es = table("es")
    found = templates_in_sources()
    missing = [f"{where}: {t!r}" for t, where in found.items() if t not in es]
    assert missing == [], f"{len(missing)} templates without Spanish:\n" + "\n".join(missing[:20])
    wrong = [t for t in found if t in es and fields(es[t]) != fields(t)]
    assert wrong == [], f"Spanish templates whose placeholders differ: {wrong[:5]}"
