"""The mail worker: a background thread in every hub process (beside the webhook worker) that
mails due collateral sends (`hub.mailing`) through the company's SMTP relay and records each
result on the send.

Pushes never wait for it: they only write outbox rows and wake it. A refusal of the
recipient or the message (an SMTP 5xx answer) fails the send at once with the relay's words;
anything else (the relay unreachable, a 4xx answer, a timeout) is tried again with backoff.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import Engine

from hub import mailing
from hub.outbox import OutboxWorker

log = logging.getLogger(__name__)

TIMEOUT_S = 20.0
LEASE_S = 120.0
BATCH = 10
POLL_S = 5.0


def message_of(mail: mailing.Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mail.relay.from_address
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Message-ID"] = make_msgid(domain=mail.relay.from_address.rsplit("@", 1)[-1])
    message.set_content(mail.text)
    return message


def deliver(mail: mailing.Mail) -> None:
    """Hand one mail to the relay; raises smtplib's and the socket's errors."""
    relay = mail.relay
    with smtplib.SMTP(relay.host, relay.port, timeout=TIMEOUT_S) as smtp:
        smtp.ehlo()
        if relay.starttls:
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if relay.user:
            smtp.login(relay.user, mail.password or "")
        smtp.send_message(message_of(mail))


def _reason(exc: BaseException) -> tuple[str, bool]:
    """The words of a failed attempt, and whether trying again cannot help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [(code, msg) for code, msg in exc.recipients.values()]
        code, msg = codes[0] if codes else (0, b"")
        text = msg.decode("utf-8", "replace") if isinstance(msg, bytes) else str(msg)
        return f"the relay refused the address ({code} {text})"[:500], code >= 500
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "the relay refused the user name or password", False
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(
            exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"the relay answered {exc.smtp_code} {text}"[:500], exc.smtp_code >= 500
    if isinstance(exc, ssl.SSLError | smtplib.SMTPNotSupportedError):
        return f"STARTTLS failed: {exc}"[:500], False
    if isinstance(exc, TimeoutError):
        return "the relay did not answer in time", False
    if isinstance(exc, OSError):
        return f"cannot reach the relay ({exc.strerror or exc})"[:500], False
    return f"{type(exc).__name__}: {exc}"[:500], False


class MailWorker(OutboxWorker):
    """Mails due sends until stopped; started and stopped with the hub's app."""

    thread_name = "fieldnote-mail"
    what = "collateral mails"

    def __init__(self, engine: Engine, *, poll_s: float = POLL_S, lease_s: float = LEASE_S
                 ) -> None:
        super().__init__(engine, mailing.WAKEUPS, mailing.next_due, poll_s=poll_s,
                         lease_s=lease_s)

    def run_once(self) -> int:
        """Claim and handle one batch of due mails; how many were handled."""
        if not self.due_now():
            return 0
        claimed = mailing.claim(self.engine, BATCH, self.lease_s)
        for item in claimed:
            self._attempt(item)
        return len(claimed)

    def _attempt(self, item: mailing.Claimed) -> None:
        mail = mailing.prepare(self.engine, item)
        if mail is None:
            return
        try:
            deliver(mail)
        except Exception as exc:  # every failure of one attempt is that attempt's result
            error, permanent = _reason(exc)
            log.info("collateral send %s: mail failed: %s", item.send_id, error)
            mailing.record_failure(self.engine, item, error, permanent)
            return
        mailing.record_sent(self.engine, item, mail)
