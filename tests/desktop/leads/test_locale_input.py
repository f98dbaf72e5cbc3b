"""Amounts and the rubric's numbers typed in a German, French or English window are stored as
the rep meant them (a German "1234,56" was stored as 123456.0)."""

from __future__ import annotations

import pytest

from desktop.store.leads import LeadBook
from desktop.ui.leads.rubric_form import RubricForm
from fieldnote.scoring import DEMO_RUBRIC_FIELDS, parse_rubric
from tests.desktop.leads.test_list_and_events import add_lead, make_page, select_first

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

AMOUNTS = [("de_DE", "1234,56", "1.234,56"), ("fr_FR", "1234,56", "1\u202f234,56"),
           ("en_US", "1234.56", "1,234.56")]


@pytest.mark.parametrize(("name", "typed", "shown"), AMOUNTS)
def test_a_won_amount_is_stored_as_typed_in_the_locale(qtbot, services, app_locale, name, typed, shown):
    app_locale(name)
    lead_id = add_lead(services.store, "Okafor")
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    detail.status_box.setCurrentIndex(detail.status_box.findData("won"))
    qtbot.keyClicks(detail.amount, typed)
    assert detail.amount.text() == typed  # the field's validator let every key through
    detail.add_outcome()
    qtbot.waitUntil(lambda: detail.timeline.count() == 1 and "Won" in detail.timeline.item(0).text())
    assert LeadBook(services.store).outcomes(lead_id)[0]["amount"] == pytest.approx(1234.56)
    assert shown in detail.timeline.item(0).text()


def test_an_amount_in_another_locales_format_is_refused_with_an_example(qtbot, services, app_locale):
    app_locale("de_DE")
    lead_id = add_lead(services.store, "Okafor")
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    detail.status_box.setCurrentIndex(detail.status_box.findData("won"))
    detail.amount.setText("1234.56")
    detail.add_outcome()
    assert "1.234,56" in detail.message.text()
    assert detail.amount.text() == "1234.56"  # kept for correcting
    assert LeadBook(services.store).outcomes(lead_id) == []


@pytest.mark.parametrize(("name", "typed", "value", "shown"), [
    ("de_DE", "1250,5", 1250.5, "1250,5"),
    ("fr_FR", "1250,5", 1250.5, "1250,5"),
    ("en_US", "1250.5", 1250.5, "1250.5"),
    ("de_DE", "1.250", 1250, "1250"),
])
def test_a_rubric_number_is_read_and_shown_in_the_locale(qtbot, app_locale, name, typed, value, shown):
    app_locale(name)
    form = RubricForm()
    qtbot.addWidget(form)
    form.set_rubric(parse_rubric(DEMO_RUBRIC_FIELDS))
    edit = form._inputs["employees"]
    qtbot.keyClicks(edit, typed)
    assert edit.text() == typed
    assert form.answers()["employees"] == pytest.approx(value)
    assert form.result().points >= 15  # 1,000 employees or more scores the top range
    form.set_answers({"employees": value})
    assert edit.text() == shown


def test_a_rubric_number_in_another_locales_format_is_kept_flagged_and_not_misread(qtbot, app_locale):
    app_locale("en_US")
    form = RubricForm()
    qtbot.addWidget(form)
    form.set_rubric(parse_rubric(DEMO_RUBRIC_FIELDS))
    edit = form._inputs["employees"]
    qtbot.keyClicks(edit, "1,5")  # a German 1.5; read as thousands it would be 15 employees
    assert form.answers()["employees"] == "1,5"  # kept as typed, nothing lost
    assert form.unreadable_numbers() == ["employees"]
    assert form.result().by_question.get("employees", 0) == 0  # not scored as 15 employees
    assert "Not a number here: Company size (employees)" in form.missing_label.text()
    assert edit.property("state") == "warn"


@pytest.mark.parametrize(("name", "lines", "expected"), [
    ("de_DE", "1.000+ = 15\n2,5-4,5 = 1", [{"points": 15, "min": 1000}, {"points": 1, "min": 2.5, "max": 4.5}]),
    ("en_US", "1,000+ = 15\n2.5-4.5 = 1", [{"points": 15, "min": 1000}, {"points": 1, "min": 2.5, "max": 4.5}]),
])
def test_a_rubric_range_is_read_in_the_locale(app_locale, name, lines, expected):
    from desktop.ui.leads.rubric_editor import ranges_to_text, text_to_ranges

    app_locale(name)
    ranges, problems = text_to_ranges(lines)
    assert (ranges, problems) == (expected, [])
    assert text_to_ranges(ranges_to_text(ranges)) == (expected, [])


def test_a_rubric_range_in_another_locales_format_is_refused_not_misread(app_locale):
    from desktop.ui.leads.rubric_editor import text_to_ranges

    app_locale("en_US")
    ranges, problems = text_to_ranges("1.000,5+ = 3")
    assert ranges == [] and "line 1" in problems[0]
