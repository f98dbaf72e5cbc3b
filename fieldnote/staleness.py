"""When approved collateral is stale: not verified by marketing for a period marketing sets, or
not used by anyone for 90 days. Written once here; marketing's library view reads it.

Plain Python: the caller hands in the dates it has (the item's last verification, its last
recorded use, the day it became available) and the hub setting as devices receive it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

# The shared hub setting: days after its last verification an approved item counts as stale.
VERIFY_SETTING = "collateral_verify_days"
DEFAULT_VERIFY_DAYS = 180
# Days without any recorded use (opened, shared, presented) after which an item is stale.
UNUSED_DAYS = 90
MAX_DAYS = 3650


def check_days(text: object) -> str:
    """A number of days from 1 to 3650, as stored; ValueError with a message otherwise."""
    try:
        days = int(str(text).strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a number of days, like 180.") from None
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"{days} days is out of range: use 1 to {MAX_DAYS}.")
    return str(days)


# The shared hub settings of this module, in the form `fieldnote.money.SHARED_SETTINGS` keeps.
SHARED_SETTINGS = {VERIFY_SETTING: (str(DEFAULT_VERIFY_DAYS), check_days)}
# The settings marketing sets itself over the API (`fieldnote.roles`: ("collateral",
# "configure")); every other hub setting is an administrator's, on the hub's command line.
MARKETING_SETTINGS = (VERIFY_SETTING,)


def verify_days(settings: Mapping[str, Any] | None) -> int:
    """The verification period in hub settings as a device received them; a missing or unusable
    value is the default."""
    value = (settings or {}).get(VERIFY_SETTING)
    try:
        return int(check_days(value))  # None is not a number of days either
    except ValueError:
        return DEFAULT_VERIFY_DAYS


@dataclass(frozen=True)
class Stale:
    """Why an item is stale: `not_verified` since its last verification, or `unused` since
    its last use (or since it became available, when nobody used it yet)."""

    reason: Literal["not_verified", "unused"]
    since: dt.date


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def stale_reasons(
    *,
    status: str | None,
    verified_on: Any,
    last_used: Any,
    available_since: Any,
    today: dt.date,
    verify_period: int = DEFAULT_VERIFY_DAYS,
    unused_period: int = UNUSED_DAYS,
) -> tuple[Stale, ...]:
    """Why an approved item is stale today (empty when it is not, or not approved).

    A period has passed on the day `period` days after its start: an item verified on
    1 March with a period of 10 days is stale from 11 March. An item never verified counts
    from the day it became available, as does one never used."""
    if status != "approved":
        return ()
    start = _date(available_since)
    out: list[Stale] = []
    verified = _date(verified_on) or start
    if verified is not None and (today - verified).days >= verify_period:
        out.append(Stale("not_verified", verified))
    used = _date(last_used) or start
    if used is not None and (today - used).days >= unused_period:
        out.append(Stale("unused", used))
    return tuple(out)
