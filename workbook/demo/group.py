"""The demo coach's club: ten invented job seekers, three weekly sessions, their progress
cards, two rounds of pairs, pitch-round notes and an intelligence board — so the group page is
never empty. Written through `workbook.store.group` only; every person here is invented."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from workbook.domain.group import pairing_rounds
from workbook.domain.progress_card import ProgressCard
from workbook.store import group as store
from workbook.store.settings import get_setting

GROUP_NAME = "Club Cadres Énergie – mardi"

# (display name, one-liner, core (role, audience, deliverable), targets, can introduce to)
MEMBERS = (
    ("Aline M.", "Contrôleuse de gestion qui fiabilise les prévisions des PME industrielles.",
     ("contrôleuse de gestion", "PME industrielles", "prévisions fiables"),
     ("Helio Parc Énergies SAS", "Groupe Vaubanne"), ("LogiNord Transports",)),
    ("Bruno K.", "Acheteur projets qui sécurise les approvisionnements des chantiers éoliens.",
     ("acheteur projets", "développeurs éoliens", "approvisionnements sécurisés"),
     ("VentOuest Éolien",), ("Helio Parc Énergies", "Ouest Éco")),
    ("Chantal D.", "Juriste droit de l'énergie pour les collectivités qui lancent des parcs.",
     ("juriste droit de l'énergie", "collectivités", "montages juridiques de parcs"),
     ("Conseil Régional Sud", "Solaris Réseaux SA"), ("Vaubanne",)),
    ("Driss B.", "Chef de projet data qui réduit les pannes des réseaux de chaleur.",
     ("chef de projet data", "exploitants de réseaux de chaleur", "moins de pannes"),
     ("Hydrogène de Provence",), ("Conseil régional Sud",)),
    ("Estelle F.", "Responsable RH qui recrute des techniciens de maintenance éolienne.",
     ("responsable RH", "exploitants éoliens", "techniciens recrutés"),
     ("LogiNord Transports Ltd",), ("VentOuest Eolien", "Solaris Réseaux")),
    ("Fabien G.", "Commercial grands comptes pour les solutions de stockage d'énergie.",
     ("commercial grands comptes", "industriels énergivores", "contrats de stockage"),
     ("Ouest Éco",), ()),
    ("Gisèle H.", "Cheffe de projet solaire qui livre les centrales dans les délais.",
     ("cheffe de projet solaire", "développeurs", "centrales livrées à temps"),
     ("Entrepôts Valmy",), ("Hydrogène de Provence GmbH",)),
    ("Hamid T.", "Ingénieur qualité qui certifie les sites de production d'hydrogène.",
     ("ingénieur qualité", "producteurs d'hydrogène", "sites certifiés"), (), ()),
    ("Isabelle R.", "Chargée de communication pour les start-up de la transition énergétique.",
     ("chargée de communication", "start-up de la transition", "visibilité presse"),
     ("Le Journal de l'Énergie",), ("Entrepôts Valmy",)),
    ("Jonas V.", "Consultant supply chain, ouvert à tout poste dans l'industrie ou l'énergie.",
     ("consultant supply chain", "", ""), ("Helio Parc Énergies",), ()),
)
# The coach's own words for each session, in the language the demo is served in (the members'
# one-liners and notes stay theirs, in French).
AGENDAS = {
    "fr": ("Accueil, tour de pitch, binômes", "Veille du réseau, mises en relation",
           "Point d'étape, binômes, tour de pitch"),
    "en": ("Welcome, pitch round, pairs", "Network intelligence, introductions",
           "Progress check, pairs, pitch round"),
}
ROLES = ("connector", "prescriber", "decision_maker", "alumni", "ex_colleague", "peer")


def seed(conn: sqlite3.Connection, rng: random.Random, today: dt.date) -> None:
    group_id = store.create_group(conn, GROUP_NAME)
    slug = store.list_groups(conn)[-1]["slug"]
    ids = {name: store.add_participant(conn, group_id, name, f"demo{n:02d}card")
           for n, (name, *_rest) in enumerate(MEMBERS)}
    days = [today - dt.timedelta(days=14), today - dt.timedelta(days=7), today]
    agendas = AGENDAS.get(get_setting(conn, "lang") or "fr", AGENDAS["fr"])
    sessions = [store.open_session(conn, group_id, day, agenda)
                for day, agenda in zip(days, agendas)]
    absent_second = ids["Hamid T."]
    store.set_attendance(conn, sessions[1], absent_second, False)
    for number, (session, day) in enumerate(zip(sessions, days)):
        for n, member in enumerate(MEMBERS):
            if number == 2 and n in (7, 9):   # two cards still to come this week
                continue
            card = _card(member, f"demo{n:02d}card", slug, day, number, rng)
            store.import_card(conn, group_id, session, card)
    history: list = []
    roster = sorted(ids.values())
    for number, (session, day) in enumerate(zip(sessions[:2], days[:2])):
        absent = {absent_second} if number == 1 else set()
        groups = pairing_rounds(roster, 1, history=history, absent=absent,
                                seed=group_id)[0]
        store.save_round(conn, group_id, session, day, groups)
        history.append(groups)
    store.add_avoid(conn, group_id, ids["Aline M."], ids["Jonas V."])
    for speaker, listener, words in (
            ("Bruno K.", "Aline M.", "acheteur pour les chantiers éoliens"),
            ("Bruno K.", "Driss B.", "il sécurise les achats des parcs éoliens"),
            ("Jonas V.", "Estelle F.", "il fait de la logistique, je crois"),
            ("Aline M.", "Fabien G.", "contrôle de gestion dans l'industrie")):
        store.add_pitch_note(conn, sessions[1], ids[speaker], listener, words)
    for question, who, answer in (
            ("new_on_market", "Bruno K.", "VentOuest Éolien ouvre une agence à Nantes."),
            ("key_players", "Chantal D.", "La direction des achats du Conseil Régional Sud."),
            ("talked_to", "Isabelle R.", "Une journaliste du Journal de l'Énergie, très ouverte."),
            ("competitors", "Fabien G.", "Deux acteurs du stockage recrutent des commerciaux.")):
        store.add_board_entry(conn, sessions[1], question, ids[who], answer)


def _card(member: tuple, card_id: str, slug: str, day: dt.date, number: int,
          rng: random.Random) -> ProgressCard:
    name, one_liner, core, targets, introductions = member
    total = 60 + 25 * number + rng.randint(0, 40)
    by_layer = {"inner": 5, "close": 12 + number, "active": 30 + 5 * number,
                "target": 8 + 8 * number}
    by_layer["unsorted"] = max(total - sum(by_layer.values()), 0)
    weeks = []
    for back in range(3, -1, -1):
        week = day - dt.timedelta(days=day.weekday() + 7 * back)
        weeks.append({"week": week.isoformat(), "planned_maintain": 120,
                      "done_maintain": rng.choice((0, 60, 90, 120, 150)),
                      "planned_expand": 180, "done_expand": rng.choice((0, 60, 120, 180)),
                      "planned_new": 5, "new_people": rng.randint(0, 6)})
    sections = {
        "positioning": {"one_liner": one_liner,
                        "focus_score": min(95, 40 + 15 * number + rng.randint(0, 20)),
                        "core": dict(zip(("target_role", "audience", "deliverable"), core))},
        "network": {"total": sum(by_layer.values()), "by_layer": by_layer,
                    "by_role": {role: rng.randint(1, 12) for role in ROLES}},
        "routine": {"weeks": weeks},
    }
    if number >= 1 and rng.random() < 0.6:
        sections["press"] = {"journalists": 2, "key_messages": 3 if number == 2 else 1,
                             "pitched": number - 1, "called_back": 0,
                             "level": "ready" if number == 2 else "preparing"}
    if targets:
        sections["targets"] = list(targets)
    if introductions:
        sections["introductions"] = list(introductions)
    return ProgressCard(card_id, name, slug, day.isoformat(), sections)
