"""A person's data on the hub: everything it holds about an email address (`export_person`),
and erasure (`erase_person`, `erase_leads`) by the rules of `fieldnote.privacy`.

An erasure is one ordinary write transaction: each lead becomes an anonymous stub at a new
version, so every device that sees it pulls the stub (and drops what it held) at its next
sync, and Insights' counts and amounts stay as they were. Afterwards the freed bytes are
overwritten on SQLite (`secure_delete`, then a WAL checkpoint that truncates the log) and
vacuumed on PostgreSQL, and files only the erased records named are overwritten and removed
(with any unfinished upload of them). A lead's voice notes and photos are the person's data
whole: they are deleted (devices pull the deletion and shred their copies) and lose their
file's name and caption on the hub.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Text, cast, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from fieldnote import privacy
from fieldnote.validation import utc_now_iso
from hub.db.engine import lost_a_race, write_lock, writer
from hub.db.tables import (
    RECORD_TABLES,
    deliveries,
    erased_people,
    mail_outbox,
    meta,
    mutations,
    share_links,
)
from hub.records import RecordState, RecordStore

log = logging.getLogger(__name__)

SALT_KEY = "erasure_salt"
EXPORT_FORMAT = "fieldnote-person-export"
# Record tables an erasure rewrites (vacuumed afterwards on PostgreSQL).
_TOUCHED = ("rec_lead", "rec_lead_outcome", "rec_debrief", "rec_debrief_comment", "rec_conflict",
            "hub_mutation", "hub_webhook_delivery", "rec_collateral_send", "hub_mail_outbox",
            *(RECORD_TABLES[kind].name for kind in privacy.DELETED_KINDS))
# What stands in an erased webhook delivery's body, and why a pending one was not sent.
ERASED_DELIVERY_BODY = '{"erased":true}'
ERASED_DELIVERY_ERROR = "not sent: the person was erased"
ERASED_REASON = "the person was erased"


class PersonError(ValueError):
    """A request about a person that cannot be served (no address given)."""


@dataclass
class ErasureReport:
    leads: list[str] = field(default_factory=list)
    outcomes: int = 0
    debriefs: int = 0
    comments: int = 0
    conflicts: int = 0
    deliveries: int = 0
    sends: int = 0
    attachments: int = 0
    files_removed: int = 0
    erased_at: str = ""
    # Files the erased records named (removed from the blob directory when no record names
    # them any more).
    files: set[str] = field(default_factory=set, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {"leads": len(self.leads), "lead_ids": list(self.leads),
                "outcomes": self.outcomes, "debriefs": self.debriefs, "comments": self.comments,
                "conflicts": self.conflicts, "deliveries": self.deliveries, "sends": self.sends,
                "attachments": self.attachments, "files_removed": self.files_removed,
                "erased_at": self.erased_at}


# -- the salted keys -------------------------------------------------------------------------


def _salt(conn: Connection, *, create: bool) -> str | None:
    value = conn.execute(select(meta.c.value).where(meta.c.key == SALT_KEY)).scalar()
    if value is None and create:
        value = secrets.token_hex(32)
        conn.execute(insert(meta).values(key=SALT_KEY, value=value))
    return str(value) if value is not None else None


def erased_on(conn: Connection, email: str | None) -> str | None:
    """When the person with this email address was last erased (None if never)."""
    if not email or not str(email).strip():
        return None
    salt = _salt(conn, create=False)
    if salt is None:
        return None
    return conn.execute(
        select(func.max(erased_people.c.erased_at))
        .where(erased_people.c.email_key == privacy.email_key(salt, str(email)))
    ).scalar()


def allow_person(engine: Engine, email: str) -> int:
    """Forget that this address was erased, so that leads of it are accepted again (the
    decision after a flagged import); return how many erasure rows were removed."""
    email = _address(email)
    with write_lock(engine), writer(engine).begin() as conn:
        salt = _salt(conn, create=False)
        if salt is None:
            return 0
        result = conn.execute(erased_people.delete().where(
            erased_people.c.email_key == privacy.email_key(salt, email)))
        return int(result.rowcount or 0)


def _address(email: str) -> str:
    value = privacy.normalise_email(email or "")
    if not value:
        raise PersonError("Give the person's email address")
    return value


def _lead_ids_of(conn: Connection, email: str) -> list[str]:
    t = RECORD_TABLES["lead"]
    return list(conn.execute(
        select(t.c.id).where(func.lower(func.trim(t.c.email)) == email).order_by(t.c.id)
    ).scalars())


# -- erasure -----------------------------------------------------------------------------------


def erase_person(engine: Engine, email: str, *, by: str, reason: str | None = None,
                 blobs_dir: Path | None = None) -> ErasureReport:
    """Erase every lead of this email address (deleted ones too) and what names it, remember
    the address's salted key, and overwrite what the database freed. `by` names who asked
    (a user id, or "command line")."""
    email = _address(email)

    def erase() -> ErasureReport:
        with write_lock(engine), writer(engine).begin() as conn:
            store = RecordStore(conn)
            if conn.dialect.name == "sqlite":
                store.take_counter_lock()
            ids = _lead_ids_of(conn, email)
            return _erase(conn, store, ids, by=by, reason=reason, emails={email})

    report = _again_if_raced(erase)
    _after_erasure(engine, report, blobs_dir)
    log.info("erased a person: %d leads", len(report.leads))
    return report


def erase_leads(engine: Engine, lead_ids: Sequence[str], *, by: str, reason: str | None = None,
                blobs_dir: Path | None = None) -> ErasureReport:
    """Erase these leads' people as `erase_person` does (the retention job's entry point):
    each lead with an email address has that address's key remembered."""
    def erase() -> ErasureReport:
        with write_lock(engine), writer(engine).begin() as conn:
            store = RecordStore(conn)
            if conn.dialect.name == "sqlite":
                store.take_counter_lock()
            return _erase(conn, store, sorted({i.lower() for i in lead_ids}), by=by,
                          reason=reason, emails=set())

    report = _again_if_raced(erase)
    _after_erasure(engine, report, blobs_dir)
    log.info("erased %d leads", len(report.leads))
    return report


# An erasure locks the leads, then what names them (sends, deliveries); a worker mailing or
# delivering at that moment may hold one of those first. The database then gives one of the two
# up (a deadlock), and the erasure, one transaction, runs again.
RACE_ATTEMPTS = 5


def _again_if_raced(erase: Callable[[], ErasureReport]) -> ErasureReport:
    for attempt in range(1, RACE_ATTEMPTS + 1):
        try:
            return erase()
        except DBAPIError as exc:
            if attempt == RACE_ATTEMPTS or not lost_a_race(exc):
                raise
            log.info("an erasure met another transaction (%s); running it again",
                     type(exc.orig).__name__)
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def _erase(conn: Connection, store: RecordStore, ids: list[str], *, by: str,
           reason: str | None, emails: set[str]) -> ErasureReport:
    report = ErasureReport(erased_at=store.now)
    store.load_many("lead", ids)
    leads = [s for s in (store.get("lead", i) for i in ids) if s is not None]
    names = privacy.identifiers([s.fields for s in leads])
    files = report.files
    for state in leads:
        email = privacy.normalise_email(str(state.fields.get("email") or ""))
        if email:
            emails.add(email)
        if privacy.is_erased(state.fields):
            continue
        files |= set(privacy.attachments(state.fields).values())
        stub = store.working_copy(state)
        stub.fields = privacy.lead_stub(state.fields, store.now)
        # Which fields changed when: entries of cleared fields would tell that they existed.
        stub.field_versions = {k: v for k, v in stub.field_versions.items()
                               if k == "*" or k in privacy.LEAD_STUB_FIELDS}
        store.stage(stub)
        report.leads.append(state.id)
    earlier: list[tuple[Any, Any]] = []
    for lead in leads:
        earlier += _erase_around(store, lead.id, names, report, files)
    _erase_answers(conn, names, earlier)
    report.deliveries = _erase_deliveries(conn, report.leads)
    store.flush()
    if report.leads or emails:
        salt = _salt(conn, create=True)
        assert salt is not None
        rows = [{"email_key": privacy.email_key(salt, e), "erased_at": store.now,
                 "erased_by": by[:200], "reason": reason, "leads": len(report.leads)}
                for e in sorted(emails)]
        if rows:
            conn.execute(insert(erased_people), rows)
    return report


def _erase_answers(conn: Connection, names: list[str], earlier: list[tuple[Any, Any]]) -> None:
    """The hub keeps each applied mutation's first answer for replays; an answer with
    conflicts holds both values of a field. Those about the person lose their values."""
    rows = conn.execute(
        select(mutations.c.mutation_id, mutations.c.conflicts)
        .where(cast(mutations.c.conflicts, Text).like('%"yours"%'))
    ).all()
    for mutation_id, conflicts in rows:
        if not isinstance(conflicts, list):
            continue
        changed = False
        for c in conflicts:
            if not isinstance(c, dict):
                continue
            pair = (c.get("yours"), c.get("theirs"))
            if pair in earlier or any(privacy.scrub(v, names) != v for v in pair):
                c["yours"] = c["theirs"] = None
                changed = True
        if changed:
            conn.execute(update(mutations).where(mutations.c.mutation_id == mutation_id)
                         .values(conflicts=conflicts))


def _erase_deliveries(conn: Connection, lead_ids: list[str]) -> int:
    """Webhook deliveries whose body carries an erased lead (a lead's, outcome's or debrief's
    event names the lead's id) lose their body; those not sent yet never will be. The rows
    stay, so `webhook deliveries` still shows that an event was raised. (One pass over the
    outbox, which keeps 30 days of deliveries.)"""
    from hub.webhooks import FAILED, PENDING

    wanted = {i.lower() for i in lead_ids}
    if not wanted:
        return 0
    hits: dict[int, str] = {}
    rows = conn.execute(select(deliveries.c.id, deliveries.c.state, deliveries.c.body)
                        .where(deliveries.c.body != ERASED_DELIVERY_BODY))
    for row_id, state, body in rows:
        if wanted.intersection(m.lower() for m in _UUID.findall(body or "")):
            hits[row_id] = state
    for state, ids in ((PENDING, [i for i, s in hits.items() if s == PENDING]),
                       (None, [i for i, s in hits.items() if s != PENDING])):
        for start in range(0, len(ids), 500):
            values: dict[str, Any] = {"body": ERASED_DELIVERY_BODY}
            if state == PENDING:
                values.update(state=FAILED, claim=None, last_error=ERASED_DELIVERY_ERROR)
            conn.execute(update(deliveries).where(deliveries.c.id.in_(ids[start:start + 500]))
                         .values(**values))
    return len(hits)


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _erase_around(store: RecordStore, lead_id: str, names: list[str], report: ErasureReport,
                  files: set[str]) -> list[tuple[Any, Any]]:
    """Outcomes lose their notes, linked debriefs and their comments lose the person's
    identifiers, and conflicts about the lead (which hold earlier values) lose their values."""
    for outcome in _all_children(store, "lead_outcome", "lead_id", lead_id):
        if _rewrite(store, outcome, names):
            report.outcomes += 1
    for debrief in _all_children(store, "debrief", "lead_id", lead_id):
        files |= set(privacy.attachments(debrief.fields).values())
        if _rewrite(store, debrief, names):
            report.debriefs += 1
        for comment in _all_children(store, "debrief_comment", "debrief_id", debrief.id):
            if _rewrite(store, comment, names):
                report.comments += 1
    for send in _all_children(store, "collateral_send", "lead_id", lead_id):
        if _erase_send(store, send, names):
            report.sends += 1
    for kind in privacy.DELETED_KINDS:
        for item in _all_children(store, kind, "lead_id", lead_id):
            files |= set(privacy.attachments(item.fields).values())
            if _delete_erased(store, item, names):
                report.attachments += 1
    earlier = []
    for conflict in _all_children(store, "conflict", "record_id", lead_id):
        earlier.append((conflict.fields.get("yours"), conflict.fields.get("theirs")))
        # Kept (devices apply its whole state), but without the values and settled.
        state = store.working_copy(conflict)
        state.fields = {**state.fields, "yours": None, "theirs": None, "resolved": True}
        store.stage(state)
        report.conflicts += 1
    return earlier


def _erase_send(store: RecordStore, send: RecordState, names: list[str]) -> bool:
    """A collateral send to the person: its message and state lose the person's identifiers,
    a mail not sent yet never will be (its outbox row fails, the send says why), the outbox's
    last error loses them too, and the person's links serve nothing more (revoked)."""
    from hub.mailing import PENDING as MAIL_PENDING

    conn = store.conn
    fields = privacy.erase_linked("collateral_send", send.fields, names)
    waiting = conn.execute(update(mail_outbox).where(
        mail_outbox.c.send_id == send.id, mail_outbox.c.state == MAIL_PENDING,
    ).values(state="failed", claim=None, last_error=ERASED_DELIVERY_ERROR)).rowcount
    for row_id, error in conn.execute(select(mail_outbox.c.id, mail_outbox.c.last_error)
                                      .where(mail_outbox.c.send_id == send.id)).all():
        if error and privacy.scrub(error, names) != error:
            conn.execute(update(mail_outbox).where(mail_outbox.c.id == row_id)
                         .values(last_error=privacy.scrub(error, names)))
    conn.execute(update(share_links).where(share_links.c.send_id == send.id,
                                           share_links.c.revoked_at.is_(None))
                 .values(revoked_at=time.time()))
    if waiting:
        fields.update(state="failed", state_reason=f"Not sent: {ERASED_REASON}")
    if fields == send.fields:
        return False
    state = store.working_copy(send)
    state.fields = fields
    store.stage(state)
    return True


def _delete_erased(store: RecordStore, before: RecordState, names: list[str]) -> bool:
    """A voice note or photo of the person: deleted (a deleted one too loses what it held),
    keeping no file's name and no caption."""
    fields = privacy.erase_deleted(before.kind, before.fields, names)
    if before.deleted and fields == before.fields:
        return False
    state = store.working_copy(before)
    state.fields = fields
    state.deleted = True
    store.stage(state)
    return True


def _rewrite(store: RecordStore, before: RecordState, names: list[str]) -> bool:
    fields = privacy.erase_linked(before.kind, before.fields, names)
    if fields == before.fields:
        return False
    state = store.working_copy(before)
    state.fields = fields
    store.stage(state)
    return True


def _all_children(store: RecordStore, kind: str, column: str, parent_id: str
                  ) -> list[RecordState]:
    """Records of `kind` whose `column` names the parent, deleted ones too."""
    table = RECORD_TABLES[kind]
    ids = list(store.conn.execute(select(table.c.id).where(table.c[column] == parent_id))
               .scalars())
    store.load_many(kind, ids)
    found = [store.get(kind, i) for i in ids]
    return [s for s in found if s is not None]


def _after_erasure(engine: Engine, report: ErasureReport, blobs_dir: Path | None) -> None:
    """Overwrite what the erasure freed: SQLite zeroes freed space as it writes
    (`secure_delete`, set on every hub connection) and the WAL is checkpointed and truncated;
    PostgreSQL vacuums the rewritten tables. Then remove files no record names any more."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"VACUUM {', '.join(_TOUCHED)}"))
    if blobs_dir is not None and report.files:
        report.files_removed = _remove_unnamed_files(engine, blobs_dir, report.files)


def _remove_unnamed_files(engine: Engine, blobs_dir: Path, wanted: set[str]) -> int:
    from hub.blobs import BlobStore

    still = _named_files(engine) & wanted
    store = BlobStore(blobs_dir)
    removed = 0
    for sha in sorted(wanted - still):
        store.remove_partials_of(sha, _overwrite_and_remove)
        if not store.exists(sha):
            continue
        path = store.path(sha)
        _overwrite_and_remove(path)
        removed += 1
    return removed


def _named_files(engine: Engine) -> set[str]:
    from hub.blobs import file_fields

    named: set[str] = set()
    with engine.connect() as conn:
        for kind, names in file_fields().items():
            table = RECORD_TABLES[kind]
            for name in names:
                named |= {v for (v,) in conn.execute(select(table.c[name])) if v}
    return named


def _overwrite_and_remove(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.write(b"\0" * size)
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


# -- export ------------------------------------------------------------------------------------


def export_person(engine: Engine, email: str, blobs_dir: Path | None = None) -> dict[str, Any]:
    """Everything the hub holds about the person with this email address, as one JSON-ready
    document: each lead (its current state, which of its fields changed at which version,
    earlier values the hub kept as conflicts), its consent, outcomes, linked debriefs and their
    comments, collateral sent and used with it, its voice notes and photos, attachments with
    their sha256 (with `blobs_dir`, the person's own files among them, such as a consent
    signature, a voice note or a photo, whole, as base64), and whether the address was erased
    before."""
    email = _address(email)
    with engine.connect() as conn:
        ids = _lead_ids_of(conn, email)
        store = RecordStore(conn)
        store.load_many("lead", ids)
        leads = []
        for lead_id in ids:
            state = store.get("lead", lead_id)
            if state is not None:
                leads.append(_lead_export(store, state, blobs_dir))
        erased = erased_on(conn, email)
    return {
        "format": EXPORT_FORMAT,
        "version": 1,
        "email": email,
        "exported_at": utc_now_iso(),
        "erased_at": erased,
        "leads": leads,
    }


def _record(state: RecordState) -> dict[str, Any]:
    return {"id": state.id, "version": state.version, "deleted": state.deleted,
            "created_at": state.created_at, "updated_at": state.updated_at,
            "fields": state.public_fields()}


def _lead_export(store: RecordStore, state: RecordState,
                 blobs_dir: Path | None = None) -> dict[str, Any]:
    out = _record(state)
    out["field_versions"] = {name: entry[0] for name, entry in state.field_versions.items()}
    out["consent"] = {k: v for k, v in state.fields.items() if k.startswith("consent_")}
    out["outcomes"] = [_record(s) for s in _all_children(store, "lead_outcome", "lead_id",
                                                          state.id)]
    debriefs = []
    for d in _all_children(store, "debrief", "lead_id", state.id):
        item = _record(d)
        item["comments"] = [_record(c) for c in _all_children(store, "debrief_comment",
                                                               "debrief_id", d.id)]
        debriefs.append(item)
    out["debriefs"] = debriefs
    sent = [str(i) for i in (state.fields.get("collateral_ids") or [])]
    out["collateral_sent"] = [_collateral_ref(store, i) for i in sent]
    out["collateral_usage"] = [_record(s) for s in _all_children(store, "collateral_usage",
                                                                  "lead_id", state.id)]
    out["earlier_values"] = [
        {"field": c.fields.get("field"), "value": c.fields.get("theirs"),
         "replaced_by": c.fields.get("yours"), "at": c.fields.get("at")}
        for c in _all_children(store, "conflict", "record_id", state.id) if not c.deleted
    ]
    # Voice notes and photos of the person (deleted ones too, while the hub keeps them).
    notes = [_record(s) for kind in privacy.DELETED_KINDS
             for s in _all_children(store, kind, "lead_id", state.id)]
    out["voice_notes_and_photos"] = notes
    files = dict(privacy.attachments(state.fields))
    own = set(files.values())
    for note in notes:
        named = privacy.attachments(note["fields"])
        files.update({f"lead_attachment {note['id']} {k}": v for k, v in named.items()})
        own |= set(named.values())
    for linked in debriefs:
        files.update({f"debrief {linked['id']} {k}": v
                      for k, v in privacy.attachments(linked["fields"]).items()})
    out["attachments"] = [{"field": k, "sha256": v} for k, v in sorted(files.items())]
    if blobs_dir is not None:
        _attach_own_files(out["attachments"], own, blobs_dir)
    return out


def _attach_own_files(listed: list[dict[str, Any]], own: set[str], blobs_dir: Path) -> None:
    """The files of the lead itself (its consent signature, its voice notes and photos),
    whole: they are the person's data. (A debrief's files are the rep's work and stay listed
    by hash.)"""
    import base64

    from hub.blobs import BlobStore

    blobs = BlobStore(blobs_dir)
    for item in listed:
        sha = item["sha256"]
        if sha in own and blobs.exists(sha):
            data = blobs.path(sha).read_bytes()
            item.update(size=len(data), content_base64=base64.b64encode(data).decode("ascii"))


def _collateral_ref(store: RecordStore, collateral_id: str) -> dict[str, Any]:
    item = store.get("collateral", collateral_id)
    if item is None:
        return {"collateral_id": collateral_id}
    return {"collateral_id": collateral_id, "title": item.fields.get("title"),
            "version": item.fields.get("version"), "file_sha256": item.fields.get("file_sha256")}
