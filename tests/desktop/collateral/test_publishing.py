"""Publishing a file: into the content-addressed cache, its text searchable, queued for upload."""

from __future__ import annotations

import hashlib

import pytest

from desktop.store.library_query import LibraryQuery
from desktop.store.local_files import FileProblem, files_in, guess_kind, pdf_text, title_from
from desktop.store.publishing import publish_file
from desktop.sync.blobs import open_file_cache
from tests.desktop.collateral.conftest import DEMO_PDF


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


def test_an_unreadable_pdf_is_published_without_text(tmp_path, store, library):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    assert pdf_text(bad) == ""
    cid = publish_file(library, open_file_cache(tmp_path), bad, {"title": "Broken"})
    assert store.get("collateral", cid)["text"] is None


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
