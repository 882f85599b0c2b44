"""The physics property model, vectorised over batches of recipes.

Arrays in, arrays out: no per-recipe Python loop. Every formula and assumption is listed in
``docs/PHYSICS.md`` (the Target tab links to it); the short version:

Feed (per kg of wet feed)
    Each slot k contributes ``(1 - reg) * frac_k`` kg of wet item, of which ``moisture_k`` is water.
    ``x_m`` is the mass of dry material m per kg of feed (regolith included), ``h`` the water.
Phases
    Volume fractions of the solids ``v_m = (x_m / rho_m) / sum(x / rho)``. A material is *molten*
    when the process is heated to at least its melting point (thermoplastics only). ``phi_b`` is the
    molten volume fraction and ``phi_f = 1 - phi_b`` the filler. The *binder* is the melt of a
    melt-bound process or the ``binder_materials`` of a cold one (regolith bonded by the activator).
Porosity
    Fillers pack at most to ``PHI_MAX`` (0.5: pressed irregular grains). In a melt-bound process the binder
    fills the interstices of the packed filler; what it cannot fill stays as voids:
    ``p_pack = max(0, phi_f (1-PHI_MAX)/PHI_MAX - phi_b) / V_compact``. Total porosity
    ``p = 1 - (1 - base_porosity)(1 - p_pack)(1 - w)`` where ``w`` is the free water a process below
    100 deg C keeps beyond the part's own pores (it carries no load and dries to a void). This is how
    regolith first stiffens (a stiff filler) and then embrittles (too little binder: voids, loose grains).
Consolidation (vetting, hard rule)
    ``binder_fraction`` (volume share of the product) below the process's minimum: infeasible; filler
    or short-fibre mass share above the process's cap: infeasible.
Rigidity
    ``E_solid = exp(sum v_m ln E'_m)`` (Lichtenecker logarithmic rule of mixtures; a fibre in a binder
    enters with ``E_f eta_l eta_o``, Kelly-Tyson x Krenchel), then
    ``E_eff = E_solid (1-p)^2 * bond * adhesion * structure_factor`` with ``bond`` a smoothstep of
    ``phi_b / min_melt_fraction`` for melt-bound processes (1 otherwise) and ``adhesion =
    1 - K_ADH_E * I`` where I is the Gini-Simpson impurity of the compatibility groups in the melt
    (immiscible polymer pairs bond poorly). ``R = clip(log10(E_eff/0.01 GPa)/log10(3000), 0, 1)``.
Strength
    ``(binder share x its strength + sum v_f eta_l eta_o sigma_f) exp(-b P)`` for bound parts
    (Ryshkewitch, b = 5), intact items' strength for mechanical ones; regolith-majority parts are
    capped at the sintered-regolith 45 MPa.
Tightness
    ``T = seal_factor * continuity(phi_b) * (1-p)^2 * (1 - K_ADH_T * I)`` where continuity is a
    smoothstep from the percolation threshold ``PHI_PERC`` to ``PHI_CONT`` for melt-bound processes
    (1 otherwise: the product form's seal_factor says it all).
Mass
    Losses per kg of feed: water vapour (all moisture when heated to >= 100 deg C; condensed and
    recovered), regolith volatiles (MGS-1 thermogravimetry at the process temperature), fines and
    trim (process fractions of the solids and of the water the part keeps). Product yield ``y = 1 - losses``; feed
    ``m_feed = batch_mass / y``. Product + losses = feed exactly.
Energy
    Heating ``q = sum x_m cp_m dT + sum_molten x_m L_m + water heating and evaporation + volatile
    release`` (kJ/kg feed) over ``heater_efficiency``, plus machine energy per kg and per batch;
    batches = ceil(m_feed / max_batch_kg).
Water and crew time
    ``water_l_per_kg * m_feed``; ``crew_min_per_batch * batches + crew_min_per_kg * m_feed``.
Hidden steps (datasets/process_steps.csv)
    Rigid items fed to a pressing or melting process pay the shredder's own energy, water and crew
    time; items wetter than the process takes are dried first (dryer kWh per kg of water, crew time
    per load; that water is then not heated again in the process); heated tooling is warmed up every
    batch (mass x cp x (set-point - ambient) / heater efficiency, replacing the old per-batch guess);
    consumables brought from Earth (NaOH, thread...) are counted per batch.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.tables import AMBIENT_C, EngineTables

PHI_MAX = 0.50  # packing limit of pressed irregular filler grains (assumption: between the loose-poured
# MGS-1 packing 1.29/2.9 = 0.445 and random close packing of spheres, 0.64)
PHI_PERC = 0.16  # continuum percolation threshold of a second phase in 3-D (Scher-Zallen, assumption)
PHI_CONT = 0.45  # binder volume fraction above which the melt phase is fully continuous (assumption)
K_ADH_E = 0.5  # stiffness lost at a 50/50 interface of immiscible polymers (assumption)
K_ADH_T = 0.4  # tightness lost at a 50/50 interface of immiscible polymers (assumption)
E_LOW_GPA, E_HIGH_GPA = 0.01, 30.0  # rigidity index anchors (docs/PHYSICS.md)
CP_WATER = 4.186  # kJ/kg K
CP_STEAM = 2.0  # kJ/kg K
L_VAPOUR = 2257.0  # kJ/kg, latent heat of vaporisation at 100 deg C
DEHYDRATION_KJ_KG = 2257.0  # regolith bound-volatile release, taken equal to vaporisation (assumption)
RHO_WATER = 1000.0  # kg/m3
# Strength (docs/PHYSICS.md "Strength"):
RYSHKEWITCH_B = 5.0  # sigma = sigma0 exp(-b P); b 4-7 in the literature, 5 assumed (facts file sec. 2)
REGOLITH_REF_POROSITY = 0.12  # MGS-1 cold-sintered to 88 % density reached ~45 MPa (cold_sinter_mgs1)
REGOLITH_CEILING_MPA = 45.0  # sintered regolith bricks, MGS-1 included, reach at most ~45 MPa (Gupta 2023)


@dataclass
class PhysicsResult:
    """Arrays of length N (mass flows in kg for the whole batch, energy kWh, water L, crew min)."""

    rigidity: np.ndarray
    tightness: np.ndarray
    energy_kwh: np.ndarray
    water_l: np.ndarray
    crew_min: np.ndarray
    modulus_gpa: np.ndarray
    strength_mpa: np.ndarray
    porosity: np.ndarray
    melt_fraction: np.ndarray
    binder_fraction: np.ndarray  # volume share of the product (solids and kept water) that binds
    filler_frac: np.ndarray  # mass share of the solids that is not binder
    short_fibre_frac: np.ndarray  # mass share of the solids that is short (crumbled) fibre
    water_voids: np.ndarray  # volume share of the product held by water the process does not drive off
    hydrogen_wt_pct: np.ndarray
    feed_kg: np.ndarray
    regolith_kg: np.ndarray
    item_kg: np.ndarray  # [N, 4] per slot
    product_kg: np.ndarray
    loss_vapour_kg: np.ndarray
    loss_volatiles_kg: np.ndarray
    loss_fines_kg: np.ndarray
    loss_trim_kg: np.ndarray
    batches: np.ndarray
    heat_kwh: np.ndarray
    water_recovered_l: np.ndarray
    problematic_share: np.ndarray  # share of the feed from hard-to-handle waste (difficulty 2-3)
    moisture_frac: np.ndarray  # water per kg of feed
    material_frac: np.ndarray  # [N, M] dry material per kg of feed
    # hidden steps, per batch of product (included in energy_kwh, water_l and crew_min above)
    shred_kwh: np.ndarray  # pre-shredding rigid items with the shredder's own figures
    shred_crew_min: np.ndarray
    drying_kwh: np.ndarray  # drying wet items before the process
    drying_crew_min: np.ndarray
    dried_water_kg: np.ndarray  # water the dryer drives off (condensed, part of loss_vapour_kg)
    warmup_kwh: np.ndarray  # heating the tooling to the set-point, every process batch
    consumables_kg: np.ndarray  # material brought from Earth and used up (NaOH, thread...)

    def objectives(self) -> np.ndarray:
        """[N, 5] in the order of domain.PROPERTIES."""
        return np.stack([self.rigidity, self.tightness, self.energy_kwh, self.water_l, self.crew_min], axis=1)

    def take(self, sel) -> PhysicsResult:
        return PhysicsResult(**{f.name: getattr(self, f.name)[sel] for f in fields(self)})


def smoothstep(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3.0 - 2.0 * x)


def rigidity_index(modulus_gpa: np.ndarray) -> np.ndarray:
    e = np.maximum(modulus_gpa, 1e-12)
    return np.clip(np.log10(e / E_LOW_GPA) / np.log10(E_HIGH_GPA / E_LOW_GPA), 0.0, 1.0)


def score_physics(t: EngineTables, b: RecipeBatch, batch_mass_kg: float) -> PhysicsResult:
    N = len(b)
    mix = _feed_mix(t, b)
    ph = _phases(t, b, mix.x)
    dried = _dried_water(t, b, mix)
    water_voids = _water_voids(t, b, mix, dried)
    porosity = 1.0 - (1.0 - _porosity(t, b, ph)) * (1.0 - water_voids)
    mech = _mechanics(t, b, ph, porosity)
    strength = _strength(t, b, mix, ph, porosity)
    flows = _mass_flows(t, b, mix, batch_mass_kg, dried)
    ops = _operations(t, b, mix, ph.molten, flows, dried)
    steps = _hidden_steps(t, b, mix, flows, ops.batches, dried)
    hydrogen = np.where(mix.solids > 0, (mix.x * t.hydrogen[None, :]).sum(axis=1) / np.maximum(mix.solids, 1e-12), 0.0)
    diff = t.difficulty[b.idx]
    problematic = (mix.wslot * (diff - 1.0) / 2.0).sum(axis=1)
    feed = flows.feed
    return PhysicsResult(
        rigidity=mech.rigidity,
        tightness=mech.tightness,
        energy_kwh=ops.energy + steps.energy,
        water_l=ops.water + steps.water,
        crew_min=ops.crew + steps.crew,
        modulus_gpa=mech.e_eff,
        strength_mpa=strength,
        porosity=porosity,
        melt_fraction=ph.phi_b,
        binder_fraction=ph.phi_bind * (1.0 - water_voids),  # free water kept in the part dilutes the binder
        filler_frac=_mass_share(mix, 1.0 - t.binder[b.proc]),
        short_fibre_frac=_mass_share(mix, t.short_fibre[None, :]),
        water_voids=water_voids,
        hydrogen_wt_pct=hydrogen,
        feed_kg=feed,
        regolith_kg=flows.regolith_kg,
        item_kg=flows.item_kg,
        product_kg=np.full(N, float(batch_mass_kg)),
        loss_vapour_kg=flows.vapour * feed,
        loss_volatiles_kg=flows.volatiles * feed,
        loss_fines_kg=flows.fines * feed,
        loss_trim_kg=flows.trim * feed,
        batches=ops.batches,
        heat_kwh=ops.heat_kwh,
        water_recovered_l=flows.vapour * feed,  # 1 kg of condensed water = 1 L
        problematic_share=problematic,
        moisture_frac=mix.h,
        material_frac=mix.x,
        shred_kwh=steps.shred_kwh,
        shred_crew_min=steps.shred_crew,
        drying_kwh=steps.drying_kwh,
        drying_crew_min=steps.drying_crew,
        dried_water_kg=dried * feed,
        warmup_kwh=steps.warmup_kwh,
        consumables_kg=steps.consumables_kg,
    )


@dataclass(frozen=True)
class _Mix:
    """Per kg of feed: wet share per slot [N,4], water h [N], dry material x [N,M], solids [N]."""

    wslot: np.ndarray
    h: np.ndarray
    x: np.ndarray
    solids: np.ndarray


def _feed_mix(t: EngineTables, b: RecipeBatch) -> _Mix:
    waste = 1.0 - b.reg  # [N]
    wslot = waste[:, None] * b.frac  # wet feed share per slot [N,4]
    moist = t.moisture[b.idx]  # [N,4]
    dry = wslot * (1.0 - moist)
    h = (wslot * moist).sum(axis=1)  # water per kg feed
    comp = t.composition[b.idx]  # [N,4,M]
    x = np.einsum("nk,nkm->nm", dry, comp)
    x[:, t.regolith_index] += b.reg
    return _Mix(wslot=wslot, h=h, x=x, solids=x.sum(axis=1))


@dataclass(frozen=True)
class _Phases:
    v: np.ndarray  # [N,M] volume fractions
    molten: np.ndarray  # [N,M] molten at the process temperature
    phi_b: np.ndarray  # melt volume fraction
    phi_bind: np.ndarray  # binder volume fraction (the melt, or what a cold process's activator bonds)
    phi_f: np.ndarray  # filler volume fraction
    needs: np.ndarray  # the process needs a melt phase
    impurity: np.ndarray  # compatibility impurity of the melt phase


def _phases(t: EngineTables, b: RecipeBatch, x: np.ndarray) -> _Phases:
    vol = x / t.rho[None, :]
    vsum = vol.sum(axis=1, keepdims=True)
    vsum[vsum == 0] = 1.0
    v = vol / vsum
    molten = t.molten[b.proc]  # [N,M]
    phi_b = (v * molten).sum(axis=1)
    phi_f = 1.0 - phi_b
    needs = t.needs_melt[b.proc]

    # compatibility impurity of the melt phase (Gini-Simpson over compat groups)
    vm = v * molten
    onehot = np.zeros((t.n_materials, t.n_groups))
    onehot[np.arange(t.n_materials), t.group] = 1.0
    grp = vm @ onehot
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(phi_b[:, None] > 0, grp / phi_b[:, None], 0.0)
    impurity = np.where(phi_b > 0, 1.0 - (share**2).sum(axis=1), 0.0)
    phi_bind = (v * t.binder[b.proc]).sum(axis=1)
    return _Phases(v=v, molten=molten, phi_b=phi_b, phi_bind=phi_bind, phi_f=phi_f, needs=needs, impurity=impurity)


def _mass_share(mix: _Mix, mask: np.ndarray) -> np.ndarray:
    """Mass share of the dry solids selected by ``mask`` ([N,M] or [1,M] weights)."""
    return np.where(mix.solids > 0, (mix.x * mask).sum(axis=1) / np.maximum(mix.solids, 1e-12), 0.0)


def _water_voids(t: EngineTables, b: RecipeBatch, mix: _Mix, dried: np.ndarray) -> np.ndarray:
    """Volume share of the product taken by free water that neither the dryer (``dried``, kg per kg of
    feed, see :func:`_dried_water`) nor the process (it is not heated to 100 deg C) drives off, and
    that does not fit in the part's own pores.

    Water up to each material's equilibrium uptake is held inside the material (its handbook properties
    already include it). Free water first fills the pores the process leaves anyway (``base_porosity``:
    a saturated part has the same skeleton as a dry one); only the excess pushes the solids apart. That
    excess carries no load and leaves a void when it dries later, so it counts as porosity."""
    boils = t.heated[b.proc] & (t.temperature[b.proc] >= 100.0)
    free = np.maximum(mix.h - dried - (mix.x * t.water_uptake[None, :]).sum(axis=1), 0.0)
    water = np.where(boils, 0.0, free) / RHO_WATER
    skeleton = (mix.x / t.rho[None, :]).sum(axis=1) / (1.0 - t.base_porosity[b.proc])
    pores = skeleton * t.base_porosity[b.proc]
    excess = np.maximum(water - pores, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(excess > 0, excess / (excess + skeleton), 0.0)


def _porosity(t: EngineTables, b: RecipeBatch, ph: _Phases) -> np.ndarray:
    inter = ph.phi_f * (1.0 - PHI_MAX) / PHI_MAX
    unfilled = np.maximum(0.0, inter - ph.phi_b)
    compact = ph.phi_f / PHI_MAX + np.maximum(0.0, ph.phi_b - inter)
    with np.errstate(invalid="ignore", divide="ignore"):
        p_pack = np.where(compact > 0, unfilled / compact, 0.0)
    p_pack = np.where(ph.needs, p_pack, 0.0)
    base = t.base_porosity[b.proc]
    return 1.0 - (1.0 - base) * (1.0 - p_pack)


@dataclass(frozen=True)
class _Mechanics:
    rigidity: np.ndarray
    e_eff: np.ndarray  # effective modulus, GPa
    tightness: np.ndarray


def _mechanics(t: EngineTables, b: RecipeBatch, ph: _Phases, porosity: np.ndarray) -> _Mechanics:
    v, phi_b, needs, impurity = ph.v, ph.phi_b, ph.needs, ph.impurity
    # ---- rigidity: a fibre in a matrix stiffens only with its length and orientation efficiency
    log_e = (v * (np.log(t.modulus)[None, :] + _log_fibre_efficiency(t, b))).sum(axis=1)
    e_solid = np.exp(log_e)
    bond = bond_factor(t, b, phi_b)
    dense = (1.0 - porosity) ** 2
    e_eff = e_solid * dense * bond * (1.0 - K_ADH_E * impurity) * t.structure[b.proc]
    rigidity = rigidity_index(e_eff)

    # ---- tightness
    cont = np.where(needs, smoothstep((phi_b - PHI_PERC) / (PHI_CONT - PHI_PERC)), 1.0)
    tightness = np.clip(t.seal[b.proc] * cont * dense * (1.0 - K_ADH_T * impurity), 0.0, 1.0)
    return _Mechanics(rigidity=rigidity, e_eff=e_eff, tightness=tightness)


def bond_factor(t: EngineTables, b: RecipeBatch, phi_b: np.ndarray) -> np.ndarray:
    """Smoothstep of the melt share over the process's minimum (1 for processes without a melt)."""
    min_melt = t.min_melt[b.proc]
    with np.errstate(invalid="ignore", divide="ignore"):
        bond_ratio = np.where(min_melt > 0, phi_b / np.where(min_melt > 0, min_melt, 1.0), 1.0)
    return np.where(t.needs_melt[b.proc], smoothstep(bond_ratio), 1.0)


def fibre_efficiency(t: EngineTables, b: RecipeBatch) -> np.ndarray:
    """[N,M] Kelly-Tyson x Krenchel efficiency of each fibre held in a binder (1 elsewhere)."""
    in_matrix = (t.min_binder[b.proc] > 0)[:, None]
    fibre = (t.fibre_eta_l > 0)[None, :] & ~t.binder[b.proc]
    eta = t.fibre_eta_l[None, :] * t.fibre_orientation[b.proc][:, None]
    return np.where(in_matrix & fibre, eta, 1.0)


def _log_fibre_efficiency(t: EngineTables, b: RecipeBatch) -> np.ndarray:
    return np.log(np.maximum(fibre_efficiency(t, b), 1e-12))


def _strength(t: EngineTables, b: RecipeBatch, mix: _Mix, ph: _Phases, porosity: np.ndarray) -> np.ndarray:
    """Strength (MPa) carried by what holds the part together, lowered by porosity (Ryshkewitch).

    * Bound parts (a melt or an activated binder): the binder carries its own strength times its
      volume share (grain fillers carry none), fibres add ``v_f eta_l eta_o sigma_f`` (Kelly-Tyson,
      Krenchel); regolith as the binder has its dense strength ``45 MPa exp(b 0.12)``.
    * Mechanical products: the intact items carry their strength; loose grains and a loose product
      (shredded particles) carry none.
    * ``x exp(-b P)`` with the total porosity (water-filled voids included); regolith-majority parts
      are capped at the sintered-regolith ceiling.
    """
    bound = t.min_binder[b.proc] > 0
    binder = t.binder[b.proc]
    sigma0 = np.broadcast_to(t.strength, binder.shape).copy()
    sigma0[:, t.regolith_index] *= np.exp(RYSHKEWITCH_B * REGOLITH_REF_POROSITY)
    eta = fibre_efficiency(t, b)
    fibre = (t.fibre_eta_l > 0)[None, :] & ~binder
    s_bound = (ph.v * sigma0 * (binder + fibre * eta)).sum(axis=1)
    s_bound = s_bound * (1.0 - K_ADH_E * ph.impurity) * bond_factor(t, b, ph.phi_b)
    s_loose = (ph.v * t.strength[None, :] * ~t.grain[None, :]).sum(axis=1)
    s_loose = np.where(t.loose_product[b.proc], 0.0, s_loose)
    s = np.where(bound, s_bound, s_loose) * np.exp(-RYSHKEWITCH_B * porosity)
    regolith_major = mix.x[:, t.regolith_index] > 0.5 * mix.solids
    return np.where(regolith_major, np.minimum(s, REGOLITH_CEILING_MPA), s)


@dataclass(frozen=True)
class _Flows:
    """Losses per kg of feed, the feed for one batch of product and its split."""

    heated: np.ndarray
    temp: np.ndarray
    boils: np.ndarray
    vapour: np.ndarray
    volatiles: np.ndarray
    fines: np.ndarray
    trim: np.ndarray
    feed: np.ndarray  # kg
    item_kg: np.ndarray  # [N,4]
    regolith_kg: np.ndarray


def _mass_flows(t: EngineTables, b: RecipeBatch, mix: _Mix, batch_mass_kg: float, dried: np.ndarray) -> _Flows:
    heated = t.heated[b.proc]
    temp = t.temperature[b.proc]
    boils = heated & (temp >= 100.0)
    vapour = np.where(boils, mix.h, dried)  # the dryer's water leaves even when the process does not boil
    volatiles = b.reg * t.reg_volatile[b.proc]
    # fines and trim are taken from what the part is made of: its solids, plus the water it keeps when
    # the process does not drive it off (trimming a wet part removes wet material)
    kept = mix.solids + np.where(boils, 0.0, mix.h - dried)
    fines = t.fines[b.proc] * kept
    trim = t.trim[b.proc] * kept
    y = 1.0 - vapour - volatiles - fines - trim
    y = np.maximum(y, 1e-6)
    feed = batch_mass_kg / y
    return _Flows(
        heated=heated,
        temp=temp,
        boils=boils,
        vapour=vapour,
        volatiles=volatiles,
        fines=fines,
        trim=trim,
        feed=feed,
        item_kg=mix.wslot * feed[:, None],
        regolith_kg=b.reg * feed,
    )


@dataclass(frozen=True)
class _Operations:
    heat_kwh: np.ndarray
    batches: np.ndarray
    energy: np.ndarray  # kWh
    water: np.ndarray  # L
    crew: np.ndarray  # min


def _operations(
    t: EngineTables, b: RecipeBatch, mix: _Mix, molten: np.ndarray, fl: _Flows, dried: np.ndarray
) -> _Operations:
    """Energy (heat and machine), water and crew time for the feed (water a dryer drove off first is
    not heated again in the process)."""
    x, heated, temp, boils, feed = mix.x, fl.heated, fl.temp, fl.boils, fl.feed
    d_t = np.where(heated, temp - AMBIENT_C, 0.0)
    q_solid = (x * t.cp[None, :]).sum(axis=1) * d_t + (x * molten * t.latent[None, :]).sum(axis=1)
    water_heat = np.where(
        heated,
        CP_WATER * (np.minimum(temp, 100.0) - AMBIENT_C)
        + np.where(boils, L_VAPOUR + CP_STEAM * np.maximum(temp - 100.0, 0.0), 0.0),
        0.0,
    )
    q = q_solid + (mix.h - dried) * np.maximum(water_heat, 0.0) + fl.volatiles * DEHYDRATION_KJ_KG  # kJ per kg feed
    heat_kwh = np.where(heated, q * feed / 3600.0 / t.efficiency[b.proc], 0.0)
    batches = np.ceil(feed / t.max_batch[b.proc] - 1e-9)
    batches = np.maximum(batches, 1.0)
    energy = heat_kwh + t.kwh_per_kg[b.proc] * feed + t.kwh_per_batch[b.proc] * batches
    water = t.water_per_kg[b.proc] * feed
    crew = t.crew_per_batch[b.proc] * batches + t.crew_per_kg[b.proc] * feed
    return _Operations(heat_kwh=heat_kwh, batches=batches, energy=energy, water=water, crew=crew)


# ------------------------------------------------------------------------------- hidden steps


def _dried_water(t: EngineTables, b: RecipeBatch, mix: _Mix) -> np.ndarray:
    """Water per kg of feed a dryer drives off before the process: each item wetter than the
    process's ``max_feed_moisture_pct`` is dried down to it (wet-mass basis)."""
    thr = t.steps.dry_max_moisture[b.proc][:, None]  # [N,1]
    moist = t.moisture[b.idx]  # [N,4]
    keep = np.where(thr < 1.0, (1.0 - moist) * thr / np.maximum(1.0 - thr, 1e-12), moist)
    return (mix.wslot * np.maximum(moist - keep, 0.0)).sum(axis=1)


@dataclass(frozen=True)
class _Steps:
    """The hidden steps of one batch of product; energy, water and crew are their sums."""

    shred_kwh: np.ndarray
    shred_crew: np.ndarray
    drying_kwh: np.ndarray
    drying_crew: np.ndarray
    warmup_kwh: np.ndarray
    consumables_kg: np.ndarray
    energy: np.ndarray  # shredding + drying + warm-up net of the per-batch figure it replaces
    water: np.ndarray
    crew: np.ndarray


def _loads(kg: np.ndarray, per_load: np.ndarray | float) -> np.ndarray:
    """Machine loads for ``kg`` (0 when there is nothing to load)."""
    return np.where(kg > 1e-12, np.maximum(np.ceil(kg / per_load - 1e-9), 1.0), 0.0)


def _hidden_steps(
    t: EngineTables, b: RecipeBatch, mix: _Mix, fl: _Flows, batches: np.ndarray, dried: np.ndarray
) -> _Steps:
    """Pre-shredding rigid items, drying wet feed, tooling warm-up and consumables from Earth."""
    st, feed = t.steps, fl.feed
    rigid_kg = (mix.wslot * st.item_rigid[b.idx]).sum(axis=1) * feed * st.shred_rigid[b.proc]
    shred_loads = _loads(rigid_kg, st.shred_max_batch)
    shred_kwh = st.shred_kwh_per_kg * rigid_kg + st.shred_kwh_per_batch * shred_loads
    shred_crew = st.shred_crew_per_kg * rigid_kg + st.shred_crew_per_batch * shred_loads
    moist = t.moisture[b.idx]
    thr = st.dry_max_moisture[b.proc]
    wet_kg = (mix.wslot * (moist > thr[:, None] + 1e-12)).sum(axis=1) * feed  # wet items that go in the dryer
    drying_kwh = dried * feed * st.dryer_kwh_per_kg_water[b.proc]
    drying_crew = _loads(wet_kg, st.dryer_max_load[b.proc]) * st.dryer_crew_per_load[b.proc]
    warmup = st.warmup_kwh[b.proc] * batches
    consumables = st.consumable_per_kg_feed[b.proc] * feed + st.consumable_per_kg_regolith[b.proc] * b.reg * feed
    net_warmup = warmup - st.replaced_kwh_per_batch[b.proc] * batches
    return _Steps(
        shred_kwh=shred_kwh,
        shred_crew=shred_crew,
        drying_kwh=drying_kwh,
        drying_crew=drying_crew,
        warmup_kwh=warmup,
        consumables_kg=consumables,
        energy=shred_kwh + drying_kwh + net_warmup,
        water=st.shred_water_per_kg * rigid_kg,
        crew=shred_crew + drying_crew,
    )
