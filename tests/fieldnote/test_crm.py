"""Outcomes back from a CRM report: every default CRM value's meaning, the reading of a report,
the matching of its rows to leads and which outcome a row adds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldnote.crm import (
    OUTCOME_TABLE,
    ReportRow,
    adds_outcome,
    match_lead,
    outcome_fields,
    read_outcome_report,
    status_of,
)
from fieldnote.kinds import LEAD_OUTCOME, OUTCOME_STATUSES
from fieldnote.validation import clean_fields

NOW = "2026-12-07T12:00:00Z"

# The expected meaning of every default value, written out here independently of the table:
# (format, column, value as the CRM writes it, Fieldnote status or None, reason).
EXPECTED = [
    ("salesforce", "Lead Status", "Open - Not Contacted", None, None),
    ("salesforce", "Lead Status", "Working - Contacted", "contacted", None),
    ("salesforce", "Lead Status", "Closed - Converted", "opportunity", None),
    ("salesforce", "Lead Status", "Closed - Not Converted", "disqualified", None),
    ("salesforce", "Converted", "1", "opportunity", None),
    ("salesforce", "Converted", "true", "opportunity", None),
    ("salesforce", "Converted", "TRUE", "opportunity", None),
    ("salesforce", "Converted", "0", None, None),
    ("salesforce", "Converted", "false", None, None),
    ("salesforce", "Stage", "Prospecting", "opportunity", None),
    ("salesforce", "Stage", "Qualification", "opportunity", None),
    ("salesforce", "Stage", "Needs Analysis", "opportunity", None),
    ("salesforce", "Stage", "Value Proposition", "opportunity", None),
    ("salesforce", "Stage", "Id. Decision Makers", "opportunity", None),
    ("salesforce", "Stage", "Perception Analysis", "opportunity", None),
    ("salesforce", "Stage", "Proposal/Price Quote", "opportunity", None),
    ("salesforce", "Stage", "Negotiation/Review", "opportunity", None),
    ("salesforce", "Stage", "Closed Won", "won", None),
    ("salesforce", "Stage", "Closed Lost", "lost", None),
    ("hubspot", "Lead Status", "NEW", None, None),
    ("hubspot", "Lead Status", "New", None, None),
    ("hubspot", "Lead Status", "OPEN", None, None),
    ("hubspot", "Lead Status", "Open", None, None),
    ("hubspot", "Lead Status", "IN_PROGRESS", "contacted", None),
    ("hubspot", "Lead Status", "In Progress", "contacted", None),
    ("hubspot", "Lead Status", "ATTEMPTED_TO_CONTACT", "contacted", None),
    ("hubspot", "Lead Status", "Attempted to contact", "contacted", None),
    ("hubspot", "Lead Status", "CONNECTED", "meeting", None),
    ("hubspot", "Lead Status", "Connected", "meeting", None),
    ("hubspot", "Lead Status", "OPEN_DEAL", "opportunity", None),
    ("hubspot", "Lead Status", "Open deal", "opportunity", None),
    ("hubspot", "Lead Status", "UNQUALIFIED", "disqualified", None),
    ("hubspot", "Lead Status", "Unqualified", "disqualified", None),
    ("hubspot", "Lead Status", "BAD_TIMING", "lost", "Timing"),
    ("hubspot", "Lead Status", "Bad Timing", "lost", "Timing"),
    ("hubspot", "Lifecycle Stage", "subscriber", None, None),
    ("hubspot", "Lifecycle Stage", "Subscriber", None, None),
    ("hubspot", "Lifecycle Stage", "lead", None, None),
    ("hubspot", "Lifecycle Stage", "Lead", None, None),
    ("hubspot", "Lifecycle Stage", "marketingqualifiedlead", None, None),
    ("hubspot", "Lifecycle Stage", "Marketing qualified lead", None, None),
    ("hubspot", "Lifecycle Stage", "salesqualifiedlead", "contacted", None),
    ("hubspot", "Lifecycle Stage", "Sales Qualified Lead", "contacted", None),
    ("hubspot", "Lifecycle Stage", "opportunity", "opportunity", None),
    ("hubspot", "Lifecycle Stage", "Opportunity", "opportunity", None),
    ("hubspot", "Lifecycle Stage", "customer", "won", None),
    ("hubspot", "Lifecycle Stage", "Customer", "won", None),
    ("hubspot", "Lifecycle Stage", "evangelist", "won", None),
    ("hubspot", "Lifecycle Stage", "Evangelist", "won", None),
    ("hubspot", "Lifecycle Stage", "other", None, None),
    ("hubspot", "Lifecycle Stage", "Other", None, None),
    ("hubspot", "Deal Stage", "appointmentscheduled", "meeting", None),
    ("hubspot", "Deal Stage", "Appointment Scheduled", "meeting", None),
    ("hubspot", "Deal Stage", "qualifiedtobuy", "opportunity", None),
    ("hubspot", "Deal Stage", "Qualified To Buy", "opportunity", None),
    ("hubspot", "Deal Stage", "presentationscheduled", "opportunity", None),
    ("hubspot", "Deal Stage", "Presentation Scheduled", "opportunity", None),
    ("hubspot", "Deal Stage", "decisionmakerboughtin", "opportunity", None),
    ("hubspot", "Deal Stage", "Decision Maker Bought-In", "opportunity", None),
    ("hubspot", "Deal Stage", "contractsent", "opportunity", None),
    ("hubspot", "Deal Stage", "Contract Sent", "opportunity", None),
    ("hubspot", "Deal Stage", "closedwon", "won", None),
    ("hubspot", "Deal Stage", "Closed Won", "won", None),
    ("hubspot", "Deal Stage", "closedlost", "lost", None),
    ("hubspot", "Deal Stage", "Closed Lost", "lost", None),
]


@pytest.mark.parametrize(("fmt", "column", "value", "status", "reason"), EXPECTED,
                         ids=lambda v: str(v))
def test_each_default_crm_value_means_one_fieldnote_outcome(fmt, column, value, status, reason):
    step, unknown = status_of(fmt, {column: value})
    assert unknown == []
    assert (step.status, step.reason) == (status, reason)


def test_the_table_holds_only_what_the_expectations_name():
    table = {(f, c, v) for f, c, values, _s in OUTCOME_TABLE for v in values}
    expected = {(f, c, v) for f, c, v, _s, _r in EXPECTED}
    # Every value of the table is held by a test (labels may differ in case only).
    assert {(f, c, v.casefold()) for f, c, v in table} <= \
        {(f, c, v.casefold()) for f, c, v in expected} | {("salesforce", "Converted", "yes"),
                                                          ("salesforce", "Converted", "no")}
    assert all(s.status in (None, *OUTCOME_STATUSES) for *_x, s in OUTCOME_TABLE)


@pytest.mark.parametrize(("fmt", "values"), [
    ("salesforce", {"Lead Status": "Nurturing"}),
    ("salesforce", {"Stage": "Closed Maybe"}),
    ("salesforce", {"Converted": "perhaps"}),
    ("hubspot", {"Lead Status": "CUSTOM_STATUS"}),
    ("hubspot", {"Deal Stage": "12345678"}),
    ("hubspot", {"Lifecycle Stage": "partner"}),
])
def test_a_value_the_table_does_not_know_is_reported(fmt, values):
    step, unknown = status_of(fmt, values)
    assert step.status is None
    assert unknown == list(values.items())


@pytest.mark.parametrize(("fmt", "values", "status"), [
    ("salesforce", {"Lead Status": "Closed - Converted", "Stage": "Closed Won"}, "won"),
    ("salesforce", {"Lead Status": "Closed - Converted", "Stage": "Closed Lost"}, "lost"),
    ("salesforce", {"Lead Status": "Working - Contacted", "Converted": "1"}, "opportunity"),
    ("hubspot", {"Lead Status": "UNQUALIFIED", "Lifecycle Stage": "opportunity"}, "disqualified"),
    ("hubspot", {"Lifecycle Stage": "customer", "Deal Stage": "closedlost"}, "won"),
    ("hubspot", {"Lead Status": "CONNECTED", "Lifecycle Stage": "salesqualifiedlead"}, "meeting"),
])
def test_a_rows_columns_together_say_the_decisive_outcome(fmt, values, status):
    assert status_of(fmt, values)[0].status == status


def csv(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode()


def test_a_salesforce_opportunity_report_is_read_with_amounts_and_close_dates():
    report = read_outcome_report(csv(
        "Opportunity Name,Stage,Amount,Close Date,Fieldnote ID,Email",
        "Acme deal,Closed Won,\"$12,500.00\",11/30/2026,0190ABCD-0000-7000-8000-000000000001,",
        "Zenith,Closed Lost,,12/01/2026,,ana@zenith.example",
        "Open one,Proposal/Price Quote,3000,12/31/2027,,bo@acme.example",
    ), now=NOW)
    assert report.refusal is None and report.format == "salesforce"
    won, lost, open_ = report.rows
    assert (won.status, won.amount, won.closed_on) == ("won", 12500.0, "2026-11-30T00:00:00Z")
    assert won.lead_id == "0190abcd-0000-7000-8000-000000000001"
    assert (lost.status, lost.email, lost.lead_id) == ("lost", "ana@zenith.example", None)
    assert open_.closed_on == NOW  # a future close date is an expectation, not a fact
    assert report.unknown == []


def test_a_hubspot_export_is_told_from_its_columns_and_values():
    report = read_outcome_report(csv(
        "Email,Lead Status,Lifecycle Stage,Deal Stage,Amount,Close Date",
        "a@x.example,OPEN_DEAL,customer,closedwon,1000,2026-12-01",
        "b@x.example,Bad Timing,Lead,,,",
        "c@x.example,PARTNER,,,,",
    ), now=NOW)
    assert report.format == "hubspot"
    assert [r.status for r in report.rows] == ["won", "lost", None]
    assert report.rows[1].reason == "Timing"
    assert report.unknown == [(4, "Lead Status", "PARTNER")]


@pytest.mark.parametrize(("text", "fmt"), [
    ("Email,Lead Status\r\na@x.example,Working - Contacted\r\n", "salesforce"),
    ("Email,Lead Status\r\na@x.example,ATTEMPTED_TO_CONTACT\r\n", "hubspot"),
])
def test_a_lead_status_alone_tells_the_crm_by_its_values(text, fmt):
    assert read_outcome_report(text.encode(), now=NOW).format == fmt


@pytest.mark.parametrize(("text", "says"), [
    ("First Name,Company\r\nAna,Acme\r\n", "no Fieldnote ID or Email column"),
    ("Email,Company\r\na@x.example,Acme\r\n", "no column saying what became of the leads"),
    ("Email,Lead Status\r\na@x.example,Whatever\r\n", "--format salesforce"),
    ("Email,Stage,Deal Stage\r\na@x.example,Closed Won,closedwon\r\n", "--format"),
    ("", "is empty"),
])
def test_a_file_that_is_no_crm_report_is_refused_with_one_line(text, says):
    report = read_outcome_report(text.encode(), now=NOW)
    assert report.refusal is not None and says in report.refusal
    assert "\n" not in report.refusal and report.rows == []


def test_a_file_refused_as_no_csv_uses_the_lead_list_reasons():
    report = read_outcome_report(b"%PDF-1.7 binary", now=NOW)
    assert report.refusal is not None and report.refusal.startswith("is a PDF document")


def test_a_given_format_is_used_as_given():
    text = csv("Email,Lead Status", "a@x.example,Working - Contacted")
    report = read_outcome_report(text, "hubspot", now=NOW)
    assert report.format == "hubspot"
    assert report.unknown == [(2, "Lead Status", "Working - Contacted")]


@pytest.mark.parametrize(("amount", "close"), [("1,500", ""), ("lots", ""), ("-5", ""),
                                                ("", "someday")])
def test_a_row_whose_amount_or_date_cannot_be_read_is_not_used(amount, close):
    report = read_outcome_report(csv("Email,Stage,Amount,Close Date",
                                     f"a@x.example,Closed Won,{amount},{close}"), now=NOW)
    assert report.rows == []
    assert len(report.problems) == 1 and report.problems[0].startswith("line 2:")


def test_formula_guarded_cells_of_our_own_exports_are_read_back():
    report = read_outcome_report(csv("Email,Stage,Amount", "'=a@x.example,Closed Won,'+100"),
                                 now=NOW)
    assert report.rows[0].email == "=a@x.example"
    assert report.rows[0].amount == 100.0


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_never_raised(data):
    report = read_outcome_report(data, now=NOW)
    assert (report.refusal is None) or report.rows == []


def row(**kw) -> ReportRow:
    base = {"line": 2, "lead_id": None, "email": None, "event": None, "status": "won"}
    return ReportRow(**{**base, **kw})


LEAD = {"id": "l1", "event_id": "e1"}


def test_a_fieldnote_id_matches_its_lead_and_nothing_else():
    assert match_lead(row(lead_id="l1"), LEAD, []).lead_id == "l1"
    missing = match_lead(row(lead_id="l9", email="a@x"), None, [LEAD])
    assert missing.lead_id is None and "l9" in missing.reason


def test_an_email_matches_only_when_one_lead_has_it():
    assert match_lead(row(email="a@x"), None, [LEAD]).lead_id == "l1"
    two = [LEAD, {"id": "l2", "event_id": "e2"}]
    assert match_lead(row(email="a@x"), None, two).lead_id is None
    events = {"e1": ["Hannover Messe", "HM26"], "e2": ["CES"]}
    assert match_lead(row(email="a@x", event="hm26"), None, two, events).lead_id == "l1"
    assert match_lead(row(email="a@x", event="Other"), None, two, events).lead_id is None
    assert "no lead" in match_lead(row(email="a@x"), None, []).reason
    assert match_lead(row(), None, []).lead_id is None


def outcome(status, oid="o1", **kw):
    return {"id": oid, "status": status, **kw}


@pytest.mark.parametrize(("target", "have", "adds"), [
    ("contacted", [], True),
    ("won", [], True),
    ("contacted", [outcome("meeting")], False),
    ("meeting", [outcome("meeting")], False),
    ("opportunity", [outcome("meeting")], True),
    ("won", [outcome("won")], False),
    ("won", [outcome("lost")], True),
    ("lost", [], True),
    ("lost", [outcome("lost")], False),
    ("lost", [outcome("won")], True),
    ("disqualified", [outcome("lost")], True),
    ("disqualified", [outcome("disqualified")], False),
    # A withdrawn outcome does not count: the CRM's word is added again.
    ("won", [outcome("won"), outcome("won", "o2", retracts="o1")], True),
    (None, [], False),
])
def test_a_row_adds_an_outcome_only_when_it_moves_the_lead(target, have, adds):
    assert adds_outcome(target, have) is adds


def test_the_outcome_added_is_a_valid_lead_outcome_from_the_crm():
    fields = outcome_fields("0190abcd-0000-7000-8000-000000000001",
                            row(status="won", amount=1200.0, closed_on="2026-11-30T00:00:00Z",
                                said="Stage: Closed Won"), "salesforce", now=NOW)
    assert fields["source"] == "crm" and fields["amount"] == 1200.0
    assert fields["at"] == "2026-11-30T00:00:00Z"
    assert fields["note"] == "From Salesforce: Stage: Closed Won"
    clean_fields(LEAD_OUTCOME, fields)
    contacted = outcome_fields("0190abcd-0000-7000-8000-000000000001",
                               row(status="contacted", closed_on="2026-11-30T00:00:00Z",
                                   amount=5.0), "hubspot", now=NOW)
    assert contacted["at"] == NOW and "amount" not in contacted


def test_an_outcome_source_other_than_the_crm_is_refused():
    from fieldnote.validation import ValidationFailed

    with pytest.raises(ValidationFailed):
        clean_fields(LEAD_OUTCOME, {"lead_id": "0190abcd-0000-7000-8000-000000000001",
                                    "status": "won", "source": "spreadsheet"})
