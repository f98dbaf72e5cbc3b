"""Routing and follow-ups end to end with a real hub: marketing sets a rule with `fieldnote
routing set`, a hot lead from Germany captured by one rep reaches another rep, whose `fieldnote
followups --json` lists it due 24 hours after capture; the capturing rep's device lets it go."""

from __future__ import annotations

import datetime as dt
import io
import json

from desktop.app import main
from desktop.store.followups import FollowUpBook
from fieldnote.routing import ROUTING_ID


def run(monkeypatch, capsys, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_hot_lead_from_germany_is_routed_and_due_a_day_after_capture(
        make_device, tmp_path, monkeypatch, capsys):
    marketer = make_device("marketer", "marketer@example.com")
    marketer.run()  # the user directory, to check the rule's owner against
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps([
        {"when": {"grade": "hot", "country": "DE"}, "assign": "rep2@example.com"}]))
    code, out, err = run(monkeypatch, capsys, "routing", "set", str(rules),
                         "--data-dir", str(marketer.data_dir))
    assert code == 0, err
    assert "Saved 1 routing rule(s)" in out
    assert marketer.run().pushed == 1

    capturer, owner = make_device("rep", "rep@example.com"), make_device("rep2", "rep2@example.com")
    capturer.run()
    code, out, _ = run(monkeypatch, capsys, "routing", "show", "--json",
                       "--data-dir", str(capturer.data_dir))
    assert (code, json.loads(out)) == (0, json.loads(rules.read_text()))

    captured = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).replace(microsecond=0)
    at = captured.isoformat().replace("+00:00", "Z")
    hot = capturer.store.save("lead", {"first_name": "Eva", "last_name": "Berger",
                                       "company": "Kessel AG", "country": "DE", "grade": "hot",
                                       "captured_at": at}).record_id
    cold = capturer.store.save("lead", {"last_name": "Kalt", "country": "DE", "grade": "cold",
                                        "captured_at": at}).record_id
    capturer.run()
    owner.run()

    code, out, err = run(monkeypatch, capsys, "followups", "--json",
                         "--data-dir", str(owner.data_dir))
    assert code == 0, err
    due = (captured + dt.timedelta(hours=24)).isoformat().replace("+00:00", "Z")
    assert json.loads(out) == [{"id": hot, "name": "Eva Berger", "company": "Kessel AG",
                                "grade": "hot", "owner": "rep2@example.com", "due_at": due,
                                "overdue": False}]
    code, out, _ = run(monkeypatch, capsys, "followups", "--json", "--overdue",
                       "--data-dir", str(owner.data_dir))
    assert (code, json.loads(out)) == (0, [])

    # The capturer keeps the cold lead, which no rule matches; the hot one left its device.
    capturer.run()
    assert capturer.store.get("lead", hot) is None
    code, out, _ = run(monkeypatch, capsys, "followups", "--json",
                       "--data-dir", str(capturer.data_dir))
    assert [r["id"] for r in json.loads(out)] == [cold]
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=8)
    assert FollowUpBook(capturer.store).for_owner(capturer.store.get_state("user")["id"],
                                                  later, overdue_only=True)[0]["overdue"]


def test_a_rep_cannot_set_rules_and_bad_files_change_nothing(
        make_device, tmp_path, monkeypatch, capsys):
    rep = make_device("rep", "rep@example.com")
    rep.run()
    good = tmp_path / "good.json"
    good.write_text('[{"when": {}, "assign": "rep@example.com"}]')
    code, _, err = run(monkeypatch, capsys, "routing", "set", str(good),
                       "--data-dir", str(rep.data_dir))
    assert code == 3 and "marketers and managers" in err
    marketer = make_device("marketer", "marketer@example.com")
    marketer.run()
    for text, words in (("[{", "not JSON"), ('[{"when": {"country": "Deutschland"}, '
                                             '"assign": "rep@example.com"}]', "Rule 1: country"),
                        ('[{"assign": "stranger@example.com"}]', "not an active user")):
        bad = tmp_path / "bad.json"
        bad.write_text(text)
        code, out, err = run(monkeypatch, capsys, "routing", "set", str(bad),
                             "--data-dir", str(marketer.data_dir))
        assert code == 2 and words in err and len(err.strip().splitlines()) == 1, err
    assert marketer.store.get("routing", ROUTING_ID) is None
    code, out, err = run(monkeypatch, capsys, "routing", "set", str(tmp_path / "none.json"),
                         "--data-dir", str(marketer.data_dir))
    assert code == 2 and "no such file" in err


def test_followups_without_sign_in_exit_3(tmp_path, monkeypatch, capsys):
    code, _, err = run(monkeypatch, capsys, "followups", "--data-dir", str(tmp_path / "d"))
    assert code == 3 and "signin" in err
