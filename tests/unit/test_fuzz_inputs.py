"""Property tests over outside input: whatever bytes a contact export or a profile archive
holds, reading it gives contacts or a coded refusal (a sentence for the user), never another
exception, and a refused file changes nothing.

`make test` runs a few dozen examples per property (the `quick` profile, a few seconds);
`make fuzz` runs thousands (`--hypothesis-profile=fuzz`) to find the next case."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from workbook.domain.names import has_visible_character
from workbook.domain.records import ERROR_CODES, SKIP_REASONS, WARNING_REASONS, ImportFileError
from workbook.io import read_contacts
from workbook.io.archive import ARCHIVE_ERRORS, ArchiveError, read_archive
from workbook.services.exports import write_export
from workbook.store.migrations import latest_version

# Fixtures a function may share between examples: each example writes its own file.
SHARED = settings(suppress_health_check=[HealthCheck.function_scoped_fixture,
                                         HealthCheck.too_slow])

HEADERS = [
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",    # LinkedIn
    "Name,Given Name,Family Name,E-mail 1 - Value,Phone 1 - Value,Birthday,Notes",  # Google
    "First Name,Middle Name,Last Name,Company,Job Title,E-mail Address,Birthday",  # Outlook
    "Prénom;Nom;Société;Courriel;Téléphone",                                    # French Excel
    "name,email,mutual connections,notes",
]
LINKEDIN_NOTES = ('Notes:\n"When exporting your connection data, you may notice that some of '
                  'the email addresses are missing."\n\n')
# Characters that break naive readers: separators, quotes, line ends, controls, a BOM, a
# zero-width space, fillers, a lone surrogate's escape, emoji, right-to-left text.
AWKWARD = st.sampled_from([",", ";", "\t", '"', "'", "\n", "\r", "\r\n", "=", "+", "@", "\\",
                           "\x00", "\x1b", "\ufeff", "\u200b", "\u3164", "\u2800", "\u202e",
                           "é", "ß", "😀", "ﬁ", "=cmd|' /C calc'!A0", "1e999", "NaN",
                           "-1", "99999999999999999999", " "])
FIELD = st.lists(st.one_of(st.text(max_size=12), AWKWARD), max_size=5).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "mac_roman"])


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "replace") if encoding != "utf-8" else \
        text.encode("utf-8", "surrogatepass")


@st.composite
def csv_exports(draw) -> bytes:
    header = draw(st.sampled_from(HEADERS))
    sep = ";" if ";" in header else ","
    width = header.count(sep) + 1
    rows = draw(st.lists(st.lists(FIELD, min_size=0, max_size=width + 2), max_size=8))
    quote = draw(st.booleans())
    lines = [sep.join((f'"{v}"' if quote else v) for v in row) for row in rows]
    text = (LINKEDIN_NOTES if header.startswith("First Name,Last Name,URL") and
            draw(st.booleans()) else "") + header + "\n" + "\n".join(lines)
    return _encode(text, draw(ENCODINGS))


PROPERTIES = st.sampled_from(["FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "BDAY", "NOTE", "URL",
                              "X-SOCIALPROFILE", "PHOTO", "item1.EMAIL", "VERSION", "END",
                              "BEGIN"])
PARAMS = st.lists(st.sampled_from([
    ";CHARSET=UTF-8", ";CHARSET=UNDEFINED", ";CHARSET=base64", ";CHARSET=rot13",
    ";CHARSET=idna", ";CHARSET=ISO-8859-1", ";ENCODING=QUOTED-PRINTABLE", ";ENCODING=b",
    ";QUOTED-PRINTABLE", ";TYPE=pref", ";PREF=1", ";TYPE=WORK,PREF", ";X-\u00e9=1"]),
    max_size=3).map("".join)


@st.composite
def vcard_exports(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        lines += ["BEGIN:VCARD", f"VERSION:{draw(st.sampled_from(['2.1', '3.0', '4.0']))}"]
        for _ in range(draw(st.integers(0, 6))):
            value = draw(st.one_of(FIELD, st.sampled_from(["=C3=A9=", "=XY", "L;A", "=\n"])))
            lines.append(f"{draw(PROPERTIES)}{draw(PARAMS)}:{value}")
            if draw(st.booleans()):
                lines.append(" " + draw(FIELD))                 # a folded continuation
        if draw(st.integers(0, 4)):                             # sometimes cut short
            lines.append("END:VCARD")
    return _encode(draw(st.sampled_from(["\r\n", "\n", "\r"])).join(lines),
                   draw(ENCODINGS))


CONTACT_FILES = st.one_of(csv_exports(), vcard_exports(), st.binary(max_size=300))


def _check_read(path: Path):
    try:
        result = read_contacts(path)
    except ImportFileError as refused:
        assert refused.code in ERROR_CODES, refused.code
        return None
    for name in result.contacts["full_name"]:
        assert has_visible_character(name), repr(name)
    assert {s.reason for s in result.skipped} <= set(SKIP_REASONS)
    assert {w.reason for w in result.warnings} <= set(WARNING_REASONS)
    return result


@SHARED
@given(data=CONTACT_FILES)
def test_any_contact_export_gives_contacts_with_names_or_a_coded_refusal(tmp_path, data):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    _check_read(path)


def _counts(conn) -> tuple:
    return tuple(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                 for t in ("contacts", "import_batches", "organisations", "import_updates"))


@SHARED
@given(data=CONTACT_FILES)
def test_an_import_stores_the_file_whole_or_changes_nothing(conn, tmp_path, data):
    from workbook.services.imports import import_file

    path = tmp_path / "export.vcf"
    path.write_bytes(data)
    before = _counts(conn)
    try:
        report = import_file(conn, path)
    except ImportFileError as refused:
        assert refused.code in ERROR_CODES
        assert _counts(conn) == before
        return
    assert _counts(conn)[0] == before[0] + report.added


# ------------------------------------------------------------ profile archives

def _small_archive() -> dict:
    import tempfile

    from workbook.store import open_path

    with tempfile.TemporaryDirectory() as folder:
        return _archive_of(open_path(Path(folder) / "p.sqlite"))


def _archive_of(conn) -> dict:
    conn.execute("INSERT INTO contacts(full_name, email, mutual_connections, notes)"
                 " VALUES ('Ada Lovelace', 'ada@example.org', 3, 'first, \"quoted\"')")
    conn.execute("INSERT INTO interactions(contact_id, occurred_on, kind) VALUES"
                 " (1, '2026-01-05', 'lunch')")
    out = io.BytesIO()
    write_export(conn, out, "json", profile="fuzz")
    conn.close()
    return json.loads(out.getvalue())


ARCHIVE = _small_archive()
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
              st.text(max_size=8), AWKWARD),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=8)


@st.composite
def edited_archives(draw) -> dict:
    """The small archive with a few of its parts replaced by arbitrary JSON."""
    document = json.loads(json.dumps(ARCHIVE))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(["head", "table", "columns", "row", "value"]))
        value = draw(JSON_VALUES)
        table = draw(st.sampled_from(sorted(ARCHIVE["tables"])))
        tables = document["tables"] if isinstance(document.get("tables"), dict) else {}
        body = tables.get(table)
        if where == "head":
            document[draw(st.sampled_from(["format", "format_version", "schema_version",
                                           "profile", "tables", "extra"]))] = value
        elif where == "table" and tables:
            tables[draw(st.sampled_from([table, "nothing", "sqlite_master"]))] = value
        elif where == "columns" and isinstance(body, dict):
            body["columns"] = value
        elif where == "row" and isinstance(body, dict):
            body["rows"] = [value] + list(body.get("rows") or [])
        elif isinstance(body, dict) and body.get("rows"):
            row = body["rows"][0]
            if isinstance(row, list) and row:
                row[draw(st.integers(0, len(row) - 1))] = value
    return document


@st.composite
def archive_bytes(draw) -> bytes:
    document = draw(edited_archives())
    text = json.dumps(document, allow_nan=True)
    damage = draw(st.sampled_from(["none", "cut", "flip", "nest", "spaces"]))
    data = text.encode("utf-8")
    if damage == "cut":
        data = data[:draw(st.integers(0, len(data)))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    elif damage == "nest":
        depth = draw(st.integers(500, 6000))
        data = data.replace(b'"profile": "fuzz"', b'"profile": ' + b"[" * depth + b"]" * depth)
    elif damage == "spaces":
        data = data.replace(b",", b", \n\t" * draw(st.integers(1, 3)))
    if draw(st.booleans()):
        out = io.BytesIO()
        method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED,
                                       zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
        with zipfile.ZipFile(out, "w", method) as zf:
            zf.writestr(draw(st.sampled_from(["profile.json", "other.json"])), data)
        data = out.getvalue()
        if draw(st.booleans()):
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    return data


@SHARED
@given(data=st.one_of(archive_bytes(), st.binary(max_size=200)))
def test_any_archive_is_read_whole_or_refused_with_a_code(tmp_path, data):
    path = tmp_path / "profile.json"
    path.write_bytes(data)
    try:
        archive = read_archive(path, latest_version())
    except ArchiveError as refused:
        assert refused.code in ARCHIVE_ERRORS, refused.code
        return
    assert 1 <= archive.schema_version <= latest_version()
    for table in archive.tables:
        assert all(len(row) == len(table.columns) for row in table.rows)


@SHARED
@given(data=archive_bytes())
def test_a_restore_makes_a_sound_profile_or_nothing(tmp_path, monkeypatch, data):
    from workbook.paths import profile_path
    from workbook.services.profiles import ProfileExistsError, restore_profile

    home = tmp_path / "home"
    monkeypatch.setenv("WORKBOOK_HOME", str(home))
    path = tmp_path / "profile.zip"
    path.write_bytes(data)
    try:
        done = restore_profile(path, "fuzzed")
    except (ArchiveError, ProfileExistsError) as refused:
        assume(not isinstance(refused, ProfileExistsError))
        assert refused.code in ARCHIVE_ERRORS, refused.code
        assert not list((home / "profiles").glob("*fuzzed*")) if (home / "profiles").exists() \
            else True
        return
    conn = sqlite3.connect(profile_path(done.profile))
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        names = [r[0] for r in conn.execute("SELECT full_name FROM contacts")]
        assert all(has_visible_character(n) for n in names)
    finally:
        conn.close()
    profile_path(done.profile).unlink()
