"""Positioning: the specialty a connector can repeat, and how focused a statement is.

SOURCE: the method, step 1 (docs/architecture.md): connectors and prescribers can only recommend you
if they understand your specialty, your expertise and your difference; too generalist or vague
and you interest nobody — "a hand surgeon, not a general surgeon who does a hand now and
then": focus, focus, focus.

Pure: text in, small frozen dataclasses and stable codes out; no i18n. One module per topic:
`statement` (the guided structure, the card), `compose` (card from answers, with phrases
supplied by the caller), `lengths`, `fit` (the composed card within those lengths),
`lexicon_fr`/`lexicon_en` (data) and `lexicons`,
`language` (lemmas and word frequency), `structure` (the parts of a statement read from
its sentences), `analysis` (the focus score and its findings), `versions`, `repeat_back`.
The public names are re-exported here: import them from `workbook.domain.positioning`.
"""

from workbook.domain.positioning.analysis import (
    ALMOST_SCORE,
    BIO_MAX_CHARS,
    FINDING_CODES,
    FOCUSED_SCORE,
    MAX_ANALYSED_CHARS,
    PENALTIES,
    PENALTY_CAPS,
    Finding,
    FocusReport,
    analyze,
    analyze_card,
    focus_level,
    rule_language,
)
from workbook.domain.positioning.compose import (
    Phrases,
    compose_bio,
    compose_card,
    compose_one_liner,
    compose_pitch,
)
from workbook.domain.positioning.fit import (
    ANSWERS_CODES,
    STEP_ADVICE,
    Advice,
    Overlong,
    name_the_answers,
    overlong_answers,
    within_advice,
)
from workbook.domain.positioning.language import is_warm, warm_up
from workbook.domain.positioning.lengths import (
    MIN_WORDS,
    ONE_LINER_MAX_WORDS,
    PITCH_MAX_SECONDS,
    PITCH_MAX_WORDS,
    WORDS_PER_MINUTE,
    count_words,
    first_sentence,
    speech_seconds,
)
from workbook.domain.positioning.lexicons import (
    AUDIENCE_NOUNS,
    BUZZWORDS,
    CLICHES,
    FUNCTIONS,
    SECTORS,
    VAGUE_WORDS,
)
from workbook.domain.positioning.pitch_card import KEY_POINT_PARTS, MAX_KEY_POINTS, key_points
from workbook.domain.positioning.repeat_back import (
    LOST_THRESHOLD,
    RepeatBack,
    RepeatBackSummary,
    core_tokens,
    repeat_back_summary,
    retention,
)
from workbook.domain.positioning.statement import (
    CARD_FIELDS,
    CORE_PARTS,
    REPEAT_BACK_ROLES,
    STEPS,
    Card,
    Statement,
)
from workbook.domain.positioning.versions import (
    Version,
    VersionComparison,
    compare_versions,
    same_content,
)

__all__ = [
    "KEY_POINT_PARTS", "MAX_KEY_POINTS", "key_points",
    "ANSWERS_CODES", "STEP_ADVICE", "Advice", "Overlong", "name_the_answers", "overlong_answers",
    "within_advice",
    "ALMOST_SCORE", "BIO_MAX_CHARS", "AUDIENCE_NOUNS", "BUZZWORDS", "CARD_FIELDS", "CORE_PARTS",
    "CLICHES", "FINDING_CODES", "FOCUSED_SCORE", "FUNCTIONS", "LOST_THRESHOLD",
    "MAX_ANALYSED_CHARS", "MIN_WORDS", "ONE_LINER_MAX_WORDS", "PENALTIES", "PENALTY_CAPS",
    "PITCH_MAX_SECONDS", "PITCH_MAX_WORDS", "REPEAT_BACK_ROLES", "SECTORS", "STEPS",
    "VAGUE_WORDS", "WORDS_PER_MINUTE", "Card", "Finding", "FocusReport", "Phrases",
    "RepeatBack", "RepeatBackSummary", "Statement", "Version", "VersionComparison",
    "analyze", "analyze_card", "compare_versions", "compose_bio", "compose_card",
    "compose_one_liner", "compose_pitch", "core_tokens", "count_words", "first_sentence",
    "focus_level", "repeat_back_summary", "retention", "rule_language", "same_content",
    "speech_seconds", "warm_up", "is_warm",
]
