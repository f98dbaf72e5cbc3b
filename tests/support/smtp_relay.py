"""A real SMTP server on loopback (aiosmtpd) standing in for a company's mail relay: it keeps
each message it accepts, and refuses one address with a 550 like a relay that knows no such
mailbox."""

from __future__ import annotations

import queue
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from sqlalchemy import Engine

from fieldnote.sending import relay_config
from hub import mailing
from hub.embedded import free_port

WAIT_S = 20
REFUSED = "nobody@refused.example"
LINK = re.compile(r"(https?://\S+/s/([A-Za-z0-9_-]+))")


@dataclass
class Relay:
    port: int
    got: queue.Queue[tuple[Envelope, EmailMessage]] = field(default_factory=queue.Queue)

    def next(self) -> tuple[Envelope, EmailMessage]:
        return self.got.get(timeout=WAIT_S)

    def use_for(self, engine: Engine) -> None:
        """Make this the hub's relay (`fieldnote-hub mail set`)."""
        mailing.set_relay(engine, relay_config("127.0.0.1", self.port, False, None,
                                               "booth@company.example"), None)


def text_of(mail: EmailMessage) -> str:
    body = mail.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def first_link(mail: EmailMessage) -> tuple[str, str]:
    """The first personal link in a mail: (its URL, its token)."""
    found = LINK.search(text_of(mail))
    assert found is not None, text_of(mail)
    return found.group(1), found.group(2)


def running_relay() -> Iterator[Relay]:
    box = Relay(free_port())

    class Handler:
        async def handle_RCPT(self, server: Any, session: Any, envelope: Envelope,  # noqa: N802
                              address: str, options: list[str]) -> str:
            if address == REFUSED:
                return "550 5.1.1 no such mailbox"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server: Any, session: Any,  # noqa: N802
                              envelope: Envelope) -> str:
            parsed = message_from_bytes(envelope.original_content or b"", policy=policy.default)
            assert isinstance(parsed, EmailMessage)
            box.got.put((envelope, parsed))
            return "250 Message accepted"

    controller = Controller(Handler(), hostname="127.0.0.1", port=box.port)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()
