"""Outcomes back from a CRM: reading a Salesforce or HubSpot report (CSV) into Fieldnote's lead
outcomes, matching its rows to leads and deciding which outcome entries a row adds.

The meaning of every CRM value is written once, in `OUTCOME_TABLE`; a value it does not hold is
reported (`OutcomeReport.unknown`), never dropped or guessed. The file is read by the same CSV
reader as lead lists (`fieldnote.leadcsv.read_csv_table`), so it meets the same encodings and
refusals. Nothing here reads files or touches a database: the caller passes bytes and leads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from fieldnote.kinds import FUNNEL_STAGES
from fieldnote.leadcsv import clean_cell, dates_day_first, parse_scan_time, read_csv_table
from fieldnote.numbers import read_number
from fieldnote.outcomes import counting_outcomes
from fieldnote.validation import parse_datetime

__all__ = [
    "CRM_FORMATS",
    "CRM_NAMES",
    "OUTCOME_SOURCE",
    "OUTCOME_TABLE",
    "Match",
    "OutcomeReport",
    "ReportRow",
    "adds_outcome",
    "match_lead",
    "outcome_fields",
    "read_outcome_report",
    "status_of",
]

CRM_FORMATS = ("salesforce", "hubspot")
CRM_NAMES = {"salesforce": "Salesforce", "hubspot": "HubSpot"}
# The `source` of every outcome entry an import adds (`fieldnote.kinds.OUTCOME_SOURCES`).
OUTCOME_SOURCE = "crm"


class Step(NamedTuple):
    """What a CRM value means: a Fieldnote outcome status (None: nothing has happened yet that
    Fieldnote records) and, for a loss, its reason."""

    status: str | None
    reason: str | None = None


# (format, column, the CRM's values for it: internal names and display labels) -> meaning.
# The defaults of each CRM: Salesforce's Lead Status picklist, its Converted flag and its
# default opportunity stages; HubSpot's lead status, lifecycle stage and the stages of its
# default sales pipeline. A row's columns are read together by `status_of`.
OUTCOME_TABLE: tuple[tuple[str, str, tuple[str, ...], Step], ...] = (
    ("salesforce", "Lead Status", ("Open - Not Contacted",), Step(None)),
    ("salesforce", "Lead Status", ("Working - Contacted",), Step("contacted")),
    ("salesforce", "Lead Status", ("Closed - Converted",), Step("opportunity")),
    ("salesforce", "Lead Status", ("Closed - Not Converted",), Step("disqualified")),
    ("salesforce", "Converted", ("1", "true", "yes"), Step("opportunity")),
    ("salesforce", "Converted", ("0", "false", "no"), Step(None)),
    ("salesforce", "Stage", ("Prospecting",), Step("opportunity")),
    ("salesforce", "Stage", ("Qualification",), Step("opportunity")),
    ("salesforce", "Stage", ("Needs Analysis",), Step("opportunity")),
    ("salesforce", "Stage", ("Value Proposition",), Step("opportunity")),
    ("salesforce", "Stage", ("Id. Decision Makers",), Step("opportunity")),
    ("salesforce", "Stage", ("Perception Analysis",), Step("opportunity")),
    ("salesforce", "Stage", ("Proposal/Price Quote",), Step("opportunity")),
    ("salesforce", "Stage", ("Negotiation/Review",), Step("opportunity")),
    ("salesforce", "Stage", ("Closed Won",), Step("won")),
    ("salesforce", "Stage", ("Closed Lost",), Step("lost")),
    ("hubspot", "Lead Status", ("NEW", "New"), Step(None)),
    ("hubspot", "Lead Status", ("OPEN", "Open"), Step(None)),
    ("hubspot", "Lead Status", ("IN_PROGRESS", "In Progress"), Step("contacted")),
    ("hubspot", "Lead Status", ("ATTEMPTED_TO_CONTACT", "Attempted to Contact"), Step("contacted")),
    ("hubspot", "Lead Status", ("CONNECTED", "Connected"), Step("meeting")),
    ("hubspot", "Lead Status", ("OPEN_DEAL", "Open Deal"), Step("opportunity")),
    ("hubspot", "Lead Status", ("UNQUALIFIED", "Unqualified"), Step("disqualified")),
    ("hubspot", "Lead Status", ("BAD_TIMING", "Bad Timing"), Step("lost", "Timing")),
    ("hubspot", "Lifecycle Stage", ("subscriber", "Subscriber"), Step(None)),
    ("hubspot", "Lifecycle Stage", ("lead", "Lead"), Step(None)),
    ("hubspot", "Lifecycle Stage", ("marketingqualifiedlead", "Marketing Qualified Lead"),
     Step(None)),
    ("hubspot", "Lifecycle Stage", ("salesqualifiedlead", "Sales Qualified Lead"),
     Step("contacted")),
    ("hubspot", "Lifecycle Stage", ("opportunity", "Opportunity"), Step("opportunity")),
    ("hubspot", "Lifecycle Stage", ("customer", "Customer"), Step("won")),
    ("hubspot", "Lifecycle Stage", ("evangelist", "Evangelist"), Step("won")),
    ("hubspot", "Lifecycle Stage", ("other", "Other"), Step(None)),
    ("hubspot", "Deal Stage", ("appointmentscheduled", "Appointment Scheduled"), Step("meeting")),
    ("hubspot", "Deal Stage", ("qualifiedtobuy", "Qualified To Buy"), Step("opportunity")),
    ("hubspot", "Deal Stage", ("presentationscheduled", "Presentation Scheduled"),
     Step("opportunity")),
    ("hubspot", "Deal Stage", ("decisionmakerboughtin", "Decision Maker Bought-In"),
     Step("opportunity")),
    ("hubspot", "Deal Stage", ("contractsent", "Contract Sent"), Step("opportunity")),
    ("hubspot", "Deal Stage", ("closedwon", "Closed Won"), Step("won")),
    ("hubspot", "Deal Stage", ("closedlost", "Closed Lost"), Step("lost")),
)

_KEY = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    """Headers and values compared without case, spaces or punctuation: "OPEN_DEAL" is
    "Open Deal", "Closed - Won" is "Closed Won"."""
    return _KEY.sub("", text.casefold())


_LOOKUP: dict[tuple[str, str, str], Step] = {
    (fmt, column, _key(value)): step
    for fmt, column, values, step in OUTCOME_TABLE for value in values
}
_STATUS_COLUMNS: dict[str, tuple[str, ...]] = {
    fmt: tuple(dict.fromkeys(c for f, c, _v, _s in OUTCOME_TABLE if f == fmt)) for fmt in CRM_FORMATS
}

# Header spellings of the columns read (compared by `_key`); Salesforce reports may use the
# API names (Fieldnote_ID__c, StageName, IsConverted).
_COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "Fieldnote ID": ("Fieldnote ID", "Fieldnote_ID__c", "fieldnote_id"),
    "Email": ("Email", "E-mail", "Email Address"),
    "Event": ("Event", "Event__c"),
    "Amount": ("Amount", "Amount (converted)", "Deal Amount"),
    "Close Date": ("Close Date", "CloseDate"),
    "Lead Status": ("Lead Status", "hs_lead_status"),
    "Converted": ("Converted", "IsConverted"),
    "Stage": ("Stage", "StageName", "Opportunity Stage"),
    "Lifecycle Stage": ("Lifecycle Stage", "lifecyclestage"),
    "Deal Stage": ("Deal Stage", "dealstage"),
}
_ALIAS_KEYS = {_key(a): column for column, aliases in _COLUMN_ALIASES.items() for a in aliases}
_OUTCOME_COLUMNS = frozenset(c for cs in _STATUS_COLUMNS.values() for c in cs)
_ONLY = {"salesforce": {"Converted", "Stage"}, "hubspot": {"Lifecycle Stage", "Deal Stage"}}
_MATCH_COLUMNS = ("Fieldnote ID", "Email")
# Besides the digits of an amount: currency signs and codes ("$12,500.00", "EUR 1.200,50").
_AMOUNT_NOISE = re.compile(r"[^\d.,'\s\u00a0\u202f+\-\u2212]")


def status_of(fmt: str, values: Mapping[str, str]) -> tuple[Step, list[tuple[str, str]]]:
    """The outcome a row's CRM columns (column -> value, blanks left out) say together, and the
    (column, value) pairs `OUTCOME_TABLE` does not know.

    A win decides, then a loss, then a disqualification; otherwise the furthest stage of the
    funnel any column reached (Step(None) when none did)."""
    steps: list[Step] = []
    unknown: list[tuple[str, str]] = []
    for column in _STATUS_COLUMNS[fmt]:
        value = values.get(column)
        if not value:
            continue
        step = _LOOKUP.get((fmt, column, _key(value)))
        if step is None:
            unknown.append((column, value))
        else:
            steps.append(step)
    for terminal in ("won", "lost", "disqualified"):
        found = next((s for s in steps if s.status == terminal), None)
        if found is not None:
            return found, unknown
    reached = [s for s in steps if s.status in FUNNEL_STAGES]
    if not reached:
        return Step(None), unknown
    return max(reached, key=lambda s: FUNNEL_STAGES.index(str(s.status))), unknown


@dataclass
class ReportRow:
    """One data row of a CRM report: what identifies the lead and what happened to it."""

    line: int
    lead_id: str | None
    email: str | None
    event: str | None
    status: str | None  # None: nothing Fieldnote records yet
    reason: str | None = None
    amount: float | None = None
    closed_on: str | None = None  # ISO 8601 UTC, from Close Date
    said: str = ""  # the CRM columns that gave the status, for the outcome's note


@dataclass
class OutcomeReport:
    format: str | None  # salesforce or hubspot; None when refused before it was known
    rows: list[ReportRow]
    unknown: list[tuple[int, str, str]]  # (line, column, value) OUTCOME_TABLE does not know
    problems: list[str]  # file-level problems and rows not read, as "line N: ..."
    encoding: str = "utf-8"
    columns: dict[str, str] = field(default_factory=dict)  # header -> the column it is read as
    refusal: str | None = None  # one line to follow the file's name; nothing is to be written


def _detect(columns: Iterable[str], status_values: Sequence[str]) -> str | None:
    present = set(columns)
    hits = [fmt for fmt in CRM_FORMATS if present & _ONLY[fmt]]
    if len(hits) == 1:
        return hits[0]
    if hits:
        return None
    # Only a Lead Status column: its values tell the CRMs apart.
    known = {fmt: sum((fmt, "Lead Status", _key(v)) in _LOOKUP for v in status_values)
             for fmt in CRM_FORMATS}
    best = max(CRM_FORMATS, key=lambda f: known[f])
    others = [f for f in CRM_FORMATS if f != best]
    if known[best] and all(known[o] < known[best] for o in others):
        return best
    return None


def _amount(text: str) -> float | None:
    return read_number(_AMOUNT_NOISE.sub("", text))


def read_outcome_report(data: bytes, fmt: str = "auto", *, now: str) -> OutcomeReport:
    """Read a CRM report (a CSV exported from Salesforce or HubSpot) into rows of outcomes.

    Refused with one line (`OutcomeReport.refusal`) when the file is not a CSV (see
    `read_csv_table`), has neither a Fieldnote ID nor an Email column, has no column saying
    what happened (Lead Status, Converted, Stage, Lifecycle Stage, Deal Stage), or, with
    `fmt` "auto", cannot be told to be one CRM's. A row whose Amount or Close Date cannot be
    read for certain is not used (a problem names its line), so a corrected file can be
    imported again. `now` (ISO 8601 UTC) bounds a close date in the future."""
    table = read_csv_table(data)
    if table.refusal is not None:
        return OutcomeReport(None, [], [], table.problems, table.encoding, refusal=table.refusal)
    problems = list(table.problems)
    columns: dict[str, str] = {}
    index: dict[str, int] = {}
    for i, header in enumerate(table.headers):
        column = _ALIAS_KEYS.get(_key(header))
        if column is not None and column not in index:
            columns[header] = column
            index[column] = i

    def cell(cells: list[str], column: str) -> str:
        i = index.get(column)
        return " ".join(clean_cell(cells[i]).split()) if i is not None and i < len(cells) else ""

    if not any(c in index for c in _MATCH_COLUMNS):
        return OutcomeReport(None, [], [], problems, table.encoding, columns, refusal=(
            "has no Fieldnote ID or Email column, so its rows cannot be matched to leads; "
            "export the report with the Fieldnote ID (or Email) column."))
    if not _OUTCOME_COLUMNS & set(index):
        return OutcomeReport(None, [], [], problems, table.encoding, columns, refusal=(
            "has no column saying what became of the leads (Lead Status, Converted, Stage, "
            "Lifecycle Stage or Deal Stage); export a lead, contact or opportunity report "
            "with one of them."))
    if fmt == "auto":
        detected = _detect(index, [cell(c, "Lead Status") for _line, c in table.records])
        if detected is None:
            return OutcomeReport(None, [], [], problems, table.encoding, columns, refusal=(
                "could be a Salesforce or a HubSpot report; say which with "
                "--format salesforce or --format hubspot."))
        fmt = detected
    day_first = dates_day_first([cell(c, "Close Date") for _line, c in table.records])
    latest = parse_datetime(now)
    rows: list[ReportRow] = []
    unknown: list[tuple[int, str, str]] = []
    for line, cells in table.records:
        values = {c: cell(cells, c) for c in _STATUS_COLUMNS[fmt] if cell(cells, c)}
        step, not_known = status_of(fmt, values)
        unknown.extend((line, column, value) for column, value in not_known)
        amount_text, close_text = cell(cells, "Amount"), cell(cells, "Close Date")
        amount = _amount(amount_text) if amount_text else None
        if amount_text and (amount is None or amount < 0):
            problems.append(f"line {line}: the Amount {amount_text!r} is not an amount that can "
                            "be read for certain (write it as 12500 or 12500.00); row not used")
            continue
        closed_on = parse_scan_time(close_text, day_first) if close_text else None
        if close_text and closed_on is None:
            problems.append(f"line {line}: the Close Date {close_text!r} is not a date "
                            "(write it as 2026-12-31); row not used")
            continue
        if closed_on is not None and parse_datetime(closed_on) > latest:
            closed_on = now
        said = "; ".join(f"{column}: {value}" for column, value in values.items())
        rows.append(ReportRow(
            line, cell(cells, "Fieldnote ID").lower() or None, cell(cells, "Email") or None,
            cell(cells, "Event") or None, step.status, step.reason, amount, closed_on, said))
    return OutcomeReport(fmt, rows, unknown, problems, table.encoding, columns)


# -- matching rows to leads ------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """The lead a row is about, or why none is taken (`reason`, one sentence)."""

    lead_id: str | None
    reason: str = ""


def match_lead(row: ReportRow, by_id: Mapping[str, Any] | None,
               with_email: Sequence[Mapping[str, Any]],
               event_names: Mapping[str, Sequence[str]] | None = None) -> Match:
    """The lead of `row`, never a guess.

    With a Fieldnote ID, the live lead of that id (`by_id`, or None when this device has none).
    Without one, by email: `with_email` are the live leads with the row's email (any case); a
    row naming its Event keeps those of that event (`event_names`: event id -> its name and
    campaign code). Exactly one must remain."""
    if row.lead_id:
        if by_id is None:
            return Match(None, f"no lead with the Fieldnote ID {row.lead_id} on this device")
        return Match(str(by_id["id"]))
    if not row.email:
        return Match(None, "neither a Fieldnote ID nor an email")
    candidates = list(with_email)
    if row.event and event_names is not None:
        wanted = row.event.casefold()
        candidates = [lead for lead in candidates
                      if any(n and n.casefold() == wanted
                             for n in event_names.get(str(lead.get("event_id")), ()))]
    if len(candidates) == 1:
        return Match(str(candidates[0]["id"]))
    where = f" at {row.event}" if row.event else ""
    if not candidates:
        return Match(None, f"no lead with the email {row.email}{where}")
    return Match(None, f"{len(candidates)} leads have the email {row.email}{where}; "
                       "export the report with the Fieldnote ID column")


# -- which outcome a row adds ---------------------------------------------------------------


def adds_outcome(status: str | None, outcomes: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a CRM row saying `status` adds an outcome to a lead with `outcomes` (its
    stored outcome records, withdrawals included; the rule of `fieldnote.outcomes` decides
    which count).

    A stage of the funnel is added only when the lead has not reached it or a later one, so a
    CRM lagging behind Fieldnote moves nothing back. A loss or a disqualification is added
    unless the lead has that outcome already. So importing the same report again adds
    nothing."""
    if status is None:
        return False
    counting = counting_outcomes(outcomes)
    if status in FUNNEL_STAGES:
        reached = max((FUNNEL_STAGES.index(o["status"]) for o in counting
                       if o.get("status") in FUNNEL_STAGES), default=-1)
        return FUNNEL_STAGES.index(status) > reached
    return not any(o.get("status") == status for o in counting)


def outcome_fields(lead_id: str, row: ReportRow, fmt: str, *, now: str) -> dict[str, Any]:
    """The lead outcome a row adds: its status, a won deal's amount, the close date of a won
    or lost deal as its time (else `now`), a note of what the CRM said, source "crm"."""
    status = row.status
    fields: dict[str, Any] = {"lead_id": lead_id, "status": status, "source": OUTCOME_SOURCE,
                              "at": (row.closed_on if status in ("won", "lost") and row.closed_on
                                     else now)}
    if status == "won" and row.amount is not None:
        fields["amount"] = row.amount
    if row.reason:
        fields["reason"] = row.reason
    if row.said:
        fields["note"] = f"From {CRM_NAMES[fmt]}: {row.said}"
    return fields

