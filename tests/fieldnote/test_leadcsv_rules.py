"""The export and header rules of `fieldnote.leadcsv`, pinned value by value: what each CRM
column and vCard line holds, where a vCard line folds, and the one line a file without usable
columns is refused with."""

from __future__ import annotations

import csv
import io

import pytest

from fieldnote.leadcsv import (
    HUBSPOT_COLUMNS,
    NOT_PROVIDED,
    SALESFORCE_COLUMNS,
    SALESFORCE_LIMITS,
    CsvImport,
    _fold,
    _header_for,
    _lifecycle,
    _looks_like_data,
    _no_column_refusal,
    _vescape,
    dates_day_first,
    parse_scan_time,
    read_lead_csv,
    write_hubspot_csv,
    write_salesforce_csv,
    write_vcards,
)

LEAD = {
    "id": "l-1", "first_name": "Ana", "last_name": "Silva", "email": "ana@example.com",
    "phone": "+49 30 1234", "company": "Acme; Ltd", "title": "Buyer", "address": "Main St 1",
    "country": "DE", "notes": "Call back", "badge_id": "B-7", "event_id": "e-1",
    "captured_by": "u-1", "captured_at": "2026-11-24T10:00:00Z", "grade": "hot", "score": 12,
    "qualified": True, "consent_contact": True, "status": "meeting",
}


# --- HubSpot ------------------------------------------------------------------------------


def _hubspot_rows(leads, **kw) -> list[dict[str, str]]:
    data = write_hubspot_csv(leads, **kw)
    assert data.startswith(b"First Name,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert all(list(row) == list(HUBSPOT_COLUMNS) for row in rows)
    return rows


def test_hubspot_rule_each_column_holds_its_field():
    row, = _hubspot_rows([LEAD], users_by_id={"u-1": {"name": "Rita Rep"}},
                         events_by_id={"e-1": {"name": "Expo", "campaign_code": "EX26"}})
    assert row == {
        "First Name": "Ana", "Last Name": "Silva", "Email": "ana@example.com",
        "Phone Number": "'+49 30 1234", "Company Name": "Acme; Ltd", "Job Title": "Buyer",
        "Street Address": "Main St 1", "Country/Region": "DE", "Lead Status": "Connected",
        "Lifecycle Stage": "Marketing qualified lead",
        "Message": "Call back\n\nQualification: 12 points, hot, qualified", "Event": "Expo",
        "Campaign Code": "EX26", "Badge ID": "B-7", "Captured At": "2026-11-24T10:00:00Z",
        "Captured By": "Rita Rep", "Lead Grade": "hot", "Lead Score": "12", "Qualified": "true",
        "Consent To Contact": "true", "Unsubscribed from all email": "false",
        "Fieldnote ID": "l-1",
    }


def test_hubspot_rule_an_empty_lead_is_new_and_unsubscribed():
    row, = _hubspot_rows([{}])
    assert row == dict.fromkeys(HUBSPOT_COLUMNS, "") | {
        "Lead Status": "New", "Lifecycle Stage": "Lead", "Consent To Contact": "false",
        "Unsubscribed from all email": "true"}


def test_hubspot_rule_the_capturer_or_else_the_owner_is_named():
    users = {"u-1": {"name": "Capturer"}, "u-2": {"name": "Owner"}}
    rows = _hubspot_rows([{"captured_by": "u-1", "owner_id": "u-2"}, {"owner_id": "u-2"},
                          {"captured_by": "u-9"}], users_by_id=users)
    assert [r["Captured By"] for r in rows] == ["Capturer", "Owner", ""]


@pytest.mark.parametrize(("status", "label"), [
    (None, "New"), ("contacted", "Attempted to contact"), ("meeting", "Connected"),
    ("opportunity", "Open deal"), ("won", "Open deal"), ("lost", "Unqualified"),
    ("disqualified", "Unqualified"), ("odd", "New"),
])
def test_hubspot_rule_lead_status_from_the_latest_outcome(status, label):
    row, = _hubspot_rows([{"status": status}])
    assert row["Lead Status"] == label


@pytest.mark.parametrize(("lead", "stage"), [
    ({}, "Lead"), ({"qualified": False}, "Lead"), ({"qualified": "yes"}, "Lead"),
    ({"qualified": True}, "Marketing qualified lead"),
    ({"qualified": True, "status": "meeting"}, "Marketing qualified lead"),
    ({"status": "opportunity"}, "Opportunity"), ({"qualified": True, "status": "opportunity"},
                                                 "Opportunity"),
    ({"status": "won"}, "Customer"), ({"qualified": True, "status": "won"}, "Customer"),
    ({"status": "lost", "qualified": True}, "Marketing qualified lead"),
])
def test_hubspot_rule_lifecycle_stage(lead, stage):
    assert _lifecycle(lead) == stage
    row, = _hubspot_rows([lead])
    assert row["Lifecycle Stage"] == stage


@pytest.mark.parametrize(("consent", "may", "unsubscribed"), [
    (True, "true", "false"), (False, "false", "true"), (None, "false", "true"),
    ("true", "false", "true"),
])
def test_hubspot_rule_unsubscribed_unless_the_visitor_consented(consent, may, unsubscribed):
    row, = _hubspot_rows([{"consent_contact": consent}])
    assert (row["Consent To Contact"], row["Unsubscribed from all email"]) == (may, unsubscribed)


# --- vCards -------------------------------------------------------------------------------


def test_vcard_rule_every_field_on_its_line():
    assert write_vcards([LEAD]) == (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        "N:Silva;Ana;;;\r\n"
        "FN:Ana Silva\r\n"
        "ORG:Acme\\; Ltd\r\n"
        "TITLE:Buyer\r\n"
        "EMAIL;TYPE=INTERNET,WORK:ana@example.com\r\n"
        "TEL;TYPE=WORK,VOICE:+49 30 1234\r\n"
        "ADR;TYPE=WORK:;;Main St 1;;;;DE\r\n"
        "NOTE:Call back\r\n"
        "X-BADGE-ID:B-7\r\n"
        "UID:urn:uuid:l-1\r\n"
        "END:VCARD\r\n")


def test_vcard_rule_a_lead_without_fields_is_a_card_named_lead():
    assert write_vcards([{}, {"first_name": None}]) == (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Lead\r\nEND:VCARD\r\n") * 2
    assert write_vcards([]) == ""


@pytest.mark.parametrize(("lead", "fn"), [
    ({"first_name": "Ana"}, "Ana"), ({"last_name": "Silva"}, "Silva"),
    ({"first_name": "Ana", "last_name": "Silva", "company": "Acme"}, "Ana Silva"),
    ({"company": "Acme", "email": "a@x.org"}, "Acme"),
    ({"email": "a@x.org", "badge_id": "B"}, "a@x.org"),
    ({"badge_id": "B"}, "B"),
    ({"first_name": "", "last_name": "", "company": ""}, "Lead"),
])
def test_vcard_rule_the_shown_name_falls_back_to_company_email_badge(lead, fn):
    lines = write_vcards([lead]).split("\r\n")
    assert lines[3] == f"FN:{fn}"
    assert lines[2] == f"N:{lead.get('last_name') or ''};{lead.get('first_name') or ''};;;"


@pytest.mark.parametrize(("lead", "adr"), [
    ({"country": "DE"}, "ADR;TYPE=WORK:;;;;;;DE"),
    ({"address": "Main St 1"}, "ADR;TYPE=WORK:;;Main St 1;;;;"),
    ({"address": "a,b", "country": "D;E"}, "ADR;TYPE=WORK:;;a\\,b;;;;D\\;E"),
    ({"address": "", "country": ""}, None),
])
def test_vcard_rule_the_address_line_holds_street_and_country(lead, adr):
    lines = write_vcards([lead]).split("\r\n")
    assert [line for line in lines if line.startswith("ADR")] == ([adr] if adr else [])


@pytest.mark.parametrize(("value", "escaped"), [
    ("a\\b", "a\\\\b"), ("a;b", "a\\;b"), ("a,b", "a\\,b"), ("a\r\nb", "a\\nb"),
    ("a\rb", "a\\nb"), ("a\nb", "a\\nb"), ("a\tb", "a b"), ("a\x00\x07b", "ab"),
    ("\\;,\r\n\n\t", "\\\\\\;\\,\\n\\n "), (None, ""), (True, "true"), (["x", "y"], "x\\, y"),
    ("Zoë 🙂", "Zoë 🙂"),
])
def test_vcard_rule_values_are_escaped(value, escaped):
    assert _vescape(value) == escaped


@pytest.mark.parametrize("length", [74, 75, 76, 149, 150, 151])
def test_vcard_rule_lines_fold_at_75_octets_and_continuations_at_74_after_the_space(length):
    line = "x" * length
    folded = _fold(line)
    pieces = folded.split("\r\n ")
    assert "".join(pieces) == line
    assert [len(p) for p in pieces] == (
        [length] if length <= 75 else
        [75, *([74] * ((length - 75) // 74)), *([(length - 75) % 74] if (length - 75) % 74 else [])])


@pytest.mark.parametrize(("prefix", "pieces"), [
    (73, [75]),  # 73 + the 2-octet é = 75: fits
    (74, [74, 2]),  # 74 + 2 = 76: é starts the next line
])
def test_vcard_rule_a_fold_never_splits_a_character(prefix, pieces):
    line = "x" * prefix + "é"
    folded = _fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert [len(p.encode("utf-8")) for p in parts] == pieces


def test_vcard_rule_long_values_are_folded_in_the_card():
    card = write_vcards([{"notes": "n" * 200}])
    assert "NOTE:" + "n" * 70 + "\r\n " + "n" * 74 + "\r\n " + "n" * 56 + "\r\n" in card
    assert all(len(line.encode()) <= 75 for line in card.split("\r\n"))


# --- files without usable columns ---------------------------------------------------------


@pytest.mark.parametrize(("header", "what"), [
    ("ana@example.com", "an email address"), ("ana@example", None), ("example.com", None),
    ("+49 (30) 123-45", "a number or date"), ("24.11.2026", "a number or date"),
    ("10:15", "a number or date"), ("2026/11/24", "a number or date"), ("- / .", None),
    ("Phone 2", None), ("", None),
])
def test_header_rule_a_value_in_the_first_line_is_recognised(header, what):
    assert _looks_like_data(header) == what


def test_header_rule_a_first_line_of_data_is_refused_as_no_header():
    refusal = ("has no header row: its first line holds data ({}); add a first line naming the "
               "columns (First Name, Last Name, Email, Company…).")
    assert _no_column_refusal(["Ana", "ana@example.com", "+49 30 1"]) == (
        refusal.format("an email address"), "no_header")
    assert _no_column_refusal(["Ana", "+49 30 1", "ana@example.com"]) == (
        refusal.format("a number or date"), "no_header")


@pytest.mark.parametrize(("headers", "shown"), [
    (["a", "b"], "a, b"),
    (["a", "b", "c", "d", "e"], "a, b, c, d, e"),
    (["a", "b", "c", "d", "e", "f"], "a, b, c, d, e, …"),
    (["  x \n  y ", "z" * 31], "x y, " + "z" * 30),
])
def test_header_rule_a_file_without_known_columns_names_its_first_five(headers, shown):
    assert _no_column_refusal(headers) == (
        f"has no column for a name, email, company, phone or badge id (its columns: {shown}); "
        "rename the columns or choose where they go.", "no_column")


@pytest.mark.parametrize(("target", "mapping", "header"), [
    ("phone", {"Tel": "phone"}, "Tel"),
    ("phone", {"Handy": "mobile"}, "Handy"),
    ("first_name", {"Name": "full_name"}, "Name"),
    ("last_name", {"Name": "full_name"}, "Name"),
    ("last_name", {"Surname": "last_name"}, "Surname"),
    ("company", {"Name": "full_name"}, "company"),
    ("company", {"Handy": "mobile"}, "company"),
    ("first_name", {"Handy": "mobile"}, "first name"),
    ("badge_id", {}, "badge id"),
    ("phone", {"Name": "full_name", "Tel": "phone"}, "Tel"),
])
def test_header_rule_a_problem_names_the_column_it_came_from(target, mapping, header):
    headers = list(mapping)
    assert _header_for(headers, mapping, target) == header


# --- Salesforce ---------------------------------------------------------------------------


def _salesforce_rows(leads, **kw) -> list[dict[str, str]]:
    data = write_salesforce_csv(leads, **kw)
    assert data.startswith(b"First Name,Last Name,Email,Company,")
    assert data.endswith(b"\r\n") and b"\xef\xbb\xbf" not in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert all(list(row) == list(SALESFORCE_COLUMNS) for row in rows)
    return rows


# Which lead field each Salesforce column with a length limit is written from.
SF_FIELDS = {"First Name": "first_name", "Last Name": "last_name", "Email": "email",
             "Company": "company", "Title": "title", "Phone": "phone", "Street": "address",
             "Country": "country"}


def test_salesforce_rule_the_columns_and_their_order():
    assert write_salesforce_csv([]) == (
        b"First Name,Last Name,Email,Company,Title,Phone,Street,Country,Lead Source,"
        b"Lead Status,Rating,Email Opt Out,Do Not Call,Description,Event,Campaign Code,"
        b"Badge ID,Captured At,Captured By,Score,Qualified,Fieldnote ID\r\n")
    assert set(SF_FIELDS) | {"Description"} == set(SALESFORCE_LIMITS)


def test_salesforce_rule_each_column_holds_its_field():
    row, = _salesforce_rows([LEAD], users_by_id={"u-1": {"name": "Rita Rep"}},
                            events_by_id={"e-1": {"name": "Expo", "campaign_code": "EX26"}})
    assert row == {
        "First Name": "Ana", "Last Name": "Silva", "Email": "ana@example.com",
        "Company": "Acme; Ltd", "Title": "Buyer", "Phone": "'+49 30 1234",
        "Street": "Main St 1", "Country": "DE", "Lead Source": "Trade Show",
        "Lead Status": "Working - Contacted", "Rating": "Hot", "Email Opt Out": "false",
        "Do Not Call": "false",
        "Description": "Call back\n\nQualification: 12 points, hot, qualified",
        "Event": "Expo", "Campaign Code": "EX26", "Badge ID": "B-7",
        "Captured At": "2026-11-24T10:00:00Z", "Captured By": "Rita Rep", "Score": "12",
        "Qualified": "true", "Fieldnote ID": "l-1",
    }


def test_salesforce_rule_an_empty_lead_names_no_person_and_is_opted_out():
    row, = _salesforce_rows([{}])
    assert row == dict.fromkeys(SALESFORCE_COLUMNS, "") | {
        "Last Name": NOT_PROVIDED, "Company": NOT_PROVIDED, "Lead Source": "Trade Show",
        "Lead Status": "Open - Not Contacted", "Email Opt Out": "true", "Do Not Call": "true"}


def test_salesforce_rule_the_capturer_or_else_the_owner_is_named():
    users = {"u-1": {"name": "Capturer"}, "u-2": {"name": "Owner"}}
    rows = _salesforce_rows([{"captured_by": "u-1", "owner_id": "u-2"}, {"owner_id": "u-2"},
                             {"captured_by": "u-9"}], users_by_id=users)
    assert [r["Captured By"] for r in rows] == ["Capturer", "Owner", ""]


@pytest.mark.parametrize(("status", "label"), [
    (None, "Open - Not Contacted"), ("contacted", "Working - Contacted"),
    ("meeting", "Working - Contacted"), ("opportunity", "Closed - Converted"),
    ("won", "Closed - Converted"), ("lost", "Closed - Not Converted"),
    ("disqualified", "Closed - Not Converted"), ("odd", "Open - Not Contacted"),
])
def test_salesforce_rule_lead_status_from_the_latest_outcome(status, label):
    row, = _salesforce_rows([{"status": status}])
    assert row["Lead Status"] == label


@pytest.mark.parametrize(("grade", "rating"), [
    ("hot", "Hot"), ("warm", "Warm"), ("cold", "Cold"), (None, ""), ("", ""),
])
def test_salesforce_rule_rating_from_the_grade(grade, rating):
    row, = _salesforce_rows([{"grade": grade}])
    assert row["Rating"] == rating


@pytest.mark.parametrize(("consent", "opted_out"), [
    (True, "false"), (False, "true"), (None, "true"), ("true", "true"), (1, "true"),
])
def test_salesforce_rule_opted_out_of_email_and_calls_unless_the_visitor_consented(
        consent, opted_out):
    row, = _salesforce_rows([{"consent_contact": consent}])
    assert (row["Email Opt Out"], row["Do Not Call"]) == (opted_out, opted_out)


@pytest.mark.parametrize("column", list(SF_FIELDS))
@pytest.mark.parametrize("over", [-1, 0, 1])
def test_salesforce_rule_a_value_is_cut_at_its_field_length_and_kept_in_full(column, over):
    limit = SALESFORCE_LIMITS[column]
    value = ("x" * (limit + over - 1)) + "y"
    row, = _salesforce_rows([{SF_FIELDS[column]: value}])
    if over <= 0:
        assert row[column] == value
        assert row["Description"] == ""
    else:
        assert row[column] == "x" * limit
        assert row["Description"] == f"Full {column.lower()}: {value}"


def test_salesforce_rule_the_full_values_follow_the_notes_one_line_each():
    lead = {"first_name": "F" * 41, "title": "T" * 129, "notes": "Keen"}
    row, = _salesforce_rows([lead])
    assert (row["First Name"], row["Title"]) == ("F" * 40, "T" * 128)
    assert row["Description"] == f"Keen\n\nFull first name: {'F' * 41}\nFull title: {'T' * 129}"


def test_salesforce_rule_a_cut_value_loses_its_trailing_space():
    row, = _salesforce_rows([{"first_name": "a" * 39 + " b"}])
    assert row["First Name"] == "a" * 39


@pytest.mark.parametrize(("length", "written"), [
    (31_999, "n" * 31_999), (32_000, "n" * 32_000), (32_001, "n" * 31_999 + "…"),
])
def test_salesforce_rule_the_description_is_cut_at_32000_characters(length, written):
    row, = _salesforce_rows([{"notes": "n" * length}])
    assert row["Description"] == written


@pytest.mark.parametrize("column", ["First Name", "Title", "Phone", "Street"])
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_salesforce_rule_a_guarded_value_still_fits_its_field(column, start):
    # The formula guard's apostrophe is part of the cell Salesforce imports: with it, a value
    # at the limit would be one character too long and fail that row's import.
    limit = SALESFORCE_LIMITS[column]
    value = start + "1" * (limit - 1)
    row, = _salesforce_rows([{SF_FIELDS[column]: value}])
    assert row[column] == "'" + value[: limit - 1]
    assert len(row[column]) == limit
    assert row["Description"] == f"Full {column.lower()}: {value}"


def test_salesforce_rule_a_guarded_description_still_fits():
    row, = _salesforce_rows([{"notes": "-" + "n" * 31_999}])
    assert row["Description"] == "'-" + "n" * 31_997 + "…"
    assert len(row["Description"]) == SALESFORCE_LIMITS["Description"]


# --- both CRM files -----------------------------------------------------------------------


@pytest.mark.parametrize(("writer", "before"), [
    (write_salesforce_csv, b"Zo\xc3\xab,[not provided],,"),
    (write_hubspot_csv, b"Zo\xc3\xab,,,,"),
])
def test_crm_rule_utf8_without_bom_and_quoted_cells_in_crlf_records(writer, before):
    data = writer([{"first_name": "Zoë", "company": 'Say "Hi", Ltd\nGmbH', "id": "l-1"}])
    header, record = data.split(b"\r\n", 1)
    assert header.startswith(b"First Name,Last Name,Email,")
    assert record.startswith(before)
    assert b'"Say ""Hi"", Ltd\nGmbH"' in record  # RFC 4180: quoted, quotes doubled, LF kept
    assert record.endswith(b",l-1\r\n")
    assert data.count(b"\r\n") == 2


# --- reading ------------------------------------------------------------------------------


def test_scan_time_rule_a_date_that_reads_both_ways_is_month_first_unless_told():
    assert parse_scan_time("05/04/2026 10:15") == "2026-05-04T10:15:00Z"
    assert parse_scan_time("05/04/2026 10:15", day_first=True) == "2026-04-05T10:15:00Z"


@pytest.mark.parametrize("sep", [";", "\t", "|", ","])
def test_import_rule_a_row_naming_no_contact_is_kept_whole_in_the_files_own_separator(sep):
    data = sep.join(["First Name", "Company", "Notes"]) + "\n" + sep.join(["Ana", "Acme",
                                                                          "x"]) + "\n"
    result = read_lead_csv(data.encode())
    (row,) = result.rows
    assert row.fields["badge_raw"] == sep.join(["Ana", "Acme", "x"])
    assert result.problems == ["line 2: has no email, phone or last name; the whole row is kept "
                               "as the lead's scan data"]


def test_import_rule_a_badge_id_alone_names_the_visitor_and_the_message_does_not_claim_more():
    # A badge id makes the row a visitor's, but not one a lead can be reached by: the message
    # must not list it among what the row lacks, since the row has it.
    result = read_lead_csv(b"First Name,Badge ID\nAna,B-1042\n")
    (row,) = result.rows
    assert row.fields["badge_id"] == "B-1042"
    assert row.fields["badge_raw"] == "Ana,B-1042"
    assert result.problems == ["line 2: has no email, phone or last name; the whole row is kept "
                               "as the lead's scan data"]


WHEN = "2026-11-24T10:00:00Z"
WORDING_ID = "0193aaaa-0000-7000-8000-00000000c001"


def _read(text: str, **kw):
    return read_lead_csv(text.encode(), captured_at=WHEN, **kw)


YES = ["yes", "Y", "TRUE", "t", "1", "x", "ja", "J", "si", "Sí", "oui", "o", "Opted-In",
       "optedin", "granted", " yes "]
NO = ["no", "N", "false", "F", "0", "nein", "non", "opted-out", "OptedOut", "refused"]


@pytest.mark.parametrize(("answer", "given"), [*((a, True) for a in YES),
                                               *((a, False) for a in NO)])
def test_import_rule_a_yes_or_no_in_the_consent_column_is_a_statement(answer, given):
    result = _read(f"Email,Consent,Follow-up\na@x.de,{answer},{answer}\n",
                   consent_text_version="3", consent_wording_id=WORDING_ID)
    (row,) = result.rows
    assert result.problems == []
    assert row.fields == {
        "email": "a@x.de", "consent_contact": given, "follow_up": given, "source": "import",
        "captured_at": WHEN, "consent_at": WHEN, "consent_method": "imported",
        **({"consent_text_version": "3", "consent_wording_id": WORDING_ID} if given else {})}


@pytest.mark.parametrize("answer", ["maybe", "yes please", "2", "-", "nope"])
def test_import_rule_any_other_consent_answer_is_no_statement_and_kept_in_notes(answer):
    result = _read(f"Email,Opt-in\na@x.de,{answer}\n")
    (row,) = result.rows
    assert row.fields == {"email": "a@x.de", "notes": f"Opt-in: {answer}", "source": "import",
                          "captured_at": WHEN}
    assert result.problems == [f"line 2: Opt-in {answer!r} is not yes or no; kept in notes"]


def test_import_rule_address_parts_are_joined_in_column_order():
    (row,) = _read("Email,Street,City,Zip\na@x.de,Main St 1,Berlin,10115\n").rows
    assert row.fields["address"] == "Main St 1, Berlin, 10115"
    (row,) = _read("Email,Zip,City\na@x.de,10115,\n").rows
    assert row.fields["address"] == "10115"


@pytest.mark.parametrize(("text", "fields"), [
    ("Name,Last Name\nAna Silva,Souza\n",
     {"first_name": "Ana", "last_name": "Silva", "notes": "Last Name: Souza"}),
    ("Last Name,Name\nSouza,Ana Silva\n",
     {"first_name": "Ana", "last_name": "Souza", "notes": "Name: Silva"}),
    ("First Name,Name\nAnna,Ana Silva\n",
     {"first_name": "Anna", "last_name": "Silva", "notes": "Name: Ana"}),
    ("Name,Full Name\nAna Silva,Ana Silva\n", {"first_name": "Ana", "last_name": "Silva"}),
])
def test_import_rule_a_second_column_for_a_name_goes_to_notes_under_its_header(text, fields):
    (row,) = _read(text).rows
    assert row.fields == {**fields, "source": "import", "captured_at": WHEN}


def test_import_rule_a_value_beyond_the_header_is_never_read_as_a_field():
    # Even where its "Column N" name is also a column's name.
    result = _read("Column 3,Name\n,Ana Silva,extra@y.de\n", mapping={"Column 3": "email"})
    (row,) = result.rows
    assert row.fields == {"first_name": "Ana", "last_name": "Silva",
                          "notes": "Column 3: extra@y.de", "source": "import",
                          "captured_at": WHEN}
    assert result.problems == ["line 2: has 3 values but the header has 2 columns"]


# --- what the CRM user reads about the lead -----------------------------------------------


@pytest.mark.parametrize(("lead", "text"), [
    ({}, ""),
    ({"notes": "  Keen  "}, "Keen"),
    ({"notes": "   "}, ""),
    ({"score": 0}, "Qualification: 0 points"),
    ({"grade": "warm"}, "Qualification: warm"),
    ({"grade": "warm", "qualified": False}, "Qualification: warm, not qualified"),
    ({"score": 3, "qualified": True}, "Qualification: 3 points, qualified"),
    ({"qualified": True}, ""),
    ({"score": None, "grade": ""}, ""),
    ({"answers": {}, "notes": "Keen"}, "Keen"),
    ({"answers": {"budget": "yes", "team": ["a", "b"], "when": {"q": 1, "y": None}}},
     "budget: yes\nteam: a, b\nwhen: q: 1; y: "),
    ({"interests": ["crm", "pumps"]}, "Interests: crm, pumps"),
    ({"interests": []}, ""),
    ({"notes": "N", "grade": "hot", "answers": {"a": "b"}, "interests": ["i"]},
     "N\n\nQualification: hot\n\na: b\n\nInterests: i"),
])
def test_crm_rule_the_description_holds_notes_qualification_answers_interests(lead, text):
    (sf,) = _salesforce_rows([lead])
    (hs,) = _hubspot_rows([lead])
    assert sf["Description"] == text
    assert hs["Message"] == text


@pytest.mark.parametrize("writer", [write_salesforce_csv, write_hubspot_csv])
def test_crm_rule_without_users_or_events_their_columns_are_empty(writer):
    rows = list(csv.DictReader(io.StringIO(writer([LEAD]).decode("utf-8"), newline="")))
    assert [(r["Captured By"], r["Event"], r["Campaign Code"]) for r in rows] == [("", "", "")]
    rows = list(csv.DictReader(io.StringIO(
        writer([{**LEAD, "captured_by": None, "owner_id": None, "event_id": None}],
               {None: {"name": "Nobody"}}, {None: {"name": "No event"}}).decode("utf-8"),
        newline="")))
    assert [(r["Captured By"], r["Event"]) for r in rows] == [("", "")]


def test_import_rule_an_invalid_email_comes_first_in_the_notes():
    (row,) = _read("Other,Email,Last Name\nx,not-an-email,Ng\n").rows
    assert row.fields["notes"] == "Email: not-an-email\nOther: x"
    assert row.errors == ["Email 'not-an-email' is not a valid address (An email address must "
                          "have an @-sign.); kept in notes"]


@pytest.mark.parametrize(("length", "kept"), [(199, True), (200, True), (201, False)])
def test_import_rule_a_name_up_to_200_characters_is_a_name(length, kept):
    name = "N" * length
    (row,) = _read(f"Email,First Name\na@x.de,{name}\n").rows
    if kept:
        assert (row.fields["first_name"], row.errors) == (name, [])
    else:
        assert "first_name" not in row.fields
        assert row.fields["notes"] == f"First Name: {name}"
        assert row.errors == ["First Name is longer than 200 characters; kept in notes"]


def test_import_rule_a_row_naming_no_person_is_skipped_and_counted():
    result = _read("Email,Company\na@x.de,A\n,Acme\n")
    assert [r.fields.get("email") for r in result.rows] == ["a@x.de"]
    assert result.skipped == {"no_person": 1}
    assert result.problems == ["line 3: skipped: no name, email or badge id"]


def test_import_rule_overlong_notes_are_cut_at_20000_characters():
    result = _read("Email,Notes\na@x.de," + "n" * 20_001 + "\n")
    (row,) = result.rows
    assert row.fields["notes"] == "n" * 20_000
    assert result.problems == ["line 2: notes is longer than 20,000 characters and was cut "
                               "there; the file has the rest"]


def test_import_rule_a_field_the_lead_rules_refuse_is_reported_and_the_row_kept():
    result = _read("Email,Consent\na@x.de,yes\n", consent_wording_id="w-1")
    (row,) = result.rows
    assert row.fields["email"] == "a@x.de" and row.fields["consent_wording_id"] == "w-1"
    assert result.problems == ["line 2: consent_wording_id must be an id (UUID)"]


def test_import_rule_follow_up_without_consent_is_left_to_the_write_to_refuse():
    # The write refuses it with the consent rule's own message; the reader says nothing.
    result = _read("Email,Consent,Follow-up\na@x.de,no,yes\n")
    (row,) = result.rows
    assert (row.fields["consent_contact"], row.fields["follow_up"]) == (False, True)
    assert result.problems == []


@pytest.mark.parametrize("column", ["Notes", "Street"])
@pytest.mark.parametrize("length", [19_999, 20_000, 20_001])
def test_import_rule_notes_and_address_are_cut_after_20000_characters(column, length):
    field = {"Notes": "notes", "Street": "address"}[column]
    result = _read(f"Email,{column}\na@x.de," + "v" * length + "\n")
    (row,) = result.rows
    assert row.fields[field] == "v" * min(length, 20_000)
    assert result.problems == ([] if length <= 20_000 else [
        f"line 2: {field} is longer than 20,000 characters and was cut there; the file has "
        "the rest"])


def test_import_rule_a_row_kept_whole_is_cut_after_20000_characters_too():
    result = _read("First Name,Other\nAna," + "o" * 20_000 + "\n")
    (row,) = result.rows
    assert row.fields["badge_raw"] == ("Ana," + "o" * 20_000)[:20_000]
    assert row.fields["notes"] == ("Other: " + "o" * 20_000)[:20_000]
    assert [p.split(" is longer")[0] for p in result.problems if "longer" in p] == [
        "line 2: notes", "line 2: badge_raw"]


def test_import_rule_the_mapping_preview_samples_the_first_200_rows():
    result = _read("Email\n" + "a@x.de\n" * 200 + "b@x.de\n")
    assert result.samples == {"Email": ["a@x.de"]}
    result = _read("Email\n" + "a@x.de\n" * 199 + "b@x.de\n")
    assert result.samples == {"Email": ["a@x.de", "b@x.de"]}


def test_salesforce_rule_a_long_description_is_cut_once_with_nothing_added():
    notes = "n" * 31_998 + "  " + "m" * 10
    row, = _salesforce_rows([{"notes": notes}])
    assert row["Description"] == "n" * 31_998 + " …"


def test_import_rule_the_preview_shows_three_different_values_a_column_tidied_and_shortened():
    rows = ["a1@x.de,B  one", "a2@x.de,B  one", "a3@x.de,B two", "a4@x.de,B three",
            "a5@x.de,B four", "a6@x.de," + "c" * 40, "a7@x.de," + "d" * 41]
    result = _read("Email,Company\n" + "\n".join(rows) + "\n")
    assert result.samples == {"Email": ["a1@x.de", "a2@x.de", "a3@x.de"],
                              "Company": ["B one", "B two", "B three"]}
    result = _read("Email,Company\na@x.de," + "c" * 40 + "\nb@x.de," + "d" * 41 + "\n")
    assert result.samples["Company"] == ["c" * 40, "d" * 39 + "…"]


@pytest.mark.parametrize(("dates", "day_first"), [
    (["12/05/2026"], False), (["13/05/2026"], True), (["05/13/2026"], False),
    (["12/12/2026", "13/01/2026"], True), (["12/12/2026", "01/13/2026"], False), ([], False),
    (["05/12/2026", "13/01/2026"], True), (["01/13/2026", "13/01/2026"], False),
    (["not a date", "13/01/2026"], True),
])
def test_import_rule_a_file_is_day_first_only_when_a_date_reads_only_that_way(dates, day_first):
    assert dates_day_first(dates) is day_first


@pytest.mark.parametrize(("data", "expected"), [
    (b"", CsvImport([], {}, ["The file is empty."], "utf-8", ",", refusal="is empty.",
                    refused_for="empty")),
    (b"%PDF-1.7", CsvImport([], {}, [], "utf-8", ",", refusal=(
        "is a PDF document, not a CSV file; save the list as CSV (UTF-8) and import that."),
        refused_for="not_text")),
    ("Farbe;Größe\nrot;L\n".encode("utf-16"), CsvImport(
        [], {"Farbe": None, "Größe": None}, [], "utf-16-le", ";", ["Farbe", "Größe"],
        refusal="has no column for a name, email, company, phone or badge id (its columns: "
                "Farbe, Größe); rename the columns or choose where they go.",
        refused_for="no_column")),
])
def test_import_rule_a_refused_file_says_why_and_imports_nothing(data, expected):
    assert read_lead_csv(data) == expected


def _pairs(zero_odd: int, zero_even: int, total: int) -> bytes:
    """`total` two-byte units; the first `zero_odd` with a zero second byte, the last
    `zero_even` with a zero first byte, the others without zeros."""
    units = []
    for i in range(total):
        first = b"\x00" if i >= total - zero_even else b"a"
        second = b"\x00" if i < zero_odd else b"b"
        units.append(first + second)
    return b"".join(units)


@pytest.mark.parametrize(("data", "found"), [
    (b"a\x00b\x00", "utf-16-le"), (b"\x00a\x00b", "utf-16-be"), (b"a\x00", None),
    (b"a\x00b\x00c", None), (b"a\x00b\x00c\x00", "utf-16-le"),
    (_pairs(5, 0, 10), "utf-16-le"), (_pairs(4, 0, 10), None), (_pairs(3, 0, 10), None),
    (_pairs(20, 1, 21), "utf-16-le"), (_pairs(20, 1, 20), None),
    (_pairs(10, 10, 20), None),
])
def test_import_rule_utf16_without_a_bom_is_every_other_byte_zero(data, found):
    from fieldnote.leadcsv import _utf16_without_bom

    assert _utf16_without_bom(data) == found
    # The same text the other way round is the other byte order.
    swapped = b"".join(data[i + 1:i + 2] + data[i:i + 1] for i in range(0, len(data), 2))
    other = {"utf-16-le": "utf-16-be", "utf-16-be": "utf-16-le"}.get(found)
    if len(data) % 2 == 0:
        assert _utf16_without_bom(swapped) == other


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_import_rule_a_utf16_file_without_a_bom_names_its_byte_order(encoding):
    result = read_lead_csv("Email,Last Name\na@x.de,Ng\n".encode(encoding), captured_at=WHEN)
    assert result.encoding == encoding
    assert result.headers == ["Email", "Last Name"]
    assert [r.fields["email"] for r in result.rows] == ["a@x.de"]


def test_import_rule_day_first_is_read_from_the_scan_time_column_only():
    result = _read("Email,Scan Date,Event Date\na@x.de,05/04/2026,13/01/2026\n")
    assert result.rows[0].fields["captured_at"] == "2026-05-04T00:00:00Z"


def test_import_rule_a_row_short_of_its_scan_time_column_is_read():
    result = _read("Email,Scan Date\na@x.de\nb@x.de,13/01/2026\n")
    assert [r.fields["captured_at"] for r in result.rows] == [WHEN, "2026-01-13T00:00:00Z"]


def test_import_rule_every_skipped_row_is_counted():
    result = _read("Email,Company\n,A\na@x.de,B\n,C\n")
    assert result.skipped == {"no_person": 2} and result.skipped_rows == 2


@pytest.mark.parametrize(("data", "text"), [
    ("Zoë".encode(), "Zoë"),
    ("é".encode() * 40 + b"\xff\xff", "é" * 40 + "\ufffd\ufffd"),  # 2 broken in 40: 1 in 20
    ("é".encode() * 40 + b"\xff\xff\xff", None),
    ("é".encode() * 38 + b"\xff\xff", None),
    ("é".encode() * 20 + b"\xff\xff", None),
    ("é".encode() + b"\xff", "é\ufffd"),  # a file cut inside its last character, say
    ("é".encode() + b"\xff\xff", None),
    (b"plain ASCII \xff", None),  # not UTF-8: Windows-1252 is tried next
])
def test_import_rule_utf8_with_a_few_broken_sequences_is_still_utf8(data, text):
    from fieldnote.leadcsv import _utf8

    assert _utf8(data) == text


@pytest.mark.parametrize(("text", "is_text"), [
    ("", True), ("a" * 99 + "\x01", True), ("a" * 98 + "\x01\x01", False),
    ("\x01" * 10 + "a" * 90, False), ("a" * 99 + "\u0378", True),
    ("a" * 98 + "\u0378\u0378", False), ("a" * 98 + "\x01\u0378", False),
    ("\x00" * 10, False), ("\ufeff" + "a" * 50, True),
])
def test_import_rule_text_holds_at_most_one_odd_character_in_a_hundred(text, is_text):
    from fieldnote.leadcsv import _looks_like_text

    assert _looks_like_text(text) is is_text


@pytest.mark.parametrize(("line", "count"), [("abc", 0), ("a;b", 1), ('a;"b;c";d', 2),
                                             ('";;"', 0)])
def test_import_rule_separators_inside_quotes_do_not_count(line, count):
    from fieldnote.leadcsv import _count_outside_quotes

    assert _count_outside_quotes(line, ";") == count


def test_import_rule_a_header_without_separators_is_one_column_whatever_the_data_holds():
    from fieldnote.leadcsv import _detect_delimiter

    assert _detect_delimiter("Email\na;b\nc;d\n") == "\x1f"


@pytest.mark.parametrize(("text", "is_text"), [
    ("a" * 198 + "\x01\x01", True), ("a" * 197 + "\x01\x01\x01", False),
])
def test_import_rule_odd_characters_are_allowed_per_hundred(text, is_text):
    from fieldnote.leadcsv import _looks_like_text

    assert _looks_like_text(text) is is_text


@pytest.mark.parametrize(("non_ascii", "is_text"), [(9, True), (10, True), (11, False)])
def test_import_rule_a_windows_1252_reading_is_noise_past_a_third_non_ascii(non_ascii, is_text):
    from fieldnote.leadcsv import _looks_like_text

    text = "é" * non_ascii + "a" * (30 - non_ascii)
    assert _looks_like_text(text, eight_bit=True) is is_text
    assert _looks_like_text(text) is True


@pytest.mark.parametrize(("text", "record"), [
    ("Xing;Email\r\na;b\r\n", "Xing;Email"), ('"Name\nfull";Email\nA;b\n', '"Name\nfull";Email'),
    ("Email", "Email"),
])
def test_import_rule_the_header_record_ends_at_the_first_line_break_outside_quotes(text, record):
    from fieldnote.leadcsv import _first_record

    assert _first_record(text) == record


NOT_TEXT = ("is not a text file (binary data, or an encoding other than UTF-8, UTF-16 or "
            "Windows-1252); save the list as CSV (UTF-8) and import that.")


@pytest.mark.parametrize(("data", "refusal"), [
    (b"\xff\xfe" + "Email".encode("utf-16-le") + b"\x00\xd8",
     "is not valid UTF-16 text, though it starts like it; save the list as CSV (UTF-8) and "
     "import that."),
    ("Email,Name\nAna,Silva\n".encode("utf-16-le") + b"\x00\xd8", NOT_TEXT),  # UTF-16 by its
    # zeros, but broken
    (b"Email\na@x.de \x81\n", NOT_TEXT),  # neither UTF-8 nor Windows-1252
    (b"\xe9" * 20 + b"abcdefghij", NOT_TEXT),  # Windows-1252 reads it, as noise
    (bytes(range(256)), NOT_TEXT),
])
def test_import_rule_a_file_that_is_not_text_is_refused_in_one_line(data, refusal):
    result = read_lead_csv(data)
    assert (result.refused_for, result.refusal, result.rows) == ("not_text", refusal, [])
    from fieldnote.leadcsv import CsvTable, read_csv_table

    assert read_csv_table(data) == CsvTable([], [], [], refusal=refusal, refused_for="not_text")


def test_import_rule_the_table_of_an_empty_file():
    from fieldnote.leadcsv import CsvTable, read_csv_table

    for data in (b"", b" \r\n\t\x00", b"\xef\xbb\xbf", b"\xff\xfe"):
        assert read_csv_table(data) == CsvTable([], [], ["The file is empty."], refusal="is empty.",
                                                refused_for="empty")


@pytest.mark.parametrize(("data", "problems", "cells"), [
    (b"Email,Name\na@x.de,Zo\xc3\xab\xff\n",
     ["1 character(s) were not valid UTF-8 and read as \ufffd"], ["a@x.de", "Zoë\ufffd"]),
    (b"Email,Name\na@x.de,\xef\xbf\xbd\n", [], ["a@x.de", "\ufffd"]),  # written as U+FFFD
    (b'Email, Name\na@x.de, "Ana, B"\n', [], ["a@x.de", ' "Ana', ' B"']),
    (b'Email,Name\na@x.de,"Ana"x\n', [], ["a@x.de", "Anax"]),
    (b'Email,Notes\r\na@x.de,"l1\r\nl2"\r\n', [], ["a@x.de", "l1\r\nl2"]),
])
def test_import_rule_cells_are_read_as_written(data, problems, cells):
    from fieldnote.leadcsv import read_csv_table

    table = read_csv_table(data)
    assert (table.problems, table.records) == (problems, [(2, cells)])


def test_import_rule_headers_lose_a_stray_bom_and_an_empty_one_is_named_by_its_place():
    from fieldnote.leadcsv import read_csv_table

    assert read_csv_table(b"\xef\xbb\xbf\xef\xbb\xbfXing,,Email\n").headers == [
        "Xing", "Column 2", "Email"]


def test_import_rule_a_header_csv_cannot_read_is_no_header_row():
    from fieldnote.leadcsv import CsvTable, read_csv_table

    data = b'Name;"' + b"a" * 140_000 + b'"\n'  # a cell past csv's field size limit
    refusal = ("has no header row that can be read; the first line should name the columns "
               "(First Name, Last Name, Email, Company…).")
    assert read_csv_table(data) == CsvTable([], [], [], "utf-8", ";", refusal=refusal,
                                            refused_for="no_header")
    result = read_lead_csv(data)
    assert (result.refused_for, result.refusal, result.delimiter) == ("no_header", refusal, ";")


def test_import_rule_a_file_of_old_mac_line_ends_is_read_and_x_is_text():
    from fieldnote.leadcsv import read_csv_table

    table = read_csv_table(b"Email,Name\ra@x.de,Ana\r")
    assert (table.headers, table.records, table.problems) == (["Email", "Name"],
                                                              [(2, ["a@x.de", "Ana"])], [])
    assert (read_csv_table(b"X").headers, read_csv_table(b"X").refusal) == (["X"], None)


def test_import_rule_each_record_csv_cannot_read_is_skipped_counted_and_named_by_line():
    from fieldnote.leadcsv import read_csv_table

    big = b'"' + b"a" * 140_000 + b'"'  # past csv's field size limit
    table = read_csv_table(b"Email,Name\na@x.de," + big + b"\nb@x.de,Bo\nc@x.de," + big
                           + b"\nd@x.de,Di\n")
    assert table.records == [(3, ["b@x.de", "Bo"]), (5, ["d@x.de", "Di"])]
    assert table.skipped == {"unreadable": 2}
    assert table.problems == [
        f"line {n}: could not be read as CSV (field larger than field limit (131072)); skipped"
        for n in (2, 4)]
