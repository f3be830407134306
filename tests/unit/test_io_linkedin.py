"""LinkedIn Connections.csv as real exports write it."""

import codecs
from pathlib import Path

import pytest

from workbook.io import CONTACT_COLUMNS, ReadResult, read_contacts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"
LINKEDIN = FIXTURES / "linkedin_connections.csv"


def _variant(tmp_path, name, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_preamble_is_skipped_and_every_field_kept_as_written():
    result = read_contacts(LINKEDIN)
    assert isinstance(result, ReadResult)
    assert result.format == "linkedin"
    assert list(result.contacts.columns) == list(CONTACT_COLUMNS)
    rows = result.contacts.set_index("last_name")
    assert len(rows) == 5                                   # the two trailing empty rows ignored
    assert rows.loc["Lefèvre", "organisation"] == "Horizon Conseil, SAS"
    assert rows.loc["Lefèvre", "position"] == 'Directrice "Transformation"'
    assert rows.loc["Lefèvre", "full_name"] == "Camille Lefèvre"
    assert rows.loc["Lefèvre", "connected_on"] == "2023-03-14"
    assert rows.loc["Lefèvre", "email"] == ""
    assert rows.loc["Nguyen 🚀", "position"] == "Chargé de mission\nInnovation"
    assert rows.loc["Nguyen 🚀", "email"] == "theo.nguyen@example.org"
    assert rows.loc["Rossi", "profile_url"] == "https://www.linkedin.com/in/sofia-rossi"


def test_formula_and_html_values_are_plain_text():
    rows = read_contacts(LINKEDIN).contacts.set_index("last_name")
    assert rows.loc["Benali", "position"] == '=HYPERLINK("http://evil.example","clic")'
    assert rows.loc["Dubois", "position"] == "<script>alert(1)</script>"
    assert rows.loc["Dubois", "organisation"] == "<b>Boîte</b>"


def test_bad_date_keeps_the_row_without_date_and_reports_it():
    result = read_contacts(LINKEDIN)
    dubois = result.contacts.set_index("last_name").loc["Dubois"]
    assert dubois["connected_on"] is None
    assert [(w.line, w.reason) for w in result.warnings] == [(9, "bad_date")]
    assert "31 Feb 2022" in result.warnings[0].detail
    assert result.skipped == []


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
def test_bom_and_crlf_read_the_same(tmp_path, bom, newline):
    data = bom + LINKEDIN.read_bytes().replace(b"\n", newline)
    result = read_contacts(_variant(tmp_path, "Connections.csv", data))
    expected = read_contacts(LINKEDIN).contacts
    assert result.contacts.equals(expected)


def test_preamble_of_other_wording_and_length_is_found(tmp_path):
    text = LINKEDIN.read_text(encoding="utf-8").split("\n", 3)[3]
    longer = "Notes:\n\"Some addresses are missing.\"\n\nSecond paragraph, with commas, too.\n\n\n"
    result = read_contacts(_variant(tmp_path, "c.csv", (longer + text).encode()))
    assert len(result.contacts) == 5


def test_old_export_without_preamble_and_url_column():
    result = read_contacts(FIXTURES / "linkedin_connections_2018.csv")
    assert result.format == "linkedin"
    assert list(result.contacts["profile_url"]) == ["", ""]
    assert list(result.contacts["connected_on"]) == ["2017-06-12", "2016-12-05"]
    assert result.contacts["organisation"].iloc[1] == "Petit & Fils"


def test_month_names_do_not_depend_on_the_locale(tmp_path, monkeypatch):
    import locale
    try:
        locale.setlocale(locale.LC_TIME, "fr_FR.UTF-8")
    except locale.Error:
        pass                                  # the parser never asks the locale anyway
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = "A,B,,,,,14 Mar 2023\nC,D,,,,,14 mars 2023\nE,F,,,,,3 déc. 2022\nG,H,,,,,1 Sept 2020\n"
    try:
        result = read_contacts(_variant(tmp_path, "c.csv", (header + rows).encode()))
    finally:
        locale.setlocale(locale.LC_TIME, "C")
    assert list(result.contacts["connected_on"]) == [
        "2023-03-14", "2023-03-14", "2022-12-03", "2020-09-01"]


def test_identical_rows_are_reported_once(tmp_path):
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    row = "Ada,Byron,https://www.linkedin.com/in/ada,,Engines,Analyst,10 Dec 2015\n"
    result = read_contacts(_variant(tmp_path, "c.csv", (header + row + row).encode()))
    assert len(result.contacts) == 1
    assert [(s.line, s.reason) for s in result.skipped] == [(3, "duplicate_row")]
