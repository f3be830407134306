"""One module per CLI command: `add_arguments(parser)` and `run(args) -> int`."""


class UsageError(Exception):
    """A problem the user can fix: printed as one line on stderr, exit status 2."""
