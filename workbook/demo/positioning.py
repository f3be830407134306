"""Demo positioning history: Camille's vague first draft, then two sharper
versions, and four connectors' repeat-backs of the latest. Invented text."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from workbook.domain.positioning import Card, Statement, analyze_card, compose_card
from workbook.i18n import Translator
from workbook.store.positioning import (
    add_repeat_back,
    connector_contacts,
    save_version,
)

_ROLE = "Responsable supply chain"
_SECTOR = "énergies renouvelables"
_PROBLEM = "retards d'approvisionnement des chantiers"
_AUDIENCE = "développeurs de parcs solaires"

VERSIONS = (
    (14, Statement(_ROLE, _SECTOR, _PROBLEM, _AUDIENCE,
                   "je sécurise les livraisons des chantiers", "")),
    (3, Statement(_ROLE, _SECTOR, _PROBLEM, "les développeurs de parcs solaires",
                  "je ramène les retards de livraison de 6 à 2 semaines",
                  "8 ans chez un fabricant de panneaux avant de passer côté client")),
)

REPEAT_BACKS = (
    "C'est une responsable supply chain pour les développeurs solaires : elle réduit les "
    "retards de livraison sur les chantiers.",
    "Camille fait de la logistique dans l'énergie, elle cherche un poste de responsable "
    "supply chain.",
    "Une responsable supply chain qui travaille pour les parcs solaires.",
    "Elle travaille dans les énergies renouvelables, côté approvisionnement, pour les "
    "développeurs de parcs.",
)


# Camille's first draft: a generalist line, the kind that gets no referral.
FIRST_DRAFT = (Statement(_ROLE, _SECTOR, _PROBLEM, _AUDIENCE, "", ""),
               Card(one_liner="Responsable supply chain polyvalente, ouverte à toutes "
                              "opportunités dans la logistique et l'énergie."))


def seed(conn: sqlite3.Connection, rng: random.Random, today: dt.date) -> None:
    statement, card = FIRST_DRAFT
    when = dt.datetime.combine(today - dt.timedelta(days=28), dt.time(9, 30))
    save_version(conn, statement, card, "fr", analyze_card(card, "fr").score,
                 created_at=when.isoformat(timespec="seconds"))
    latest = None
    for days_ago, statement in VERSIONS:
        card = compose_card(statement, "fr", Translator("fr"))
        when = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(18, 5))
        latest = save_version(conn, statement, card, "fr", analyze_card(card, "fr").score,
                              created_at=when.isoformat(timespec="seconds"))
    connectors = connector_contacts(conn, limit=len(REPEAT_BACKS))
    for (name, contact_id), words in zip(connectors, REPEAT_BACKS):
        heard_on = today - dt.timedelta(days=rng.randint(0, 2))
        add_repeat_back(conn, latest, name, words, heard_on.isoformat(), contact_id)
