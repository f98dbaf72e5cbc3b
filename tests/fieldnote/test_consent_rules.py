"""The consent rules of `fieldnote.consent`, pinned value by value: which write makes a new
statement, what it derives, how the history and a wording's versions grow, which wording a
visitor agrees to."""

from __future__ import annotations

import pytest

from fieldnote.consent import (
    IMPORTED,
    UNSPECIFIED,
    consent_history,
    current_wording,
    derived_fields,
    derives,
    given_statement,
    statement_of,
    withdrawal,
)

AT, LATER, LAST = "2026-05-01T10:00:00Z", "2026-06-01T09:00:00Z", "2026-07-01T08:00:00Z"
WORDING = {"id": "w-1", "version": 3, "text": "May we contact you?"}
ENTRY_KEYS = ["given", "at", "version", "wording_id", "method", "captured_by",
              "signature_sha256"]


def _signed() -> dict:
    return {**given_statement(WORDING, "signature", AT, "ab" * 32), "consent_captured_by": "u-rep"}


# --- statements and history ---------------------------------------------------------------


def test_consent_rule_a_lead_without_an_answer_has_no_statement():
    assert statement_of({}) is None
    assert statement_of({"consent_contact": None, "consent_at": AT}) is None
    assert consent_history({}) == []


def test_consent_rule_a_statement_is_every_evidence_field_under_its_history_key():
    assert statement_of(_signed()) == {
        "given": True, "at": AT, "version": "3", "wording_id": "w-1", "method": "signature",
        "captured_by": "u-rep", "signature_sha256": "ab" * 32}
    assert list(statement_of({"consent_contact": False})) == ENTRY_KEYS
    assert statement_of({"consent_contact": False}) == dict.fromkeys(ENTRY_KEYS) | {
        "given": False}


def test_consent_rule_the_history_is_earlier_statements_then_the_current_one():
    one, two = {"given": True, "at": AT}, {"given": False, "at": LATER}
    lead = {"consent_contact": True, "consent_at": LAST,
            "consent_history": [one, "junk", None, two]}
    history = consent_history(lead)
    assert history[:2] == [one, two]
    assert (history[2]["given"], history[2]["at"]) == (True, LAST)
    assert len(history) == 3
    history[0]["given"] = "changed"
    assert one["given"] is True  # a copy: the lead's own history is left alone
    assert consent_history({"consent_history": [one]}) == [one]


@pytest.mark.parametrize("changes", [
    {"consent_contact": True}, {"consent_at": AT}, {"consent_text_version": "1"},
    {"consent_wording_id": "w"}, {"consent_method": "verbal"},
    {"consent_signature_sha256": "ab"},
])
def test_consent_rule_each_statement_field_makes_a_write_derive(changes):
    assert derives("lead", changes)
    assert derives("lead", {"notes": "x", **changes})


@pytest.mark.parametrize(("kind", "changes", "derived"), [
    ("lead", {}, False), ("lead", {"notes": "x", "consent_captured_by": "u"}, False),
    ("consent_wording", {}, True), ("consent_wording", {"name": "x"}, True),
    ("event", {"consent_contact": True}, False),
])
def test_consent_rule_other_writes_do_not_derive(kind, changes, derived):
    assert derives(kind, changes) is derived


def test_consent_rule_a_change_of_evidence_alone_records_who_made_it_and_keeps_the_rest():
    before = _signed()
    derived = derived_fields("lead", before, {"consent_method": "verbal"}, "u-mo", LATER)
    assert derived == {"consent_captured_by": "u-mo", "consent_history": [statement_of(before)]}


def test_consent_rule_an_answer_cleared_is_a_statement_without_a_method():
    derived = derived_fields("lead", _signed(), {"consent_contact": None}, "u-mo", LATER)
    assert derived == {
        "consent_captured_by": "u-mo", "consent_wording_id": None,
        "consent_signature_sha256": None, "consent_method": None,
        "consent_history": [statement_of(_signed())]}


def test_consent_rule_a_statement_keeps_the_evidence_and_method_it_names():
    changes = {"consent_contact": False, "consent_method": IMPORTED, "consent_wording_id": "w-2",
               "consent_signature_sha256": None}
    derived = derived_fields("lead", _signed(), changes, "u-mo", LATER)
    assert derived == {"consent_captured_by": "u-mo",
                       "consent_history": [statement_of(_signed())]}


def test_consent_rule_the_history_grows_by_the_statement_replaced():
    first = {"given": True, "at": AT}
    before = {**_signed(), "consent_history": [first, "junk"]}
    derived = derived_fields("lead", before, withdrawal(LATER), "u-mo", LATER)
    assert derived["consent_history"] == [first, statement_of(before)]
    assert "consent_method" not in derived  # the withdrawal names its method


def test_consent_rule_a_first_statement_on_an_existing_lead_has_no_history():
    derived = derived_fields("lead", {"last_name": "Silva"}, {"consent_contact": True}, "u", AT)
    assert derived == {"consent_captured_by": "u", "consent_wording_id": None,
                       "consent_signature_sha256": None, "consent_method": UNSPECIFIED}


def test_consent_rule_a_field_sent_unchanged_is_no_new_statement():
    before = _signed()
    assert derived_fields("lead", before, {"consent_contact": True, "consent_at": AT}, "u",
                          LATER) == {}
    assert derived_fields("lead", before, {"consent_at": LATER}, "u", LATER)[
        "consent_captured_by"] == "u"


# --- the statements a device makes --------------------------------------------------------


def test_consent_rule_given_names_the_wording_and_its_version_as_text():
    assert given_statement(WORDING, "checkbox", AT) == {
        "consent_contact": True, "consent_at": AT, "consent_method": "checkbox",
        "consent_wording_id": "w-1", "consent_text_version": "3",
        "consent_signature_sha256": None}
    assert given_statement(None, "verbal", AT, "cd" * 32) == {
        "consent_contact": True, "consent_at": AT, "consent_method": "verbal",
        "consent_wording_id": None, "consent_text_version": None,
        "consent_signature_sha256": "cd" * 32}
    assert given_statement({}, "verbal", AT)["consent_wording_id"] is None


def test_consent_rule_a_withdrawal_clears_the_evidence_and_the_follow_up():
    assert withdrawal(LATER) == {
        "consent_contact": False, "consent_at": LATER, "consent_method": UNSPECIFIED,
        "consent_wording_id": None, "consent_text_version": None,
        "consent_signature_sha256": None, "follow_up": False}
    assert withdrawal(LATER, "verbal")["consent_method"] == "verbal"


# --- wordings -----------------------------------------------------------------------------


def test_wording_rule_a_new_wording_is_version_one_with_its_text():
    assert derived_fields("consent_wording", None, {"text": "A"}, "u", AT) == {
        "version": 1, "versions": [{"version": 1, "text": "A", "since": AT}]}
    assert derived_fields("consent_wording", None, {}, "u", AT) == {
        "version": 1, "versions": [{"version": 1, "text": None, "since": AT}]}


def test_wording_rule_a_new_text_is_the_next_version_and_the_old_texts_stay():
    before = {"text": "A", "version": 2, "versions": [
        {"version": 1, "text": "0", "since": AT}, "junk", {"version": 2, "text": "A",
                                                           "since": LATER}]}
    assert derived_fields("consent_wording", before, {"text": "B"}, "u", LAST) == {
        "version": 3, "versions": [{"version": 1, "text": "0", "since": AT},
                                   {"version": 2, "text": "A", "since": LATER},
                                   {"version": 3, "text": "B", "since": LAST}]}


@pytest.mark.parametrize("changes", [{}, {"name": "Stand"}, {"text": "A"}])
def test_wording_rule_the_same_text_is_no_new_version(changes):
    before = {"text": "A", "version": 2, "versions": []}
    assert derived_fields("consent_wording", before, changes, "u", LAST) == {}


def test_wording_rule_a_wording_without_a_version_gets_version_one():
    assert derived_fields("consent_wording", {"text": "A"}, {"text": "B"}, "u", AT) == {
        "version": 1, "versions": [{"version": 1, "text": "B", "since": AT}]}
    assert derived_fields("consent_wording", {"text": "A", "version": "4"}, {"text": "B"}, "u",
                          AT)["version"] == 5


def _w(wid, since=None, **kw):
    return {"id": wid, "versions": [{"since": s} for s in ([since] if since else [])], **kw}


def test_wording_rule_the_events_own_wording_wins_when_it_is_live():
    own, default = _w("own", AT), _w("def", LATER, is_default=True)
    assert current_wording([default, own], {"consent_wording_id": "own"}) is own
    assert current_wording([default, own], {"consent_wording_id": "gone"}) is default
    assert current_wording([default, {**own, "deleted": True}],
                           {"consent_wording_id": "own"}) is default
    assert current_wording([default, own], {"consent_wording_id": None}) is default
    assert current_wording([default, own], {}) is default
    assert current_wording([own], {"consent_wording_id": "own"}) is own
    assert current_wording([]) is None


def test_wording_rule_only_a_live_wording_marked_default_is_the_default():
    assert current_wording([_w("a", AT, is_default="yes"), _w("b", AT, is_default=1)]) is None
    assert current_wording([_w("a", AT, is_default=True, deleted=True)]) is None
    kept = _w("c", AT, is_default=True, deleted=False)
    assert current_wording([kept]) is kept


def test_wording_rule_the_default_whose_text_changed_last_wins_then_the_larger_id():
    old = {"id": "z", "is_default": True,
           "versions": [{"since": LAST}, {"since": AT}]}  # its latest text is from AT
    new = _w("a", LATER, is_default=True)
    assert current_wording([old, new]) is new
    assert current_wording([new, old]) is new
    tie_a, tie_b = _w("a", AT, is_default=True), _w("b", AT, is_default=True)
    assert current_wording([tie_b, tie_a]) is tie_b
    assert current_wording([tie_a, tie_b]) is tie_b
    unknown = _w("zz", None, is_default=True)  # no versions: older than any
    assert current_wording([unknown, tie_a]) is tie_a
    junk = {"id": "zz", "is_default": True, "versions": ["junk", {"since": None}]}
    assert current_wording([junk, tie_a]) is tie_a
