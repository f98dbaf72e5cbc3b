"""Columns fit the table's width: the widest give way first, never below their floor."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.ui.common.columns import fit_widths


def test_columns_that_fit_keep_their_widths():
    assert fit_widths([100, 50, 80], [40, 40, 40], 400) == [100, 50, 80]


def test_the_widest_column_gives_way_first():
    assert fit_widths([300, 100, 80], [60, 60, 60], 400) == [220, 100, 80]


def test_ties_share_the_cut_and_floors_hold():
    assert fit_widths([200, 200, 50], [150, 60, 40], 300) == [150, 100, 50]


@given(st.lists(st.tuples(st.integers(0, 800), st.integers(0, 800)), min_size=1, max_size=8),
       st.integers(0, 3000))
def test_fitted_widths_fit_when_the_floors_allow_and_never_grow(pairs, room):
    wanted = [max(w, f) for w, f in pairs]
    floors = [min(w, f) for w, f in pairs]
    widths = fit_widths(wanted, floors, room)
    assert all(f <= w <= x for w, f, x in zip(widths, floors, wanted, strict=True))
    assert sum(widths) <= max(room, sum(floors))
