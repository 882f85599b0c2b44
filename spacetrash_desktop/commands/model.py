"""``spacetrash model info|verify|install|rollback|train``: the model registry from the command line.

Failures print one plain line (``spacetrash: MODEL_ERROR: ...``) and exit non-zero.
"""

from __future__ import annotations

import argparse
import json
import sys


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


def _print_status(info, out=None) -> None:
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
        from spacetrash_desktop.domain import PROPERTY_NAMES

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
    from spacetrash_desktop.ml import registry

    info = registry.ensure_installed()
    info = registry.registry_status()
    if args.json:
        print(json.dumps({"status": info.to_dict(), "installed": registry.installed_bundles()}, indent=2, default=str))
        return 0
    _print_status(info)
    bundles = registry.installed_bundles()
    if bundles:
        print("\ninstalled:")
        for b in bundles:
            mark = "active " if b["active"] else ("previous" if b.get("previous") else "")
            print(f"  {mark:<9}{b['name']} {b['version']}  trained {b['trained_at'] or '?'}  ({b['folder']})")
    return 0


def cmd_verify(args) -> int:
    from pathlib import Path

    from spacetrash_desktop.errors import ModelError
    from spacetrash_desktop.ml import registry
    from spacetrash_desktop.ml.bundle import read_bundle
    from spacetrash_desktop.storage.paths import models_dir

    if args.path:
        path = Path(args.path)
    else:
        ptr = registry.read_pointer()
        if ptr is None:
            raise ModelError("No model is active; give a bundle to verify.")
        path = models_dir() / ptr["active"]
    contents, problems = read_bundle(path)
    if contents is None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        for p in problems[1:]:
            print(f"  - {p}", file=sys.stderr)
        raise ModelError(f"verification failed: {problems[0]}{more}")
    print(
        f"OK: {contents.name} {contents.version}: {len(contents.files) + 1} files verified "
        f"(manifest sha256 {contents.manifest_sha256[:16]}...)"
    )
    return 0


def cmd_install(args) -> int:
    from spacetrash_desktop.ml import registry

    info = registry.install_bundle(args.path)
    print(f"installed and active: {info.name} {info.version}")
    _print_status(info)
    return 0


def cmd_rollback(args) -> int:
    from spacetrash_desktop.ml import registry

    info = registry.rollback()
    print(f"rolled back; active: {info.name} {info.version}")
    _print_status(info)
    return 0


def cmd_train(args) -> int:
    from spacetrash_desktop.commands import PercentProgress
    from spacetrash_desktop.context import RunContext
    from spacetrash_desktop.ml import registry
    from spacetrash_desktop.ml.train import DEFAULT_NAME, DEFAULT_VERSION, TrainConfig

    ctx = RunContext(on_progress=PercentProgress())
    kw = {"config": TrainConfig.small() if args.quick else TrainConfig(), "name": args.name or DEFAULT_NAME}
    if args.out:
        kw["version"] = args.bundle_version or DEFAULT_VERSION
        path = registry.train_bundle(args.out, ctx, args.seed, **kw)
        print(file=sys.stderr)
        from spacetrash_desktop.ml.bundle import read_bundle

        contents, _ = read_bundle(path)
        print(f"wrote {path} ({sum(len(b) for b in contents.files.values()) // 1024} KiB)")
        _print_status(registry._info_from(contents))
        return 0
    if args.bundle_version:
        kw["version"] = args.bundle_version
    info = registry.train_and_install(ctx, args.seed, **kw)
    print(file=sys.stderr)
    print(f"trained, installed and active: {info.name} {info.version}")
    _print_status(info)
    return 0
