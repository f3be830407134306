"""From bytes on disk to text: refuse what is not a text export, then decode.

Rules: a file is refused before decoding when it is empty, too large, a zip (LinkedIn's
data export arrives zipped; an .xlsx is a zip too), an old Excel binary, UTF-16 (Excel's
"Unicode text") or binary. Decoding order: byte-order mark, strict UTF-8, cp1252 (what
French Windows and Excel write; ISO-8859-1/15 text decodes the same for letters), and a
statistical detector only as a last resort.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from workbook.domain.records import ImportFileError
from workbook.io.files import FileRefused, open_regular

MAX_FILE_BYTES = 64 * 1024 * 1024      # a 30,000-row LinkedIn export is ~4 MB

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # legacy .xls / .doc


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or `ImportFileError` (not_found, not_a_file, too_large, empty).
    Only a regular file is read (`workbook.io.files`): a pipe or a device is refused at once
    instead of waiting or reading for ever."""
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:                 # refused before reading it
                raise ImportFileError("too_large", f"{size} bytes > {MAX_FILE_BYTES}")
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileRefused as problem:
        code = "not_a_file" if problem.code == "not_a_file" else "not_found"
        raise ImportFileError(code, str(problem.detail)) from None
    except OSError as problem:                        # the disk failed while reading
        raise ImportFileError("not_found", str(problem)) from None
    if len(data) > MAX_FILE_BYTES:                    # it grew while being read
        raise ImportFileError("too_large", f"more than {MAX_FILE_BYTES} bytes")
    if not data.strip():
        raise ImportFileError("empty", Path(path).name)
    return data


def check_is_text(data: bytes) -> None:
    """Refuse zip, Excel, UTF-16 and binary content (`ImportFileError`)."""
    head = data[:4096]
    if head.startswith(_ZIP):
        start = data[:65536]
        if b"[Content_Types].xml" in start or b"xl/" in start:
            raise ImportFileError("excel", "an .xlsx workbook")
        if b"opendocument.spreadsheet" in start:
            raise ImportFileError("excel", "an .ods workbook")
        raise ImportFileError("zip", "a zip archive")
    if head.startswith(_OLE):
        raise ImportFileError("excel", "a legacy .xls workbook")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(head):
        raise ImportFileError("utf16", "UTF-16 text")
    if b"\x00" in head or _control_ratio(head) > 0.05:
        raise ImportFileError("binary", "control bytes in the first 4 KB")


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a mark: ASCII text with a NUL at every other byte."""
    if len(head) < 8:
        return False
    even, odd = head[0::2], head[1::2]
    return odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even) or \
        even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd)


def _control_ratio(head: bytes) -> float:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(1, len(head))


def decode(data: bytes) -> tuple[str, str]:
    """`(text, encoding)`: BOM, strict UTF-8, cp1252, then a detector; `ImportFileError`
    (encoding) when nothing fits. The BOM is removed from the text."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as problem:
            raise ImportFileError("encoding", f"byte {problem.start}: not UTF-8") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_latin9(data):
        return data.decode("iso-8859-15"), "iso-8859-15"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    guessed = _detect(data)
    if guessed:
        return guessed
    raise ImportFileError("encoding", "neither UTF-8 nor Windows-1252")


# Œ œ Ÿ Š š inside a word: ISO-8859-15 (Outlook's "Western European (ISO)") rather than
# cp1252, where those bytes are ¼ ½ ¾ ¦ ¨ — and a cp1252 file would use 0x80–0x9F instead.
_LATIN9_LETTER = re.compile(rb"[A-Za-z\xc0-\xff][\xbc\xbd\xbe\xa6\xa8][A-Za-z\xc0-\xff]")
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")


def _looks_latin9(data: bytes) -> bool:
    return bool(_LATIN9_LETTER.search(data)) and not _CP1252_ONLY.search(data)


_LAST_RESORT = ("latin_1", "cp850", "mac_roman")


def _detect(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:          # optional: the three rules above cover real exports
        return None
    # Western single-byte code pages only: what French and English address books write
    # (DOS, old Mac, ISO); a free guess turns "René" into Baltic or Cyrillic letters.
    best = from_bytes(data[:1_000_000], cp_isolation=list(_LAST_RESORT)).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None
