"""The record kinds of the sync protocol, defined once: fields, types, limits and choices.

The desktop store, the hub's tables, the wire contract, importers and forms all read these
specs. Nothing here knows how records are stored or sent.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from fieldnote.attachments import ALL_MIME_TYPES, MEDIA, PHOTO_LABELS
from fieldnote.audit import EXPORT_FORMATS, EXPORT_ORIGINS

NAME_MAX = 200
TEXT_MAX = 20_000
LIST_MAX = 200
OBJECT_MAX_JSON = 100_000


class FieldType(enum.Enum):
    """How a field's value looks on the wire; stores map each to a column type."""

    NAME = "name"  # short text, 200 characters
    TEXT = "text"  # long text, 20,000 characters
    INT = "int"
    NUMBER = "number"  # int or float (amounts)
    BOOL = "bool"
    DATE = "date"  # YYYY-MM-DD
    DATETIME = "datetime"  # ISO 8601, stored normalised to UTC with a trailing Z
    UUID = "uuid"
    CHOICE = "choice"  # one of `choices`
    TAGS = "tags"  # list of short strings
    UUIDS = "uuids"  # list of uuid strings
    LIST = "list"  # list of JSON objects
    OBJECT = "object"  # JSON object
    JSON = "json"  # any JSON value (a conflict's two sides)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    required: bool = False
    choices: tuple[str, ...] = ()
    server_set: bool = False  # set by the hub from the token; a client value is ignored
    minimum: int | None = None
    maximum: int | None = None

    @property
    def is_json(self) -> bool:
        return self.type in (
            FieldType.TAGS, FieldType.UUIDS, FieldType.LIST, FieldType.OBJECT, FieldType.JSON
        )


@dataclass(frozen=True)
class KindSpec:
    name: str
    fields: tuple[FieldSpec, ...]
    # At least one of these must be non-empty in the record's whole state.
    one_of: tuple[str, ...] = ()
    # Fields indexed for full-text search in the local store.
    search_fields: tuple[str, ...] = ()
    by_name: Mapping[str, FieldSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", MappingProxyType({f.name: f for f in self.fields}))

    # Derived tuples, cached in the instance's __dict__ (a frozen dataclass allows that):
    # the hub asks for them for every record it writes.
    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def client_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if not f.server_set)

    @cached_property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)


N, T = FieldType.NAME, FieldType.TEXT

LEAD_SOURCES = ("scan", "card", "manual", "import", "kiosk")
GRADES = ("hot", "warm", "cold")
OUTCOME_STATUSES = ("contacted", "meeting", "opportunity", "won", "lost", "disqualified")
# Where an outcome was learnt, when not typed into Fieldnote: "crm", imported from a CRM report
# (`fieldnote.crm`). Absent: recorded in Fieldnote.
OUTCOME_SOURCES = ("crm",)
# The funnel order of outcomes; lost and disqualified end a lead without advancing it.
FUNNEL_STAGES = ("contacted", "meeting", "opportunity", "won")
# "declined": marketing turned down a rep's proposal (`review_comment` says why).
COLLATERAL_STATUSES = ("draft", "review", "approved", "retired", "declined")
COLLATERAL_KINDS = ("sell_sheet", "brochure", "deck", "case_study", "price_list", "video", "other")
# "recipient_opened": a visitor opened a link the hub mailed them (`fieldnote.sending`); the
# hub alone records it.
USAGE_ACTIONS = ("opened", "shared", "presented", "recipient_opened")
# Where a send of collateral to a visitor is (`fieldnote.sending`); set by the hub alone.
SEND_STATES = ("queued", "sent", "failed", "no_consent")
REQUEST_STATUSES = ("open", "accepted", "delivered", "declined")
DEBRIEF_STATUSES = ("draft", "submitted")
CALL_TYPES = ("discovery", "demo", "negotiation", "renewal", "other")
DEBRIEF_OUTCOMES = ("advanced", "won", "lost", "stalled", "no_decision")
DEBRIEF_STAGES = ("prospect", "qualify", "propose", "negotiate", "closed")
ROLES = ("rep", "marketer", "manager", "admin")
REASON_LISTS = ("why_buy", "why_not", "lost", "disqualified")
# How a visitor's consent was taken (`fieldnote.consent`): the capture form's checkbox, the
# visitor's own entry (kiosk), a signature, a badge scan under the organiser's terms, said
# aloud, a row of an organiser's file; "unspecified" when an older desktop did not say.
CONSENT_METHODS = ("checkbox", "visitor", "signature", "badge-organiser-terms", "verbal",
                   "imported", "unspecified")


def _f(name: str, type_: FieldType, **kw: object) -> FieldSpec:
    return FieldSpec(name, type_, **kw)  # type: ignore[arg-type]


LEAD = KindSpec(
    "lead",
    (
        _f("event_id", FieldType.UUID),
        _f("first_name", N),
        _f("last_name", N),
        _f("email", N),
        _f("phone", N),
        _f("company", N),
        _f("title", N),
        _f("country", N),
        _f("address", T),
        _f("badge_id", N),
        _f("source", FieldType.CHOICE, choices=LEAD_SOURCES),
        _f("badge_raw", T),
        _f("answers", FieldType.OBJECT),
        _f("rubric_id", FieldType.UUID),
        _f("rubric_version", FieldType.INT, minimum=0),
        _f("score", FieldType.INT),
        _f("grade", FieldType.CHOICE, choices=GRADES),
        _f("qualified", FieldType.BOOL),
        _f("consent_contact", FieldType.BOOL),
        _f("consent_text_version", N),
        _f("consent_at", FieldType.DATETIME),
        _f("follow_up", FieldType.BOOL),
        # Consent as evidence (`fieldnote.consent`): the wording agreed to (its version is in
        # consent_text_version), how, who recorded it (set from the token), a signature's
        # image, and every earlier statement (set by the hub).
        _f("consent_wording_id", FieldType.UUID),
        _f("consent_method", FieldType.CHOICE, choices=CONSENT_METHODS),
        _f("consent_captured_by", FieldType.UUID, server_set=True),
        _f("consent_signature_sha256", N),
        _f("consent_history", FieldType.LIST, server_set=True),
        _f("interests", FieldType.TAGS),
        _f("collateral_ids", FieldType.UUIDS),
        _f("notes", T),
        _f("captured_at", FieldType.DATETIME, required=True),
        _f("captured_by", FieldType.UUID, server_set=True),
        _f("owner_id", FieldType.UUID, server_set=True),
        # When the lead's person was erased (`fieldnote.privacy`): set by the hub alone; the
        # lead is then an anonymous stub that no device may edit.
        _f("erased_at", FieldType.DATETIME, server_set=True),
        # Saved by a quick scan and not qualified yet: it waits in its event's "to qualify"
        # queue (fieldnote.leads.quick_scan_fields / qualify_fields).
        _f("to_qualify", FieldType.BOOL),
    ),
    # Required fields per source and the consent rule: fieldnote.leads (via check_complete).
    search_fields=("first_name", "last_name", "email", "company", "title", "notes"),
)

LEAD_OUTCOME = KindSpec(
    "lead_outcome",
    (
        _f("lead_id", FieldType.UUID, required=True),
        _f("status", FieldType.CHOICE, required=True, choices=OUTCOME_STATUSES),
        _f("reason", N),
        _f("amount", FieldType.NUMBER, minimum=0),
        _f("note", T),
        _f("at", FieldType.DATETIME),
        _f("author_id", FieldType.UUID, server_set=True),
        # An outcome is a fact once written; one recorded by mistake is withdrawn by a later
        # outcome naming it here (see `fieldnote.outcomes`).
        _f("retracts", FieldType.UUID),
        _f("source", FieldType.CHOICE, choices=OUTCOME_SOURCES),
    ),
)

# A voice note or photo on a lead (`fieldnote.attachments`): a fact once written, like an
# outcome; its author may delete it. The file travels beside it, named by `file_sha256`.
LEAD_ATTACHMENT = KindSpec(
    "lead_attachment",
    (
        _f("lead_id", FieldType.UUID, required=True),
        _f("media", FieldType.CHOICE, required=True, choices=MEDIA),
        _f("label", FieldType.CHOICE, choices=PHOTO_LABELS),
        _f("caption", N),
        _f("file_sha256", N, required=True),
        _f("file_size", FieldType.INT, required=True, minimum=1),
        _f("mime_type", FieldType.CHOICE, required=True, choices=ALL_MIME_TYPES),
        _f("duration_ms", FieldType.INT, minimum=1),
        _f("width", FieldType.INT, minimum=1),
        _f("height", FieldType.INT, minimum=1),
        _f("at", FieldType.DATETIME),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
)

EVENT = KindSpec(
    "event",
    (
        _f("name", N, required=True),
        _f("venue", N),
        _f("starts_on", FieldType.DATE),
        _f("ends_on", FieldType.DATE),
        _f("campaign_code", N),
        _f("rubric_id", FieldType.UUID),
        _f("booth_staff", FieldType.UUIDS),
        _f("author_id", FieldType.UUID, server_set=True),
        # Where the event is (ISO 3166 alpha-2, e.g. "DE"): the region of phone numbers typed
        # without +country at its booth (fieldnote.leads.phone_region).
        _f("country", N),
        # The consent wording visitors agree to at this event (else the default wording).
        _f("consent_wording_id", FieldType.UUID),
        # What the event cost (stand, travel, fees), in `cost_currency` (ISO 4217; none: the
        # team's currency). Insights sets it against the event's leads (`fieldnote.costs`).
        _f("cost_amount", FieldType.NUMBER, minimum=0),
        _f("cost_currency", N),
        # Booth goals: targets for the team and each staff member, per day or for the show
        # (`fieldnote.goals`: [{"metric", "scope", "period", "target"}]).
        _f("goals", FieldType.LIST),
    ),
)

RUBRIC = KindSpec(
    "rubric",
    (
        _f("name", N, required=True),
        _f("version", FieldType.INT, minimum=1),
        _f("questions", FieldType.LIST),
        _f("thresholds", FieldType.OBJECT),
        _f("must_have", FieldType.LIST),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
)

COLLATERAL = KindSpec(
    "collateral",
    (
        _f("title", N, required=True),
        _f("summary", T),
        _f("kind", FieldType.CHOICE, choices=COLLATERAL_KINDS),
        _f("tags", FieldType.TAGS),
        _f("status", FieldType.CHOICE, choices=COLLATERAL_STATUSES),
        _f("version", FieldType.INT, minimum=1),
        _f("supersedes_id", FieldType.UUID),
        _f("file_sha256", N),
        _f("file_name", N),
        _f("file_size", FieldType.INT, minimum=0),
        _f("mime_type", N),
        _f("expires_on", FieldType.DATE),
        _f("audience", FieldType.TAGS),
        _f("text", T),  # extracted document text, for full-text search
        # A rep's proposal names its proposer (`fieldnote.roles`: reps create nothing else);
        # marketing's answer to it, and the last day marketing confirmed the item still holds.
        _f("proposed_by", FieldType.UUID),
        _f("review_comment", T),
        _f("verified_on", FieldType.DATE),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
    search_fields=("title", "summary", "tags", "text"),
)

COLLATERAL_FEEDBACK = KindSpec(
    "collateral_feedback",
    (
        _f("collateral_id", FieldType.UUID, required=True),
        _f("rating", FieldType.INT, minimum=1, maximum=5),
        _f("comment", T),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
)

COLLATERAL_USAGE = KindSpec(
    "collateral_usage",
    (
        _f("collateral_id", FieldType.UUID, required=True),
        _f("action", FieldType.CHOICE, required=True, choices=USAGE_ACTIONS),
        _f("lead_id", FieldType.UUID),
        _f("debrief_id", FieldType.UUID),
        _f("at", FieldType.DATETIME),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
)

# Approved collateral a rep sends to a visitor (a lead) by mail from the hub, with a short
# message; the hub mails a personal link per item and fills in how it went
# (`fieldnote.sending`, docs/collateral.md).
COLLATERAL_SEND = KindSpec(
    "collateral_send",
    (
        _f("lead_id", FieldType.UUID, required=True),
        _f("collateral_ids", FieldType.UUIDS, required=True),
        _f("message", T),
        _f("requested_at", FieldType.DATETIME),
        _f("author_id", FieldType.UUID, server_set=True),
        _f("state", FieldType.CHOICE, choices=SEND_STATES, server_set=True),
        _f("state_reason", T, server_set=True),
        _f("mailed_at", FieldType.DATETIME, server_set=True),
        _f("opened_at", FieldType.DATETIME, server_set=True),
        # One entry per item mailed: {"collateral_id", "link_id", "expires_at", "revoked_at",
        # "first_opened_at", "opens"}; never the link's secret.
        _f("links", FieldType.LIST, server_set=True),
    ),
)

COLLATERAL_REQUEST = KindSpec(
    "collateral_request",
    (
        _f("title", N, required=True),
        _f("need", T),
        _f("kind", FieldType.CHOICE, choices=COLLATERAL_KINDS),
        _f("needed_by", FieldType.DATE),
        _f("event_id", FieldType.UUID),
        _f("status", FieldType.CHOICE, choices=REQUEST_STATUSES),
        _f("response", T),
        _f("collateral_id", FieldType.UUID),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
)

DEBRIEF = KindSpec(
    "debrief",
    (
        _f("account", N, required=True),
        _f("contacts", N),
        _f("lead_id", FieldType.UUID),
        _f("call_date", FieldType.DATE, required=True),
        _f("call_type", FieldType.CHOICE, choices=CALL_TYPES),
        _f("stage", FieldType.CHOICE, choices=DEBRIEF_STAGES),
        _f("outcome", FieldType.CHOICE, choices=DEBRIEF_OUTCOMES),
        _f("reasons_buy", T),
        _f("reasons_not", T),
        _f("why_buy", FieldType.TAGS),
        _f("why_not", FieldType.TAGS),
        _f("pain_points", T),
        _f("objections", FieldType.TAGS),
        _f("competitors", FieldType.TAGS),
        _f("collateral_used", FieldType.LIST),
        _f("next_steps", T),
        _f("follow_up_on", FieldType.DATE),
        _f("notes", T),
        _f("status", FieldType.CHOICE, choices=DEBRIEF_STATUSES),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
    search_fields=("account", "contacts", "reasons_buy", "reasons_not", "pain_points",
                   "objections", "competitors", "next_steps", "notes"),
)

DEBRIEF_COMMENT = KindSpec(
    "debrief_comment",
    (
        _f("debrief_id", FieldType.UUID, required=True),
        _f("body", T, required=True),
        _f("author_id", FieldType.UUID, server_set=True),
        _f("created_at", FieldType.DATETIME),
    ),
)

REASON_LIST = KindSpec(
    "reason_list",
    (
        _f("list", FieldType.CHOICE, required=True, choices=REASON_LISTS),
        _f("items", FieldType.TAGS),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
)

# The sentence a visitor agrees to when consenting to be contacted, maintained by marketing.
# `version` and `versions` (every version's text and since when) are set from its edits by
# `fieldnote.consent`, never by a client.
CONSENT_WORDING = KindSpec(
    "consent_wording",
    (
        _f("name", N, required=True),
        _f("text", T, required=True),
        _f("is_default", FieldType.BOOL),
        _f("version", FieldType.INT, minimum=1, server_set=True),
        _f("versions", FieldType.LIST, server_set=True),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
)

USER = KindSpec(
    "user",
    (
        _f("name", N, required=True),
        _f("email", N),
        _f("role", FieldType.CHOICE, required=True, choices=ROLES),
        _f("team", N),
        _f("active", FieldType.BOOL),
    ),
)

# The routing rules (`fieldnote.routing`): one record, id `fieldnote.routing.ROUTING_ID`, whose
# `rules` the hub applies to every lead that arrives.
ROUTING = KindSpec(
    "routing",
    (
        _f("rules", FieldType.LIST),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
)

# An export of leads made on a device (`fieldnote.audit.export_fields`): its format, how many
# leads it held, the shape of its filter, when, and from where (the command line or the
# window); who made it is set from the token. The hub turns each into a `leads.export` audit
# entry; it is a fact once written.
LEAD_EXPORT = KindSpec(
    "lead_export",
    (
        _f("format", FieldType.CHOICE, required=True, choices=EXPORT_FORMATS),
        _f("rows", FieldType.INT, required=True, minimum=0),
        _f("filter", FieldType.OBJECT),
        _f("exported_at", FieldType.DATETIME, required=True),
        _f("origin", FieldType.CHOICE, choices=EXPORT_ORIGINS),
        _f("author_id", FieldType.UUID, server_set=True),
    ),
)

CONFLICT = KindSpec(
    "conflict",
    (
        _f("kind", N, required=True),
        _f("record_id", FieldType.UUID, required=True),
        _f("field", N, required=True),
        _f("yours", FieldType.JSON),
        _f("theirs", FieldType.JSON),
        _f("by", FieldType.UUID),
        _f("at", FieldType.DATETIME),
        _f("resolved", FieldType.BOOL),
        _f("users", FieldType.UUIDS),
    ),
)

KINDS: Mapping[str, KindSpec] = MappingProxyType(
    {
        k.name: k
        for k in (
            LEAD,
            LEAD_OUTCOME,
            LEAD_ATTACHMENT,
            EVENT,
            RUBRIC,
            COLLATERAL,
            COLLATERAL_FEEDBACK,
            COLLATERAL_USAGE,
            COLLATERAL_REQUEST,
            COLLATERAL_SEND,
            DEBRIEF,
            DEBRIEF_COMMENT,
            REASON_LIST,
            CONSENT_WORDING,
            USER,
            CONFLICT,
            ROUTING,
            LEAD_EXPORT,
        )
    }
)

# Kinds whose fields the hub fills in alone; clients only read them (a conflict is resolved
# by an upsert of `resolved`, the one client-writable conflict field).
HUB_MADE_KINDS = frozenset({"user", "conflict"})


def spec(kind: str) -> KindSpec:
    try:
        return KINDS[kind]
    except KeyError:
        raise UnknownKind(kind) from None


class UnknownKind(ValueError):
    def __init__(self, kind: object) -> None:
        super().__init__(f"Unknown record kind {kind!r}")
        self.kind = kind
