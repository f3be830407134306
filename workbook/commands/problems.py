"""What went wrong outside the workbook's own rules — the disk, the file system, SQLite — as
the one sentence a command prints: what happened, that nothing was changed (every write is one
transaction, every file is written beside its name then renamed), and what to do."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from workbook.i18n import Translator
from workbook.io.files import FileRefused, shown_name
from workbook.paths import data_home
from workbook.store.db import DamagedProfileError, problem_kind

_OS_KINDS = {errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full", errno.EROFS: "read_only",
             errno.EACCES: "read_only", errno.EPERM: "read_only", errno.ENOTDIR: "not_a_folder",
             errno.EEXIST: "not_a_folder", errno.EIO: "io_error"}


def describe_problem(problem: BaseException, tr: Translator) -> str:
    """One sentence for an `OSError` or an SQLite error met by a command."""
    home = shown_name(data_home())
    if isinstance(problem, DamagedProfileError):
        return tr("cli.error.damaged", path=shown_name(problem.path),
                  problem="; ".join(problem.problems[:2]))
    if isinstance(problem, sqlite3.Error):
        kind = problem_kind(problem)
        folder = data_home() / "profiles"
        if kind == "cannot_open" and folder.is_dir() and not os.access(folder, os.W_OK):
            kind = "read_only"                        # SQLite's word for read-only media
        folder = shown_name(folder)
        if kind in ("busy", "disk_full", "read_only", "cannot_open", "io_error"):
            return tr(f"cli.error.{kind}", path=folder, home=home, problem=problem)
        return tr("cli.error.unreadable", problem=problem)
    if isinstance(problem, FileRefused):
        key = {"not_a_file": "cli.error.not_a_file",
               "exists": "export.error.file_exists"}.get(problem.code, "export.error.cannot_write")
        return tr(key, path=shown_name(problem.path))
    if isinstance(problem, OSError):
        kind = _OS_KINDS.get(problem.errno, "os_error")
        where = problem.filename if problem.filename is not None else data_home()
        path = shown_name(Path(where) if not isinstance(where, bytes) else where.decode(
            "utf-8", "replace"))
        return tr(f"cli.error.{kind}", path=path, home=home,
                  problem=problem.strerror or problem)
    return tr("cli.error.unexpected", problem=f"{type(problem).__name__}: {problem}"[:200])
