"""Exports people open elsewhere: xlsx in Excel, vCard in phone and mail apps, CSV in Excel;
and the export's own refusals (existing file, unwritable place, unknown format)."""

import datetime as dt

import openpyxl
import pytest
import vobject

from tests.unit.every_table import AWKWARD_TEXT, fill_every_table
from workbook.cli import main
from workbook.demo import fill_demo
from workbook.i18n import Translator
from workbook.io.reader import read_contacts
from workbook.io.vcard_export import fold
from workbook.services.exports import ExportError, export_to_file, format_for
from workbook.store import open_profile
from workbook.store.contacts import add_contact
from workbook.store.schema import table_names


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBOOK_LANG", "en")


@pytest.fixture
def profile():
    conn = open_profile("job")
    fill_demo(conn, today=dt.date(2026, 11, 30))
    add_contact(conn, "Zoé D'Aubigné-Ĳssel", first_name="Zoé", last_name="D'Aubigné-Ĳssel",
                email="zoe@example.fr", phone="0612345678", organisation="Société, Générale; SA",
                position="+Directrice =achats", birthday="03-14", connected_on="2021-05-06",
                profile_url="https://www.linkedin.com/in/zoe", roles=["connector", "alumni"],
                notes="Première ligne\nseconde ligne; avec, virgules " + "très longue " * 12)
    add_contact(conn, "@SUM(A1)", phone="-5", email="formula@x.org", notes="\tTabbed")
    fill_every_table(conn)
    yield conn
    conn.close()


def test_xlsx_one_sheet_per_table_text_as_text_dates_as_dates(profile, tmp_path):
    path = tmp_path / "all.xlsx"
    export_to_file(profile, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == table_names(profile)
    sheet = book["contacts"]
    header = [c.value for c in sheet[1]]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width > 10               # columns sized
    rows = {r[header.index("full_name")]: dict(zip(header, r))
            for r in sheet.iter_rows(min_row=2, values_only=True)}
    zoe = rows["Zoé D'Aubigné-Ĳssel"]
    assert zoe["phone"] == "0612345678"                         # leading zero kept, text
    assert zoe["position"] == "+Directrice =achats"
    assert zoe["connected_on"] == dt.datetime(2021, 5, 6)       # a real date
    assert zoe["birthday"] == "03-14"                           # no year: stays text
    assert isinstance(zoe["created_at"], dt.datetime)
    assert isinstance(zoe["id"], int)
    formula = rows["@SUM(A1)"]
    assert formula["phone"] == "-5" and formula["notes"] == "\tTabbed"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate           # never a formula
            if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@", "\t"):
                assert cell.quotePrefix, cell.coordinate
    # every table's awkward text arrives whole
    texts = [c for ws in book for r in ws.iter_rows(values_only=True) for c in r
             if isinstance(c, str) and AWKWARD_TEXT in c]
    assert texts


def test_vcard_export_reimports_as_the_same_contacts(profile, tmp_path):
    path = tmp_path / "contacts.vcf"
    tr = Translator("en")
    done = export_to_file(profile, path, role_label=lambda code: tr(f"vocab.role.{code}"))
    expected = profile.execute(
        "SELECT c.full_name, c.email, c.phone, COALESCE(o.name, ''), c.position"
        " FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id").fetchall()
    read = read_contacts(path)
    assert read.format == "vcard" and not read.skipped
    found = {tuple(r) for r in read.contacts[["full_name", "email", "phone", "organisation",
                                               "position"]].itertuples(index=False)}
    assert found == {tuple(r) for r in expected}
    assert len(read.contacts) == done.contacts
    zoe = read.contacts[read.contacts.full_name == "Zoé D'Aubigné-Ĳssel"].iloc[0]
    assert zoe.notes.startswith("Première ligne\nseconde ligne; avec, virgules")
    assert zoe.birthday == "03-14" and zoe.profile_url == "https://www.linkedin.com/in/zoe"
    # an independent parser agrees, and every physical line is at most 75 octets
    data = path.read_bytes()
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    cards = list(vobject.readComponents(data.decode("utf-8")))
    card = next(c for c in cards if c.fn.value == "Zoé D'Aubigné-Ĳssel")
    assert card.org.value == ["Société, Générale; SA"]
    assert card.n.value.family == "D'Aubigné-Ĳssel"
    assert sorted(card.categories.value) == ["Alumni", "Connector"]


def test_folding_never_cuts_a_character():
    line = "NOTE:" + "é" * 100
    folded = fold(line)
    parts = folded.encode("utf-8").split(b"\r\n")
    assert all(len(p) <= 75 for p in parts)
    assert "".join(p[1:] if n else p for n, p in
                   enumerate(folded.removesuffix("\r\n").split("\r\n"))) == line


def test_csv_export_is_excel_ready(profile, tmp_path):
    path = tmp_path / "c.csv"
    export_to_file(profile, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    text = data.decode("utf-8-sig")
    assert "'@SUM(A1)" in text and "'+Directrice =achats" in text
    back = read_contacts(path)
    assert "@SUM(A1)" in set(back.contacts.full_name)            # the apostrophe undone


@pytest.mark.parametrize("name, fmt", [("a.JSON", "json"), ("b.zip", "zip"), ("c.xlsx", "xlsx"),
                                        ("d.csv", "csv"), ("e.vcf", "vcf"), ("f.vcard", "vcf")])
def test_format_from_the_extension(name, fmt):
    assert format_for(name) == fmt
    assert format_for("whatever.txt", "json") == "json"


def test_unknown_extension_existing_file_and_unwritable_place(profile, tmp_path, capsys):
    with pytest.raises(ExportError):
        format_for("x.txt")
    profile.close()
    assert main(["export", str(tmp_path / "x.txt"), "--profile", "job"]) == 2
    assert "cannot be told from the file name" in capsys.readouterr().err
    existing = tmp_path / "keep.json"
    existing.write_text("mine")
    assert main(["export", str(existing), "--profile", "job"]) == 2
    assert "already exists" in capsys.readouterr().err and existing.read_text() == "mine"
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("")
    for target in (not_a_folder / "out.json", not_a_folder / "out.xlsx",
                   tmp_path / "missing" / "out.vcf", tmp_path / "missing" / "out.zip"):
        assert main(["export", str(target), "--profile", "job"]) == 2
        err = capsys.readouterr().err
        assert "cannot be written" in err and err.count("\n") == 1, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "keep.json", "plain-file"]


def test_odd_numbers_and_every_refusal_have_their_words(tmp_path):
    import io

    from workbook.io.archive import ARCHIVE_ERRORS
    from workbook.io.xlsx_export import write_xlsx
    from workbook.services.exports import EXPORT_ERRORS

    out = io.BytesIO()
    write_xlsx(out, [("t", ["a", "b", "c"], [[True, float("inf"), 2**62]])])
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["t"]
    assert [c.value for c in sheet[2]] == [1, "inf", 2**62]
    for lang in ("fr", "en"):
        tr = Translator(lang)
        for code in ARCHIVE_ERRORS:
            assert tr.has(f"export.archive.{code}"), code
        for code in EXPORT_ERRORS:
            assert tr.has(f"export.error.{code}"), code
