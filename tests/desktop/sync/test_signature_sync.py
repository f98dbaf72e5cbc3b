"""A visitor's consent signature travels with its lead through a real hub: the device uploads
the image before the lead that names it, marketing's device receives the lead, and once the
person is erased on the hub the image leaves the hub's blob directory and, at its next sync,
the device's file cache (overwritten, not just unlinked)."""

from __future__ import annotations

import hashlib

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
