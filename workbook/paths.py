"""Where the workbook keeps its data and finds its notebooks."""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

DEFAULT_PROFILE = "default"
# Set to "session" by `workbook serve --session`: the group page shows the room only the
# session's activities.
SESSION_VIEW_VARIABLE = "WORKBOOK_GROUP_VIEW"
DEMO_PROFILE = "demo"
_PROFILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class ProfileNameError(ValueError):
    """A profile name that cannot safely become a file name."""


def data_home() -> Path:
    """`WORKBOOK_HOME` if set, else the platform's user data directory."""
    configured = os.environ.get("WORKBOOK_HOME")
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("networking-workbook", appauthor=False))


def check_profile_name(name: str) -> str:
    """Return `name` if it is a safe profile name (letters, digits, `_ . -`), else raise."""
    if not isinstance(name, str) or not _PROFILE_NAME.fullmatch(name) or name.endswith("."):
        raise ProfileNameError(name)
    return name


def profile_path(name: str) -> Path:
    """The SQLite file of profile `name` (one file per profile)."""
    return data_home() / "profiles" / f"{check_profile_name(name)}.sqlite"


def notebooks_dir() -> Path:
    """The pages: the repository's `notebooks/` in a checkout, else the packaged copy."""
    package = Path(__file__).resolve().parent
    checkout = package.parent / "notebooks"
    return checkout if checkout.is_dir() else package / "notebooks"


def voila_templates_root() -> Path:
    """A Jupyter data directory holding the workbook's own Voilà template."""
    return Path(__file__).resolve().parent / "share" / "jupyter"
