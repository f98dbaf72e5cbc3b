"""Applying a push: at-most-once by mutation id, per-field merge against `base_version`,
conflicts answered and kept as `conflict` records, failures answered as `rejected`.

Each mutation is checked, authorised and merged on its own, so one bad mutation never stops
the rest; the accepted ones are written together at the end of the transaction. A race with
another push (same new record or mutation id) retries the whole push, never half of it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from fieldnote import attachments, privacy, sending
from fieldnote.consent import derived_fields
from fieldnote.ids import is_uuid, new_id
from fieldnote.kinds import KINDS
from fieldnote.validation import (
    FieldError,
    ValidationFailed,
    check_complete,
    clean_fields,
    utc_now_iso,
)
from fieldnote.wire import Mutation
from hub import audit, authz, mailing, routing, webhooks
from hub.authz import Actor, Forbidden
from hub.blobs import BlobHead, file_fields
from hub.db.engine import lost_a_race, write_lock, writer
from hub.db.tables import erased_people, mutations
from hub.privacy import erased_on
from hub.records import RecordState, RecordStore, insert_rows, resolve_version

log = logging.getLogger(__name__)

PROBLEM_BASE = "https://fieldnote.dev/problems/"
_RETRIES = 4
# The per-field version entry that stands for every field without its own: the record's
# making, as [version, client_id, user id].
MADE = "*"


class Rejected(Exception):
    def __init__(self, problem: dict[str, Any]) -> None:
        super().__init__(problem.get("title"))
        self.problem = problem


def problem(kind: str, title: str, detail: str | None = None, status: int = 422,
            errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"type": PROBLEM_BASE + kind, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    return body


@dataclass
class _Outcome:
    """What happened to one mutation; `version` may be a placeholder until the flush."""

    mutation_id: str
    status: str
    version: int = 0
    conflicts: list[dict[str, Any]] | None = None
    problem: dict[str, Any] | None = None
    log_row: dict[str, Any] | None = field(default=None, repr=False)
    # What the hub holds at `version` beyond what the device sent (`settled_fields`).
    fields: dict[str, Any] | None = field(default=None, repr=False)

    def answer(self) -> dict[str, Any]:
        out: dict[str, Any] = {"mutation_id": self.mutation_id, "status": self.status}
        if self.status == "rejected":
            out["problem"] = self.problem
        else:
            out["version"] = self.version
        if self.conflicts:
            out["conflicts"] = [
                {"field": c["field"], "yours": c["yours"], "theirs": c["theirs"]}
                for c in self.conflicts
            ]
        if self.fields is not None:
            out["fields"] = self.fields
        return out


# How a mutation body is hashed, to tell a replay from a reused id. Hashes of the first form
# (64 hex digits) were stored before the second existed and are still compared in that form;
# new ones are `2:` and 62 hex digits. Changing a form would make replays of mutations it
# hashed answer `mutation-id-reused`, so a new form gets a new prefix instead.
_CANONICAL_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
_HASH_V2 = "2:"


def _body(m: Mutation) -> dict[str, Any]:
    return {
        "kind": m.kind, "record_id": m.record_id, "op": m.op,
        "base_version": m.base_version, "fields": m.fields, "made_at": m.made_at,
    }


def legacy_body_hash(m: Mutation) -> str:
    """The first form: sha256 of sorted-key compact JSON text, non-ASCII as is."""
    text = _CANONICAL_JSON.encode(_body(m))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def body_hash(m: Mutation) -> str:
    """The current form: sha256 of orjson's sorted-key JSON (about five times faster than
    the standard encoder); a body orjson cannot encode (integers past 64 bits) is hashed
    over the first form's text, so a body always hashes the same way."""
    body = _body(m)
    try:
        data = orjson.dumps(body, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        data = _CANONICAL_JSON.encode(body).encode("utf-8", "surrogatepass")
    return _HASH_V2 + hashlib.sha256(data).hexdigest()[:62]


def same_body(m: Mutation, digest: str, first_hash: str) -> bool:
    """Whether `m` (whose current hash is `digest`) has the body first stored as
    `first_hash`, in whichever form that was stored."""
    if first_hash.startswith(_HASH_V2):
        return digest == first_hash
    return legacy_body_hash(m) == first_hash


def apply_push(
    engine: Engine,
    actor: Actor,
    client_id: str,
    raw_mutations: list[Any],
    blob_exists: Callable[[str], bool],
    base_url: str = "",
    blob_head: BlobHead | None = None,
) -> list[dict[str, Any]]:
    """Apply a push and return one answer per mutation, in the request's order. `base_url`
    is the address the device reached the hub at (the links of the mails its sends make);
    `blob_head` gives a stored file's size and first bytes, to hold a voice note or photo to
    the file it names."""
    try:
        # The usual push is well-formed: one validation call for all of it.
        shaped: list[Any] = _MUTATION_LIST.validate_python(raw_mutations)
    except ValidationError:
        shaped = raw_mutations  # each one on its own, for its own problem
    parsed: list[Mutation | _Outcome] = [_parse(item) for item in shaped]
    for _attempt in range(_RETRIES):
        try:
            return _apply_once(engine, actor, client_id, parsed, blob_exists, base_url,
                               blob_head=blob_head)
        except (IntegrityError, OperationalError) as exc:
            # A concurrent push created the same record or mutation id, or the database
            # broke a deadlock: nothing of this attempt was committed, so run it again.
            if not _retryable(exc):
                break
            log.info("push raced another push (%s); retrying", type(exc.orig).__name__)
        except DBAPIError as exc:
            log.warning("the database refused a push (%s)", type(exc.orig).__name__)
            break
    # Something in the batch keeps failing in the database: apply each mutation in its own
    # savepoint, so the one that fails is rejected and the rest still apply.
    return _apply_once(engine, actor, client_id, parsed, blob_exists, base_url, isolate=True,
                       blob_head=blob_head)


def _retryable(exc: DBAPIError) -> bool:
    return isinstance(exc, IntegrityError) or lost_a_race(exc)


# The form every client sends; anything else gets the full check, which accepts more forms.
_PLAIN_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _uuid(text: str) -> bool:
    return _PLAIN_UUID.fullmatch(text) is not None or is_uuid(text)


_MUTATION_LIST = TypeAdapter(list[Mutation])


def _parse(raw: Any) -> Mutation | _Outcome:
    if isinstance(raw, Mutation):
        return _check_ids(raw)
    mutation_id = raw.get("mutation_id") if isinstance(raw, dict) else None
    mutation_id = mutation_id if isinstance(mutation_id, str) else ""
    try:
        m = Mutation.model_validate(raw)
    except ValidationError as exc:
        errors = [
            {"field": ".".join(str(p) for p in e["loc"]) or "mutation", "message": e["msg"]}
            for e in exc.errors(include_url=False, include_input=False)
        ]
        return _Outcome(mutation_id[:100], "rejected", problem=problem(
            "malformed-mutation", "Malformed mutation", "The mutation does not have the "
            "shape the protocol requires", errors=errors))
    return _check_ids(m)


def _check_ids(m: Mutation) -> Mutation | _Outcome:
    if not _uuid(m.mutation_id):
        return _Outcome(m.mutation_id[:100], "rejected", problem=problem(
            "malformed-mutation", "Invalid mutation_id",
            errors=[{"field": "mutation_id", "message": "must be a UUID"}]))
    if not _uuid(m.record_id):
        return _Outcome(m.mutation_id, "rejected", problem=problem(
            "malformed-mutation", "Invalid record_id",
            errors=[{"field": "record_id", "message": "must be a UUID"}]))
    if m.kind not in KINDS:
        return _Outcome(m.mutation_id, "rejected", problem=problem(
            "unknown-kind", "Unknown record kind", f"{m.kind[:60]!r} is not a record kind",
            errors=[{"field": "kind", "message": "is not a record kind"}]))
    return m


def _apply_once(
    engine: Engine,
    actor: Actor,
    client_id: str,
    parsed: list[Mutation | _Outcome],
    blob_exists: Callable[[str], bool],
    base_url: str = "",
    isolate: bool = False,
    blob_head: BlobHead | None = None,
) -> list[dict[str, Any]]:
    with write_lock(engine), writer(engine).begin() as conn:
        store = RecordStore(conn)
        if conn.dialect.name == "sqlite":
            store.take_counter_lock()
        valid = [m for m in parsed if isinstance(m, Mutation)]
        known = _known_mutations(conn, [m.mutation_id for m in valid])
        by_kind: dict[str, list[str]] = defaultdict(list)
        for m in valid:
            by_kind[m.kind].append(str(m.record_id).lower())
        for kind in sorted(by_kind):
            store.load_many(kind, by_kind[kind])
        outcomes: list[_Outcome] = []
        seen: dict[str, tuple[str, _Outcome]] = {}
        applier = _Applier(store, actor, client_id, blob_exists, blob_head)
        for item in parsed:
            if isinstance(item, _Outcome):
                outcomes.append(item)
                continue
            m = item
            digest = body_hash(m)
            if m.mutation_id in seen or m.mutation_id in known:
                first_hash, first = seen.get(m.mutation_id) or known[m.mutation_id]
                replay = _replay(m.mutation_id, same_body(m, digest, first_hash), first)
                if replay.status == "duplicate":
                    replay.fields = _replayed_state(store, m, replay.version)
                outcomes.append(replay)
                continue
            outcome = applier.apply(m)
            if outcome.status != "rejected":
                outcome.log_row = {
                    "mutation_id": m.mutation_id, "user_id": actor.id,
                    "client_id": client_id[:36], "body_hash": digest,
                    "status": outcome.status, "applied_at": store.now,
                }
                seen[m.mutation_id] = (digest, outcome)
                if isolate and not _write_alone(conn, store, outcome):
                    del seen[m.mutation_id]
            outcomes.append(outcome)
        base = store.flush()
        log_rows = []
        for outcome in outcomes:
            outcome.version = resolve_version(outcome.version, base)
            if outcome.log_row is not None:
                log_rows.append({**outcome.log_row, "version": outcome.version,
                                 "conflicts": outcome.conflicts})
        if log_rows:
            insert_rows(conn, mutations, log_rows)
        # Webhook deliveries of what this push changed, in its transaction (an outbox).
        queued = webhooks.enqueue(conn, store.written, _fields_of(store), store.now)
        # Audit entries of what the log keeps (consent wordings), in the same transaction.
        audit.record_pushed(conn, store.written, actor)
        # Mails of the collateral sends it made, in its transaction too.
        mails = mailing.enqueue(conn, store.written, base_url)
    if queued:
        webhooks.WAKEUPS.notify()
    if mails:
        mailing.WAKEUPS.notify()
    return [o.answer() for o in outcomes]


def _fields_of(store: RecordStore) -> webhooks.Lookup:
    def lookup(kind: str, record_id: str) -> dict[str, Any] | None:
        state = store.get(kind, record_id.lower()) if _uuid(record_id) else None
        return None if state is None or state.deleted else state.public_fields()
    return lookup


def _write_alone(conn: Any, store: RecordStore, outcome: _Outcome) -> bool:
    """Write one mutation's changes and log row in a savepoint; on a database error turn
    the outcome into `rejected` and return False."""
    written = len(store.written)
    try:
        with conn.begin_nested():
            first = store.flush()
            outcome.version = resolve_version(outcome.version, first)
            assert outcome.log_row is not None
            conn.execute(insert(mutations), [{**outcome.log_row, "version": outcome.version,
                                              "conflicts": outcome.conflicts}])
    except DBAPIError as exc:
        log.warning("the database refused mutation %s (%s)", outcome.mutation_id,
                    type(exc.orig).__name__)
        store.discard()
        del store.written[written:]
        outcome.status, outcome.conflicts = "rejected", None
        outcome.problem = problem("storage", "Not stored", "The hub could not store this "
                                  "change; check its values or ask an administrator")
        outcome.log_row = None
        return False
    outcome.log_row = None  # written already
    return True


def _known_mutations(conn: Any, ids: list[str]) -> dict[str, tuple[str, _Outcome]]:
    known: dict[str, tuple[str, _Outcome]] = {}
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            select(mutations).where(mutations.c.mutation_id.in_(ids[start : start + 500]))
        )
        for r in rows:
            known[r.mutation_id] = (
                r.body_hash, _Outcome(r.mutation_id, r.status, int(r.version), r.conflicts)
            )
    return known


def settled_fields(kind: str, sent: dict[str, Any], base_version: int,
                   before: RecordState | None, after: RecordState) -> dict[str, Any]:
    """What the pushing device lacks of the record as the hub holds it after its change
    (docs/protocol-extensions.md, "A device's own changes"): the device holds the version it
    based the change on plus what it sent. When that base is the version the hub had (or the
    record is new), only the fields differing from that are answered (the values the hub set,
    merged or normalised); otherwise the hub cannot know what the device holds, and every
    field is answered."""
    now = after.fields
    if before is not None and before.version != base_version:
        # Changed by someone else since (or earlier in this push): all of it.
        return after.public_fields()
    held: dict[str, Any] = before.fields if before is not None else {}
    out = {n: v for n, v in now.items() if v != (sent[n] if n in sent else held.get(n))}
    # A value sent that the hub did not keep (a server-set field, say) and holds none of.
    out.update({n: None for n, v in sent.items()
                if n not in now and v is not None and n in KINDS[kind].by_name})
    return out


def _replayed_state(store: RecordStore, m: Mutation, version: int) -> dict[str, Any] | None:
    """A replay's answer carries the whole record while it is still at the version first
    answered (the first answer may never have reached the device); None once it moved on."""
    if version <= 0 or m.op != "upsert":
        return None
    state = store.get(m.kind, m.record_id.lower())
    if state is None or state.deleted or state.version != version:
        return None
    return state.public_fields()


def _replay(mutation_id: str, same: bool, first: _Outcome) -> _Outcome:
    if not same:
        return _Outcome(mutation_id, "rejected", problem=problem(
            "mutation-id-reused", "Mutation id reused",
            "This mutation id was already applied with a different body; send the change "
            "again under a new mutation id"))
    # The first answer's version; a placeholder still resolves in the same flush.
    return _Outcome(mutation_id, "duplicate", version=first.version)


class _Applier:
    def __init__(self, store: RecordStore, actor: Actor, client_id: str,
                 blob_exists: Callable[[str], bool], blob_head: BlobHead | None = None) -> None:
        self.store = store
        self.actor = actor
        self.client_id = client_id[:36]
        self.blob_exists = blob_exists
        self.blob_head = blob_head
        self._any_erased: bool | None = None

    def apply(self, m: Mutation) -> _Outcome:
        try:
            if m.op == "delete":
                return self._delete(m)
            return self._upsert(m)
        except Rejected as exc:
            return _Outcome(m.mutation_id, "rejected", problem=exc.problem)
        except ValidationFailed as exc:
            return _Outcome(m.mutation_id, "rejected", problem=exc.problem())
        except Forbidden as exc:
            return _Outcome(m.mutation_id, "rejected", problem=problem(
                "forbidden", "Not allowed", str(exc), status=403))

    def _delete(self, m: Mutation) -> _Outcome:
        record_id = m.record_id.lower()
        before = self.store.get(m.kind, record_id)
        if before is None or not authz.sees_record(self.actor, m.kind, before.fields, self.store):
            # The same answer for a record that is not there and one the writer may not see.
            raise Rejected(problem("not-found", "No such record",
                                   f"The hub has no {m.kind} with this id", status=404))
        authz.require(self.actor, m.kind, "delete", before.fields, {}, self.store)
        self._check_base(m, before)
        if before.deleted:
            return _Outcome(m.mutation_id, "applied", version=before.version)
        state = self.store.working_copy(before)
        state.deleted = True
        version = self.store.stage(state)
        return _Outcome(m.mutation_id, "applied", version=version)

    def _upsert(self, m: Mutation) -> _Outcome:
        record_id = m.record_id.lower()
        changes = clean_fields(m.kind, m.fields, partial=True)
        before = self.store.get(m.kind, record_id)
        if m.kind in privacy.LINKED_KINDS:
            changes = self._linked_to_erased(m.kind, changes, before)
        if before is None:
            return self._create(m, record_id, changes)
        if before.deleted:
            raise Rejected(problem("deleted", "Record deleted",
                                   f"This {m.kind} was deleted on the hub", status=409))
        if m.kind == "lead" and privacy.is_erased(before.fields):
            # The person was erased: their data is never taken back (docs/privacy.md).
            raise Rejected(problem("erased", "Person erased",
                                   "This lead's person was erased on the hub; the change was "
                                   "not kept", status=410))
        reassign = self._reassignment(m, before)
        checked = {**changes, "owner_id": reassign} if reassign else changes
        authz.require(self.actor, m.kind, "update", before.fields, checked, self.store)
        self._check_base(m, before)
        changed = {k: v for k, v in checked.items() if before.fields.get(k) != v}
        if not changed:
            return _Outcome(m.mutation_id, "applied", version=before.version,
                            fields=settled_fields(m.kind, m.fields, m.base_version, before,
                                                  before))
        state = self.store.working_copy(before)
        state.fields.update(changed)
        # What the change derives (a consent statement's recorder and history, a wording's
        # version) is the hub's own: never a conflict, never taken from the client.
        derived = derived_fields(m.kind, before.fields, changed, self.actor.id, self.store.now)
        state.fields.update(derived)
        self._check_complete(state, changed)
        self._check_blob(m.kind, changed, state.fields)
        conflicts = []
        # A conflict record is the hub's own; marking it resolved never conflicts.
        for name, value in changed.items() if m.kind != "conflict" else ():
            last = before.field_versions.get(name) or before.field_versions.get(MADE)
            if last is None:
                # A record stored before the hub kept who made it: a client that has seen
                # any version of it has seen its making; a base of 0 has seen nothing.
                if m.base_version == 0:
                    conflicts.append({"field": name, "yours": value,
                                      "theirs": before.fields.get(name), "other": None})
                continue
            if self._mine(last):
                continue  # this device's own earlier write: it builds on it
            if last[0] < 0 or last[0] > m.base_version:
                conflicts.append({"field": name, "yours": value,
                                  "theirs": before.fields.get(name), "other": last[2]})
        version = self.store.stage(state)
        for name in (*changed, *derived):
            state.field_versions[name] = [version, self.client_id, self.actor.id]
        for c in conflicts:
            self._keep_conflict(m.kind, record_id, c)
        self._follow_parent(m.kind, record_id, changed)
        return _Outcome(m.mutation_id, "conflict" if conflicts else "applied",
                        version=version, conflicts=conflicts or None,
                        fields=settled_fields(m.kind, m.fields, m.base_version, before, state))

    def _create(self, m: Mutation, record_id: str, changes: dict[str, Any]) -> _Outcome:
        authz.require(self.actor, m.kind, "create", None, changes, self.store)
        self._check_base(m, None)
        if m.kind == "lead":
            self._refuse_erased_person(changes.get("email"))
        if m.kind == "collateral_send":
            self._check_send_items(changes)
        fields = dict(changes)
        spec = KINDS[m.kind]
        for server_field in ("owner_id", "captured_by", "author_id"):
            if server_field in spec.by_name:
                fields[server_field] = self.actor.id
        if m.kind == "lead":
            # The routing rules choose the owner of a lead that arrives; without a match the
            # capturing rep keeps it.
            owner, _rule = routing.owner_for_new_lead(self.store, fields, self.actor.id,
                                                     self.actor.team)
            fields["owner_id"] = owner
        if m.kind == "collateral_send":
            fields["state"] = "queued"
        if m.kind == "debrief_comment" and not fields.get("created_at"):
            fields["created_at"] = m.made_at if m.made_at else utc_now_iso()
        fields.update(derived_fields(m.kind, None, changes, self.actor.id, self.store.now))
        state = RecordState(kind=m.kind, id=record_id, fields=fields)
        self._check_complete(state)
        self._check_blob(m.kind, changes, state.fields)
        if m.kind == "lead" and fields["owner_id"] != self.actor.id:
            # The capturer's device holds the lead it made: it learns from a removal row that
            # the lead left it, as after a handover.
            state.stored_audiences = [f"user:{self.actor.id}"]
        version = self.store.stage(state)
        # No per-field entries yet: a field without one was written when the record was made,
        # by the device this entry names. Anyone else editing it later must have seen at least
        # that version; a second create of the id from another device has not.
        state.field_versions[MADE] = [version, self.client_id, self.actor.id]
        return _Outcome(m.mutation_id, "applied", version=version,
                        fields=settled_fields(m.kind, m.fields, 0, None, state))

    def _linked_to_erased(self, kind: str, changes: dict[str, Any],
                          before: RecordState | None) -> dict[str, Any]:
        """A change to an outcome, debrief or comment of a lead whose person was erased, made
        on a device that had not heard of it yet: it may not bring the person back
        (`fieldnote.privacy.change_to_erased`)."""
        def field(name: str) -> Any:
            return changes.get(name) or (before.fields.get(name) if before else None)

        lead_id = field("lead_id")
        if kind == "debrief_comment":
            debrief = self.store.get("debrief", str(field("debrief_id") or ""))
            lead_id = debrief.fields.get("lead_id") if debrief is not None else None
        lead = self.store.get("lead", str(lead_id)) if lead_id else None
        if lead is None or not privacy.is_erased(lead.fields):
            return changes
        kept = privacy.change_to_erased(kind, changes)
        if kept is None:
            raise Rejected(problem("erased", "Person erased",
                                   "This record is about a person erased on the hub; its text "
                                   "was not kept", status=410))
        return kept

    def _refuse_erased_person(self, email: Any) -> None:
        """A new lead of an erased person's email address waits for a person's decision
        (`fieldnote-hub person allow`) instead of silently recreating them."""
        if self._any_erased is None:
            self._any_erased = self.store.conn.execute(
                select(erased_people.c.id).limit(1)).first() is not None
        if not self._any_erased or not isinstance(email, str):
            return
        when = erased_on(self.store.conn, email)
        if when:
            raise Rejected(problem(
                "erased-person", "Person erased",
                f"A person with this email address was erased from the hub on {when[:10]}; "
                "an administrator decides whether they may be added again", status=409,
                errors=[{"field": "email", "message": "belongs to an erased person"}]))

    def _check_send_items(self, changes: dict[str, Any]) -> None:
        """Only approved material that has not expired goes to a visitor
        (`fieldnote.sending.item_refusal`); the writer sees it (checked before, by the
        policy's references)."""
        for collateral_id in changes.get("collateral_ids") or []:
            refusal = sending.item_refusal(
                self.store.record_fields("collateral", str(collateral_id).lower()),
                self.store.today)
            if refusal:
                raise ValidationFailed([FieldError("collateral_ids", refusal)],
                                       title="Not sendable")

    def _mine(self, last: list[Any]) -> bool:
        """Whether a per-field entry names this device of this user."""
        return bool(last[1] == self.client_id and (len(last) < 3 or last[2] == self.actor.id))

    def _check_base(self, m: Mutation, before: RecordState | None) -> None:
        """A `base_version` is a version the hub answered or sent for this record: one above
        its stored version (0 for a record it does not have) names a state the hub never had,
        so the change cannot be merged."""
        latest = before.stored_version if before is not None else 0
        if m.base_version > latest:
            raise Rejected(problem(
                "unknown-base", "Unknown base version",
                f"This change was made on version {m.base_version} of the {m.kind}, but the "
                f"hub's latest is {latest}; pull and make the change again",
                status=409,
                errors=[{"field": "base_version",
                         "message": "is newer than the record's version on the hub"}]))

    def _follow_parent(self, kind: str, record_id: str, changed: dict[str, Any]) -> None:
        """Outcomes, voice notes and photos are seen by whoever sees their lead, comments by whoever sees their
        debrief: when the parent's audience changes, re-save the children so their feed rows
        (and removal rows) follow."""
        if kind == "lead" and "owner_id" in changed:
            children = [*self.store.children("lead_outcome", "lead_id", record_id),
                        *self.store.children("lead_attachment", "lead_id", record_id)]
        elif kind == "debrief" and "status" in changed:
            children = self.store.children("debrief_comment", "debrief_id", record_id)
        else:
            return
        for child in children:
            self.store.stage(self.store.working_copy(child))

    def _check_complete(self, state: RecordState, changed: Iterable[str] | None = None) -> None:
        """The record's whole state against its kind (a lead: `fieldnote.leads` rules too);
        an update is held to the rules reading the fields it changes."""
        errors = check_complete(KINDS[state.kind], state.fields, changed=changed)
        if errors:
            raise ValidationFailed(errors)

    def _check_blob(self, kind: str, changes: dict[str, Any], fields: dict[str, Any]) -> None:
        """A file a record newly names must be on the hub (the device uploads it first); a
        voice note's or photo's file must be what the record says it is."""
        for name in file_fields().get(kind, ()):
            sha = changes.get(name)
            if not sha:
                continue
            if not self.blob_exists(sha):
                raise ValidationFailed(
                    [FieldError(name, "names a file the hub does not have; upload it first")],
                    title="Unknown file",
                )
            if kind == "lead_attachment" and self.blob_head is not None:
                self._check_attachment_file(name, sha, fields)

    def _check_attachment_file(self, name: str, sha: str, fields: dict[str, Any]) -> None:
        found = self.blob_head(sha) if self.blob_head is not None else None
        if found is None:
            return
        size, head = found
        problem = attachments.content_problem(head, fields.get("mime_type"), size)
        if problem:
            raise ValidationFailed([FieldError(name, problem)], title="Wrong file")
        if fields.get("file_size") != size:
            raise ValidationFailed([FieldError("file_size", f"the file it names has {size:,} "
                                               "bytes")], title="Wrong file")

    def _reassignment(self, m: Mutation, before: RecordState) -> str | None:
        """Extension: a marketer hands a lead to another user by sending `owner_id`."""
        wanted = m.fields.get("owner_id")
        if m.kind != "lead" or wanted is None or wanted == before.fields.get("owner_id"):
            return None
        if authz.refusal(self.actor, "lead", "reassign"):
            return None  # a client value of a server-set field is ignored
        owner = self.store.get("user", str(wanted).lower()) if is_uuid(wanted) else None
        if owner is None or owner.deleted or not owner.fields.get("active", True):
            raise ValidationFailed([FieldError("owner_id", "is not an active user")])
        return owner.id

    def _keep_conflict(self, kind: str, record_id: str, c: dict[str, Any]) -> None:
        users = sorted({self.actor.id, *( [c["other"]] if c.get("other") else [])})
        state = RecordState(
            kind="conflict",
            id=new_id(),
            fields={
                "kind": kind, "record_id": record_id, "field": c["field"],
                "yours": c["yours"], "theirs": c["theirs"], "by": self.actor.id,
                "at": utc_now_iso(), "resolved": False, "users": users,
            },
        )
        self.store.stage(state)
