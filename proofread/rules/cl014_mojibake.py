"""CL014 mojibake: text decoded in the wrong encoding ("cafÃ©" for "café", "donâ€™t" for "don’t").

What it flags: a word holding a sequence that is UTF-8 read as Windows-1252 or Latin-1 (a lead byte such
as "Ã" or "â" followed by continuation bytes such as "©" or "€™"), when ftfy can decode it back.

Why: copying between programs that disagree on the encoding turns every accented letter, curly quote
and dash into two or three strange characters. The text is unreadable there, and the damage spreads each
time it is copied again.

What it leaves alone: accented letters next to quotes or signs that only look like the pattern ("café”",
"José’s", German "groß“"): ftfy finds that they do not decode to sensible text. Masked text (code, URLs,
front matter) is never touched. A check costs one scan of the text's UTF-8 bytes with a pattern that
starts with a literal byte (every lead "Â".."ô" is 0xC3 and one byte); ftfy (about 150 ms to import) is
loaded only when that scan finds a candidate.

Fix safety: a repair is offered only when it round-trips: encoding the repaired text as UTF-8 and
reading it as Windows-1252 or Latin-1 (once, or up to three times for mojibake of mojibake) gives back
exactly the damaged text. It is SAFE when it also leaves no mojibake, no half-repaired residue ("ÃÂ")
and no U+FFFD behind; otherwise it is only shown (DISPLAY_ONLY).
"""

from __future__ import annotations

from proofread.cleanup import (
    MOJIBAKE,
    MOJIBAKE_BYTES,
    MOJIBAKE_RESIDUE,
    char_offsets,
    lazy_regex,
    quoted,
    unmasked_spans,
    utf8,
)
from proofread.model import Edit, Fix
from proofread.punctuation import unmasked_stretch
from proofread.rules.base import Rule

_WORD_BEFORE = lazy_regex(r"[^ \t\r\n]*\Z")
_WORD_AFTER = lazy_regex(r"[^ \t\r\n]*")
_RUN = lazy_regex(f"(?:{MOJIBAKE.pattern})+")

_CONFIG = None


def _config():
    global _CONFIG
    import ftfy  # imported only when a candidate is found: it takes about 150 ms

    if _CONFIG is None:
        _CONFIG = ftfy.TextFixerConfig(
            unescape_html=False,
            remove_terminal_escapes=False,
            fix_encoding=True,
            restore_byte_a0=True,
            replace_lossy_sequences=False,
            decode_inconsistent_utf8=True,
            fix_c1_controls=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_surrogates=False,
            remove_control_chars=False,
            normalization=None,
            explain=True,
        )
    return _CONFIG


def _round_trips(damaged: str, repaired: str) -> bool:
    """True when encoding ``repaired`` as UTF-8 and reading it back as Windows-1252 or Latin-1, once or
    up to three times (mojibake of mojibake), gives ``damaged`` again (a space standing for a lost
    no-break space)."""
    target = damaged.replace("\u00a0", " ")
    layer = {repaired}
    for _ in range(3):
        following = set()
        for text in layer:
            data = text.encode("utf-8", "surrogatepass")
            for encoding in ("sloppy-windows-1252", "latin-1"):
                following.add(data.decode(encoding, "replace"))
        if any(text.replace("\u00a0", " ") == target for text in following):
            return True
        layer = following
    return False


def _changed(old: str, new: str) -> tuple[int, int]:
    """The lengths of the common prefix and suffix of two strings: what lies between is what changed."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return prefix, suffix


def _repair(text: str, lo: int, hi: int):
    """ftfy's repair of ``text[lo:hi]`` as (start, end, replacement, sure), or None when there is none
    that decodes back exactly."""
    import ftfy

    damaged = text[lo:hi]
    result = ftfy.fix_and_explain(damaged, config=_config())
    fixed = result.text
    if fixed == damaged:
        return None
    prefix, suffix = _changed(damaged, fixed)
    old, new = damaged[prefix : len(damaged) - suffix], fixed[prefix : len(fixed) - suffix]
    if not _round_trips(old, new):
        return None
    sure = (
        not MOJIBAKE.search(fixed)
        and not MOJIBAKE_RESIDUE.search(fixed)
        and fixed.count("\ufffd") <= damaged.count("\ufffd")
    )
    return lo + prefix, hi - suffix, new, sure


class Mojibake(Rule):
    code = "CL014"
    name = "mojibake"
    category = "cleanup"
    examples = (
        ("The cafÃ© near the embassy.\n", "The café near the embassy.\n"),
        ("The ministers donâ€™t agree.\n", "The ministers don’t agree.\n"),
        ("He said â€œyesâ€\x9d and left â€” quickly.\n", "He said “yes” and left — quickly.\n"),
        ("md:# SÃ£o Paulo and ZÃ¼rich\n", "md:# São Paulo and Zürich\n"),
        ("The café” and José’s plan.\n", None),
        ("Die „Straße“ ist groß“.\n", None),
        ("md:Code: `cafÃ©` stays.\n", None),
    )

    def check(self, doc, ctx):
        text = doc.text
        data = utf8(text)
        if b"\xc3" not in data:  # every match of MOJIBAKE_BYTES starts with it; skip compiling the pattern
            return
        found = [m.span() for m in MOJIBAKE_BYTES.finditer(data)]
        if not found:
            return
        # the byte offsets of the candidates, turned into offsets into the text
        offsets = char_offsets(text, [offset for span in found for offset in span])
        spans = list(zip(offsets, offsets, strict=False))  # one iterator twice: (start, end) pairs
        done = -1
        for start, end in unmasked_spans(doc, spans, lambda span: span):
            if start < done:
                continue
            lo = _WORD_BEFORE.search(text, max(0, start - 100), start).start()
            hi = _WORD_AFTER.match(text, end, end + 100).end()
            lo, hi = unmasked_stretch(doc, lo, hi, start, end)
            done = hi
            # the whole word first (ftfy judges better with context), then the bare run of mojibake
            repair = _repair(text, lo, hi)
            if repair is None:
                run = _RUN.match(text, start, hi)
                repair = _repair(text, run.start(), run.end())
                done = run.end()
            if repair is None:
                continue
            fix_start, fix_end, replacement, sure = repair
            title = f"Decode as {quoted(replacement)}"
            edit = Edit(fix_start, fix_end, replacement)
            fix = Fix.safe(title, edit) if sure else Fix.display_only(title, edit)
            shown = quoted(text[fix_start:fix_end])
            message = f"Mojibake: {shown} is {quoted(replacement)} decoded in the wrong encoding"
            yield self.diagnostic(message, fix_start, fix_end, fix, [replacement])
