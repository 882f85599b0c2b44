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
import pkgutil
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


def msg(template: str, /, **values) -> str:
    """``template`` (English, with ``{named}`` placeholders) in the current language, formatted."""
    lang = _language[0]
    if lang != "en":
        template = table(lang).get(template, template)
    return template.format(**values) if values else template
