"""Find the files to check, read them safely, and write fixed text back atomically.

Every failure becomes a ``FileError`` with a one-line reason, so the caller can report it, go on with
the other files, and exit 2 at the end.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


class FileError(Exception):
    """A file that cannot be checked or written; the message names the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class SourceFile:
    """A decoded text file, with what is needed to write it back the way it was."""

    path: str
    text: str
    bom: bool = False
    mtime_ns: int = 0
    size: int = 0


def discover(paths: list[str]) -> tuple[list[str], list[FileError]]:
    """Expand folders into their text files (sorted); named files are kept whatever their suffix."""
    found: list[str] = []
    errors: list[FileError] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(_walk(path, errors))
            if not files:
                errors.append(FileError(raw, "no .txt, .md or .markdown files in this folder"))
            for f in files:
                if f not in seen:
                    seen.add(f)
                    found.append(f)
        elif path.exists() or path.is_symlink():
            if raw not in seen:
                seen.add(raw)
                found.append(raw)
        else:
            errors.append(FileError(raw, "no such file or folder"))
    return found, errors


def _walk(root: Path, errors: list[FileError]):
    visited: set[tuple[int, int]] = set()

    def onerror(exc: OSError) -> None:
        errors.append(FileError(str(exc.filename or root), _reason(exc)))

    for folder, dirs, names in os.walk(root, onerror=onerror, followlinks=True):
        try:
            st = os.stat(folder)
        except OSError as exc:
            onerror(exc)
            dirs[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited:  # a symlink loop
            dirs[:] = []
            continue
        visited.add(key)
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(names):
            if name.lower().endswith(TEXT_SUFFIXES):
                yield str(Path(folder) / name)


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower().rstrip(".")


def read_source(path: str) -> SourceFile:
    """Read and decode a file (or stdin) as UTF-8 text, refusing what is not text."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read()
            mtime_ns = size = 0
        else:
            st = os.stat(path)
            if stat.S_ISDIR(st.st_mode):
                raise FileError(path, "is a folder")
            if not stat.S_ISREG(st.st_mode):
                raise FileError(path, "not a regular file")
            with open(path, "rb") as handle:
                data = handle.read()
            mtime_ns, size = st.st_mtime_ns, st.st_size
    except FileError:
        raise
    except OSError as exc:
        raise FileError(path, _reason(exc)) from None
    return SourceFile(path, *decode(path, data), mtime_ns=mtime_ns, size=size)


def decode(path: str, data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (with or without a byte-order mark); anything else is refused with a reason."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileError(path, "UTF-16 text is not supported; convert it to UTF-8")
    if b"\x00" in data:
        raise FileError(path, "binary file (contains NUL bytes)")
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileError(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    return text, bom


def write_atomically(source: SourceFile, text: str) -> None:
    """Replace the file's content with ``text``: temporary file in the same folder, fsync, rename.

    The file's mode is kept, and nothing is written when the file changed on disk since it was read.
    """
    path = source.path
    try:
        st = os.stat(path)
        if (st.st_mtime_ns, st.st_size) != (source.mtime_ns, source.size):
            raise FileError(path, "changed on disk while being checked; not fixed")
        data = (b"\xef\xbb\xbf" if source.bom else b"") + text.encode("utf-8")
        folder = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(prefix=".proofread-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # only root may give a file away; keeping the mode is what matters
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except FileError:
        raise
    except OSError as exc:
        raise FileError(path, f"cannot write the fix: {_reason(exc)}") from None
