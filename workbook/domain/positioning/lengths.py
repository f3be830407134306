"""How long a statement may be: what a connector can repeat, what fits in 30 seconds.

SOURCE: speech rate — about 150 words a minute, the usual figure for conversational English
and French, so 75 words ≈ 30 seconds; media-training norm (docs/architecture.md, the method, step
3): the main message said in ≤ 20 seconds, a pitch in 30.
"""

from __future__ import annotations

import re

WORDS_PER_MINUTE = 150
# A one-liner over ~20 words (8 seconds aloud) cannot be repeated by someone who heard it once.
ONE_LINER_MAX_WORDS = 20
PITCH_MAX_SECONDS = 30
PITCH_MAX_WORDS = WORDS_PER_MINUTE * PITCH_MAX_SECONDS // 60
MIN_WORDS = 6
# LinkedIn cuts a headline (the bio line's place) at 220 characters.
BIO_MAX_CHARS = 220

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def speech_seconds(words: int) -> float:
    """Seconds needed to say `words` words at ~150 words a minute (conversational pace)."""
    return round(words * 60 / WORDS_PER_MINUTE, 1)


def count_words(text: str) -> int:
    """Words as a listener hears them: "touche-à-tout" and "l'industrie" count once."""
    return len(_WORD.findall(text or ""))


def first_sentence(text: str) -> str:
    """The first sentence of `text` (what a listener retains first), or ""."""
    for piece in _SENTENCE_END.split((text or "").strip()):
        if piece.strip():
            return piece.strip()
    return ""
