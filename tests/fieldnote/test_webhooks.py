"""The webhook rules (fieldnote.webhooks): events, payload contents, signatures, retries,
addresses."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldnote import webhooks as w
from fieldnote.kinds import LEAD
from fieldnote.leads import CONTACT_FIELDS

LEAD_FIELDS = {"first_name": "Ana", "last_name": "Silva", "email": "ana@example.com",
               "phone": "+4930123456", "company": "Acme", "country": "DE", "grade": "hot",
               "qualified": True, "consent_contact": False, "owner_id": "u1",
               "captured_by": "u1", "notes": "call her", "badge_raw": "ANA SILVA",
               "title": "CTO", "address": "Hauptstr. 1", "badge_id": "B-1"}


def test_every_contact_field_is_a_lead_field():
    assert set(CONTACT_FIELDS) <= set(LEAD.field_names)


@pytest.mark.parametrize(("kind", "before", "after", "events"), [
    ("lead", None, {"qualified": False, "owner_id": "u1", "captured_by": "u1"},
     [w.LEAD_CREATED]),
    # A lead that arrives qualified is qualified by its arrival.
    ("lead", None, {"qualified": True, "owner_id": "u1", "captured_by": "u1"},
     [w.LEAD_CREATED, w.LEAD_QUALIFIED]),
    ("lead", {"qualified": False}, {"qualified": True}, [w.LEAD_QUALIFIED]),
    ("lead", {"qualified": None}, {"qualified": True}, [w.LEAD_QUALIFIED]),
    ("lead", {"qualified": True}, {"qualified": True, "notes": "x"}, []),
    ("lead", {"qualified": True}, {"qualified": False}, []),
    # Assigned: a new owner, or arriving owned by someone other than its capturer (routing).
    ("lead", {"owner_id": "u1"}, {"owner_id": "u2"}, [w.LEAD_ASSIGNED]),
    ("lead", {"owner_id": "u1"}, {"owner_id": "u1"}, []),
    ("lead", None, {"owner_id": "u2", "captured_by": "u1"}, [w.LEAD_CREATED, w.LEAD_ASSIGNED]),
    ("lead_outcome", None, {"status": "won"}, [w.OUTCOME_RECORDED]),
    ("lead_outcome", {"status": "won"}, {"status": "won", "note": "x"}, []),
    ("debrief", None, {"status": "draft"}, []),
    ("debrief", None, {"status": "submitted"}, [w.DEBRIEF_SUBMITTED]),
    ("debrief", {"status": "draft"}, {"status": "submitted"}, [w.DEBRIEF_SUBMITTED]),
    ("debrief", {"status": "submitted"}, {"status": "submitted", "notes": "x"}, []),
    ("collateral_request", None, {"title": "Deck"}, [w.COLLATERAL_REQUESTED]),
    ("collateral_request", {"title": "Deck"}, {"title": "Deck", "status": "accepted"}, []),
    ("event", None, {"name": "Expo"}, []),
])
def test_the_events_a_change_raises(kind, before, after, events):
    assert w.events_of(kind, before, after) == events


def test_a_deletion_raises_nothing():
    assert w.events_of("lead", {"qualified": False}, {"qualified": True}, deleted=True) == []


def test_events_are_read_from_a_list_and_unknown_ones_refused():
    assert w.parse_events(" lead.qualified, LEAD.created,lead.qualified ") == [
        "lead.qualified", "lead.created"]
    with pytest.raises(w.WebhookError, match="unknown event 'lead.deleted'"):
        w.parse_events("lead.created,lead.deleted")
    with pytest.raises(w.WebhookError, match="at least one"):
        w.parse_events(" , ")


def test_a_lead_without_consent_carries_no_contact_fields():
    data = w.lead_data("L1", 3, LEAD_FIELDS)
    assert not set(CONTACT_FIELDS) & set(data)
    assert data["id"] == "L1" and data["version"] == 3
    assert data["company"] == "Acme" and data["grade"] == "hot" and data["country"] == "DE"
    unset = w.lead_data("L1", 3, {**LEAD_FIELDS, "consent_contact": None})
    assert not set(CONTACT_FIELDS) & set(unset)


def test_a_lead_with_consent_carries_them():
    data = w.lead_data("L1", 3, {**LEAD_FIELDS, "consent_contact": True})
    assert data["email"] == "ana@example.com" and data["last_name"] == "Silva"


def test_a_debrief_about_a_lead_without_consent_leaves_out_the_people_met():
    debrief = {"account": "Acme", "contacts": "Ana Silva", "status": "submitted"}
    assert "contacts" not in w.debrief_data("D1", 1, debrief, LEAD_FIELDS)
    assert w.debrief_data("D1", 1, debrief, {**LEAD_FIELDS, "consent_contact": True}
                          )["contacts"] == "Ana Silva"
    assert w.debrief_data("D1", 1, debrief, None)["contacts"] == "Ana Silva"


def test_the_signature_is_hmac_sha256_of_time_dot_body():
    body = b'{"id":"e1"}'
    expected = hmac.new(b"s3cret-s3cret-s3cret", b"1700000000." + body,
                        hashlib.sha256).hexdigest()
    header = w.signature_header("s3cret-s3cret-s3cret", 1700000000, body)
    assert header == f"t=1700000000,v1={expected}"
    assert w.verify_signature("s3cret-s3cret-s3cret", header, body, now=1700000010)


@given(body=st.binary(max_size=200), other=st.binary(max_size=200))
def test_a_changed_body_secret_or_old_time_fails_verification(body, other):
    header = w.signature_header("secret-number-one", 1700000000, body)
    assert w.verify_signature("secret-number-one", header, body, now=1700000000)
    assert not w.verify_signature("secret-number-two", header, body, now=1700000000)
    assert w.verify_signature("secret-number-one", header, other, now=1700000000) == (
        other == body)
    assert not w.verify_signature("secret-number-one", header, body,
                                  now=1700000000 + w.SIGNATURE_TOLERANCE_S + 1)


@pytest.mark.parametrize("header", ["", "t=x,v1=00", "v1=00", "t=1700000000", "garbage"])
def test_a_malformed_header_fails_verification(header):
    assert not w.verify_signature("secret-number-one", header, b"{}", now=1700000000)


def test_the_default_schedule_retries_first_within_30_seconds_then_backs_off():
    first = w.parse_duration(w.HUB_SETTINGS["webhook_retry_first"][0])
    assert first == w.DEFAULT_RETRY_FIRST_S
    assert 0 < w.retry_delay(1, first) <= 30
    steps = [w.retry_delay(n, first) for n in range(1, 20)]
    assert steps[1] == 2 * steps[0] and steps[2] == 2 * steps[1]
    assert steps == sorted(steps) and max(steps) == w.MAX_STEP_S
    # Up to 24 hours in all: the attempts of a delivery failing every time.
    retry_for = w.parse_duration(w.HUB_SETTINGS["webhook_retry_for"][0])
    assert retry_for == 24 * 3600
    t, failures = 0.0, 0
    while True:
        failures += 1
        delay = w.next_delay(0.0, t, failures, first, retry_for)
        if delay is None:
            break
        assert delay > 0
        t += delay
    assert t == 24 * 3600  # the last attempt at the end of the 24 hours, then it gives up
    assert 15 <= failures <= 30
    assert w.next_delay(100.0, 100.0, 1) == first
    assert w.next_delay(0.0, retry_for - 5, 12) == 5
    assert w.next_delay(0.0, retry_for + 1, 1) is None


@pytest.mark.parametrize(("text", "seconds"), [
    ("15", 15), ("15s", 15), ("500ms", 0.5), ("2m", 120), ("24h", 86400), ("1d", 86400),
    (" 0.2s ", 0.2)])
def test_durations(text, seconds):
    assert w.parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "s", "15x", "-1s", "1e3"])
def test_not_durations(text):
    with pytest.raises(ValueError):
        w.parse_duration(text)


def test_the_hub_settings_check_their_values():
    checks = {key: check for key, (_default, check) in w.HUB_SETTINGS.items()}
    assert checks["webhook_allow_private"]("YES") == "yes"
    assert checks["webhook_allow_private"]("off") == "no"
    with pytest.raises(ValueError):
        checks["webhook_allow_private"]("maybe")
    assert checks["webhook_retry_first"]("0.2s") == "0.2s"
    with pytest.raises(ValueError):
        checks["webhook_retry_first"]("2h")
    with pytest.raises(ValueError):
        checks["webhook_retry_for"]("60d")


@pytest.mark.parametrize("url", [
    "https://hooks.example.com/fieldnote", "https://hooks.example.com:8443/x?a=1",
    "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]:9000/",
    "https://93.184.216.34/hook"])
def test_urls_a_webhook_may_post_to(url):
    assert w.check_url(url) == url


@pytest.mark.parametrize(("url", "reason"), [
    ("http://hooks.example.com/x", "https"),
    ("ftp://hooks.example.com/x", "https://"),
    ("https:///x", "names a host"),
    ("https://user:pw@hooks.example.com/", "no user name"),
    ("https://10.1.2.3/hook", "private"),
    ("https://192.168.1.10/hook", "private"),
    ("https://169.254.169.254/latest/meta-data", "link-local"),
    ("https://[fe80::1]/x", "link-local"),
    ("https://[::ffff:10.0.0.1]/x", "private"),
    ("https://0.0.0.0/x", "cannot receive"),
    ("http://10.0.0.1/x", "https"),
    ("https://hooks.example.com:99999/", "not a URL"),
])
def test_urls_refused(url, reason):
    with pytest.raises(w.WebhookError, match=reason):
        w.check_url(url)


def test_private_addresses_are_allowed_by_the_setting_only():
    assert w.check_url("https://10.1.2.3/hook", private_allowed=True)
    assert w.check_url("https://169.254.1.1/hook", private_allowed=True)
    with pytest.raises(w.WebhookError):
        w.check_url("https://0.0.0.0/x", private_allowed=True)


@pytest.mark.parametrize(("host", "ip", "allowed"), [
    ("hooks.example.com", "93.184.216.34", True),
    ("hooks.example.com", "10.0.0.5", False),
    ("hooks.example.com", "172.16.0.1", False),
    ("hooks.example.com", "100.64.0.1", False),  # shared (carrier-grade NAT)
    ("hooks.example.com", "127.0.0.1", False),  # a public name resolving to this machine
    ("hooks.example.com", "169.254.169.254", False),
    ("hooks.example.com", "::1", False),
    ("hooks.example.com", "fd00::1", False),
    ("hooks.example.com", "::ffff:192.168.0.1", False),
    ("hooks.example.com", "2606:2800:220:1:248:1893:25c8:1946", True),
    ("localhost", "127.0.0.1", True),
    ("localhost", "::1", True),
    ("localhost", "10.0.0.5", False),  # "localhost" that is not this machine
])
def test_resolved_addresses_at_send_time(host, ip, allowed):
    refusal = w.address_refusal(host, ipaddress.ip_address(ip), private_allowed=False)
    assert (refusal is None) == allowed, refusal


def test_resolved_private_addresses_with_the_setting():
    assert w.address_refusal("hooks.internal", ipaddress.ip_address("10.0.0.5"), True) is None
    assert w.address_refusal("hooks.internal", ipaddress.ip_address("224.0.0.1"), True)


def test_secrets():
    assert w.check_secret("x" * 16) == "x" * 16
    for bad in ("short", "x" * 201, "x" * 20 + "\x00"):
        with pytest.raises(w.WebhookError):
            w.check_secret(bad)
