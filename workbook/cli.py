"""`workbook` command line: serve, demo, import, export, plan, press, card, group, whole
profiles."""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys

from workbook import __version__
from workbook.commands import UsageError
from workbook.paths import ProfileNameError
from workbook.store import NewerSchemaError, is_busy

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
    """argparse, but a usage error is one line on stderr (exit 2), not a usage dump."""

    def error(self, message: str):
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `only`, just that command's part: each command's
    module is imported to describe it, and some import a lot (`serve` loads Voilà)."""
    parser = _Parser(prog="workbook", description="Networking Workbook / Classeur réseau.")
    parser.add_argument("--version", action="version", version=f"workbook {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"workbook.commands.{module_name}")
        summary = (module.__doc__ or "").strip().splitlines()[0]
        command = sub.add_parser(name, help=summary, description=module.__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def _command_named(argv: list[str]) -> str | None:
    """The command `argv` runs, when it names a known one first."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(_command_named(sys.argv[1:] if argv is None else argv))
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "run", None):
            parser.print_help()
            return 2
        return args.run(args)
    except UsageError as problem:
        print(f"workbook: error: {problem}", file=sys.stderr)
        return 2
    except ProfileNameError as problem:
        print(f"workbook: error: invalid profile name {str(problem)!r}: use letters, digits,"
              " '_', '.' or '-' (at most 64)", file=sys.stderr)
        return 2
    except NewerSchemaError:
        print("workbook: error: this profile was written by a newer workbook; update the "
              "workbook to open it (the file is untouched)", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as problem:
        if is_busy(problem):
            print("workbook: error: the profile is busy (another window or command is writing "
                  "to it); nothing was changed: try again in a moment", file=sys.stderr)
        else:
            print(f"workbook: error: the profile file cannot be read ({problem}); nothing was "
                  "changed: if a copy ending in .bak sits beside it, restore that copy, or "
                  "choose another --profile", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _stdout_closed()


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
