"""Google, Outlook, vCard and French Excel files, read into the same contact columns."""

from pathlib import Path

import pytest

from workbook.io import ImportFileError, read_contacts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


def _by(result, column="last_name"):
    return result.contacts.set_index(column)


def test_google_current_layout_with_multi_values_and_labels():
    result = read_contacts(FIXTURES / "google_contacts.csv")
    assert result.format == "google"
    rows = _by(result, "full_name")
    camille = rows.loc["Camille Lefèvre"]
    assert camille["email"] == "camille.perso@example.org"     # the "* " label is primary
    assert camille["phone"] == "+33 6 12 34 56 78"
    assert camille["profile_url"] == "https://www.linkedin.com/in/camille-lefevre-4b1a2c"
    assert (camille["organisation"], camille["position"]) == ("Horizon Conseil", "Directrice")
    assert camille["birthday"] == "1985-04-02"
    assert rows.loc["Jean Paul Martin", "birthday"] == "07-14"          # --07-14: no year
    assert "only.email@example.org" in rows.index                        # named by its e-mail
    assert [(s.line, s.reason) for s in result.skipped] == [(4, "no_name")]


def test_google_old_layout():
    result = read_contacts(FIXTURES / "google_contacts_old.csv")
    nadia = _by(result).loc["Haddad"]
    assert result.format == "google"
    assert nadia["full_name"] == "Nadia Haddad"
    assert nadia["email"] == "nadia.haddad@example.com"
    assert (nadia["organisation"], nadia["position"]) == ("Orange", "Cheffe de produit")
    assert nadia["profile_url"] == "http://fr.linkedin.com/in/nadia-haddad/"


def test_outlook_english_month_first_and_no_date_marker():
    result = read_contacts(FIXTURES / "outlook_en.csv")
    rows = _by(result)
    assert result.format == "outlook"
    assert rows.loc["Smith", "birthday"] == "1978-03-25"
    assert rows.loc["Smith", "position"] == "Sales Director"
    assert rows.loc["Smith", "phone"] == "+1 206 555 0199"
    assert rows.loc["Lee", "birthday"] == ""                         # 0/0/00 means none
    assert result.warnings == []


def test_outlook_french_in_windows_1252():
    result = read_contacts(FIXTURES / "outlook_fr_cp1252.csv")
    rows = _by(result)
    assert (result.format, result.encoding) == ("outlook", "cp1252")
    assert rows.loc["Mercier", "first_name"] == "François"
    assert rows.loc["Mercier", "position"] == "Contrôleur de gestion"   # the second "Titre"
    assert rows.loc["Mercier", "birthday"] == "1980-12-25"
    assert rows.loc["Mercier", "notes"] == "Rencontré à l'APEC – très réseau"
    assert rows.loc["Dupré", "organisation"] == "Éditions Œuvre"
    assert rows.loc["Dupré", "notes"] == "Prix : 30 €"


def test_outlook_french_in_iso_8859_15():
    result = read_contacts(FIXTURES / "outlook_fr_latin9.csv")
    zoe = _by(result).loc["Cœurdevey"]
    assert result.encoding == "iso-8859-15"
    assert (zoe["organisation"], zoe["position"]) == ("Bœuf & Cie", "Gérante")
    assert zoe["birthday"] == "1975-04-03"                               # French: day first


@pytest.mark.parametrize("name, encoding", [("generic_fr_excel_cp1252.csv", "cp1252"),
                                            ("generic_fr_excel_utf8bom.csv", "utf-8-sig")])
def test_french_excel_semicolons_dates_and_text_numbers(name, encoding):
    result = read_contacts(FIXTURES / name)
    rows = _by(result)
    assert (result.format, result.encoding) == ("csv", encoding)
    assert len(rows) == 3
    assert rows.loc["Roux", "connected_on"] == "2023-03-14"
    assert rows.loc["Roux", "birthday"] == "04-02"
    assert rows.loc["Roux", "notes"] == 'Très "réseau"'
    assert rows.loc["Saïdi", "phone"] == "0612345678"                    # leading zero kept
    assert rows.loc["Saïdi", "organisation"] == "Dupont; Fils & Associés"
    assert rows.loc["Saïdi", "notes"] == "=1+1"                          # text, not a formula
    assert rows.loc["Morel", "notes"] == "@SUM(A1)"
    assert rows.loc["Morel", "connected_on"] is None
    assert [(w.line, w.reason) for w in result.warnings] == [(4, "bad_date")]


def test_vcard_2_1_quoted_printable():
    result = read_contacts(FIXTURES / "vcard21.vcf")
    rows = _by(result)
    assert result.format == "vcard"
    renee = rows.loc["Châtelain"]
    assert renee["full_name"] == "Renée Châtelain"
    assert renee["organisation"] == "Société des études"
    assert renee["phone"] == "+33612345678"                              # the PREF one
    assert renee["notes"] == "Première ligne\nDeuxième ligne"
    assert renee["birthday"] == "1979-06-21"
    assert rows.loc["Latin", "full_name"] == "Old Latin été"              # ISO-8859-1 charset


def test_vcard_3_0_escapes_folding_photo_and_unclosed_card():
    result = read_contacts(FIXTURES / "vcard30.vcf")
    lucie = _by(result).loc["Fontaine"]
    assert lucie["email"] == "lucie@atelier.example"                     # TYPE=PREF wins
    assert lucie["organisation"] == "Atelier Fontaine, Paris"
    assert lucie["profile_url"] == "https://www.linkedin.com/in/lucie-fontaine"
    assert lucie["notes"] == "Rencontrée au meetup, à revoir\nen janvier"
    assert lucie["birthday"] == "1988-02-29"
    assert [(s.line, s.reason) for s in result.skipped] == [(17, "broken_card")]


def test_vcard_4_0():
    akira = _by(read_contacts(FIXTURES / "vcard40.vcf")).loc["Tanaka"]
    assert akira["email"] == "akira.tanaka@u-bordeaux.example"
    assert akira["profile_url"] == "https://www.linkedin.com/in/akira-tanaka"
    assert akira["phone"] == "+33-6-77-88-99-00"
    assert akira["birthday"] == "03-14"
    assert akira["notes"] == "Très long texte plié sur deux lignes selon la RFC 6350."


def test_forced_format_must_fit_the_file():
    assert read_contacts(FIXTURES / "linkedin_connections.csv", fmt="csv").format == "csv"
    with pytest.raises(ImportFileError) as problem:
        read_contacts(FIXTURES / "google_contacts.csv", fmt="linkedin")
    assert problem.value.code == "wrong_columns" and "google" in problem.value.detail
    with pytest.raises(ImportFileError) as problem:
        read_contacts(FIXTURES / "linkedin_connections.csv", fmt="vcard")
    assert problem.value.code == "not_vcard"
    with pytest.raises(ValueError):
        read_contacts(FIXTURES / "linkedin_connections.csv", fmt="xlsx")


def test_our_own_export_reads_back_identically(tmp_path):
    from workbook.io import export_contacts, import_file
    from workbook.store import open_path

    conn = open_path(tmp_path / "p.sqlite")
    import_file(conn, FIXTURES / "generic_fr_excel_cp1252.csv")
    out = tmp_path / "export.csv"
    assert export_contacts(conn, out) == 3
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert b"'=1+1" in data and b"'@SUM(A1)" in data and b"'+33 6 98" in data
    again = read_contacts(out).contacts.sort_values("full_name").reset_index(drop=True)
    original = read_contacts(FIXTURES / "generic_fr_excel_cp1252.csv").contacts
    original = original.sort_values("full_name").reset_index(drop=True)
    assert again.equals(original)
    conn.close()


def test_a_one_column_list_of_names_or_addresses(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_text("Courriel\nana@example.org\n\nbob@example.org\n", encoding="utf-8")
    result = read_contacts(path)
    assert list(result.contacts["email"]) == ["ana@example.org", "bob@example.org"]
    assert list(result.contacts["full_name"]) == ["ana@example.org", "bob@example.org"]


def test_vcard_folding_depends_on_the_version(tmp_path):
    cards = ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ana Old\r\nNOTE:folded at\r\n a space\r\n"
             "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana New\r\nNOTE:folded in the mid\r\n"
             " dle of a word\r\nEND:VCARD\r\n")
    path = tmp_path / "cards.vcf"
    path.write_text(cards, encoding="utf-8")
    notes = list(read_contacts(path).contacts["notes"])
    assert notes == ["folded at a space", "folded in the middle of a word"]
