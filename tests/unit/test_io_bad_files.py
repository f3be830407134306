"""Files that cannot be read give one error code (and the store stays unchanged)."""

import codecs
import io
import zipfile
from pathlib import Path

import pytest

from workbook.i18n import Translator
from workbook.io import ERROR_CODES, ImportFileError, decoding, read_contacts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"
LINKEDIN = FIXTURES / "linkedin_connections.csv"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# Broken files generated here rather than committed as opaque blobs.
GENERATED = {
    "empty": b"",
    "blank": b"\r\n  \n\n",
    "zip": _zip({"Connections.csv": LINKEDIN.read_bytes()}),
    "xlsx": _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
    "ods": _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
    "xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
    "utf16_bom": codecs.BOM_UTF16_LE + LINKEDIN.read_text(encoding="utf-8").encode("utf-16-le"),
    "utf16_no_bom": LINKEDIN.read_text(encoding="utf-8").encode("utf-16-le"),
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "pdfish": bytes(range(1, 32)) * 50,
}
EXPECTED = {"empty": "empty", "blank": "empty", "zip": "zip", "xlsx": "excel", "xls": "excel",
            "ods": "excel",
            "utf16_bom": "utf16", "utf16_no_bom": "utf16", "png": "binary", "pdfish": "binary"}


def _file(tmp_path, data: bytes, name="Connections.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(GENERATED))
def test_not_a_text_export(tmp_path, case):
    with pytest.raises(ImportFileError) as problem:
        read_contacts(_file(tmp_path, GENERATED[case]))
    assert problem.value.code == EXPECTED[case]


@pytest.mark.parametrize("name, code", [("broken_quoting.csv", "broken_quoting"),
                                        ("wrong_columns.csv", "wrong_columns"),
                                        ("no_header.txt", "no_header"),
                                        ("header_only.csv", "no_rows")])
def test_malformed_text_files(name, code):
    with pytest.raises(ImportFileError) as problem:
        read_contacts(FIXTURES / name)
    assert problem.value.code == code


def test_missing_file_and_directory(tmp_path):
    for path, code in ((tmp_path / "nope.csv", "not_found"), (tmp_path, "not_a_file")):
        with pytest.raises(ImportFileError) as problem:
            read_contacts(path)
        assert problem.value.code == code


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(decoding, "MAX_FILE_BYTES", 100)
    with pytest.raises(ImportFileError) as problem:
        read_contacts(LINKEDIN)
    assert problem.value.code == "too_large"


def test_long_field_skips_its_row_and_a_monstrous_one_refuses_the_file(tmp_path):
    long_row = f"Long,Value,,,Acme,{'x' * 20_000},1 Jan 2020\n"
    good = "Ok,Row,,,Acme,CTO,1 Jan 2020\n"
    result = read_contacts(_file(tmp_path, (HEADER + long_row + good).encode()))
    assert list(result.contacts["full_name"]) == ["Ok Row"]
    assert [(s.line, s.reason) for s in result.skipped] == [(2, "field_too_long")]
    monstrous = f'Huge,Value,,,Acme,"{"y" * 200_000}",1 Jan 2020\n'
    with pytest.raises(ImportFileError) as problem:
        read_contacts(_file(tmp_path, (HEADER + good + monstrous).encode()))
    assert problem.value.code == "field_too_long"


def test_rows_with_extra_cells_or_no_name_are_skipped_with_their_line(tmp_path):
    rows = ("A,B,,,Acme,CTO,1 Jan 2020,surplus,cells\n"
            ",,,,Acme,CTO,1 Jan 2020\n"
            "C,D,,,Acme,CTO,not a date\n")
    result = read_contacts(_file(tmp_path, (HEADER + rows).encode()))
    assert [(s.line, s.reason) for s in result.skipped] == [(2, "extra_fields"), (3, "no_name")]
    assert [(w.line, w.reason) for w in result.warnings] == [(4, "bad_date")]
    assert list(result.contacts["full_name"]) == ["C D"]


def test_bytes_outside_windows_1252_fall_back_to_a_western_code_page(tmp_path):
    data = (HEADER + "René,Roy,,,Société,CTO,1 Jan 2020\n").encode("cp1252")
    result = read_contacts(_file(tmp_path, data.replace(b"CTO", b"C\x81TO")))
    assert result.encoding not in ("utf-8", "cp1252")
    assert list(result.contacts["full_name"]) == ["René Roy"]
    assert list(result.contacts["position"]) == ["CTO"]          # the stray byte dropped


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_error_code_has_a_message(lang):
    tr = Translator(lang)
    for code in ERROR_CODES:
        assert tr.has(f"import.error.{code}"), code
        assert "\n" not in tr(f"import.error.{code}")
