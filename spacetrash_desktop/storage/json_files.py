"""Reading a JSON document a user picks (a saved result, a batch job's result): size-limited, and every
way it can fail is a BadInputError naming the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacetrash_desktop.errors import BadInputError

MAX_JSON_BYTES = 200_000_000


def read_json_document(path: Path | str, *, what: str, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """The parsed JSON of ``path`` (``what`` names it in messages: "the results file")."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BadInputError(f"{what} {path} does not exist.") from None
    except OSError as exc:
        raise BadInputError(f"{what} {path} cannot be read ({exc.strerror or type(exc).__name__}).") from None
    if size > max_bytes:
        raise BadInputError(f"{what} {path} is larger than {max_bytes // 1_000_000} MB.")
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise BadInputError(f"{what} {path} cannot be read ({exc.strerror or type(exc).__name__}).") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadInputError(f"{what} {path} is not a JSON file ({type(exc).__name__}).") from None
