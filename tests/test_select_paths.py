"""File selection: the compiled glob matcher decides exactly as the fnmatch-based matcher it replaced.

``reference_match`` below is the earlier ``glob_match`` (one fnmatch call per candidate and per path part);
each tricky pattern is compared with it on many generated paths, so any difference in meaning fails here.
"""

from __future__ import annotations

import itertools
import os
import random
from fnmatch import fnmatchcase

import pytest

from proofread.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Config, compile_globs, glob_match


def reference_match(pattern: str, rel: str) -> bool:
    """The fnmatch-based matcher, kept as the yardstick for the compiled one."""
    pattern = pattern.strip().replace("\\", "/").rstrip("/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if not pattern:
        return False
    candidates = [pattern]
    if pattern.startswith("**/"):
        candidates.append(pattern[3:])
    if pattern.endswith("/**"):
        candidates.append(pattern[:-3])
    parts = rel.split("/")
    anchored = "/" in pattern.strip("*/")
    for pat in candidates:
        if fnmatchcase(rel, pat):
            return True
        for i in range(1, len(parts)):
            if fnmatchcase("/".join(parts[:i]), pat):
                return True
        if not anchored:
            for i in range(1, len(parts)):
                if fnmatchcase("/".join(parts[i:]), pat):
                    return True
                if fnmatchcase(parts[i], pat):
                    return True
    return False


TRICKY_PATTERNS = [
    # plain names: a file name only, a folder, a folder with a trailing slash, a dotted name
    "notes.txt",
    "drafts",
    "drafts/",
    ".git",
    "./build",
    # a slash: anchored to the configuration's folder
    "docs/old",
    "docs/*.md",
    "docs/old/",
    "/docs",
    # ** at either end, or inside
    "**/old",
    "**/old/*",
    "old/**",
    "**/old/**",
    "docs/**/x.md",
    "**",
    "**/*.md",
    # wildcards that cross slashes, single characters, classes
    "*.md",
    "*",
    "a*b",
    "old*",
    "*old",
    "*old*",
    "o?d",
    "?",
    "[ab]",
    "[!a]*",
    "[a-c]?.txt",
    "x[/]y",
    "a*b*c",
    "d*s/o*",
    # odd spellings
    "docs\\old",
    "  drafts  ",
    "",
    "/",
    "[",
    "a[",
]

PARTS = ["a", "b", "ab", "axb", "abc", "old", "olds", "xold", "docs", "drafts", "notes.txt", "x.md", "c", ".git"]


def generated_paths(count: int = 1500, seed: int = 7) -> list[str]:
    """Relative paths of one to five parts, with a few odd ones (empty parts, parent folders)."""
    rng = random.Random(seed)
    paths = {"/".join(p) for n in (1, 2) for p in itertools.product(PARTS, repeat=n)}
    while len(paths) < count:
        paths.add("/".join(rng.choice(PARTS) for _ in range(rng.randint(3, 5))))
    paths.update(["", "a//b", "a/", "/a", "../docs/old/x.md", "../../a/b.md", "docs/old", "x/y", "x//y"])
    return sorted(paths)


PATHS = generated_paths()


@pytest.mark.parametrize("pattern", TRICKY_PATTERNS)
def test_one_glob_decides_as_the_fnmatch_matcher(pattern):
    differ = [rel for rel in PATHS if glob_match(pattern, rel) != reference_match(pattern, rel)]
    assert differ == []


@pytest.mark.parametrize(
    "patterns",
    [DEFAULT_EXCLUDE, DEFAULT_INCLUDE, ("docs/*.md", "**/old/*", "o?d", "notes.txt"), ("a*b", "[ab]", "drafts/")],
)
def test_a_set_of_globs_decides_as_any_of_them(patterns):
    compiled = compile_globs(patterns)
    differ = [rel for rel in PATHS if compiled.matches(rel) != any(reference_match(p, rel) for p in patterns)]
    assert differ == []


def test_the_comparison_can_fail():
    # the generated paths tell the tricky patterns apart, so a matcher that differs would be caught
    assert any(reference_match("**/old/*", rel) for rel in PATHS)
    assert any(not reference_match("**/old/*", rel) for rel in PATHS)
    assert any(reference_match("a*b", rel) != reference_match("a*b", rel.replace("/", "_")) for rel in PATHS)


def test_config_selection_uses_the_same_meaning(tmp_path):
    config = Config(root=str(tmp_path), exclude=("drafts", "docs/old"), extend_exclude=("*.bak.md",))
    for rel in PATHS:
        if not rel or rel.startswith(("/", "..")) or rel.endswith("/") or "//" in rel:
            continue
        path = str(tmp_path / rel)
        expected = any(reference_match(p, rel) for p in config.exclude + config.extend_exclude)
        assert config.is_excluded(path) is expected, rel
        assert config.is_included(path) is any(reference_match(p, rel) for p in DEFAULT_INCLUDE), rel


def reference_relative(path: str, root: str) -> str:
    """The earlier ``Config.relative``: the whole path worked out each time."""
    return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")


@pytest.mark.parametrize("cwd", [".", "proj", "proj/docs", "proj/docs/old", "other"])
@pytest.mark.parametrize("root", [".", "proj", "proj/docs", "other", "ABS"])
def test_paths_relative_to_the_configuration_as_before(tmp_path, monkeypatch, cwd, root):
    for folder in ("proj/docs/old", "other"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(tmp_path / cwd)
    config = Config(root=str(tmp_path / "proj") if root == "ABS" else root)
    names = ["x.md", "proj", "docs", "old", "other", "build", ".", ".."]
    folders = ["", ".", "..", "../..", "proj", "proj/docs", "docs/old", "./docs/", "../proj/docs", str(tmp_path)]
    for folder in folders:
        for name in names:
            path = os.path.join(folder, name) if folder else name
            assert config.relative(path) == reference_relative(path, config.root), path
