"""Bad input never ends in a traceback: one line naming the file and the reason, exit 2, others checked."""

from __future__ import annotations

import errno
import io
import os
import socket
import subprocess
import sys
import tempfile

import pytest

import proofread.fix
from proofread import files
from proofread.files import FileError, read_source
from proofread.runner import Settings, run

FAULTY = "They met in Mali,Burkina Faso and Niger.\n"
CLEAN = "They met in Mali, Burkina Faso and Niger.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_settings(*paths, **kw):
    out, err = io.StringIO(), io.StringIO()
    kw.setdefault("select", ("PU",))
    kw.setdefault("output_format", "concise")
    code = run(Settings(paths=tuple(str(p) for p in paths), **kw), out, err)
    return code, out.getvalue(), err.getvalue()


def run_cli(*args, stdin=None, timeout=120):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "proofread", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=timeout,
    )


def assert_one_error(err: str, name: str, reason: str) -> None:
    lines = [line for line in err.splitlines() if name in line]
    assert len(lines) == 1, err
    assert lines[0].startswith("proofread: error: ") and reason in lines[0], lines[0]
    assert "Traceback" not in err


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(FAULTY, encoding="utf-8")
    return path


def check_bad(bad, good, reason):
    """The bad path gets one error line; the good file is still checked; exit code 2."""
    code, out, err = run_settings(bad, good)
    assert code == 2
    assert_one_error(err, os.path.basename(str(bad)), reason)
    assert f"{good}:1:17: PU001" in out
    return err


# --- paths that are not regular files -----------------------------------------------------------------


def test_missing_path(tmp_path, good):
    check_bad(tmp_path / "missing.md", good, "no such file or folder")


def test_folder_named_like_a_file(tmp_path, good):
    with pytest.raises(FileError, match="is a folder"):
        read_source(str(tmp_path))
    empty = tmp_path / "empty"
    empty.mkdir()
    check_bad(empty, good, "no .txt, .md or .markdown files")


def test_symlink_loop_named_and_inside_a_folder(tmp_path, good):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    check_bad(loop, good, "symbolic link loop")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "back").symlink_to(tmp_path)  # a folder loop: walked once
    (sub / "a.md").write_text(FAULTY, encoding="utf-8")
    code, out, err = run_settings(tmp_path)
    assert code == 2
    assert_one_error(err, "loop.md", "symbolic link loop")
    assert out.count("a.md:1:17") == 1 and "good.txt:1:17" in out


def test_broken_symlink(tmp_path, good):
    link = tmp_path / "broken.md"
    link.symlink_to(tmp_path / "nowhere.md")
    check_bad(link, good, "no such file or directory")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking(tmp_path, good):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    check_bad(fifo, good, "named pipe (FIFO)")
    # Found by walking a folder too, and in a separate process so that a hang would show as a timeout.
    r = run_cli("check", "--select", "PU", "--output-format", "concise", str(tmp_path), timeout=120)
    assert r.returncode == 2
    assert_one_error(r.stderr, "pipe.md", "named pipe (FIFO)")
    assert "good.txt:1:17" in r.stdout


def test_fifo_swapped_in_after_the_look_is_opened_without_blocking(tmp_path, monkeypatch):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    regular = os.stat(tmp_path / "..")  # pretend the first look saw a regular file
    real_stat = os.stat

    def fake_stat(path, *a, **kw):
        st = real_stat(path, *a, **kw)
        if str(path) == str(fifo):
            fields = list(st)
            fields[0] = 0o100644  # S_IFREG | 0644
            return os.stat_result(fields)
        return st

    del regular
    monkeypatch.setattr(files.os, "stat", fake_stat)
    with pytest.raises(FileError, match="named pipe"):
        read_source(str(fifo))


def test_device(tmp_path, good):
    if not os.path.exists(os.devnull):
        pytest.skip("no null device")
    check_bad(os.devnull, good, "is a device")
    link = tmp_path / "zero.md"  # a link to a device, met while walking a folder
    link.symlink_to("/dev/zero")
    code, _, err = run_settings(tmp_path)
    assert code == 2
    assert_one_error(err, "zero.md", "is a device")


def test_socket(tmp_path, good):
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets")
    path = tmp_path / "s.md"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
    except OSError:
        pytest.skip("cannot bind a Unix socket here")
    try:
        check_bad(path, good, "is a socket")
    finally:
        sock.close()


def test_nul_in_path(good):
    code, _, err = run_settings("bad\x00name.md", good)
    assert code == 2 and "Traceback" not in err and "bad" in err


# --- permissions --------------------------------------------------------------------------------------


def test_unreadable_file(tmp_path, good, monkeypatch):
    secret = tmp_path / "secret.md"
    secret.write_text(FAULTY, encoding="utf-8")
    if IS_ROOT:  # root reads anything: simulate the refusal where the file is opened
        real_open = os.open

        def refuse(path, flags, *a, **kw):
            if str(path) == str(secret):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, flags, *a, **kw)

        monkeypatch.setattr(files.os, "open", refuse)
    else:
        secret.chmod(0)
    check_bad(secret, good, "permission denied")


def test_unreadable_folder(tmp_path, good, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.md").write_text(FAULTY, encoding="utf-8")
    if IS_ROOT:
        real_scandir = os.scandir

        def refuse(path="."):
            if str(path) == str(locked):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", refuse)
    else:
        locked.chmod(0)
    try:
        code, out, err = run_settings(tmp_path)
    finally:
        locked.chmod(0o755)
    assert code == 2
    assert_one_error(err, "locked", "permission denied")
    assert "good.txt:1:17" in out


def test_read_only_file_is_not_fixed(tmp_path, monkeypatch):
    path = tmp_path / "ro.txt"
    path.write_text(FAULTY, encoding="utf-8")
    path.chmod(0o444)
    if IS_ROOT:  # root may write anyway: simulate a user who may not
        monkeypatch.setattr(files.os, "geteuid", lambda: 1000)
        monkeypatch.setattr(files.os, "access", lambda p, mode: False)
    code, _, err = run_settings(path, fix=True)
    assert code == 2
    assert_one_error(err, "ro.txt", "read-only")
    assert path.read_text(encoding="utf-8") == FAULTY
    assert oct(path.stat().st_mode & 0o777) == oct(0o444)


def test_folder_not_writable(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(FAULTY, encoding="utf-8")
    if IS_ROOT:

        def refuse(*a, **kw):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        tmp_path.chmod(0o555)
    try:
        code, _, err = run_settings(path, fix=True)
    finally:
        tmp_path.chmod(0o755)
    assert code == 2
    assert_one_error(err, "a.txt", "cannot write the fix: permission denied")
    assert path.read_text(encoding="utf-8") == FAULTY
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


# --- contents -------------------------------------------------------------------------------------------


def test_empty_file_is_fine(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    code, out, err = run_settings(path, select=("ALL",))
    assert (code, err) == (0, "") and "empty.md" not in out
    assert run_settings(path, select=("ALL",), fix=True)[0] == 0
    assert path.read_bytes() == b""


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("binary.md", bytes(range(256)) * 4, "binary file (NUL byte at offset 0)"),
        ("png.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("nul.txt", b"Some text\x00with a NUL in it.\n", "binary file (NUL byte at offset 9)"),
        ("invalid.md", b"Fine so far, then \xc3\x28 broken.\n", "not valid UTF-8 (byte 0xc3 at offset 18, line 1)"),
        ("latin1.txt", "Un café à Paris.\nDeux crêpes.\n".encode("latin-1"), "not valid UTF-8"),
        ("cp1252.txt", "He said \u201chello\u201d.".encode("cp1252"), "not valid UTF-8 (byte 0x93"),
        ("utf16le.md", "Hello, world.\n".encode("utf-16"), "UTF-16 text is not supported"),
        ("utf16be.md", b"\xfe\xff" + "Hello, world.\n".encode("utf-16-be"), "UTF-16 text is not supported"),
        ("utf16nobom.md", "Hello, world.\n".encode("utf-16-le"), "UTF-16 text (without a byte-order mark)"),
        ("utf32.md", "Hello.\n".encode("utf-32"), "UTF-32 text is not supported"),
        ("truncated.md", "Ends in the middle of é".encode()[:-1], "not valid UTF-8"),
        ("surrogate.md", b"A lone surrogate \xed\xa0\x80 here.", "not valid UTF-8"),
    ],
)
def test_undecodable_files(tmp_path, good, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    check_bad(path, good, reason)


def test_utf8_with_bom_is_read_and_kept(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FAULTY.encode())
    source = read_source(str(path))
    assert source.bom and source.text == FAULTY
    assert run_settings(path, fix=True)[0] == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + CLEAN.encode()


def test_100_mb_binary_file_is_refused_after_its_first_block(tmp_path, good, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # sparse: takes no disk and no time
        handle.truncate(100 * 1024 * 1024)

    real_read = os.read
    reads = []

    def counting(fd, n):
        if os.fstat(fd).st_size == 100 * 1024 * 1024:
            reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(files.os, "read", counting)
    err = check_bad(big, good, "(without a byte-order mark) is not supported")  # all NUL bytes: as a whole read says
    assert "big.txt" in err
    assert reads == [files.BLOCK_BYTES]  # read in blocks: refused after the first


def test_file_over_the_limit_is_refused_before_it_is_read(tmp_path, good, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(3000)
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 2048)
    real_read = os.read

    def no_reading(fd, n):
        if os.fstat(fd).st_size == 3000:
            raise AssertionError("a file over the limit must not be read")
        return real_read(fd, n)

    monkeypatch.setattr(files.os, "read", no_reading)
    check_bad(big, good, "too large to check (3,000 bytes; the limit is 2,048 bytes of prose)")


def test_file_that_grows_past_the_limit_while_read(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_text("small\n", encoding="utf-8")
    monkeypatch.setattr(files, "WHOLE_FILE_BYTES", 1000)
    real_read = os.read

    def grow(fd, n):
        with open(path, "ab") as handle:
            handle.write(b"x" * 2000)
        return real_read(fd, n)

    monkeypatch.setattr(files.os, "read", grow)
    with pytest.raises(FileError, match="too large|changed while being read"):
        read_source(str(path))


def test_single_10_mb_line_is_refused_quickly(tmp_path, good):
    path = tmp_path / "oneline.md"
    path.write_bytes(b"word " * 2_000_000)  # read in blocks: refused after the first
    check_bad(path, good, "line 1 is too long to be prose (more than 1,048,576 characters; the limit is 100,000)")


def test_long_line_in_a_file_read_whole(tmp_path, good):
    path = tmp_path / "long.md"
    path.write_bytes(b"Short line.\n" + b"word " * 40_000 + b"\n")
    check_bad(path, good, "line 2 is too long to be prose (200,000 characters; the limit is 100,000)")


def test_long_line_under_the_limit_is_checked(tmp_path):
    path = tmp_path / "long.txt"
    line = "Mali,Burkina. " + "A plain sentence here. " * 200
    path.write_text(line + "\n", encoding="utf-8")
    code, out, err = run_settings(path)
    assert code == 1 and err == "" and ":1:5: PU001" in out


def test_mixed_line_endings_are_checked_and_kept(tmp_path):
    path = tmp_path / "mixed.txt"
    data = b"One,two.\r\nThree,four.\nFive,six.\rSeven,eight.\r\n\nNine,ten."
    path.write_bytes(data)
    code, out, err = run_settings(path, select=("PU001",))
    assert code == 1 and err == ""
    assert [line.split(":")[1] for line in out.splitlines() if "PU001" in line][:3] == ["1", "2", "3"]
    assert run_settings(path, select=("PU001",), fix=True)[0] == 0
    assert path.read_bytes() == data.replace(b",", b", ")
    # With every rule: no error, whatever the rules make of the mixture.
    code, _, err = run_settings(path, select=("ALL",), fix=True)
    assert code in (0, 1) and err == ""


def test_stdin_bad_input(good):
    r = run_cli("check", "--select", "PU", "-", stdin=None)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    env = {**os.environ, "NO_COLOR": "1"}
    r = subprocess.run(
        [sys.executable, "-m", "proofread", "check", "--select", "PU", "-", str(good)],
        input=b"abc\x00def",
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 2
    assert b"-: binary file" in r.stderr and b"Traceback" not in r.stderr
    assert b"good.txt:1:17" in r.stdout


# --- files that change while they are checked -----------------------------------------------------------


def test_file_changed_while_read(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(FAULTY, encoding="utf-8")
    real_read = os.read

    def append_then_read(fd, n):
        data = real_read(fd, n)
        if data == FAULTY.encode():
            with open(path, "a", encoding="utf-8") as handle:
                handle.write("More.\n")
        return data

    monkeypatch.setattr(files.os, "read", append_then_read)
    with pytest.raises(FileError, match="changed while being read"):
        read_source(str(path))


def test_file_that_disappears_before_it_is_read(tmp_path, good, monkeypatch):
    gone = tmp_path / "gone.md"
    gone.write_text(FAULTY, encoding="utf-8")
    real_read_source = files.read_source

    def vanish_first(path, **kw):
        if path == str(gone) and gone.exists():
            gone.unlink()
        return real_read_source(path, **kw)

    monkeypatch.setattr("proofread.runner.read_source", vanish_first)
    check_bad(gone, good, "no such file or directory")


@pytest.mark.parametrize("how", ["edit", "same-size-same-time", "delete", "replace"])
def test_file_changed_while_checked_is_not_fixed(tmp_path, good, monkeypatch, how):
    path = tmp_path / "busy.txt"
    path.write_text(FAULTY, encoding="utf-8")
    real_fix = proofread.fix.fix_until_stable
    edited = FAULTY.replace("Niger", "Chad,")

    def meddle(text, *a, **kw):
        if text == FAULTY and path.exists() and path.read_text(encoding="utf-8") == FAULTY:
            st = path.stat()
            if how == "edit":
                path.write_text(edited, encoding="utf-8")
            elif how == "same-size-same-time":
                path.write_text(FAULTY.replace("Mali", "Togo"), encoding="utf-8")
                os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
            elif how == "delete":
                path.unlink()
            else:
                other = tmp_path / "other"
                other.write_text(FAULTY, encoding="utf-8")
                os.replace(other, path)
                os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        return real_fix(text, *a, **kw)

    monkeypatch.setattr(proofread.fix, "fix_until_stable", meddle)
    code, out, err = run_settings(path, good, fix=True)
    assert code == 2
    reason = "disappeared while being checked" if how == "delete" else "changed on disk while being checked"
    assert_one_error(err, "busy.txt", reason)
    assert good.read_text(encoding="utf-8") == CLEAN  # the other file is still fixed
    if how == "edit":
        assert path.read_text(encoding="utf-8") == edited  # the newer edit is not lost
    elif how == "same-size-same-time":
        assert path.read_text(encoding="utf-8") == FAULTY.replace("Mali", "Togo")
    elif how == "delete":
        assert not path.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".proofread-")) == []


# --- the whole command: never a traceback, always the same output ---------------------------------------


def make_zoo(root):
    (root / "good.md").write_text("# Notes\n\nThey met in Mali,Burkina Faso.\n\n- teh first item\n", encoding="utf-8")
    (root / "also.txt").write_text("A line,with a comma.\nAnother line .\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.md").write_bytes(b"\x00\x01\x02")
    (root / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (root / "utf16.md").write_bytes("hello".encode("utf-16"))
    (root / "mixed.txt").write_bytes(b"One,two.\r\nThree,four.\n")
    (root / "loop.md").symlink_to(root / "loop.md")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.txt")
    return {"binary.md", "latin1.txt", "utf16.md", "loop.md"} | ({"pipe.txt"} if hasattr(os, "mkfifo") else set())


def test_cli_zoo_one_line_per_bad_file(tmp_path):
    bad = make_zoo(tmp_path)
    r = run_cli("check", "--output-format", "concise", str(tmp_path), str(tmp_path / "missing.md"))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    errors = r.stderr.strip().splitlines()
    assert len(errors) == len(bad) + 1, r.stderr
    for name in bad | {"missing.md"}:
        assert_one_error(r.stderr, name, "")
    assert "good.md:" in r.stdout and "also.txt:" in r.stdout


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "github"])
def test_output_is_byte_identical_across_runs(tmp_path, fmt):
    make_zoo(tmp_path)
    first = run_cli("check", "--output-format", fmt, str(tmp_path))
    second = run_cli("check", "--output-format", fmt, str(tmp_path))
    assert first.returncode == second.returncode == 2
    assert first.stdout == second.stdout and first.stderr == second.stderr
    assert first.stdout  # something was reported


def test_diff_output_is_byte_identical_across_runs(tmp_path):
    make_zoo(tmp_path)
    first = run_cli("check", "--diff", str(tmp_path))
    second = run_cli("check", "--diff", str(tmp_path))
    assert (first.returncode, first.stdout, first.stderr) == (second.returncode, second.stdout, second.stderr)
    assert "+++" in first.stdout
