"""CA003 lowercase-proper-noun: a name written lowercase inside a sentence.

What it flags: a lowercase word inside a sentence that is a name, by one of these kinds of evidence:

- the lexicon knows the word, or the first part of a hyphenated word before a capitalised part, only as
  a name ("niger", "moscow", "america's", "july", "asia-Pacific"), or a title
  abbreviation precedes it ("Dr. hasan"); or it is a title right before a name ("mr. Spock", "senator
  Lott", "congressman Joe Moakley"; not after a modifier: "former president Carter");
- the document writes the same phrase capitalised elsewhere inside a sentence ("Burkina faso" where
  "Burkina Faso" appears; "the department of Labor" where "the Department of Labor" appears);
- the word and its neighbours complete a known multi-word name (``dictionaries/names.tsv``: countries,
  states, big cities, regions, events, institutions, offices) whose other words are written capitalised
  ("the United states", "a new York City nurse", "World war II"); not a first or last word when the rest
  is a name by itself ("east Africa", "the Iraq war");
- a place that is also an ordinary word, listed beside a place name ("Armenia and turkey"), and
  lowercase nowhere else in the document;
- an acronym in brackets spells the name out ("General services Administration (GSA)", "U.S.
  Citizenship and Immigration services (USCIS)", "Collaborative innovation (CoECI)");
- it sits inside a run of capitalised ordinary words ("the Environmental protection Agency", "Federal
  student Aid"), or is an institution closing one ("Clemson university"), or follows the head noun of a
  name and "of" or "for" with capitalised ordinary words after it ("the Department of veterans Affairs",
  "the Center of excellence for Collaborative Innovation");
- the document always writes it capitalised on its own, at least twice ("Congress ... congress"); or,
  for a word the dictionary also knows as a name, far more often capitalised on its own than lowercase
  (three times for a single lowercase one, four times as often otherwise) where it stands as a name (after
  a pause, a determiner or a preposition: "I urge congress", "our government"; not "a strong nation");
- it is a first name the dictionary also knows as a word ("tom", "victor"), right before a capitalised
  word no dictionary knows (a surname), after a pause or a word that introduces a name ("by tom
  Wibberley"); or a common first name (``dictionaries/given-names.txt``) right before a
  capitalised word the dictionary knows only as a name or not at all, not after a pronoun, a modal or
  "to" ("since harry Truman"; not "I hope America");
- it is a word no dictionary knows right after a capitalised common first name: a lowered surname
  ("Bill norwood", "Tom coburn");
- it is "god" right before "bless" ("and god bless America"), not after an article;
- it is "act" right after a capitalised word that is not a plural or a pronoun, and not followed by a word
  that makes it the verb ("the Recovery act"; not "the Commission act to provide");
- it is a brand whose lowercase form is a rare word (``dictionaries/brand-words.txt``: "on twitter",
  "google's index"), not used as a verb ("you can google it") nor written lowercase on purpose (more
  than once, and more often than capitalised);
- it is a word no dictionary knows, right beside a name, and in common use as a string or no slip away
  from a known word ("Ethiopia's tigray Regional State", "Katie messner"); not a software term ("repo"),
  a compound of known words ("chatbot") or the plural of a known word ("oblasts").

Why: names keep their capital wherever they stand; a lowercase one is a slip the spell checker cannot
see, because the letters are right.

What it leaves alone: words that are both a name and an ordinary word ("may"/"May", "china", "turkey",
"polish", "bill") unless the document gives evidence; words the document also writes lowercase inside
sentences elsewhere (in the same phrase, or at all when the evidence is weak); capitals at sentence
starts and in title-case headings and table cells, and proper adjectives before a word ("the Iranian
regime"): they are no evidence; name particles ("de", "van", "al", "bin"), unless the document writes
the same name with the particle capitalised inside a sentence and never again lowercase ("Al Qaida ...
al Qaida"); fixed Latin phrases ("pro bono"); names from the known-casing list (CA004's); quoted terms,
code, words glued to code-like punctuation, and words in the project vocabulary.

Fix safety: SAFE when the lexicon knows only the name, a known name, a title or an acronym settles it,
or the document writes the same phrase capitalised and never lowercase; UNSAFE otherwise. The message
says which evidence was found.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import product

from proofread.casing import (
    FUNCTION_WORDS,
    NAME_HEADS,
    NAME_PARTICLES,
    TITLES,
    brand_words,
    capitalise,
    copy_case,
    evidence,
    given_names,
    is_capitalised,
    known_casings,
    known_name_fits,
    known_name_places,
    known_names,
    lowercase_texts,
    places_in_lists,
    proper_form,
    prose_word,
    split_possessive,
    texts_seen_since,
    word_key,
)
from proofread.model import Edit, Fix, TokenKind
from proofread.rules.base import Rule


class LowercaseProperNoun(Rule):
    code = "CA003"
    name = "lowercase-proper-noun"
    category = "casing"
    examples = (
        ("The ministers will visit moscow this week.", "The ministers will visit Moscow this week."),
        ("The summit on march 27th 2014 was short.", "The summit on March 27th 2014 was short."),
        ("It was a long march 2 miles uphill, and it may 5 times rain.", None),
        (
            "Mali and Burkina Faso signed. Later, Burkina faso left.",
            "Mali and Burkina Faso signed. Later, Burkina Faso left.",
        ),
        ("We may go in May or in june.", "We may go in May or in June."),
        ("God bless the United states of America.", "God bless the United States of America."),
        ("Armenia and turkey talked.", "Armenia and Turkey talked."),
        ("They export china and turkey to Poland.", None),
        ("The Sahel is dry. Most of the sahel is dry. The sahel region is vast.", None),
        ("Ludwig van Beethoven met Ibn Saud and bin Salman.", None),
    )

    def check(self, doc, ctx):
        lexicon = ctx.lexicon
        ev = evidence(doc)
        tokens = doc.tokens
        for i, key, word, name in _candidates(ev, lexicon, ctx.vocabulary, known_casings()):
            tok = tokens[i]
            found = self._judge(ev, i, key, word, lexicon, name)
            if found is None or not prose_word(doc, tok):
                continue
            fixed, safe, why = found
            make = Fix.safe if safe else Fix.unsafe
            yield self.diagnostic(
                f"Name written lowercase: “{word}” ({why})",
                tok.start,
                tok.end,
                make(f"Capitalise to “{fixed}”", Edit(tok.start, tok.end, fixed)),
                (fixed,),
            )

    @staticmethod
    def _judge(ev, i, key, word, lexicon, name):
        """(fixed word, safe, reason) when token ``i`` is a lowercased name, else None."""
        tokens = ev.doc.tokens
        tok = tokens[i]
        lows = ev.lower.get(key, [])
        caps = ev.capital.get(key, [])
        others = len(lows) - 1  # the other lowercase occurrences
        before = tokens[i - 1] if i and tokens[i - 1].block == tok.block else None
        if before is not None and tok.sentence_start is None and before.text.lower() in TITLES:
            gap = ev.doc.text[before.end : tok.start]
            if gap.startswith(". ") and gap.strip() == ".":
                return capitalise(word), True, "a name follows the title"
        found = ev.memo["settled"].get(i)
        if found is not None:
            return found
        if name is None and "-" in word:
            name = _hyphenated_name(word, lexicon)
        if name is not None and not _in_latin_phrase(ev, i):
            if others and len(lows) >= len(caps):
                return None  # the document writes it lowercase on purpose
            return name, True, "the dictionary knows it only as a name"
        in_acronym = i in ev.in_acronym_name
        next_i = ev.next[i]
        may_be_phrase = next_i >= 0 and is_capitalised(tokens[next_i].text)
        if not may_be_phrase and next_i >= 0 and tokens[next_i].text.lower() in _CONNECTORS:
            after_connector = ev.next[next_i]  # "Center of excellence for Collaborative Innovation"
            headed = after_connector >= 0 and is_capitalised(tokens[after_connector].text)
        else:
            headed = may_be_phrase
        after_name = ev.prev[i] >= 0 and is_capitalised(tokens[ev.prev[i]].text)
        if (
            not caps
            and not in_acronym
            and not may_be_phrase
            and not headed
            and not (after_name and (capitalise(word) in _INSTITUTIONS or not lexicon.is_known(word)))
        ):
            return None  # no evidence of any kind
        found = _context_evidence(ev, i, word, lexicon, caps, others, in_acronym, may_be_phrase, headed)
        if found is None:
            return None
        plain = _plain_keys(ev, i, lexicon)
        if others and plain:
            # checked last because it is the costly test: every lowercase occurrence's phrase
            counts = ev.memo.get(("lowercase phrases", key))
            if counts is None:
                counts = Counter()
                for j in lows:
                    counts.update(_phrase_keys(ev, j, marks=False))
                ev.memo[("lowercase phrases", key)] = counts
            if any(counts[k] > 1 for k in plain):
                return None  # the same phrase is lowercase elsewhere too
        stem, suffix = split_possessive(word)
        if caps:
            memo_key = ("capital form", key)
            if memo_key in ev.memo:
                form = ev.memo[memo_key]
            else:
                form = Counter(split_possessive(tokens[j].text)[0] for j in caps).most_common(1)[0][0]
                ev.memo[memo_key] = form
            fixed = copy_case(form, stem) + suffix
        else:
            fixed = capitalise(word)
        return (fixed, *found)


def _context_evidence(ev, i, word, lexicon, caps, others, in_acronym, may_be_phrase, headed):
    """(safe, reason) when the phrase around token ``i``, the document's capitals or the lexicon show the
    word is a name; None otherwise."""
    if caps:
        # (the phrase keys only now: most candidates have no capitals and never need them)
        named = {k[:-1] for k in _phrase_keys(ev, i, lexicon=lexicon) if k[-1]}  # phrases with a capital
        if named:
            shared = [named & _phrase_keys(ev, j, marks=False) for j in caps]
            phrased = sum(1 for keys in shared if keys)
            wide = any(len(k) == 3 for keys in shared for k in keys)  # two words beside it match
            if phrased and (wide or phrased >= 2 or len(caps) >= others):
                return not others, "the document writes this name capitalised"
    if in_acronym:
        return not others, "its acronym spells it with a capital"
    if may_be_phrase and _inside_title_phrase(ev, i, lexicon):
        return False, "between capitalised words of a name"
    if may_be_phrase and _inside_title_phrase(ev, i, lexicon, heads=False):
        return False, "between capitalised words of a name"
    if headed and _after_name_head(ev, i, lexicon):
        return False, "between capitalised words of a name"
    if _ends_title_phrase(ev, i, lexicon):
        return False, "the last word of a capitalised name"
    if not caps and not others and may_be_phrase is not None and _unknown_beside_name(ev, i, lexicon):
        return False, "an unknown word beside a name"
    if not caps:
        return None
    stem = split_possessive(word)[0]
    forms = lexicon.cased_forms(stem)
    if forms and any(f[:1].isupper() for f in forms):
        # a word that is also a name ("Congress", "Medicare", "the Web"): the document must write it
        # capitalised on its own far more often than lowercase, and use it here as a name
        if not others and len(caps) >= 2 and lexicon.count(stem) < _VERY_COMMON and all(map(ev.standalone, caps)):
            return False, "the document always writes it capitalised"
        if _mostly_capitalised(ev, stem, caps, others + 1, lexicon) and _used_as_name(ev, i):
            return False, "the document writes it capitalised"
        return None
    if others or forms:
        return None
    plain = _plain_keys(ev, i, lexicon)
    if any(plain & _phrase_keys(ev, j, marks=False) for j in caps) or any(ev.standalone(j) for j in caps):
        return False, "the document writes this unknown word capitalised"
    return None


def _candidates(ev, lexicon, vocabulary, casings) -> list[tuple[int, str, str, str | None]]:
    """The lowercase words inside sentences that ``_judge`` may find to be names, in document order, as
    (token index, word key, word, the name the lexicon knows it as or None).

    Sorted word by word first (by set operations on the document's distinct words), so that only these
    tokens are looked at one by one:

    - a name the lexicon knows, or a word the document also writes capitalised and nowhere else
      lowercase: wherever it stands;
    - a word the document also writes capitalised, and lowercase more than once: where a capitalised word
      stands within two words of it (the phrase evidence ``_judge`` asks for), or inside a name spelt
      out by an acronym;
    - any other word: right before a capitalised word, right after one when it is an institution or an
      unknown word, inside a name spelt out by an acronym, or where its sentence start is uncertain.
    """
    words = _WordTable.of(lexicon, casings)
    words.learn()
    texts, tokens = ev.texts, ev.doc.tokens
    lower = ev.lower_words - words.ignored
    if vocabulary:
        lower -= vocabulary
    named = lower & words.named
    capital = ev.capital
    capped = (lower & capital.keys()) | {w for w in lower & words.apostrophes if words.key[w] in capital}
    capped -= named
    weak = lower - named - capped
    fits = known_name_fits(ev, lower, lexicon)
    todo: set[int] = set()
    if weak:
        todo.update(_near_capitals(ev, weak, weak & words.after_name))
        for i in ev.title_indices:  # "Dr. hasan": the title check
            if i + 1 < len(texts) and texts[i + 1] in weak and tokens[i + 1][5] is None:
                todo.add(i + 1)
        todo.update(i for i in ev.in_acronym_name if texts[i] in weak)
    key = words.key
    listed = lower & known_names().places.keys()  # "turkey": both a place and a word
    months, titles = _MONTHS.intersection(lower), _FORMAL_TITLES.intersection(lower)
    # one scan finds the lowercase occurrences of every word looked at, and of the words sharing its key
    # (those that the places settled below are looked for among too)
    looked_at = named | capped | fits.keys() | listed | months | titles | (lower & _settling_words())
    places = ev.lower.prepare({key[w] for w in looked_at} | {key[texts[i]] for i in todo})
    # places settled by a title, a first name, a known name or a list of places: (fix, safe, reason)
    settled = ev.memo["settled"] = {}
    for i in _lowercase_titles(ev) | _titles_before_names(ev, _places_of(titles, places), lexicon):
        settled[i] = (capitalise(texts[i]), True, "a title before a name")
    for i, form in _lowercase_particles(ev).items():
        settled[i] = (form, True, "the document writes this name capitalised")
    for i in _months_before_dates(ev, _places_of(months, places)):
        settled[i] = (capitalise(texts[i]), True, "a month before a date")
    for i in _given_names_before_surnames(ev, lower, words.first_names, lexicon):
        settled[i] = (capitalise(texts[i]), False, "a first name before a surname")
    for i in _surnames_after_given_names(ev, lower - named, lexicon):
        settled[i] = (capitalise(texts[i]), False, "a surname after a first name")
    for i, fixed in _hyphenated_after_names(ev, words).items():
        settled[i] = (fixed, True, "the dictionary knows its first part only as a name")
    for i in _god_in_blessings(ev, lower):
        settled[i] = ("God", True, "“God bless” names God")
    for i in _acts_after_names(ev, lower):
        settled.setdefault(i, ("Act", False, "the last word of the name of a law"))
    for i, brand in _lowercase_brands(ev, lower, words.key).items():
        settled.setdefault(i, (brand, False, "a brand name that is seldom a word"))
    for i, (form, name) in known_name_places(ev, fits, places).items():
        settled[i] = (copy_case(form, texts[i]), True, f"a word of the name “{name}”")
    if listed - named:
        alone = {w: places[w] for w in listed - named if len(ev.lower.get(key[w], ())) == 1}
        for i, name in places_in_lists(ev, alone, lexicon).items():
            settled.setdefault(i, (copy_case(name, texts[i]), False, "listed with other places"))
    todo.update(settled)
    todo.update(i for w in named for i in places[w])
    for w in capped:
        lowercase = len(ev.lower.get(key[w]))  # (found by ``prepare`` above)
        if _may_be_name_alone(ev, w, key[w], lowercase, lexicon):
            todo.update(places[w])
        else:
            todo.update(_with_phrase_evidence(ev, w, key[w], places[w]))
    todo = sorted(i for i in todo if tokens[i][5] is not True)
    name = words.name
    return [(i, key.get(texts[i]) or word_key(texts[i]), texts[i], name.get(texts[i])) for i in todo]


def _places_of(words, places) -> list[int]:
    """The places of ``words`` (lowercase words), from ``places`` (``_LowercaseIndex.prepare``'s)."""
    return [i for w in words for i in places[w]]


# Abbreviated titles that only ever stand before a name, and so are always capitalised.
_NAME_TITLES = frozenset(("mr", "mrs", "ms", "dr"))


def _lowercase_titles(ev) -> set[int]:
    """The places of abbreviated titles written lowercase inside a sentence, right before a capitalised
    word: "to paraphrase mr. Spock", "Mr. Speaker, mr. Vice President"."""
    tokens, texts, text = ev.doc.tokens, ev.texts, ev.doc.text
    found = set()
    for i in ev.title_indices:
        tok = tokens[i]
        if texts[i] in _NAME_TITLES and tok[5] is False and i + 1 < len(texts):
            after = tokens[i + 1]
            if text[tok.end : after.start] == ". " and after.block == tok.block and is_capitalised(after.text):
                found.add(i)
    return found


# Formal titles, capitalised right before a person's name ("Senator Lott", "President Obama"); not
# occupations, which style guides leave lowercase there ("astronaut John Glenn", "team captain Ibrahim").
_FORMAL_TITLES = frozenset(
    """president senator congressman congresswoman governor ambassador pope ayatollah sheikh""".split()
)
_TITLE_MODIFIERS = frozenset("former interim acting late then future outgoing incoming vice deputy".split())
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_MONTHS_AND_DAYS = _MONTHS | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _titles_before_names(ev, places, lexicon) -> set[int]:
    """The places of formal titles written lowercase inside a sentence right before a person's name, a
    capitalised word inside the sentence that the dictionary knows only as a name, or not at all: "senator
    Lott", "congressman Joe Moakley" (not "told the president Tuesday"). ``places``: those of the formal
    titles written lowercase."""
    tokens, texts = ev.doc.tokens, ev.texts
    found = set()
    for i in places:
        n = ev.next[i]
        if tokens[i][5] is not False or n < 0 or tokens[n][5] is not False or not is_capitalised(texts[n]):
            continue
        name = split_possessive(texts[n])[0].lower()
        if name in _MONTHS_AND_DAYS or name in FUNCTION_WORDS:
            continue
        p = ev.prev[i]
        if p >= 0 and texts[p].lower() in _TITLE_MODIFIERS:
            continue  # "former president Carter", "interim president Adly Mansour": some styles say so
        if proper_form(lexicon, name) is not None or not lexicon.cased_forms(name):
            found.add(i)
    return found


_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\Z")
_YEAR = re.compile(r"(?:1[5-9]\d\d|20\d\d)\Z")


def _ends_date(text: str, end: int) -> bool:
    """Whether a day number ending at ``end`` closes a date: punctuation, the end, or a year after it
    ("march 27, 2014", "march 27th 2014"; not "a march 2 miles long")."""
    rest = text[end : end + 6]
    return not rest or not rest[0].isspace() and not rest[0].isalnum() or bool(_YEAR.match(rest[1:5]))


# Name particles as they may stand inside a document, lowercase or capitalised ("al", "Al").
_PARTICLE_FORMS = NAME_PARTICLES | {capitalise(p) for p in NAME_PARTICLES}


def _lowercase_particles(ev) -> dict[int, str]:
    """The places of name particles written lowercase right before a capitalised word ("al Qaida") where
    the document writes the same two words inside a sentence with the particle capitalised ("Al Qaida")
    and never again with it lowercase, each with its capitalised form. A particle that the document
    writes lowercase in the name ("bin Laden" twice, "Bin Laden" once) is left alone."""
    words = _PARTICLE_FORMS & ev.words
    if not words:
        return {}
    tokens, texts = ev.doc.tokens, ev.texts
    lowercase: dict[tuple[str, str], list[int]] = {}
    capitalised: set[tuple[str, str]] = set()
    for n in ev.capitals_after(words):
        i = n - 1
        if tokens[n][5] is not False or ev.next[i] != n:
            continue
        particle = texts[i]
        if particle in NAME_PARTICLES:
            lowercase.setdefault((particle, texts[n]), []).append(i)
        elif tokens[i][5] is False:
            capitalised.add((particle.lower(), texts[n]))
    return {
        places[0]: capitalise(pair[0]) for pair, places in lowercase.items() if len(places) == 1 and pair in capitalised
    }


def _months_before_dates(ev, places) -> set[int]:
    """The places of month names written lowercase inside a sentence right before a year or a day:
    "on march 27th 2014", "in march 2015", "by march 3." (not "a long march", "a march 2 miles long").
    "may" needs a year: before a day it could still be a verb. ``places``: those of the month names
    written lowercase."""
    tokens, text = ev.doc.tokens, ev.doc.text
    found = set()
    for i in places:
        tok = tokens[i]
        if tok[5] is not False or i + 1 >= len(tokens):
            continue
        after = tokens[i + 1]
        if after.block != tok.block or text[tok.end : after.start] != " ":
            continue
        if _YEAR.match(after.text) or (tok.text != "may" and _DAY.match(after.text) and _ends_date(text, after.end)):
            found.add(i)
    return found


# Words this common are ordinary words before a capitalised one more often than first names ("will",
# "bill", "mark", "guy").
_COMMON_GIVEN_NAME = 100_000
_GIVEN: dict[str, bool] = {}
_SURNAME: dict[str, bool] = {}


def _may_be_given_name(word, lexicon) -> bool:
    """Whether ``word`` may be a first name written lowercase: a word the dictionary also knows
    capitalised, not too common ("tom", "victor", "dawn")."""
    found = _GIVEN.get(word)
    if found is None:
        forms = lexicon.cased_forms(word)
        found = any(f[:1].isupper() for f in forms) and lexicon.count(word) < _COMMON_GIVEN_NAME
        _remember(_GIVEN, word, found)
    return found


def _is_surname(word, lexicon) -> bool:
    """Whether a capitalised word may be a surname: a plain one ("Wibberley", not "MessagePort") that no
    dictionary knows."""
    found = _SURNAME.get(word)
    if found is None:
        key = word.lower()
        found = (
            len(word) > 2
            and word.isalpha()
            and word[1:].islower()
            and not lexicon.cased_forms(key)
            and not lexicon.is_term(key)
        )
        _remember(_SURNAME, word, found)
    return found


def _remember(cache: dict, key: str, value: bool) -> None:
    if len(cache) > 100_000:
        cache.clear()
    cache[key] = value


def _given_names_before_surnames(ev, lower, first_names, lexicon) -> set[int]:
    """The places of lowercase first names (words of ``lower``) right before a surname (a capitalised word
    that no dictionary knows), both inside the sentence, after a pause or a word that introduces a name:
    "by tom Wibberley", "authors, victor Naroditskiy" (not "the communist Pathet Lao", "a basic Trello
    board"). ``first_names``: words of the whole run outside which none is a first name (the word
    table's)."""
    tokens, texts = ev.doc.tokens, ev.texts
    given = given_names()
    found = set()
    # (the capitals after any of ``first_names``, a set of the whole run's words, then the few of them
    # after a word of ``lower``: quicker than first taking the document's words out of it)
    for n in ev.capitals_after(first_names):
        i = n - 1
        if texts[i] not in lower or tokens[n][5] is not False or tokens[i][5] is not False:
            continue
        word = texts[i]
        common = word in given
        if not common and texts[i - 1].lower() not in _BEFORE_NAMES and ev.prev[i] >= 0:
            continue  # the cheap tests first
        if ev.prev[n] != i:
            continue
        before = texts[i - 1].lower() if ev.prev[i] >= 0 else ""
        if before in _BEFORE_NAMES or not before:
            if _may_be_given_name(word, lexicon) and _is_surname(texts[n], lexicon):
                found.add(i)
                continue
        if common and before not in _BEFORE_A_VERB and _is_family_name(texts[n], given, lexicon):
            found.add(i)  # a common first name before a name: "since harry Truman", "said jane Joyce"
    return found


# Words before which a name that is also a word is that word, a verb: "I hope America", "to google it".
_BEFORE_A_VERB = frozenset(
    """i we you they he she it to will would can could should may might must shall do does did not and or
    never also""".split()
)


def _is_family_name(word, given, lexicon) -> bool:
    """Whether a capitalised word may be a family name after a first name: a plain word that the dictionary
    knows only as a name or not at all, and not itself a common first name ("Truman", "Joyce"; not
    "Congress", "Mary")."""
    if len(word) < 3 or not word.isalpha() or not word[1:].islower():
        return False
    key = word.lower()
    if key in given or lexicon.is_term(key):
        return False
    forms = lexicon.cased_forms(key)
    return not forms or not forms[0].islower()


def _god_in_blessings(ev, lower) -> list[int]:
    """The places of "god" right before "bless" or "blesses" inside a sentence: "Thank you, and god bless
    America", "may god bless you"; not after an article or a determiner ("a god blesses them")."""
    if "god" not in lower:
        return []
    texts, found = ev.texts, []
    for i in ev.lower.get("god", ()):
        n, p = ev.next[i], ev.prev[i]
        if texts[i] == "god" and n >= 0 and texts[n] in ("bless", "blesses"):
            if p < 0 or texts[p].lower() not in _ARTICLES:
                found.append(i)
    return found


_ARTICLES = frozenset("a an the any every each no some this that whose".split())


# Words after "act" that make it the verb: "the Commission act to provide", "Republicans act now".
_AFTER_THE_VERB_ACT = frozenset("to on upon now quickly swiftly together decisively fast as like".split())


def _acts_after_names(ev, lower) -> list[int]:
    """The places of "act" right after a capitalised word inside the sentence that is not a plural, a
    pronoun or a joining word: the end of the name of a law ("the Recovery act", "the PATRIOT act",
    "the Advisory Committee act"); not the verb ("I'll act", "the Commission act to provide")."""
    if "act" not in lower:
        return []
    texts, found = ev.texts, []
    for i in ev.lower.get("act", ()):
        j, n = ev.prev[i], ev.next[i]
        if texts[i] != "act" or j < 0 or (n >= 0 and texts[n].lower() in _AFTER_THE_VERB_ACT):
            continue
        before = texts[j]
        if before[:1].isupper() and before.lower() not in FUNCTION_WORDS and before not in ("I", "I'll", "I’ll"):
            if not before.endswith(("s", "’s", "'s")) and _inside_sentence(ev, j):
                found.append(i)
    return found


def _hyphenated_after_names(ev, table) -> dict[int, str]:
    """The places of hyphenated words inside sentences whose first part, lowercase, is a word the
    dictionary knows only as a name, before a capitalised part ("asia-Pacific", "arab-Israeli"), each with
    its first part capitalised (``table``: the ``_WordTable``, which finds such words once for all
    documents). A hyphenated word all in lowercase, "tutsi-led", is a lowercase word like any other."""
    found: dict[int, str] = {}
    words = table.hyphenated_names.keys() & ev.words
    for i in ev.indices(words) if words else ():
        if ev.doc.tokens[i][5] is False:
            found[i] = table.hyphenated_names[ev.texts[i]]
    return found


def _lowercase_brands(ev, lower, key) -> dict[int, str]:
    """The places of brands written lowercase whose lowercase forms are rare words (``dictionaries/
    brand-words.txt``: "share it on twitter", "google’s search"), each with its capitalised form; not where
    the document writes the word lowercase more than once and more often than capitalised, nor as a verb
    (after "to", a modal or a pronoun: "you can google it")."""
    brands = brand_words()
    found: dict[int, str] = {}
    for word in lower & _brand_forms():
        stem = key[word]
        places = ev.lower.get(stem, ())
        if len(places) > max(1, len(ev.capital.get(stem, ()))):
            continue  # the document writes it lowercase on purpose
        for i in places:
            text = ev.texts[i]
            p = ev.prev[i]
            if text == word and (p < 0 or ev.texts[p].lower() not in _BEFORE_A_VERB):
                found[i] = brands[stem] + split_possessive(text)[1]
    return found


@lru_cache(maxsize=1)
def _brand_forms() -> frozenset[str]:
    """The lowercase forms of the brand words as a document may write them: "google", "google’s"."""
    return frozenset(f"{brand}{end}" for brand in brand_words() for end in ("", "'s", "’s"))


@lru_cache(maxsize=1)
def _settling_words() -> frozenset[str]:
    """The lowercase words whose places ``_god_in_blessings``, ``_acts_after_names`` and
    ``_lowercase_brands`` look at: "god", "act" and the brands' forms."""
    return frozenset(("god", "act")) | _brand_forms()


def _surnames_after_given_names(ev, words, lexicon) -> set[int]:
    """The places of lowercase words (of ``words``) right after a capitalised common first name in the same
    phrase that the dictionary knows only as a name or not at all: a lowered surname ("Bill norwood", "Tom
    coburn"; not "Juan Jose keys", "Martin von Gagern")."""
    texts, tokens = ev.texts, ev.doc.tokens
    firsts = _capitalised_given_names()
    found = set()
    for c in ev.capitalised_indices:
        if texts[c] in firsts and c + 1 < len(texts) and texts[c + 1] in words:
            i = c + 1
            if ev.next[c] == i and tokens[i][5] is False and _may_be_lowered_surname(texts[i], lexicon):
                found.add(i)
    return found


@lru_cache(maxsize=1)
def _capitalised_given_names() -> frozenset[str]:
    return frozenset(map(capitalise, given_names()))


def _may_be_lowered_surname(word, lexicon) -> bool:
    found = _LOWERED_SURNAME.get(word)
    if found is None:
        found = len(word) > 2 and word.isalpha() and not lexicon.is_term(word) and not lexicon.cased_forms(word)
        _remember(_LOWERED_SURNAME, word, found)
    return found


_LOWERED_SURNAME: dict[str, bool] = {}


_BEFORE_NAMES = frozenset(
    """by with to from and or nor for of like as than including featuring said says told thank thanks at
    about between among""".split()
)


_CONNECTORS = frozenset(("of", "for", "and", "&"))
# The joining words in any case ("of", "Of", "OF" ...), for a set test on the text instead of lowering it
# (no other letter lowers to one of theirs)
_CONNECTOR_FORMS = frozenset(
    "".join(letters) for word in _CONNECTORS for letters in product(*({ch, ch.upper()} for ch in word))
)


def _near_capitals(ev, weak, after) -> set[int]:
    """The places of words of ``weak`` (lowercase words without other evidence) beside capitalised words
    where ``_judge`` may find a name:

    - right before a capitalised word in the same phrase, when the word is one of ``after`` (institutions
      and unknown words), or a capitalised word or a capitalised initialism stands one or two words before
      it ("General services Administration");
    - right after a capitalised word in the same phrase, a word of ``after`` ("Clemson university");
    - where ``_after_name_head`` may hold: a capitalised word three or four words before, and one right
      after or after a joining word ("Department of veterans Affairs", "Office of the chief Financial
      Officer", "Center of excellence for Collaborative Innovation").

    The capitalised words' neighbours are sorted by their texts in C (``beside_capitalised``): only those
    that are words of ``weak`` or joining words are looked at one by one."""
    texts = ev.texts
    capitalised = ev.capitalised_indices
    near = capitalised | ev.initialism_indices
    found = set()
    for i in ev.beside_capitalised(-1, weak):
        if (texts[i] in after or i - 1 in near or i - 2 in near) and ev.linked(i + 1):
            found.add(i)
        elif i > 1 and (i - 2 in capitalised or i - 3 in capitalised):
            found.add(i)
    for i in ev.beside_capitalised(+1, after):
        if ev.linked(i):
            found.add(i)
    for j in ev.beside_capitalised(-1, _CONNECTOR_FORMS):  # "excellence for Collaborative"
        i = j - 1
        if i > 1 and texts[i] in weak and (i - 2 in capitalised or i - 3 in capitalised):
            found.add(i)
    return found


def _may_be_name_alone(ev, word, key, lowercase, lexicon) -> bool:
    """Whether ``_judge`` may find ``word``, written lowercase ``lowercase`` times and capitalised
    elsewhere, a name without phrase evidence: a word no dictionary knows, written lowercase once; or one
    it also knows as a name that the document mostly writes capitalised on its own."""
    caps = ev.capital.get(key, ())
    if lowercase > 1 and len(caps) < _MOSTLY * lowercase:
        return False  # the cheap test first: too few capitals for any of the evidence below
    stem = split_possessive(word)[0]
    forms = lexicon.cased_forms(stem)
    if not forms:
        return lowercase == 1
    if not any(f[:1].isupper() for f in forms):
        return False
    if lowercase == 1 and len(caps) >= 2 and lexicon.count(stem) < _VERY_COMMON:
        return True  # "the document always writes it capitalised" may hold
    return _mostly_capitalised(ev, stem, caps, lowercase, lexicon)


def _mostly_capitalised(ev, stem, caps, lowercase, lexicon) -> bool:
    """Whether the document writes ``stem``, a word the dictionary also knows as a name, capitalised on
    its own (not inside a longer name) often enough beside its ``lowercase`` lowercase occurrences: at
    least three times when it is lowercase once and not a very common word ("Medicare ... medicare"),
    ``_MOSTLY`` times as often as lowercase otherwise ("Government" 27 times, "government" 3), and never
    in code ("`python`": a command)."""
    needed = _MOSTLY * lowercase if lowercase > 1 else 3
    if len(caps) < needed:
        return False  # too few capitals, whichever of them stand on their own
    if sum(map(ev.standalone, caps)) < needed:
        return False
    if lowercase == 1 and lexicon.count(stem) >= _VERY_COMMON:
        return False
    return stem.lower() not in ev.code_words


# Words after which a noun stands as itself, not as one of a kind: determiners, possessives, prepositions.
_PLAIN_BEFORE = frozenset(
    """the this that our their my your his her its in to of by from with and or nor for on at into before
    against about than as upon through under over between among without""".split()
)


def _used_as_name(ev, i) -> bool:
    """Whether token ``i`` stands where a name may: after a pause, a capitalised word, a determiner or a
    preposition ("I urge congress", "in congress", "our government"; not "a strong nation", "600 black
    men", "a bank president")."""
    p = ev.prev[i]
    if p < 0:
        return True
    before = ev.texts[p]
    return before[:1].isupper() or before.lower() in _PLAIN_BEFORE


def _with_phrase_evidence(ev, word, key, places) -> list[int]:
    """The places of ``word``, a word the document writes capitalised and lowercase more than once, where
    ``_judge`` may find evidence: inside a name spelt out by an acronym, before a capitalised word (or a
    joining word and a capitalised word: "Center of excellence for Collaborative Innovation"), as an
    institution, or with a capitalised word within two words on a side whose neighbour is the same as
    beside one of the capitalised occurrences ("Burkina faso" where "Burkina Faso" appears)."""
    texts = ev.texts
    n = len(texts)
    capitalised = ev.capitalised_indices
    in_acronym_name = ev.in_acronym_name
    if capitalise(split_possessive(word)[0]) in _INSTITUTIONS:
        return places
    caps = ev.capital.get(key, ())
    left = {texts[j - 1] for j in caps if j > 0}
    right = {texts[j + 1] for j in caps if j + 1 < n}
    return [
        i
        for i in places
        if i in in_acronym_name
        or i + 1 in capitalised
        or (i + 2 in capitalised and texts[i + 1].lower() in _CONNECTORS)
        or (i > 0 and texts[i - 1] in left and (i - 1 in capitalised or i - 2 in capitalised))
        or (i + 1 < n and texts[i + 1] in right and i + 2 in capitalised)
    ]


class _WordTable:
    """What CA003 knows of each lowercase word seen in this process, for one lexicon and known-casing
    list: its key, the name the lexicon knows it as, and whether it is left alone."""

    _current: _WordTable | None = None

    def __init__(self, lexicon, casings):
        self.lexicon, self.casings = lexicon, casings
        self.mark = (-1, 0)  # how far into the texts seen in this process the table is
        self.key: dict[str, str] = {}
        self.name: dict[str, str] = {}  # words the lexicon knows only as names ("niger", "tutsi-led")
        self.named: set[str] = set()
        self.ignored: set[str] = set()  # name particles, function words, known-casing names, one letter
        self.apostrophes: set[str] = set()  # words whose key is not the word itself ("russia’s")
        # institutions and unknown words: right after a capitalised word, they may end its name
        self.after_name: set[str] = set()
        # hyphenated words whose lowercase first part is a name, before a capitalised part: their fix
        self.hyphenated_names: dict[str, str] = {}  # "asia-Pacific" -> "Asia-Pacific"
        # words that may be first names written lowercase ("tom", "victor"): the common first names, the
        # words of letters that the lexicon also spells with a capital, and the other words (with an
        # apostrophe or a hyphen), left to ``_given_names_before_surnames`` to tell; most words are none
        # of these, and need no look before capitalised words
        self.first_names: set[str] = set()

    @classmethod
    def of(cls, lexicon, casings) -> _WordTable:
        table = cls._current
        if table is None or table.lexicon is not lexicon or table.casings is not casings:
            table = cls._current = cls(lexicon, casings)
        return table

    def _learn_hyphenated(self, word) -> None:
        """Note ``word`` ("asia-Pacific") when its lowercase first part is a name only."""
        first, rest = word.split("-", 1)
        if len(first) > 2 and rest[:1].isupper() and first.isalpha():
            name = proper_form(self.lexicon, first)
            if name is not None:
                self.hyphenated_names[word] = f"{name}-{rest}"

    def learn(self) -> None:
        """Take in the lowercase words seen in this process since the last call."""
        self.mark, texts, dropped = texts_seen_since(self.mark)
        if dropped:
            self.__init__(self.lexicon, self.casings)
            self.mark, texts, _ = texts_seen_since(self.mark)
        if not texts:
            return
        lower = lowercase_texts(texts)
        for word in lower.symmetric_difference(texts):  # (the texts that are not lowercase words)
            if "-" in word and word[:1].islower():
                self._learn_hyphenated(word)
        # (``isalpha`` holds for "ʼ", U+02BC, an apostrophe of possessives: "websiteʼs" is no plain word)
        plain = {word for word in filter(str.isalpha, lower) if "ʼ" not in word}
        self._learn_plain(plain)
        for word in lower - plain:
            self._learn_word(word)

    def _ignores(self, key: str) -> bool:
        return key in NAME_PARTICLES or key in FUNCTION_WORDS or key in self.casings

    def _learn_plain(self, words: set[str]) -> None:
        """Take in ``words``, lowercase words of letters only: each is its own key, and the lexicon
        knows it exactly when it has spellings of it (the other words ``is_known`` knows have an
        apostrophe or a hyphen). So one look-up, ``cased_forms``, tells both whether the word is known
        and, mostly, that it is no name: a name's spellings all start with a capital, and the lowercase
        spelling comes first when there is one (``proper_form``, twice the cost, only for those)."""
        self.key.update(zip(words, words, strict=True))
        ignored = {word for word in words if len(word) < 2 or self._ignores(word)}
        self.ignored |= ignored
        words = words - ignored
        self.first_names |= given_names().intersection(words)
        cased_forms = self.lexicon.cased_forms
        for word in words:
            forms = cased_forms(word)
            if not forms:
                self.after_name.add(word)  # unknown
            else:
                if len(word) > 2 and forms[0][:1].isupper():
                    self._learn_name(word, proper_form(self.lexicon, word))
                if capitalise(word) in _INSTITUTIONS:
                    self.after_name.add(word)
                # (most words have one spelling, in lowercase: the cheap tests first)
                if forms[0][:1].isupper() or (len(forms) > 1 and any(f[:1].isupper() for f in forms)):
                    self.first_names.add(word)

    def _learn_word(self, word: str) -> None:
        """Take in ``word``, a lowercase word."""
        key = self.key[word] = word_key(word)
        if key != word:
            self.apostrophes.add(word)
        if self._ignores(key) or len(word) < 2:
            self.ignored.add(word)
            return
        self.first_names.add(word)
        lexicon = self.lexicon
        name = proper_form(lexicon, word) if len(word) > 2 else None
        if name is None and "-" in word:
            name = _hyphenated_name(word, lexicon)
        self._learn_name(word, name)
        if capitalise(word) in _INSTITUTIONS or not lexicon.is_known(word):
            self.after_name.add(word)

    def _learn_name(self, word: str, name: str | None) -> None:
        if name is not None:
            self.name[word] = name
            self.named.add(word)


def _hyphenated_name(word, lexicon) -> str | None:
    """ "Tutsi-led" for "tutsi-led": a hyphenated word whose first part is a name ("anti-american" is not)."""
    first = word.split("-")[0]
    if len(first) > 3:
        head = proper_form(lexicon, first)
        if head is not None:
            return head + word[len(head) :]
    return None


def _phrase_keys(ev, i, marks=True, lexicon=None) -> set[tuple]:
    """The one and two words on each side of token ``i`` in its phrase, as keys (-1, "Burkina") and
    (+1, "of", "Labor"). With ``marks``, each key ends with whether it names: one of its words is
    capitalised inside the sentence, and, before the word, is not itself a name ("the Iranian regime"
    says nothing about "regime", "Burkina faso" does). Without, keys have no mark."""
    memo_key = (i, marks)
    memo = ev.memo.get(memo_key)
    if memo is not None:
        return memo
    tokens = ev.doc.tokens
    keys = set()
    ev.memo[memo_key] = keys
    for side, links in ((-1, ev.prev), (+1, ev.next)):
        j = links[i]
        if j < 0:
            continue
        near = tokens[j].text
        k = links[j]
        if marks:
            named = _names(ev, j, side, lexicon)
            keys.add((side, near, named))
            if k >= 0:
                keys.add((side, near, tokens[k].text, named or _names(ev, k, side, lexicon)))
        else:
            keys.add((side, near))
            if k >= 0:
                keys.add((side, near, tokens[k].text))
    return keys


def _plain_keys(ev, i, lexicon) -> set[tuple]:
    """``_phrase_keys`` of token ``i`` without their marks."""
    return {k[:-1] for k in _phrase_keys(ev, i, lexicon=lexicon)}


def _names(ev, j, side, lexicon) -> bool:
    tok = ev.doc.tokens[j]
    if not is_capitalised(tok.text) or not _inside_sentence(ev, j):
        return False
    if side > 0:
        return True
    cache = ev.memo.setdefault("name-only", {})
    word = tok.text.lower()
    if word not in cache:
        cache[word] = proper_form(lexicon, word) is not None
    return not cache[word]


# Words this common ("may", "will", "can") are ordinary words whatever a document does with their names.
_VERY_COMMON = 300_000
# How many times a document must write a word capitalised on its own for each lowercase occurrence before
# the lowercase ones count as slips ("Government" 27 times, "government" 3).
_MOSTLY = 4
# Words that join or qualify names rather than belong to them ("Japan last May", "the former Chair").
_NOT_IN_NAMES = frozenset(
    """about after against among before between during except former last latter like next since than
    through throughout toward towards until without within whose which who your our their his her my
    its own available two three four five six seven eight nine ten""".split()
)
# Institutions that a capitalised name before them always includes ("Clemson University"), unlike
# "team", "program" or "administration" ("the Obama administration").
_INSTITUTIONS = frozenset(
    "University Council Institute Bureau Ministry Foundation Association Commission Parliament".split()
)
# Lowercase phrases with a word the dictionary knows only as a name ("Bono", "Fide").
_LATIN_PHRASES = frozenset(("pro bono", "bona fide", "mala fide"))


def _in_latin_phrase(ev, i) -> bool:
    tokens = ev.doc.tokens
    word = tokens[i].text.lower()
    for j in (ev.prev[i], ev.next[i]):
        if j >= 0:
            pair = f"{tokens[j].text.lower()} {word}" if j < i else f"{word} {tokens[j].text.lower()}"
            if pair in _LATIN_PHRASES:
                return True
    return False


def _inside_sentence(ev, j) -> bool:
    """Whether token ``j`` stands inside a sentence: so its sentence start says, or it may open one only
    because an initialism inside the sentence ends with a period right before it ("the U.S. Digital
    Corps")."""
    tokens = ev.doc.tokens
    start = tokens[j].sentence_start
    if start is not None:
        return not start
    p = ev.prev[j]
    return p >= 0 and tokens[p].kind is TokenKind.INITIALISM and tokens[p].sentence_start is False


def _capitalised_common_word(ev, j, lexicon) -> bool:
    """A capitalised word inside a sentence that is otherwise an ordinary word ("Services"), the mark of
    a name made of ordinary words; or an initialism such as "U.S."."""
    tok = ev.doc.tokens[j]
    if tok.kind is TokenKind.INITIALISM:
        return tok.text[:1].isupper()
    if not is_capitalised(tok.text) or tok.text.lower() in FUNCTION_WORDS or not _inside_sentence(ev, j):
        return False
    forms = lexicon.cased_forms(split_possessive(tok.text)[0])
    return bool(forms) and forms[0].islower()


def _inside_title_phrase(ev, i, lexicon, heads=True) -> bool:
    """Whether token ``i`` sits between capitalised ordinary words: "General services Administration",
    "Department of veterans Affairs"."""
    tokens = ev.doc.tokens
    word = tokens[i].text
    if word.endswith("ed") or not lexicon.is_known(word):
        return False
    n = ev.next[i]
    if n < 0 or not _capitalised_common_word(ev, n, lexicon):
        return False
    ends = [tokens[n].text]
    if ev.next[n] >= 0:
        ends.append(tokens[ev.next[n]].text)
    if heads and not any(split_possessive(h)[0].rstrip("s") in NAME_HEADS or h in NAME_HEADS for h in ends):
        return False
    p = ev.prev[i]
    if not heads:
        # without a head noun, only a plain run of capitalised ordinary words will do
        if word.lower() in _NOT_IN_NAMES or word.endswith(("ing", "s")):
            return False
        if proper_form(lexicon, tokens[n].text.lower()) is not None:
            return False  # a title before a person's name: "French explorer Louis"
        if p < 0 or ev.doc.first_token(tokens[p].block) == p or "'" in tokens[p].text or "’" in tokens[p].text:
            return False
        if ev.doc.text[tokens[p].start - 1 : tokens[p].start] in "\"“‘'([":
            return False  # the start of a quoted or bracketed title: “Using arbitrary Python …”
        return _capitalised_common_word(ev, p, lexicon)
    if p >= 0 and tokens[p].text.lower() in _CONNECTORS:
        p = ev.prev[p]
    return p >= 0 and _capitalised_common_word(ev, p, lexicon)


def _after_name_head(ev, i, lexicon) -> bool:
    """Whether token ``i`` follows the head noun of a name and a joining word, and capitalised ordinary
    words go on after it: "the Department of veterans Affairs", "the Center for new Media", "the Center
    of excellence for Collaborative Innovation", "the Office of the chief Financial Officer"."""
    tokens = ev.doc.tokens
    word = tokens[i].text
    if word.lower() in _NOT_IN_NAMES or word.endswith("ed") or not lexicon.is_known(word):
        return False
    n = ev.next[i]
    if n >= 0 and tokens[n].text.lower() in _CONNECTORS:
        n = ev.next[n]
    if n < 0 or not _capitalised_common_word(ev, n, lexicon):
        return False
    p = ev.prev[i]
    if p >= 0 and tokens[p].text.lower() == "the":
        p = ev.prev[p]
    if p < 0 or tokens[p].text.lower() not in ("of", "for"):
        return False  # not "and": "the Affordable Care Act and expand Medicare"
    head = ev.prev[p]
    return head >= 0 and _capitalised_common_word(ev, head, lexicon) and _is_name_head(tokens[head].text)


def _is_name_head(word) -> bool:
    """ "Department", "Centers", "Office’s": a noun that heads names of institutions."""
    stem = split_possessive(word)[0]
    return stem in NAME_HEADS or stem.rstrip("s") in NAME_HEADS


def _ends_title_phrase(ev, i, lexicon) -> bool:
    """Whether token ``i`` is the head noun of a name whose other words are capitalised: "Clemson
    university", "the United Nations Security council"."""
    tokens = ev.doc.tokens
    if capitalise(split_possessive(tokens[i].text)[0]) not in _INSTITUTIONS:
        return False
    before = ev.context(i, -1, 2)
    if len(before) < 2 or any(tokens[k].sentence_start is not False for k in before):
        return False
    if not all(is_capitalised(tokens[k].text) and tokens[k].text.lower() not in FUNCTION_WORDS for k in before):
        return False
    n = ev.next[i]
    return n < 0 or not is_capitalised(tokens[n].text)


def _unknown_beside_name(ev, i, lexicon) -> bool:
    """Whether token ``i`` is a word no dictionary knows, and no slip away from one, right beside a
    capitalised word: a surname or place written lowercase ("Jean Philippe bouchard", "Magna carta")."""
    from proofread.spelling.edits import edits1

    tokens = ev.doc.tokens
    word = tokens[i].text
    if len(word) < 4 or "-" in word or "'" in word or "’" in word or lexicon.is_known(word) or lexicon.is_term(word):
        return False
    if not any(
        j >= 0
        and is_capitalised(tokens[j].text)
        and tokens[j].sentence_start is False
        and proper_form(lexicon, tokens[j].text.lower()) is not None
        for j in (ev.prev[i], ev.next[i])
    ):
        return False  # beside a name the dictionary knows ("Philippe", "Ohio"), not any capital
    low = word.lower()
    if any(lexicon.is_known(low[:k]) and lexicon.is_known(low[k:]) for k in range(3, len(low) - 2)):
        return False  # a compound of known words: "chatbot", "wellbeing"
    if low.endswith("s") and lexicon.is_known(low[:-1]):
        return False  # the plural of a rare word: "oblasts"
    # a string in use more than any slip would explain ("messner", "jakob"), or one no slip explains
    return lexicon.is_attested(low) or not any(lexicon.is_known(c) for c in edits1(low))
