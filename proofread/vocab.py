"""The project vocabulary: words files, how an entry accepts a word, and ``vocab add`` / ``vocab collect``.

A words file holds one entry a line; ``#`` starts a comment; blank lines are skipped. An entry with a
capital or a non-lowercase letter is case-sensitive ("Goïta" accepts "Goïta" only, not "goïta" nor
"GOÏTA"); an all-lowercase entry accepts any casing ("kubectl" accepts "Kubectl" at a sentence start).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property

from proofread.context import Context


class VocabularyError(Exception):
    """A words file that cannot be read or written; the message is one line."""


@dataclass(frozen=True)
class Vocabulary:
    """The entries of a project's words files."""

    entries: frozenset[str] = frozenset()

    @property
    def lowercase(self) -> frozenset[str]:
        return frozenset(e for e in self.entries if e == e.lower())

    def accepts(self, word: str) -> bool:
        return accepts(self.entries, word)

    def __bool__(self) -> bool:
        return bool(self.entries)


def accepts(entries: frozenset[str] | set[str], word: str) -> bool:
    """True when the vocabulary ``entries`` know ``word``: exactly, or by an all-lowercase entry in any casing."""
    if word in entries:
        return True
    low = word.lower()
    return low != word and low in entries


class ProjectContext(Context):
    """A ``Context`` whose vocabulary follows the casing rule above.

    ``ctx.vocabulary`` holds every entry as written; ``ctx.vocabulary_lower``, which rules use to accept a
    word in any casing, holds only the all-lowercase entries, so "Goïta" does not excuse "goïta".
    """

    @cached_property
    def vocabulary_lower(self) -> frozenset[str]:
        return frozenset(e for e in self.vocabulary if e == e.lower())


def project_context(entries: frozenset[str], dialect: str = "en-US") -> ProjectContext:
    """The Context of a project's run: its vocabulary entries and spelling dialect."""
    return ProjectContext(vocabulary=entries, dialect=dialect)


def parse_words(text: str) -> list[str]:
    """The entries of a words file's text, in order."""
    out = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return out


def load_words(path: str, required: bool = False) -> frozenset[str]:
    """The entries of one words file; a missing file is empty unless ``required``."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return frozenset(parse_words(handle.read()))
    except FileNotFoundError:
        if required:
            raise VocabularyError(f"{path}: vocabulary file not found") from None
        return frozenset()
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: cannot read the vocabulary: {exc}") from None


def load(paths: list[str], required: bool = False) -> Vocabulary:
    entries: set[str] = set()
    for path in paths:
        entries |= load_words(path, required)
    return Vocabulary(frozenset(entries))


def add_words(path: str, words: list[str]) -> list[str]:
    """Add ``words`` to a words file: comments at the top kept, entries sorted and deduplicated.

    Returns the words that were new. The file is created when missing.
    """
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        lines = []
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: cannot read the vocabulary: {exc}") from None
    header: list[str] = []
    entries: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not entries and (stripped.startswith("#") or not stripped):
            header.append(line)
        elif stripped and not stripped.startswith("#"):
            entries.append(line.rstrip())
        elif stripped:
            entries.append(line.rstrip())  # a comment among entries stays with them
    present = {e.split("#", 1)[0].strip() for e in entries}
    new = []
    for word in words:
        word = word.strip()
        if not word:
            continue
        if "#" in word or any(ch.isspace() for ch in word):
            raise VocabularyError(f"cannot add {word!r}: an entry is one word without spaces or '#'")
        if word not in present:
            present.add(word)
            new.append(word)
            entries.append(word)
    body = sorted(set(entries), key=_sort_key)
    while header and not header[-1].strip():
        header.pop()
    text = "\n".join([*header, *body]) + "\n" if header or body else ""
    try:
        from proofread.files import SourceFile, write_atomically

        if os.path.exists(path):
            st = os.stat(path)
            write_atomically(SourceFile(path, "", False, st.st_mtime_ns, st.st_size), text)
        else:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot write the vocabulary: {exc}") from None
    except Exception as exc:  # FileError from write_atomically
        raise VocabularyError(str(exc)) from None
    return new


def _sort_key(entry: str) -> tuple[str, str]:
    word = entry.split("#", 1)[0].strip()
    return (word.casefold(), word)


def collect(results, session=None, capitalised_only: bool = True) -> list[tuple[str, int]]:
    """The unknown words of ``results``, with how often, most frequent first.

    A word counts when a spelling rule flagged it, or (given the run's ``session``) when it is a
    capitalised word, a likely name, that neither the lexicon nor the project vocabulary knows; for
    those, ``results`` must keep their whole text (``Session.process(path, keep_text=True)``).
    """
    from collections import Counter

    counts: Counter[str] = Counter()
    for result in results:
        flagged: set[int] = set()
        for d in result.diagnostics:
            if d.category != "spelling":
                continue
            word = result.excerpt.slice(d.span.start, d.span.end)
            if not word or (capitalised_only and not word[0].isupper()):
                continue
            flagged.add(d.span.start)
            counts[word] += 1
        if session is not None:
            for start, word in _unknown_names(result, session.plan_for(result.path)):
                if start not in flagged:
                    counts[word] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))


def _unknown_names(result, plan):
    from proofread.document import build_document
    from proofread.model import TokenKind

    lexicon = plan.ctx.lexicon
    for tok in build_document(result.text, result.path).tokens:
        word = tok.text
        if tok.kind is not TokenKind.WORD or not word[0].isupper():
            continue
        for suffix in ("'s", "\u2019s"):
            if word.endswith(suffix):
                word = word[: -len(suffix)]
        if len(word) < 2 or accepts(plan.vocabulary, word) or lexicon.is_known(word):
            continue
        yield tok.start, word
