"""Whole profiles: restore one from an archive, delete one with its backups, and remove a
profile that a failed command had just created."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from workbook.io.archive_reader import ArchiveError, ArchiveStream, open_archive
from workbook.paths import DEFAULT_PROFILE, check_profile_name, profile_path
from workbook.store.archive import RestoreError, restore_tables
from workbook.store.db import connect, damage_found, fold_into_one_file
from workbook.store.migrations import latest_version, migrate

# Files SQLite keeps beside a profile while it is open.
_SIDE_FILES = ("-wal", "-shm", "-journal")


class ProfileExistsError(Exception):
    """The profile named for a restore already exists: nothing is overwritten."""


@dataclass(frozen=True)
class Restored:
    """What a restore did: the profile written, its rows, the archive's schema version."""

    profile: str
    rows: int
    schema_version: int


def profile_files(name: str) -> list[Path]:
    """Every file of profile `name` that exists: the database, SQLite's side files, the
    copies kept before upgrades (`<name>.sqlite.v<N>.bak`) and any half-written restore."""
    path = profile_path(name)
    folder = path.parent
    if not folder.is_dir():
        return []
    found = [path.with_name(path.name + side) for side in ("", *_SIDE_FILES)]
    found += sorted(folder.glob(f"{path.name}.v*.bak"))
    found += sorted(folder.glob(f".{path.name}.restoring-*"))
    return [f for f in found if f.exists()]


def delete_profile(name: str) -> list[Path]:
    """Erase profile `name` and its backups (the right to erasure); returns the files
    removed, none when there was no such profile. A page still serving the profile keeps
    its open file until it stops: stop `workbook serve` first."""
    removed = []
    for path in profile_files(name):
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


@contextmanager
def removed_if_failed(name: str) -> Iterator[None]:
    """A profile this block creates is removed again if the block fails (the connection
    must be closed inside the block): a failed command leaves no empty profile behind."""
    existed = profile_path(name).exists()
    try:
        yield
    except BaseException:
        if not existed:
            delete_profile(name)
        raise


def restore_profile(archive_path: str | Path, name: str | None = None) -> Restored:
    """Restore an archive (`workbook.io.archive`) as the new profile `name` (by default the
    name written in the archive), whole or not at all. `ProfileExistsError` when the profile
    exists; `ArchiveError` for an unreadable, damaged, too large or newer archive. The rows
    go from the archive, as it is read, into a hidden file at the archive's schema version,
    which is then upgraded like any profile, checked by SQLite (`quick_check`), and only then
    takes the profile's name (a link, which refuses to replace a profile created meanwhile).
    """
    if name is not None and profile_path(name).exists():
        raise ProfileExistsError(name)               # before reading a large file for nothing
    with open_archive(archive_path, latest_version()) as archive:
        name = check_profile_name(name or archive.head.profile or DEFAULT_PROFILE)
        target = profile_path(name)
        if target.exists():
            raise ProfileExistsError(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        _check_writable(target.parent)
        partial = target.with_name(f".{target.name}.restoring-{os.getpid()}")
        try:
            rows = _fill(partial, archive)
            _publish(partial, target, name)
        except RestoreError as problem:
            raise ArchiveError("damaged", str(problem)) from None
        finally:
            for side in ("", *_SIDE_FILES):
                Path(f"{partial}{side}").unlink(missing_ok=True)
    return Restored(name, rows, archive.head.schema_version)


def _check_writable(folder: Path) -> None:
    """`OSError` naming `folder` when a profile cannot be made in it (read-only media, no
    permission), before the archive is read for nothing."""
    if not os.access(folder, os.W_OK):
        read_only = os.statvfs(folder).f_flag & os.ST_RDONLY
        code = errno.EROFS if read_only else errno.EACCES
        raise OSError(code, os.strerror(code), str(folder))


def _fill(partial: Path, archive: ArchiveStream) -> int:
    """The archive's rows written into the new file `partial`, upgraded and checked."""
    conn = connect(partial)
    try:
        migrate(conn, archive.head.schema_version)
        rows = restore_tables(conn, archive.tables())
        migrate(conn)
        problems = damage_found(conn)
        if problems:                # what SQLite itself would call damaged never gets a name
            raise ArchiveError("damaged", "; ".join(problems))
        fold_into_one_file(conn)
    finally:
        conn.close()
    return rows


def _publish(partial: Path, target: Path, name: str) -> None:
    """Give the finished file the profile's name without replacing a profile created
    meanwhile (a hard link fails if the name is taken; where links are not supported, a
    rename after one more check)."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise ProfileExistsError(name) from None
    except OSError:
        if target.exists():
            raise ProfileExistsError(name) from None
        os.replace(partial, target)
