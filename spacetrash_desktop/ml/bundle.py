"""Model bundles: a folder (or a zip of one) holding

* ``manifest.json`` - every other file with its sha256 and size, plus name, version, trained_on,
  trained_at, library versions, the feature schema, the targets, held-out metrics against the physics
  model and interval coverage; it carries its own hash (``self_sha256``, over its canonical form) and
  must be byte-for-byte in canonical form, so no byte of it can change unnoticed;
* ``metadata.json`` - blend weights, the members' do-no-harm gates (``gate``: per member and
  property, True where the member is replaced by the physics model; absent in bundles made before
  the gates, which load ungated), conformal quantiles, imputation values, the OOD projection,
  structural zeros, importances (plain JSON numbers);
* ``rf.skops`` - the random forest (skops, loaded with an explicit list of trusted types);
* ``xgb_<target>.ubj``, ``difficulty_<target>.ubj`` - XGBoost boosters in XGBoost's own format;
* ``corr_<target>.ubj`` - the feedback correction (stage 2) of a target, only in bundles trained on
  crew feedback that taught one (``metadata.json`` ``files.correction`` and ``shrink``). The family
  offsets (``ml/offsets.py``) are numbers in ``metadata.json`` ``offsets`` (absent: none).

**Verification runs before any deserialiser**: the bytes of every file are read once into memory,
the file set must equal the manifest's (no extra, no missing, no folders, no links), each size and
sha256 must match, the manifest's own fields, the feature schema and the library versions must be
compatible. Only then are the *same in-memory bytes* handed to skops and XGBoost (no window between
checking a file and loading it). Nothing here uses pickle.

Integrity, not authenticity: the hashes catch corruption and tampering with a bundle's contents, but
whoever can rewrite the whole bundle can rewrite its manifest too (signing is listed as future work in
docs/ML.md).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import re
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from importlib import metadata as dist_metadata
from pathlib import Path

import numpy as np

from spacetrash_desktop._version import __version__
from spacetrash_desktop.domain import PROPERTY_NAMES
from spacetrash_desktop.errors import ModelError
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml.features import FeatureSchema, schema_problems
from spacetrash_desktop.ml.model import Ensemble, OODModel
from spacetrash_desktop.ml.offsets import FamilyOffsets
from spacetrash_desktop.storage.atomic import fsync_dir

MANIFEST = "manifest.json"
METADATA = "metadata.json"
BUNDLE_KIND = "spacetrash-model-bundle"
MANIFEST_VERSION = 1
# 2: + the member gates ("gate"). An app that predates them would ignore them and feed the ungated
# members' disagreement to the interval widths (miscalibrated intervals), so it must refuse format 2;
# this app reads both (a format-1 bundle has no gates: every member is used as blended).
METADATA_FORMAT = 2
READABLE_METADATA_FORMATS = (1, 2)
SAFE_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")
SAFE_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.+\-]{0,63}$")
MAX_FILE_BYTES = 100_000_000
MAX_MANIFEST_BYTES = 2_000_000
MAX_FILES = 64
REQUIRED_KEYS = {
    "kind": str,
    "manifest_version": int,
    "name": str,
    "version": str,
    "trained_on": dict,
    "trained_at": str,
    "libraries": dict,
    "feature_schema": dict,
    "targets": list,
    "metrics": dict,
    "files": dict,
    "self_sha256": str,
}
# skops: the types get_untrusted_types may report (everything else must be a skops default) ...
SKOPS_TRUSTED = ("sklearn.tree._tree.Tree",)
# ... and the complete list of types and node kinds the forest file may contain (checked on its schema
# before skops touches it: defence in depth, the hash manifest is the main control)
SKOPS_ALLOWED_TYPES = frozenset(
    {
        "sklearn.ensemble._forest.RandomForestRegressor",
        "sklearn.tree._classes.DecisionTreeRegressor",
        "sklearn.tree._tree.Tree",
        "builtins.dict",
        "builtins.list",
        "builtins.str",
        "builtins.tuple",
        "builtins.int",
        "builtins.float",
        "builtins.bool",
        "builtins.NoneType",
        "numpy.ndarray",
        "numpy.dtype",
        "numpy.float64",
        "numpy.float32",
        "numpy.int64",
        "numpy.intp",
        "numpy.random.mtrand.RandomState",
        "numpy.random._mt19937.MT19937",
    }
)
SKOPS_ALLOWED_LOADERS = frozenset(
    {
        "DictNode",
        "JsonNode",
        "ListNode",
        "NdArrayNode",
        "ObjectNode",
        "TreeNode",
        "TupleNode",
        "TypeNode",
        "NumpyDtypeNode",
        "RandomStateNode",
    }
)


def canonical_json(obj) -> bytes:
    return (json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=True, allow_nan=False) + "\n").encode("ascii")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_self_hash(manifest: Mapping) -> str:
    body = {k: v for k, v in manifest.items() if k != "self_sha256"}
    return sha256_bytes(canonical_json(body))


_LIB_CACHE: dict[str, str] = {}


def _dist_version(module: str, dists: tuple[str, ...]) -> str:
    """A library's version without importing it (importing scikit-learn takes over a second); the
    import is the fallback where package metadata is not shipped (frozen builds)."""
    if module in _LIB_CACHE:
        return _LIB_CACHE[module]
    version = ""
    for d in dists:
        try:
            version = dist_metadata.version(d)
            break
        except dist_metadata.PackageNotFoundError:
            continue
    if not version:
        version = str(getattr(import_module(module), "__version__", ""))
    _LIB_CACHE[module] = version
    return version


def library_versions() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": _dist_version("sklearn", ("scikit-learn",)),
        "xgboost": _dist_version("xgboost", ("xgboost-cpu", "xgboost")),
        "skops": _dist_version("skops", ("skops",)),
        "spacetrash-desktop": __version__,
    }


def _vtuple(v: str) -> tuple[int, ...]:
    out = []
    for part in re.split(r"[.+\-]", str(v)):
        if not part.isdigit():
            break
        out.append(int(part))
    return tuple(out)


def library_problems(trained: Mapping) -> list[str]:
    """Bundles load only with the libraries they can be read by: the same scikit-learn minor version
    (skops restores the forest's attributes, which change between minor versions) and an XGBoost of
    the same major version that is at least as new as the one that saved the boosters."""
    cur = library_versions()
    out = []
    sk_t, sk_c = _vtuple(trained.get("scikit-learn", "")), _vtuple(cur["scikit-learn"])
    if len(sk_t) < 2 or sk_t[:2] != sk_c[:2]:
        out.append(
            f"the model was trained with scikit-learn {trained.get('scikit-learn', '?')}, but this app has "
            f"{cur['scikit-learn']}; retrain the model with this app"
        )
    x_t, x_c = _vtuple(trained.get("xgboost", "")), _vtuple(cur["xgboost"])
    if not x_t or x_t[:1] != x_c[:1] or x_t > x_c:
        out.append(
            f"the model was trained with XGBoost {trained.get('xgboost', '?')}, which this app's XGBoost "
            f"{cur['xgboost']} cannot read safely; retrain the model with this app"
        )
    return out


# -------------------------------------------------------------------------------------- reading


@dataclass
class BundleContents:
    manifest: dict
    files: dict[str, bytes]  # verified bytes, by file name (manifest excluded)
    manifest_sha256: str  # sha256 of manifest.json's bytes

    @property
    def name(self) -> str:
        return str(self.manifest.get("name", ""))

    @property
    def version(self) -> str:
        return str(self.manifest.get("version", ""))

    def metadata(self) -> dict:
        return json.loads(self.files[METADATA].decode("utf-8"))


def _read_folder(path: Path, problems: list[str]) -> dict[str, bytes] | None:
    entries: dict[str, bytes] = {}
    try:
        listing = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        problems.append(msg("the bundle folder cannot be read ({why})", why=exc.strerror or type(exc).__name__))
        return None
    if len(listing) > MAX_FILES:
        problems.append(msg("the bundle holds {n} entries; at most {most} are allowed", n=len(listing), most=MAX_FILES))
        return None
    for e in listing:
        if e.is_symlink():
            problems.append(msg("unexpected link {name!r} in the bundle", name=e.name))
            continue
        if e.is_dir():
            problems.append(msg("unexpected folder {name!r} in the bundle", name=e.name))
            continue
        if not e.is_file():
            problems.append(msg("unexpected entry {name!r} in the bundle", name=e.name))
            continue
        try:
            size = e.stat().st_size
            if size > MAX_FILE_BYTES:
                problems.append(msg("file {name!r} is too large ({size:,} bytes)", name=e.name, size=size))
                continue
            with open(e.path, "rb") as fh:
                entries[e.name] = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            problems.append(
                msg("file {name!r} cannot be read ({why})", name=e.name, why=exc.strerror or type(exc).__name__)
            )
    return entries


def _read_zip(path: Path, problems: list[str]) -> dict[str, bytes] | None:
    entries: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_FILES:
                problems.append(
                    msg("the bundle holds {n} entries; at most {most} are allowed", n=len(infos), most=MAX_FILES)
                )
                return None
            names = [i.filename for i in infos]
            # a zip of a bundle folder may keep the folder as one top-level prefix
            prefix = ""
            tops = {n.split("/", 1)[0] for n in names}
            if len(tops) == 1 and all("/" in n for n in names):
                prefix = next(iter(tops)) + "/"
            for info in infos:
                name = info.filename[len(prefix) :]
                if info.is_dir():
                    if name:
                        problems.append(msg("unexpected folder {name!r} in the bundle", name=name))
                    continue
                if "/" in name or "\\" in name or not SAFE_FILE.match(name):
                    problems.append(msg("unexpected entry {name!r} in the bundle", name=info.filename))
                    continue
                if name in entries:
                    problems.append(msg("the bundle holds {name!r} twice", name=name))
                    continue
                if info.file_size > MAX_FILE_BYTES:
                    problems.append(msg("file {name!r} is too large ({size:,} bytes)", name=name, size=info.file_size))
                    continue
                entries[name] = zf.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        problems.append(msg("the bundle archive is damaged or unreadable ({why})", why=type(exc).__name__))
        return None
    return entries


def manifest_problems(manifest) -> list[str]:
    """The manifest's own fields (types, names, targets, schema, libraries, file list)."""
    out: list[str] = []
    if not isinstance(manifest, dict):
        return [msg("manifest.json is not a JSON object")]
    for key, typ in REQUIRED_KEYS.items():
        if key not in manifest:
            out.append(msg("manifest.json lacks the field {key!r}", key=key))
        elif not isinstance(manifest[key], typ) or (typ is int and isinstance(manifest[key], bool)):
            out.append(msg("manifest.json field {key!r} has the wrong type", key=key))
    if out:
        return out
    if manifest["kind"] != BUNDLE_KIND:
        out.append(msg("this is not a Space Trash model bundle"))
    if manifest["manifest_version"] != MANIFEST_VERSION:
        out.append(
            msg(
                "manifest version {found} is not supported (this app reads version {reads})",
                found=manifest["manifest_version"],
                reads=MANIFEST_VERSION,
            )
        )
    if not SAFE_NAME.match(manifest["name"]):
        out.append(msg("the bundle name is not valid (lower-case letters, digits, '-' and '_')"))
    if not SAFE_VERSION.match(manifest["version"]):
        out.append(msg("the bundle version is not valid"))
    if list(manifest["targets"]) != list(PROPERTY_NAMES):
        out.append(
            msg(
                "the bundle predicts {found}, not this app's properties {expected}",
                found=manifest["targets"],
                expected=list(PROPERTY_NAMES),
            )
        )
    out.extend(
        msg("incompatible feature schema: {problem}", problem=p) for p in schema_problems(manifest["feature_schema"])
    )
    out.extend(library_problems(manifest["libraries"]))
    files = manifest["files"]
    if METADATA not in files:
        out.append(msg("manifest.json does not list {file}", file=METADATA))
    for name, spec in files.items():
        if name == MANIFEST or not SAFE_FILE.match(name):
            out.append(msg("manifest.json lists an invalid file name {name!r}", name=name))
        elif (
            not isinstance(spec, dict)
            or not isinstance(spec.get("sha256"), str)
            or not re.fullmatch(r"[0-9a-f]{64}", spec["sha256"])
            or not isinstance(spec.get("size"), int)
            or isinstance(spec.get("size"), bool)
            or spec["size"] < 0
        ):
            out.append(msg("manifest.json entry for {name!r} needs a sha256 and a size", name=name))
    return out


def read_bundle(path: Path | str) -> tuple[BundleContents | None, list[str]]:
    """Read and verify a bundle (folder or .zip) without deserialising any model. Returns the verified
    contents, or None and the list of problems (plain sentences, no paths)."""
    path = Path(path)
    problems: list[str] = []
    if path.is_dir():
        entries = _read_folder(path, problems)
    elif path.is_file() and zipfile.is_zipfile(path):
        entries = _read_zip(path, problems)
    elif path.exists():
        return None, [msg("the file is neither a model bundle folder nor a zip archive of one")]
    else:
        return None, [msg("the model bundle does not exist")]
    if entries is None:
        return None, problems
    raw = entries.pop(MANIFEST, None)
    if raw is None:
        return None, problems + [msg("the bundle has no manifest.json")]
    if len(raw) > MAX_MANIFEST_BYTES:
        return None, problems + ["manifest.json is too large"]
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, problems + [msg("manifest.json is damaged (not valid JSON)")]
    try:
        canonical = canonical_json(manifest)
    except (TypeError, ValueError):
        return None, problems + [msg("manifest.json holds values that are not allowed")]
    if canonical != raw:
        problems.append(msg("manifest.json was modified (it is not in its canonical form)"))
    elif not isinstance(manifest, dict) or manifest.get("self_sha256") != manifest_self_hash(manifest):
        problems.append(msg("manifest.json was modified (its own checksum does not match)"))
    mp = manifest_problems(manifest)
    problems.extend(mp)
    if not mp:
        listed = manifest["files"]
        for name in sorted(set(entries) - set(listed)):
            problems.append(msg("unexpected file {name!r} in the bundle (not in the manifest)", name=name))
        for name in sorted(set(listed) - set(entries)):
            problems.append(msg("file {name!r} listed in the manifest is missing", name=name))
        for name in sorted(set(listed) & set(entries)):
            data, spec = entries[name], listed[name]
            if len(data) != spec["size"]:
                problems.append(
                    msg(
                        "file {name!r} has the wrong size ({size:,} bytes, manifest says {expected:,})",
                        name=name,
                        size=len(data),
                        expected=spec["size"],
                    )
                )
            elif sha256_bytes(data) != spec["sha256"]:
                problems.append(msg("file {name!r} was modified or damaged (checksum mismatch)", name=name))
    if problems:
        return None, problems
    contents = BundleContents(manifest, entries, sha256_bytes(raw))
    try:
        meta = contents.metadata()
    except (UnicodeDecodeError, ValueError):
        return None, [msg("metadata.json is not valid JSON")]
    problems.extend(_metadata_problems(meta, manifest))
    if problems:
        return None, problems
    return contents, []


def _metadata_problems(meta, manifest) -> list[str]:
    if (
        not isinstance(meta, dict)
        or meta.get("format") not in READABLE_METADATA_FORMATS
        or isinstance(meta.get("format"), bool)
    ):
        return ["metadata.json has an unsupported format"]
    files = meta.get("files")
    if not isinstance(files, dict):
        return ["metadata.json does not name the model files"]
    names = [files.get("rf")] + list(files.get("xgb") or []) + list(files.get("difficulty") or [])
    if (
        not all(isinstance(n, str) for n in names)
        or len(files.get("xgb") or []) != len(PROPERTY_NAMES)
        or len(files.get("difficulty") or []) != len(PROPERTY_NAMES)
    ):
        return ["metadata.json does not name one forest and five boosters of each kind"]
    if "correction" in files:  # stage 2 (feedback corrections): one booster or null per property
        corr = files["correction"]
        shrink = meta.get("shrink")
        if (
            not isinstance(corr, list)
            or len(corr) != len(PROPERTY_NAMES)
            or not all(n is None or isinstance(n, str) for n in corr)
        ):
            return ["metadata.json does not name one feedback correction (or none) per property"]
        if (
            not isinstance(shrink, list)
            or len(shrink) != len(PROPERTY_NAMES)
            or not all(isinstance(x, (int, float)) and not isinstance(x, bool) and 0 <= x <= 1 for x in shrink)
        ):
            return ["metadata.json has no valid weight for each feedback correction"]
        names += [n for n in corr if n is not None]
    if "gate" in meta:  # do-no-harm gates: one flag per property for each stage-1 member
        gate = meta["gate"]
        if (
            not isinstance(gate, dict)
            or set(gate) != {"random_forest", "xgboost"}
            or not all(
                isinstance(v, list) and len(v) == len(PROPERTY_NAMES) and all(isinstance(x, bool) for x in v)
                for v in gate.values()
            )
        ):
            return ["metadata.json has no valid member gate (true or false) for each property"]
    if meta.get("offsets") is not None:  # family offsets; bundles made before them have none
        try:
            FamilyOffsets.from_dict(meta["offsets"])
        except (KeyError, TypeError, ValueError, AttributeError):
            return ["metadata.json has invalid family offsets"]
    listed = set(manifest["files"])
    out = [f"metadata.json refers to {n!r}, which the manifest does not list" for n in names if n not in listed]
    unused = listed - set(names) - {METADATA}
    out.extend(f"file {n!r} is listed but not used by the model" for n in sorted(unused))
    if not str(files.get("rf", "")).endswith(".skops"):
        out.append("the forest must be a .skops file")
    if not all(str(n).endswith(".ubj") for n in names[1:]):
        out.append("the boosters must be .ubj files")
    return out


def verify_bundle(path: Path | str) -> list[str]:
    """Problems that stop a bundle from being installed or loaded (empty when it is usable)."""
    return read_bundle(path)[1]


# -------------------------------------------------------------------------------------- loading


def _skops_schema_problems(data: bytes) -> list[str]:
    """Audit the forest file's schema against the explicit list of allowed types and node kinds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            schema = json.loads(zf.read("schema.json"))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return ["the forest file is not a valid skops archive"]
    types: set[str] = set()
    loaders: set[str] = set()
    stack = [schema]
    while stack:
        o = stack.pop()
        if isinstance(o, dict):
            if "__class__" in o and "__module__" in o:
                types.add(f"{o['__module__']}.{o['__class__']}")
            if "__loader__" in o:
                loaders.add(str(o["__loader__"]))
            stack.extend(o.values())
        elif isinstance(o, list):
            stack.extend(o)
    bad = sorted(types - SKOPS_ALLOWED_TYPES) + sorted(loaders - SKOPS_ALLOWED_LOADERS)
    if bad:
        return [f"the forest file contains types that are not allowed: {', '.join(bad[:5])}"]
    return []


def load_forest(data: bytes, n_features: int):
    """skops load of the verified forest bytes with the explicit trusted-types list."""
    import skops.io as sio  # noqa: PLC0415 - heavy (over a second), loaded only to read a bundle
    from sklearn.ensemble import RandomForestRegressor  # noqa: PLC0415 - heavy, as above

    problems = _skops_schema_problems(data)
    if problems:
        raise ModelError(problems[0])
    untrusted = sio.get_untrusted_types(data=data)
    unexpected = sorted(set(untrusted) - set(SKOPS_TRUSTED))
    if unexpected:
        raise ModelError(f"the forest file contains untrusted types: {', '.join(unexpected[:5])}")
    try:
        rf = sio.load(io.BytesIO(data), trusted=list(SKOPS_TRUSTED))
    except Exception as exc:  # skops raises many kinds; the user gets one plain line
        raise ModelError("the forest in the model bundle cannot be read by this app", details=repr(exc)) from None
    if not isinstance(rf, RandomForestRegressor):
        raise ModelError("the forest in the model bundle is not a random forest regressor")
    if getattr(rf, "n_features_in_", None) != n_features or getattr(rf, "n_outputs_", None) != len(PROPERTY_NAMES):
        raise ModelError("the forest in the model bundle does not match its feature schema")
    return rf


def load_booster(data: bytes, n_features: int, name: str = ""):
    """An XGBoost booster from the verified .ubj bytes."""
    import xgboost as xgb  # noqa: PLC0415 - heavy, loaded only to read a bundle

    what = f"the booster {name}" if name else "a booster in the model bundle"
    booster = xgb.Booster()
    try:
        booster.load_model(bytearray(data))
    except Exception as exc:  # xgboost.core.XGBoostError and friends
        raise ModelError(f"{what} cannot be read by this app", details=repr(exc)) from None
    got = booster.num_features()
    if got != n_features:
        raise ModelError(
            f"{what} does not match the feature schema (it takes {got} features; the schema gives {n_features})"
        )
    return booster


def _booster_roles(files: Mapping, n_features: int) -> list[tuple[str, int]]:
    """(file name, features it must take) for every booster the metadata names: the property and
    correction boosters take the schema's features, the difficulty boosters one more."""
    roles = [(n, n_features) for n in files["xgb"]] + [(n, n_features + 1) for n in files["difficulty"]]
    roles += [(n, n_features) for n in files.get("correction") or [] if n is not None]
    return roles


def load_checked(contents: BundleContents, nthread: int = 2):
    """What only reading the model files shows (run at install, after :func:`read_bundle`): each
    booster against the role the metadata gives it and the manifest's feature schema (a bundle whose
    boosters were swapped and re-hashed passes the hash checks), then the forest, the OOD projection
    and the per-process tables (a full load). Returns (the loaded Ensemble or None, problems)."""
    try:
        n_features = FeatureSchema.from_dict(contents.manifest["feature_schema"]).n
        roles = _booster_roles(contents.metadata()["files"], n_features)
    except (KeyError, TypeError, ValueError) as exc:
        return None, [f"the model bundle's metadata is incomplete ({exc!r})"]
    problems = []
    for name, want in roles:
        try:
            load_booster(contents.files[name], want, name)
        except ModelError as exc:
            problems.append(exc.message)
    if problems:
        return None, problems
    try:
        return load_ensemble(contents, nthread=nthread), []
    except ModelError as exc:
        return None, [exc.message]


def model_file_problems(contents: BundleContents) -> list[str]:
    """The problems :func:`load_checked` finds (empty when the bundle loads)."""
    return load_checked(contents, nthread=1)[1]


def load_ensemble(contents: BundleContents, nthread: int = 2):
    """Deserialise a *verified* bundle (from :func:`read_bundle`) into an :class:`Ensemble`."""
    meta = contents.metadata()
    schema = FeatureSchema.from_dict(contents.manifest["feature_schema"])
    F = schema.n
    files = meta["files"]
    try:
        rf = load_forest(contents.files[files["rf"]], F)
        xgbs = [load_booster(contents.files[n], F, n) for n in files["xgb"]]
        diffs = [load_booster(contents.files[n], F + 1, n) for n in files["difficulty"]]
        for b in (*xgbs, *diffs):
            b.set_param({"nthread": int(nthread)})
        f5 = lambda key: np.asarray(meta[key], float).reshape(len(PROPERTY_NAMES))  # noqa: E731
        impute = np.asarray(meta["impute"], np.float32).reshape(F)
        ood = OODModel.from_dict(meta["ood"])
        if ood.mean.shape != (F,) or ood.components.shape[1] != F:
            raise ModelError("the model bundle's OOD projection does not match its feature schema")
        zeros = {str(k): [bool(x) for x in v] for k, v in meta["structural_zero"].items()}
        q_proc = {str(k): [float(x) for x in v] for k, v in meta["q_by_process"].items()}
        if any(len(v) != len(PROPERTY_NAMES) for v in zeros.values()) or any(
            len(v) != len(PROPERTY_NAMES) for v in q_proc.values()
        ):
            raise ModelError("the model bundle's per-process tables do not match its properties")
        corr: list = []
        shrink = np.zeros(len(PROPERTY_NAMES))
        if "correction" in files:  # stage 2: feedback corrections (bundles retrained on crew feedback)
            corr = [None if n is None else load_booster(contents.files[n], F, n) for n in files["correction"]]
            shrink = f5("shrink")
            for b in corr:
                if b is not None:
                    b.set_param({"nthread": int(nthread)})
        gate = meta.get("gate") or {}  # bundles made before the gates: no member is gated
        g_rf = np.array(gate.get("random_forest", [False] * len(PROPERTY_NAMES)), bool).reshape(len(PROPERTY_NAMES))
        g_x = np.array(gate.get("xgboost", [False] * len(PROPERTY_NAMES)), bool).reshape(len(PROPERTY_NAMES))
        return Ensemble(
            schema=schema,
            rf=rf,
            rf_scale=f5("rf_scale"),
            xgb=xgbs,
            difficulty=diffs,
            gate_rf=g_rf,
            gate_xgb=g_x,
            w_rf=f5("w_rf"),
            w_xgb=f5("w_xgb"),
            q=f5("q"),
            sigma_floor=f5("sigma_floor"),
            impute=impute,
            ood=ood,
            structural_zero=zeros,
            alpha=float(meta.get("alpha", 0.05)),
            nthread=int(nthread),
            extra={"importances": meta.get("importances", {})},
            q_by_process=q_proc,
            correction=corr,
            shrink=shrink,
            offsets=FamilyOffsets.from_dict(meta.get("offsets")),
        )
    except ModelError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError("the model bundle's metadata is incomplete", details=repr(exc)) from None


def load_bundle(path: Path | str, nthread: int = 2):
    """Verify, then load. Raises :class:`ModelError` with the first problem."""
    contents, problems = read_bundle(path)
    if contents is None:
        raise ModelError(f"The model bundle was refused: {problems[0]}", details="; ".join(problems))
    return contents, load_ensemble(contents, nthread=nthread)


# -------------------------------------------------------------------------------------- writing


def canonical_skops(data: bytes) -> bytes:
    """Rewrite a skops archive so the same forest always gives the same bytes: object ids and array
    file names (memory addresses in skops' output) become sequence numbers, entries are sorted and
    stamped 1980-01-01. The archive loads exactly as before."""
    src = zipfile.ZipFile(io.BytesIO(data))
    schema = json.loads(src.read("schema.json"))
    ids: dict = {}
    names: dict = {}
    files = set(src.namelist()) - {"schema.json"}

    def walk(o):
        if isinstance(o, dict):
            out = {}
            for k, v in o.items():
                if k == "__id__" and isinstance(v, int):
                    out[k] = ids.setdefault(v, len(ids) + 1)
                elif k == "file" and isinstance(v, str) and v in files:
                    out[k] = names.setdefault(v, f"{len(names) + 1:06d}.npy")
                else:
                    out[k] = walk(v)
            return out
        if isinstance(o, list):
            return [walk(v) for v in o]
        return o

    schema = walk(schema)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:

        def put(name: str, payload: bytes):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, payload, compresslevel=6)

        put("schema.json", json.dumps(schema, indent=2, sort_keys=True).encode("utf-8"))
        for old, new in sorted(names.items(), key=lambda kv: kv[1]):
            put(new, src.read(old))
    return buf.getvalue()


def build_manifest(
    *,
    name: str,
    version: str,
    trained_on: dict,
    trained_at: str,
    feature_schema: FeatureSchema,
    metrics: dict,
    files: Mapping[str, bytes],
    libraries: dict | None = None,
) -> dict:
    manifest = {
        "kind": BUNDLE_KIND,
        "manifest_version": MANIFEST_VERSION,
        "name": name,
        "version": version,
        "trained_on": trained_on,
        "trained_at": trained_at,
        "libraries": libraries or library_versions(),
        "feature_schema": feature_schema.to_dict(),
        "targets": list(PROPERTY_NAMES),
        "metrics": metrics,
        "files": {n: {"sha256": sha256_bytes(b), "size": len(b)} for n, b in sorted(files.items())},
    }
    manifest["self_sha256"] = manifest_self_hash(manifest)
    return manifest


def write_bundle(out_dir: Path | str, manifest: dict, files: Mapping[str, bytes]) -> Path:
    """Write a bundle folder: files into a temporary sibling folder (fsynced), then swapped in; an
    existing bundle at ``out_dir`` is replaced only once the new one is complete."""
    out_dir = Path(out_dir)
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=parent))
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; a bundle folder is an ordinary folder
        for name, data in {**files, MANIFEST: canonical_json(manifest)}.items():
            with open(tmp / name, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        fsync_dir(tmp)
        old = None
        if out_dir.exists():
            old = parent / f".{out_dir.name}.old-{os.getpid()}"
            os.replace(out_dir, old)
        os.replace(tmp, out_dir)
        fsync_dir(parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir
