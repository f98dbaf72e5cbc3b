"""The demo data set: deterministic, valid, internally consistent, with real collateral files."""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import sys
import uuid
from pathlib import Path

import phonenumbers
import pytest

from fieldnote.demo import DATA_ENDS, DEMO_PASSWORD, DemoData, demo_user
from fieldnote.kinds import spec
from fieldnote.scoring import DEMO_RUBRIC, DEMO_RUBRIC_ID, parse_rubric, score
from fieldnote.validation import clean_fields, parse_date, parse_datetime
from resources.demo_files import demo_catalogue, load_demo_dataset
from resources.paths import resource_path

REFERENCES = {
    "event_id": "event",
    "lead_id": "lead",
    "collateral_id": "collateral",
    "rubric_id": "rubric",
    "debrief_id": "debrief",
    "supersedes_id": "collateral",
}


@pytest.fixture(scope="module")
def data() -> DemoData:
    return load_demo_dataset()


def test_two_calls_with_one_seed_give_identical_data(data: DemoData) -> None:
    again = load_demo_dataset()
    assert again == data
    assert [r.record_id for r in again.records] == [r.record_id for r in data.records]


def test_another_seed_gives_other_leads_but_the_same_users_and_set_up(data: DemoData) -> None:
    other = load_demo_dataset(seed=8)
    assert other.users == data.users
    assert [r.record_id for r in other.of_kind("lead")] != [r.record_id
                                                             for r in data.of_kind("lead")]


def test_every_record_passes_field_validation(data: DemoData) -> None:
    for record in data.records:
        cleaned = clean_fields(record.kind, record.fields)
        assert cleaned == dict(record.fields), record


def test_no_record_carries_fields_the_hub_sets(data: DemoData) -> None:
    for record in data.records:
        server_set = {f.name for f in spec(record.kind).fields if f.server_set}
        assert not server_set & set(record.fields), record.kind


def test_record_ids_are_unique_uuid7(data: DemoData) -> None:
    ids = [r.record_id for r in data.records] + [u["id"] for u in data.users]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 7 for i in ids)


def test_every_reference_points_to_an_earlier_record_of_the_right_kind(data: DemoData) -> None:
    seen: dict[str, str] = {}
    for record in data.records:
        for name, kind in REFERENCES.items():
            if name in record.fields:
                assert seen.get(record.fields[name]) == kind, (record.kind, name)
        for cid in record.fields.get("collateral_ids", []):
            assert seen.get(cid) == "collateral"
        for used in record.fields.get("collateral_used", []):
            assert seen.get(used["collateral_id"]) == "collateral"
            assert isinstance(used["helpful"], bool)
        seen[record.record_id] = record.kind


def test_records_belong_to_demo_users_with_the_right_roles(data: DemoData) -> None:
    roles = {u["email"]: u["role"] for u in data.users}
    for record in data.records:
        role = roles[record.owner_email]
        if record.kind in ("rubric", "event", "collateral", "reason_list", "debrief_comment"):
            assert role == "marketer", record.kind
        else:
            assert role == "rep", record.kind


def test_demo_users_are_the_six_documented_accounts(data: DemoData) -> None:
    by_email = {u["email"]: u for u in data.users}
    assert set(by_email) == {
        "rep@demo.fieldnote", "rep2@demo.fieldnote", "rep3@demo.fieldnote",
        "marketer@demo.fieldnote", "manager@demo.fieldnote", "admin@demo.fieldnote",
    }
    assert (by_email["rep@demo.fieldnote"]["role"], by_email["rep@demo.fieldnote"]["team"]) == (
        "rep", "east")
    assert by_email["rep2@demo.fieldnote"]["team"] == "west"
    assert by_email["manager@demo.fieldnote"]["role"] == "manager"
    assert all(u["password"] == DEMO_PASSWORD == "demo" for u in data.users)
    for user in data.users:
        clean_fields("user", {k: v for k, v in user.items() if k in ("name", "email", "role",
                                                                       "team") and v})
    assert demo_user("Rep@demo.fieldnote") == by_email["rep@demo.fieldnote"]


def test_an_unknown_demo_user_is_named_in_the_error() -> None:
    with pytest.raises(KeyError, match="nobody@demo.fieldnote"):
        demo_user("nobody@demo.fieldnote")


def test_each_blob_hashes_to_what_its_collateral_names(data: DemoData) -> None:
    collateral = data.of_kind("collateral")
    pdfs = [b for b in data.blobs if b.suffix == ".pdf"]
    assert len(collateral) == len(pdfs) == len(demo_catalogue())
    named = {r.fields["file_sha256"]: r.fields for r in collateral}
    for blob in pdfs:
        body = blob.read_bytes()
        fields = named[hashlib.sha256(body).hexdigest()]
        assert fields["file_name"] == blob.name
        assert fields["file_size"] == len(body)
        assert body.startswith(b"%PDF-")
        assert len(body) < 60_000


def test_collateral_text_is_searchable_for_distinctive_words(data: DemoData) -> None:
    text = {r.fields["file_name"]: r.fields["text"].lower() for r in data.of_kind("collateral")}
    assert "latency" in text["pipeline-sell-sheet.pdf"]
    assert "hipaa" in text["case-study-mercy-valley-health.pdf"]
    assert "already use snowflake" in text["battlecard-snowflake-databricks.pdf"]
    assert "lorawan" in text["edge-sensors-sell-sheet.pdf"]
    assert all(len(t) > 800 for t in text.values())


def test_collateral_has_a_superseded_version_and_a_team_only_item(data: DemoData) -> None:
    collateral = data.of_kind("collateral")
    retired = [r for r in collateral if r.fields["status"] == "retired"]
    assert len(retired) == 1
    newer = [r for r in collateral if r.fields.get("supersedes_id") == retired[0].record_id]
    assert len(newer) == 1 and newer[0].fields["version"] == 2
    assert [r.fields["audience"] for r in collateral if r.fields["audience"]] == [["west"]]
    assert sum(r.fields["status"] == "approved" for r in collateral) == 9


def test_reps_only_use_collateral_they_can_see(data: DemoData) -> None:
    teams = {u["email"]: u["team"] for u in data.users}
    approved = {
        r.record_id: r.fields["audience"]
        for r in data.of_kind("collateral") if r.fields["status"] == "approved"
    }
    checked = 0
    for record in data.records:
        ids = [record.fields["collateral_id"]] if record.kind in (
            "collateral_usage", "collateral_feedback") else []
        ids += record.fields.get("collateral_ids", [])
        ids += [u["collateral_id"] for u in record.fields.get("collateral_used", [])]
        for cid in ids:
            assert cid in approved, record.kind
            audience = approved[cid]
            assert not audience or teams[record.owner_email] in audience
            checked += 1
    assert checked > 0  # the data set uses collateral: the loop above checked something


def test_leads_are_spread_over_past_and_current_events_and_reps(data: DemoData) -> None:
    leads = data.of_kind("lead")
    assert len(leads) == 600
    events = {r.record_id: r.fields for r in data.of_kind("event")}
    per_event = collections.Counter(events[r.fields["event_id"]]["name"] for r in leads)
    upcoming = [e["name"] for e in events.values() if e["starts_on"] > "2026-11-28"]
    assert len(events) == 4 and len(upcoming) == 1
    assert upcoming[0] not in per_event
    biggest_two = [name for name, _ in per_event.most_common(2)]
    assert all(events_by_name(events)[n]["ends_on"] < "2026-11-01" for n in biggest_two)
    owners = collections.Counter(r.owner_email for r in leads)
    assert owners.most_common(1)[0][0] == "rep@demo.fieldnote"
    assert set(owners) == {"rep@demo.fieldnote", "rep2@demo.fieldnote", "rep3@demo.fieldnote"}
    sources = collections.Counter(r.fields["source"] for r in leads)
    assert sources.most_common(1)[0][0] == "scan"
    assert sum(r.fields["consent_contact"] for r in leads) > 0.8 * len(leads)
    names = " ".join(r.fields["first_name"] + r.fields["last_name"] for r in leads)
    assert any(ord(c) > 0x3000 for c in names)  # some names in CJK scripts
    assert any(c in names for c in "éüøñłå")


def events_by_name(events: dict[str, dict]) -> dict[str, dict]:
    return {e["name"]: e for e in events.values()}


def test_leads_are_captured_during_booth_hours_of_their_event(data: DemoData) -> None:
    events = {r.record_id: r.fields for r in data.of_kind("event")}
    offsets = {"DWS26-NYC": -4, "IIOT26-MUC": 2, "CAW26-AUS": -6}
    for lead in data.of_kind("lead"):
        event = events[lead.fields["event_id"]]
        at = parse_datetime(lead.fields["captured_at"])
        local = at.replace(tzinfo=None) + __import__("datetime").timedelta(
            hours=offsets[event["campaign_code"]])
        assert parse_date(event["starts_on"]) <= local.date() <= parse_date(event["ends_on"])
        assert 9 <= local.hour <= 17


def test_scores_grades_and_qualification_follow_the_rubric(data: DemoData) -> None:
    rubrics = {r.record_id: parse_rubric(r.fields, r.record_id) for r in data.of_kind("rubric")}
    booth = rubrics[DEMO_RUBRIC_ID]
    assert (booth.name, booth.version) == ("Booth qualification", 2)
    assert [q.id for q in booth.questions] == [q.id for q in DEMO_RUBRIC.questions]
    grades: collections.Counter[str] = collections.Counter()
    qualified = 0
    for lead in data.of_kind("lead"):
        rubric = rubrics[lead.fields["rubric_id"]]
        result = score(rubric, lead.fields["answers"])
        assert result.problems == ()
        assert result.lead_fields(rubric) == {
            k: lead.fields[k]
            for k in ("rubric_id", "rubric_version", "score", "grade", "qualified")
        }
        grades[lead.fields["grade"]] += 1
        qualified += lead.fields["qualified"]
    assert all(grades[g] > 60 for g in ("hot", "warm", "cold"))
    assert 0.15 * sum(grades.values()) < qualified < 0.6 * sum(grades.values())


def test_records_unpack_as_kind_id_fields_and_owner(data: DemoData) -> None:
    kind, record_id, fields, owner = data.records[0]
    assert (kind, record_id, owner) == ("rubric", DEMO_RUBRIC_ID, "marketer@demo.fieldnote")
    assert fields["name"] == "Booth qualification"


def test_outcomes_form_a_plausible_funnel_in_order(data: DemoData) -> None:
    leads = {r.record_id: r for r in data.of_kind("lead")}
    history: dict[str, list[str]] = collections.defaultdict(list)
    for outcome in data.of_kind("lead_outcome"):
        lead = leads[outcome.fields["lead_id"]]
        assert outcome.owner_email == lead.owner_email
        at = parse_datetime(outcome.fields["at"])
        assert parse_datetime(lead.fields["captured_at"]) < at <= DATA_ENDS
        history[outcome.fields["lead_id"]].append(outcome.fields["status"])
        if outcome.fields["status"] in ("lost", "disqualified"):
            assert outcome.fields["reason"]
        if outcome.fields["status"] == "won":
            assert outcome.fields["amount"] > 0
    reached = collections.Counter(s for statuses in history.values() for s in statuses)
    n = len(leads)
    assert 0.35 * n <= reached["contacted"] <= 0.6 * n
    assert 0.12 * n <= reached["meeting"] <= 0.3 * n
    assert 0.05 * n <= reached["opportunity"] <= 0.16 * n
    assert 0.015 * n <= reached["won"] <= 0.07 * n
    assert reached["lost"] > 0 and reached["disqualified"] > 0
    funnel = ("contacted", "meeting", "opportunity", "won")
    for statuses in history.values():
        steps = [s for s in statuses if s in funnel]
        assert steps == list(funnel[: len(steps)])
        assert sum(s in ("lost", "disqualified", "won") for s in statuses) <= 1


def test_debriefs_and_collateral_activity_have_realistic_volume(data: DemoData) -> None:
    counts = collections.Counter(r.kind for r in data.records)
    assert 50 <= counts["debrief"] <= 70
    assert 15 <= counts["debrief_comment"] <= 25
    assert 30 <= counts["collateral_usage"] <= 50
    assert 15 <= counts["collateral_feedback"] <= 30
    assert counts["collateral_request"] == 5
    assert counts["reason_list"] == 4 and counts["rubric"] == 2
    debriefs = data.of_kind("debrief")
    statuses = collections.Counter(r.fields["status"] for r in debriefs)
    assert statuses["draft"] >= 1 and statuses["submitted"] > 0.8 * len(debriefs)
    objections = collections.Counter(o for r in debriefs for o in r.fields["objections"])
    assert "Already using Snowflake" in objections and "Price too high" in objections
    assert any(r.fields["competitors"] for r in debriefs)
    leads = {r.record_id: r.owner_email for r in data.of_kind("lead")}
    for debrief in debriefs:
        if "lead_id" in debrief.fields:
            assert leads[debrief.fields["lead_id"]] == debrief.owner_email
    requests = collections.Counter(r.fields["status"] for r in data.of_kind("collateral_request"))
    assert len(requests) >= 3


def test_phone_numbers_are_valid_e164_for_the_leads_country(data: DemoData) -> None:
    for lead in data.of_kind("lead"):
        phone = lead.fields.get("phone")
        if phone is None:
            continue
        parsed = phonenumbers.parse(phone, None)
        assert phonenumbers.is_valid_number(parsed), phone
        assert phonenumbers.region_code_for_number(parsed) == lead.fields["country"], phone
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == phone


def test_a_smaller_data_set_is_still_consistent() -> None:
    small = load_demo_dataset(seed=3, leads=40)
    assert len(small.of_kind("lead")) == 40
    seen: set[str] = set()
    for record in small.records:
        clean_fields(record.kind, record.fields)
        for name in REFERENCES:
            if name in record.fields:
                assert record.fields[name] in seen
        seen.add(record.record_id)


def test_resource_path_finds_files_from_the_source_tree_and_a_bundle(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resource_path("demo", "price-list-2027.pdf").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("demo", "x.pdf") == tmp_path / "resources" / "demo" / "x.pdf"
    with pytest.raises(ValueError, match="relative"):
        resource_path("..", "secrets")


def test_the_pdf_script_is_deterministic(tmp_path: Path) -> None:
    from tools.make_demo_pdfs import build_all

    first = {p.name: p.read_bytes() for p in build_all(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in build_all(tmp_path / "b")}
    assert first == second
    assert set(first) == {s.file_name for s in demo_catalogue()}


def test_committed_text_matches_the_committed_pdfs(data: DemoData) -> None:
    from pypdf import PdfReader

    for blob in (b for b in data.blobs if b.suffix == ".pdf"):
        reader = PdfReader(blob)
        assert 1 <= len(reader.pages) <= 3, blob.name
        extracted = " ".join(page.extract_text() or "" for page in reader.pages).split()
        stored = set(blob.with_suffix(".txt").read_text(encoding="utf-8").split())
        missing = [word for word in extracted if word not in stored]
        # Extraction may differ slightly between pypdf versions; a stale .txt differs a lot.
        assert len(missing) <= 0.02 * len(extracted), (blob.name, missing[:10])


def test_the_generator_reads_no_files(tmp_path: Path) -> None:
    from fieldnote.demo import demo_dataset
    from resources.demo_files import demo_attachments, demo_collateral

    # Paths that do not exist: the generator only passes them on, it never opens them.
    elsewhere = [dataclasses.replace(c, path=tmp_path / "nowhere" / c.path.name)
                 for c in demo_collateral()]
    media = [dataclasses.replace(a, path=tmp_path / "nowhere" / a.path.name)
             for a in demo_attachments()]
    made = demo_dataset(3, 40, collateral=elsewhere, attachments=media)
    assert made.records == load_demo_dataset(3, 40).records
    assert all(not p.exists() for p in made.blobs)


def test_the_demo_reps_latest_lead_has_a_voice_note_and_photos(data: DemoData) -> None:
    from fieldnote.attachments import problems, sniff
    from fieldnote.demo import REP, attachment_lead

    lead = attachment_lead(data.records)
    assert lead.owner_email == REP
    latest = max(str(r.fields["captured_at"]) for r in data.of_kind("lead") if r.owner_email == REP)
    assert lead.fields["captured_at"] == latest
    attached = data.of_kind("lead_attachment")
    assert sorted(r.fields["media"] for r in attached) == ["photo", "photo", "voice"]
    files = {hashlib.sha256(b.read_bytes()).hexdigest(): b for b in data.blobs
             if b.suffix != ".pdf"}
    for record in attached:
        fields = record.fields
        assert fields["lead_id"] == lead.record_id and record.owner_email == REP
        assert problems(fields) == []
        body = files[fields["file_sha256"]].read_bytes()
        assert sniff(body[:16]) == fields["mime_type"] and len(body) == fields["file_size"]
    # Made last: every other record keeps the id it had before the demo had media.
    assert [r.kind for r in data.records[-len(attached):]] == ["lead_attachment"] * 3
