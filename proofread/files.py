"""Find the files to check, read them safely, and write fixed text back atomically.

Every failure becomes a ``FileError`` with a one-line reason, so the caller can report it, go on with
the other files, and exit 2 at the end. Reading never blocks (a FIFO or a device is refused before it
is opened, and opened without blocking in case it was swapped in). A file up to ``WHOLE_FILE_BYTES`` is
read whole (``SourceFile``); a larger one, up to ``MAX_FILE_BYTES``, is opened as a ``ChunkedSource``
whose text comes in pieces, decoded and vetted as they are read, so that it is never held whole (see
``proofread.chunks``). Stdin is read whole, up to ``MAX_STDIN_BYTES``.

Writing goes through a temporary file in the same folder that is fsynced and renamed over the original,
with SIGINT, SIGTERM and SIGHUP held back until the rename is done, so an interrupted run leaves every
file either old or new and no temporary file behind. A large file's fixed text is written piece by
piece into the temporary file (``StreamedWrite``) and renamed over the original at the end.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

STDIN = "-"

# Prose files are small, and are read whole. A whole document costs about 70 times its size in memory
# (a token per word, casing and spelling evidence), so a larger file (a book or a corpus in one file, a
# dump) is read and checked in chunks, which keeps a run near 150 MB whatever the file's size; above
# MAX_FILE_BYTES a file is refused (it would take hours). A line longer than MAX_LINE_CHARS is not prose
# (minified or generated data) and the file is refused.
WHOLE_FILE_BYTES = 2 * 1024 * 1024
MAX_FILE_BYTES = 1024 * 1024 * 1024
MAX_STDIN_BYTES = 10 * 1024 * 1024
MAX_LINE_CHARS = 100_000
BLOCK_BYTES = 1 << 20  # read this much at a time

TEMP_PREFIX = ".proofread-"
TEMP_SUFFIX = ".tmp"
_DEFERRED_SIGNAL_NAMES = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")


def _deferred_signals() -> tuple[int, ...]:
    """The signals held back while a file is replaced (those this platform has)."""
    import signal

    return tuple(getattr(signal, name) for name in _DEFERRED_SIGNAL_NAMES if hasattr(signal, name))


class FileError(Exception):
    """A file that cannot be checked or written; the message names the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SourceFile(NamedTuple):
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


def _sha256(data: bytes = b""):
    """A SHA-256 hash (hashlib is imported only by runs that may write a fix: it costs milliseconds)."""
    import hashlib

    return hashlib.sha256(data)


def _too_large(path: str, size: int) -> FileError:
    return FileError(
        path, f"too large to check ({_size_text(size)}; the limit is {_size_text(MAX_FILE_BYTES)} of prose)"
    )


def is_large(path: str) -> bool:
    """Whether ``path`` is a regular file too large to read whole (it will be checked in chunks)."""
    if path == STDIN:
        return False
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(st.st_mode) and st.st_size > WHOLE_FILE_BYTES


def read_source(path: str, digest: bool = True) -> SourceFile | ChunkedSource:
    """Read and decode a file (or stdin) as UTF-8 text, refusing what is not text.

    A regular file over ``WHOLE_FILE_BYTES`` is not read here: it comes back as an open ``ChunkedSource``
    (close it, or use it as a context manager) whose ``pieces()`` read it. ``digest``: hash the bytes
    read, which writing a fix back needs (a run that writes nothing can do without).
    """
    if path == STDIN:
        try:
            data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
        except OSError as exc:
            raise FileError(path, _reason(exc)) from None
        if len(data) > MAX_STDIN_BYTES:
            raise FileError(path, f"too large to check (more than {_size_text(MAX_STDIN_BYTES)} on stdin)")
        text, bom = decode(path, data)
        _check_lines(path, text)
        return SourceFile(path, text, bom, digest=_sha256(data).digest() if digest else b"")
    try:
        opened = _open_regular(path, digest)
        if isinstance(opened, ChunkedSource):
            return opened
        data, st = opened
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
        digest=_sha256(data).digest() if digest else b"",
    )


def _open_regular(path: str, digest: bool = True) -> tuple[bytes, os.stat_result] | ChunkedSource:
    """The bytes of a regular file and its status, refusing anything that is not one without blocking;
    a file over ``WHOLE_FILE_BYTES`` is left open, unread, as a ``ChunkedSource``."""
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
        if st.st_size > WHOLE_FILE_BYTES:
            source, fd = ChunkedSource(path, fd, st, digest), -1  # the source owns the descriptor now
            return source
        blocks = []
        remaining = WHOLE_FILE_BYTES + 1
        while remaining > 0:
            block = os.read(fd, min(remaining, BLOCK_BYTES))
            if not block:
                break
            blocks.append(block)
            remaining -= len(block)
        data = b"".join(blocks)
        if len(data) > WHOLE_FILE_BYTES:
            raise FileError(path, "changed while being read; check it again")
        after = os.fstat(fd)
    finally:
        if fd >= 0:
            os.close(fd)
    _check_unchanged_while_read(path, st, after, len(data))
    return data, after


def _check_unchanged_while_read(path: str, st: os.stat_result, after: os.stat_result, length: int) -> None:
    if (after.st_size, after.st_mtime_ns) != (st.st_size, st.st_mtime_ns) or length != after.st_size:
        raise FileError(path, "changed while being read; check it again")


def _digest_of(path: str) -> bytes:
    """SHA-256 of a regular file's bytes as they are now (read in blocks, whatever its size)."""
    opened = _open_regular(path)
    if isinstance(opened, ChunkedSource):
        with opened:
            return opened.digest_all()
    return _sha256(opened[0]).digest()


def decode(path: str, data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (with or without a byte-order mark); anything else is refused with a reason."""
    _refuse_other_encodings(path, data)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _binary(path, data, nul)
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        raise _not_utf8(path, data[offset], offset, data.count(b"\n", 0, offset) + 1) from None
    return text, bom


def _refuse_other_encodings(path: str, head: bytes) -> None:
    """Refuse UTF-32 and UTF-16 text by its byte-order mark (the start of the file is ``head``)."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise FileError(path, "UTF-32 text is not supported; convert it to UTF-8")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileError(path, "UTF-16 text is not supported; convert it to UTF-8")


def _binary(path: str, data: bytes, nul: int) -> FileError:
    """The error for a NUL byte at ``nul``: UTF-16 without a byte-order mark, or a binary file."""
    if _looks_like_utf16(data):
        return FileError(path, "UTF-16 text (without a byte-order mark) is not supported; convert it to UTF-8")
    return FileError(path, f"binary file (NUL byte at offset {nul})")


def _not_utf8(path: str, byte: int, offset: int, line: int) -> FileError:
    return FileError(
        path,
        f"not valid UTF-8 (byte 0x{byte:02x} at offset {offset}, line {line});"
        " convert it to UTF-8 (is it Latin-1 or Windows-1252?)",
    )


def _looks_like_utf16(data: bytes) -> bool:
    """True when every other byte of the start is NUL, the way ASCII-range UTF-16 looks."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return evens.count(0) >= 0.9 * len(evens) or odds.count(0) >= 0.9 * len(odds)


def _check_lines(path: str, text: str) -> None:
    """Refuse a file with a line so long that it cannot be prose (minified or generated data)."""
    if len(text) > MAX_LINE_CHARS:
        LineGuard(path).feed(text, final=True)


class LineGuard:
    """The line-length check over a text that comes in pieces: a line may run across pieces."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.number = 1  # the line being read
        self.length = 0  # its characters so far

    def feed(self, piece: str, final: bool = False) -> None:
        """Check the next piece of the text (``final``: the last one); FileError at an over-long line."""
        start = 0
        while (end := piece.find("\n", start)) >= 0:
            self.length += end - start
            if self.length > MAX_LINE_CHARS:
                self._refuse()
            self.number += 1
            self.length = 0
            start = end + 1
        self.length += len(piece) - start
        if self.length > MAX_LINE_CHARS:
            self._refuse(at_least=not final)

    def _refuse(self, at_least: bool = False) -> None:
        more = "more than " if at_least else ""
        raise FileError(
            self.path,
            f"line {self.number} is too long to be prose ({more}{self.length:,} characters; "
            f"the limit is {MAX_LINE_CHARS:,})",
        )


class ChunkedSource:
    """A regular file too large to read whole, open and not yet read.

    ``pieces()`` reads it in blocks of ``BLOCK_BYTES`` and yields its text decoded, refusing (with the
    same one-line reasons as a whole read) what is not UTF-8 text or has an over-long line, and hashing
    the bytes for the write-back; once it is exhausted, ``source()`` is the ``SourceFile`` (without its
    text) that ``StreamedWrite`` needs to replace the file.
    """

    def __init__(self, path: str, fd: int, st: os.stat_result, digest: bool = True) -> None:
        self.path = path
        self._fd = fd
        self._st = st
        self._digest = digest
        self._source: SourceFile | None = None
        self.bom = False  # known once the first piece is read

    def __enter__(self) -> ChunkedSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _blocks(self) -> Iterator[bytes]:
        while True:
            block = os.read(self._fd, BLOCK_BYTES)
            if not block:
                return
            yield block

    def digest_all(self) -> bytes:
        digest = _sha256()
        for block in self._blocks():
            digest.update(block)
        return digest.digest()

    def pieces(self) -> Iterator[str]:
        import codecs

        path = self.path
        decoder = codecs.getincrementaldecoder("utf-8")()
        guard = LineGuard(path)
        digest = _sha256() if self._digest else None
        offset = newlines = 0  # bytes read so far, and line breaks among them
        bom = False
        for block in self._blocks():
            if digest is not None:
                digest.update(block)
            if offset == 0:
                _refuse_other_encodings(path, block)
                bom = self.bom = block.startswith(b"\xef\xbb\xbf")
            nul = block.find(b"\x00")
            if nul >= 0:
                raise _binary(path, block, offset + nul)
            data = block[3:] if offset == 0 and bom else block
            base = offset + (len(block) - len(data))
            pending = decoder.getstate()[0]  # the start of a character cut by the previous block
            try:
                text = decoder.decode(data)
            except UnicodeDecodeError as exc:  # exc.start counts from the pending bytes
                joined = pending + data
                line = newlines + joined.count(b"\n", 0, exc.start) + 1
                raise _not_utf8(path, joined[exc.start], base - len(pending) + exc.start, line) from None
            offset += len(block)
            newlines += block.count(b"\n")
            guard.feed(text)
            yield text
        pending = decoder.getstate()[0]
        try:
            tail = decoder.decode(b"", final=True)
        except UnicodeDecodeError:  # the file ends inside a character
            raise _not_utf8(path, pending[0], offset - len(pending), newlines + 1) from None
        guard.feed(tail, final=True)
        yield tail
        after = os.fstat(self._fd)
        _check_unchanged_while_read(path, self._st, after, offset)
        self._source = SourceFile(
            path,
            "",
            bom,
            mtime_ns=after.st_mtime_ns,
            size=after.st_size,
            device=after.st_dev,
            inode=after.st_ino,
            digest=digest.digest() if digest is not None else b"",
        )

    def source(self) -> SourceFile:
        """The file's identity as read (after ``pieces()`` ran to the end), for ``StreamedWrite``."""
        if self._source is None:
            raise RuntimeError("the file has not been read to the end")
        return self._source


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
            _check_writable(path, target)
            _replace(source, target, data, st)
        except FileError:
            raise
        except OSError as exc:
            raise _write_failed(path, exc) from None


def _check_writable(path: str, target: str) -> None:
    if os.geteuid() != 0 and not os.access(target, os.W_OK):
        raise FileError(path, "cannot write the fix: permission denied (the file is read-only); not fixed")


def _write_failed(path: str, exc: OSError) -> FileError:
    return FileError(path, f"cannot write the fix: {_reason(exc)}; the file is unchanged")


class StreamedWrite:
    """A large file's fixed text, written piece by piece into a temporary file beside it.

    ``commit(source)`` then replaces the file with it, with every check of ``write_atomically`` (the file
    still the version read, writable, mode and owner kept, fsync, rename, signals held back meanwhile);
    ``discard()`` removes the temporary file. As a context manager it is discarded unless committed, so
    an error or an interruption while the file is checked leaves the file as it was and nothing behind.
    """

    def __init__(self, path: str, bom: bool) -> None:
        self.path = path
        self.target = os.path.realpath(path)
        _check_writable(path, self.target)
        try:
            import tempfile

            self._fd, self._tmp = tempfile.mkstemp(
                prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=os.path.dirname(self.target)
            )
        except OSError as exc:
            raise _write_failed(path, exc) from None
        if bom:
            self.write("\ufeff")

    def __enter__(self) -> StreamedWrite:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def write(self, text: str) -> None:
        try:
            _write_all(self._fd, text.encode("utf-8"))
        except OSError as exc:
            raise _write_failed(self.path, exc) from None

    def commit(self, source: SourceFile) -> None:
        """Replace the file (still the version ``source`` describes) with what was written."""
        fd, tmp, self._fd, self._tmp = self._fd, self._tmp, -1, None
        with _signals_deferred():
            try:
                st = _unchanged_status(source, self.target)
                _check_writable(self.path, self.target)
            except BaseException:
                _discard(fd, tmp)
                raise
            try:
                _finish(source, self.target, fd, tmp, st)
            except FileError:
                raise
            except OSError as exc:
                raise _write_failed(self.path, exc) from None

    def discard(self) -> None:
        if self._tmp is not None:
            fd, tmp, self._fd, self._tmp = self._fd, self._tmp, -1, None
            _discard(fd, tmp)


def _discard(fd: int, tmp: str) -> None:
    try:
        os.close(fd)
    except OSError:
        pass
    try:
        os.unlink(tmp)
    except OSError:
        pass


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
            changed = _digest_of(target) != source.digest
        except (FileError, OSError):
            changed = True
    if changed:
        raise FileError(source.path, "changed on disk while being checked; not fixed (check it again)")
    return st


def _replace(source: SourceFile, target: str, data: bytes, st: os.stat_result) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=os.path.dirname(target))
    try:
        _write_all(fd, data)
    except BaseException:
        _discard(fd, tmp)
        raise
    _finish(source, target, fd, tmp, st)


def _finish(source: SourceFile, target: str, fd: int, tmp: str, st: os.stat_result) -> None:
    """Give the written temporary file the original's mode and owner, make it durable, and rename it over
    the original unless that changed meanwhile; the temporary file is removed on any failure."""
    try:
        try:
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
    _fsync_folder(os.path.dirname(target))


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
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous: dict[int, object] = {}

    def hold(signum: int, frame: object) -> None:
        received.append(signum)

    for sig in _deferred_signals():
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
