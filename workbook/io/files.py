"""Files the user names: read only a regular file; write only to a regular file or a new name,
never through a link nobody meant to follow.

Reading: a FIFO opened for reading waits for a writer for ever, a device (`/dev/zero`) never
ends, a folder is not content. So the file is opened without waiting (`O_NONBLOCK`), then what
was opened is looked at (`fstat`, not the name, which could change in between) and anything but
a regular file is refused. A link the user named is followed: they meant what it points at.
Where the name comes from someone else (a file found in a shared folder), `follow_links=False`
refuses a link.

Writing: the final name is never followed (`lstat`), and only a regular file is replaced (with
`force`): as root, `export /dev/stdout --force` would otherwise replace the real /dev/stdout,
and a link would be replaced by a file. The content goes to a new hidden file beside the
target, created exclusively (a link planted under that name is not followed), and takes the
name only once complete, so a failure leaves neither half a file nor a changed one. Without
`force` the name is given by a hard link, which fails if the name was taken meanwhile.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from workbook.domain.errors import CodedError

# Why a path was refused (each caller translates them into its own sentences).
FILE_ERRORS = ("not_found", "not_a_file", "exists", "no_folder")


class FileRefused(CodedError, OSError):
    """A path that cannot be read or written as asked: `code` in `FILE_ERRORS`, `detail` the
    path (and what it is). An `OSError` too, so that code written for "the file could not be
    opened" also covers it."""

    def __init__(self, code: str, path: str | Path, what: str = ""):
        super().__init__(code, f"{path}: {what}" if what else str(path))
        self.path = Path(path) if isinstance(path, str | Path) else Path(str(path))


def shown_name(name: str | Path) -> str:
    """A file name as text that can be stored and printed: a name that is not UTF-8 on disk
    (`caf\\xe9.csv` from an old Latin-1 system reaches Python as a lone surrogate) gets the
    replacement character where its undecodable bytes were."""
    text = str(name)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape" if _escaped_only(text) else "replace") \
            .decode("utf-8", "replace")


def _escaped_only(text: str) -> bool:
    """Whether every surrogate in `text` is one Python made of an undecodable byte."""
    return all(0xDC80 <= ord(c) <= 0xDCFF for c in text if 0xD800 <= ord(c) <= 0xDFFF)


def _kind(mode: int) -> str:
    """What a non-regular file is, for the detail of a refusal."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a link"),
                       (stat.S_ISFIFO, "a pipe"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: str | Path, *, follow_links: bool = True) -> BinaryIO:
    """`path` opened for binary reading, or `FileRefused`: `not_found` (missing, no
    permission, a name the system refuses) or `not_a_file` (folder, pipe, device, socket; a
    link with `follow_links=False`). Never waits on a pipe."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except OSError as problem:
        if problem.errno == errno.ELOOP and not follow_links:
            raise FileRefused("not_a_file", path, "a link") from None
        if problem.errno == errno.EISDIR:
            raise FileRefused("not_a_file", path, "a folder") from None
        raise FileRefused("not_found", path, str(problem.strerror or problem)) from None
    except ValueError:                                       # a NUL byte in the name
        raise FileRefused("not_found", repr(str(path))) from None
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused("not_a_file", path, _kind(mode))
        os.set_blocking(handle, True)
        return os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise


def read_regular(path: str | Path, limit: int, *, follow_links: bool = True) -> bytes:
    """The bytes of the regular file `path`, at most `limit` + 1 of them (a caller sees
    "more than `limit`" without reading a huge file whole)."""
    with open_regular(path, follow_links=follow_links) as handle:
        return handle.read(limit + 1)


def check_target(path: str | Path, force: bool = False) -> None:
    """Refuse to write to `path` when it is anything but a new name or (with `force`) a
    regular file: `exists`, `not_a_file` (a link, folder, device, pipe), `no_folder`."""
    path = Path(path)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as problem:
        if problem.errno == errno.ENOTDIR:
            raise FileRefused("no_folder", path) from None
        raise FileRefused("not_found", path, str(problem.strerror or problem)) from None
    except ValueError:
        raise FileRefused("not_found", repr(str(path))) from None
    if mode is not None:
        if not stat.S_ISREG(mode):
            raise FileRefused("not_a_file", path, _kind(mode))
        if not force:
            raise FileRefused("exists", path)
    if not _folder_of(path).is_dir():
        raise FileRefused("no_folder", path.parent)


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


@contextmanager
def replacing(path: str | Path, *, force: bool = False) -> Iterator[BinaryIO]:
    """A binary stream whose content becomes the file `path` when the block ends without
    error (see the module's rules); `FileRefused` before anything is written when `path` may
    not be written, `OSError` when the disk refuses (full, read-only): nothing is left behind
    and nothing is changed either way."""
    path = Path(path)
    check_target(path, force)
    folder = _folder_of(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".part",
                                         dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        _give_name(Path(temporary), path, force)
    finally:
        try:
            os.unlink(temporary)
        except OSError:                   # renamed into place, or its folder went away
            pass


def _give_name(temporary: Path, path: Path, force: bool) -> None:
    """Rename the finished file into place; a target that changed meanwhile into something
    that may not be replaced is left alone."""
    check_target(path, force)
    try:
        current = os.lstat(path)
    except FileNotFoundError:
        current = None
    if current is not None:
        os.chmod(temporary, stat.S_IMODE(current.st_mode))   # a replaced file keeps its mode
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)          # fails if the name was taken meanwhile
    except FileExistsError:
        raise FileRefused("exists", path) from None
    except OSError:                       # a file system without hard links (FAT)
        check_target(path, force)
        os.replace(temporary, path)
