"""``spacetrash model info|verify|install|rollback|train``: the model registry from the command line.

Failures print one plain line (``spacetrash: MODEL_ERROR: ...``) and exit non-zero.
"""

from __future__ import annotations

import argparse
import json
import sys

from spacetrash_desktop.commands import PercentProgress
from spacetrash_desktop.context import RunContext
from spacetrash_desktop.domain import PROPERTY_NAMES, ModelInfo
from spacetrash_desktop.errors import ModelError
from spacetrash_desktop.services import model as model_service


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("model", help="the trained model: info, verify, install, rollback, train")
    msub = p.add_subparsers(dest="model_command", metavar="ACTION", required=True)

    i = msub.add_parser("info", help="the active model, why it is (or is not) used, its held-out figures")
    i.add_argument("--json", action="store_true", help="print the full status as JSON")
    i.set_defaults(func=cmd_info)

    v = msub.add_parser("verify", help="verify a model bundle (folder or .zip), or the active one")
    v.add_argument("path", nargs="?", default=None)
    v.set_defaults(func=cmd_verify)

    n = msub.add_parser("install", help="verify a model bundle (folder or .zip) and make it active")
    n.add_argument("path")
    n.set_defaults(func=cmd_install)

    r = msub.add_parser("rollback", help="make the previous model active again")
    r.set_defaults(func=cmd_rollback)

    t = msub.add_parser("train", help="train a model from the virtual lab (and install it, unless --out)")
    t.add_argument(
        "--out",
        default=None,
        metavar="DIR",
        help="write the bundle to DIR instead of installing it (e.g. models/spacetrash-residual)",
    )
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--quick", action="store_true", help="a small, fast model (for trying things out)")
    t.add_argument("--name", default=None, help="bundle name (default spacetrash-residual)")
    t.add_argument("--version", dest="bundle_version", default=None, help="bundle version (default 1.0.0)")
    t.set_defaults(func=cmd_train)


def _print_status(info: ModelInfo, out=None) -> None:
    out = out or sys.stdout
    print(f"status:  {info.status}", file=out)
    if info.name != "physics":
        print(f"model:   {info.name} {info.version}  (manifest sha256 {info.manifest_sha256[:16]}...)", file=out)
    print(f"reason:  {info.reason}", file=out)
    m = dict(info.metrics or {})
    held = m.get("held_out") or {}
    if held:
        cov = m.get("coverage") or {}
        width = m.get("mean_width") or {}
        print(f"\nheld-out test split (n = {m.get('n_test')}):", file=out)
        print(
            f"  {'property':<12}{'unit':>7}{'MAE physics':>14}{'MAE model':>12}{'ratio':>8}{'coverage 95%':>14}"
            f"{'mean width':>12}",
            file=out,
        )
        for name in [n for n in PROPERTY_NAMES if n in held]:
            h = held[name]
            print(
                f"  {name:<12}{h.get('unit') or '':>7}{_n(h.get('mae_physics')):>14}{_n(h.get('mae_model')):>12}"
                f"{_n(h.get('ratio'), 3):>8}{_n(cov.get(name), 3):>14}{_n(width.get(name)):>12}",
                file=out,
            )


def _n(x, nd: int = 4) -> str:
    if x is None:
        return "-"
    try:
        return f"{float(x):.{nd}g}" if nd != 3 else f"{float(x):.3f}"
    except (TypeError, ValueError):
        return str(x)


def cmd_info(args) -> int:
    info = model_service.status()
    bundles = model_service.installed_bundles()
    if args.json:
        print(json.dumps({"status": info.to_dict(), "installed": bundles}, indent=2, default=str))
        return 0
    _print_status(info)
    if bundles:
        print("\ninstalled:")
        for b in bundles:
            mark = "active " if b["active"] else ("previous" if b.get("previous") else "")
            print(f"  {mark:<9}{b['name']} {b['version']}  trained {b['trained_at'] or '?'}  ({b['folder']})")
    return 0


def cmd_verify(args) -> int:
    check = model_service.verify(args.path or None)
    if not check.ok:
        for p in check.problems[1:]:
            print(f"  - {p}", file=sys.stderr)
        raise ModelError(f"verification failed: {check.reason}")
    print(
        f"OK: {check.name} {check.version}: {check.n_files} files verified "
        f"(manifest sha256 {check.manifest_sha256[:16]}...)"
    )
    return 0


def cmd_install(args) -> int:
    info = model_service.install(args.path)
    print(f"installed and active: {info.name} {info.version}")
    _print_status(info)
    return 0


def cmd_rollback(args) -> int:
    info = model_service.rollback()
    print(f"rolled back; active: {info.name} {info.version}")
    _print_status(info)
    return 0


def cmd_train(args) -> int:
    ctx = RunContext(on_progress=PercentProgress())
    trained = model_service.train(
        ctx, out=args.out, seed=args.seed, quick=args.quick, name=args.name, version=args.bundle_version
    )
    print(file=sys.stderr)
    if trained.path is not None:
        print(f"wrote {trained.path} ({trained.size_bytes // 1024} KiB)")
    else:
        print(f"trained, installed and active: {trained.info.name} {trained.info.version}")
    _print_status(trained.info)
    return 0
