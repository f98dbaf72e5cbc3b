"""Re-importing on a second device: leads imported on one device and synced through a real hub
are recognised on another, though the fingerprint itself never travels."""

from __future__ import annotations

from desktop.store.leads import IMPORT_FINGERPRINT, LeadBook
from desktop.store.marks import marked
from desktop.sync.state import Outcome
from fieldnote.leadcsv import read_lead_csv

# Rows without email or badge id: known again only by the person they name.
FILE = (b"First Name;Last Name;Company;Phone\r\n"
        b"Ana;Silva;Zenith GmbH;030 1234567\r\n"
        b"Bo;Berg;Acme;\r\n")


def import_file(device, event_id):
    book = LeadBook(device.store)
    try:
        parsed = read_lead_csv(FILE, event_id=event_id, default_region="DE")
        return book.import_leads(event_id, ((r.line, r.fields) for r in parsed.rows))
    finally:
        book.dispose()


def test_a_file_imported_on_one_device_adds_nothing_when_imported_on_another(make_device):
    marketer = make_device("marketer", "marketer@example.com")
    event_id = marketer.store.save("event", {"name": "Hannover Messe"}).record_id
    assert marketer.run().outcome is Outcome.OK
    rep = make_device("rep-laptop")
    assert rep.run().outcome is Outcome.OK
    first = import_file(rep, event_id)
    assert first.imported == 2
    report = rep.run()
    assert report.outcome is Outcome.OK, report.message
    assert marketer.run().outcome is Outcome.OK
    assert len(marketer.store.all("lead")) == 2

    again = import_file(marketer, event_id)
    assert (again.imported, again.duplicates) == (0, 2)
    assert len(marketer.store.all("lead")) == 2
    with marketer.store.engine.connect() as conn:
        assert marked(conn, "lead", IMPORT_FINGERPRINT) == []  # nothing travelled
