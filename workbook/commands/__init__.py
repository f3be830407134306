"""One module per CLI command: `add_arguments(parser)` and `run(args) -> int`.

Help texts are catalogue keys (`cli.arg.*`, shown translated by `help_formatter`); messages
follow `--lang`, else the profile's saved language (`messages`)."""

import argparse
import errno
import os
import sqlite3

from workbook.i18n import LANGUAGES, Translator, choose_language
from workbook.paths import (
    DEFAULT_PROFILE,
    DEMO_PROFILE,
    ProfileNameError,
    check_profile_name,
    profile_path,
)
from workbook.store import NewerSchemaError, open_profile, open_read_only
from workbook.store.db import problem_kind
from workbook.store.settings import get_setting, saved_language

# Values the help texts may name (`{default_profile}`); a command adds its own at import.
HELP_VALUES: dict[str, object] = {"default_profile": DEFAULT_PROFILE,
                                  "demo_profile": DEMO_PROFILE}


class UsageError(Exception):
    """A problem the user can fix: printed as one line on stderr, exit status 2."""


def open_with_language(profile: str, must_exist: bool = False, lang: str | None = None,
                       reading_only: bool = False):
    """The profile and a translator (the language is `lang` if given, else the
    profile's saved one (see `choose_language`)).
    With `must_exist`, a misspelt name is an error rather than a new empty profile. With
    `reading_only` (an export), a profile on read-only media is opened to be read as it is."""
    path = profile_path(check_profile_name(profile))
    if path.parent.parent.exists() and not path.parent.parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent))
    if must_exist and not path.exists():
        raise UsageError(Translator(choose_language(lang))("import.error.no_profile",
                                                           profile=profile))
    try:
        try:
            conn = open_profile(profile)
        except sqlite3.OperationalError as problem:
            if not (reading_only and path.is_file() and problem_kind(problem) in
                    ("read_only", "cannot_open") and not os.access(path.parent, os.W_OK)):
                raise
            conn = open_read_only(path)
    except NewerSchemaError as problem:
        tr = Translator(choose_language(lang))
        raise UsageError(f"{profile}: {tr('common.error_newer_schema')} ({problem})") from None
    return conn, Translator(choose_language(lang, get_setting(conn, "lang")))


def message_translator(lang: str | None = None, profile: str | None = None) -> Translator:
    """The language of the command line's messages and help: `lang` (a `--lang` flag), else
    the one saved in `profile` (read without changing the file), else `WORKBOOK_LANG`, else
    French."""
    saved = None
    if profile:
        try:
            saved = saved_language(profile_path(check_profile_name(profile)))
        except ProfileNameError:
            saved = None
    return Translator(choose_language(lang if lang in LANGUAGES else None, saved))


def messages(args: argparse.Namespace) -> Translator:
    """`message_translator` for a parsed command line (its `--lang` and `--profile`)."""
    return message_translator(getattr(args, "lang", None),
                              getattr(args, "profile", None) or DEFAULT_PROFILE)


def help_formatter(tr: Translator) -> type[argparse.HelpFormatter]:
    """A help formatter showing `help="cli.arg.…"` keys translated (with `HELP_VALUES` and
    argparse's own `%(default)s`); descriptions keep their line breaks."""

    class _Formatter(argparse.RawDescriptionHelpFormatter):
        def _get_help_string(self, action: argparse.Action) -> str:
            text = action.help or ""
            return tr(text, **HELP_VALUES) if text.startswith("cli.") and tr.has(text) else text

    return _Formatter
