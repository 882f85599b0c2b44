"""Sentences the engine, the model layer, the catalog and the services write for the crew, in the
window's language.

Code below the window writes its crew-facing sentences as English templates with named
placeholders: ``msg("{name} runs out on sol {sol}", name=item, sol=n)``. In English (the command
line, the batch queue, the tests, the result files the CLI writes) that is ``str.format`` of the
template, byte for byte what the code wrote before. When the window speaks another language it sets
it here (``services.inventory.set_data_language``) and ``msg`` formats that language's template
instead, from the tables in this package (``es_<area>.py``: ``ES = {english template: spanish
template}``; the same placeholders, in any order). A template with no translation stays English.

This is the base layer (no imports from the rest of the package), like ``common.py``.
"""

from __future__ import annotations

import importlib
import numbers
import pkgutil
import string
from collections.abc import Mapping
from functools import lru_cache

LANGUAGES = ("en", "es")
_language = ["en"]


def set_language(lang: str) -> None:
    _language[0] = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _language[0]


@lru_cache(maxsize=4)
def table(lang: str) -> Mapping[str, str]:
    """Every translated template of ``lang`` (``messages/<lang>_*.py`` modules, merged)."""
    out: dict[str, str] = {}
    if lang == "en":
        return out
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith(f"{lang}_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            out.update(getattr(module, lang.upper(), {}))
    return out


class _DecimalComma(string.Formatter):
    """``str.format`` whose numbers are written the Spanish way: decimal comma, a point between
    thousands ("1.234,5"), a space before a percent sign ("78 %"). Only numbers are touched: ids,
    names and versions pass through as the strings they are."""

    def format_field(self, value, format_spec):
        out = format(value, format_spec)
        if not isinstance(value, numbers.Real) or isinstance(value, bool):
            return out
        out = out.translate(_SWAP)
        return out[:-1].rstrip() + " %" if out.endswith("%") else out


_SWAP = str.maketrans({".": ",", ",": "."})
_FORMATTERS = {"es": _DecimalComma()}


def number_text(value: float, format_spec: str = "") -> str:
    """``value`` formatted with ``format_spec`` the way the current language writes numbers."""
    f = _FORMATTERS.get(_language[0])
    return f.format_field(value, format_spec) if f is not None else format(value, format_spec)


def msg(template: str, /, **values) -> str:
    """``template`` (English, with ``{named}`` placeholders) in the current language, formatted;
    numbers in that language's way (decimal comma in Spanish)."""
    lang = _language[0]
    if lang != "en":
        template = table(lang).get(template, template)
    if not values:
        return template
    formatter = _FORMATTERS.get(lang)
    return formatter.vformat(template, (), values) if formatter is not None else template.format(**values)
