"""Find the files to check, read them safely, and write fixed text back atomically.

Every failure becomes a ``FileError`` with a one-line reason, so the caller can report it, go on with
the other files, and exit 2 at the end. Reading never blocks (a FIFO or a device is refused before it
is opened, and opened without blocking in case it was swapped in), and never takes more than
``MAX_FILE_BYTES`` into memory. Writing goes through a temporary file in the same folder that is
fsynced and renamed over the original, with SIGINT, SIGTERM and SIGHUP held back until the rename is
done, so an interrupted run leaves every file either old or new and no temporary file behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

STDIN = "-"

# Prose files are small: the largest real documents (changelogs, books in one file) are a few MB. Above
# these limits a file is generated data, a dump or a minified blob, and checking it would take minutes.
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_LINE_CHARS = 100_000

TEMP_PREFIX = ".proofread-"
TEMP_SUFFIX = ".tmp"
_DEFERRED_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name)
)


class FileError(Exception):
    """A file that cannot be checked or written; the message names the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class SourceFile:
    """A decoded text file, with what is needed to write it back the way it was.

    ``device``, ``inode``, ``mtime_ns``, ``size`` and ``digest`` (SHA-256 of the bytes read) identify
    the version that was read: a fix is written only while the file on disk is still that version.
    """

    path: str
    text: str
    bom: bool = False
    mtime_ns: int = 0
    size: int = 0
    device: int = 0
    inode: int = 0
    digest: bytes = b""


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    return (exc.strerror or str(exc) or type(exc).__name__).lower().rstrip(".")


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, for the message that refuses it."""
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "not a regular file"


def _size_text(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _too_large(path: str, size: int) -> FileError:
    return FileError(
        path, f"too large to check ({_size_text(size)}; the limit is {_size_text(MAX_FILE_BYTES)} of prose)"
    )


def read_source(path: str) -> SourceFile:
    """Read and decode a file (or stdin) as UTF-8 text, refusing what is not text."""
    if path == STDIN:
        try:
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise FileError(path, _reason(exc)) from None
        if len(data) > MAX_FILE_BYTES:
            raise FileError(path, f"too large to check (more than {_size_text(MAX_FILE_BYTES)})")
        text, bom = decode(path, data)
        _check_lines(path, text)
        return SourceFile(path, text, bom, digest=hashlib.sha256(data).digest())
    try:
        data, st = _read_regular(path)
    except FileError:
        raise
    except OSError as exc:
        raise FileError(path, _reason(exc)) from None
    except ValueError:  # e.g. a NUL character in the path
        raise FileError(path, "not a valid path") from None
    text, bom = decode(path, data)
    _check_lines(path, text)
    return SourceFile(
        path,
        text,
        bom,
        mtime_ns=st.st_mtime_ns,
        size=st.st_size,
        device=st.st_dev,
        inode=st.st_ino,
        digest=hashlib.sha256(data).digest(),
    )


def _read_regular(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its status, refusing anything that is not one without blocking."""
    before = os.stat(path)  # look before opening: opening a FIFO blocks, opening a device may act
    if not stat.S_ISREG(before.st_mode):
        raise FileError(path, _kind(before.st_mode))
    if before.st_size > MAX_FILE_BYTES:
        raise _too_large(path, before.st_size)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped for a FIFO or a device between stat and open
            raise FileError(path, _kind(st.st_mode))
        if (st.st_dev, st.st_ino) != (before.st_dev, before.st_ino):
            raise FileError(path, "was replaced while being read; check it again")
        chunks = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > MAX_FILE_BYTES:
            raise _too_large(path, len(data))
        after = os.fstat(fd)
    finally:
        os.close(fd)
    if (after.st_size, after.st_mtime_ns) != (st.st_size, st.st_mtime_ns) or len(data) != after.st_size:
        raise FileError(path, "changed while being read; check it again")
    return data, after


def decode(path: str, data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (with or without a byte-order mark); anything else is refused with a reason."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise FileError(path, "UTF-32 text is not supported; convert it to UTF-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileError(path, "UTF-16 text is not supported; convert it to UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_like_utf16(data):
            raise FileError(path, "UTF-16 text (without a byte-order mark) is not supported; convert it to UTF-8")
        raise FileError(path, f"binary file (NUL byte at offset {nul})")
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        raise FileError(
            path,
            f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset}, line {line});"
            " convert it to UTF-8 (is it Latin-1 or Windows-1252?)",
        ) from None
    return text, bom


def _looks_like_utf16(data: bytes) -> bool:
    """True when every other byte of the start is NUL, the way ASCII-range UTF-16 looks."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return evens.count(0) >= 0.9 * len(evens) or odds.count(0) >= 0.9 * len(odds)


def _check_lines(path: str, text: str) -> None:
    """Refuse a file with a line so long that it cannot be prose (minified or generated data)."""
    if len(text) <= MAX_LINE_CHARS:
        return
    start = number = 0
    while start < len(text):
        number += 1
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if end - start > MAX_LINE_CHARS:
            raise FileError(
                path,
                f"line {number} is too long to be prose ({end - start:,} characters; the limit is {MAX_LINE_CHARS:,})",
            )
        start = end + 1


# --- writing ----------------------------------------------------------------------------------------


def write_atomically(source: SourceFile, text: str) -> None:
    """Replace the file's content with ``text``: temporary file in the same folder, fsync, rename.

    The file's mode and owner are kept, a symbolic link is followed (the link stays a link), and
    nothing is written when the file changed on disk since it was read, when it is read-only, or when
    the write fails (full disk, I/O error): the original is then left exactly as it was, and the
    temporary file is removed. Signals that would stop the process are held back until the file is
    either old or new.
    """
    path = source.path
    data = (b"\xef\xbb\xbf" if source.bom else b"") + text.encode("utf-8")
    with _signals_deferred():
        try:
            target = os.path.realpath(path)
            st = _unchanged_status(source, target)
            if os.geteuid() != 0 and not os.access(target, os.W_OK):
                raise FileError(path, "cannot write the fix: permission denied (the file is read-only); not fixed")
            _replace(source, target, data, st)
        except FileError:
            raise
        except OSError as exc:
            raise FileError(path, f"cannot write the fix: {_reason(exc)}; the file is unchanged") from None


def _unchanged_status(source: SourceFile, target: str) -> os.stat_result:
    """The file's status, after making sure it is still the version that was read."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        raise FileError(source.path, "disappeared while being checked; not fixed") from None
    if not stat.S_ISREG(st.st_mode):
        raise FileError(source.path, f"{_kind(st.st_mode)} now; not fixed")
    changed = (st.st_mtime_ns, st.st_size) != (source.mtime_ns, source.size)
    if source.inode and (st.st_dev, st.st_ino) != (source.device, source.inode):
        changed = True
    if not changed and source.digest:
        # Timestamps are coarse (a few ms): compare the content too, which also catches a same-size edit.
        try:
            data, _ = _read_regular(target)
        except FileError:
            changed = True
        else:
            changed = hashlib.sha256(data).digest() != source.digest
    if changed:
        raise FileError(source.path, "changed on disk while being checked; not fixed (check it again)")
    return st


def _replace(source: SourceFile, target: str, data: bytes, st: os.stat_result) -> None:
    folder = os.path.dirname(target)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            _write_all(fd, data)
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
            _keep_owner(fd, st, source.path)
            os.fsync(fd)
        finally:
            os.close(fd)
        # The last look before the rename keeps the window for a lost edit as small as it can be.
        now = os.stat(target)
        if (now.st_mtime_ns, now.st_size, now.st_ino) != (st.st_mtime_ns, st.st_size, st.st_ino):
            raise FileError(source.path, "changed on disk while being fixed; not fixed (check it again)")
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "short write")
        view = view[written:]


def _keep_owner(fd: int, st: os.stat_result, path: str) -> None:
    """Give the new file the old one's owner and group; refuse when the owner cannot be kept."""
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.fchown(fd, st.st_uid, st.st_gid)
        return
    except PermissionError:
        pass
    if mine.st_uid != st.st_uid:
        raise FileError(path, "cannot write the fix: the file belongs to another user, whose ownership would be lost")
    try:
        os.fchown(fd, -1, st.st_gid)  # the owner is ours; keep the group if we belong to it
    except PermissionError:
        raise FileError(path, "cannot write the fix: the file's group could not be kept") from None


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable (best effort: some file systems refuse to fsync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM, SIGHUP and SIGQUIT until the block ends, then deliver them.

    Only the main thread may set signal handlers; elsewhere the block runs unprotected.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous: dict[int, object] = {}

    def hold(signum: int, frame: object) -> None:
        received.append(signum)

    for sig in _DEFERRED_SIGNALS:
        try:
            previous[sig] = signal.signal(sig, hold)
        except (OSError, ValueError):
            pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        if received:
            signal.raise_signal(received[0])  # now the file is whole: stop the way the signal asks
