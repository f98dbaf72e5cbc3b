"""The CRM report rules pinned one by one: how each report format is told apart, what every
column and value of a report row becomes, the exact problems and refusals a user reads, how a
row is matched to its lead, and which outcome it adds (forward only, never twice)."""

from __future__ import annotations

import pytest

from fieldnote.crm import (
    Match,
    ReportRow,
    Step,
    adds_outcome,
    match_lead,
    outcome_fields,
    read_outcome_report,
    status_of,
)

NOW = "2026-12-07T12:00:00Z"
LEAD_ID = "0190abcd-0000-7000-8000-000000000001"


def csv(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode()


# -- telling the CRMs apart ------------------------------------------------------------------


@pytest.mark.parametrize(("header", "fmt"), [
    ("Email,Converted", "salesforce"),
    ("Email,Stage", "salesforce"),
    ("Email,Lead Status,StageName", "salesforce"),
    ("Email,IsConverted", "salesforce"),
    ("Email,Lifecycle Stage", "hubspot"),
    ("Email,Deal Stage", "hubspot"),
    ("Email,Lead Status,dealstage", "hubspot"),
    ("Email,lifecyclestage", "hubspot"),
])
def test_a_column_only_one_crm_has_tells_the_format(header, fmt):
    report = read_outcome_report(csv(header, "a@x.example" + "," * header.count(",")), now=NOW)
    assert report.refusal is None
    assert report.format == fmt


@pytest.mark.parametrize("header", ["Email,Stage,Lifecycle Stage", "Email,Converted,Deal Stage",
                                    "Email,Lead Status,Stage,Deal Stage"])
def test_columns_of_both_crms_leave_the_format_to_the_user(header):
    report = read_outcome_report(csv(header, "a@x.example,Closed Won,closedwon,"), now=NOW)
    assert (report.format, report.rows, report.unknown, report.problems) == (None, [], [], [])
    assert report.refusal == ("could be a Salesforce or a HubSpot report; say which with "
                              "--format salesforce or --format hubspot.")


@pytest.mark.parametrize(("statuses", "fmt"), [
    (["Working - Contacted"], "salesforce"),
    (["Open - Not Contacted"], "salesforce"),
    (["IN_PROGRESS"], "hubspot"),
    (["CONNECTED"], "hubspot"),
    # More values known to one CRM than to the other: that CRM.
    (["Working - Contacted", "Closed - Converted", "CONNECTED"], "salesforce"),
    (["CONNECTED", "OPEN_DEAL", "Working - Contacted"], "hubspot"),
    (["Working - Contacted", "Whatever"], "salesforce"),
    (["", "OPEN_DEAL"], "hubspot"),
    # As many known to each: not told.
    (["Working - Contacted", "CONNECTED"], None),
    (["CONNECTED", "Working - Contacted"], None),
    (["Working - Contacted", "Closed - Converted", "CONNECTED", "OPEN_DEAL"], None),
    # None known: not told.
    (["Whatever"], None),
    ([""], None),
])
def test_a_lead_status_alone_tells_the_crm_by_how_many_of_its_values_each_knows(statuses, fmt):
    lines = [f"a{i}@x.example,{s}" for i, s in enumerate(statuses)]
    report = read_outcome_report(csv("Email,Lead Status", *lines), now=NOW)
    assert report.format == fmt
    assert (report.refusal is None) is (fmt is not None)


# -- columns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("header", "column"), [
    ("Fieldnote ID", "Fieldnote ID"), ("Fieldnote_ID__c", "Fieldnote ID"),
    ("fieldnote_id", "Fieldnote ID"), ("FIELDNOTE ID", "Fieldnote ID"),
    ("Email", "Email"), ("E-mail", "Email"), ("Email Address", "Email"),
    ("Event", "Event"), ("Event__c", "Event"),
    ("Amount", "Amount"), ("Amount (converted)", "Amount"), ("Deal Amount", "Amount"),
    ("Close Date", "Close Date"), ("CloseDate", "Close Date"),
])
def test_each_header_spelling_is_read_as_its_column(header, column):
    report = read_outcome_report(csv(f"{header},Stage,Notes", "x,Closed Won,n"), now=NOW)
    assert report.columns == {header: column, "Stage": "Stage"}


def test_the_first_of_two_spellings_of_a_column_is_read():
    report = read_outcome_report(csv("E-mail,Email,Stage", "first@x.example,second@x.example,"
                                     "Prospecting"), now=NOW)
    assert report.columns == {"E-mail": "Email", "Stage": "Stage"}
    assert report.rows[0].email == "first@x.example"


def test_a_report_row_holds_what_its_cells_say():
    report = read_outcome_report(csv(
        "Fieldnote ID,Email,Event,Stage,Amount,Close Date",
        f"  {LEAD_ID.upper()} , Ana.Lima@X.example ,  Hannover   Messe ,Closed Won,"
        "\"12,500.50\",2026-11-30"), now=NOW)
    assert report.format == "salesforce" and report.problems == [] and report.unknown == []
    assert report.encoding == "utf-8"
    assert report.rows == [ReportRow(2, LEAD_ID, "Ana.Lima@X.example", "Hannover Messe", "won",
                                     None, 12500.5, "2026-11-30T00:00:00Z", "Stage: Closed Won")]


def test_blank_cells_are_none_and_a_short_row_is_read_as_blanks():
    report = read_outcome_report(csv("Stage,Fieldnote ID,Email,Event,Amount,Close Date",
                                     "Closed Lost"), now=NOW)
    assert report.rows == [ReportRow(2, None, None, None, "lost", None, None, None,
                                     "Stage: Closed Lost")]


def test_what_the_crm_said_is_each_status_column_in_order():
    report = read_outcome_report(csv(
        "Deal Stage,Email,Lifecycle Stage,Lead Status",
        "closedwon,a@x.example,customer,OPEN_DEAL",
        ",b@x.example,,Bad Timing"), now=NOW)
    assert [r.said for r in report.rows] == [
        "Lead Status: OPEN_DEAL; Lifecycle Stage: customer; Deal Stage: closedwon",
        "Lead Status: Bad Timing"]
    assert [(r.status, r.reason) for r in report.rows] == [("won", None), ("lost", "Timing")]


def test_a_row_with_no_status_is_kept_with_none():
    report = read_outcome_report(csv("Email,Stage", "a@x.example,"), now=NOW)
    assert report.rows == [ReportRow(2, None, "a@x.example", None, None, None, None, None, "")]


def test_unknown_values_name_their_line_and_column_and_the_row_is_still_read():
    report = read_outcome_report(csv(
        "Email,Lead Status,Stage",
        "a@x.example,Nurturing,Closed Won",
        "b@x.example,Working - Contacted,",
        "c@x.example,Nurturing,Maybe"), now=NOW)
    assert report.unknown == [(2, "Lead Status", "Nurturing"), (4, "Lead Status", "Nurturing"),
                              (4, "Stage", "Maybe")]
    assert [(r.line, r.status) for r in report.rows] == [(2, "won"), (3, "contacted"),
                                                         (4, None)]


def test_the_files_own_problems_come_first_and_rows_still_read():
    report = read_outcome_report(csv("Email,Stage,Stage", "a@x.example,Closed Won,x",
                                     "b@x.example,Closed Lost,y,", "c@x.example,Won,,"), now=NOW)
    assert report.problems == ["line 1: the column name 'Stage' appears twice; the second is "
                               "read as 'Stage (2)'"]
    assert [r.status for r in report.rows] == ["won", "lost", None]


def test_the_encoding_read_is_reported():
    data = "Email,Stage\r\nzoë@x.example,Closed Won\r\n".encode("utf-16")
    report = read_outcome_report(data, now=NOW)
    assert report.encoding.startswith("utf-16")
    assert report.rows[0].email == "zoë@x.example"


# -- amounts and dates -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "amount"), [
    ("12500", 12500.0),
    ("12500.00", 12500.0),
    ("$12,500.00", 12500.0),
    ("EUR 1.200,50", 1200.5),
    ("1.234.567,89 €", 1234567.89),
    ("12 500", 12500.0),
    ("0", 0.0),
    ("0.00", 0.0),
    ("+100", 100.0),
])
def test_amounts_are_read_as_reports_write_them(text, amount):
    report = read_outcome_report(csv("Email,Stage,Amount", f'a@x.example,Closed Won,"{text}"'),
                                 now=NOW)
    assert report.problems == []
    assert report.rows[0].amount == amount


@pytest.mark.parametrize("text", ["1,500", "lots", "-5", "-0.01", "\u22125", "$-12"])
def test_an_amount_that_cannot_be_read_for_certain_names_its_line(text):
    report = read_outcome_report(csv("Email,Stage,Amount", "a@x.example,Closed Won,1",
                                     f'b@x.example,Closed Won,"{text}"',
                                     "c@x.example,Closed Lost,"), now=NOW)
    assert report.problems == [f"line 3: the Amount {text!r} is not an amount that can be read "
                               "for certain (write it as 12500 or 12500.00); row not used"]
    assert [r.line for r in report.rows] == [2, 4]


@pytest.mark.parametrize("text", ["someday", "31/31/2026", "2026-13-01"])
def test_a_close_date_that_is_no_date_names_its_line(text):
    report = read_outcome_report(csv("Email,Stage,Close Date", "a@x.example,Closed Won,",
                                     f"b@x.example,Closed Won,{text}",
                                     "c@x.example,Closed Won,2026-01-02"), now=NOW)
    assert report.problems == [f"line 3: the Close Date {text!r} is not a date "
                               "(write it as 2026-12-31); row not used"]
    assert [(r.line, r.closed_on) for r in report.rows] == [(2, None),
                                                            (4, "2026-01-02T00:00:00Z")]


def test_a_bad_amount_and_a_bad_date_in_one_row_name_the_amount():
    report = read_outcome_report(csv("Email,Stage,Amount,Close Date",
                                     "a@x.example,Closed Won,lots,someday"), now=NOW)
    assert len(report.problems) == 1 and "Amount 'lots'" in report.problems[0]
    assert report.rows == []


@pytest.mark.parametrize(("dates", "read"), [
    # Month first unless one date of the file is only valid day first.
    (["11/30/2026", "12/01/2026"], ["2026-11-30", "2026-12-01"]),
    (["05/04/2026", "30/11/2026"], ["2026-04-05", "2026-11-30"]),
    (["05/04/2026", "04/30/2026"], ["2026-05-04", "2026-04-30"]),
    (["2026-11-30", "30.11.2026"], ["2026-11-30", "2026-11-30"]),
    (["2026-11-30T15:00:00+01:00"], ["2026-11-30T14:00:00Z"]),
])
def test_close_dates_are_read_as_the_file_writes_them(dates, read):
    lines = [f"a{i}@x.example,Closed Won,{d}" for i, d in enumerate(dates)]
    report = read_outcome_report(csv("Email,Stage,Close Date", *lines), now=NOW)
    assert report.problems == []
    assert [r.closed_on for r in report.rows] == [
        r if "T" in r else f"{r}T00:00:00Z" for r in read]


@pytest.mark.parametrize(("close", "at"), [
    ("2026-12-07T11:59:59Z", "2026-12-07T11:59:59Z"),
    ("2026-12-07T12:00:00Z", NOW),
    ("2026-12-07T12:00:01Z", NOW),
    ("2027-01-01", NOW),
])
def test_a_close_date_in_the_future_is_read_as_now(close, at):
    report = read_outcome_report(csv("Email,Stage,Close Date", f"a@x.example,Closed Won,{close}"),
                                 now=NOW)
    assert report.rows[0].closed_on == at


@pytest.mark.parametrize(("close", "at"), [
    ("2026-12-07T12:00:00Z", "2026-12-07T12:00:00Z"),
    ("2026-12-07T13:00:00+01:00", "2026-12-07T12:00:00Z"),
    ("2026-12-07T12:00:01Z", "2026-12-07T12:00:00+00:00"),
])
def test_a_close_date_at_now_is_kept_as_read_and_only_a_later_one_becomes_now(close, at):
    now = "2026-12-07T12:00:00+00:00"
    report = read_outcome_report(csv("Email,Stage,Close Date", f"a@x.example,Closed Won,{close}"),
                                 now=now)
    assert report.rows[0].closed_on == at


# -- refusals --------------------------------------------------------------------------------


def test_a_report_without_a_match_column_is_refused_in_full():
    report = read_outcome_report(csv("Name,Stage", "Ana,Closed Won"), now=NOW)
    assert report.refusal == (
        "has no Fieldnote ID or Email column, so its rows cannot be matched to leads; "
        "export the report with the Fieldnote ID (or Email) column.")
    assert (report.format, report.rows, report.unknown, report.problems) == (None, [], [], [])
    assert report.columns == {"Stage": "Stage"}


@pytest.mark.parametrize(("text", "says"), [
    ("Name,Stage\r\nZoë,Closed Won\r\n", "has no Fieldnote ID or Email column"),
    ("Email,Notes\r\nzoë@x.example,hi\r\n", "has no column saying what became"),
    ("Email,Lead Status\r\nzoë@x.example,Whatever\r\n", "could be a Salesforce"),
])
def test_a_refused_report_still_says_which_encoding_it_was_read_in(text, says):
    report = read_outcome_report(text.encode("utf-16"), now=NOW)
    assert report.refusal is not None and report.refusal.startswith(says)
    assert report.encoding.startswith("utf-16")


def test_a_report_without_a_status_column_is_refused_in_full():
    report = read_outcome_report(csv("Fieldnote ID,Amount,Amount", "x,1,2"), now=NOW)
    assert report.refusal == (
        "has no column saying what became of the leads (Lead Status, Converted, Stage, "
        "Lifecycle Stage or Deal Stage); export a lead, contact or opportunity report "
        "with one of them.")
    assert (report.format, report.rows, report.unknown) == (None, [], [])
    assert report.columns == {"Fieldnote ID": "Fieldnote ID", "Amount": "Amount"}
    assert len(report.problems) == 1 and report.problems[0].startswith("line 1:")
    assert report.encoding == "utf-8"


def test_a_report_of_no_known_crm_keeps_its_columns_and_problems():
    report = read_outcome_report(csv("Email,Lead Status,Email", "a@x.example,Whatever,b"),
                                 now=NOW)
    assert report.refusal is not None and report.refusal.startswith("could be a Salesforce")
    assert report.columns == {"Email": "Email", "Lead Status": "Lead Status"}
    assert len(report.problems) == 1 and "appears twice" in report.problems[0]


def test_an_empty_file_is_refused_with_its_problem():
    report = read_outcome_report(b"", now=NOW)
    assert report.refusal == "is empty."
    assert (report.format, report.rows, report.unknown, report.problems) == (
        None, [], [], ["The file is empty."])
    assert report.encoding == "utf-8"


def test_a_file_without_a_readable_header_says_which_encoding_it_was_read_in():
    # A header cell longer than the CSV reader's field limit: no header row can be read.
    report = read_outcome_report(('"' + "a" * 140_000 + '"\r\n').encode("utf-16"), now=NOW)
    assert report.refusal is not None and report.refusal.startswith("has no header row")
    assert report.encoding.startswith("utf-16") and report.rows == []


def test_a_given_format_reads_even_what_auto_would_not_tell():
    data = csv("Email,Stage,Deal Stage", "a@x.example,Closed Won,closedlost")
    assert read_outcome_report(data, now=NOW).refusal is not None
    sales = read_outcome_report(data, "salesforce", now=NOW)
    assert sales.format == "salesforce" and sales.rows[0].status == "won"
    assert sales.rows[0].said == "Stage: Closed Won"
    hub = read_outcome_report(data, "hubspot", now=NOW)
    assert hub.format == "hubspot" and hub.rows[0].status == "lost"


# -- status_of -------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "values", "step"), [
    # A blank column says nothing, and the columns after it still count.
    ("salesforce", {"Lead Status": "", "Stage": "Closed Won"}, Step("won")),
    ("salesforce", {"Lead Status": "", "Converted": "", "Stage": "Prospecting"},
     Step("opportunity")),
    ("hubspot", {"Lead Status": "", "Lifecycle Stage": "", "Deal Stage": "closedlost"},
     Step("lost")),
    # A loss outranks a disqualification; a win outranks both.
    ("salesforce", {"Lead Status": "Closed - Not Converted", "Stage": "Closed Lost"},
     Step("lost")),
    ("hubspot", {"Lead Status": "UNQUALIFIED", "Deal Stage": "closedlost"}, Step("lost")),
    ("hubspot", {"Lead Status": "UNQUALIFIED", "Deal Stage": "closedwon"}, Step("won")),
    ("hubspot", {"Lead Status": "BAD_TIMING", "Deal Stage": "closedwon"}, Step("won")),
    # The first loss decides, with its reason.
    ("hubspot", {"Lead Status": "BAD_TIMING", "Deal Stage": "closedlost"}, Step("lost", "Timing")),
    # Otherwise the furthest stage reached, whichever column says it.
    ("hubspot", {"Lead Status": "OPEN_DEAL", "Deal Stage": "appointmentscheduled"},
     Step("opportunity")),
    ("hubspot", {"Lead Status": "IN_PROGRESS", "Deal Stage": "appointmentscheduled"},
     Step("meeting")),
    ("hubspot", {"Lead Status": "CONNECTED", "Lifecycle Stage": "lead"}, Step("meeting")),
    ("salesforce", {"Lead Status": "Working - Contacted", "Converted": "false"},
     Step("contacted")),
    ("salesforce", {"Lead Status": "Open - Not Contacted", "Converted": "0"}, Step(None)),
    ("salesforce", {}, Step(None)),
    # Values compared without case, spaces or punctuation.
    ("salesforce", {"Stage": "closed-won"}, Step("won")),
    ("hubspot", {"Lead Status": "open deal"}, Step("opportunity")),
])
def test_a_rows_status_columns_together(fmt, values, step):
    assert status_of(fmt, values) == (step, [])


def test_a_known_value_decides_beside_unknown_ones():
    assert status_of("hubspot", {"Lead Status": "PARTNER", "Lifecycle Stage": "customer",
                                 "Deal Stage": "999"}) == (
        Step("won"), [("Lead Status", "PARTNER"), ("Deal Stage", "999")])


def test_a_value_of_the_other_crm_is_unknown():
    assert status_of("salesforce", {"Lead Status": "CONNECTED"}) == (
        Step(None), [("Lead Status", "CONNECTED")])
    assert status_of("hubspot", {"Lead Status": "Working - Contacted"}) == (
        Step(None), [("Lead Status", "Working - Contacted")])


# -- matching rows to leads ------------------------------------------------------------------


def row(**kw) -> ReportRow:
    base = {"line": 2, "lead_id": None, "email": None, "event": None, "status": "won"}
    return ReportRow(**{**base, **kw})


EVENTS = {"e1": ["Hannover Messe", "HM26"], "e2": ["CES", None], "7": ["Expo"]}


def test_a_fieldnote_id_takes_its_lead_whatever_the_email_says():
    lead = {"id": "l1", "event_id": "e1"}
    assert match_lead(row(lead_id="l1", email="a@x"), lead, [{"id": "l2"}, {"id": "l3"}]) == \
        match_lead(row(lead_id="l1"), lead, []) == Match("l1")


def test_a_fieldnote_id_as_a_number_is_read_as_text():
    assert match_lead(row(lead_id="7"), {"id": 7}, []).lead_id == "7"


def test_a_fieldnote_id_not_on_this_device_is_not_matched_by_email():
    assert match_lead(row(lead_id="l9", email="a@x"), None, [{"id": "l1"}]) == \
        Match(None, "no lead with the Fieldnote ID l9 on this device")


def test_a_row_without_id_or_email_is_not_matched():
    m = match_lead(row(event="CES"), None, [{"id": "l1"}], EVENTS)
    assert (m.lead_id, m.reason) == (None, "neither a Fieldnote ID nor an email")


def test_one_lead_with_the_email_is_the_match():
    m = match_lead(row(email="Ana@X.example"), None, [{"id": 5, "event_id": "e1"}])
    assert (m.lead_id, m.reason) == ("5", "")


def test_an_email_no_lead_has_is_not_matched():
    m = match_lead(row(email="ana@x.example"), None, [])
    assert (m.lead_id, m.reason) == (None, "no lead with the email ana@x.example")
    m = match_lead(row(email="ana@x.example", event="CES"), None, [{"id": "l1", "event_id": "e1"}],
                   EVENTS)
    assert (m.lead_id, m.reason) == (None, "no lead with the email ana@x.example at CES")


def test_an_email_several_leads_have_is_ambiguous():
    two = [{"id": "l1", "event_id": "e1"}, {"id": "l2", "event_id": "e1"},
           {"id": "l3", "event_id": "e2"}]
    m = match_lead(row(email="ana@x.example"), None, two)
    assert (m.lead_id, m.reason) == (None, "3 leads have the email ana@x.example; export the "
                                           "report with the Fieldnote ID column")
    m = match_lead(row(email="ana@x.example", event="Hannover Messe"), None, two, EVENTS)
    assert (m.lead_id, m.reason) == (None, "2 leads have the email ana@x.example at Hannover "
                                           "Messe; export the report with the Fieldnote ID "
                                           "column")


@pytest.mark.parametrize(("event", "lead_id"), [
    ("Hannover Messe", "l1"), ("hannover messe", "l1"), ("HM26", "l1"), ("hm26", "l1"),
    ("CES", "l2"), ("ces", "l2"), ("Expo", "l3"),
])
def test_the_rows_event_by_name_or_code_picks_among_leads_with_the_email(event, lead_id):
    leads = [{"id": "l1", "event_id": "e1"}, {"id": "l2", "event_id": "e2"},
             {"id": "l3", "event_id": 7}, {"id": "l4"}]
    m = match_lead(row(email="a@x", event=event), None, leads, EVENTS)
    assert (m.lead_id, m.reason) == (lead_id, "")


def test_an_event_is_ignored_without_the_events_names():
    m = match_lead(row(email="a@x", event="Elsewhere"), None, [{"id": "l1", "event_id": "e1"}])
    assert (m.lead_id, m.reason) == ("l1", "")


def test_a_missing_event_code_matches_no_row_event():
    m = match_lead(row(email="a@x", event="None"), None, [{"id": "l2", "event_id": "e2"}],
                   {"e2": [None]})
    assert m.lead_id is None


def test_a_report_matches_its_leads_by_id_then_email_with_case_and_spaces():
    report = read_outcome_report(csv("Fieldnote ID,Email,Stage",
                                     f" {LEAD_ID.upper()} ,,Closed Won",
                                     ",  ANA@X.example  ,Closed Lost"), now=NOW)
    by_id = {LEAD_ID: {"id": LEAD_ID}}
    first, second = report.rows
    assert match_lead(first, by_id.get(first.lead_id or ""), []).lead_id == LEAD_ID
    assert second.email == "ANA@X.example"
    assert match_lead(second, None, [{"id": "l2"}]).lead_id == "l2"


# -- which outcome a row adds ----------------------------------------------------------------


def outcome(status, oid="o1", **kw):
    return {"id": oid, "status": status, **kw}


@pytest.mark.parametrize(("status", "have", "adds"), [
    # Forward only: a funnel stage is added only beyond the furthest stage reached.
    ("contacted", [outcome("contacted")], False),
    ("meeting", [outcome("contacted")], True),
    ("opportunity", [outcome("opportunity")], False),
    ("opportunity", [outcome("won")], False),
    ("won", [outcome("opportunity")], True),
    ("meeting", [outcome("contacted"), outcome("opportunity", "o2")], False),
    ("won", [outcome("opportunity"), outcome("contacted", "o2")], True),
    # A loss or a disqualification is not a funnel stage: a stage after it still moves on.
    ("contacted", [outcome("lost")], True),
    ("meeting", [outcome("disqualified")], True),
    ("won", [outcome("lost"), outcome("disqualified", "o2")], True),
    ("lost", [outcome("opportunity")], True),
    ("disqualified", [outcome("won")], True),
    # Deleted and withdrawn outcomes do not count.
    ("meeting", [outcome("meeting", deleted=True)], True),
    ("lost", [outcome("lost", deleted=True)], True),
    ("lost", [outcome("lost"), outcome("lost", "o2", retracts="o1")], True),
    (None, [outcome("contacted")], False),
])
def test_an_outcome_is_added_only_when_it_moves_the_lead_on(status, have, adds):
    assert adds_outcome(status, have) is adds


def test_the_same_report_twice_adds_nothing_the_second_time():
    report = read_outcome_report(csv("Fieldnote ID,Stage,Amount,Close Date",
                                     f"{LEAD_ID},Closed Won,900,2026-11-30",
                                     "l2,Prospecting,,",
                                     "l3,Closed Lost,,2026-11-01"), now=NOW)
    stored: dict[str, list[dict]] = {LEAD_ID: [], "l2": [outcome("meeting")], "l3": []}
    for _run in range(2):
        added = []
        for r in report.rows:
            lead = str(r.lead_id)
            if adds_outcome(r.status, stored[lead]):
                fields = outcome_fields(lead, r, report.format or "", now=NOW)
                stored[lead].append({"id": f"o{len(added)}{lead}", **fields})
                added.append(fields["status"])
        if _run == 0:
            assert added == ["won", "opportunity", "lost"]
        else:
            assert added == []


# -- the outcome a row adds ------------------------------------------------------------------


@pytest.mark.parametrize(("status", "closed_on", "at"), [
    ("won", "2026-11-30T00:00:00Z", "2026-11-30T00:00:00Z"),
    ("lost", "2026-11-30T00:00:00Z", "2026-11-30T00:00:00Z"),
    ("won", None, NOW),
    ("lost", None, NOW),
    ("opportunity", "2026-11-30T00:00:00Z", NOW),
    ("disqualified", "2026-11-30T00:00:00Z", NOW),
    ("meeting", "2026-11-30T00:00:00Z", NOW),
])
def test_an_outcomes_time_is_a_closed_deals_close_date_else_now(status, closed_on, at):
    fields = outcome_fields("l1", row(status=status, closed_on=closed_on), "salesforce", now=NOW)
    assert fields == {"lead_id": "l1", "status": status, "source": "crm", "at": at}


@pytest.mark.parametrize(("status", "amount", "has"), [
    ("won", 1200.0, 1200.0), ("won", 0.0, 0.0), ("won", None, None),
    ("lost", 1200.0, None), ("opportunity", 1200.0, None),
])
def test_only_a_won_deal_carries_its_amount(status, amount, has):
    fields = outcome_fields("l1", row(status=status, amount=amount), "hubspot", now=NOW)
    assert fields.get("amount") == has
    assert ("amount" in fields) is (has is not None)


def test_an_outcome_carries_the_crms_reason_and_what_it_said():
    fields = outcome_fields("l1", row(status="lost", reason="Timing",
                                      said="Lead Status: BAD_TIMING"), "hubspot", now=NOW)
    assert fields == {"lead_id": "l1", "status": "lost", "source": "crm", "at": NOW,
                      "reason": "Timing", "note": "From HubSpot: Lead Status: BAD_TIMING"}
    sales = outcome_fields("l1", row(status="contacted", said="Lead Status: Working - Contacted"),
                           "salesforce", now=NOW)
    assert sales["note"] == "From Salesforce: Lead Status: Working - Contacted"
    assert "reason" not in sales
