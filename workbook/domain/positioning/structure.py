"""The parts of a statement found from its structure: for whom, what is delivered, the proof,
and how specific its words are.

SOURCE: the method, step 1 — a connector repeats a role, for whom, and what you deliver. Word
lists alone miss audiences named in the user's own words ("pour les réseaux de franchise",
"for oncology trials"); so the parts are also read from where they sit in the sentence:
- the audience follows a cue ("pour les", "auprès des", "j'aide", "for", "I help",
  "serving") and holds a specific word (rare, an acronym, or a named audience);
- the deliverable is a verb said in the first person or a result verb, with an object that
  holds a specific word; or a result phrase ("sans contentieux", "zero penalties", "ahead of
  plan", "du premier coup"); or a figure that is not the candidate's years of experience;
- specific words are rare in everyday language (Zipf frequency, see `language`): a focused
  statement uses domain words ("franchise", "oncology"), a vague one common words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from workbook.domain.names import fold
from workbook.domain.positioning import language
from workbook.domain.positioning.lexicons import (
    AUDIENCE,
    AUDIENCE_CUES,
    BUZZ,
    CLICHE,
    EXPERIENCE,
    FIGURE_WORDS,
    GENERIC_NOUNS,
    NON_RESULT_VERBS,
    PHRASE_END,
    PHRASE_SKIP,
    RESULT_MARKERS,
    RESULT_PHRASE,
    RESULT_VERBS,
    STOPWORDS,
    VAGUE,
)
from workbook.domain.positioning.text import AnalysedText

# How many words after a cue or a verb are read as its audience or its object.
PHRASE_WORDS = 7
_WORD = re.compile(r"\w+")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*|[%€$£]")
# A figure this close before "years of experience" is about the candidate, not a result.
_EXPERIENCE_REACH = 12
_BREAK = re.compile(r"[.:;!?,()\[\]|\n]")
_QUANTIFIERS = frozenset({"tout", "toute", "tous", "toutes", "n", "importe", "all", "any",
                          "every", "quelconque", "chacun", "everyone", "anyone"})
_NOUN_ENDINGS = ("ment", "ments", "tion", "tions", "sion", "eur", "eurs", "euse", "rice", "age")
_FIRST_PERSON = {"fr": frozenset({"je", "j", "nous"}), "en": frozenset({"i", "we"})}
_PROOF_STARTS = RESULT_MARKERS["fr"] | RESULT_MARKERS["en"]
# Stems of the French result verbs ("redui" for "reduire"), for forms the dictionary misses.
_FRENCH_STEMS = tuple(sorted({verb[:-2] for verb in RESULT_VERBS["fr"]
                              if len(verb) >= 7 and verb[-2:] in ("er", "ir", "re")}))
_CUES_BY_FIRST_WORD = {lang: {cue[0]: tuple(c for c in cues if c[0] == cue[0]) for cue in cues}
                       for lang, cues in AUDIENCE_CUES.items()}
_REFLEXIVE = frozenset({"me", "m", "nous", "ne", "n", "en", "y"})
# Auxiliaries before the verb that carries the result ("j'ai réduit", "je fais passer",
# "I have cut"); "je suis" and "I am" introduce a title, not a result.
_AUXILIARIES = {"fr": frozenset({"ai", "avons", "fais", "faisons"}),
                "en": frozenset({"have", "ve", "had", "will", "ll", "can"})}
_SMALL = frozenset(STOPWORDS["fr"] | STOPWORDS["en"] | PHRASE_SKIP["fr"] | PHRASE_SKIP["en"]
                   | PHRASE_END["fr"] | PHRASE_END["en"] | {
                       "un", "une", "seul", "seule", "single", "plus", "moins", "more", "less",
                       "tres", "very", "ne", "pas", "not", "son", "sa", "ses", "leur", "its",
                       "their", "his", "her", "me", "m", "se", "s", "t", "y", "en", "ce",
                       "cette", "ces", "this", "these", "those", "it", "they", "them"})


@dataclass(frozen=True)
class Word:
    """One word of the analysed text: folded, as typed in lower case, its span in the
    folded text, and whether it was typed as an acronym ("EHPAD", "IATF")."""

    norm: str
    lower: str
    start: int
    end: int
    acronym: bool


@dataclass(frozen=True)
class Structure:
    """What the statement names: audiences and deliverables (as typed), whether a result is
    proven (a figure or a result phrase), and its rare and common content words."""

    audiences: tuple[str, ...] = ()
    deliverables: tuple[str, ...] = ()
    proof: bool = False
    rare_words: tuple[str, ...] = ()
    common_words: tuple[str, ...] = ()


def read_words(text: AnalysedText) -> list[Word]:
    words = []
    for match in _WORD.finditer(text.norm):
        typed = text.original(*match.span())
        words.append(Word(match.group(), typed.lower(), match.start(), match.end(),
                          len(typed) >= 2 and typed.isalpha() and typed.isupper()))
    return words


def _spans(text: AnalysedText, patterns) -> list[tuple[int, int]]:
    return [m.span() for pattern in patterns for m in pattern.finditer(text.norm)]


class _Reader:
    """One statement's words, read in language `lang`, with the questions the parts ask of
    them (is this word content? generic? specific? where does a phrase end?)."""

    def __init__(self, text: AnalysedText, lang: str):
        self.text, self.lang = text, lang
        self.words = read_words(text)
        # Words inside a cliché, a vague word or jargon say nothing specific.
        starts = [w.start for w in self.words]
        self.masked = frozenset(
            index for start, end in _spans(text, [VAGUE, BUZZ, *CLICHE.values()])
            for index in range(bisect.bisect_left(starts, start),
                               bisect.bisect_left(starts, end)))
        self.experience = _spans(text, [EXPERIENCE])
        self.jargon = _spans(text, [BUZZ])

    def lemma(self, word: Word) -> str:
        return language.lemma(word.lower, self.lang)

    def is_content(self, index: int) -> bool:
        word = self.words[index]
        return (index not in self.masked and not word.norm.isdigit()
                and word.norm not in _SMALL and (len(word.norm) >= 3 or word.acronym))

    def is_generic(self, word: Word) -> bool:
        return word.norm in GENERIC_NOUNS or self.lemma(word) in GENERIC_NOUNS \
            or word.norm.rstrip("s") in GENERIC_NOUNS

    def is_specific(self, index: int) -> bool:
        """A content word that is not generic and is rare in everyday language (or typed as
        an acronym): "franchise", "oncology", "IATF"."""
        word = self.words[index]
        if not self.is_content(index) or self.is_generic(word):
            return False
        return word.acronym or language.zipf(word.lower, self.lang) < language.RARE_ZIPF

    def names_something(self, indexes: list[int]) -> bool:
        """A phrase names someone or something precise: a specific word, or a noun with its
        qualifier (two content words, neither generic: "tech employers")."""
        plain = [i for i in indexes
                 if self.is_content(i) and not self.is_generic(self.words[i])]
        return any(self.is_specific(i) for i in plain) or len(plain) >= 2

    def broken(self, left: int, right: int) -> bool:
        """True when punctuation separates word `left` from word `right`."""
        return bool(_BREAK.search(self.text.norm, self.words[left].end,
                                  self.words[right].start))

    def phrase(self, first: int) -> list[int]:
        """Indexes of the words from `first` on, up to a punctuation mark, a word that ends a
        phrase, or `PHRASE_WORDS` words; small words at its start skipped."""
        skip, end = PHRASE_SKIP[self.lang], PHRASE_END[self.lang]
        index = first
        while index < len(self.words) and self.words[index].norm in skip:
            index += 1
        taken: list[int] = []
        while index < len(self.words) and len(taken) < PHRASE_WORDS:
            if index > 0 and self.broken(index - 1, index):
                break
            if self.words[index].norm in end and taken:
                break
            taken.append(index)
            index += 1
        return taken

    def quote(self, indexes: list[int]) -> str:
        if not indexes:
            return ""
        return self.text.original(self.words[indexes[0]].start, self.words[indexes[-1]].end)

    # -- the parts
    def audiences(self) -> list[str]:
        found = []
        norms = [w.norm for w in self.words]
        cues = _CUES_BY_FIRST_WORD[self.lang]
        for index, first in enumerate(norms):
            for cue in cues.get(first, ()):
                if tuple(norms[index:index + len(cue)]) != cue:
                    continue
                after = index + len(cue)
                if after < len(self.words) and self.broken(after - 1, after):
                    break
                phrase = self.phrase(after)
                if phrase and self.words[phrase[0]].norm not in _QUANTIFIERS and \
                        self.names_something(phrase):
                    found.append(self.quote(phrase))
                break
        starts = {w.start: i for i, w in enumerate(self.words)}
        for match in AUDIENCE.finditer(self.text.norm):
            index = starts.get(match.start())
            if index is None or self.is_generic(self.words[index]):
                continue
            before = {w.norm for w in self.words[max(0, index - 3):index]}
            if not before & _QUANTIFIERS:
                found.append(self.text.original(*match.span()))
        return found

    def is_result_verb(self, word: Word) -> bool:
        verbs = RESULT_VERBS[self.lang]
        if self.lemma(word) in verbs or word.norm in verbs:
            return True
        # Forms the dictionary reads as another word ("réduit", "divise"): same stem as a
        # result verb's infinitive.
        return (self.lang == "fr" and len(word.norm) >= 5
                and not word.norm.endswith(_NOUN_ENDINGS)
                and word.norm.startswith(_FRENCH_STEMS))

    def deliverables(self) -> list[str]:
        found = []
        words, lang = self.words, self.lang
        for index, word in enumerate(words):
            verb = None
            if word.norm in _FIRST_PERSON[lang]:
                after = index + 1
                while after < len(words) and words[after].norm in _REFLEXIVE:
                    after += 1
                if after < len(words) and words[after].norm in _AUXILIARIES[lang]:
                    after += 1
                if after < len(words) and not self.broken(index, after) and \
                        words[after].norm.isalpha() and words[after].norm not in _SMALL:
                    verb = after
                    lemma = self.lemma(words[after])
                    if lemma in NON_RESULT_VERBS[lang] or words[after].norm in \
                            NON_RESULT_VERBS[lang]:
                        verb = None
            elif index not in self.masked and self.is_result_verb(word):
                verb = index
            if verb is None:
                continue
            obj = self.phrase(verb + 1)
            if self.is_result_verb(words[verb]):
                wanted = any(self.is_content(i) and not self.is_generic(words[i]) for i in obj)
            else:
                wanted = any(self.is_specific(i) for i in obj)
            if wanted:
                found.append(self.quote([verb, *obj]))
        for index, word in enumerate(words):
            if word.norm in RESULT_MARKERS[lang] and index not in self.masked:
                after = [i for i in range(index + 1, min(len(words), index + 4))
                         if not self.broken(index, i)]
                if any(self.is_content(i) and not self.is_generic(words[i]) for i in after):
                    found.append(self.quote([index, *after]))
        found += self.result_phrases()
        return found

    def result_phrases(self) -> list[str]:
        return [self.text.original(*m.span()) for m in RESULT_PHRASE.finditer(self.text.norm)]

    def about_experience(self, position: int) -> bool:
        """True when a figure at `position` counts years of experience or sits in jargon."""
        return any(0 <= start - position <= _EXPERIENCE_REACH or start <= position < end
                   for start, end in self.experience) or any(
            start <= position < end for start, end in self.jargon)

    def proofs(self) -> list[str]:
        """Figures that are not years of experience nor part of jargon ("vision à 360"),
        number words ("deux fois moins", "half"), and result phrases ("du premier coup")."""
        found = [match.group() for match in _FIGURE.finditer(self.text.norm)
                 if not self.about_experience(match.start())]
        found += [word.lower for word in self.words
                  if (word.norm in FIGURE_WORDS or self.lemma(word) in FIGURE_WORDS)
                  and not self.about_experience(word.start)]
        return found

    def vocabulary(self) -> tuple[list[str], list[str]]:
        """Content words (outside clichés and jargon) that are rare, and those that are
        common in everyday language, each once, as typed."""
        rare: dict[str, str] = {}
        common: dict[str, str] = {}
        for index, word in enumerate(self.words):
            if not self.is_content(index):
                continue
            typed = self.text.original(word.start, word.end)
            if self.is_specific(index):
                rare.setdefault(word.norm, typed)
            else:
                common.setdefault(word.norm, typed)
        return list(rare.values()), list(common.values())


def read_structure(text: AnalysedText, lang: str) -> Structure:
    """The audiences, deliverables, proof and vocabulary of `text` in language `lang`."""
    reader = _Reader(text, lang)
    rare, common = reader.vocabulary()
    figures = reader.proofs()
    deliverables = reader.deliverables()
    # A figure is itself a deliverable ("2.5 million in funding over 4 years"); a result
    # phrase or a "sans/zero/without" result is itself a proof ("sans contentieux").
    results = [d for d in deliverables if fold(d).split()[0] in _PROOF_STARTS]
    proof = bool(figures or results or reader.result_phrases())
    return Structure(tuple(reader.audiences()), tuple(deliverables or figures[:1]), proof,
                     tuple(rare), tuple(common))
