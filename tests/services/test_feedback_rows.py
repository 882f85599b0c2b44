"""The feedback service (what the window calls): rows built from generated candidates, predicted vs actual, filters, a full disk."""

from __future__ import annotations

import errno
import os

import pytest

from spacetrash_desktop.errors import BadInputError, StorageError
from spacetrash_desktop.services import feedback as svc
from tests.storage.conftest import make_row


@pytest.fixture(scope="module")
def generated(catalog):
    from spacetrash_desktop.engine.scorer import PhysicsScorer
    from spacetrash_desktop.services.generate import generate

    return generate(
        list(catalog.default_inventory)[:6],
        catalog.targets["container"],
        scorer=PhysicsScorer(),
        max_evals=600,
        mode="evolutionary",
    )


def test_a_row_built_from_a_generated_candidate_records_everything(generated):
    cand = generated.candidates[0]
    row = svc.build_feedback_row(
        cand,
        generated.target,
        generated.model,
        {"rigidity": 0.58, "rigidity_method": "measured", "rigidity_how": "bend test"},
        energy_kwh=0.41,
        water_l=None,
        passed=True,
        who="Ana",
        notes="",
    )
    rid = svc.record_feedback(row)
    got = svc.get_feedback(rid)
    rec = got["recipe_json"]
    assert got["recipe_id"] == cand.recipe_id == rec["id"]
    assert [(i["item_id"], i["fraction"]) for i in rec["items"]] == [(i, round(f, 6)) for i, f in cand.recipe.items]
    assert rec["process_id"] == cand.recipe.process_id and rec["batch_mass_kg"] == cand.recipe.batch_mass_kg
    assert rec["regolith_frac"] == round(cand.recipe.regolith_frac, 6)
    props = got["prediction_json"]["properties"]
    assert props["rigidity"]["value"] == pytest.approx(cand.values["rigidity"], abs=1e-6)
    assert props["rigidity"]["low"] == pytest.approx(cand.low["rigidity"], abs=1e-6)
    assert props["energy_kwh"]["unit"] == "kWh" and got["prediction_json"]["interval"] == "95%"
    assert got["target_json"]["id"] == generated.target.target_id
    assert got["model_name"] == "physics" and got["model_version"] is None
    assert got["energy_kwh"] == 0.41 and got["water_l"] is None and got["notes"] is None
    # the candidate's dict form works the same
    assert (
        svc.build_feedback_row(cand.to_dict(), generated.target.to_dict(), None, passed=False)["recipe_json"]
        == svc.build_feedback_row(cand, generated.target, None, passed=False)["recipe_json"]
    )
    with pytest.raises(BadInputError, match="Unknown feedback field"):
        svc.build_feedback_row(cand, generated.target, None, rigidty=0.4)


def test_predicted_vs_actual(generated):
    cand = generated.candidates[0]
    svc.record_feedback(
        svc.build_feedback_row(
            cand,
            generated.target,
            generated.model,
            rigidity=0.99,
            rigidity_method="judged",
            energy_kwh=cand.values["energy_kwh"],
            product_mass_kg=1.0,
        )
    )
    pva = svc.predicted_vs_actual(svc.list_feedback())
    by = {r["property"]: r for r in pva.to_dict("records")}
    assert set(by) == {"rigidity", "energy_kwh", "product_mass_kg"}
    assert by["rigidity"]["method"] == "judged" and by["rigidity"]["inside_interval"] is False
    assert by["energy_kwh"]["inside_interval"] is True and by["energy_kwh"]["error"] == pytest.approx(0, abs=1e-5)
    assert by["product_mass_kg"]["predicted"] is not None and by["product_mass_kg"]["unit"] == "kg"


def test_list_filters():
    a = svc.record_feedback(make_row(who="Ana", passed=True, recorded_at="2031-05-01T10:00:00Z"))
    b = svc.record_feedback(
        make_row(who="Ben", passed=False, recorded_at="2031-05-03T10:00:00Z", notes="Smelled of burnt plastic")
    )
    c = svc.record_feedback(
        make_row(
            who="Ana", passed=None, recorded_at="2031-05-05T10:00:00Z", rigidity_method="judged", model_version="2.0.0"
        )
    )
    ids = lambda **f: list(svc.list_feedback(f)["row_id"])  # noqa: E731
    assert ids() == [a, b, c]
    assert ids(who="Ana") == [a, c]
    assert ids(passed=True) == [a] and ids(passed=False) == [b]
    assert ids(since="2031-05-02") == [b, c] and ids(until="2031-05-04") == [a, b]
    assert ids(text="BURNT") == [b] and ids(method="judged") == [c] and ids(model_version="2.0.0") == [c]
    with pytest.raises(BadInputError, match="Unknown feedback filter"):
        svc.list_feedback({"colour": "red"})
    with pytest.raises(BadInputError, match="ISO date"):
        svc.list_feedback({"since": "last week"})


def test_a_full_disk_keeps_the_row_pending_in_the_service(monkeypatch):
    svc.record_feedback(make_row())
    real, fail = os.fsync, {"on": True}

    def fsync(fd):
        if fail["on"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(StorageError, match="disk is full"):
        svc.record_feedback(make_row(who="Cai"))
    assert [r["who"] for r in svc.pending_feedback()] == ["Cai"]
    fail["on"] = False
    assert len(svc.retry_pending_feedback()) == 1 and not svc.pending_feedback()
    assert list(svc.list_feedback()["who"]) == ["Ana", "Cai"]


# ------------------------------------------------------------------------------------ command line
