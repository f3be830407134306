"""Hedging: the words that make a journalist doubt the speaker knows.

SOURCE: the method, step 3 (DESIGN.md) — phrasings that get quoted are plain; media
training — assert, then prove: "I think", "perhaps", "it may be that" tell the reporter the
speaker is not sure, and the line is not used.

Read by grammar, not by a list alone:
- markers of opinion and of doubt, in any person or tense, through their lemma ("il me
  semble", "il semblerait", "j'aurais tendance à", "I'd venture", "from what I've seen",
  "seems to", "tend to", "there's a fair chance", "more often than not");
- the conditional and the modals of possibility ("ferait", "pourraient", "it may well be",
  "this would likely help", "ça devrait suffire"), except where the sentence states its
  condition ("sans bénévoles, les musées seraient fermés", "without volunteers … would"), a
  past counterfactual ("auraient tenu", "would have done"), a negated ability ("could not"),
  a possibility inside a relative clause ("a lock that could be opened"), or a rule ("no
  resident should ever walk in the dark" — a "should" about what to do, not a guess);
- approximators ("presque", "à peu près", "almost", "nearly") — but not before a figure or
  a quantity ("presque 40 %", "nearly twice", "almost every"), where they are precision;
- never "plutôt que", "assez de", "rather than", "quite the opposite", "quite a few", "one
  kind of", "May 2023".
"""

from __future__ import annotations

import functools
import re

from workbook.domain.press.words import Token, fold_same_length, lemma_of, sentences, tokens

_PHRASES = {
    "fr": (
        r"il (?:me |nous |lui |leur )?(?:semble|semblait|semblerait|parait|paraitrait)",
        r"(?:me|nous) semble-t-il", r"(?:l'impression|le sentiment) que?",
        r"(?:(?:j'|on |il |elle |ils |elles |nous |vous )?(?:ai|as|a|avons|avez|ont|aurais|"
        r"aurait|aurions|auriez|auraient|avais|avait|avaient) )?tendance a",
        r"il (?:est|serait|parait) (?:possible|probable|vraisemblable|envisageable|plausible)"
        r" que?",
        r"il n'est pas (?:impossible|exclu|improbable) que?", r"il se (?:peut|pourrait) que?",
        r"peut-etre", r"probablement", r"vraisemblablement", r"eventuellement",
        r"potentiellement", r"apparemment", r"a priori", r"en principe", r"en theorie",
        r"theoriquement", r"normalement", r"sans doute", r"a mon (?:avis|sens|gout)",
        r"selon moi", r"d'apres moi", r"de mon point de vue", r"en quelque sorte",
        r"d'une certaine (?:maniere|facon)", r"dans une certaine mesure",
        r"jusqu'a un certain point", r"plus ou moins", r"grosso modo", r"on va dire",
        r"disons", r"pour ainsi dire", r"si l'on veut", r"si je puis dire", r"relativement",
        r"globalement", r"dans l'ensemble", r"en gros(?=\s*,)", r"dans la plupart des cas",
        r"la plupart du temps", r"plutot(?! que| qu')", r"assez(?! de\b| d'| pour\b)",
        r"un peu(?! partout)",
        r"quelque part(?! (?:dans|en|a|au|aux|sur|entre|pres|chez|ou)\b)",
        r"si je ne (?:me trompe|m'abuse)(?: pas)?", r"sauf erreur(?: de ma part)?",
        r"il y a (?:de (?:bonnes|grandes|fortes|fortes) |des |peu de |toutes les )?chances "
        r"(?:pour )?que?", r"selon toute (?:vraisemblance|probabilite)",
        r"je ne serais pas (?:surpris|surprise|etonne|etonnee)", r"a vue de nez",
        r"a ce qu'on (?:dit|m'a dit|raconte)", r"parait-il", r"dans une large mesure",
        r"(?:a|en) premiere vue"),
    "en": (
        r"in my (?:view|opinion|experience|book|eyes)", r"to my mind",
        r"(?:may|might|could) well(?: be)?",
        r"from where (?:i|we) (?:stand|sit)",
        r"from what (?:i|we)(?:'ve| have)? (?:seen|heard|read|gather)",
        r"as far as (?:i|we) (?:can tell|know|can see)", r"if you ask me",
        r"it (?:seems|seemed|would seem|appears|would appear|looks like)",
        r"seem(?:s|ed)? to", r"appear(?:s|ed)? to be", r"tend(?:s|ed)? to",
        r"there(?:'s| is) (?:a |an )?(?:fair |good |real |strong |reasonable |decent )?chance",
        r"chances are", r"odds are",
        r"it(?:'s| is) (?:possible|likely|probable|conceivable|plausible) that",
        r"it(?:'s| is) not (?:impossible|unlikely|inconceivable)", r"more often than not",
        r"in most cases", r"most of the time", r"to (?:some|a certain|a large|a great) extent",
        r"in a (?:way|sense)", r"in some ways", r"more or less", r"somewhat",
        r"(?<!would )rather(?! than)", r"quite(?! (?:a|an|the|so|as)\b)", r"fairly",
        r"pretty much", r"a (?:little )?bit", r"slightly", r"maybe", r"perhaps",
        r"probably", r"possibly", r"presumably", r"arguably", r"conceivably", r"seemingly",
        r"apparently", r"supposedly", r"hopefully", r"basically", r"generally speaking",
        r"by and large", r"on the whole", r"broadly speaking", r"in principle", r"in theory",
        r"theoretically", r"(?:un)?likely", r"i hope", r"if i'?m not mistaken",
        r"it(?:'s| is) not unreasonable to", r"in all likelihood", r"all things being equal",
        r"(?:i|we) (?:wouldn't|would not) be surprised", r"from what (?:i|we) hear",
        r"as (?:i|we) see it", r"as far as (?:i'?m|we're|we are) concerned",
        r"(?:pretty|reasonably) (?:sure|confident|certain)", r"at first (?:sight|glance)",
        r"if memory serves",
        r"(?<!\ba )(?<!\ban )(?<!\bone )(?<!\bthis )(?<!\bthat )(?<!\bthe )(?<!\bevery )"
        r"(?<!\bany )(?<!\bwhat )(?<!\bwhich )(?<!\bsome )(?<!\beach )(?<!\bno )"
        r"(?<!\bsame )(?<!\bonly )(?<!\bother )(?:sort|kind) of"),
}
_PHRASE = {lang: re.compile(r"(?<![\w-])(?:" + "|".join(p) + r")(?![\w-])")
           for lang, p in _PHRASES.items()}

# Approximators: a hedge, unless a figure or a quantity follows.
_APPROXIMATE = re.compile(r"(?<![\w'-])(?:presque|quasiment|quasi|pratiquement|a peu pres|"
                          r"almost|nearly|practically|virtually|roughly)(?![\w-])")
QUANTITY_WORDS = frozenset({
    "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "quinze", "vingt", "trente", "quarante", "cinquante", "cent", "mille",
    "million", "millions", "milliard", "moitie", "tiers", "quart", "double", "triple",
    "tous", "toutes", "tout", "toute", "jamais", "toujours", "rien", "aucun", "aucune",
    "personne", "entier", "entiere", "chaque", "a", "an", "one", "two", "three", "four",
    "five", "seven", "eight", "nine", "ten", "twelve", "fifteen", "twenty", "thirty",
    "fifty", "hundred", "thousand", "billion", "half", "third", "quarter",
    "twice", "all", "every", "each", "never", "always", "none",
    "nothing", "nobody", "entire", "whole", "fully", "no", "pas", "nul", "nulle"})

_CONDITION = {
    "fr": re.compile(r"(?<![\w'])(?:si|s'il|s'ils|sans|a condition|en cas|au cas|sinon|"
                     r"autrement|faute d)(?![\w])"),
    "en": re.compile(r"(?<![\w'])(?:if|without|unless|otherwise|were it not|but for|"
                     r"in case)(?![\w])"),
}
# A French conditional: the future stem + -ais/-ait/-ions/-iez/-aient.
_FR_CONDITIONAL = re.compile(r"r(?:ais|ait|ions|iez|aient)$")
_FR_IRREGULAR = {"etre": "ser", "avoir": "aur", "faire": "fer", "pouvoir": "pourr",
                 "devoir": "devr", "falloir": "faudr", "vouloir": "voudr", "aller": "ir",
                 "venir": "viendr", "tenir": "tiendr", "savoir": "saur", "voir": "verr",
                 "valoir": "vaudr", "envoyer": "enverr", "mourir": "mourr", "courir": "courr"}
# Conditionals that are not hedges: a wish ("j'aimerais") is not a doubt.
_FR_NOT_HEDGING = frozenset({"aimer", "preferer", "souhaiter"})
# After "should" / "devrait": outcome verbs make a guess ("ça devrait suffire"); action verbs
# a rule or a recommendation ("councils should keep libraries open").
_OUTCOMES = {
    "fr": frozenset({"suffire", "fonctionner", "aider", "permettre", "baisser", "augmenter",
                     "diminuer", "arriver", "durer", "ameliorer", "reduire", "progresser",
                     "croitre", "payer", "coûter", "couter", "rapporter", "changer"}),
    "en": frozenset({"help", "work", "suffice", "pay", "improve", "reduce", "increase",
                     "fall", "drop", "rise", "grow", "happen", "last", "hold", "change",
                     "cost", "save", "lead", "mean", "matter"}),
}
_BE_ENOUGH = re.compile(r"^(?:be|etre) (?:enough|sufficient|fine|ok|okay|possible|able|"
                        r"suffisant|suffisante|possible|bon|bonne)\b")
_RELATIVE = frozenset({"that", "which", "who", "qui"})
_DETERMINERS = frozenset({"a", "an", "the", "any", "every", "each", "no", "your", "their",
                          "our", "his", "her", "its", "my"})
_CLAUSE_WORDS = frozenset({"so", "and", "but", "because", "if", "when", "that", "which",
                           "who", "while", "as", "since", "or", "then", "where"})
_SUBJECTS = {"fr": frozenset({"je", "j", "nous", "on"}), "en": frozenset({"i", "we"})}
_OPINION_VERBS = {
    "fr": frozenset({"penser", "croire", "supposer", "imaginer", "estimer", "trouver",
                     "considerer"}),
    "en": frozenset({"think", "believe", "feel", "guess", "reckon", "suppose", "suspect",
                     "imagine", "assume", "gather", "sense"}),
}
_SKIPPED = frozenset({"ne", "n", "do", "really", "honestly", "personally", "still", "also",
                      "tend", "to", "d", "would", "pas", "plutot"})
# "être" makes the past conditional of these ("serait venu"); with others it is a present
# conditional ("je serais tenté de dire": a hedge).
_MOVED = frozenset({"alle", "allee", "alles", "allees", "venu", "venue", "venus", "venues",
                    "parti", "partie", "partis", "parties", "arrive", "arrivee", "arrives",
                    "reste", "restee", "restes", "tombe", "tombee", "tombes", "mort", "morte",
                    "morts", "ne", "nee", "nes", "passe", "passee", "passes", "devenu",
                    "devenue", "devenus", "revenu", "revenue", "revenus", "entre", "sorti"})
_PAST_PARTICIPLE = re.compile(r"(?:e|es|ee|ees|i|is|ie|it|u|us|ue|t|te|ts)$")


def _is_fr_conditional(token: Token) -> str | None:
    """The infinitive of a French verb in the conditional ("ferait" -> "faire"), or None."""
    word = token.folded
    ending = _FR_CONDITIONAL.search(word)
    if not ending or len(word) < 5:
        return None
    infinitive = lemma_of(token.lower, "fr")
    stem = word[:ending.start() + 1]             # up to the future's "r"
    if infinitive in _FR_IRREGULAR:
        return infinitive if stem == _FR_IRREGULAR[infinitive] else None
    if infinitive.endswith(("er", "ir")) and stem == infinitive:
        return infinitive
    if infinitive.endswith("re") and stem == infinitive[:-1]:
        return infinitive
    return None


_HEDGING_CONDITION = re.compile(r"si je ne (?:me trompe|m'abuse)|if i'?m not mistaken|"
                                r"if memory serves|if you ask me")


def _has_condition(text: str, start: int, lang: str) -> bool:
    """The sentence states a condition ("si…", "without…"), one that is not itself a hedge
    ("si je ne me trompe pas")."""
    for begin, end in sentences(text):
        if begin <= start < end:
            sentence = _HEDGING_CONDITION.sub("", fold_same_length(text[begin:end]))
            return bool(_CONDITION[lang].search(sentence))
    return False


def _quantity_follows(words: tuple[Token, ...], index: int) -> bool:
    return any(any(c.isdigit() for c in t.folded) or t.folded in QUANTITY_WORDS
               for t in words[index + 1:index + 4])


def _reduced_relative(words: tuple[Token, ...], i: int) -> bool:
    """"faults a driver could spot": noun, determiner, noun, modal — a relative clause whose
    "that" is left out, saying what is possible, not hedging the claim."""
    return i >= 3 and words[i - 2].folded in _DETERMINERS and \
        words[i - 3].folded not in _CLAUSE_WORDS | _DETERMINERS and \
        not words[i - 3].opens_sentence and words[i - 3].folded.isalpha()


def _modal_spans(text: str, words: tuple[Token, ...], lang: str) -> list[tuple[int, int]]:
    """Conditionals and modals of possibility used as a guess (see the module's rules)."""
    spans = []
    for i, token in enumerate(words):
        word, nxt = token.folded, words[i + 1].folded if i + 1 < len(words) else ""
        before = words[i - 1].folded if i else ""
        if lang == "en":
            if word == "might" or (word == "may" and not (token.capitalised and not
                                                          token.opens_sentence)
                                   and not nxt[:1].isdigit()):
                spans.append((token.start, token.end))
            elif word in ("could", "would") or (word == "d" and before in (
                    "i", "we", "you", "they", "he", "she", "it", "that")):
                if nxt in ("not", "never", "have", "ve", "n", "rather") or \
                        before in _RELATIVE or _has_condition(text, token.start, lang) or \
                        (word == "could" and _reduced_relative(words, i)):
                    continue
                spans.append((words[i - 1].start if word == "d" else token.start, token.end))
            elif word in ("should", "ought"):
                verb = words[i + 2] if word == "ought" and nxt == "to" else (
                    words[i + 1] if i + 1 < len(words) else None)
                after = words[i + 1:i + 3] if word == "should" else words[i + 2:i + 4]
                if verb and (lemma_of(verb.lower, "en") in _OUTCOMES["en"]
                             or _BE_ENOUGH.match(" ".join(t.folded for t in after))):
                    spans.append((token.start, token.end))
            continue
        infinitive = _is_fr_conditional(token)
        if not infinitive or infinitive in _FR_NOT_HEDGING:
            continue
        if (infinitive == "avoir" and _PAST_PARTICIPLE.search(nxt) and nxt not in (
                "tendance", "possible", "bien", "peut-etre", "sans")) or (
                infinitive == "etre" and nxt in _MOVED):
            continue                     # "auraient tenu", "serait venu": a counterfactual
        if infinitive == "devoir":
            verb = next((t for t in words[i + 1:i + 4] if t.folded not in (
                "en", "principe", "normalement", "bien", "vite", "donc", "pas", "plus")), None)
            if not verb or not (lemma_of(verb.lower, "fr") in _OUTCOMES["fr"]
                                or _BE_ENOUGH.match(" ".join(t.folded for t in words[
                                    words.index(verb):words.index(verb) + 2]))):
                continue
        if _has_condition(text, token.start, lang):
            continue
        spans.append((token.start, token.end))
    return spans


def _opinion_spans(words: tuple[Token, ...], lang: str) -> list[tuple[int, int]]:
    """"je pense que", "j'estime que", "on peut estimer que", "I think", "we'd argue":
    a first-person verb of opinion, whatever its tense (by lemma)."""
    spans = []
    for i, token in enumerate(words):
        if token.folded not in _SUBJECTS[lang]:
            continue
        j = i + 1
        while j < len(words) and (words[j].folded in _SKIPPED or (
                lang == "fr" and lemma_of(words[j].lower, "fr") == "pouvoir")):
            j += 1
        if j >= len(words):
            continue
        verb = lemma_of(words[j].lower, lang)
        if lang == "fr" and words[j].folded + "r" in _OPINION_VERBS["fr"]:
            verb = words[j].folded + "r"      # "estime": the noun's lemma wins otherwise
        after = words[j + 1].folded if j + 1 < len(words) else ""
        opinion = verb in _OPINION_VERBS[lang]
        if lang == "fr" and verb in ("trouver", "estimer", "considerer"):
            opinion = opinion and after in ("que", "qu")
        if lang == "fr" and verb == "dire":
            opinion = _is_fr_conditional(words[j]) is not None or words[j - 1].folded in (
                "peut", "pourrait", "peux")
        if lang == "en" and verb in ("say", "argue", "venture", "suggest", "think") and \
                words[j - 1].folded in ("d", "would"):
            opinion = True
        if opinion:            # shown with its "que" / "that": "je pense que"
            last = words[j + 1] if after in ("que", "qu", "that") else words[j]
            spans.append((token.start, last.end))
    if lang == "fr":
        for token in words:                   # "les abonnés semblent rester"
            if token.folded.startswith("sembl") and lemma_of(token.lower, "fr") == "sembler":
                spans.append((token.start, token.end))
    return spans


def _phrase_spans(folded: str, words: tuple[Token, ...], lang: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _PHRASE[lang].finditer(folded)]
    for match in _APPROXIMATE.finditer(folded):
        index = next((i for i, t in enumerate(words) if t.start >= match.end()), None)
        if index is None or not _quantity_follows(words, index - 1):
            spans.append(match.span())
    return spans


@functools.lru_cache(maxsize=1024)
def hedges(text: str, lang: str) -> tuple[str, ...]:
    """The hedging words of `text` (as written, in order, each once)."""
    words = tokens(text)
    folded = fold_same_length(text)
    spans = sorted({*_phrase_spans(folded, words, lang), *_modal_spans(text, words, lang),
                    *_opinion_spans(words, lang)})
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    seen: dict[str, str] = {}
    for start, end in merged:
        seen.setdefault(text[start:end].lower(), text[start:end])
    return tuple(seen.values())
