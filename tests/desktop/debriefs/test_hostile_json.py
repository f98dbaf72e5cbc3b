"""Hostile input for `fieldnote debriefs add --json`: generated debriefs of every shape, random
and corrupted bytes, and every file of `tests/data/hostile/debrief-json/` that once broke
something, through the real command path.

Whatever the file, the command never prints a traceback or an "unexpected error" and exits
- 2 when the file cannot be used (not UTF-8, not JSON, not an object or a list): one line on
  stderr, nothing on stdout, the store unchanged;
- 1 when some debriefs were rejected: one line per problem (`debrief N: FIELD: reason`) and a
  closing line saying how many were rejected and how many queued; with none queued the store
  is unchanged;
- 0 when every debrief was queued ("Queued N debrief(s) for sync.").
The store holds exactly as many new debriefs as the command says it queued (fewer only when
a file names one id twice).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.app import main
from desktop.store import open_store
from fieldnote.kinds import CALL_TYPES, DEBRIEF_OUTCOMES, DEBRIEF_STAGES, DEBRIEF_STATUSES

HOSTILE = Path(__file__).resolve().parents[2] / "data" / "hostile" / "debrief-json"
CORPUS = sorted(p for p in HOSTILE.iterdir() if not p.name.startswith("."))
SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TABLES = ("rec_debrief", "outbox", "local_marks", "sync_state")

# One migrated store, copied for each run (a fresh data folder per input, made fast).
_TEMPLATE = Path(tempfile.mkdtemp()) / "fieldnote.sqlite3"
open_store(_TEMPLATE).engine.dispose()

PROBLEM_LINE = re.compile(r"debrief \d+: [^:\n]+: .+")
SUMMARY_LINE = re.compile(r"fieldnote: (\d+) of (\d+) debrief\(s\) rejected \(numbered from 0 "
                          r"above\); the (\d+) good one\(s\) are queued for sync\.")


def snapshot(data_dir: Path) -> dict[str, list]:
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        with store.engine.connect() as conn:
            return {t: conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1").all() for t in TABLES}
    finally:
        store.engine.dispose()


def add(data: bytes) -> None:
    """Run `debriefs add --json FILE` on `data` in a fresh data folder and hold the command to
    the promises of this module's docstring."""
    folder = Path(tempfile.mkdtemp())
    try:
        data_dir = folder / "data"
        data_dir.mkdir()
        shutil.copy(_TEMPLATE, data_dir / "fieldnote.sqlite3")
        path = folder / "debriefs.json"
        path.write_bytes(data)
        before = snapshot(data_dir)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["debriefs", "add", "--json", str(path), "--data-dir", str(data_dir)])
        stdout, stderr = out.getvalue(), err.getvalue()
        assert "Traceback" not in stderr and "unexpected error" not in stderr, stderr
        after = snapshot(data_dir)
        added = len(after["rec_debrief"]) - len(before["rec_debrief"])
        if code == 2:
            assert stdout == ""
            assert stderr.count("\n") == 1 and stderr.endswith("\n"), stderr
            assert stderr.startswith(f"fieldnote: {path.name}") or stderr.startswith(
                f"fieldnote: {path}"), stderr
            assert after == before
            return
        if code == 1:
            *problems, summary = stderr.splitlines()
            assert problems and all(PROBLEM_LINE.fullmatch(line) for line in problems), stderr
            match = SUMMARY_LINE.fullmatch(summary)
            assert match, summary
            rejected, total, queued = map(int, match.groups())
            assert rejected >= 1 and rejected + queued == total
            assert stdout == ""
        else:
            assert code == 0, (code, stderr)
            assert stderr == ""
            match = re.fullmatch(r"Queued (\d+) debrief\(s\) for sync\.\n", stdout)
            assert match, stdout
            queued = int(match.group(1))
        if queued == 0:
            assert after == before
        else:
            assert 1 <= added <= queued
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_file_that_once_broke_something_gets_its_documented_answer(path, capsys):
    add(path.read_bytes())
    # The name says which answer: refused (2), rejected (1, nothing queued) or read (0).
    expected = {"refused": 2, "rejected": 1, "read": 0}[path.name.split("-")[0]]
    out, err = io.StringIO(), io.StringIO()
    folder = Path(tempfile.mkdtemp())
    try:
        shutil.copy(_TEMPLATE, folder / "fieldnote.sqlite3")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["debriefs", "add", "--json", str(path), "--data-dir", str(folder)])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert code == expected, err.getvalue()
    if expected == 1:
        assert "the 0 good one(s) are queued" in err.getvalue()


# -- generated input -------------------------------------------------------------------------

json_scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
                | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                           max_leaves=12)
dates = st.dates().map(lambda d: d.isoformat())
uuids = st.uuids().map(str)
texts = st.text(max_size=40) | st.text(alphabet=string.printable, min_size=190, max_size=260)


def plausible_or_not(good: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(good, json_values)


collateral_entry = st.fixed_dictionaries({}, optional={
    "collateral_id": plausible_or_not(uuids), "helpful": plausible_or_not(st.sampled_from(
        [True, False, None]))})
debrief = st.fixed_dictionaries({}, optional={
    "id": plausible_or_not(uuids),
    "account": plausible_or_not(texts),
    "contacts": plausible_or_not(texts),
    "lead_id": plausible_or_not(uuids),
    "call_date": plausible_or_not(dates),
    "follow_up_on": plausible_or_not(dates),
    "call_type": plausible_or_not(st.sampled_from(CALL_TYPES)),
    "stage": plausible_or_not(st.sampled_from(DEBRIEF_STAGES)),
    "outcome": plausible_or_not(st.sampled_from(DEBRIEF_OUTCOMES)),
    "status": plausible_or_not(st.sampled_from(DEBRIEF_STATUSES)),
    "why_buy": plausible_or_not(st.lists(texts, max_size=3)),
    "objections": plausible_or_not(st.lists(texts, max_size=3)),
    "collateral_used": plausible_or_not(st.lists(collateral_entry, max_size=3)),
    "notes": plausible_or_not(texts),
    "author_id": uuids,
    "surprise": json_values,
})
documents = st.one_of(debrief, st.lists(debrief, max_size=5), json_values)


@SETTINGS
@given(documents, st.booleans())
@example({"account": "Acme", "call_date": "2026-11-20"}, False)
@example([{"account": "Acme", "call_date": "2026-11-20"}, {"account": ""}], True)
def test_generated_debrief_files_get_a_clear_answer_and_lose_nothing(document, ascii_only):
    add(json.dumps(document, ensure_ascii=ascii_only).encode("utf-8"))


@SETTINGS
@given(documents, st.data())
def test_corrupted_debrief_files_get_a_clear_answer_and_change_nothing_they_refuse(document, data):
    raw = bytearray(json.dumps(document).encode("utf-8"))
    how = data.draw(st.sampled_from(["cut", "flip", "insert"]))
    at = data.draw(st.integers(0, len(raw)))
    if how == "cut":
        raw = raw[:at]
    elif how == "flip" and raw:
        raw[min(at, len(raw) - 1)] ^= data.draw(st.integers(1, 255))
    else:
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
    add(bytes(raw))


@SETTINGS
@given(st.binary(max_size=200))
def test_random_bytes_get_a_clear_answer(data):
    add(data)
