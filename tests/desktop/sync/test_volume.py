"""A day of offline capture: 1,000 leads reach the hub exactly once and a marketer's device."""

from __future__ import annotations

from urllib.parse import urlsplit

from sqlalchemy import func, select

from desktop.sync.state import Outcome
from tests.support.fault_proxy import FaultProxy


def test_a_thousand_leads_captured_offline_reach_the_hub_once_and_a_marketer(make_device, hub):
    parts = urlsplit(hub.url)
    with FaultProxy((parts.hostname, parts.port)) as proxy:
        rep = make_device("rep", url=proxy.url)
        proxy.set_down(True)  # the booth has no network all day
        ids = [
            rep.store.save("lead", {"first_name": f"Visitor{i}", "last_name": f"Booth{i}",
                                    "company": "Expo", "captured_at": "2026-11-28T10:00:00Z",
                                    "email": f"v{i}@example.com"}).record_id
            for i in range(1000)
        ]
        offline = rep.run()
        assert (offline.outcome, offline.waiting) == (Outcome.OFFLINE, 1000)
        proxy.set_down(False)
        online = rep.run()
    assert online.outcome is Outcome.OK, online.message
    assert (online.pushed, online.applied, online.waiting) == (1000, 1000, 0)
    assert online.digest_matched
    from hub.db.tables import RECORD_TABLES

    t = RECORD_TABLES["lead"]
    with hub.engine.connect() as conn:
        on_hub = conn.execute(select(t.c.id, func.count()).group_by(t.c.id)).all()
    assert sorted(rid for rid, _ in on_hub) == sorted(ids)
    assert {n for _, n in on_hub} == {1}
    marketer = make_device("marketer", "marketer@example.com")
    report = marketer.run()
    assert report.outcome is Outcome.OK and report.digest_matched
    assert {r["id"] for r in marketer.store.all("lead")} == set(ids)
    assert marketer.store.get("lead", ids[500])["email"] == "v500@example.com"
