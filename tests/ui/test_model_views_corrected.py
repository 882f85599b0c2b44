"""The Model tab's note on a feedback-corrected property counts the family offsets too: a model that
learnt hot-press energy from three crew reports departs from the simulated trials there on purpose."""

from spacetrash_desktop.ui.model_views import corrected_by_feedback, corrected_note


def test_offsets_alone_count_as_a_correction_with_their_processes():
    metrics = {
        "feedback_correction": {
            "by_property": {
                "energy_kwh": {"used": False, "offsets": {"used": True, "processes": ["hot_press_lamination"]}},
                "rigidity": {"used": True, "reach": "global", "processes": ["heat_melt_compaction"]},
                "water_l": {"used": False, "offsets": {"used": False}},
            }
        }
    }
    got = corrected_by_feedback(metrics)
    assert got == {
        "energy_kwh": {"reach": "local", "processes": ["hot_press_lamination"]},
        "rigidity": {"reach": "global", "processes": ["heat_melt_compaction"]},
    }
    note = corrected_note(got, {"hot_press_lamination": "Hot-press lamination"}.get)
    assert "energy" in note.lower() and "Hot-press lamination" in note and "water" not in note.lower()
