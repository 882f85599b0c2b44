"""``spacetrash feedback add|list|export|import|compact|verify``: the crew-feedback journal.

``add`` prints the new row id on stdout only once the row is durable on disk; every other message
goes to stderr. Errors are one plain line and exit 1 (see ``cli.run``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import uuid
from pathlib import Path

from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.feedback import (
    compact_feedback,
    damaged_feedback_files,
    decode_feedback_row,
    export_feedback,
    get_feedback,
    import_feedback,
    list_feedback,
    plain_records,
    predicted_vs_actual,
    record_feedback,
    verify_feedback,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("feedback", help="record, list, export or import crew feedback")
    fsub = p.add_subparsers(dest="feedback_command", metavar="ACTION", required=True, parser_class=type(p))
    a = fsub.add_parser(
        "add",
        help="record one feedback row from a JSON file ('-' reads stdin); prints its row id once it is saved",
        description="Record one feedback row from a JSON file ('-' reads stdin) and print its row id once it "
        "is saved. A row without a row_id gets one derived from its content: running the same add again "
        "(a retry) records it once. To record an identical rating a second time, give it a recorded_at or a "
        "row_id of its own.",
    )
    a.add_argument("file", metavar="ROW.json")
    a.set_defaults(func=cmd_add)
    ls = fsub.add_parser("list", help="list recorded feedback (oldest first)")
    ls.add_argument("--json", action="store_true", help="print a JSON array of rows")
    ls.add_argument("--recipe", dest="recipe_id", help="only this recipe id")
    ls.add_argument("--who", help="only rows by this crew member")
    ls.add_argument("--model-version", help="only rows rating this model version")
    ls.add_argument("--since", help="only rows recorded at or after this ISO date/time")
    ls.add_argument("--until", help="only rows recorded at or before this ISO date/time")
    ls.add_argument("--limit", type=int, default=0, help="only the last N rows")
    ls.set_defaults(func=cmd_list)
    e = fsub.add_parser("export", help="export every row as sealed Parquet + manifest.json for trainers")
    e.add_argument("--out", required=True, metavar="DIR")
    e.set_defaults(func=cmd_export)
    i = fsub.add_parser(
        "import",
        help="merge exported feedback (folders, manifest.json or .parquet files); "
        "files whose checksum does not match are refused",
    )
    i.add_argument("files", nargs="+", metavar="FILE")
    i.set_defaults(func=cmd_import)
    c = fsub.add_parser("compact", help="merge the journal's small files into one (atomic)")
    c.set_defaults(func=cmd_compact)
    v = fsub.add_parser("verify", help="read back every saved feedback file and check its checksum")
    v.set_defaults(func=cmd_verify)


def _read_row_file(name: str) -> dict:
    label = "standard input" if name == "-" else name
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise BadInputError(f"Cannot read {label}: there is no such file.") from None
    except IsADirectoryError:
        raise BadInputError(f"Cannot read {label}: it is a folder, not a file.") from None
    except UnicodeDecodeError:
        raise BadInputError(f"Cannot read {label}: it is not UTF-8 text.") from None
    except OSError as exc:
        raise BadInputError(f"Cannot read {label}: {exc.strerror or 'the system refused'}.") from None
    try:
        row = json.loads(text)
    except ValueError as exc:
        msg = getattr(exc, "msg", str(exc))
        where = f" (line {exc.lineno}, column {exc.colno})" if hasattr(exc, "lineno") else ""
        raise BadInputError(f"{label} is not valid JSON{where}: {msg}.") from None
    if isinstance(row, list):
        raise BadInputError(
            f"{label} holds a list of {len(row)} item(s); `feedback add` takes one row (a JSON object)."
        )
    if not isinstance(row, dict):
        raise BadInputError(f"{label} must hold one feedback row (a JSON object).")
    return row


def content_row_id(row: dict) -> str:
    """The row id of a row given without one: derived from its content (a uuid4-shaped hex of the
    SHA-256 of its canonical JSON), so that a script that runs the same ``feedback add`` again
    (a retry after a crash or a non-zero exit) records the row once, not twice."""
    canonical = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    digest = hashlib.sha256(canonical.encode("utf-8")).digest()[:16]
    return uuid.UUID(bytes=digest, version=4).hex


def cmd_add(args) -> int:
    row = _read_row_file(args.file)
    if row.get("row_id") in (None, ""):
        row = {**row, "row_id": content_row_id(row)}
    rid = row["row_id"]
    if isinstance(rid, str) and len(rid) == 32 and get_feedback(rid, decode=False) is not None:
        print(
            "This row was already recorded (same content, or the same row_id); nothing new was saved.", file=sys.stderr
        )
    row_id = record_feedback(row)  # returns only once the row is durable; a known row_id is not stored again
    print(row_id, flush=True)
    return 0


def _filters(args) -> dict:
    return {
        "recipe_id": args.recipe_id,
        "who": args.who,
        "model_version": args.model_version,
        "since": args.since,
        "until": args.until,
    }


def cmd_list(args) -> int:
    try:
        return _list(args)
    except BrokenPipeError:  # `spacetrash feedback list | head`: the reader went away; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _list(args) -> int:
    df = list_feedback(_filters(args))
    if args.limit and args.limit > 0:
        df = df.tail(args.limit)
    damaged = damaged_feedback_files()
    if damaged:
        print(
            f"warning: {len(damaged)} saved feedback file(s) could not be read; run `spacetrash feedback verify`",
            file=sys.stderr,
        )
    records = plain_records(df)
    if args.json:
        print(json.dumps([decode_feedback_row(r) for r in records], indent=2, ensure_ascii=False))
        return 0
    pva = predicted_vs_actual(df)
    by_row: dict[str, list[str]] = {}
    for r in pva.to_dict("records"):
        pred = "" if r["predicted"] is None or r["predicted"] != r["predicted"] else f" vs {r['predicted']:.3g}"
        band = ""
        if r["low"] is not None and r["low"] == r["low"] and r["high"] is not None and r["high"] == r["high"]:
            band = f" [{r['low']:.3g}, {r['high']:.3g}]" + ("" if r["inside_interval"] else " OUTSIDE")
        by_row.setdefault(r["row_id"], []).append(f"{r['property']} {r['actual']:.3g}{pred}{band} {r['unit']}")
    print(f"# {len(records)} feedback row(s): actual vs predicted [95% interval]")
    for r in records:
        passed = {True: "pass", False: "FAIL"}.get(r.get("passed"), "-")
        print(
            f"{(r['recorded_at'] or '')[:16].replace('T', ' ')}  {r['row_id'][:8]}  {r['recipe_id']:14s} "
            f"{(r.get('who') or '-')[:12]:12s} {passed:4s}  " + "; ".join(by_row.get(r["row_id"], []))
        )
    return 0


def cmd_export(args) -> int:
    res = export_feedback(args.out)
    print(
        f"Exported {res.rows} row(s) to {res.path} (sha256 {res.sha256[:16]}...), listed in {res.manifest}",
        file=sys.stderr,
    )
    print(res.path)
    return 0


def cmd_import(args) -> int:
    summary = import_feedback(args.files)
    for f in summary.files:
        print(f.describe(), file=sys.stderr)
    print(
        f"{summary.added} row(s) added, {summary.duplicates} already present, {summary.refused} file(s) refused",
        file=sys.stderr,
    )
    return 1 if summary.refused else 0


def cmd_compact(args) -> int:
    rep = compact_feedback()
    print(f"{rep.rows} row(s) in {rep.segments_after} file(s) (was {rep.segments_before})", file=sys.stderr)
    return 0


def cmd_verify(args) -> int:
    rep = verify_feedback()
    for name, reason in rep.damaged:
        print(f"{name}: damaged: {reason}")
    for rid in rep.duplicate_ids:
        print(f"row {rid}: recorded more than once")
    print(f"{rep.rows} row(s) in {rep.segments} file(s): {'ok' if rep.ok else 'PROBLEMS FOUND'}", file=sys.stderr)
    return 0 if rep.ok else 1
