"""Every PDF report prints names in any script whole: one shipped font setup with fallbacks.

pypdf's extraction is the reader here. What it gives back, and how it is compared:
- Latin, Greek, Cyrillic, Vietnamese, CJK and Korean come back exactly as typed.
- Hebrew comes back in logical order (pypdf puts right-to-left runs back in reading order).
- Arabic is drawn in its joined presentation forms (U+FB50–U+FEFF, what arabic-reshaper
  chooses) and comes back in logical order as those forms; Unicode compatibility normalisation
  (NFKC) maps them to the letters typed, so the names are compared after NFKC.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from desktop.reports import fonts
from desktop.reports.debriefs import debrief_pdf, digest_pdf
from desktop.reports.insights import build_report
from desktop.reports.leads import build_event_report
from fieldnote.insights import InsightFilters
from resources.paths import resource_path
from tests.desktop.insights.conftest import insights, store  # noqa: F401 - fixtures
from tests.desktop.insights.fixture_data import TODAY

NAMES = ["Łukasz Wiśniewski", "Nguyễn Thị Hương", "Дмитрий Иванов", "Γιώργος Παπαδόπουλος",
         "محمد العلي", "דוד כהן", "王小明", "山田太郎", "김민준"]


def normalised(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def pdf_text(pdf: bytes) -> str:
    return normalised("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def base_fonts(pdf: bytes) -> set[str]:
    found = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            found.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return found


def assert_names_whole(pdf: bytes) -> None:
    text = pdf_text(pdf)
    missing = [name for name in NAMES if normalised(name) not in text]
    assert missing == []
    assert "\ufffd" not in text and "■" not in text
    # Only the shipped fonts are embedded: no base-14 Helvetica that has no Ł, no Hangul.
    assert base_fonts(pdf) and all("Noto" in f for f in base_fonts(pdf)), base_fonts(pdf)


def lead(name: str) -> dict[str, object]:
    first, _, last = name.partition(" ")
    return {"first_name": first, "last_name": last or None, "company": f"{name} GmbH",
            "email": "x@example.com", "owner_name": name, "captured_at": "2026-11-24T10:15:00Z",
            "grade": "hot", "qualified": True}


def test_the_leads_report_prints_every_name_whole():
    assert_names_whole(build_event_report(f"Expo {NAMES[0]}", [lead(n) for n in NAMES]))


def test_a_debrief_and_the_digest_print_every_name_whole():
    items = [{"account": name, "contacts": name, "author": name, "call_date": "2026-11-20",
              "objections": [name], "notes": f"Spoke with {name}."} for name in NAMES]
    assert_names_whole(digest_pdf(items))
    one = debrief_pdf({"account": "Acme", "contacts": ", ".join(NAMES)})
    assert_names_whole(one)


def test_the_insights_report_prints_every_name_whole(insights):  # noqa: F811 - the fixture
    figures = dict(insights.compute(InsightFilters(), today=TODAY))
    figures["objections"] = {name: i + 1 for i, name in enumerate(NAMES)}
    figures["competitors"] = {name: 1 for name in NAMES[:5]}
    assert_names_whole(build_report(figures, title=f"Insights {NAMES[4]}"))


@pytest.mark.parametrize("name", NAMES)
def test_every_character_of_the_names_is_in_a_shipped_font(name):
    pieces = fonts.runs(fonts.visual(name))
    assert "".join(p for p, _f in pieces).count(fonts.MISSING) == 0
    assert fonts.width(name, 10) > 0


def test_scripts_go_to_their_own_fonts_and_a_character_none_has_is_a_visible_mark():
    pieces = fonts.runs("Łukasz 王小明 דוד 김민준 😀")
    assert [f for _p, f in pieces] == ["FieldnoteSans", "FieldnoteSC", "FieldnoteHebrew",
                                       "FieldnoteKR", "FieldnoteSans"]
    assert pieces[-1][0] == fonts.MISSING
    assert fonts.runs("Łukasz", bold=True) == [("Łukasz", "FieldnoteSans-Bold")]


def test_arabic_is_joined_and_right_to_left_text_is_drawn_in_visual_order():
    drawn = fonts.visual("محمد")
    # Joined forms (initial, medial, medial, final), drawn right to left: the final form first.
    assert [unicodedata.name(c).split()[-2] for c in drawn] == ["FINAL", "MEDIAL", "MEDIAL", "INITIAL"]
    assert normalised(drawn[::-1]) == "محمد"
    assert fonts.visual("דוד כהן") == "ןהכ דוד"
    assert fonts.visual("Łukasz") == "Łukasz"


def test_markup_escapes_what_was_typed_and_names_the_fallback_font():
    assert fonts.markup("<b>王</b> & x") == '&lt;b&gt;<font name="FieldnoteSC">王</font>&lt;/b&gt; &amp; x'


def test_the_fonts_and_their_licence_ship_with_the_app():
    for _name, regular, bold in fonts.FAMILIES:
        for file in (regular, bold):
            if file is not None:
                assert resource_path("fonts", file).stat().st_size > 10_000
    assert "SIL Open Font License" in resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("horizontal", [True, False])
def test_chart_labels_and_legends_draw_each_name_in_a_font_that_has_it(horizontal):
    from reportlab.graphics import renderPDF

    from desktop.reports.insights import bar_chart

    series = [(name, [1.0] * len(NAMES)) for name in NAMES[3:8]]
    drawing = bar_chart(NAMES, series, title=NAMES[4], horizontal=horizontal, height=300)
    text = pdf_text(renderPDF.drawToString(drawing))
    # Category labels are cut at 26 (14 upright) characters, legend names at 18.
    for name in NAMES:
        assert normalised(name[:12]) in text, name
    assert "\ufffd" not in text


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_the_fast_path_for_body_font_text_agrees_with_the_per_character_rule(text):
    body = fonts._coverage()[0]
    if not fonts.needs_markup(text):
        assert all(ord(c) in body or c in "\n\t" for c in text) and not fonts.is_rtl(text)
        assert fonts.runs(text) == ([(text, fonts.REGULAR)] if text else [])
    shown = "".join(piece for piece, _font in fonts.runs(text))
    assert len(shown) == len(text)
    assert all(s == t or s == fonts.MISSING for s, t in zip(shown, text, strict=True))
