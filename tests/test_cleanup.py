"""The text-cleanup rules (CL...): their examples, what they must leave alone, and fixes that keep the rest.

Every rule's own examples also run in test_rule_examples.py; here they run again as one family, next to the
cases the issue names (a Markdown hard break, a no-break space before a unit, Cyrillic words, curly quotes
in a curly document, trailing spaces in a code block), the seed article, byte-for-byte fixing through the
command line, and the lazy import of ftfy.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofread.context import Context
from proofread.fix import fix_until_stable
from proofread.lint import check_text
from proofread.model import Applicability
from proofread.rules import all_rules, select_rules
from proofread.runner import Settings, run

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "article.txt"
CL_RULES = [rule for rule in all_rules() if rule.code.startswith("CL")]
CTX = Context()


def check(text: str, path: str = "doc.txt", select: str = "CL") -> list:
    rules = [cls() for cls in select_rules([select])]
    return check_text(text, path, rules, CTX)


def codes(text: str, path: str = "doc.txt", select: str = "CL") -> list[str]:
    return [d.code for d in check(text, path, select)]


def fixed(text: str, path: str = "doc.txt", select: str = "CL", required=Applicability.SAFE) -> str:
    return fix_until_stable(text, lambda t: check(t, path, select), required).text


# --- the family as a whole -------------------------------------------------------------------------


def test_family_has_the_rules_of_the_issue():
    names = {rule.code: rule.name for rule in CL_RULES}
    assert len(names) >= 17
    assert all(rule.category == "cleanup" for rule in CL_RULES)
    for name in (
        "trailing-whitespace",
        "trailing-blank-lines",
        "missing-final-newline",
        "multiple-blank-lines",
        "tab-in-prose",
        "mixed-line-endings",
        "zero-width-character",
        "soft-hyphen",
        "stray-byte-order-mark",
        "no-break-space",
        "control-character",
        "replacement-character",
        "mixed-script-word",
        "mojibake",
        "mixed-quotes",
        "mixed-apostrophes",
        "double-space-between-sentences",
    ):
        assert name in names.values()


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [(rule, bad, good) for rule in CL_RULES for bad, good in rule.examples],
    ids=[f"{rule.code}-{i}" for rule in CL_RULES for i, _ in enumerate(rule.examples)],
)
def test_examples(rule, text, expected):
    path = "example.md" if text.startswith("md:") else "example.txt"
    body = text.removeprefix("md:")
    found = check(body, path, rule.code)
    if expected is None:
        assert found == [], [d.message for d in found]
        return
    assert found
    assert fixed(body, path, rule.code, Applicability.DISPLAY_ONLY) == expected.removeprefix("md:")


# --- what the family must leave alone ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Roses are red,  \nviolets are blue.\n", "poem.md"),  # a Markdown hard break
        ("> Quoted,  \n> and broken.\n", "quote.md"),
        ("The border is 10\u00a0km away and 5\u00a0% of it is desert.\n", "units.txt"),
        ("Il a dit\u00a0: «\u00a0bonjour\u00a0»\u00a0!\n", "french.txt"),
        ("Министры Мали, Буркина-Фасо и Нигера прилетели в Москву.\n", "russian.txt"),
        ("Η συνάντηση έγινε στη Μόσχα.\n", "greek.txt"),
        ("He called the visit “historic”, and she called it “overdue”.\n", "curly.txt"),
        ("Moscow’s offer wasn’t new, and Mali’s reply didn’t surprise anyone.\n", "curly.txt"),
        ("Code:\n\n```\nx = 1   \ny = 2\t\n\n\n\nz = 'it's' + \"q\" + “r”\n```\n", "code.md"),
        ("Code:\n\n    x = 1   \n    y = 2\n", "indented.md"),
        ("Use `a\u200bb`, `cafÃ©`, `M\u043escow` and `\ufffd` in code.\n", "inline.md"),
        ("---\ntitle: A title   \n---\n\nText.\n", "front.md"),
        ("See https://example.org/a\u00adb\u200bc for more.\n", "url.txt"),
        ("The coder emoji 👩\u200d💻 and the flag 🏳\ufe0f\u200d🌈 are single pictures.\n", "emoji.txt"),
        ("Levels of NF\u03baB and TNF\u03b1 rose; the cell is 5 \u03bcm wide.\n", "science.txt"),
        ("The café” and José’s “plan”, groß.\n", "accents.txt"),
        ("Name\tCountry\nTraoré\tBurkina Faso\n", "columns.txt"),
        ("The talks began.  They lasted two days.  The ministers left.\n", "two-spaces.txt"),
        ("Page one.\n\x0c\nPage two.\n", "pages.txt"),
        ("Windows text.\r\nAll of it.\r\n", "crlf.txt"),
        ('It’s “a” and “b”.\n\n[id]: http://x.org "Title"\n', "linkdef.md"),
        ("M.\u00a0Dupont et Mme\u00a0Durand arrivent à\u00a0Paris le 14\u00a0juillet.\n", "titles.txt"),
    ],
)
def test_leaves_alone(text, path):
    assert check(text, path) == [], [f"{d.code} {d.message}" for d in check(text, path)]


def test_seed_article_only_trailing_blank_lines():
    text = ARTICLE.read_text(encoding="utf-8")
    found = check(text, "article.txt")
    assert [d.code for d in found] == ["CL002"]
    result = fixed(text, "article.txt")
    assert result == text.rstrip("\n") + "\n"
    assert check(result, "article.txt") == []


def test_fix_through_the_cli_keeps_the_rest_byte_for_byte(tmp_path):
    path = tmp_path / "a.txt"
    data = ARTICLE.read_bytes()
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    code = run(Settings(paths=(str(path),), fix=True, select=("CL",), output_format="concise"), out, err)
    assert code == 0, out.getvalue() + err.getvalue()
    assert path.read_bytes() == data.rstrip(b"\n") + b"\n"


def test_fix_keeps_the_file_bom_and_crlf(tmp_path):
    path = tmp_path / "b.txt"
    path.write_bytes(b"\xef\xbb\xbfThe end.  \r\nNext\xe2\x80\x8b line.\r\n\r\n\r\n")
    out, err = io.StringIO(), io.StringIO()
    run(Settings(paths=(str(path),), fix=True, select=("CL",)), out, err)
    assert path.read_bytes() == b"\xef\xbb\xbfThe end.\r\nNext line.\r\n"


MESSY = (
    "The foreign\u00a0ministers of Mali, Burkina Faso and Niger met in M\u043escow.\t \r\n"
    'They said the visit was “historic”, “long” and “overdue”, and "urgent".\r\n'
    "The caf\u00c3\u00a9 near the embassy was closed.  It didn\u2019t matter.\r\n"
    "Talks\tcontinued on Monday. Ministe\u00adrial aides\u200b waited. Nobody left.\n"
    "\r\n"
    "\r\n"
    "\r\n"
    "```\r\n"
    "code   \r\n"
    "\r\n"
    "\r\n"
    "\r\n"
    'x\tM\u043escow "q" \u00a0\u200b\r\n'
    "```\r\n"
    "The end\ufeff.\x07\r\n"
    "\r\n"
    "\r\n"
)
MESSY_FIXED = (
    "The foreign ministers of Mali, Burkina Faso and Niger met in Moscow.\r\n"
    "They said the visit was “historic”, “long” and “overdue”, and “urgent”.\r\n"
    "The café near the embassy was closed. It didn\u2019t matter.\r\n"
    "Talks continued on Monday. Ministerial aides waited. Nobody left.\r\n"
    "\r\n"
    "```\r\n"
    "code   \r\n"
    "\r\n"
    "\r\n"
    "\r\n"
    'x\tM\u043escow "q" \u00a0\u200b\r\n'
    "```\r\n"
    "The end.\r\n"
)


def test_messy_markdown_is_fixed_and_code_is_kept():
    found = set(codes(MESSY, "messy.md"))
    assert {"CL001", "CL002", "CL004", "CL005", "CL006", "CL007", "CL008", "CL009", "CL010", "CL011"} <= found
    assert {"CL013", "CL014", "CL015", "CL017"} <= found
    assert fixed(MESSY, "messy.md") == MESSY_FIXED
    assert check(MESSY_FIXED, "messy.md") == []


def test_hard_break_kept_only_where_it_is_one():
    text = "A line with a break  \nand its continuation.  \n\nA heading follows  \n---\n"
    assert fixed(text, "doc.md") == "A line with a break  \nand its continuation.\n\nA heading follows\n---\n"
    # plain text has no hard breaks
    assert fixed("One  \ntwo\n", "doc.txt") == "One\ntwo\n"


def test_missing_final_newline_uses_the_file_line_ending():
    assert fixed("One\r\nTwo", "doc.txt") == "One\r\nTwo\r\n"
    assert fixed("One\nTwo", "doc.txt") == "One\nTwo\n"


def test_mixed_line_endings_fix_to_majority_and_report_each_minority_break():
    text = "a\r\nb\r\nc\nd\r\n"
    found = check(text)
    assert [d.code for d in found] == ["CL006"]
    assert fixed(text) == "a\r\nb\r\nc\r\nd\r\n"


def test_lone_carriage_return_among_lf_lines_is_an_unsafe_fix():
    text = "Progress: 10%\rProgress: 20%\nDone.\nReally.\n"
    assert codes(text) == ["CL006"]
    assert fixed(text) == text
    assert fixed(text, required=Applicability.UNSAFE) == "Progress: 10%\nProgress: 20%\nDone.\nReally.\n"


def test_replacement_character_has_no_fix():
    (found,) = check("Traor\ufffd\ufffd spoke.\n")
    assert found.code == "CL012" and found.fix is None


def test_control_c1_fix_is_unsafe():
    text = "The minister\x92s visit.\n"
    assert fixed(text) == text
    assert fixed(text, required=Applicability.UNSAFE) == "The minister’s visit.\n"


def test_mojibake_uncertain_repair_is_not_applied():
    # a word ftfy cannot fully decode is not rewritten by --fix
    text = "The word \u00c3\u0192\u00c2 stays.\n"
    assert fixed(text) == text


def test_mixed_script_tie_follows_the_surrounding_text():
    # two letters, one Latin and one Cyrillic: the text around decides
    assert fixed("Visit to the \u041ek shop, said the ministers.\n") == "Visit to the Ok shop, said the ministers.\n"
    assert fixed("Они сказали «O\u043a», и ушли домой.\n") == "Они сказали «Ок», и ушли домой.\n"


def test_quotes_and_apostrophes_are_separate_questions():
    # curly apostrophes, straight double quotes: each consistent, nothing to report
    text = 'Mali’s minister said "yes", Niger’s said "no", and Burkina’s said "maybe".\n'
    assert check(text) == []


def test_ftfy_is_imported_only_for_mojibake_candidates():
    script = (
        "import sys\n"
        "from proofread.context import Context\n"
        "from proofread.lint import check_text\n"
        "from proofread.rules import select_rules\n"
        "rules = [r() for r in select_rules(['CL'])]\n"
        f"text = open({str(ARTICLE)!r}, encoding='utf-8').read()\n"
        "check_text(text, 'a.txt', rules, Context())\n"
        "assert 'ftfy' not in sys.modules, 'ftfy imported for clean text'\n"
        "check_text('The caf\\u00c3\\u00a9.\\n', 'b.txt', rules, Context())\n"
        "assert 'ftfy' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- properties ----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "word",
        "Moscow",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\n\n\n",
        ".",
        ". ",
        ".  ",
        "'",
        "’",
        '"',
        "“",
        "”",
        "\u00a0",
        "\u200b",
        "\u00ad",
        "\ufeff",
        "\x07",
        "\u043e",
        "\u00c3\u00a9",
        "```\n",
        "`",
        "- ",
        "# ",
        "> ",
        "The",
        "10",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40), st.booleans())
def test_fixing_settles_and_only_removes_what_was_reported(pieces, markdown):
    text = "".join(pieces)
    path = "doc.md" if markdown else "doc.txt"
    result = fix_until_stable(text, lambda t: check(t, path), Applicability.SAFE)
    assert result.converged
    remaining = [d for d in check(result.text, path) if d.fix and d.fix.applicability >= Applicability.SAFE]
    assert remaining == []

    # cleanup never adds or drops words: the letters stay in order, once look-alikes and mojibake are
    # read the way the fixes read them
    def letters(s: str) -> list[str]:
        s = s.replace("\u00c3\u00a9", "é").replace("\u043e", "o")
        return [ch for ch in s if ch.isalpha()]

    assert letters(result.text) == letters(text)


_MOJIBAKE_ALPHABET = st.sampled_from(list("aé’”“Ã©â€™œ\u009dÂ\u00a0ð\u0178˜ß»¿Ñ\u0080ïô") + ["\u20ac", "\u2122"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MOJIBAKE_ALPHABET, max_size=12))
def test_mojibake_byte_scan_agrees_with_the_text_pattern(chars):
    # CL014 scans the UTF-8 bytes for speed; it must find exactly what the documented str pattern finds
    from proofread.cleanup import MOJIBAKE, MOJIBAKE_BYTES

    text = "".join(chars)
    assert bool(MOJIBAKE_BYTES.search(text.encode())) == bool(MOJIBAKE.search(text))


def test_a_no_break_space_line_between_paragraphs_gets_only_an_unsafe_fix():
    from proofread.context import Context
    from proofread.document import build_document
    from proofread.model import Applicability
    from proofread.rules.cl001_trailing_whitespace import TrailingWhitespace

    text = "Some text.\n\n\u00a0\n\nMore text.\n"
    [diagnostic] = TrailingWhitespace().check(build_document(text, "doc.md", None), Context())
    assert diagnostic.fix.applicability is Applicability.UNSAFE
    [plain] = TrailingWhitespace().check(build_document(text, "doc.txt", None), Context())
    assert plain.fix.applicability is Applicability.SAFE
