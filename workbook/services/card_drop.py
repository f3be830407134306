"""The card drop folder: a directory shared by a cohort (e.g. on a JupyterHub server), with one
sub-folder per group: `$WORKBOOK_CARD_DROP/<group-slug>/`.

A participant publishes their card there (opt-in, after previewing it) as
`<card id>.wbcard.json` and can withdraw it; the coach's page lists the cards it finds and
imports them. A file is written under a temporary name and renamed into place, so the coach
never reads half a card. Without the variable, nothing here is used: cards travel as files or
pasted text.
"""

from __future__ import annotations

import os
import pwd
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from workbook.domain.errors import CodedError

ENV = "WORKBOOK_CARD_DROP"
SUFFIX = ".wbcard.json"
MAX_FILES = 5000      # files read from one group's folder; junk beyond is not looked at
FUTURE_SLACK = 86_400  # a file dated more than a day ahead is listed after the others
GROUP_FOLDER_MODE = 0o1733
ERROR_CODES = ("unreadable", "unwritable", "no_group_folder", "bad_group", "bad_card_id")
_SAFE = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
_CARD_ID = re.compile(r"^[A-Za-z0-9]{1,64}$")


class DropFolderError(CodedError, OSError):
    """The drop folder is missing, unreadable or unwritable; `code` says which."""

    catalogue = "group.drop_error"

    def __init__(self, code: str, path: Path | str = ""):
        super().__init__(code, path, path=path)
        self.path = path


@dataclass(frozen=True)
class DroppedCard:
    path: Path
    modified: float
    size: int
    owner: str = ""      # the Unix user who dropped it; "" for the coach's own files


def file_owner(uid: int) -> str:
    """Who dropped a file on a cohort server (each participant is a Unix user, and the
    folder's sticky bit keeps anyone from replacing another's file): their user name, or
    "" when it is the coach's own file (a laptop, a card the coach saved there)."""
    if uid == os.getuid():
        return ""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def drop_root(environ: dict | None = None) -> Path | None:
    """The configured drop folder, or None when there is none."""
    value = (environ if environ is not None else os.environ).get(ENV, "").strip()
    return Path(value).expanduser() if value else None


def group_folders(root: Path) -> list[str]:
    """The groups that have a folder (their slugs), sorted."""
    try:
        return sorted(entry.name for entry in root.iterdir()
                      if entry.is_dir() and _SAFE.match(entry.name))
    except OSError:
        raise DropFolderError("unreadable", root) from None


def group_folder(root: Path, slug: str, create: bool = False) -> Path:
    """`root/slug`, checked to be a plain name (never a path that leaves the drop folder)."""
    if not _SAFE.match(slug or ""):
        raise DropFolderError("bad_group", slug)
    folder = root / slug
    if create and not folder.is_dir():
        try:
            folder.mkdir(parents=False)
            # Participants (other Unix users on a cohort server) may add and remove their own
            # card but neither list the folder nor touch another's: sticky, write + search.
            folder.chmod(GROUP_FOLDER_MODE)
        except FileExistsError:
            pass
        except OSError:
            raise DropFolderError("unwritable", folder) from None
    elif not folder.is_dir():
        raise DropFolderError("no_group_folder", folder)
    return folder


def card_path(root: Path, slug: str, card_id: str) -> Path:
    if not _CARD_ID.match(card_id or ""):
        raise DropFolderError("bad_card_id", card_id)
    return group_folder(root, slug) / f"{card_id}{SUFFIX}"


def publish(root: Path, slug: str, card_id: str, data: bytes) -> Path:
    """Write (or replace) this participant's card in the group's folder, atomically."""
    target = card_path(root, slug, card_id)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".card-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644)   # the coach, another user, must be able to read it
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        raise DropFolderError("unwritable", target.parent) from None
    return target


def withdraw(root: Path, slug: str, card_id: str) -> bool:
    """Remove this participant's card; False when there was none."""
    target = card_path(root, slug, card_id)
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except OSError:
        raise DropFolderError("unwritable", target.parent) from None
    return True


def is_published(root: Path, slug: str, card_id: str) -> bool:
    try:
        return card_path(root, slug, card_id).is_file()
    except DropFolderError:
        return False


def list_cards(root: Path, slug: str, now: float | None = None) -> list[DroppedCard]:
    """The card files in a group's folder (at most MAX_FILES), newest first — those dated in
    the future after all the others, so that junk files with a made-up date never come
    before genuine cards."""
    folder = group_folder(root, slug)
    found = []
    try:
        for entry in folder.iterdir():
            if len(found) >= MAX_FILES:
                break
            if entry.name.endswith(SUFFIX) and entry.is_file():
                info = entry.stat()
                found.append(DroppedCard(entry, info.st_mtime, info.st_size,
                                         file_owner(info.st_uid)))
    except OSError:
        raise DropFolderError("unreadable", folder) from None
    limit = (time.time() if now is None else now) + FUTURE_SLACK
    found.sort(key=lambda c: (c.modified > limit, -c.modified, c.path.name))
    return found


def read_dropped(card: DroppedCard, limit: int) -> bytes:
    """A dropped file's bytes, at most `limit` + 1 (so a huge file reads as too large). Only
    a regular file, and not through a link: anyone in the group names the files here, and a
    link could make the coach's own server read one of the coach's files."""
    from workbook.io.files import FileRefused, read_regular  # not at every page's start-up

    try:
        return read_regular(card.path, limit, follow_links=False)
    except (FileRefused, OSError):
        raise DropFolderError("unreadable", card.path) from None
