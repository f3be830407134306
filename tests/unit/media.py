"""Real read-only and full disks for the tests that say what the user is told about them.

A command runs in a private mount namespace (`unshare --mount`, mapped to root with
`--map-root-user` when the tests do not run as root), in which the profile's folder is bound
read-only, or is a tiny tmpfs: the errors are the kernel's and SQLite's own, not imitations,
and nothing outside the namespace sees the mounts. Where namespaces are not allowed the test
is skipped, saying so."""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _unshare() -> list[str]:
    command = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        command.insert(1, "--map-root-user")
    return command


@functools.cache
def _namespaces_allowed() -> str:
    """'' when private mounts work here, else why not."""
    if not shutil.which("unshare"):
        return "unshare (util-linux) is missing"
    probe = subprocess.run([*_unshare(), "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, text=True)
    return "" if probe.returncode == 0 else f"private mounts refused: {probe.stderr.strip()}"


def require_private_mounts() -> None:
    reason = _namespaces_allowed()
    if reason:
        pytest.skip(f"needs a private mount namespace to make real read-only or full media "
                    f"({reason})")


def workbook_command(*args: str) -> str:
    """The shell words that run `workbook ARGS` with this checkout's code."""
    return " ".join(shlex.quote(a) for a in (sys.executable, "-m", "workbook", *args))


def run_in_namespace(script: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """`script` (shell) run in a private mount namespace, `WORKBOOK_HOME` set to `home`."""
    require_private_mounts()
    env = dict(os.environ, WORKBOOK_HOME=str(home), WORKBOOK_LANG="en",
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO),
                                                        os.environ.get("PYTHONPATH")])))
    return subprocess.run([*_unshare(), "sh", "-c", script], capture_output=True, text=True,
                          env=env, timeout=timeout, cwd=str(home.parent))


def read_only(folder: Path) -> str:
    """Shell lines making `folder` read-only media for the rest of the script."""
    quoted = shlex.quote(str(folder))
    return f"mount --bind {quoted} {quoted} && mount -o remount,bind,ro {quoted} || exit 99\n"


def small_disk(folder: Path, size: str) -> str:
    """Shell lines putting a tmpfs of `size` (e.g. `2m`) at `folder`."""
    return f"mount -t tmpfs -o size={size} tmpfs {shlex.quote(str(folder))} || exit 99\n"
