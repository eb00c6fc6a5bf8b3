"""PU002 missing-space-after-period: a sentence-ending period glued to the next sentence ("Russia.Enhanced").

What it flags: a word, then a period (optionally with a closing bracket or quote before or after it),
then a capitalised word, with no space: "partnerships.The", "Russia.Enhanced", "in 2020.Next",
"it.)Then", "(FSCAC).These".

Why: a capitalised word right after "word." is the start of a new sentence whose space was lost; the
two words also hide each other from spell checkers and casing rules.

What it leaves alone, from the shape of the text:
- a lowercase word after the period ("README.md", "config.toml", "node.js", "example.com"): a new
  sentence almost never starts in lowercase, while file names and domains always do;
- initialisms and initials ("U.S.Army", "J.R.R.Tolkien", "Ph.D.", "e.g.Foo"): the left side is a single
  letter or follows another period;
- domains and dotted names ("Data.Gov", "Next.Data.gov", "HealthData.Gov", "System.IO"): a top-level
  domain on the right, a chain of dots, camelCase or capitals on the right, a lowercase word then
  a capitalised one that ends its sentence alone ("threading.Lock."), camelCase on the left (unless it is a
  capitalised brand and a plain sentence follows: "YouTube.Snapchat doesn’t");
- code ("Path.Home()", "os.Path", "Foo.Bar_baz", "obj.Method(x)", "f(x).Method"), decimals and
  versions ("3.14", "v1.2.3"), URLs, e-mail and other masked text.

Fix safety: SAFE; the repair is a space after the period (after the closing bracket or quote if any).
"""

from __future__ import annotations

from proofread.model import Edit, Fix
from proofread.punctuation import (
    LOWER,
    UPPER,
    is_tld,
    last_word,
    lazy_regex,
    looks_like_code,
    prose_chunk,
    prose_matches,
    quote_closes,
)
from proofread.rules.base import Rule

# A period after a letter or a whole number, maybe a closing bracket or curly quote, then a capital
# followed by a lowercase letter. Group "right" is the capitalised word and what follows it. The first
# lookahead, which both branches imply, turns away the usual period (followed by a space) in one step.
_CANDIDATE = lazy_regex(
    rf"\.(?=[)”’\"]?[{UPPER}])(?:(?<=[^\W_]\.)[)”’\"]?|(?<=[)\]”\"’]\.))(?=(?P<right>[{UPPER}][{LOWER}]+)(?P<after>.?.?))",
    prefix=".",
)
_CLOSERS = ')]”"’'
# After the right-hand word: another dotted part ("Data.gov"), a call, code or camelCase.
_NOT_A_SENTENCE_AFTER = lazy_regex(rf"\.\w|[(_\d{UPPER}]|['’][{UPPER}]")
_RIGHT_WORD = lazy_regex(r"[^\W\d_]+(?=[\s,;:!?]|\Z)")
_ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th", "s"))
_NUMBER = lazy_regex(r"[(\[]?\d+(?:,\d{3})*\Z")


class MissingSpaceAfterPeriod(Rule):
    code = "PU002"
    name = "missing-space-after-period"
    category = "punctuation"
    examples = (
        (
            "Russia has offered partnerships.The talks begin today.",
            "Russia has offered partnerships. The talks begin today.",
        ),
        ("Talks with Russia.Enhanced dialog may follow.", "Talks with Russia. Enhanced dialog may follow."),
        ("Thanks to Austin and Greta.Please. Stand up.", "Thanks to Austin and Greta. Please. Stand up."),
        ("It powers Data.gov.They explain how.", "It powers Data.gov. They explain how."),
        ("We met on February 24th.Attendees learned a lot.", "We met on February 24th. Attendees learned a lot."),
        ("It was built in 2020.Next year it grows.", "It was built in 2020. Next year it grows."),
        ("He left (as planned.)Then she came.", "He left (as planned.) Then she came."),
        ('He said "stop."Then he left.', 'He said "stop." Then he left.'),
        ('He stopped."The end," she said.', 'He stopped. "The end," she said.'),
        (
            "It was set up by the council (FSCAC).These rules apply.",
            "It was set up by the council (FSCAC). These rules apply.",
        ),
        ("Edit README.md and config.toml, then run node.js on example.com.", None),
        ("The U.S.Army, J.R.R.Tolkien and a Ph.D.Student.", None),
        ("See Data.Gov and Next.Data.gov or HealthData.Gov for more.", None),
        ("Use Node.Js, ASP.Net and run Setup.Exe now.", None),
        ("Media like YouTube.Snapchat doesn’t count.", "Media like YouTube. Snapchat doesn’t count."),
        ("No version can be found.PubGrub can tell why.", "No version can be found. PubGrub can tell why."),
        ("Run :amenu ToolBar.Open :e or myObj.Method now, or MyMenu.Hello Displays.", None),
        ("Use os.PathLike or sys.NamedTuple instead.", None),
        ("Call Path.Home() or obj.Method_name and System.IO here.", None),
        ("Call f(x).Method or a[0].Foo or (x).Bar here.", None),
        ("The lock used is threading.Lock. You can switch it.", None),
        ("Pi is 3.14 and the version is v1.2.3 today.", None),
        ("Write to help@data.gov or visit https://example.com/A.Html today.", None),
    )

    @staticmethod
    def _brand_opens_sentence(text, m) -> bool:
        """ "found.PubGrub can", "messages.ChatFuel provides": a plain lowercase word, the period, then a
        capitalised camelCase name followed by a lowercase word. (A module and a class, "os.PathLike",
        have a short or dotted left side; those stay code.)"""
        right = _RIGHT_WORD.match(text, m.start("right"))
        if right is None or right.end() >= len(text) or text[right.end()] != " ":
            return False
        if not text[right.end() + 1 : right.end() + 2].islower():
            return False
        name = right.group()
        if name.isupper() or not any(ch.isupper() for ch in name[1:]):
            return False
        left = text[max(0, m.start() - 60) : m.start()].split()
        word, before = last_word(left[-1]) if left else ("", "")
        return len(word) >= 4 and word.islower() and before in ("", "(", "“", '"')

    def check(self, doc, ctx):
        text = doc.text
        for m in prose_matches(doc, _CANDIDATE):
            period = m.start()
            if _NOT_A_SENTENCE_AFTER.match(m.group("after")) and not self._brand_opens_sentence(text, m):
                continue
            if is_tld(m.group("right")):
                continue
            lo, hi = prose_chunk(doc, period, m.end())
            chunk = text[lo:hi]
            if looks_like_code(chunk):
                continue
            left = text[lo:period]
            inner = left.rstrip(_CLOSERS)
            if inner != left:
                # "(FSCAC).These", "said “yes”.Then": a bracket or quote closed before the period; but
                # "f(x).Method" and "a[0].Foo" are code
                if not inner or "(" in inner[1:] or "[" in inner[1:]:
                    continue
                left = inner
            word, before = last_word(left)
            if m.group("after")[:1] == "." and word.islower():
                continue  # "threading.Lock. You": a module and its member; but "Greta.Please." is a sentence
            if not left:
                pass  # a hashtag, handle, e-mail or URL ends right at the period: "#Summit.Let"
            elif word:
                if before == ".":
                    if not (is_tld(word) and word.islower()):
                        continue  # an initialism or a dotted name; but "Data.gov.They" ends a sentence
                elif before.isdigit() or before == "_":
                    if word not in _ORDINAL_SUFFIXES:
                        continue  # "Python3.Foo", "x_y.Foo"; but "24th.Attendees", "1990s.The"
                elif len(word) == 1:
                    continue  # an initial: "J.Smith"
                elif any(ch.isupper() for ch in word[1:]) and not word.isupper():
                    after = m.group("after")
                    if not (word[0].isupper() and after[:1] == " " and after[1:].islower()):
                        continue  # camelCase: code ("ToolBar.Open :e"); but "YouTube.Snapchat doesn’t"
            elif not _NUMBER.match(left):
                continue
            end = m.end()
            if text[end - 1] == '"' and end - 1 > period and not quote_closes(doc, end - 1):
                end -= 1  # 'it ended."The next': the quote opens the next sentence
            fix = Fix.safe("Add a space after the period", Edit(end, end, " "))
            yield self.diagnostic("Missing space after a period", period, end, fix, [text[period:end] + " "])
