"""How `tools/mutation.py` counts a module's mutants: a partial run is never a full figure."""

from __future__ import annotations

from tools.mutation import not_run, tally

CODES = {"m.x_f__mutmut_1": 1, "m.x_f__mutmut_2": 0, "m.x_f__mutmut_3": 36,
         "m.x_g__mutmut_1": None, "m.x_g__mutmut_2": 33, "m.x_g__mutmut_3": 2}


def test_killed_survived_and_not_run_are_counted_apart():
    killed, total, survivors = tally(CODES)
    assert (killed, total) == (2, 4)  # failed tests and a timeout are killed
    assert survivors == ["m.x_f__mutmut_2", "m.x_g__mutmut_2"]  # no test reached _g_2
    assert not_run(CODES) == ["m.x_g__mutmut_1", "m.x_g__mutmut_3"]
