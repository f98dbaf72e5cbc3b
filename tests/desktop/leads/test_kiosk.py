"""Kiosk mode: visitors fill in the form themselves. A submitted entry is a lead marked "kiosk"
with the visitor's consent and drawn signature (a PNG kept in the file cache), the next visitor
sees nothing of the one before, only the staff PIN leaves (wrong ones refused and throttled,
closing the window does not leave), and hostile input gets a message and loses nothing."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from desktop.ui.leads.kiosk import KioskView
from fieldnote import kiosk as rules
from fieldnote.kinds import NAME_MAX
from tests.desktop.leads.conftest import EVENT_ID, add_event

PIN = "2468"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _kiosk(qtbot, services, clock=None, pin=PIN):  # type: ignore[no-untyped-def]
    add_event(services.store)
    event = services.store.get("event", EVENT_ID)
    view = KioskView(services, {**event, "id": EVENT_ID}, pin_hash=rules.hash_pin(pin),
                     clock=clock or Clock())
    qtbot.addWidget(view)
    view.resize(1024, 640)
    view.show()
    qtbot.waitExposed(view)
    return view


def _sign(pad) -> None:  # type: ignore[no-untyped-def]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
    for x in range(50, 300, 25):
        QTest.mouseMove(pad, QPoint(x, 60 + (x % 50)))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(310, 80))


def _fill(form, **values) -> None:  # type: ignore[no-untyped-def]
    for name, text in values.items():
        form.inputs[name].setFocus()
        QTest.keyClicks(form.inputs[name], text)


def test_an_entry_is_a_kiosk_lead_with_consent_and_its_signature(qtbot, services):
    view = _kiosk(qtbot, services)
    form = view.form
    _fill(form, first_name="Ana", last_name="Silva", company="Zenith", email="ana@zenith.example")
    form.consent.setChecked(True)
    _sign(form.pad)
    assert not form.pad.is_empty()
    with qtbot.waitSignal(view.saved, timeout=10_000) as saved:
        QTest.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    lead = services.store.get("lead", saved.args[0])
    assert (lead["first_name"], lead["last_name"], lead["company"], lead["email"]) == (
        "Ana", "Silva", "Zenith", "ana@zenith.example")
    assert (lead["source"], lead["event_id"], lead["consent_contact"], lead["consent_method"]) == (
        "kiosk", EVENT_ID, True, "signature")
    assert lead["owner_id"] == services.user["id"]
    sha = lead["consent_signature_sha256"]
    path = services.blobs.path_if_verified(sha)
    assert path is not None
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG") and hashlib.sha256(data).hexdigest() == sha
    assert view.stack.currentIndex() == view.THANKS
    # The lead waits in the outbox, and its change names the file to upload first.
    from desktop.store.syncing import SyncStore

    entries = SyncStore(services.store).take_batch(10)
    assert sha in SyncStore(services.store).blobs_named_by(entries)


def test_without_a_signature_the_consent_is_the_visitors_own_entry(qtbot, services):
    view = _kiosk(qtbot, services)
    _fill(view.form, last_name="Okafor", email="chidi@example.com")
    view.form.consent.setChecked(True)
    with qtbot.waitSignal(view.saved, timeout=10_000) as saved:
        view.submit()
    lead = services.store.get("lead", saved.args[0])
    assert (lead["consent_method"], lead["consent_signature_sha256"], lead["follow_up"]) == (
        "visitor", None, True)


def test_the_next_visitor_sees_nothing_of_the_one_before(qtbot, services):
    view = _kiosk(qtbot, services)
    first = view.form
    _fill(first, first_name="Ana", last_name="Silva", email="ana@zenith.example")
    first.consent.setChecked(True)
    _sign(first.pad)
    first.rubric_form.set_answers({"timeline": "0-3"})
    QGuiApplication.clipboard().setText("ana@zenith.example")
    with qtbot.waitSignal(view.saved, timeout=10_000):
        view.submit()
    assert QGuiApplication.clipboard().text() == ""
    view.next_visitor()
    form = view.form
    assert form is not first and view.stack.currentIndex() == view.FORM
    for edit in form.inputs.values():
        assert edit.text() == "" and not edit.isUndoAvailable() and edit.completer() is None
        # Undo in the new field brings nothing back.
        edit.setFocus()
        QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert edit.text() == ""
    assert form.pad.is_empty() and not form.consent.isChecked()
    assert form.rubric_form.answers() == {}
    assert form.message.text() == ""
    # The old form's widgets are gone from the kiosk.
    assert first not in view.findChildren(type(first))


def test_the_thank_you_gives_way_to_an_empty_form(qtbot, services):
    view = _kiosk(qtbot, services)
    view._thanks_timer.setInterval(50)
    _fill(view.form, last_name="Novak")
    with qtbot.waitSignal(view.saved, timeout=10_000):
        view.submit()
    assert view.stack.currentIndex() == view.THANKS
    qtbot.waitUntil(lambda: view.stack.currentIndex() == view.FORM, timeout=5000)
    assert view.form.inputs["last_name"].text() == ""


def test_only_the_pin_leaves_and_wrong_pins_are_throttled(qtbot, services):
    clock = Clock()
    view = _kiosk(qtbot, services, clock)
    left: list[bool] = []
    view.left.connect(lambda: left.append(True))
    _fill(view.form, last_name="Half typed")
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert view.stack.currentIndex() == view.UNLOCK
    for _ in range(rules.FREE_TRIES):
        view.unlock_input.setText("0000")
        view.try_unlock()
        assert "wrong pin" in view.unlock_message.text().lower()
    assert not left
    # Past the free tries: even the right PIN waits until the pause is over.
    assert not view.unlock_button.isEnabled()
    assert "Try again in 5 s" in view.unlock_message.text()
    view.unlock_input.setText(PIN)
    view.try_unlock()
    assert not left
    clock.now += rules.wait_after(rules.FREE_TRIES) + 0.1
    view._show_wait()
    assert view.unlock_button.isEnabled()
    view.unlock_input.setText("1111")
    view.try_unlock()
    assert not left and view.lock.wait_left(clock.now) == rules.wait_after(rules.FREE_TRIES + 1)
    clock.now += 60
    # Back to the form: the half-typed visitor is still there.
    view.back_to_form()
    assert view.form.inputs["last_name"].text() == "Half typed"
    view.ask_pin()
    view.unlock_input.setText(PIN)
    view.try_unlock()
    assert left == [True]


def test_the_pin_is_set_by_the_staff_member_and_kept_only_as_a_hash(qtbot, services):
    add_event(services.store)
    view = KioskView(services, {"id": EVENT_ID, "name": "Hannover Messe"})
    qtbot.addWidget(view)
    view.show()
    assert view.stack.currentIndex() == view.SETUP and not view.is_locked()
    view.pin_input.setText("12")
    view.pin_again.setText("12")
    view.start()
    assert "4 to 12 digits" in view.setup_message.text() and not view.is_locked()
    view.pin_input.setText("97531")
    view.pin_again.setText("97530")
    view.start()
    assert "differ" in view.setup_message.text() and not view.is_locked()
    view.pin_again.setText("97531")
    view.start()
    assert view.is_locked() and view.stack.currentIndex() == view.FORM
    assert view.pin_input.text() == "" and view.pin_again.text() == ""
    assert "97531" not in repr(vars(view.lock))
    assert view.lock.check("97531", 0.0) is True


def test_closing_the_window_in_kiosk_mode_asks_for_the_pin(qtbot, services):
    from desktop.ui.shell.pages import default_pages
    from desktop.ui.shell.window import MainWindow

    add_event(services.store)
    window = MainWindow(services, default_pages(), start_page="leads")
    qtbot.addWidget(window)
    window.show()
    event = services.store.get("event", EVENT_ID)
    view = window.enter_kiosk({**event, "id": EVENT_ID}, full_screen=False)
    assert not window.statusBar().isVisible()
    view.pin_input.setText(PIN)
    view.pin_again.setText(PIN)
    view.start()
    assert not window.close()
    assert window.isVisible() and window.in_kiosk()
    assert view.stack.currentIndex() == view.UNLOCK
    view.unlock_input.setText(PIN)
    view.try_unlock()
    assert not window.in_kiosk()
    assert window.centralWidget() is not view and window.statusBar().isVisible()


def test_hostile_input_gets_a_message_and_loses_nothing(qtbot, services):
    view = _kiosk(qtbot, services)
    form = view.form
    huge = "Ö" * 300_000
    form.inputs["last_name"].setText(huge)
    form.inputs["company"].setText("Zen\x00ith\x1b[31m\nGmbH")
    view.submit()
    assert "Company" in form.message.text() and "control characters" in form.message.text()
    assert form.inputs["company"].text() == "Zenith[31m GmbH"
    assert form.inputs["last_name"].text() == huge  # never cut by the field
    view.submit()
    assert "Last name is too long" in form.message.text() and str(NAME_MAX) in form.message.text()
    assert form.inputs["last_name"].text() == huge
    form.inputs["last_name"].setText("Silva")
    form.inputs["email"].setText("ana@@zenith")
    view.submit()
    assert "email address" in form.message.text()
    assert services.store.count("lead") == 0
    form.inputs["email"].setText("ana@zenith.example")
    with qtbot.waitSignal(view.saved, timeout=10_000) as saved:
        view.submit()
    assert services.store.get("lead", saved.args[0])["company"] == "Zenith[31m GmbH"


def test_an_entry_needs_a_name_or_an_email(qtbot, services):
    view = _kiosk(qtbot, services)
    _fill(view.form, first_name="Ana", company="Zenith")
    view.submit()
    assert "last name or your email" in view.form.message.text()
    assert services.store.count("lead") == 0


def _run(*args: str, cwd) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDNOTE_NO_KEYCHAIN="1")
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd, env=env)


@pytest.mark.slow
def test_the_command_line_renders_the_kiosk_and_refuses_what_it_cannot_use(data_dir, tmp_path):
    shot = tmp_path / "kiosk.png"
    done = _run("--data-dir", str(data_dir), "--kiosk", "--event", "Hannover Messe",
                "--screenshot", str(shot), "--size", "1024x640", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
    unknown = _run("--data-dir", str(data_dir), "--kiosk", "--event", "Nowhere Expo",
                   "--screenshot", str(tmp_path / "no.png"), cwd=tmp_path)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("fieldnote: No event named or with the id 'Nowhere Expo'")
    assert "Hannover Messe" in unknown.stderr and "Traceback" not in unknown.stderr
    assert not (tmp_path / "no.png").exists()
    alone = _run("--data-dir", str(data_dir), "--kiosk", cwd=tmp_path)
    assert alone.returncode == 2 and "--kiosk needs --event" in alone.stderr
    stray = _run("--data-dir", str(data_dir), "--event", "Hannover Messe", cwd=tmp_path)
    assert stray.returncode == 2 and "--event is for --kiosk" in stray.stderr


@pytest.mark.slow
def test_a_submitted_entry_survives_a_crash_right_after_the_thank_you(data_dir):
    """The process is SIGKILLed the moment the thank-you shows: the lead and its signature
    are on disk when the data dir is opened again."""
    import os
    import signal

    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from desktop.sync.blobs import open_file_cache

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "tests.desktop.leads.drive_kiosk",
                           str(data_dir), EVENT_ID], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == -signal.SIGKILL, done.stderr
    store = open_store(data_dir / DB_FILE)
    try:
        [lead] = store.all("lead")
        assert (lead["last_name"], lead["source"], lead["consent_method"]) == (
            "Durable", "kiosk", "signature")
        assert open_file_cache(data_dir).path_if_verified(lead["consent_signature_sha256"])
    finally:
        store.engine.dispose()


def test_the_leads_detail_shows_the_source_and_the_signature(qtbot, services):
    from desktop.store.leads import LeadBook
    from desktop.ui.leads.detail import LeadDetail

    view = _kiosk(qtbot, services)
    _fill(view.form, last_name="Silva", email="ana@zenith.example")
    view.form.consent.setChecked(True)
    _sign(view.form.pad)
    with qtbot.waitSignal(view.saved, timeout=10_000) as saved:
        view.submit()
    detail = LeadDetail(services, LeadBook(services.store))
    qtbot.addWidget(detail)
    detail.show()
    detail.show_lead(saved.args[0])
    facts = detail.facts.text() if hasattr(detail.facts, "text") else ""
    shown = " ".join(w.text() for w in detail.findChildren(type(detail.name_label)))
    assert "kiosk (visitor's own entry)" in shown + facts
    assert detail.signature_view.isVisible()
    assert not detail.signature_view.pixmap().isNull()
    assert "signature" in detail.consent_history.text()
