"""One module per CLI command: `add_arguments(parser)` and `run(args) -> int`."""

from workbook.i18n import Translator, choose_language
from workbook.paths import check_profile_name, profile_path
from workbook.store import NewerSchemaError, open_profile
from workbook.store.settings import get_setting


class UsageError(Exception):
    """A problem the user can fix: printed as one line on stderr, exit status 2."""


def open_with_language(profile: str, must_exist: bool = False, lang: str | None = None):
    """The profile and a translator (the language is `lang` if given, else the
    profile's saved one (see `choose_language`)).
    With `must_exist`, a misspelt name is an error rather than a new empty profile."""
    if must_exist and not profile_path(check_profile_name(profile)).exists():
        raise UsageError(Translator(choose_language())("import.error.no_profile",
                                                       profile=profile))
    try:
        conn = open_profile(profile)
    except NewerSchemaError as problem:
        tr = Translator(choose_language())
        raise UsageError(f"{profile}: {tr('common.error_newer_schema')} ({problem})") from None
    return conn, Translator(choose_language(lang, get_setting(conn, "lang")))
