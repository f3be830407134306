"""Codes shared by every page: roles, layers, needs, interaction kinds.

Codes are stored in the profile and translated for display (`i18n` keys `vocab.<group>.<code>`).
"""

from __future__ import annotations

# Method, step 2: connectors and prescribers first; journalists get their own page.
ROLES = ("connector", "prescriber", "decision_maker", "journalist", "alumni",
         "ex_colleague", "peer", "expert")

# Layers of importance (method, step 2) sized on Dunbar's 5/15/50/150 circles
# (Dunbar, "How Many Friends Does One Person Need?", 2010). `target` is the network one wants
# to join; `dormant` are ties to revive; `unsorted` is where imports land.
LAYERS = ("inner", "close", "active", "target", "dormant", "unsorted")
SORTED_LAYERS = LAYERS[:-1]
DUNBAR_CAPACITY = {"inner": 5, "close": 15, "active": 50, "target": 150}

# Who seeks what (method, step 2): a director seeks influence, a manager seeks talent.
NEEDS = ("influence", "talent", "information", "visibility", "business", "recognition")

# Interaction kinds (method, step 4): any of them resets the stay-in-touch clock.
INTERACTION_KINDS = ("message", "call", "coffee", "lunch", "event", "greeting_card",
                     "introduction_given", "introduction_received", "offer_relayed")

DIRECTIONS = ("out", "in", "mutual")
PURPOSES = ("maintain", "expand")
