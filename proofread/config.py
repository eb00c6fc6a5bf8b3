"""Project configuration: ``[tool.proofread]`` in ``pyproject.toml``, or ``proofread.toml`` / ``.proofread.toml``.

A file is governed by the nearest configuration found walking up from its folder (stdin: from the current
folder). In one folder ``.proofread.toml`` wins over ``proofread.toml``, which wins over a ``pyproject.toml``
that has a ``[tool.proofread]`` table; a ``pyproject.toml`` without one is passed over. Paths and globs in a
configuration are relative to the folder it lives in.

TOML is parsed only when a configuration file is found, so a run without one never imports a parser.
"""

from __future__ import annotations

import os
import re
from fnmatch import translate
from functools import cache, lru_cache
from typing import NamedTuple

CONFIG_NAMES = (".proofread.toml", "proofread.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".tox",
    ".nox",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    "build",
    "dist",
)
DEFAULT_WORDS_FILE = ".proofread-words.txt"
DIALECTS = ("en-US", "en-GB")

# Codes proofread itself reports (not rules of ``proofread.rules``): name, category, description.
INTERNAL_CODES = {
    "PR001": ("unused-suppression", "cleanup", "a suppression comment that no longer suppresses anything."),
}


class ConfigError(Exception):
    """A configuration file that cannot be used; the message is one line naming the file and the key."""


class Config(NamedTuple):
    """One configuration file's settings (``path`` is None for the built-in defaults)."""

    path: str | None = None
    root: str = "."  # the folder paths and globs are relative to
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    dialect: str = "en-US"
    extend_safe_fixes: tuple[str, ...] = ()
    extend_unsafe_fixes: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] = ()  # words files, relative to root
    vocabulary_explicit: bool = False  # True when the config names its words files

    def words_files(self) -> list[str]:
        """The words files: those named by ``vocabulary``, else ``.proofread-words.txt`` (which may not exist)."""
        names = self.vocabulary or (DEFAULT_WORDS_FILE,)
        return [os.path.join(self.root, n) for n in names]

    def relative(self, path: str) -> str:
        """``path`` relative to this configuration's folder, with forward slashes (for glob matching).

        The folder's part is worked out once per folder; a folder that holds this configuration's folder is
        worked out whole (``..`` and the name would not join to the same text).
        """
        folder, name = os.path.split(path)
        if name not in ("", ".", ".."):
            base = _relative_folder(os.getcwd(), folder, self.root)
            if base == ".":
                return name
            if not all(part == ".." for part in base.split("/")):
                return f"{base}/{name}"
        return _relative_path(path, self.root)

    def is_excluded(self, path: str) -> bool:
        """True for a path the exclusion globs match, and for the words files (they are not prose)."""
        if compile_globs(self.exclude + self.extend_exclude).matches(self.relative(path)):
            return True
        absolute = os.path.abspath(path)
        return any(absolute == os.path.abspath(w) for w in self.words_files())

    def is_included(self, path: str) -> bool:
        return compile_globs(self.include).matches(self.relative(path))

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """The codes ``per-file-ignores`` switches off for ``path``."""
        if not self.per_file_ignores:
            return ()
        rel = self.relative(path)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if glob_match(pattern, rel):
                out.extend(codes)
        return tuple(out)


DEFAULT = Config()


def _relative_path(path: str, root: str) -> str:
    """``path`` relative to ``root``, with forward slashes."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive on Windows
        rel = path
    return rel.replace(os.sep, "/")


@lru_cache(maxsize=4096)
def _relative_folder(cwd: str, folder: str, root: str) -> str:
    """``folder`` relative to ``root`` (``cwd`` is the current folder both are read from: part of the key);
    ``..`` on another drive (Windows), so that the caller works the whole path out."""
    try:
        return os.path.relpath(os.path.abspath(folder), os.path.abspath(root)).replace(os.sep, "/")
    except ValueError:
        return ".."


def glob_match(pattern: str, rel: str) -> bool:
    """Match a gitignore-like glob against a relative path: the whole path, any trailing part, or any folder.

    ``*.md`` matches ``a/b.md``; ``drafts`` and ``drafts/`` match ``drafts/x.md``; ``docs/*.md`` matches
    ``docs/a.md``; ``**/old/*`` matches ``a/old/b.md``. ``*`` crosses ``/`` as in fnmatch.
    """
    return compile_globs((pattern,)).matches(rel)


class GlobSet:
    """Globs compiled once: ``matches(rel)`` is True when any of them matches, as ``glob_match`` decides.

    A glob matches a path when it matches the whole path or a leading run of its parts (a folder and all
    under it); a glob with no slash (but for ``**/`` and ``/**``) may also match a trailing run of parts or
    one part. All but the last test go into one regular expression over the whole path; one part is tested
    on its own only for a wildcard glob that neither starts nor ends with ``*`` (none of the defaults).
    """

    def __init__(self, patterns: tuple[str, ...]) -> None:
        whole: list[str] = []
        self.part_tests: list[re.Pattern] = []
        for pattern in patterns:
            whole_sources, part_sources = _glob_sources(pattern)
            whole.extend(whole_sources)
            self.part_tests.extend(re.compile(source, re.DOTALL) for source in part_sources)
        self.whole_test = re.compile("|".join(whole), re.DOTALL).fullmatch if whole else None

    def matches(self, rel: str) -> bool:
        if self.whole_test is not None and self.whole_test(rel):
            return True
        if self.part_tests:
            parts = rel.split("/")[1:]
            return any(test.fullmatch(part) for test in self.part_tests for part in parts)
        return False


@cache
def compile_globs(patterns: tuple[str, ...]) -> GlobSet:
    """The compiled form of a tuple of globs (made once per tuple)."""
    return GlobSet(patterns)


def _glob_sources(pattern: str) -> tuple[list[str], list[str]]:
    """Regular expressions for one glob: those over the whole path, and those over one part at a time."""
    pattern = pattern.strip().replace("\\", "/").rstrip("/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if not pattern:
        return [], []
    candidates = [pattern]
    if pattern.startswith("**/"):
        candidates.append(pattern[3:])
    if pattern.endswith("/**"):
        candidates.append(pattern[:-3])
    anchored = "/" in pattern.strip("*/")
    whole: list[str] = []
    parts: list[str] = []
    for candidate in candidates:
        body = _fnmatch_body(candidate)
        whole.append(f"(?:{body})(?:/.*)?")  # the whole path, or a folder and everything under it
        if anchored:
            continue
        whole.append(f".*/(?:{body})")  # a trailing run of parts
        if not any(c in candidate for c in "*?["):
            if "/" not in candidate:  # a plain name: one part, anywhere after the first
                whole.append(f".*/(?:{body})(?:/.*)?")
        elif not (candidate.startswith("*") or candidate.endswith("*")):
            parts.append(f"(?:{body})")
        # a glob starting with * that matches one part also matches the path up to that part, and one
        # ending with * also matches the trailing run from that part: both tested above
    return whole, parts


def _fnmatch_body(pattern: str) -> str:
    """fnmatch's regular expression for ``pattern``, without its end anchor (to embed in a larger one)."""
    source = translate(pattern)
    if not source.endswith("\\Z"):  # pragma: no cover - a Python whose fnmatch anchors otherwise
        raise RuntimeError(f"unexpected fnmatch translation {source!r}")
    return source[:-2]


# --- finding and reading configuration files --------------------------------------------------------


@cache
def find_config_file(folder: str) -> str | None:
    """The configuration file governing ``folder`` (absolute), walking up; None when there is none."""
    current = folder
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(current, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml" or _has_tool_table(candidate):
                    return candidate
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


# a [tool.proofread] or [tool.proofread.per-file-ignores] header, or a dotted tool.proofread key (compiled
# on first use: most runs meet no pyproject.toml)
_TOOL_TABLE = r"^[ \t]*(\[[ \t]*tool[ \t]*\.[ \t]*[\"']?proofread[\"']?[ \t]*[\].]|tool\.proofread\b)"


def _has_tool_table(path: str) -> bool:
    """Whether a pyproject.toml configures proofread (found without parsing the TOML)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return False
    return re.search(_TOOL_TABLE, text, re.MULTILINE) is not None


def config_for(path: str) -> Config:
    """The configuration of a file (stdin: of the current folder)."""
    if path == "-":
        folder = os.getcwd()
    else:
        folder = os.path.dirname(os.path.abspath(path))
    found = find_config_file(folder)
    return load_config(found) if found else DEFAULT


def load_config(path: str) -> Config:
    """Read and validate one configuration file; ConfigError on anything wrong."""
    try:
        st = os.stat(path)
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (0, 0)
    return _load_config(path, stamp)


@cache
def _load_config(path: str, stamp: tuple[int, int]) -> Config:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
    data = _parse_toml(path, text)
    prefix = ""
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("proofread", {})
        prefix = "tool.proofread."
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [{prefix.rstrip('.')}] must be a table")
    return parse_config(data, path, prefix)


def _parse_toml(path: str, text: str) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ModuleNotFoundError:
            raise ConfigError(f"{path}: Python 3.10 needs the tomli package to read TOML (pip install tomli)") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


_LIST_KEYS = {
    "select": "rule codes or prefixes",
    "ignore": "rule codes or prefixes",
    "extend-select": "rule codes or prefixes",
    "extend-safe-fixes": "rule codes or prefixes",
    "extend-unsafe-fixes": "rule codes or prefixes",
    "exclude": "globs",
    "extend-exclude": "globs",
    "include": "globs",
    "vocabulary": "paths of words files",
}
ALLOWED_KEYS = (*_LIST_KEYS, "per-file-ignores", "dialect")


def parse_config(data: dict, path: str, prefix: str = "") -> Config:
    """Validate a configuration table; every problem is a one-line ConfigError naming file and key."""
    values: dict = {}
    for key, value in data.items():
        where = f"{path}: {prefix}{key}"
        if key not in ALLOWED_KEYS:
            hint = ""
            if key.replace("_", "-") in ALLOWED_KEYS:
                hint = f" (did you mean {key.replace('_', '-')!r}?)"
            raise ConfigError(f"{path}: unknown key {prefix}{key}{hint}; allowed keys: {', '.join(ALLOWED_KEYS)}")
        attr = key.replace("-", "_")
        if key in _LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where} must be a list of strings ({_LIST_KEYS[key]})")
            if _LIST_KEYS[key].startswith("rule"):
                values[attr] = check_codes(value, where)
            else:
                values[attr] = tuple(value)
        elif key == "dialect":
            if value not in DIALECTS:
                raise ConfigError(f"{where} must be one of {', '.join(DIALECTS)}, not {value!r}")
            values[attr] = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f'{where} must be a table of glob = ["CODE", ...]')
            entries = []
            for glob, codes in value.items():
                if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                    raise ConfigError(f"{where}.{glob!r} must be a list of rule codes or prefixes")
                entries.append((glob, check_codes(codes, f"{where}.{glob!r}")))
            values[attr] = tuple(entries)
    if "vocabulary" in values:
        values["vocabulary_explicit"] = True
    return Config(path=path, root=os.path.dirname(os.path.abspath(path)), **values)


# --- rule codes --------------------------------------------------------------------------------------


def all_codes() -> tuple[str, ...]:
    """Every code a run can report: the rules' and proofread's own (PR001)."""
    from proofread.rules import CODES

    return tuple(sorted({*CODES, *INTERNAL_CODES}))


def known_selectors() -> set[str]:
    out = {"ALL"}
    for code in all_codes():
        out.update(code[:i] for i in range(1, len(code) + 1))
    return out


def check_codes(values, where: str) -> tuple[str, ...]:
    """Normalise selectors ("sp, PU001") and refuse unknown ones with a one-line ConfigError."""
    codes = tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())
    known = known_selectors()
    for code in codes:
        if code not in known:
            raise ConfigError(f"{where}: unknown rule code or prefix {code!r} (see `proofread rules`)")
    return codes


def matches(code: str, selectors) -> bool:
    return any(s == "ALL" or code.startswith(s) for s in selectors)


class Selection(NamedTuple):
    """Rule choices from one layer (a configuration file, then the command line)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def resolve_codes(layers: list[Selection], extra_ignore: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The enabled codes after each layer in turn: ``select`` replaces, ``extend-select`` adds, ``ignore`` removes."""
    codes = all_codes()
    enabled = set(codes)
    for layer in layers:
        if layer.select is not None:
            enabled = {c for c in codes if matches(c, layer.select)}
        enabled |= {c for c in codes if matches(c, layer.extend_select)}
        enabled -= {c for c in codes if matches(c, layer.ignore)}
    if extra_ignore:
        enabled -= {c for c in codes if matches(c, extra_ignore)}
    return tuple(sorted(enabled))


def fix_override(code: str, safe: tuple[str, ...], unsafe: tuple[str, ...]) -> str | None:
    """ "safe", "unsafe" or None: how ``extend-safe-fixes``/``extend-unsafe-fixes`` change ``code``'s fixes.

    The most specific matching selector wins; on a tie, unsafe wins.
    """
    best_safe = max((_specificity(s) for s in safe if matches(code, (s,))), default=-1)
    best_unsafe = max((_specificity(s) for s in unsafe if matches(code, (s,))), default=-1)
    if best_safe < 0 and best_unsafe < 0:
        return None
    return "unsafe" if best_unsafe >= best_safe else "safe"


def _specificity(selector: str) -> int:
    return 0 if selector == "ALL" else len(selector)


def describe(config: Config) -> dict:
    """The resolved settings of a configuration, for ``proofread config``."""
    return {
        "config-file": config.path,
        "root": config.root,
        "select": list(config.select) if config.select is not None else ["ALL"],
        "extend-select": list(config.extend_select),
        "ignore": list(config.ignore),
        "per-file-ignores": {g: list(c) for g, c in config.per_file_ignores},
        "include": list(config.include),
        "exclude": list(config.exclude),
        "extend-exclude": list(config.extend_exclude),
        "dialect": config.dialect,
        "extend-safe-fixes": list(config.extend_safe_fixes),
        "extend-unsafe-fixes": list(config.extend_unsafe_fixes),
        "vocabulary": [os.path.relpath(p, config.root) for p in config.words_files()],
    }
