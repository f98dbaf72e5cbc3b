"""The webhook rules pinned at their edges: the hub settings' limits and refusals, retry
timing, payload contents, signature verification and every branch of the URL and address
checks, with the exact refusals an administrator reads."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re

import pytest

from fieldnote import webhooks as w

SECRET = "secret-number-one"
T = 1700000000
RETRY_FIRST = w.HUB_SETTINGS["webhook_retry_first"][1]
RETRY_FOR = w.HUB_SETTINGS["webhook_retry_for"][1]
FLAG = w.HUB_SETTINGS["webhook_allow_private"][1]

FIRST_REFUSAL = "webhook_retry_first is a duration from 10ms to 1h (default 15s)"
FOR_REFUSAL = "webhook_retry_for is a duration from 10ms to 30d (default 24h)"
PRIVATE_HINT = (", a private, loopback or link-local address; set the hub setting "
                "webhook_allow_private to yes to allow it")


def refused(exc_type, message, call, *args, **kwargs):
    with pytest.raises(exc_type) as raised:
        call(*args, **kwargs)
    assert str(raised.value) == message


# -- events --------------------------------------------------------------------------------

def test_event_refusals_name_every_event():
    every = ("lead.created, lead.qualified, lead.assigned, outcome.recorded, "
             "debrief.submitted, collateral.requested")
    refused(w.WebhookError, f"unknown event 'lead.deleted'; the events are: {every}",
            w.parse_events, "lead.created, Lead.Deleted")
    refused(w.WebhookError, f"name at least one event: {every}", w.parse_events, "")


# -- payloads ------------------------------------------------------------------------------

def test_a_lead_payload_holds_its_id_version_and_fields_and_may_lack_contact_fields():
    fields = {"company": "Acme", "grade": "warm", "consent_contact": False, "email": "a@b.de"}
    assert w.lead_data("L1", 7, fields) == {"id": "L1", "version": 7, "company": "Acme",
                                            "grade": "warm", "consent_contact": False}
    # A lead that never had some contact fields: nothing to leave out, nothing fails.
    assert w.lead_data("L2", None, {"company": "Acme"}) == {"id": "L2", "version": None,
                                                           "company": "Acme"}


def test_a_debrief_payload_holds_its_id_version_and_fields():
    debrief = {"account": "Acme", "contacts": "Ana", "status": "submitted"}
    assert w.debrief_data("D1", 4, debrief, None) == {"id": "D1", "version": 4, **debrief}
    no_consent = {"consent_contact": False}
    assert w.debrief_data("D1", 4, debrief, no_consent) == {
        "id": "D1", "version": 4, "account": "Acme", "status": "submitted"}
    # A debrief without people met, about a lead without consent: nothing to leave out.
    assert w.debrief_data("D2", 1, {"account": "Acme"}, no_consent) == {
        "id": "D2", "version": 1, "account": "Acme"}


# -- signatures ----------------------------------------------------------------------------

@pytest.mark.parametrize(("offset", "valid"), [
    (-w.SIGNATURE_TOLERANCE_S - 1, False), (-w.SIGNATURE_TOLERANCE_S, True), (0, True),
    (w.SIGNATURE_TOLERANCE_S, True), (w.SIGNATURE_TOLERANCE_S + 1, False)])
def test_a_signature_is_valid_up_to_five_minutes_either_side(offset, valid):
    assert w.SIGNATURE_TOLERANCE_S == 300
    header = w.signature_header(SECRET, T, b"{}")
    assert w.verify_signature(SECRET, header, b"{}", now=T + offset) is valid


def test_a_signature_with_a_tolerance_given():
    header = w.signature_header(SECRET, T, b"{}")
    assert w.verify_signature(SECRET, header, b"{}", now=T + 10, tolerance_s=10)
    assert not w.verify_signature(SECRET, header, b"{}", now=T + 11, tolerance_s=10)


def test_a_tampered_body_or_wrong_secret_fails():
    header = w.signature_header(SECRET, T, b'{"amount":1}')
    assert not w.verify_signature(SECRET, header, b'{"amount":2}', now=T)
    assert not w.verify_signature("secret-number-two", header, b'{"amount":1}', now=T)
    # A signature of another time does not sign this one.
    forged = header.replace(f"t={T}", f"t={T + 1}")
    assert not w.verify_signature(SECRET, forged, b'{"amount":1}', now=T)


def test_the_signature_is_lower_case_hex_of_sha256():
    assert re.fullmatch(r"[0-9a-f]{64}", w.signature(SECRET, T, b"{}"))
    # A non-ASCII secret is keyed by its UTF-8 bytes, as a receiver in any language reads it.
    assert w.signature("schlüssel-schlüssel", T, b"{}") == hmac.new(
        "schlüssel-schlüssel".encode(), f"{T}.{{}}".encode(), hashlib.sha256).hexdigest()


def test_any_of_several_signatures_may_match_but_only_the_first_time_counts():
    good = w.signature(SECRET, T, b"{}")
    assert w.verify_signature(SECRET, f"t={T},v1={'0' * 64},v1={good}", b"{}", now=T)
    assert w.verify_signature(SECRET, f" t={T} , v1={good} ", b"{}", now=T)
    # The first `t` is malformed: the header is refused, whatever follows.
    assert not w.verify_signature(SECRET, f"t=1=2,t={T},v1={good}", b"{}", now=T)


# -- secrets -------------------------------------------------------------------------------

@pytest.mark.parametrize(("length", "ok"), [(15, False), (16, True), (200, True), (201, False)])
def test_secret_lengths(length, ok):
    if ok:
        assert w.check_secret("x" * length) == "x" * length
    else:
        refused(w.WebhookError, "a secret needs 16 to 200 characters", w.check_secret,
                "x" * length)


@pytest.mark.parametrize(("char", "ok"), [
    ("\x00", False), ("\x1f", False), (" ", True), ("!", True), ("~", True), ("\x7f", False),
    ("é", True)])
def test_control_characters_in_a_secret(char, ok):
    secret = "abcdefgh" + char + "ijklmnop"
    if ok:
        assert w.check_secret(secret) == secret
    else:
        refused(w.WebhookError, "a secret holds no control characters", w.check_secret, secret)


# -- retries -------------------------------------------------------------------------------

def test_the_next_delay_uses_the_first_step_given():
    assert w.next_delay(0.0, 0.0, 1, first_s=1.0) == 1.0
    assert w.next_delay(0.0, 0.0, 3, first_s=1.0) == 4.0


@pytest.mark.parametrize(("failed_at", "delay"), [
    (100.0, 15.0), (3599.5, 0.5), (3599.0, 1.0), (3600.0, None), (3600.5, None)])
def test_the_last_attempt_comes_at_the_end_of_the_retry_time(failed_at, delay):
    assert w.next_delay(0.0, failed_at, 1, retry_for_s=3600.0) == delay


def test_a_duration_that_is_not_one_is_refused_with_an_example():
    refused(ValueError, "'15x' is not a duration such as 15s, 2m, 24h", w.parse_duration, "15x")
    assert w.parse_duration("2M") == 120 and w.parse_duration("500MS") == 0.5


@pytest.mark.parametrize(("text", "ok"), [
    ("9ms", False), ("10ms", True), ("0.01", True), ("3600s", True), ("1h", True),
    ("3601s", False), ("61m", False)])
def test_the_first_retry_limits(text, ok):
    if ok:
        assert RETRY_FIRST(text) == text
    else:
        refused(ValueError, FIRST_REFUSAL, RETRY_FIRST, text)


@pytest.mark.parametrize(("text", "ok"), [
    ("9ms", False), ("10ms", True), ("1s", True), ("24h", True), ("720h", True), ("30d", True),
    ("2592001s", False), ("31d", False)])
def test_the_retry_time_limits(text, ok):
    if ok:
        assert RETRY_FOR(text) == text
    else:
        refused(ValueError, FOR_REFUSAL, RETRY_FOR, text)


def test_retry_settings_are_kept_trimmed_in_lower_case():
    assert RETRY_FIRST(" 20S ") == "20s"
    assert RETRY_FOR(" 24H ") == "24h"


@pytest.mark.parametrize(("text", "value"), [
    ("yes", "yes"), (" True ", "yes"), ("ON", "yes"), ("1", "yes"),
    ("no", "no"), ("FALSE", "no"), ("off", "no"), ("0", "no")])
def test_the_private_address_flag(text, value):
    assert FLAG(text) == value


def test_a_flag_that_is_neither_is_refused():
    refused(ValueError, "'maybe' is not yes or no", FLAG, "maybe")


def test_only_yes_allows_private_addresses():
    assert w.allow_private("yes") is True
    for value in ("no", "YES", "", "1"):
        assert w.allow_private(value) is False


# -- addresses -----------------------------------------------------------------------------

@pytest.mark.parametrize(("host", "loopback"), [
    ("localhost", True), ("LOCALHOST", True), ("localhost.", True),
    ("localhost.localdomain", True), ("app.localhost", True), ("App.LocalHost.", True),
    ("127.0.0.1", True), ("127.255.0.9", True), ("::1", True), ("::ffff:127.0.0.1", True),
    ("notlocalhost", False), (".localhost.example.com", False), ("localhost.example.com", False),
    ("128.0.0.1", False), ("10.0.0.1", False), ("::2", False), ("example.com", False)])
def test_which_hosts_name_this_machine(host, loopback):
    assert w.names_loopback(host) is loopback


@pytest.mark.parametrize(("url", "message"), [
    ("ftp://hooks.example.com/x", "a webhook URL starts with https:// and names a host"),
    ("https:///x", "a webhook URL starts with https:// and names a host"),
    ("hooks.example.com/x", "a webhook URL starts with https:// and names a host"),
    ("https://user:pw@hooks.example.com/", "a webhook URL holds no user name or password; "
     "the signature authenticates the hub"),
    ("https://user@hooks.example.com/", "a webhook URL holds no user name or password; "
     "the signature authenticates the hub"),
    ("https://:pw@hooks.example.com/", "a webhook URL holds no user name or password; "
     "the signature authenticates the hub"),
    ("https://hooks.example.com:0/x", "a webhook URL needs a real port"),
    ("http://hooks.example.com/x", "a webhook URL uses https (plain http only to this "
     "machine, for testing)"),
    ("http://10.0.0.1/x", "a webhook URL uses https (plain http only to this machine, for "
     "testing)"),
    ("https://10.1.2.3/hook", "10.1.2.3 resolves to 10.1.2.3" + PRIVATE_HINT),
    ("https://[fe80::1]/x", "fe80::1 resolves to fe80::1" + PRIVATE_HINT),
    ("https://0.0.0.0/x", "0.0.0.0 resolves to 0.0.0.0, which cannot receive a webhook"),
    ("https://[ff02::1]/x", "ff02::1 resolves to ff02::1, which cannot receive a webhook"),
])
def test_url_refusals(url, message):
    refused(w.WebhookError, message, w.check_url, url)


@pytest.mark.parametrize("url", [
    "https://hooks.example.com:1/x", "https://hooks.example.com:65535/x",
    "HTTPS://hooks.example.com/x", "http://app.localhost:8080/x", "https://localhost/x",
    "http://[::ffff:127.0.0.1]:8080/x"])
def test_urls_accepted_at_their_edges(url):
    assert w.check_url(f"  {url} ") == url


def test_a_public_name_resolving_to_a_private_address_is_refused_with_the_setting_named():
    refusal = w.address_refusal("hooks.example.com", ipaddress.ip_address("192.168.1.5"), False)
    assert refusal == "hooks.example.com resolves to 192.168.1.5" + PRIVATE_HINT
    refusal = w.address_refusal("localhost", ipaddress.ip_address("10.0.0.5"), True)
    assert refusal == "localhost resolves to 10.0.0.5, which is not loopback"


@pytest.mark.parametrize("hidden", ["\x85", "\x9f", "\u200b", "\u202e", "\ufeff"])
def test_a_secret_holds_no_c1_control_or_invisible_format_character(hidden):
    # They pass a look at the terminal and break the signature on the receiving side.
    with pytest.raises(w.WebhookError, match="^a secret holds no control characters$"):
        w.check_secret("s" * 16 + hidden)
    assert w.check_secret("s" * 16 + "é") == "s" * 16 + "é"
