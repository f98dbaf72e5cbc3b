"""Real files of the kinds the collateral library holds, made in a test's folder.

Each is the smallest file the publishing check accepts as what its name says, so a test that
needs "a PDF" or "a picture" gets one without shipping binaries.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

OOXML_MAIN = {
    ".docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    ".pptx": ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
    ".xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
}


def pdf_bytes(pages: int = 1, padding: int = 0) -> bytes:
    """A PDF of blank pages; `padding` random bytes ride in the first page's content stream
    (as a comment), for a file of a given size that is still a PDF."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    if padding and pages:
        stream = StreamObject()
        stream.set_data(b"%" + os.urandom(padding // 2 + 1).hex().encode()[:padding] + b"\n")
        writer.pages[0][NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def ooxml_bytes(suffix: str) -> bytes:
    """A minimal Office Open XML container of the kind `suffix` names (.docx, .pptx, .xlsx)."""
    part, content_type = OOXML_MAIN[suffix]
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
             'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr(part, "<root/>")
    return out.getvalue()


def image_bytes(fmt: str = "PNG", width: int = 40, height: int = 30) -> bytes:
    """A small picture encoded by Qt (PNG or JPEG)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6feb"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt)
    buffer.close()
    return bytes(data.data())


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
