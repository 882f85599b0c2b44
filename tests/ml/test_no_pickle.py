"""No pickle, no joblib.load anywhere in the application (model files never run code on load)."""

from __future__ import annotations

import re
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "spacetrash_desktop"
FORBIDDEN = [
    r"^\s*import\s+(c?pickle|dill|cloudpickle|shelve|marshal)\b",
    r"^\s*from\s+(c?pickle|dill|cloudpickle|shelve|marshal)\b",
    r"\bpickle\.loads?\s*\(",
    r"\bjoblib\.load\s*\(",
    r"^\s*from\s+joblib\s+import\s+.*\bload\b",
    r"allow_pickle\s*=\s*True",
    r"\bnp\.load\s*\(",
    r"\bnumpy\.load\s*\(",
    r"\btorch\.load\s*\(",
    r"\bpd\.read_pickle\s*\(",
]


def test_no_pickle_or_joblib_load_in_the_app():
    offenders = []
    for path in PKG.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for n, line in enumerate(text.splitlines(), start=1):
            for pat in FORBIDDEN:
                if re.search(pat, line):
                    offenders.append(f"{path.relative_to(PKG.parent)}:{n}: {line.strip()}")
    assert not offenders, "unsafe deserialisation:\n" + "\n".join(offenders)
