"""The desktop release IT has published on this hub, kept in `hub_meta` (`release:version`,
`release:url`) and carried by the health answer as `desktop_release`. Set with
`fieldnote-hub release set VERSION --url URL`; the checks are `fieldnote.releases`."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, delete, insert, select, update

from fieldnote.releases import Release, check_url, check_version
from hub.db.tables import meta

VERSION_KEY = "release:version"
URL_KEY = "release:url"


def read(conn: Connection) -> Release | None:
    """The published release, or None when none is (or only half of one is) stored."""
    stored = dict(conn.execute(
        select(meta.c.key, meta.c.value).where(meta.c.key.in_((VERSION_KEY, URL_KEY)))).all())
    if VERSION_KEY not in stored or URL_KEY not in stored:
        return None
    return Release(str(stored[VERSION_KEY]), str(stored[URL_KEY]))


def published_release(engine: Engine) -> Release | None:
    with engine.connect() as conn:
        return read(conn)


def publish(engine: Engine, version: str, url: str) -> Release:
    """Store the release once checked (ValueError with a message otherwise); returns it as
    stored (the version in its normal form)."""
    release = Release(check_version(version), check_url(url))
    with engine.begin() as conn:
        for key, value in ((VERSION_KEY, release.version), (URL_KEY, release.url)):
            if not conn.execute(update(meta).where(meta.c.key == key).values(value=value)).rowcount:
                conn.execute(insert(meta).values(key=key, value=value))
    return release


def withdraw(engine: Engine) -> None:
    """Publish nothing: desktops stop showing the notice after their next sync."""
    with engine.begin() as conn:
        conn.execute(delete(meta).where(meta.c.key.in_((VERSION_KEY, URL_KEY))))
