"""The booth board: the team's goals and each staff member's progress for one event, updated as
leads are saved and after a sync, with staff names and counts only, never a visitor; and the
command line's `--board --event` checks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from desktop.store.goals import TALLIES_KEY
from desktop.ui.leads.board import BoothBoard
from fieldnote.validation import format_datetime
from tests.desktop.leads.conftest import EVENT_ID, REP, add_event
from tests.desktop.leads.test_kiosk import _run

OTHER = "01930000-0000-7000-8000-0000000000c3"


def _texts(board: BoothBoard) -> list[str]:
    return [label.text() for label in board.findChildren(QLabel) if label.isVisibleTo(board)]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_board_shows_the_team_and_each_person_and_no_visitor(qtbot, services):
    store = services.store
    add_event(store)
    store.save("user", {"name": REP["name"], "role": "rep"}, REP["id"])
    store.save("user", {"name": "Omar Other", "role": "rep"}, OTHER)
    store.save("event", {"booth_staff": [REP["id"], OTHER], "goals": [
        {"metric": "leads", "scope": "team", "period": "day", "target": 10},
        {"metric": "hot", "scope": "team", "period": "show", "target": 2},
        {"metric": "leads", "scope": OTHER, "period": "day", "target": 4}]}, EVENT_ID)
    now = dt.datetime.now(dt.UTC)
    store.set_state(TALLIES_KEY, {EVENT_ID: {"as_of": format_datetime(now), "tallies": [
        [OTHER, format_datetime(now), True, "hot"], [OTHER, format_datetime(now), False, None],
        [OTHER, format_datetime(now), False, None], [OTHER, format_datetime(now), False, None]]}})

    board = BoothBoard(services, EVENT_ID)
    qtbot.addWidget(board)
    board.resize(1024, 640)
    board.show()
    # Labels added to a shown window show on the next turn of the event loop.
    qtbot.waitUntil(lambda: board.shown_times > 0 and "4 / 10" in _texts(board))
    texts = _texts(board)
    assert "Hannover Messe" in texts
    assert "4 / 10" in texts and "40 %" in texts  # the team's leads today
    assert "1 / 2" in texts and "50 %" in texts  # the team's hot leads
    assert "Omar Other" in texts and "Rita Rep" in texts
    assert "4 / 4  (100 %)" in texts  # Omar's own goal, reached

    shown = board.shown_times
    store.save("lead", {"last_name": "Zanetti", "email": "zanetti@visitor.example",
                        "company": "Visitor Corp", "event_id": EVENT_ID,
                        "captured_at": format_datetime(dt.datetime.now(dt.UTC)),
                        "qualified": True, "grade": "hot"},
               local_fields={"owner_id": REP["id"], "captured_by": REP["id"]})
    qtbot.waitUntil(lambda: board.shown_times > shown and "5 / 10" in _texts(board)
                    and "4 / 10" not in _texts(board))
    texts = _texts(board)
    assert "2 / 2" in texts and "100 %" in texts
    joined = " ".join(texts)
    for visitor in ("Zanetti", "zanetti@visitor.example", "Visitor Corp"):
        assert visitor not in joined
    board.close()


def test_an_event_without_goals_says_so(qtbot, services):
    add_event(services.store)
    board = BoothBoard(services, EVENT_ID)
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.shown_times > 0)
    assert board.figures is None
    assert "This event has no goals yet" in board.empty.text()
    board.close()


@pytest.mark.slow
def test_the_command_line_renders_the_board_and_refuses_what_it_cannot_use(data_dir, tmp_path):
    shot = tmp_path / "board.png"
    done = _run("--data-dir", str(data_dir), "--board", "--event", "Hannover Messe",
                "--screenshot", str(shot), "--size", "1920x1080", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1920, 1080)
    unknown = _run("--data-dir", str(data_dir), "--board", "--event", "Nowhere Expo",
                   "--screenshot", str(tmp_path / "no.png"), cwd=tmp_path)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("fieldnote: No event named or with the id 'Nowhere Expo'")
    assert not (tmp_path / "no.png").exists()
    alone = _run("--data-dir", str(data_dir), "--board", cwd=tmp_path)
    assert alone.returncode == 2 and "--board needs --event" in alone.stderr
    both = _run("--data-dir", str(data_dir), "--board", "--kiosk", "--event", "Hannover Messe",
                cwd=tmp_path)
    assert both.returncode == 2 and "choose one" in both.stderr
    stray = _run("--data-dir", str(data_dir), "--event", "Hannover Messe", cwd=tmp_path)
    assert stray.returncode == 2 and "--event is for --kiosk or --board" in stray.stderr


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_side_bar_opens_the_board_of_an_event_with_goals(qtbot, services, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from desktop.ui.shell.pages import default_pages
    from desktop.ui.shell.window import MainWindow

    add_event(services.store)
    window = MainWindow(services, default_pages())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: getattr(window, "board_button", None) is not None)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text: told.append(text))
    window.board_button.click()
    assert told == ["No event has goals yet. Marketing sets them in the event editor."]
    assert window.board is None

    services.store.save("event", {"goals": [
        {"metric": "leads", "scope": "team", "period": "day", "target": 10}]}, EVENT_ID)
    offered: list[list[str]] = []

    def choose(_parent, _title, _label, names, *_args):
        offered.append(list(names))
        return names[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    window.board_button.click()
    assert offered == [["Hannover Messe"]]
    board = window.board
    assert isinstance(board, BoothBoard) and board.event_id == EVENT_ID
    qtbot.waitUntil(lambda: "0 / 10" in _texts(board))
    board.close()
    assert window.board is None
