"""Whole-hub copies: a backup archive, its restore, and a copy from one database to another.

All three read a hub the same way: every row of every hub table, taken in one read
transaction (repeatable read on PostgreSQL; SQLite's WAL gives a read transaction one
snapshot), so what is copied is one consistent moment even while the hub serves. Rows travel
as JSON, one object per row, so a backup made on SQLite restores on PostgreSQL and back.

- `backup` writes a `tar.gz`: `manifest.json` (format, hub version, schema revision, time,
  row counts, and the sha256 of every table file and every file), `db/TABLE.jsonl`, and the
  files the records name (collateral, consent signatures, voice notes and photos) under
  `blobs/`.
- `restore` checks the whole archive before it changes anything (every table file's and every
  file's sha256), then loads it into an empty database at the archive's schema and migrates
  it to the newest. The restored hub gets a new epoch: devices' cursors from the old hub are
  unknown to it (`410`), so they resync and send what it lost.
- `copy_data` copies a hub database into another and keeps its epoch, so devices carry on
  with their cursors and tokens as if nothing had moved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
import uuid
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    Connection,
    Engine,
    MetaData,
    Table,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy import update as sa_update

from hub.blobs import SHA256_RE, BlobStore, file_fields
from hub.db.engine import writer
from hub.db.migrate import known_revisions, upgrade
from hub.db.tables import RECORD_TABLES, metadata
from resources.version import app_version

FORMAT = 1
MANIFEST = "manifest.json"
VERSION_TABLE = "alembic_version"
_BATCH = 500
_CHUNK = 1 << 20


def restored_counter() -> int:
    """The change number a restored hub goes on from: the time in microseconds since 1970,
    past every number a hub before it gave (each change takes one number, far fewer than the
    microseconds between two restores), and below 2**53, so JSON readers keep it exact."""
    return int(time.time() * 1_000_000)


class TransferError(Exception):
    """A backup, restore or copy that cannot go on; the message is one line for a person."""


@dataclass
class Summary:
    rows: dict[str, int] = field(default_factory=dict)
    blobs: int = 0
    missing_blobs: list[str] = field(default_factory=list)
    revision: str | None = None

    @property
    def records(self) -> int:
        names = {t.name for t in RECORD_TABLES.values()}
        return sum(n for t, n in self.rows.items() if t in names)


# -- reading a hub -----------------------------------------------------------------------


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction that sees one moment of the database."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def _hub_tables(conn: Connection) -> list[Table]:
    """The hub's tables as the database has them (any schema revision), in dependency order;
    tables that are not the hub's are left alone."""
    reflected = MetaData()
    known = set(metadata.tables)
    present = [n for n in inspect(conn).get_table_names() if n in known]
    reflected.reflect(conn, only=present)
    return list(reflected.sorted_tables)


def _revision(conn: Connection) -> str | None:
    names = inspect(conn).get_table_names()
    if VERSION_TABLE not in names:
        return None
    value = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return str(value) if value is not None else None


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(yield_per=_BATCH).execute(select(table).order_by(*order))
    for row in result:
        yield dict(row._mapping)


def _referenced_blobs(conn: Connection, tables: list[Table]) -> list[str]:
    """The files records name (`hub.blobs.file_fields`: collateral documents, leads' consent
    signatures, voice notes and photos on leads), in the tables as this database has them
    (an older schema may lack a table or a column)."""
    found: set[str] = set()
    present = {t.name: t for t in tables}
    for kind, names in file_fields().items():
        table = present.get(RECORD_TABLES[kind].name)
        for name in names:
            if table is None or name not in table.c:
                continue
            column = table.c[name]
            found |= set(conn.execute(select(column).where(column.is_not(None)).distinct())
                         .scalars())
    return sorted({s for s in found if isinstance(s, str) and SHA256_RE.match(s)})


def is_empty(engine: Engine) -> bool:
    """True when the database holds no hub data: no tables, or only what a fresh migration
    writes (the change counter at 0 and the epoch)."""
    with _snapshot(engine) as conn:
        for table in _hub_tables(conn):
            if table.name == "hub_counter":
                if (conn.execute(select(func.max(table.c.value))).scalar() or 0) > 0:
                    return False
            elif table.name == "hub_meta":
                if conn.execute(select(table.c.key).where(table.c.key != "epoch")).first():
                    return False
            elif conn.execute(select(text("1")).select_from(table).limit(1)).first():
                return False
    return True


# -- writing a hub -----------------------------------------------------------------------


def _prepare_target(engine: Engine, revision: str, force: bool, where: str) -> None:
    """Refuse a target with data unless `force`; then leave it with the hub's tables empty at
    `revision`."""
    if not force and not is_empty(engine):
        raise TransferError(f"The hub database at {where} is not empty; use an empty one, or "
                            "add --force to replace everything in it")
    with writer(engine).begin() as conn:
        for table in reversed(_hub_tables(conn)):
            table.drop(conn)
        if VERSION_TABLE in inspect(conn).get_table_names():
            conn.execute(text(f"DROP TABLE {VERSION_TABLE}"))
    upgrade(engine, revision)


def _load(engine: Engine, tables: Iterable[tuple[str, Iterable[dict[str, Any]]]],
          summary: Summary, *, new_epoch: bool) -> None:
    """Insert the rows into the freshly migrated, empty hub tables in one transaction."""
    with writer(engine).begin() as conn:
        present = {t.name: t for t in _hub_tables(conn)}
        for table in reversed(list(present.values())):
            conn.execute(delete(table))  # what the migration wrote: counter and epoch
        for name, rows in tables:
            table = present.get(name)
            if table is None:
                raise TransferError(f"The data has a table {name!r} that this hub's schema "
                                    "does not know")
            columns = set(table.columns.keys())
            count = 0
            batch: list[dict[str, Any]] = []
            for row in rows:
                unknown = set(row) - columns
                if unknown:
                    raise TransferError(f"The data of table {name!r} has columns this hub's "
                                        f"schema does not know: {', '.join(sorted(unknown))}")
                batch.append(row)
                if len(batch) >= _BATCH:
                    conn.execute(insert(table), batch)
                    count += len(batch)
                    batch = []
            if batch:
                conn.execute(insert(table), batch)
                count += len(batch)
            summary.rows[name] = count
        meta = present.get("hub_meta")
        if meta is not None:
            has_epoch = conn.execute(select(meta.c.key).where(meta.c.key == "epoch")).first()
            if new_epoch or not has_epoch:
                epoch = uuid.uuid4().hex
                if has_epoch:
                    conn.execute(sa_update(meta).where(meta.c.key == "epoch")
                                 .values(value=epoch))
                else:
                    conn.execute(insert(meta).values(key="epoch", value=epoch))
        counter = present.get("hub_counter")
        if counter is not None and conn.execute(select(counter.c.id)).first() is None:
            conn.execute(insert(counter).values(id=1, value=0))
        if new_epoch and counter is not None:
            # Devices may hold versions the hub gave after the backup was made: the restored
            # hub's versions start past any of them, so its changes are newer than theirs.
            conn.execute(sa_update(counter).values(
                value=func.greatest(counter.c.value, restored_counter())
                if conn.dialect.name == "postgresql"
                else func.max(counter.c.value, restored_counter())))
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn, list(present.values()))


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """Rows came with their ids: move each serial column's sequence past the largest one, or
    the next insert would collide with a copied row."""
    for table in tables:
        for column in table.primary_key.columns:
            sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                    {"t": table.name, "c": column.name}).scalar()
            if sequence is None:
                continue
            top = conn.execute(select(func.max(column))).scalar()
            conn.execute(text("SELECT setval(:s, :v, :called)"),
                         {"s": sequence, "v": top if top is not None else 1,
                          "called": top is not None})


# -- copy --------------------------------------------------------------------------------


def copy_data(source: Engine, target: Engine, *, force: bool, where: str) -> Summary:
    """Copy the whole hub in `source` (at the newest schema) into `target`, keeping its
    epoch, ids, tokens and cursors."""
    summary = Summary()
    with _snapshot(source) as conn:
        revision = _revision(conn)
        if revision is None:
            raise TransferError("The source is not a hub database")
        summary.revision = revision
        _prepare_target(target, revision, force, where)
        tables = _hub_tables(conn)
        _load(target, ((t.name, _rows(conn, t)) for t in tables), summary, new_epoch=False)
    upgrade(target)
    return summary


# -- backup ------------------------------------------------------------------------------


def _file_sha256(fh: IO[bytes]) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while chunk := fh.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _json_line(row: dict[str, Any]) -> bytes:
    return (json.dumps(row, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            + "\n").encode("utf-8", "surrogatepass")


def backup(engine: Engine, blobs_dir: Path, output: Path) -> Summary:
    """Write the archive to `output` (atomically: a half-written archive is never there)."""
    summary = Summary()
    output = output.expanduser()
    output.parent.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {"format": FORMAT, "app": "fieldnote-hub",
                                "version": app_version(),
                                "created_at": dt.datetime.now(dt.UTC).isoformat(
                                    timespec="seconds").replace("+00:00", "Z"),
                                "tables": {}, "blobs": {}, "missing_blobs": []}
    with tempfile.TemporaryDirectory(prefix=".fieldnote-backup-", dir=output.parent) as tmp:
        work = Path(tmp)
        with _snapshot(engine) as conn:
            summary.revision = manifest["schema_revision"] = _revision(conn)
            tables = _hub_tables(conn)
            manifest["table_order"] = [t.name for t in tables]
            for table in tables:
                path = work / f"{table.name}.jsonl"
                digest = hashlib.sha256()
                count = 0
                with path.open("wb") as fh:
                    for row in _rows(conn, table):
                        line = _json_line(row)
                        digest.update(line)
                        fh.write(line)
                        count += 1
                manifest["tables"][table.name] = {"rows": count, "sha256": digest.hexdigest()}
                summary.rows[table.name] = count
            shas = _referenced_blobs(conn, tables)
        present: list[tuple[str, Path]] = []
        for sha in shas:
            path = blobs_dir / sha[:2] / sha
            try:
                with path.open("rb") as fh:
                    actual, size = _file_sha256(fh)
            except FileNotFoundError:
                actual, size = "", 0
            if actual != sha:
                manifest["missing_blobs"].append(sha)
                summary.missing_blobs.append(sha)
                continue
            manifest["blobs"][sha] = {"sha256": sha, "size": size}
            present.append((sha, path))
        summary.blobs = len(present)
        partial = work / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mode = 0o600
            tar.addfile(info, io.BytesIO(data))
            for table in tables:
                tar.add(work / f"{table.name}.jsonl", arcname=f"db/{table.name}.jsonl")
            for sha, path in present:
                tar.add(path, arcname=f"blobs/{sha[:2]}/{sha}")
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, output)
    return summary


# -- restore -----------------------------------------------------------------------------


@contextmanager
def _archive(path: Path) -> Iterator[tarfile.TarFile]:
    try:
        with tarfile.open(path, "r:gz") as tar:
            yield tar
    except FileNotFoundError:
        raise TransferError(f"No backup at {path}") from None
    except (tarfile.TarError, EOFError, zlib.error) as exc:
        raise TransferError(f"{path} is not a readable hub backup ({_first_line(exc)})"
                            ) from None


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split("\n")[0].split()) or type(exc).__name__


def read_manifest(path: Path) -> dict[str, Any]:
    with _archive(path) as tar:
        try:
            member = tar.extractfile(MANIFEST)
        except KeyError:
            member = None
        if member is None:
            raise TransferError(f"{path} is not a hub backup (it has no {MANIFEST})")
        try:
            manifest = json.loads(member.read())
        except ValueError:
            raise TransferError(f"{path} is damaged: its {MANIFEST} is not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("app") != "fieldnote-hub":
        raise TransferError(f"{path} is not a hub backup")
    if manifest.get("format") != FORMAT:
        raise TransferError(f"{path} was written in backup format {manifest.get('format')}; "
                            "this fieldnote-hub reads format 1")
    revision = manifest.get("schema_revision")
    if revision not in known_revisions():
        raise TransferError(f"{path} holds a hub of schema {revision}, written by a newer "
                            "fieldnote-hub; update fieldnote-hub to restore it")
    return manifest


def _verify_and_place_blobs(path: Path, manifest: dict[str, Any], blobs_dir: Path) -> int:
    """Check every table file and every file in the archive against the manifest, placing
    the files in the blob folder as they check out (a file is only ever placed under the name
    of its own hash). Raise before anything reaches the database if one is damaged or
    missing."""
    store = BlobStore(blobs_dir)
    tables: dict[str, Any] = manifest.get("tables") or {}
    blobs: dict[str, Any] = manifest.get("blobs") or {}
    seen_tables: set[str] = set()
    seen_blobs: set[str] = set()
    with _archive(path) as tar:
        for member in tar:
            name = member.name
            if name.startswith("db/") and name.endswith(".jsonl"):
                table = name[3:-6]
                fh = tar.extractfile(member)
                expected = (tables.get(table) or {}).get("sha256")
                if fh is None or expected is None or _file_sha256(fh)[0] != expected:
                    raise TransferError(f"{path} is damaged: the table file {name} does not "
                                        "match its manifest; nothing was restored")
                seen_tables.add(table)
            elif name.startswith("blobs/") and member.isfile():
                sha = name.rsplit("/", 1)[-1]
                if sha not in blobs or not SHA256_RE.match(sha):
                    raise TransferError(f"{path} is damaged: {name} is not in its manifest; "
                                        "nothing was restored")
                fh = tar.extractfile(member)
                if fh is None or not _place_blob(store, sha, fh):
                    raise TransferError(f"{path} is damaged: the file {sha} does not hash to "
                                        "its name; nothing was restored")
                seen_blobs.add(sha)
    lost_tables = set(tables) - seen_tables
    lost_blobs = set(blobs) - seen_blobs
    if lost_tables or lost_blobs:
        what = sorted(lost_tables)[:1] or sorted(lost_blobs)[:1]
        raise TransferError(f"{path} is damaged: {what[0]} is missing from it; nothing was "
                            "restored")
    return len(seen_blobs)


def _place_blob(store: BlobStore, sha: str, fh: IO[bytes]) -> bool:
    target = store.path(sha)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".restore-")
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha:
            return False
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return True


def _archived_rows(tar: tarfile.TarFile, table: str) -> Iterator[dict[str, Any]]:
    fh = tar.extractfile(f"db/{table}.jsonl")
    if fh is None:  # pragma: no cover - checked by the verification pass
        raise TransferError(f"The table file of {table} is missing")
    for line in fh:
        if line.strip():
            yield json.loads(line)


def restore(path: Path, engine: Engine, blobs_dir: Path, *, force: bool,
            where: str) -> Summary:
    """Restore the archive into the (empty unless `force`) database and blob folder."""
    manifest = read_manifest(path)
    revision = str(manifest["schema_revision"])
    summary = Summary(revision=revision)
    # The whole archive is checked before the database is opened; the files it places in the
    # blob folder are named by their own hash, so they never harm a hub that keeps them.
    summary.blobs = _verify_and_place_blobs(path, manifest, blobs_dir)
    if not force and not is_empty(engine):
        raise TransferError(f"The hub database at {where} is not empty; use an empty one, or "
                            "add --force to replace everything in it")
    summary.missing_blobs = list(manifest.get("missing_blobs") or [])
    _prepare_target(engine, revision, True, where)
    order: list[str] = list(manifest.get("table_order") or manifest["tables"])
    with _archive(path) as tar:
        _load(engine, ((name, _archived_rows(tar, name)) for name in order), summary,
              new_epoch=True)
    upgrade(engine)
    return summary
