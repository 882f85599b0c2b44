"""Every vetting code the engine can put on a recipe reaches the crew in words, never as a code."""

from spacetrash_desktop.engine.vetting import Flag
from spacetrash_desktop.ui.views import FLAG_WORDS, flag_words


def test_every_vetting_flag_has_crew_words():
    codes = {f.name for f in Flag if f.name and f.value}
    missing = sorted(codes - set(FLAG_WORDS))
    assert missing == [], f"vetting codes without words for the crew: {missing}"


def test_new_refusals_read_as_words():
    assert flag_words("HEATED_DUST") == "too much powder to heat"
    assert flag_words("STRENGTH_LOW") == "not strong enough"
