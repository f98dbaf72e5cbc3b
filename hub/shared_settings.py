"""Hub settings, kept in `hub_meta` under `setting:<key>`.

The settings every device receives (today: the team's currency) are sent with every pull
answer; their keys, defaults and checks are `fieldnote.money.SHARED_SETTINGS`. The hub's own
settings (webhooks: `fieldnote.webhooks.HUB_SETTINGS`; retention:
`fieldnote.privacy.HUB_SETTINGS`; collateral mails: `fieldnote.sending.SEND_SETTINGS`)
stay on the hub. An administrator sets
both with `fieldnote-hub settings`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import Connection, Engine, insert, select, update

from fieldnote import privacy
from fieldnote.money import SHARED_SETTINGS
from fieldnote.sending import SEND_SETTINGS
from fieldnote.webhooks import HUB_SETTINGS as WEBHOOK_SETTINGS
from hub.db.tables import meta

PREFIX = "setting:"

# The hub's own settings: webhooks', retention's and collateral mails'.
HUB_SETTINGS = {**WEBHOOK_SETTINGS, **privacy.HUB_SETTINGS, **SEND_SETTINGS}

Spec = Mapping[str, tuple[str, Callable[[str], str]]]

# Every setting `fieldnote-hub settings` knows, the shared ones first.
ALL_SETTINGS: dict[str, tuple[str, Callable[[str], str]]] = {**SHARED_SETTINGS, **HUB_SETTINGS}


def _read(conn: Connection, spec: Spec) -> dict[str, str]:
    stored = {
        key.removeprefix(PREFIX): value
        for key, value in conn.execute(
            select(meta.c.key, meta.c.value).where(meta.c.key.like(f"{PREFIX}%")))
    }
    out: dict[str, str] = {}
    for key, (default, check) in spec.items():
        try:
            out[key] = check(stored[key]) if key in stored else default
        except ValueError:
            out[key] = default
    return out


def read(conn: Connection) -> dict[str, str]:
    """Every shared setting: the stored value, or the default when none (or no valid one) is
    stored."""
    return _read(conn, SHARED_SETTINGS)


def read_hub(conn: Connection) -> dict[str, str]:
    """The hub's own settings, as `read` does the shared ones."""
    return _read(conn, HUB_SETTINGS)


def shared_settings(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return read(conn)


def all_settings(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return _read(conn, ALL_SETTINGS)


def check_any(key: str, value: str) -> str:
    """`value` checked and normalised for the setting `key`; ValueError otherwise."""
    if key not in ALL_SETTINGS:
        raise ValueError(f"No hub setting {key!r}; the settings are: {', '.join(ALL_SETTINGS)}.")
    return ALL_SETTINGS[key][1](value)


def set_shared_setting(engine: Engine, key: str, value: str) -> str:
    """Store `value` for `key` once checked (ValueError with a message otherwise); returns the
    value as stored (an ISO code in capitals)."""
    checked = check_any(key, value)
    with engine.begin() as conn:
        done = conn.execute(
            update(meta).where(meta.c.key == PREFIX + key).values(value=checked)).rowcount
        if not done:
            conn.execute(insert(meta).values(key=PREFIX + key, value=checked))
    return checked
