"""Isolated-word correction for one tool, in a process of its own (never imported).

Run by the harperpy venv's interpreter for the anchors (Harper's binding, pyspellchecker and symspellpy
live there) and by proofread's interpreter for proofread. Reads {"tool", "words", "eval"} on stdin and
prints {"results": [None | [suggestion, ...]], "seconds": total, "load_seconds": set-up part}
(for the anchors, the time spent building their checker and loading its dictionary, measured by
wrapping the constructors the yardstick's runners call; None for hunspell, which runs as a process).
A result is None where the tool takes the word for a real word (nothing detected), as in the
yardstick's spell_accuracy.py, whose runners are reused for the anchors.
"""

import json
import sys
import time


def proofread(words):
    from proofread.lexicon import load_lexicon

    t0 = time.perf_counter()
    lex = load_lexicon()
    known = getattr(lex, "is_known", None) or (lambda w: w in lex)
    load = time.perf_counter() - t0
    res = []
    for w in words:
        if known(w):
            res.append(None)
            continue
        res.append([c for c, _score in lex.suggest(w, limit=3)])
    return res, load


_LOAD = [0.0]


def _timed(fn):
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _LOAD[0] += time.perf_counter() - t0

    return wrapper


def _time_setup(tool: str) -> None:
    """Wrap what the yardstick's runner calls to build its checker, so that the time spent loading
    dictionaries is known and the look-ups can be timed apart from it."""
    if tool == "pyspellchecker":
        import spellchecker

        spellchecker.SpellChecker = _timed(spellchecker.SpellChecker)
    elif tool == "symspellpy":
        import symspellpy

        class SymSpell(symspellpy.SymSpell):
            __init__ = _timed(symspellpy.SymSpell.__init__)
            load_dictionary = _timed(symspellpy.SymSpell.load_dictionary)

        symspellpy.SymSpell = SymSpell
    elif tool == "harper":
        import harper

        harper.Linter = _timed(harper.Linter)


def main() -> None:
    req = json.load(sys.stdin)
    tool, words = req["tool"], req["words"]
    if tool == "proofread":
        t0 = time.perf_counter()
        res, load = proofread(words)
        dt = time.perf_counter() - t0
    else:
        sys.path.insert(0, req["eval"])
        import spell_accuracy as SA

        runner = SA.RUNNERS.get(tool) or SA.via_tool(tool)
        _time_setup(tool)
        t0 = time.perf_counter()
        res = runner(words)
        dt = time.perf_counter() - t0
        load = _LOAD[0] if tool in ("pyspellchecker", "symspellpy", "harper") else None
    json.dump({"results": res, "seconds": dt, "load_seconds": load}, sys.stdout)


if __name__ == "__main__":
    main()
