"""``--diff-from REF``: the lines changed since a git ref, and the findings that touch them.

Changed lines come from ``git diff -U0 REF`` (the working tree against REF, staged or not); files git does
not track yet count as changed throughout.
"""

from __future__ import annotations

import os
import re

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")

# absolute path -> set of changed 1-based line numbers, or None when every line counts as changed
Changed = dict[str, "set[int] | None"]


class GitDiffError(Exception):
    """git is missing, this is not a repository, or the ref is unknown; the message is one line."""


def _git(args: list[str], cwd: str | None = None) -> str:
    import subprocess

    try:
        proc = subprocess.run(["git", *args], capture_output=True, cwd=cwd, check=False)
    except FileNotFoundError:
        raise GitDiffError("--diff-from needs git, which is not installed") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitDiffError(
            f"git {' '.join(args[:2])} failed: {message[0] if message else 'exit ' + str(proc.returncode)}"
        )
    return proc.stdout.decode("utf-8", "surrogateescape")


def parse_diff(diff: str, root: str) -> Changed:
    """The added or changed lines per file of a ``git diff -U0`` output (paths made absolute under ``root``)."""
    changed: Changed = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":
                current = None
                continue
            if target.startswith('"'):
                target = _unquote(target)
            if target.startswith("b/"):
                target = target[2:]
            current = changed.setdefault(os.path.normpath(os.path.join(root, target)), set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start = int(m.group(1))
                count = 1 if m.group(2) is None else int(m.group(2))
                current.update(range(start, start + count))
    return changed


def _unquote(quoted: str) -> str:
    """Undo git's C-style quoting of unusual file names."""
    body = quoted[1:-1]
    data = body.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1")
    return data.decode("utf-8", "replace")


def changed_lines(ref: str, cwd: str | None = None) -> Changed:
    """The lines changed since ``ref`` in the repository around ``cwd``; untracked files count as all changed."""
    if ref.startswith("-"):
        raise GitDiffError(f"--diff-from: {ref!r} is not a git ref")
    try:
        root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except GitDiffError as exc:
        raise GitDiffError(f"--diff-from: {str(exc).split('fatal: ')[-1]}") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except GitDiffError:
        raise GitDiffError(f"--diff-from: unknown git ref {ref!r}") from None
    diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", ref, "--"], root)
    changed = parse_diff(diff, root)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    for name in untracked.split("\0"):
        if name:
            changed[os.path.normpath(os.path.join(root, name))] = None
    return changed


def only_changed(path: str, index, diagnostics, changed: Changed) -> tuple:
    """The diagnostics of ``path`` that start, end or lie on a changed line (``index``: the file's
    ``Excerpt`` or ``LineIndex``, for line numbers)."""
    if path == "-":
        return tuple(diagnostics)
    key = os.path.normpath(os.path.realpath(path))
    if key not in changed:
        key = os.path.normpath(os.path.abspath(path))
    if key not in changed:
        return ()
    lines = changed[key]
    if lines is None:
        return tuple(diagnostics)
    kept = []
    for d in diagnostics:
        first = index.position(d.span.start)[0]
        last = index.position(max(d.span.start, d.span.end - 1))[0]
        if any(n in lines for n in range(first, last + 1)):
            kept.append(d)
    return tuple(kept)
