"""The intelligence board members fill together each session."""

from __future__ import annotations

# The network-intelligence questions members pool each session. SOURCE: the method, step 5
# ("who is new on the market?", "who are the key players we should talk to?").
BOARD_QUESTIONS = ("new_on_market", "competitors", "key_players", "client_mood",
                   "talked_to", "most_interesting")
