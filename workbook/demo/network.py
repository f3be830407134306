"""Network map demo data for Camille Durand: target organisations (LAMP), "can introduce to"
links, the three brightest people she knows, and a few network-intelligence answers.
Every person and organisation here is invented."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from workbook.store.network import (
    add_bright_person,
    add_introduction,
    contacts_frame,
    log_intelligence,
    save_target,
)

# (organisation, motivation, posting, advocacy): LAMP scores 0–3; the last has no way in yet
TARGETS = (
    ("Helio Parc Énergies", 3, 2, 2),
    ("VentOuest Éolien", 3, 1, 1),
    ("Solaris Réseaux", 2, 3, 1),
    ("Hydrogène de Provence", 2, 1, 0),
    ("Marée Verte Énergies", 1, 2, 0),
)
# Organisations the connectors can open (targets and one that is not a target)
INTRODUCTION_ORGS = ("Solaris Réseaux", "Hydrogène de Provence", "Marée Verte Énergies",
                     "Helio Parc Énergies", "Conseil Régional Sud")
TITLES = ("Mme", "M.")
BRIGHT_PEOPLE = (
    ("Nora Belkacem", "Voit toute la chaîne logistique d'un parc éolien en un seul croquis."),
    ("Victor Lemaire",
     "A reconstruit un réseau logistique régional en six mois, avec trois fois rien."),
)
INTELLIGENCE = (
    ("new_entrants", "Marée Verte Énergies ouvre un bureau à Nantes au printemps prochain."),
    ("key_players",
     "Chez Solaris Réseaux, la directrice des achats choisit les partenaires logistiques."),
    ("client_sentiment",
     "Les développeurs solaires se plaignent des livraisons en retard sur les sites isolés."),
    ("most_interesting_person",
     "Un chef de site chez Helio Parc qui dirigeait des entrepôts avant."),
)


def seed(conn: sqlite3.Connection, rng: random.Random, today: dt.date) -> None:
    for name, motivation, posting, advocacy in TARGETS:
        save_target(conn, name, motivation=motivation, posting=posting, advocacy=advocacy)
    contacts = contacts_frame(conn)          # ordered by id
    connectors = [int(i) for i, roles in zip(contacts["id"], contacts["roles"])
                  if {"connector", "prescriber"} & set(roles.split())]
    for contact in rng.sample(connectors, min(8, len(connectors))):
        organisation = rng.choice(INTRODUCTION_ORGS)
        person = f"{rng.choice(TITLES)} {rng.choice('BCDFGLMPRT')}."
        add_introduction(conn, contact, organisation, person)
    for name, why in BRIGHT_PEOPLE:
        add_bright_person(conn, name, why)
    for days_ago, (question, answer) in zip((3, 9, 17, 30), INTELLIGENCE):
        contact = rng.choice(connectors) if connectors else None
        log_intelligence(conn, (today - dt.timedelta(days=days_ago)).isoformat(), question,
                         answer, contact_id=contact)
