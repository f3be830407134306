"""Restore a whole profile from an archive made by `workbook export` (.json or .zip).

The profile is created new, whole or not at all: an existing profile is never overwritten.
"""

from __future__ import annotations

import argparse

from workbook.commands import UsageError
from workbook.i18n import Translator, choose_language
from workbook.paths import check_profile_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the archive (.json or .zip)")
    parser.add_argument("--profile", metavar="NEW",
                        help="name of the new profile (default: the name in the archive)")


def run(args: argparse.Namespace) -> int:
    return restore(args.file, args.profile)


def restore(path: str, profile: str | None) -> int:
    """Restore `path` as profile `profile` (the archive's own name when None); prints one
    line. Shared with `workbook import`, which recognises archives."""
    from workbook.io.archive import ArchiveError
    from workbook.services.profiles import ProfileExistsError, restore_profile

    tr = Translator(choose_language())
    try:
        done = restore_profile(path, check_profile_name(profile) if profile else None)
    except ArchiveError as problem:
        detail = f" ({problem.detail})" if problem.detail else ""
        raise UsageError(f"{path}: {tr(f'export.archive.{problem.code}')}{detail}") from None
    except ProfileExistsError as problem:
        raise UsageError(tr("export.restore.exists", profile=str(problem))) from None
    print(tr("export.restore.done", profile=done.profile, path=path, rows=done.rows))
    return 0
