"""Hostile files for collateral publishing: generated and corrupt files through the real
`fieldnote collateral publish` path and the publishing function the window uses, and every
file of `tests/data/hostile/collateral/` that once broke something.

Whatever the file and its name, publishing either publishes it (exit 0, the new id on stdout)
or refuses it (exit 1, one line on stderr naming the file, nothing written: no item, no outbox
entry, no file in the cache), never prints a traceback or an "unexpected error".
"""

from __future__ import annotations

import contextlib
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.app import main
from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.store.file_check import shown_name
from desktop.store.local_files import PUBLISHABLE, FileProblem
from desktop.store.publishing import check_file, publish_file
from desktop.sync.blobs import open_file_cache
from tests.support.files import image_bytes, ooxml_bytes, pdf_bytes

HOSTILE = Path(__file__).resolve().parents[2] / "data" / "hostile" / "collateral"
CORPUS = sorted(p for p in HOSTILE.iterdir() if not p.name.startswith((".", "README")))
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
MARKETER = {"id": "01972fde-7e80-7328-a2f3-a964fce864df", "email": "mia@example.com",
            "name": "Mia", "role": "marketer", "team": "north"}
SUFFIXES = sorted(PUBLISHABLE)
# Qt's image decoders say what is wrong with a damaged picture in warnings of their own words
# ("Bogus Huffman table definition", "libpng warning: …"); what these tests hold is the outcome.
pytestmark = pytest.mark.no_qt_log


@pytest.fixture
def data_dir(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / DB_FILE)
    store.set_state("user", MARKETER)
    store.engine.dispose()
    return data


def snapshot(data_dir: Path):
    store = open_store(data_dir / DB_FILE)
    try:
        with store.engine.connect() as conn:
            tables = {t: conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1").all()
                      for t in ("rec_collateral", "outbox")}
    finally:
        store.engine.dispose()
    blobs = data_dir / "blobs"
    return tables, sorted(p.name for p in blobs.iterdir()) if blobs.exists() else []


def publish(data_dir: Path, path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["collateral", "publish", str(path), "--title", "Hostile", "--kind", "other",
                     "--approve", "--data-dir", str(data_dir)])
    return code, out.getvalue(), err.getvalue()


def check_outcome(data_dir: Path, path: Path) -> int:
    """Publish `path` with the command and hold it to its promise; the exit code."""
    before = snapshot(data_dir)
    code, out, err = publish(data_dir, path)
    assert "Traceback" not in err and "unexpected error" not in err, err
    assert code in (0, 1), (code, err)
    if code == 1:
        assert out == ""
        assert err.endswith("\n") and err.count("\n") == 1, err
        assert err.startswith(f"fieldnote: {shown_name(path)} "), err
        assert snapshot(data_dir) == before
    else:
        assert err == "" and len(out.strip()) == 36
        tables, blobs = snapshot(data_dir)
        assert len(tables["rec_collateral"]) == len(before[0]["rec_collateral"]) + 1
        assert len(blobs) >= len(before[1])
    return code


def test_the_corpus_is_there():
    names = {p.name for p in CORPUS}
    assert {"refused-random-bytes.pdf", "refused-truncated.pdf", "refused-zip-bomb.docx",
            "refused-jpeg-named.png", "published-blank.pdf"} <= names


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_file_that_once_broke_publishing_gets_its_documented_outcome(data_dir, path):
    code = check_outcome(data_dir, path)
    assert code == (1 if path.name.startswith("refused-") else 0)


def test_a_zip_bomb_costs_the_check_a_bounded_read(tmp_path):
    bomb = HOSTILE / "refused-zip-bomb.docx"
    with zipfile.ZipFile(bomb) as zf:
        assert zf.getinfo("[Content_Types].xml").file_size > 60 * 1024 * 1024
    with pytest.raises(FileProblem, match="another kind"):
        check_file(bomb)


@pytest.mark.parametrize("name", [
    "",  # no stem: ".pdf" is a hidden file
    "x" * 240,
    "line\nbreak",
    "tab\tand\rreturn",
    "back\\slash\\path",
    "..",
    "rtl\u202eoverride",
    "emoji 😀",
    "ＷＩＤＥ",
])
def test_odd_names_are_one_line_and_refused_or_published_whole(data_dir, tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / f"{name}.pdf"
    path.write_bytes(os.urandom(512))
    check_outcome(data_dir, path)  # random bytes: refused, in one line whatever the name
    good = folder / f"{name}-good.pdf"
    good.write_bytes(pdf_bytes())
    # A real PDF publishes, unless its name makes it a hidden file (".pdf", "..-good.pdf").
    assert check_outcome(data_dir, good) == (1 if good.name.startswith(".") else 0)


def test_a_path_through_other_folders_and_one_that_is_a_folder(data_dir, tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "deck.pdf").write_bytes(pdf_bytes())
    assert check_outcome(data_dir, tmp_path / "a" / ".." / "a" / "b" / "deck.pdf") == 0
    assert check_outcome(data_dir, nested) == 1  # a folder is not a file
    assert check_outcome(data_dir, tmp_path / "missing" / "deck.pdf") == 1


def test_an_empty_file_of_every_kind_is_refused(data_dir, tmp_path):
    for suffix in SUFFIXES:
        path = tmp_path / f"empty{suffix}"
        path.write_bytes(b"")
        assert check_outcome(data_dir, path) == 1


@SETTINGS
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(min_size=1, max_size=2048))
def test_random_bytes_under_any_publishable_name(data_dir, tmp_path, suffix, data):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    check_outcome(data_dir, path)


_GENUINE = {".pdf": pdf_bytes(pages=2), ".png": image_bytes("PNG", 60, 40),
            ".jpg": image_bytes("JPEG", 60, 40), ".docx": ooxml_bytes(".docx"),
            ".pptx": ooxml_bytes(".pptx"), ".xlsx": ooxml_bytes(".xlsx")}


@st.composite
def damaged(draw):
    """A genuine file, then damaged: cut short, bytes overwritten, or noise put in."""
    suffix = draw(st.sampled_from(sorted(_GENUINE)))
    data = bytearray(_GENUINE[suffix])
    how = draw(st.sampled_from(["cut", "overwrite", "insert"]))
    at = draw(st.integers(0, len(data) - 1))
    noise = draw(st.binary(min_size=1, max_size=64))
    if how == "cut":
        data = data[:at]
    elif how == "overwrite":
        data[at:at + len(noise)] = noise
    else:
        data[at:at] = noise
    return suffix, bytes(data)


@SETTINGS
@given(case=damaged())
def test_damaged_files_are_refused_in_one_line_or_published_whole(tmp_path, store, library, case):
    # The function the window's publish dialog and its worker call, in process.
    suffix, data = case
    folder = tmp_path / "damaged"
    folder.mkdir(exist_ok=True)
    path = folder / f"file{suffix}"
    path.write_bytes(data)
    blobs_dir = tmp_path / "blobs"
    before = (len(store.outbox_entries()), sorted(blobs_dir.iterdir()) if blobs_dir.exists() else [])
    try:
        publish_file(library, open_file_cache(tmp_path), path, {"title": "x", "kind": "other"})
    except FileProblem as exc:
        assert "\n" not in str(exc) and str(exc).startswith(f"file{suffix} ")
        after = (len(store.outbox_entries()), sorted(blobs_dir.iterdir()) if blobs_dir.exists() else [])
        assert after == before
