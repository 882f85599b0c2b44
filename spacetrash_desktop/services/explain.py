"""Why a recipe gets its predicted properties: the service behind the Candidates tab's explanation
pane and the Model panel. No Qt; the window calls it off the GUI thread.

For every property the answer has two parts:

* ``physics_drivers`` - the physics model's own terms, each a signed amount in the property's unit
  that add up to the physics estimate: for rigidity the log-decomposition of the effective modulus
  (materials' stiffness, porosity, binder bonding, mixed-polymer adhesion, product form); for
  tightness the product form's seal, melt continuity, porosity and adhesion (log-shares of the gap
  to a perfect seal); heating / machine energy per kg / per cycle; process water; crew time per cycle
  and per kg;
* ``ml`` (ML scorer only) - how the trained model moves the estimate away from physics: the exact
  TreeSHAP contributions of XGBoost (its blend weight, plus any feedback correction) per feature, with
  labels a crew understands, converted to the property's unit; the random forest's share and the
  remaining features are one line each, so the lines add up to ``value - physics``.

``contributions`` is the primary list for display (``contributions_source`` says which): the ML
contributions when a trained model moved the estimate, the physics drivers otherwise (physics-only
scorer, or a property the model leaves to physics).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from spacetrash_desktop.common import round_or_none
from spacetrash_desktop.domain import PROPERTIES, PROPERTY_NAMES, Recipe, WasteItem
from spacetrash_desktop.engine import physics as P
from spacetrash_desktop.engine.recipes import from_recipes
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.messages import msg
from spacetrash_desktop.ml.features import build_features, feature_label
from spacetrash_desktop.ml.model import ADDITIVE, OFFSETS
from spacetrash_desktop.services.generate import default_scorer
from spacetrash_desktop.services.inventory import load_catalog  # in the window's language (English elsewhere)

E_REF = 3000.0  # E_HIGH / E_LOW of the rigidity index


def form_word(form: str) -> str:
    """A product form (a dataset code: panel, tile, particles…) in the crew's language."""
    words = {
        "particles": msg("particles"),
        "panel": msg("panel"),
        "bag": msg("bag"),
        "tile": msg("tile"),
        "fabric": msg("fabric"),
        "filament": msg("filament"),
        "frame": msg("frame"),
    }
    return words.get(form, form)


def _catalog(catalog=None):
    return catalog or load_catalog()


def explain_recipe(recipe: Recipe, items: Sequence[WasteItem], scorer=None, top: int = 6, catalog=None) -> dict:
    """Explain one recipe's predicted properties (see the module doc for the structure)."""
    catalog = _catalog(catalog)
    scorer = scorer or default_scorer()
    tables = compile_tables(catalog, list(items))
    try:
        batch = from_recipes(tables, [recipe])
    except KeyError as exc:
        raise BadInputError(
            msg("The recipe uses {item!r}, which is not in the inventory or the catalog.", item=exc.args[0])
        ) from None
    except ValueError as exc:
        raise BadInputError(msg("The recipe cannot be explained: {error}", error=exc)) from None
    mass = float(recipe.batch_mass_kg)
    s = scorer.score(tables, batch, mass)
    phys = s.phys
    physics_vals = phys.objectives()[0]
    drivers = physics_drivers(tables, batch, phys)
    ml = _ml_part(scorer, tables, batch, phys, mass, s, top, catalog)
    props = {}
    for k, (name, unit, label) in enumerate(PROPERTIES):
        ml_k = ml[name] if ml else None
        entry = {
            "label": label,
            "unit": unit,
            "value": round_or_none(s.props[0, k]),
            "low": round_or_none(s.lo[0, k]),
            "high": round_or_none(s.hi[0, k]),
            "physics": round_or_none(physics_vals[k]),
            "physics_drivers": drivers[name],
            "ml": ml_k,
        }
        use_ml = ml_k is not None and bool(ml_k["contributions"])
        entry["contributions_source"] = "ml" if use_ml else "physics"
        lines = ml_k["contributions"] if ml_k is not None and use_ml else drivers[name]
        entry["contributions"] = lines[: max(int(top), 1)]
        entry["breakdown"] = breakdown(
            float(s.props[0, k]), float(physics_vals[k]), lines if use_ml else drivers[name], use_ml, top
        )
        props[name] = entry
    return {
        "recipe_id": recipe.recipe_id,
        "process_id": recipe.process_id,
        "kind": "ml" if ml else "physics",
        "model": scorer.info.to_dict(),
        "ood": bool(s.ood[0]),
        "properties": props,
        "notes": _notes(ml is not None, bool(s.ood[0]), any(e["contributions_source"] == "ml" for e in props.values())),
    }


BASE_LABELS = ("Perfect seal",)  # a physics driver that is where the sum starts, not a contribution (English)


def _perfect_seal() -> str:
    return msg("Perfect seal")


def _base_labels() -> tuple[str, ...]:
    """The starting-point labels in English and in the current language."""
    return (*BASE_LABELS, _perfect_seal())


def breakdown(value: float, physics: float, lines: Sequence[dict], from_model: bool, top: int = 3) -> dict:
    """A sum that adds up to ``value``: ``start`` (the physics estimate the trained model corrects, or a
    physics term that is a starting point such as the perfect seal) plus the ``top`` largest ``lines``
    plus ``rest`` (every term not shown, with a count) equals ``value`` exactly."""
    lines = [dict(d) for d in lines if np.isfinite(float(d.get("value", 0.0)))]
    start: dict | None = None
    if from_model:
        start = {"label": msg("Physics model estimate"), "value": float(physics)}
    else:
        first = next((d for d in lines if d.get("label") in _base_labels()), None)
        if first is not None:
            lines.remove(first)
            start = {"label": first["label"], "value": float(first["value"])}
    lines.sort(key=lambda d: -abs(float(d["value"])))
    shown = [{"label": d["label"], "value": float(d["value"])} for d in lines[: max(int(top), 1)] if d["value"] != 0]
    hidden = len([d for d in lines if d["value"] != 0]) - len(shown)
    correction = 0.0 if from_model else float(value) - float(physics)
    if abs(correction) > 1e-9:  # the model moved the value, by terms it cannot name: one line for it
        shown.append({"label": msg("Correction by the trained model"), "value": correction})
    rest = float(value) - (start["value"] if start else 0.0) - sum(d["value"] for d in shown)
    return {
        "value": float(value),
        "start": start,
        "lines": shown,
        "rest": {"label": _rest_label(from_model), "value": rest, "count": hidden},
    }


def _rest_label(from_model: bool) -> str:
    return msg("Everything else the trained model weighs") if from_model else msg("The other terms")


def _notes(is_ml: bool, ood: bool, corrected: bool = True) -> list[str]:
    out = []
    if is_ml and not corrected:
        out.append(
            msg(
                "The trained model made no correction to this recipe's values: each sum is the physics model's own terms."
            )
        )
    elif is_ml:
        out.append(
            msg(
                "The trained model starts from the physics model's estimate and corrects it from what it learnt "
                "(and from crew feedback); the lines show its largest corrections, in the property's unit."
            )
        )
    else:
        out.append(msg("The physics model alone made this prediction; the lines show its own terms."))
    if ood:
        out.append(msg("This recipe is far from the model's training data: trust the interval less."))
    return out


# ------------------------------------------------------------------------------------ physics


@dataclass(frozen=True)
class _Mix:
    """What the physics model computes about the first recipe's feed, shared by the drivers."""

    proc: int
    v: np.ndarray  # volume fractions of the materials
    phi_b: float  # molten share
    impurity: float  # mixed-polymer impurity of the molten phase
    needs: bool  # the process needs a molten binder
    por: float
    min_melt: float


def _mix(tables, batch, phys, i: int = 0) -> _Mix:
    proc = int(batch.proc[i])
    x = phys.material_frac[i]
    vol = x / tables.rho
    v = vol / max(vol.sum(), 1e-300)
    molten = tables.molten[proc]
    phi_b = float((v * molten).sum())
    vm = v * molten
    grp = np.zeros(tables.n_groups)
    np.add.at(grp, tables.group, vm)
    impurity = float(1.0 - ((grp / phi_b) ** 2).sum()) if phi_b > 0 else 0.0
    return _Mix(
        proc, v, phi_b, impurity, bool(tables.needs_melt[proc]), float(phys.porosity[i]), float(tables.min_melt[proc])
    )


def physics_drivers(tables, batch, phys) -> dict[str, list[dict]]:
    """The physics model's terms for the first recipe of ``batch``, in each property's unit."""
    mix = _mix(tables, batch, phys)
    out = {
        "rigidity": _rigidity_drivers(tables, phys, mix),
        "tightness": _tightness_drivers(tables, phys, mix),
        **_resource_drivers(tables, phys, mix.proc),
    }
    for lines in out.values():
        for d in lines:
            d["value"] = round(float(d["value"]), 6)
    return out


def _rigidity_drivers(tables, phys, mix: _Mix, i: int = 0) -> list[dict]:
    """The log-decomposition of the effective modulus, in index units."""
    proc, por, phi_b, min_melt = mix.proc, mix.por, mix.phi_b, mix.min_melt
    bond = float(P.smoothstep(np.array(phi_b / min_melt if min_melt > 0 else 1.0))) if mix.needs else 1.0
    e_solid = float(np.exp((mix.v * np.log(tables.modulus)).sum()))
    adh_e = 1.0 - P.K_ADH_E * mix.impurity
    structure = float(tables.structure[proc])
    pname = tables.processes[proc].name
    form = tables.processes[proc].product_form
    denom = np.log10(E_REF)

    def lg(f):
        return float(np.log10(max(f, 1e-12)) / denom)

    rig = [
        {
            "label": msg("Stiffness of the materials ({e_solid:.3g} GPa, rule of mixtures)", e_solid=e_solid),
            "value": lg(e_solid / P.E_LOW_GPA),
        },
        {"label": msg("Porosity ({por:.0%})", por=por), "value": 2 * lg(1 - por)},
        {
            "label": msg("Binder bonding ({phi_b:.0%} molten, needs {min_melt:.0%})", phi_b=phi_b, min_melt=min_melt)
            if mix.needs
            else msg("Binder bonding (not needed)"),
            "value": lg(bond),
        },
        {"label": msg("Poor adhesion between different polymers"), "value": lg(adh_e)},
        {"label": msg("Product form ({form}, {process})", form=form_word(form), process=pname), "value": lg(structure)},
    ]
    total = sum(d["value"] for d in rig)
    clip = float(phys.rigidity[i]) - total
    if abs(clip) > 1e-9:
        rig.append({"label": msg("Other physics effects (and the 0-1 limit of the index)"), "value": clip})
    return rig


def _tightness_drivers(tables, phys, mix: _Mix, i: int = 0) -> list[dict]:
    """Log-shares of the gap to a perfect seal."""
    proc, por, phi_b, needs = mix.proc, mix.por, mix.phi_b, mix.needs
    seal = float(tables.seal[proc])
    cont = float(P.smoothstep(np.array((phi_b - P.PHI_PERC) / (P.PHI_CONT - P.PHI_PERC)))) if needs else 1.0
    factors = [
        (
            msg(
                "Product form seals at most {seal:.0%} ({form})",
                seal=seal,
                form=form_word(tables.processes[proc].product_form),
            ),
            seal,
        ),
        (
            msg("Continuity of the molten phase ({phi_b:.0%} molten)", phi_b=phi_b)
            if needs
            else msg("Continuity (no melt needed)"),
            cont,
        ),
        (msg("Porosity ({por:.0%})", por=por), (1 - por) ** 2),
        (msg("Poor adhesion between different polymers"), 1.0 - P.K_ADH_T * mix.impurity),
    ]
    t_val = float(phys.tightness[i])
    logs = [np.log(max(f, 1e-12)) for _, f in factors]
    s_log = sum(logs)
    tight: list[dict] = [{"label": _perfect_seal(), "value": 1.0}]
    for (label, _), lf in zip(factors, logs, strict=True):
        tight.append({"label": label, "value": float((t_val - 1.0) * lf / s_log) if s_log != 0 else 0.0})
    return tight


def _resource_drivers(tables, phys, proc: int, i: int = 0) -> dict[str, list[dict]]:
    """Energy (heating, per kg, per cycle), process water, crew time (per cycle, per kg)."""
    feed = float(phys.feed_kg[i])
    batches = float(phys.batches[i])
    heat = float(phys.heat_kwh[i])
    energy = [
        {
            "label": msg(
                "Heating the feed to {temp:.0f} °C (incl. melting and drying)", temp=float(tables.temperature[proc])
            ),
            "value": heat,
        },
        {
            "label": msg("Machine energy per kg ({feed:.2f} kg of feed)", feed=feed),
            "value": float(tables.kwh_per_kg[proc] * feed),
        },
        {
            "label": msg("Machine energy per cycle ({batches:.0f} cycle(s))", batches=batches),
            # the tooling warm-up below replaces the per-cycle pre-heat figure of heated processes
            "value": float((tables.kwh_per_batch[proc] - tables.steps.replaced_kwh_per_batch[proc]) * batches),
        },
        *_hidden_step_drivers(phys, i, batches)["energy_kwh"],
    ]
    water = [
        {
            "label": msg(
                "Process water ({per_kg:g} L per kg x {feed:.2f} kg of feed)",
                per_kg=float(tables.water_per_kg[proc]),
                feed=feed,
            ),
            "value": float(phys.water_l[i]),
        }
    ]
    if phys.water_recovered_l[i] > 0:
        water.append(
            {
                "label": msg(
                    "(Water driven off the feed and recovered: {litres:.2f} L)",
                    litres=float(phys.water_recovered_l[i]),
                ),
                "value": 0.0,
            }
        )
    crew = [
        {
            "label": msg("Per cycle ({batches:.0f} cycle(s))", batches=batches),
            "value": float(tables.crew_per_batch[proc] * batches),
        },
        {"label": msg("Per kg of feed ({feed:.2f} kg)", feed=feed), "value": float(tables.crew_per_kg[proc] * feed)},
        *_hidden_step_drivers(phys, i, batches)["crew_min"],
    ]
    return {"energy_kwh": energy, "water_l": water, "crew_min": crew}


def _hidden_step_drivers(phys, i: int, batches: float) -> dict[str, list[dict]]:
    """The steps around the process (docs/PHYSICS.md, Hidden steps) that cost anything for this recipe."""
    energy: list[dict[str, Any]] = [
        {"label": msg("Shredding rigid items first"), "value": float(phys.shred_kwh[i])},
        {
            "label": msg("Drying wet items first ({kg:.2f} kg of water)", kg=float(phys.dried_water_kg[i])),
            "value": float(phys.drying_kwh[i]),
        },
        {
            "label": msg("Warming the tooling up ({batches:.0f} cycle(s))", batches=batches),
            "value": float(phys.warmup_kwh[i]),
        },
    ]
    crew: list[dict[str, Any]] = [
        {"label": msg("Shredding rigid items first"), "value": float(phys.shred_crew_min[i])},
        {"label": msg("Drying wet items first"), "value": float(phys.drying_crew_min[i])},
    ]
    return {
        "energy_kwh": [d for d in energy if d["value"] > 0],
        "crew_min": [d for d in crew if d["value"] > 0],
    }


# ------------------------------------------------------------------------------------ ML


def _ml_part(scorer, tables, batch, phys, mass, s, top, catalog) -> dict | None:
    ens = getattr(scorer, "ensemble", None)
    if ens is None:
        return None
    fb = build_features(tables, batch, phys, mass, ens.schema)
    contrib = ens.contributions(fb.X, weighted=True)[0]  # [5, F+1]
    Xi = ens.prepare(fb.X)
    r_rf, _ = ens.member_residuals(Xi)
    names = {m.material_id: m.name for m in catalog.materials.values()}
    names.update(dict(zip(tables.material_ids, tables.material_names)))
    pnames = {p.process_id: p.name for p in catalog.processes.values()}
    pnames.update({p.process_id: p.name for p in tables.processes})
    P0 = phys.objectives()[0]
    out = {}
    for k, name in enumerate(PROPERTY_NAMES):
        phi = contrib[k, :-1]
        bias = float(contrib[k, -1])
        rf_part = float(ens.w_rf[k] * r_rf[0, k])
        r_total = float(phi.sum() + bias + rf_part)
        p = float(P0[k])
        y = float(s.props[0, k])
        delta = y - p
        # one slope per property maps residual units to the property's unit and keeps the sum exact
        if abs(r_total) > 1e-12:
            slope = delta / r_total
        else:
            slope = 1.0 if ADDITIVE[k] else (max(p, 0.0) + OFFSETS[k])
        order = np.argsort(-np.abs(phi))
        shown = [j for j in order[: max(int(top), 1)] if abs(phi[j]) > 0]
        lines = [
            {
                "feature": ens.schema.columns[j],
                "label": feature_label(ens.schema.columns[j], names, pnames),
                "value": round(float(phi[j] * slope), 6),
            }
            for j in shown
        ]
        rest = float(phi.sum() - phi[shown].sum())
        out[name] = {
            "total": round(delta, 6),
            "contributions": lines,
            "other_features": round(rest * slope, 6),
            "average_correction": round(bias * slope, 6),
            "random_forest": round(rf_part * slope, 6),
        }
    return out


def global_importances(scorer=None, top: int = 10, catalog=None) -> dict:
    """What the active model relies on overall (for the Model panel): per property, the features
    with the largest mean |TreeSHAP contribution| on the held-out test split (stored in the bundle),
    as shares that add up to 1 over all features."""
    scorer = scorer or default_scorer()
    ens = getattr(scorer, "ensemble", None)
    info = scorer.info.to_dict()
    if ens is None:
        return {
            "model": info,
            "kind": "physics",
            "properties": {},
            "note": msg(
                "The physics model is in use: it has no learnt importances (see the physics drivers of a "
                "recipe instead)."
            ),
        }
    catalog = _catalog(catalog)
    names = {m.material_id: m.name for m in catalog.materials.values()}
    pnames = {p.process_id: p.name for p in catalog.processes.values()}
    imp = (ens.extra or {}).get("importances", {})
    gated = np.asarray(getattr(ens, "gate_xgb", np.zeros(len(PROPERTY_NAMES), bool)), bool)
    corrections = list(getattr(ens, "correction", ()) or ())
    props: dict[str, list[dict]] = {}
    unused: list[str] = []
    from_feedback: list[str] = []
    for k, name in enumerate(PROPERTY_NAMES):
        if k < len(gated) and gated[k]:
            # the member did not beat physics on validation: it is not used, so its importances
            # would describe nothing the model does
            props[name] = []
            has_corr = k < len(corrections) and corrections[k] is not None
            (from_feedback if has_corr else unused).append(name)
            continue
        d = imp.get(name, {})
        total = sum(d.values()) or 1.0
        ranked = sorted(d.items(), key=lambda kv: -kv[1])[: max(int(top), 1)]
        props[name] = [
            {"feature": f, "label": feature_label(f, names, pnames), "share": round(v / total, 4)} for f, v in ranked
        ]
    # crew-facing: the technical names (XGBoost member, mean |TreeSHAP| on the test split) are in the docs
    note = msg("How much the trained model's correction leans on each input, on data it was not trained on.")
    if unused:
        note += msg(
            " For {properties} the trained model learnt nothing beyond the physics model (its "
            "correction did not beat physics on held-out data and is not used), so there is nothing to show.",
            properties=", ".join(unused),
        )
    if from_feedback:
        note += msg(
            " For {properties} what the model learnt comes from crew feedback only; "
            "see each recipe's contributions ('why it scores so').",
            properties=", ".join(from_feedback),
        )
    return {
        "model": info,
        "kind": "ml",
        "properties": props,
        "note": note,
        "gated": unused + from_feedback,
        "learnt_from_feedback": from_feedback,
    }
