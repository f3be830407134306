"""Restore a whole profile from an archive made by `workbook export` (.json or .zip).

The profile is created new, whole or not at all: an existing profile is never overwritten.
"""

from __future__ import annotations

import argparse

from workbook.commands import UsageError, message_translator
from workbook.i18n import LANGUAGES
from workbook.paths import check_profile_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="cli.arg.import_profile.file")
    parser.add_argument("--profile", metavar="NEW", help="cli.arg.import_profile.profile")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def run(args: argparse.Namespace) -> int:
    return restore(args.file, args.profile, args.lang)


def restore(path: str, profile: str | None, lang: str | None = None) -> int:
    """Restore `path` as profile `profile` (the archive's own name when None); prints one
    line. Shared with `workbook import`, which recognises archives."""
    from workbook.io.archive import ArchiveError
    from workbook.services.profiles import ProfileExistsError, restore_profile

    tr = message_translator(lang, profile)
    try:
        done = restore_profile(path, check_profile_name(profile) if profile else None)
    except ArchiveError as problem:
        detail = f" ({problem.detail})" if problem.detail else ""
        raise UsageError(f"{path}: {tr(f'export.archive.{problem.code}')}{detail}") from None
    except ProfileExistsError as problem:
        raise UsageError(tr("export.restore.exists", profile=str(problem))) from None
    print(tr("export.restore.done", profile=done.profile, path=path, rows=done.rows))
    return 0
