"""A visitor's consent signature travels with its lead through a real hub: the device uploads
the image before the lead that names it, marketing's device receives the lead, and once the
person is erased on the hub the image leaves the hub's blob directory and, at its next sync,
the device's file cache (overwritten, not just unlinked)."""

from __future__ import annotations

import hashlib

import pytest

from desktop.sync.blobs import open_file_cache
from desktop.sync.state import Outcome
from fieldnote.consent import given_statement
from hub import privacy

AT = "2026-05-01T10:00:00Z"
EMAIL = "signed.visitor@example.com"
PNG = b"\x89PNG\r\n\x1a\n" + b"signed by hand " * 40
SHA = hashlib.sha256(PNG).hexdigest()


def _synced(device) -> None:  # type: ignore[no-untyped-def]
    report = device.run()
    assert report.outcome is Outcome.OK, report.message
    assert report.digest_matched


def test_a_signature_syncs_with_its_lead_and_is_shredded_after_erasure(make_device, hub):
    rep = make_device("rep")
    marketer = make_device("marketer", "marketer@example.com")
    cache = open_file_cache(rep.data_dir)
    assert cache.add_bytes(PNG) == SHA
    lead_id = rep.store.save("lead", {
        "last_name": "Signed", "email": EMAIL, "captured_at": AT, "source": "kiosk",
        **given_statement(None, "signature", AT, SHA)}).record_id
    _synced(rep)
    stored = hub.blobs_dir / SHA[:2] / SHA
    assert stored.read_bytes() == PNG
    # A sync does not take the device's own signature away (a record still names it).
    assert cache.path_if_verified(SHA) is not None
    _synced(marketer)
    seen = marketer.store.get("lead", lead_id)
    assert (seen["consent_method"], seen["consent_signature_sha256"], seen["source"]) == (
        "signature", SHA, "kiosk")

    report = privacy.erase_person(hub.engine, EMAIL, by="test", blobs_dir=hub.blobs_dir)
    assert report.leads == [lead_id] and report.files_removed == 1
    assert not stored.exists()
    _synced(rep)
    assert rep.store.get("lead", lead_id)["consent_signature_sha256"] is None
    assert not (cache.root / SHA).exists()
    for path in rep.data_dir.rglob("*"):
        if path.is_file():
            assert PNG not in path.read_bytes(), path


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_kiosk_entry_and_its_signature_reach_the_hub_the_export_and_leave_with_erasure(
        qtbot, qapp, make_device, hub, tmp_path):
    import base64
    import json

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from desktop.settings import Settings
    from desktop.startup import build_services
    from desktop.tasks import TaskRunner
    from desktop.ui.leads.kiosk import KioskView
    from desktop.ui.services import RecordChanges
    from fieldnote import kiosk as rules
    from hub.cli import main as hub_main

    rep = make_device("rep")
    event_id = rep.store.save("event", {"name": "Kiosk Expo"}).record_id
    services = build_services(rep.store, TaskRunner(), Settings.load(rep.data_dir),
                              RecordChanges(), rep.data_dir,
                              dict(rep.store.get_state("user") or {}))
    try:
        view = KioskView(services, {"id": event_id, "name": "Kiosk Expo"},
                         pin_hash=rules.hash_pin("2468"))
        qtbot.addWidget(view)
        view.show()
        form = view.form
        QTest.keyClicks(form.inputs["last_name"], "Kiosk")
        QTest.keyClicks(form.inputs["email"], EMAIL)
        form.consent.setChecked(True)
        QTest.mousePress(form.pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 50))
        QTest.mouseMove(form.pad, QPoint(220, 100))
        QTest.mouseRelease(form.pad, Qt.MouseButton.LeftButton, pos=QPoint(260, 60))
        with qtbot.waitSignal(view.saved, timeout=10_000) as saved:
            view.submit()
    finally:
        services.tasks.shutdown()
    lead_id = saved.args[0]
    sha = rep.store.get("lead", lead_id)["consent_signature_sha256"]
    image = (rep.data_dir / "blobs" / sha).read_bytes()
    _synced(rep)
    assert (hub.blobs_dir / sha[:2] / sha).read_bytes() == image

    out = tmp_path / "person.json"
    assert hub_main(["person", "export", "--email", EMAIL, "-o", str(out), "--db", hub.db_url,
                     "--blobs", str(hub.blobs_dir)]) == 0
    [lead] = json.loads(out.read_text(encoding="utf-8"))["leads"]
    assert lead["fields"]["source"] == "kiosk"
    assert lead["consent"]["consent_method"] == "signature"
    [attachment] = lead["attachments"]
    assert base64.b64decode(attachment["content_base64"]) == image

    assert hub_main(["person", "erase", "--email", EMAIL, "--yes", "--db", hub.db_url,
                     "--blobs", str(hub.blobs_dir)]) == 0
    assert not (hub.blobs_dir / sha[:2] / sha).exists()
    _synced(rep)
    assert not (rep.data_dir / "blobs" / sha).exists()
    assert rep.store.get("lead", lead_id)["last_name"] is None
