"""Photos on a lead: turned upright, scaled to the long edge, re-encoded without the original's
metadata; and hostile files refused with a message before anything is decoded."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from desktop.ui.leads.photos import (
    JPEG_QUALITY,
    Photo,
    PhotoProblem,
    load_thumbnail,
    normalise_photo,
)
from fieldnote.attachments import PHOTO_MAX_BYTES, PHOTO_MAX_EDGE, problems, sniff
from tests.desktop.leads.media_samples import (
    GPS_SECRET,
    drawn_image,
    encode,
    jpeg_with_exif,
    png_bomb,
    png_with_text,
)


def decoded(photo: Photo) -> QImage:
    image = QImage.fromData(photo.data)
    assert not image.isNull()
    assert (image.width(), image.height()) == (photo.width, photo.height)
    return image


def is_red(colour: int) -> bool:
    c = QColor.fromRgba(colour)
    return c.red() > 180 and c.green() < 80 and c.blue() < 80


def test_a_large_camera_photo_is_turned_upright_scaled_and_loses_its_exif(qapp):
    # A 4000 × 3000 photo taken with the camera turned: its EXIF says "rotate 90° clockwise",
    # and it carries where it was taken.
    original = jpeg_with_exif(drawn_image(4000, 3000), orientation=6)
    assert GPS_SECRET in original
    photo = normalise_photo(original)
    assert photo.mime_type == "image/jpeg" and sniff(photo.data[:16]) == "image/jpeg"
    # Upright: portrait now, the long edge at the limit, the red corner at the top right.
    assert (photo.width, photo.height) == (PHOTO_MAX_EDGE * 3 // 4, PHOTO_MAX_EDGE)
    image = decoded(photo)
    assert is_red(image.pixel(image.width() - 10, 10)) and not is_red(image.pixel(10, 10))
    # Nothing of the original's metadata: no EXIF segment, no GPS, no comment.
    assert GPS_SECRET not in photo.data
    assert b"Exif" not in photo.data
    assert problems({"media": "photo", "mime_type": photo.mime_type, "file_sha256": "0" * 64,
                     "file_size": len(photo.data), "width": photo.width,
                     "height": photo.height}) == []


@pytest.mark.parametrize("orientation,red_at", [(1, "top_left"), (3, "bottom_right"),
                                                (8, "bottom_left")])
def test_each_orientation_tag_is_applied(qapp, orientation, red_at):
    photo = normalise_photo(jpeg_with_exif(drawn_image(400, 300), orientation))
    image = decoded(photo)
    w, h = image.width() - 6, image.height() - 6
    corners = {"top_left": (5, 5), "bottom_right": (w, h), "bottom_left": (5, h)}
    assert is_red(image.pixel(*corners[red_at]))
    assert (photo.width, photo.height) == ((300, 400) if orientation == 8 else (400, 300))


def test_a_small_photo_is_not_scaled_up(qapp):
    photo = normalise_photo(encode(drawn_image(640, 480), "jpg"))
    assert (photo.width, photo.height) == (640, 480)


def test_a_png_with_see_through_pixels_stays_png_and_loses_its_text(qapp):
    photo = normalise_photo(png_with_text(drawn_image(3000, 1000, alpha=True)))
    assert photo.mime_type == "image/png" and sniff(photo.data[:16]) == "image/png"
    assert (photo.width, photo.height) == (PHOTO_MAX_EDGE, round(PHOTO_MAX_EDGE / 3))
    assert GPS_SECRET not in photo.data
    image = decoded(photo)
    assert image.hasAlphaChannel() and QColor.fromRgba(image.pixel(image.width() - 5,
                                                                   image.height() - 5)).alpha() == 0


def test_an_opaque_png_becomes_a_jpeg(qapp):
    # A screenshot with an alpha channel but no see-through pixel: a JPEG is far smaller.
    image = drawn_image(800, 600).convertToFormat(QImage.Format.Format_ARGB32)
    photo = normalise_photo(png_with_text(image))
    assert photo.mime_type == "image/jpeg"
    assert GPS_SECRET not in photo.data


def test_a_webp_is_taken_too(qapp):
    photo = normalise_photo(encode(drawn_image(300, 200), "webp"))
    assert photo.mime_type == "image/jpeg" and (photo.width, photo.height) == (300, 200)


def test_the_photo_is_reencoded_at_the_house_quality_within_the_size_limit(qapp):
    photo = normalise_photo(encode(drawn_image(2000, 1500), "png"))
    assert len(photo.data) < PHOTO_MAX_BYTES
    assert 0 < JPEG_QUALITY <= 95


def test_a_file_on_disk_is_named_in_messages(qapp, tmp_path):
    path = tmp_path / "card.jpg"
    path.write_bytes(b"this is a text file, not a photo")
    with pytest.raises(PhotoProblem, match="card.jpg is not a photo"):
        normalise_photo(path)
    path.write_bytes(encode(drawn_image(300, 200), "jpg"))
    assert normalise_photo(path).width == 300


@pytest.mark.parametrize("make,says", [
    (lambda: b"", "is empty"),
    (lambda: b"%PDF-1.7\n" + b"x" * 100, "is not a photo"),
    (lambda: b"\x00\x00\x00\x18ftypM4A " + b"\0" * 100, "is not a photo"),
    (lambda: encode(drawn_image(800, 600), "jpg")[:-2000], "cut short"),
    (lambda: encode(drawn_image(800, 600), "png")[:-500], "cut short"),
    (lambda: jpeg_with_exif(drawn_image(800, 600), 6)[:400], "cut short"),
    (lambda: png_bomb(), "60000 × 60000 pixels"),
    (lambda: png_bomb(1_000_000, 100), "1000000 × 100 pixels"),
    # Within the pixel limit but its picture data far short of what the header says.
    (lambda: png_bomb(5_000, 4_000), "could not be read"),
    (lambda: encode(drawn_image(64, 64), "png")[:30], "cut short"),
])
def test_hostile_files_are_refused_with_a_message_before_decoding(qapp, make, says):
    with pytest.raises(PhotoProblem, match=says) as refused:
        normalise_photo(make(), name="upload.jpg")
    assert "nothing was attached" in str(refused.value)


def test_a_file_larger_than_any_photo_is_refused_unread(qapp, tmp_path):
    path = tmp_path / "huge.jpg"
    with path.open("wb") as fh:
        fh.truncate(65 * 1024 * 1024)
    with pytest.raises(PhotoProblem, match="over 64 MB"):
        normalise_photo(path)


def test_a_missing_file_says_it_could_not_be_opened(qapp, tmp_path):
    with pytest.raises(PhotoProblem, match="could not be opened"):
        normalise_photo(tmp_path / "gone.jpg")


def test_thumbnails_fit_their_box(qapp, tmp_path):
    path = tmp_path / "p.jpg"
    path.write_bytes(normalise_photo(encode(drawn_image(2000, 1000), "jpg")).data)
    thumb = load_thumbnail(path, 96)
    assert (thumb.width(), thumb.height()) == (96, 48)
    assert load_thumbnail(tmp_path / "none.jpg", 96).isNull()
