"""`workbook` command line: serve, demo, import, export, plan, press, card, group, whole
profiles."""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys

from workbook import __version__
from workbook.commands import UsageError, help_formatter, message_translator
from workbook.i18n import Translator, choose_language
from workbook.paths import DEFAULT_PROFILE, ProfileNameError
from workbook.store import NewerSchemaError

# command name -> module in workbook.commands
COMMANDS = {
    "serve": "serve",
    "demo": "demo",
    "plan": "plan",
    "press": "press",
    "import": "import_",
    "export": "export",
    "import-profile": "import_profile",
    "delete-profile": "delete_profile",
    "erase-contact": "erase_contact",
    "card": "card",
    "group": "group",
}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (exit 2), not a usage dump. argparse's
    own words stay English; the hint around them follows the user's language."""

    tr: Translator | None = None

    def error(self, message: str):
        tr = self.tr or Translator(choose_language())
        raise UsageError(tr("cli.error.usage", message=message, prog=self.prog))


def build_parser(tr: Translator | None = None,
                 only: str | None = None) -> argparse.ArgumentParser:
    """The command line, its help in `tr`'s language (French by default, as the pages); with
    `only`, just that command's part: each command's module is imported to describe it, and
    some import a lot (`serve` loads Voilà)."""
    tr = tr or Translator(choose_language())
    _Parser.tr = tr
    formatter = help_formatter(tr)
    parser = _Parser(prog="workbook", description=tr("cli.description"),
                     formatter_class=formatter)
    parser.add_argument("--version", action="version", version=f"workbook {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"workbook.commands.{module_name}")
        key = name.replace("-", "_")
        summary = tr(f"cli.command.{key}")
        command = sub.add_parser(name, help=summary,
                                 description=f"{summary}\n\n{tr(f'cli.about.{key}')}",
                                 formatter_class=formatter)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def _command_named(argv: list[str]) -> str | None:
    """The command `argv` runs, when it names a known one first."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


def _option(argv: list[str], name: str) -> str | None:
    """The value of option `name` in a command line not parsed yet (`--lang en`, `--lang=en`)."""
    for index, arg in enumerate(argv):
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    _printable_output()
    # Messages and help follow --lang, else the profile's language, before parsing: an
    # error in the command line itself is said in the user's language too.
    tr = message_translator(_option(argv, "--lang"), _option(argv, "--profile") or DEFAULT_PROFILE)
    parser = build_parser(tr, _command_named(argv))
    prefix = tr("cli.error.prefix")
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "run", None):
            parser.print_help()
            return 2
        return args.run(args)
    except UsageError as problem:
        print(f"{prefix} {problem}", file=sys.stderr)
        return 2
    except ProfileNameError as problem:
        print(f"{prefix} {tr('cli.error.profile_name', name=repr(str(problem)))}",
              file=sys.stderr)
        return 2
    except NewerSchemaError:
        print(f"{prefix} {tr('cli.error.newer_schema')}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _stdout_closed()
    except (sqlite3.Error, OSError) as problem:       # the disk, the file system, SQLite
        from workbook.commands.problems import describe_problem
        print(f"{prefix} {describe_problem(problem, tr)}", file=sys.stderr)
        return 2
    except Exception as problem:                    # never a traceback: one sentence
        if os.environ.get("WORKBOOK_DEBUG"):
            raise
        from workbook.commands.problems import describe_problem
        print(f"{prefix} {describe_problem(problem, tr)}", file=sys.stderr)
        return 1


def _printable_output() -> None:
    """A file name that is not UTF-8 on disk (`caf\\xe9.csv`) is printed with an escape
    rather than stopping the command at the last line, once the work is done."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _stdout_closed() -> int:
    """The reader of our output went away (`workbook import … --details | head`): stop
    quietly. Python would report the pipe again when it flushes stdout at exit, so stdout
    now points at /dev/null. Exit status 1, as the standard library's documentation
    recommends: the output was not all delivered."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 1


if __name__ == "__main__":
    sys.exit(main())
