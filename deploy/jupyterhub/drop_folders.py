"""Card drop folders: one per group, that the group's participants can write to and only its
coach can read.

A participant's "Share my progress card" writes one file into their group's folder; the coach's
Cards tab reads them all. The folder is made with plain Unix permissions, plus a default POSIX
ACL so that each card file is readable by its author and the coach only:

    <root>/                  root:root              0755  (the workbook lists groups here)
    <root>/<group>/          <coach>:<unix group>   3730  rwx for the coach; write and enter,
                                                         but not list, for the participants;
                                                         sticky: nobody removes another's card
    default ACL on <group>/  user::rw, user:<coach>:r, group::-, other::-

A folder that cannot be protected is not made: without the `acl` package (setfacl), or on a
file system that refuses ACLs, a participant who guesses another's file name could read that
card, so `prepare` raises `UnprotectedFolderError` saying what to install, and makes nothing
(a folder it had just created is removed again).

Run as root. The hub imports it (see jupyterhub_config.py); an administrator can also run it
after editing the groups file:  python3 drop_folders.py /etc/networking-workbook/groups.json
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

DEFAULT_ROOT = "/srv/networking-workbook/cards"
FOLDER_MODE = 0o3730
_GROUP_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,23}$")  # what the workbook's pages accept


class GroupsFileError(ValueError):
    """The groups file cannot be used as it is."""


class UnprotectedFolderError(RuntimeError):
    """A drop folder whose cards the other participants could read: not made."""


INSTALL_ACL = ("install the acl package (Debian/Ubuntu: apt-get install acl), on a file system "
               "with POSIX ACLs")


def _setfacl() -> str:
    """The setfacl program, or `UnprotectedFolderError` saying what to install."""
    found = shutil.which("setfacl")
    if not found:
        raise UnprotectedFolderError(
            f"setfacl is missing, so a card drop folder would let participants read each "
            f"other's cards: {INSTALL_ACL}; no folder was made")
    return found


def load_groups(path: str | os.PathLike) -> dict[str, dict]:
    """`{"groups": {"<name>": {"coach": "<user>", "members": ["<user>", ...]}}}` → the groups.

    Group names become folder and Unix group names: lower-case letters, digits and `-`.
    """
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, dict):
        raise GroupsFileError(f"{path}: expected an object with a \"groups\" object")
    for name, group in groups.items():
        if not _GROUP_NAME.match(name):
            raise GroupsFileError(f"{path}: group name {name!r} must be 1-24 lower-case "
                                  "letters, digits or '-'")
        if not isinstance(group, dict) or not isinstance(group.get("coach"), str) \
                or not isinstance(group.get("members", []), list):
            raise GroupsFileError(f"{path}: group {name!r} needs a \"coach\" (a user name) "
                                  "and \"members\" (a list of user names)")
    return groups


def groups_of(user: str, groups: dict[str, dict]) -> list[str]:
    """The groups `user` coaches or belongs to, sorted."""
    return sorted(name for name, group in groups.items()
                  if user == group["coach"] or user in group.get("members", []))


def unix_group_name(group: str) -> str:
    return f"wbdrop-{group}"


def _exists(user: str) -> bool:
    try:
        pwd.getpwnam(user)
        return True
    except KeyError:
        return False


def _ensure_unix_group(name: str, members: Iterable[str]) -> int:
    try:
        gid = grp.getgrnam(name).gr_gid
    except KeyError:
        subprocess.run(["groupadd", name], check=True)
        gid = grp.getgrnam(name).gr_gid
    # The list replaces the previous one: someone removed from the file loses write access.
    subprocess.run(["gpasswd", "-M", ",".join(members), name], check=True,
                   stdout=subprocess.DEVNULL)
    return gid


def prepare(root: str | os.PathLike, group: str, coach: str, members: Iterable[str],
            unix_name: Callable[[str], str] = lambda user: user) -> Path:
    """Create or repair `group`'s drop folder under `root`; return it. Idempotent.

    Users without a Unix account yet (some set-ups create it at first login) are left out
    until the next call; the folder belongs to root until its coach exists.
    """
    setfacl = _setfacl()                  # before anything is made
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    os.chown(root, 0, 0)
    root.chmod(0o755)
    participants = [unix_name(user) for user in members if _exists(unix_name(user))]
    coach_account = unix_name(coach)
    coach_uid = pwd.getpwnam(coach_account).pw_uid if _exists(coach_account) else 0
    gid = _ensure_unix_group(unix_group_name(group), participants)
    folder = root / group
    try:
        folder.mkdir()
        made = True
    except FileExistsError:
        made = False
    reader = f"u:{coach_account}:r" if coach_uid else "u::r"
    # The default ACL first, on a folder still closed to everyone but root: no card can be
    # written before it protects them.
    if made:
        folder.chmod(0o700)
    protected = subprocess.run([setfacl, "-b", "-m", f"d:u::rw,d:{reader},d:g::-,d:o::-",
                                str(folder)], capture_output=True, text=True)
    if protected.returncode != 0:
        if made:
            folder.rmdir()
        raise UnprotectedFolderError(
            f"{folder}: setfacl failed ({protected.stderr.strip()}), so participants could "
            f"read each other's cards: {INSTALL_ACL}; "
            + ("the folder was not made" if made else "the folder was left as it was"))
    os.chown(folder, coach_uid, gid)
    folder.chmod(FOLDER_MODE)
    return folder


def prepare_all(root: str | os.PathLike, groups: dict[str, dict],
                unix_name: Callable[[str], str] = lambda user: user) -> list[Path]:
    return [prepare(root, name, group["coach"], group.get("members", []), unix_name)
            for name, group in sorted(groups.items())]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    root = os.environ.get("WORKBOOK_CARD_DROP", DEFAULT_ROOT)
    prefix = os.environ.get("WORKBOOK_UNIX_PREFIX", "")
    try:
        folders = prepare_all(root, load_groups(argv[1]), lambda user: prefix + user)
    except (UnprotectedFolderError, GroupsFileError) as problem:
        print(f"drop_folders: {problem}", file=sys.stderr)
        return 1
    for folder in folders:
        print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
