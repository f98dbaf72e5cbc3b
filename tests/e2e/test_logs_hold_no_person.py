"""No personal data in logs, end to end: the real `fieldnote-hub serve` in its own process
(its stdout and stderr kept whole) and two devices driven by the real `fieldnote` commands
(each writes its log file in its data folder), through capture, import of a file with a bad
row, sync, a look-up by email, conflicting edits, a CRM export, a person's export and erasure.
Afterwards no log line of either side, at the default level, holds a visitor's name, email
address, phone number or notes (docs/privacy.md, "Logs")."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from desktop.logs import setup_logging
from desktop.store import open_store
from desktop.store.db import DB_FILE
from fieldnote.wire import PROTOCOL_HEADER, PROTOCOL_VERSION
from hub import accounts
from hub.db.engine import make_engine
from hub.embedded import free_port

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, FIELDNOTE_NO_KEYCHAIN="1", QT_QPA_PLATFORM="offscreen",
           PYTHONPATH=str(ROOT))
PASSWORD = "correct horse battery"

# The visitors: every string below is distinctive enough to be found only where it was put.
CAPTURED = {"first_name": "Xanthippe", "last_name": "Quillfeather",
            "email": "xanthippe.quill@example.org", "phone": "+44 20 7946 0321",
            "company": "Quillfeather Looms", "notes": "wants the vermilion brochure"}
IMPORTED = ("Bartholomew", "Ngatawhitlock", "bart.ngata@example.net", "Ngatawhitlock Salvage")
BAD_ROW = ("Ottoline", "Vexworthy", "ottoline-at-vexworthy")
EDIT_NOTE = "called back about the tangerine samples"
OTHER_NOTE = "met again at the marmalade stand"
DEBRIEF_NOTE = "Xanthippe asked for a quote by Friday"
OUTCOME_NOTE = "signed with Quillfeather in person"

TRACES = (*{v for k, v in CAPTURED.items() if k != "phone"}, "7946 0321", *IMPORTED, *BAD_ROW,
          EDIT_NOTE, OTHER_NOTE, DEBRIEF_NOTE, OUTCOME_NOTE, "Xanthippe", "Quillfeather",
          "xanthippe.quill", "bart.ngata", "vermilion", "tangerine", "marmalade")


class Hub:
    """`fieldnote-hub serve` at its default log level, every line it prints kept."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir()
        self.db_url = f"sqlite:///{folder / 'hub.sqlite3'}"
        self.url = f"http://127.0.0.1:{free_port()}"
        self.lines: list[str] = []
        self._ready = threading.Event()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "hub", "serve", "--db", self.db_url, "--blobs",
             str(folder / "blobs"), "--port", self.url.rsplit(":", 1)[1]],
            cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self._ready.wait(60) or self.proc.poll() is not None:
            self.stop()
            raise AssertionError("the hub did not start:\n" + "".join(self.lines))

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if "Uvicorn running on" in line:
                self._ready.set()
        self._ready.set()

    def add_user(self, email: str, name: str, role: str) -> None:
        engine = make_engine(self.db_url, pool_size=1)
        try:
            accounts.add_user(engine, email=email, name=name, role=role, team="north",
                              password=PASSWORD)
        finally:
            engine.dispose()

    def session(self, email: str) -> requests.Session:
        session = requests.Session()
        session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        answer = session.post(f"{self.url}/v1/auth/token", timeout=60, json={
            "email": email, "password": PASSWORD, "device_name": "tests"})
        answer.raise_for_status()
        session.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        return session

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(30)
        self._reader.join(10)
        return "".join(self.lines)


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    live = Hub(tmp_path / "hub")
    yield live
    live.stop()


def fieldnote(data_dir: Path, *args: str, stdin: str | None = None,
              ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "desktop", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=ENV, input=stdin, timeout=120)
    assert done.returncode in ok, (args, done.returncode, done.stderr)
    return done


def hub_command(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "hub", *args], capture_output=True, text=True,
                          env=ENV, cwd=ROOT, timeout=120)
    assert done.returncode == 0, (args, done.stderr)
    return done


class InProcess:
    """Work done in this process on a device's store, logging into that device's log file as
    the app does."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def __enter__(self) -> Any:
        setup_logging(self.data_dir)
        self.store = open_store(self.data_dir / DB_FILE)
        return self.store

    def __exit__(self, *_exc: object) -> None:
        self.store.engine.dispose()
        setup_logging(None)


def log_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and ".log" in p.name)


def test_no_log_of_either_side_names_a_visitor(hub: Hub, tmp_path: Path) -> None:
    hub.add_user("rep@example.com", "Rita Rep", "rep")
    hub.add_user("marketer@example.com", "Mia Marketer", "marketer")
    hub.add_user("admin@example.com", "Ada Admin", "admin")
    rep, marketer = tmp_path / "rep", tmp_path / "marketer"
    for folder, email in ((rep, "rep@example.com"), (marketer, "marketer@example.com")):
        fieldnote(folder, "signin", "--hub", hub.url, "--email", email, "--password-stdin",
                  stdin=PASSWORD + "\n")

    with InProcess(marketer) as store:
        event = store.save("event", {"name": "Loom Expo", "starts_on": "2026-11-20"}).record_id
    fieldnote(marketer, "sync")
    fieldnote(rep, "sync")

    # Capture on the rep's device, with a debrief and an outcome; then an import of the
    # organiser's file, one row of which is bad.
    with InProcess(rep) as store:
        lead = store.save("lead", {**CAPTURED, "event_id": event, "source": "manual",
                                   "grade": "hot", "qualified": True,
                                   "captured_at": "2026-11-20T10:00:00Z"}).record_id
        store.save("debrief", {"account": CAPTURED["company"], "lead_id": lead,
                               "call_date": "2026-11-29", "status": "submitted",
                               "contacts": "Xanthippe Quillfeather", "notes": DEBRIEF_NOTE})
        store.save("lead_outcome", {"lead_id": lead, "status": "won", "amount": 1200.0,
                                    "at": "2026-11-30T10:00:00Z", "note": OUTCOME_NOTE})
    organiser = tmp_path / "organiser.csv"
    first, last, email, company = IMPORTED
    organiser.write_text(
        "First Name,Last Name,Email,Company,Consent\n"
        f"{first},{last},{email},{company},yes\n"
        f"{BAD_ROW[0]},{BAD_ROW[1]},{BAD_ROW[2]},,maybe\n"
        ",,,,\n", encoding="utf-8")
    fieldnote(rep, "leads", "import", str(organiser), "--event", "Loom Expo")
    fieldnote(rep, "sync")
    fieldnote(marketer, "sync")

    # Both edit the captured lead's notes: the second push meets a conflict.
    with InProcess(rep) as store:
        store.save("lead", {"notes": EDIT_NOTE}, lead)
    with InProcess(marketer) as store:
        store.save("lead", {"notes": OTHER_NOTE}, lead)
    fieldnote(marketer, "sync", ok=(0, 4))
    fieldnote(rep, "sync", ok=(0, 4))

    # Look-ups (the address travels in the request's query), exports.
    fieldnote(rep, "leads", "lookup", CAPTURED["email"])
    fieldnote(marketer, "leads", "lookup", "nobody.known@example.org")
    fieldnote(marketer, "leads", "export", "--format", "salesforce", "-o",
              str(tmp_path / "crm.csv"))
    fieldnote(marketer, "leads", "export", "--format", "vcard", "-o", str(tmp_path / "all.vcf"))
    admin = hub.session("admin@example.com")
    answer = admin.post(f"{hub.url}/v1/admin/person/export", json={"email": email}, timeout=60)
    assert answer.status_code == 200 and last in answer.text
    hub_command("person", "export", "--email", email, "-o", str(tmp_path / "person.json"),
                "--db", hub.db_url)

    # The captured visitor is erased while the rep has another edit of her waiting.
    with InProcess(rep) as store:
        store.save("lead", {"notes": f"{EDIT_NOTE} again"}, lead)
    answer = admin.post(f"{hub.url}/v1/admin/person/erase",
                        json={"email": CAPTURED["email"]}, timeout=60)
    assert answer.status_code == 200 and answer.json()["leads"] == 1
    fieldnote(rep, "sync", ok=(0, 4))
    fieldnote(marketer, "sync", ok=(0, 4))
    # And an old file with her in it is imported again: the hub refuses it for a decision.
    again = tmp_path / "old.csv"
    again.write_text(f"First Name,Last Name,Email\n{CAPTURED['first_name']},"
                     f"{CAPTURED['last_name']},{CAPTURED['email']}\n", encoding="utf-8")
    fieldnote(rep, "leads", "import", str(again), "--event", event)
    fieldnote(rep, "sync", ok=(4,))

    # The window opens on both devices, the first lead shown (its start and Qt's messages are
    # logged too).
    for device in (rep, marketer):
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(device), "--screenshot",
             str(tmp_path / f"{device.name}.png"), "--page", "leads", "--select-first"],
            capture_output=True, text=True, env=ENV, timeout=120)
        assert done.returncode == 0, done.stderr
    hub_output = hub.stop()
    # With the hub gone: the look-up answers from the cache and says why; sync fails.
    fieldnote(marketer, "leads", "lookup", IMPORTED[2])
    fieldnote(rep, "sync", ok=(2,))
    assert "GET /v1/leads/lookup" in hub_output, "the access log is on"
    logs = {f"{device.name}/{p.relative_to(device)}": p.read_text("utf-8", errors="replace")
            for device in (rep, marketer) for p in log_files(device)}
    assert {"rep/fieldnote.log", "marketer/fieldnote.log"} <= set(logs)
    logs["hub output"] = hub_output
    found = [(name, text, line.strip()) for name, content in logs.items()
             for line in content.splitlines() for text in TRACES
             if text.lower() in line.lower()]
    assert found == []
