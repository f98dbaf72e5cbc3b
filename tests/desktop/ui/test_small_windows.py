"""Every page and its states, at the smallest window (800x600), at 1024x640 and at 1920x1080, in
English and German, cuts no text, squeezes no button under its text, cuts no column title,
shows every tab and scrolls no page sideways (`tests.support.layout_check`)."""

from __future__ import annotations

import pytest

from desktop.settings import MIN_WINDOW_SIZE
from tests.support.layout_check import layout_problems, squeezed
from tests.support.page_tour import PAGES, demo_window, settle

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise",
                                       "does not support grabbing")

SIZES = [MIN_WINDOW_SIZE, (1024, 640), (1920, 1080)]


def look(qtbot, window, where: str, found: list[str]) -> None:
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: (window.width(), window.height()) == (w, h))
        settle(qtbot)
        problems = squeezed(window.current_page()) + layout_problems(window, narrow=[window.nav])
        found += [f"{where} at {width}x{height}: {p}" for p in problems]


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
@pytest.mark.parametrize("key", list(PAGES))
def test_every_state_of_the_page_fits_every_window_size(qtbot, tmp_path, key, locale):
    found: list[str] = []
    with demo_window(qtbot, tmp_path, locale) as window:
        for state, enter in PAGES[key]:
            window.resize(1280, 800)
            enter(qtbot, window)
            look(qtbot, window, f"{key} {state}", found)
    assert not found, "\n".join(found)


def test_the_window_cannot_be_made_smaller_than_its_pages_are_laid_out_for(qtbot, tmp_path):
    with demo_window(qtbot, tmp_path) as window:
        window.resize(300, 200)
        qtbot.waitUntil(lambda: window.width() == MIN_WINDOW_SIZE[0])
        assert (window.width(), window.height()) == MIN_WINDOW_SIZE
        assert window.is_compact()
        window.resize(1024, 640)
        qtbot.waitUntil(lambda: not window.is_compact())
