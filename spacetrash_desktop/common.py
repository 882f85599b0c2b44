"""Small pure helpers every layer shares: numbers typed by people, rounding for JSON, the text of
messages, the worker thread count. No I/O, no project imports."""

from __future__ import annotations

import math
import os
import re


def parse_number(value: object, *, decimal_comma: bool = False) -> float | None:
    """Parse a number typed in a spreadsheet: '12.5', '12,5', '1.234,5', '1,234.5', ' 40 kg'.
    Returns None when the text is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    s = str(value).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    s = re.sub(r"(?i)(kg|%)$", "", s)
    if not s:
        return None
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        if len(parts) == 2 and (decimal_comma or len(parts[1]) != 3):
            s = s.replace(",", ".")
        elif all(len(p) == 3 for p in parts[1:]) and not decimal_comma:
            s = s.replace(",", "")
        else:
            return None
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", s):
        return None
    return float(s)


def round_or_none(x: float | None, nd: int = 6) -> float | None:
    """``x`` rounded to ``nd`` decimals for a JSON record; None for None, NaN or infinity."""
    if x is None:
        return None
    x = float(x)
    return round(x, nd) if math.isfinite(x) else None


def sentence(text: str) -> str:
    """``text`` as one sentence: first letter capitalised, exactly one closing full stop."""
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else text


def lower_first(text: str) -> str:
    """``text`` to follow a colon or a comma: first letter lower-cased, closing full stop dropped."""
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else text


def worker_threads() -> int:
    """Threads a training or scoring job may use: at most two, so the window stays responsive."""
    return max(1, min(2, os.cpu_count() or 1))
