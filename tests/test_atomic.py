"""Fixes are written atomically: temporary file in the same folder, fsync, rename, mode and owner kept.

Every simulated failure between the first write and the rename leaves the original byte for byte and no
temporary file; a signal in the middle of a write is held back until the file is whole.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import textwrap

import pytest

from proofread import files
from proofread.files import FileError, read_source, write_atomically

OLD = "They met in Mali,Burkina Faso and Niger.\n"
NEW = "They met in Mali, Burkina Faso and Niger.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(files.TEMP_PREFIX))


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(OLD, encoding="utf-8")
    return read_source(str(path))


def test_write_replaces_the_content(source, tmp_path):
    write_atomically(source, NEW)
    assert (tmp_path / "doc.md").read_text(encoding="utf-8") == NEW
    assert leftovers(tmp_path) == []


def test_mode_is_kept(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0o640)
    write_atomically(read_source(str(path)), NEW)
    assert path.stat().st_mode & 0o7777 == 0o640


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file to another user")
def test_owner_and_group_are_kept(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(OLD, encoding="utf-8")
    os.chown(path, 4321, 8765)
    write_atomically(read_source(str(path)), NEW)
    st = path.stat()
    assert (st.st_uid, st.st_gid) == (4321, 8765)
    assert path.read_text(encoding="utf-8") == NEW


def test_owner_that_cannot_be_kept_refuses_the_write(tmp_path, monkeypatch):
    path = tmp_path / "doc.txt"
    path.write_text(OLD, encoding="utf-8")
    source = read_source(str(path))
    real_fstat = os.fstat

    def other_owner(fd):  # our new temporary file seems to belong to someone else than the original
        st = real_fstat(fd)
        fields = list(st)
        fields[4] = st.st_uid + 1
        return os.stat_result(fields)

    def refuse(*a):
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(files.os, "fstat", other_owner)
    monkeypatch.setattr(files.os, "fchown", refuse)
    with pytest.raises(FileError, match="belongs to another user"):
        write_atomically(source, NEW)
    assert path.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_symlink_stays_a_link_and_its_target_is_fixed(tmp_path):
    real = tmp_path / "real.md"
    real.write_text(OLD, encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomically(read_source(str(link)), NEW)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == NEW
    assert leftovers(tmp_path) == []


def test_bom_is_kept(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + OLD.encode())
    write_atomically(read_source(str(path)), NEW)
    assert path.read_bytes() == b"\xef\xbb\xbf" + NEW.encode()


def test_temporary_file_is_made_in_the_same_folder(source, tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append((os.path.dirname(src), os.path.basename(src), dst))
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", spy)
    write_atomically(source, NEW)
    ((folder, name, dst),) = seen
    assert folder == str(tmp_path) and name.startswith(files.TEMP_PREFIX) and dst == str(tmp_path / "doc.md")


def test_data_is_fsynced_before_the_rename(source, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(files.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(files.os, "replace", lambda a, b: (events.append("rename"), real_replace(a, b))[1])
    write_atomically(source, NEW)
    assert events[:2] == ["fsync", "rename"]


def enospc(*a, **kw):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def eio(*a, **kw):
    raise OSError(errno.EIO, os.strerror(errno.EIO))


def partial_then_full(monkeypatch):
    """os.write writes a few bytes of the file, then the disk is full."""
    real_write = os.write
    calls = []

    def write(fd, data):
        if fd <= 2:
            return real_write(fd, data)
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[:5]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "write", write)


@pytest.mark.parametrize(
    ("where", "failure", "reason"),
    [
        ("write", enospc, "no space left on device"),
        ("partial-write", None, "no space left on device"),
        ("fsync", enospc, "no space left on device"),
        ("fsync", eio, "input/output error"),
        ("fchmod", eio, "input/output error"),
        ("replace", eio, "input/output error"),
        ("mkstemp", enospc, "no space left on device"),
    ],
)
def test_failure_before_the_rename_leaves_the_original_and_no_temporary_file(
    source, tmp_path, monkeypatch, where, failure, reason
):
    if where == "partial-write":
        partial_then_full(monkeypatch)
    elif where == "write":
        real_write = os.write
        monkeypatch.setattr(files.os, "write", lambda fd, d: real_write(fd, d) if fd <= 2 else failure())
    elif where == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", failure)
    else:
        monkeypatch.setattr(files.os, where, failure)
    with pytest.raises(FileError) as info:
        write_atomically(source, NEW)
    message = str(info.value)
    assert message.startswith(str(tmp_path / "doc.md") + ": cannot write the fix: ")
    assert reason in message and "the file is unchanged" in message and "\n" not in message
    assert (tmp_path / "doc.md").read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_disk_full_through_the_runner_reports_and_goes_on(tmp_path, monkeypatch):
    import io

    from proofread.runner import Settings, run

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(OLD, encoding="utf-8")
    second.write_text(OLD, encoding="utf-8")
    real_fsync = os.fsync
    calls = []

    def fail_once(fd):
        calls.append(fd)
        if len(calls) == 1:
            enospc()
        return real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", fail_once)
    out, err = io.StringIO(), io.StringIO()
    code = run(Settings(paths=(str(first), str(second)), fix=True, select=("PU",)), out, err)
    assert code == 2
    assert err.getvalue().count("\n") == 1 and "a.txt: cannot write the fix: no space left on device" in err.getvalue()
    assert first.read_text(encoding="utf-8") == OLD and second.read_text(encoding="utf-8") == NEW
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("exc", [KeyboardInterrupt, SystemExit, MemoryError])
def test_exception_between_write_and_rename_leaves_the_original(source, tmp_path, monkeypatch, exc):
    def boom(fd):
        raise exc()

    monkeypatch.setattr(files.os, "fsync", boom)
    with pytest.raises(exc):
        write_atomically(source, NEW)
    assert (tmp_path / "doc.md").read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_sigint_during_the_write_is_delivered_after_the_rename(source, tmp_path, monkeypatch):
    real_fsync = os.fsync

    def interrupt_then_fsync(fd):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the temporary file is being written
        return real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", interrupt_then_fsync)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(source, NEW)
    assert (tmp_path / "doc.md").read_text(encoding="utf-8") == NEW  # the whole new file, then the interrupt
    assert leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the handler is back


def test_handlers_are_restored_after_a_write(source):
    before = {s: signal.getsignal(s) for s in files._deferred_signals()}
    write_atomically(source, NEW)
    assert {s: signal.getsignal(s) for s in files._deferred_signals()} == before


def test_write_from_a_thread_still_works(source, tmp_path):
    import threading

    errors = []
    thread = threading.Thread(target=lambda: _catch(errors, write_atomically, source, NEW))
    thread.start()
    thread.join()
    assert errors == [] and (tmp_path / "doc.md").read_text(encoding="utf-8") == NEW


def _catch(errors, fn, *args):
    try:
        fn(*args)
    except BaseException as exc:  # pragma: no cover - reported by the assertion
        errors.append(exc)


SIGNAL_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from proofread import files
    from proofread.runner import Settings, run

    signum = int(sys.argv[1])
    when = sys.argv[2]
    nth = int(sys.argv[3])
    paths = sys.argv[4:]
    real = {"write": os.write, "fsync": os.fsync, "replace": os.replace}
    count = {"n": 0}

    def hit(name):
        def wrapper(*args):
            if name != "write" or args[0] > 2:
                count["n"] += 1
                if count["n"] == nth:  # in the middle of the second file's write
                    os.kill(os.getpid(), signum)
            return real[name](*args)
        return wrapper

    setattr(files.os, when, hit(when))
    sys.exit(run(Settings(paths=tuple(paths), fix=True, select=("PU",))))
    """
)


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT", "SIGHUP"])
@pytest.mark.parametrize(("when", "nth"), [("write", 2), ("fsync", 3), ("replace", 2)])  # fsync: file, then folder
def test_signal_mid_run_leaves_every_file_old_or_new_and_no_temporary_file(tmp_path, signame, when, nth):
    if not hasattr(signal, signame):
        pytest.skip(f"no {signame} here")
    signum = getattr(signal, signame)
    docs = []
    for i in range(4):
        path = tmp_path / f"doc{i}.txt"
        path.write_text(OLD * (i + 1) * 1000, encoding="utf-8")
        docs.append(path)
    r = subprocess.run(
        [sys.executable, "-c", SIGNAL_SCRIPT, str(signum), when, str(nth), *map(str, docs)],
        capture_output=True,
        text=True,
        timeout=300,
        # the child starts with the signal's default action: under nohup SIGHUP is inherited as ignored,
        # and proofread rightly goes on after an ignored signal
        preexec_fn=lambda: signal.signal(signum, signal.SIG_DFL),
    )
    assert r.returncode in (-signum, 1, 128 + signum) or (signame == "SIGINT" and r.returncode != 0), r
    states = []
    for i, path in enumerate(docs):
        content = path.read_text(encoding="utf-8")
        assert content in (OLD * (i + 1) * 1000, NEW * (i + 1) * 1000)
        states.append("new" if content.startswith(NEW) else "old")
    assert states[:2] == ["new", "new"]  # the file being written when the signal came was finished
    assert states[2:] == ["old", "old"]  # and the run stopped there
    assert leftovers(tmp_path) == []


def test_unchanged_file_is_not_rewritten(source, tmp_path):
    """The runner writes only when the text changed; the writer itself keeps an identical copy whole."""
    before = os.stat(tmp_path / "doc.md")
    write_atomically(source, OLD)
    assert (tmp_path / "doc.md").read_text(encoding="utf-8") == OLD
    assert os.stat(tmp_path / "doc.md").st_mode == before.st_mode


def test_source_without_identity_is_still_checked_by_time_and_size(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(OLD, encoding="utf-8")
    st = path.stat()
    bare = files.SourceFile(str(path), OLD, mtime_ns=st.st_mtime_ns, size=st.st_size)
    write_atomically(bare, NEW)
    assert path.read_text(encoding="utf-8") == NEW
    with pytest.raises(FileError, match="changed on disk"):
        write_atomically(bare, OLD)  # the file is no longer the version ``bare`` was read from
