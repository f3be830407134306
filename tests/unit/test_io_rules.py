"""Pure parsing rules: dates, encodings, header detection, match keys."""

import pytest

from workbook.domain.contacts_matching import (
    email_key,
    name_org_key,
    person_name_key,
    profile_url_key,
)
from workbook.io.dates import BadDate, infer_day_first, parse_birthday, parse_date
from workbook.io.decoding import decode
from workbook.io.formats import header_key, layout_for
from workbook.io.rows import clean


@pytest.mark.parametrize("text, day_first, iso", [
    ("14 Mar 2023", True, "2023-03-14"), ("7 sept. 2021", True, "2021-09-07"),
    ("1er janvier 2020", True, "2020-01-01"), ("Mar 14, 2023", True, "2023-03-14"),
    ("14/03/2023", True, "2023-03-14"), ("03/14/2023", False, "2023-03-14"),
    ("14/03/23", True, "2023-03-14"), ("1/2/70", True, "1970-02-01"),
    ("2023-03-14", True, "2023-03-14"), ("2023-03-14T10:00:00Z", True, "2023-03-14"),
    ("20230314", True, "2023-03-14"), ("14.03.2023 00:00", True, "2023-03-14"),
    ("", True, None), ("0/0/00", False, None),
])
def test_dates_as_exports_write_them(text, day_first, iso):
    assert parse_date(text, day_first) == iso


@pytest.mark.parametrize("text", ["31 Feb 2022", "14 Foo 2023", "31/13/2020", "yesterday",
                                  "2023-02-30"])
def test_impossible_dates_are_bad(text):
    with pytest.raises(BadDate):
        parse_date(text)


@pytest.mark.parametrize("text, stored", [("--03-14", "03-14"), ("--0314", "03-14"),
                                          ("03-14", "03-14"), ("14/03", "03-14"),
                                          ("29/02", "02-29"), ("1980-03-14", "1980-03-14"),
                                          ("0/0/00", "")])
def test_birthdays_with_or_without_year(text, stored):
    assert parse_birthday(text) == stored


def test_day_order_is_inferred_from_the_column():
    assert infer_day_first(["3/4/1980", "25/12/1980"], default=False) is True
    assert infer_day_first(["3/4/1980", "12/25/1980"], default=True) is False
    assert infer_day_first(["3/4/1980"], default=False) is False


def test_decoding_order_bom_utf8_cp1252():
    assert decode(b"\xef\xbb\xbfcaf\xc3\xa9") == ("café", "utf-8-sig")
    assert decode(b"caf\xc3\xa9") == ("café", "utf-8")
    assert decode(b"caf\xe9 \x80") == ("café €", "cp1252")
    assert decode("Cœur".encode("iso-8859-15")) == ("Cœur", "iso-8859-15")


def test_header_names_are_folded_and_recognised():
    assert header_key("E-mail 1 - Value") == "e mail 1 value"
    assert header_key("Société ") == "societe"
    assert layout_for(["Nom", "Prénom", "Courriel"]).columns["last_name"] == (0,)
    assert layout_for(["Nom", "Courriel"]).columns["full_name"] == (0,)
    assert layout_for(["Date", "Amount"]) is None


def test_match_keys():
    assert profile_url_key("https://www.linkedin.com/in/Jane-Doe/?trk=x") == \
        profile_url_key("http://fr.linkedin.com/in/jane-doe") == "linkedin.com/in/jane-doe"
    assert email_key(" Jane.Doe@Example.ORG ") == "jane.doe@example.org"
    assert person_name_key("DUPONT, Marie-Hélène") == person_name_key("Marie Helene Dupont")
    assert name_org_key("Marie Dupont", "Société Générale SA") == \
        name_org_key("dupont marie", "societe generale")
    assert name_org_key("Marie Dupont", "") == ""


def test_clean_keeps_text_and_undoes_our_neutralisation():
    assert clean("  '=1+1 ") == "=1+1"
    assert clean("'+33 6 12") == "+33 6 12"
    assert clean("O'Brien") == "O'Brien"
    assert clean("a\r\nb\x00c") == "a\nbc"


@pytest.mark.parametrize("text, count", [("12", 12), (" 7 ", 7), ("12.0", 12), ("", None),
                                         ("30000", 30000), ("1 200", 1200)])
def test_mutual_counts_as_sheets_write_them(text, count):
    from workbook.io.rows import parse_mutual

    assert parse_mutual(text) == count


@pytest.mark.parametrize("text", ["99999999999999999999", "-3", "about ten", "1.5", "30001",
                                  "１２"])
def test_mutual_counts_that_cannot_be_right(text):
    from workbook.io.rows import parse_mutual

    with pytest.raises(ValueError):
        parse_mutual(text)
