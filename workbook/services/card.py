"""Build a participant's progress card from their own profile (the page's "Share my progress
card" and `workbook card` call this one function).

What each section holds (all of it plain JSON):

- positioning: one_liner, focus_score (0–100 or None), core {target_role, audience,
  deliverable} — the participant's own words, for the pitch round.
- network: total, by_role {role: n}, by_layer {layer: n} — counts only.
- routine: weeks [{week, planned_maintain, done_maintain, planned_expand, done_expand
  (minutes), planned_new, new_people}] for the last ROUTINE_WEEKS weeks, only those since
  the participant started (`routines.weeks_in_use`).
- press: journalists, key_messages, pitched, called_back, level (see
  `progress_card.press_readiness`); absent when all are zero.
- targets: target organisation names (opt-in).
- introductions: organisation names the participant's network can introduce to (opt-in).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid

from workbook.domain import progress_card as rules
from workbook.domain.positioning import CORE_PARTS, Card, analyze_card
from workbook.domain.routines import weekly_actuals, weeks_in_use
from workbook.i18n.numbers import format_list
from workbook.store import positioning as positioning_store
from workbook.store import progress
from workbook.store.routines import load_routine_data
from workbook.store.settings import get_setting, set_setting

ROUTINE_WEEKS = 4
CARD_ID_SETTING = "card.id"


def card_id(conn: sqlite3.Connection) -> str:
    """This profile's card id, made once: it ties its cards together at the coach's end
    (and names its file in a drop folder) without revealing anything."""
    value = get_setting(conn, CARD_ID_SETTING)
    if not value:
        value = uuid.uuid4().hex[:16]
        set_setting(conn, CARD_ID_SETTING, value)
    return value


NAME_SETTING = "display_name"


def saved_name(conn: sqlite3.Connection) -> str:
    """The name this participant gave once for their cards ("" until they say it)."""
    return " ".join((get_setting(conn, NAME_SETTING) or "").split())


def set_name(conn: sqlite3.Connection, name: str) -> bool:
    """Keep the participant's name for every card they make; False (nothing kept) for a
    blank name or one longer than a card carries."""
    name = " ".join(name.split())
    if not name or len(name) > rules.MAX_NAME:
        return False
    set_setting(conn, NAME_SETTING, name)
    return True


def build_card(conn: sqlite3.Connection, profile: str, today: dt.date, group: str = "",
               include: set[str] | frozenset[str] | None = None,
               name: str | None = None) -> rules.ProgressCard:
    """The card with the sections in `include` (default: every section but the opt-in ones)
    that have something to say, in the name given (`name`, else the one kept); `profile`
    is not a name and never shown."""
    include = set(rules.SECTIONS) - set(rules.OPT_IN_SECTIONS) if include is None \
        else set(include)
    makers = {"positioning": _positioning, "network": _network, "routine": _routine,
              "press": _press,
              "targets": lambda c, _t: progress.target_names(c, rules.MAX_NAMES),
              "introductions": lambda c, _t: progress.introduction_names(c, rules.MAX_NAMES)}
    sections = {}
    for section in rules.SECTIONS:
        if section in include:
            value = makers[section](conn, today)
            if value:
                sections[section] = value
    # the name the group knows, never the profile's file name ("default", "claire"): the
    # page and the command ask for it before building a card
    who = " ".join((name or saved_name(conn)).split())[:rules.MAX_NAME]
    if not who:
        raise ValueError("a progress card needs the participant's name: ask for it first")
    return rules.ProgressCard(card_id(conn), who, group, today.isoformat(), sections)


def _positioning(conn: sqlite3.Connection, _today: dt.date) -> dict | None:
    version = positioning_store.latest_version(conn)
    draft = positioning_store.load_draft(conn)
    if version is not None:
        statement, card, score, lang = version.statement, version.card, version.score, \
            version.lang
    elif draft is not None:
        (statement, card), score, lang = draft, None, get_setting(conn, "lang") or "fr"
    else:
        return None
    if not card.one_liner.strip():
        return None
    if score is None:
        score = analyze_card(Card(one_liner=card.one_liner, pitch=card.pitch), lang).score
    return {"one_liner": card.one_liner.strip()[:rules.MAX_TEXT], "focus_score": score,
            "core": {part: getattr(statement, part).strip()[:rules.MAX_TEXT]
                     for part in CORE_PARTS}}


def _network(conn: sqlite3.Connection, _today: dt.date) -> dict | None:
    layers = progress.layer_counts(conn)
    if not layers:
        return None
    return {"total": sum(layers.values()), "by_layer": layers,
            "by_role": progress.role_counts(conn)}


def _routine(conn: sqlite3.Connection, today: dt.date) -> dict | None:
    data = load_routine_data(conn)
    weekly = weeks_in_use(weekly_actuals(data.interactions, data.contacts, today,
                                         weeks=ROUTINE_WEEKS), progress.first_recorded_on(conn))
    settings = data.settings
    weeks = [{"week": row.week_start.isoformat(),
              "planned_maintain": int(settings.maintain_minutes),
              "done_maintain": int(row.maintain_minutes),
              "planned_expand": int(settings.expand_minutes),
              "done_expand": int(row.expand_minutes),
              "planned_new": int(settings.new_per_week), "new_people": int(row.new_people)}
             for row in weekly.itertuples()]
    return {"weeks": weeks} if weeks else None


def _press(conn: sqlite3.Connection, _today: dt.date) -> dict | None:
    counts = progress.press_counts(conn)
    if not any(counts.values()):
        return None
    return {**counts, "level": rules.press_readiness(**counts)}


def describe_card(card: rules.ProgressCard, tr, label=None) -> list[tuple[str, str]]:
    """(section, sentence) for everything the card holds, in the participant's language:
    the preview shown before sharing (page and command line alike)."""
    label = label or (lambda group, code: tr(f"vocab.{group}.{code}")
                      if tr.has(f"vocab.{group}.{code}") else code)
    lines = [("participant", tr("card.preview.participant", name=card.participant,
                                group=card.group or tr("card.preview.no_group")))]
    s = card.sections
    if "positioning" in s:
        p = s["positioning"]
        score = "—" if p.get("focus_score") is None else p["focus_score"]
        lines.append(("positioning", tr("card.preview.positioning", one_liner=p["one_liner"],
                                        score=score)))
        core = p.get("core", {})
        if any(core.values()):
            lines.append(("positioning", tr("card.preview.core", **{
                part: core.get(part) or "—" for part in CORE_PARTS})))
    if "network" in s:
        n = s["network"]
        layers = format_list([f"{label('layer', k)} {v}" for k, v in n["by_layer"].items()],
                             tr.lang, "unit")
        roles = format_list([f"{label('role', k)} {v}" for k, v in n["by_role"].items()],
                            tr.lang, "unit") or "—"
        lines.append(("network", tr("card.preview.network",
                                    contacts=tr.count("card.preview.contacts", n["total"]),
                                    layers=layers, roles=roles)))
    if "routine" in s:
        weeks = s["routine"]["weeks"]
        total = {k: sum(w[k] for w in weeks) for k in weeks[0] if k != "week"} if weeks else {}
        lines.append(("routine", tr(
            "card.preview.routine", weeks=tr.count("card.preview.weeks", len(weeks)),
            new_people=tr.count("card.preview.new_people", total.get("new_people", 0)),
            done_maintain=total.get("done_maintain", 0),
            planned_maintain=total.get("planned_maintain", 0),
            done_expand=total.get("done_expand", 0), planned_expand=total.get("planned_expand", 0),
            planned_new=total.get("planned_new", 0))))
    if "press" in s:
        pr = s["press"]
        counts = [tr.count(f"card.preview.press_{name}", pr[name])
                  for name in ("journalists", "key_messages", "pitched", "called_back")]
        lines.append(("press", tr("card.preview.press", counts=" · ".join(counts),
                                  level=tr(f"group.press.{pr['level']}"))))
    if "targets" in s:
        lines.append(("targets", tr("card.preview.targets",
                                    names=format_list(s["targets"], tr.lang))))
    if "introductions" in s:
        lines.append(("introductions", tr("card.preview.introductions",
                                          names=format_list(s["introductions"], tr.lang))))
    return lines
