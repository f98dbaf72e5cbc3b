"""Publishing a file: into the content-addressed cache, its text searchable, queued for upload."""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile

import pytest

from desktop.store.library_query import LibraryQuery
from desktop.store.local_files import FileProblem, files_in, guess_kind, pdf_text, title_from
from desktop.store.publishing import check_file, publish_file
from desktop.sync.blobs import open_file_cache
from tests.desktop.collateral.conftest import DEMO_PDF
from tests.support.files import image_bytes, ooxml_bytes, pdf_bytes, write


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return out.getvalue()


def test_a_published_pdf_is_cached_under_its_hash_and_found_by_a_word_inside_it(tmp_path, store, library):
    blobs = open_file_cache(tmp_path)
    cid = publish_file(library, blobs, DEMO_PDF, {"title": "Sheet", "kind": "sell_sheet",
                                                 "status": "approved"})
    row = store.get("collateral", cid)
    sha = hashlib.sha256(DEMO_PDF.read_bytes()).hexdigest()
    assert (row["file_sha256"], row["file_size"], row["mime_type"]) == (
        sha, DEMO_PDF.stat().st_size, "application/pdf")
    assert blobs.path_if_verified(sha) == tmp_path / "blobs" / sha
    # "Semantic" appears in the PDF's body, not in the title, summary or tags given here.
    assert "semantic" in row["text"].lower()
    assert library.ids(LibraryQuery(search="semantic")) == [cid]
    [entry] = store.outbox_entries()
    assert entry["fields"]["file_sha256"] == sha
    assert library.pending_uploads()[0]["sha256"] == sha


def test_a_pdf_without_text_is_published_and_found_by_its_title(tmp_path, store, library):
    blank = write(tmp_path / "blank.pdf", pdf_bytes())
    assert pdf_text(blank) == ""
    cid = publish_file(library, open_file_cache(tmp_path), blank, {"title": "Blank"})
    assert store.get("collateral", cid)["text"] is None


def _nothing_written(tmp_path, store) -> bool:
    blobs = tmp_path / "blobs"
    return store.outbox_entries() == [] and (not blobs.exists() or not any(blobs.iterdir()))


# Each of these published as approved collateral before the check (random bytes named .pdf
# went to every rep); now each is refused with its reason and nothing is written.
NOT_WHAT_THEY_SAY = [
    ("random.pdf", os.urandom(4096), "not a readable PDF"),
    ("header-only.pdf", b"%PDF-1.4\nthis is not really a pdf", "not a readable PDF"),
    ("truncated.pdf", DEMO_PDF.read_bytes()[: DEMO_PDF.stat().st_size // 3], "not a readable PDF"),
    ("no-pages.pdf", pdf_bytes(pages=0), "no pages"),
    ("random.png", os.urandom(4096), "not a readable PNG image"),
    ("jpeg-inside.png", image_bytes("JPEG"), "not a readable PNG image"),
    ("truncated.png", image_bytes("PNG", 400, 300)[:300], "not a readable PNG image"),
    ("truncated.jpg", image_bytes("JPEG", 400, 300)[:400], "not a readable JPEG image"),
    ("random.jpeg", os.urandom(2048), "not a readable JPEG image"),
    ("random.docx", os.urandom(4096), "not a readable Word document"),
    ("spreadsheet.docx", ooxml_bytes(".xlsx"), "another kind"),
    ("no-types.pptx", _zip({"ppt/presentation.xml": "<p/>"}), "no [Content_Types].xml"),
    ("random.xlsx", b"PK\x03\x04" + os.urandom(100), "not a readable Excel workbook"),
    ("empty-zip.key", _zip({}), "empty container"),
    ("random.doc", os.urandom(512), "not a readable Word document"),
    ("csv.xls", b"name,email\nAda,ada@example.com\n", "not a readable Excel workbook"),
    ("random.mp4", os.urandom(512), "not a readable MP4 video"),
    ("random.webm", os.urandom(512), "not a readable WebM video"),
    ("binary.txt", b"\x00\x01\x02binary\x00", "not a text file"),
]


@pytest.mark.parametrize(("name", "data", "reason"), NOT_WHAT_THEY_SAY, ids=[n for n, _d, _r in NOT_WHAT_THEY_SAY])
def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_is_written(
        tmp_path, store, library, name, data, reason):
    path = write(tmp_path / "in" / name, data)
    with pytest.raises(FileProblem, match=re.escape(reason)) as refused:
        publish_file(library, open_file_cache(tmp_path), path, {"title": "x", "kind": "other"})
    assert "\n" not in str(refused.value) and str(refused.value).startswith(name)
    assert _nothing_written(tmp_path, store)


GENUINE = [
    ("deck.pdf", pdf_bytes(pages=2)),
    ("photo.png", image_bytes("PNG")),
    ("photo.jpg", image_bytes("JPEG")),
    # A phone's motion photo: the video rides after the picture's end marker.
    ("motion-photo.jpg", image_bytes("JPEG", 400, 300) + b"\x00\x00\x00\x18ftypmp42" + os.urandom(20_000)),
    ("trailing-data.png", image_bytes("PNG", 400, 300) + os.urandom(20_000)),
    ("brief.docx", ooxml_bytes(".docx")),
    ("slides.pptx", ooxml_bytes(".pptx")),
    ("prices.xlsx", ooxml_bytes(".xlsx")),
    ("talk.key", _zip({"Index/Document.iwa": "x"})),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
    ("clip.mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(100)),
    ("clip.mov", b"\x00\x00\x00\x14ftypqt  " + bytes(100)),
    ("clip.webm", b"\x1a\x45\xdf\xa3" + bytes(100)),
    ("notes.txt", "Grüße, Łukasz\n".encode()),
    ("legacy.txt", "Grüße".encode("cp1252")),
]


@pytest.mark.parametrize(("name", "data"), GENUINE, ids=[n for n, _d in GENUINE])
def test_each_kind_the_library_holds_publishes_when_it_is_what_its_name_says(tmp_path, store, library, name, data):
    path = write(tmp_path / "in" / name, data)
    cid = publish_file(library, open_file_cache(tmp_path), path, {"title": "x", "kind": "other"})
    assert store.get("collateral", cid)["file_name"] == name


def test_a_name_with_line_breaks_is_shown_on_one_line(tmp_path, library):
    path = write(tmp_path / "deck\nAPPROVED\r.pdf", os.urandom(64))
    with pytest.raises(FileProblem) as refused:
        check_file(path)
    assert str(refused.value).startswith("deck?APPROVED?.pdf is not a readable PDF")


def test_files_the_library_does_not_hold_are_refused_with_a_reason(tmp_path, library):
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(FileProblem, match="not a kind of file"):
        publish_file(library, open_file_cache(tmp_path), exe, {"title": "x"})
    with pytest.raises(FileProblem, match="empty"):
        publish_file(library, open_file_cache(tmp_path), empty, {"title": "x"})


def test_a_folder_gives_its_publishable_files_with_guessed_titles_and_kinds(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("edge-sensors-sell-sheet.pdf", "sub/case_study_acme.pdf", "notes.exe", ".hidden.pdf"):
        (tmp_path / name).write_bytes(b"x")
    found = files_in(tmp_path)
    assert [p.name for p in found] == ["edge-sensors-sell-sheet.pdf", "case_study_acme.pdf"]
    assert [guess_kind(p) for p in found] == ["sell_sheet", "case_study"]
    assert title_from(found[0]) == "Edge sensors sell sheet"
