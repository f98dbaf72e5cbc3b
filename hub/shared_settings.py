"""The hub settings every device receives (today: the team's currency), kept in `hub_meta` under
`setting:<key>` and sent with every pull answer. The keys, defaults and checks are
`fieldnote.money.SHARED_SETTINGS`; an administrator sets them with `fieldnote-hub settings`.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, insert, select, update

from fieldnote.money import SHARED_SETTINGS, check_setting
from hub.db.tables import meta

PREFIX = "setting:"


def read(conn: Connection) -> dict[str, str]:
    """Every shared setting: the stored value, or the default when none (or no valid one) is
    stored."""
    stored = {
        key.removeprefix(PREFIX): value
        for key, value in conn.execute(
            select(meta.c.key, meta.c.value).where(meta.c.key.like(f"{PREFIX}%")))
    }
    out: dict[str, str] = {}
    for key, (default, check) in SHARED_SETTINGS.items():
        try:
            out[key] = check(stored[key]) if key in stored else default
        except ValueError:
            out[key] = default
    return out


def shared_settings(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return read(conn)


def set_shared_setting(engine: Engine, key: str, value: str) -> str:
    """Store `value` for `key` once checked (ValueError with a message otherwise); returns the
    value as stored (an ISO code in capitals)."""
    checked = check_setting(key, value)
    with engine.begin() as conn:
        done = conn.execute(
            update(meta).where(meta.c.key == PREFIX + key).values(value=checked)).rowcount
        if not done:
            conn.execute(insert(meta).values(key=PREFIX + key, value=checked))
    return checked
