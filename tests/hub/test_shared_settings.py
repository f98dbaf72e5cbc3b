"""The hub settings every device receives (the team's currency): set by an administrator on
the command line, checked, and sent with every pull answer."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert

from hub.db.tables import meta
from hub.shared_settings import PREFIX, set_shared_setting, shared_settings
from tests.hub.client import SyncClient
from tests.hub.test_cli import run
from tests.support.live_hub import LiveHub

# The other shared settings at their defaults: follow-up service levels, collateral verification.
LEVELS = {"service_level_hot": "24h", "service_level_warm": "72h", "service_level_cold": "7d",
          "collateral_verify_days": "180"}


def test_every_pull_answer_carries_the_currency_set_on_the_hub(
        hub: LiveHub, people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    assert rep.pull_page(None).json()["settings"] == {"currency": "EUR", **LEVELS}
    assert set_shared_setting(hub.engine, "currency", " usd ") == "USD"
    answer = rep.pull_page(None).json()
    assert answer["settings"] == {"currency": "USD", **LEVELS}
    # Setting it again replaces it.
    set_shared_setting(hub.engine, "currency", "GBP")
    assert set_shared_setting(hub.engine, "service_level_hot", "12") == "12h"
    assert people["marketer"].pull_page(None).json()["settings"] == {
        "currency": "GBP", **LEVELS, "service_level_hot": "12h"}


def test_a_stored_value_that_is_no_code_reads_as_the_default(hub: LiveHub) -> None:
    with hub.engine.begin() as conn:
        conn.execute(insert(meta).values(key=PREFIX + "currency", value="euro"))
    assert shared_settings(hub.engine) == {"currency": "EUR", **LEVELS}


def test_settings_are_set_and_shown_on_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert run("migrate", "--db", db).returncode == 0
    listed = run("settings", "list", "--db", db)
    assert (listed.returncode, listed.stdout) == (
        0, "currency\tEUR\n" + "".join(f"{key}\t{value}\n" for key, value in LEVELS.items())
           + "webhook_retry_first\t15s\nwebhook_retry_for\t24h\nwebhook_allow_private\tno\nretention_days\toff\n"
           + "share_link_days\t30\npublic_url\t\n")
    done = run("settings", "set", "currency", "chf", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("currency = CHF")
    assert run("settings", "get", "currency", "--db", db).stdout == "CHF\n"
    refused = run("settings", "set", "currency", "XYZ", "--db", db)
    assert refused.returncode == 1
    assert refused.stderr == ("fieldnote-hub: 'XYZ' is not an ISO 4217 currency code; use a "
                              "three-letter code such as EUR, USD or GBP.\n")
    assert run("settings", "get", "currency", "--db", db).stdout == "CHF\n"
    assert run("settings", "set", "service_level_cold", "10d", "--db", db).returncode == 0
    refused = run("settings", "set", "service_level_warm", "soon", "--db", db)
    assert refused.returncode == 1 and "such as 24h or 7d" in refused.stderr
    assert run("settings", "get", "service_level_cold", "--db", db).stdout == "10d\n"
    # Like the other non-migrating commands, a mistyped database is not created.
    missing = run("settings", "set", "currency", "USD", "--db", f"sqlite:///{tmp_path / 'typo.db'}")
    assert missing.returncode == 1 and len(missing.stderr.splitlines()) == 1
    assert not (tmp_path / "typo.db").exists()
