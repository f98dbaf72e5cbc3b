"""`fieldnote insights` as a real process on the hand-counted fixture."""

import json
import os
import subprocess
import sys

import pytest

from desktop.store import open_store
from tests.desktop.insights import fixture_data
from tests.desktop.insights.fixture_data import (
    E1,
    EXPECTED_COLLATERAL,
    EXPECTED_COMPETITORS,
    EXPECTED_FUNNEL,
    EXPECTED_OBJECTIONS,
)

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def fieldnote(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, env=ENV, timeout=timeout)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("insights-cli")
    store = open_store(data / "fieldnote.sqlite3")
    fixture_data.load(store)
    store.engine.dispose()
    return data


def test_json_prints_the_funnel_collateral_objections_and_competitors(data_dir):
    result = fieldnote("insights", "--json", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["funnel"] == EXPECTED_FUNNEL
    assert figures["collateral"] == EXPECTED_COLLATERAL
    assert figures["objections"] == EXPECTED_OBJECTIONS
    assert figures["competitors"] == EXPECTED_COMPETITORS


def test_json_filters_by_event_name_and_dates(data_dir):
    result = fieldnote("insights", "--json", "--event", "expo north", "--from", "2026-10-01",
                       "--to", "2026-10-31", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["funnel"] == {"Expo North": EXPECTED_FUNNEL["Expo North"]}
    assert figures["filters"]["event_ids"] == [E1]
    assert figures["objections"] == {"Price": 2, "Timing": 1}


def test_a_bad_date_is_a_clear_usage_error(data_dir):
    result = fieldnote("insights", "--json", "--from", "yesterday", "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_event_names_the_known_ones(data_dir):
    result = fieldnote("insights", "--json", "--event", "Nowhere", "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "Nowhere" in result.stderr and "Expo North" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_json_a_short_summary_is_printed(data_dir):
    result = fieldnote("insights", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "Expo North" in result.stdout
    assert "Price (2)" in result.stdout


def test_export_writes_a_pdf_report_with_the_filters_applied(data_dir, tmp_path):
    out = tmp_path / "report.pdf"
    result = fieldnote("insights", "export", "--format", "pdf", "-o", str(out), "--event", "Cloud Days",
                       "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    from tests.desktop.insights.test_report import pdf_text

    text = pdf_text(out.read_bytes())
    assert "events: Cloud Days" in text and "Expo North" not in text


def test_export_to_a_missing_folder_says_so(data_dir, tmp_path):
    result = fieldnote("insights", "export", "-o", str(tmp_path / "no" / "r.pdf"), "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_export_with_a_start_after_the_end_is_a_usage_error(data_dir, tmp_path):
    result = fieldnote("insights", "export", "-o", str(tmp_path / "r.pdf"), "--from", "2026-12-01",
                       "--to", "2026-11-01", "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert "after the end date" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_team_and_rep_options_filter_by_name(data_dir):
    result = fieldnote("insights", "--json", "--team", "west", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)["funnel"]) == {"Summit South", "(no event)"}
    result = fieldnote("insights", "--json", "--rep", "ann archer", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures["funnel"]) == {"Expo North", "Cloud Days"}
    assert figures["filters"]["rep_name"] == "Ann Archer"
    result = fieldnote("insights", "--json", "--rep", "Nobody", "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "No user named" in result.stderr and "Traceback" not in result.stderr


def test_a_german_locale_setting_changes_the_pdf_but_never_the_json(data_dir, tmp_path):
    from desktop.settings import Settings
    from tests.desktop.insights.test_report import pdf_text

    english = fieldnote("insights", "--json", "--data-dir", str(data_dir))
    settings = Settings.load(data_dir)
    settings.locale = "de_DE"
    settings.save()
    try:
        german = fieldnote("insights", "--json", "--data-dir", str(data_dir))
        out = tmp_path / "report.pdf"
        exported = fieldnote("insights", "export", "--format", "pdf", "-o", str(out),
                             "--data-dir", str(data_dir))
    finally:
        settings.locale = ""
        settings.save()
    assert german.returncode == 0, german.stderr
    # JSON is a machine format: the same bytes in every locale.
    assert german.stdout == english.stdout
    assert exported.returncode == 0, exported.stderr
    assert "8.000" in pdf_text(out.read_bytes())


def test_amounts_name_their_currency_in_the_text_and_the_json(tmp_path):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    fixture_data.load(store)
    store.set_state("hub_settings", {"currency": "USD"})
    store.engine.dispose()
    figures = json.loads(fieldnote("insights", "--json", "--data-dir", str(tmp_path)).stdout)
    assert figures["currency"] == "USD"
    assert figures["funnel"]["Expo North"]["won_amount"] == 8000  # numbers stay numbers
    text = fieldnote("insights", "--data-dir", str(tmp_path)).stdout
    expo = next(line for line in text.splitlines() if "Expo North" in line)
    assert "8000 USD" in expo
