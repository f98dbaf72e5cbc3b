"""Consent in the local store (desktop.store.consent): what a save derives is what the hub
derives (fieldnote.consent), withdrawals keep the consent in the history, wordings version
themselves, and an organiser's consent column is recorded as "imported" under the event's
wording; `leads consent ...` as real processes."""

from __future__ import annotations

import json

from desktop.store import open_store
from desktop.store.consent import ConsentBook
from desktop.store.leads import LeadBook
from fieldnote.consent import given_statement
from tests.desktop.leads.conftest import EVENT_ID, MARKETER, REP
from tests.desktop.leads.test_cli import fieldnote, write_csv

AT = "2026-05-01T10:00:00Z"


def _store(path, user):
    store = open_store(path / "fieldnote.sqlite3")
    store.set_state("user", dict(user))
    return store


def test_a_saved_consent_records_who_took_it_and_a_withdrawal_keeps_it(data_dir):
    store = _store(data_dir, REP)
    book = ConsentBook(store)
    wording = book.save_wording({"name": "Booth", "text": "We may contact you."},
                                author_id=MARKETER["id"])
    w = book.wording(wording.record_id)
    assert (w["version"], [v["text"] for v in w["versions"]]) == (1, ["We may contact you."])
    lead = store.save("lead", {"last_name": "Silva", "email": "Ana@Zenith.example",
                               "captured_at": AT, "follow_up": True,
                               **given_statement(w, "checkbox", AT)})
    saved = store.get("lead", lead.record_id)
    assert (saved["consent_captured_by"], saved["consent_method"], saved["consent_text_version"]) \
        == (REP["id"], "checkbox", "1")
    [found] = book.leads_of("ana@zenith.EXAMPLE")
    book.withdraw(found["id"], "verbal")
    after = store.get("lead", lead.record_id)
    assert (after["consent_contact"], after["follow_up"], after["consent_method"]) == (
        False, False, "verbal")
    assert [h["method"] for h in after["consent_history"]] == ["checkbox"]
    # What goes to the hub: the statement, never the server-set recorder or history.
    [entry] = [e for e in store.outbox_entries() if e["record_id"] == lead.record_id]
    assert entry["fields"]["consent_contact"] is False
    assert "consent_history" not in entry["fields"] and "consent_captured_by" not in entry["fields"]
    # A new text is the wording's next version; the old text stays.
    book.save_wording({"text": "We may email you."}, wording.record_id)
    assert book.wording(wording.record_id)["version"] == 2
    store.engine.dispose()


def test_an_imported_consent_column_is_recorded_under_the_events_wording(data_dir, tmp_path):
    store = _store(data_dir, REP)
    consent = ConsentBook(store)
    default = consent.save_wording({"name": "Default", "text": "Hub default", "is_default": True})
    own = consent.save_wording({"name": "Expo terms", "text": "The organiser's terms"})
    assert consent.current()["id"] == default.record_id
    store.save("event", {"consent_wording_id": own.record_id}, EVENT_ID)
    assert consent.import_terms(LeadBook(store).event(EVENT_ID)) == {
        "consent_text_version": "1", "consent_wording_id": own.record_id}
    store.engine.dispose()
    rows = [["Last Name", "E-Mail", "Consent"], ["Silva", "ana@zenith.example", "yes"],
            ["Berg", "bo@acme.example", "no"], ["Cruz", "cy@acme.example", ""]]
    result = fieldnote("leads", "import", str(write_csv(tmp_path / "scans.csv", rows)),
                       "--event", EVENT_ID, "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    store = open_store(data_dir / "fieldnote.sqlite3")
    leads = {lead["last_name"]: lead for lead in store.all("lead")}
    store.engine.dispose()
    silva, berg, cruz = leads["Silva"], leads["Berg"], leads["Cruz"]
    assert (silva["consent_method"], silva["consent_wording_id"], silva["consent_text_version"]) \
        == ("imported", own.record_id, "1")
    assert (berg["consent_contact"], berg["consent_method"], berg["consent_wording_id"]) == (
        False, "imported", None)
    assert cruz["consent_contact"] is None and cruz["consent_method"] is None


def test_the_consent_commands_set_show_and_withdraw(data_dir):
    store = _store(data_dir, MARKETER)
    store.save("lead", {"last_name": "Silva", "email": "ana@zenith.example", "captured_at": AT,
                        "consent_contact": True, "consent_method": "checkbox"})
    store.save("lead", {"last_name": "Silva", "email": "ANA@zenith.example", "captured_at": AT})
    store.engine.dispose()
    data = ["--data-dir", str(data_dir)]
    none = fieldnote("leads", "consent", "wording", "show", *data)
    assert none.returncode == 1 and "No consent wording" in none.stderr
    made = fieldnote("leads", "consent", "wording", "set", "--text", "We may contact you.",
                     "--name", "Booth", "--default", "--event", EVENT_ID, *data)
    assert made.returncode == 0, made.stderr
    assert "version 1" in made.stdout and "the default wording" in made.stdout
    again = fieldnote("leads", "consent", "wording", "set", "--name", "booth", "--text",
                      "We may email you.", *data)
    assert again.returncode == 0 and "version 2" in again.stdout, again.stderr
    shown = fieldnote("leads", "consent", "wording", "show", "--event", EVENT_ID, "--json", *data)
    assert shown.returncode == 0, shown.stderr
    wording = json.loads(shown.stdout)
    assert (wording["name"], wording["version"], wording["text"], wording["is_default"]) == (
        "Booth", 2, "We may email you.", True)
    listed = json.loads(fieldnote("leads", "consent", "wording", "list", "--json", *data).stdout)
    assert [w["id"] for w in listed] == [wording["id"]]
    empty = fieldnote("leads", "consent", "wording", "set", "--text", "  ", *data)
    assert empty.returncode == 2 and "empty" in empty.stderr and "Traceback" not in empty.stderr

    gone = fieldnote("leads", "consent", "withdraw", "--email", "Ana@Zenith.example",
                     "--method", "verbal", *data)
    assert gone.returncode == 0, gone.stderr
    assert "Withdrew consent on 1 lead(s)" in gone.stdout
    assert "1 lead(s) of Ana@Zenith.example had no consent" in gone.stdout
    unknown = fieldnote("leads", "consent", "withdraw", "--email", "nobody@example.com", *data)
    assert unknown.returncode == 1 and "No lead with the email" in unknown.stderr
    store = open_store(data_dir / "fieldnote.sqlite3")
    [withdrawn] = [lead for lead in store.all("lead") if lead["consent_history"]]
    store.engine.dispose()
    assert (withdrawn["consent_contact"], withdrawn["consent_method"]) == (False, "verbal")


def test_a_rep_cannot_set_the_wording(data_dir):
    _store(data_dir, REP).engine.dispose()
    refused = fieldnote("leads", "consent", "wording", "set", "--text", "Mine",
                        "--data-dir", str(data_dir))
    assert refused.returncode == 3
    assert "Only marketers and administrators can change the consent wording" in refused.stderr
